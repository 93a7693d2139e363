"""PLOVER events: types, source and target, modality, captions, outlets, and the reference article."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from eventwire import Pipeline
from eventwire.extract.event_lexicon import PLOVER_TYPES, TRIGGERS_FILE, load_event_lexicon
from eventwire.models import Analysis, Event, Modality, Section
from eventwire.resolve.actors import resolver_for
from tests.conftest import SHARED

EXPECTED = SHARED / "examples" / "isis-hamas-gaza.expected.json"


def kb_id(name: str) -> str:
    match = resolver_for((), "md").kb.lookup(name)
    assert match is not None, f"{name!r} is not in the shipped knowledge base"
    return match.record.id


def who(mention) -> set[str | None]:  # type: ignore[no-untyped-def]
    """Actor id and country of a mention, so a test can name either."""
    return {mention.actor, mention.country} if mention is not None else {None}


def find(
    analysis: Analysis, type_: str, source: str | None = None, target: str | None = None,
    section: Section = Section.BODY,
) -> list[Event]:  # fmt: skip
    return [
        e for e in analysis.events
        if e.type == type_ and e.section is section
        and (source is None or source in who(e.source)) and (target is None or target in who(e.target))
    ]  # fmt: skip


def one(analysis: Analysis, type_: str, source: str | None = None, target: str | None = None) -> Event:
    found = find(analysis, type_, source, target)
    assert found, f"no {type_} {source}->{target} in {describe(analysis)}"
    return max(found, key=lambda e: e.confidence)


def describe(analysis: Analysis) -> list[str]:
    return [
        f"{e.type}:{e.source.actor if e.source else None}->{e.target.actor if e.target else None}"
        f"({e.modality.value},{e.confidence})"
        for e in analysis.events
    ]


# ------------------------------------------------------------------ one sentence per PLOVER type
TYPE_CASES = [
    ("Jordan and Egypt agreed on Monday to resume natural gas deliveries.", "AGREE", "JOR", None),
    (
        "The Iranian foreign minister met his Turkish counterpart in Ankara on Sunday.",
        "CONSULT",
        "IRN",
        "TUR",
    ),
    ("Germany praised Kenya for the peaceful conduct of its election.", "SUPPORT", "DEU", "KEN"),
    (
        "The Egyptian government eased restrictions on opposition newspapers last week.",
        "CONCEDE",
        "EGY",
        None,
    ),
    ("Spain extradited the suspect to France on Friday.", "COOPERATE", "ESP", "FRA"),
    ("Japan donated medical supplies to Bangladesh after the floods.", "AID", "JPN", "BGD"),
    ("Russia withdrew its troops from Georgia in October.", "RETREAT", "RUS", "GEO"),
    ("Nigeria urged Chad to reopen the border crossing.", "REQUEST", "NGA", "TCD"),
    ("Pakistan accused India of shelling villages near the border.", "ACCUSE", "PAK", "IND"),
    ("Iran rejected the French proposal on Tuesday.", "REJECT", "IRN", "FRA"),
    ("North Korea threatened to attack South Korea.", "THREATEN", "PRK", "KOR"),
    ("Thousands of Kenyans protested against the government in Nairobi on Saturday.", "PROTEST", "KEN", None),
    ("Canada expelled two Russian diplomats on Tuesday.", "SANCTION", "CAN", "RUS"),
    ("Turkey deployed troops along the Syrian border.", "MOBILIZE", "TUR", None),
    ("Egyptian police arrested dozens of Sudanese migrants in Cairo.", "COERCE", "EGY", "SDN"),
    ("Israeli aircraft bombed Hamas positions in Gaza overnight.", "ASSAULT", "ISR", None),
]


@pytest.mark.parametrize(("text", "type_", "source", "target"), TYPE_CASES, ids=[c[1] for c in TYPE_CASES])
def test_each_plover_type(pipeline: Pipeline, text: str, type_: str, source: str, target: str | None) -> None:
    analysis = pipeline.analyze_text(text)
    event = one(analysis, type_, source, target)
    assert event.cameo and event.modality in (Modality.ACTUAL, Modality.THREATENED)
    assert 0.0 <= event.confidence <= 1.0
    assert analysis.article.text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert event.trigger.start >= event.evidence.start and event.trigger.end <= event.evidence.end


def test_the_chosen_event_of_a_sentence_is_the_main_one(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Thousands of Kenyans rallied in Nairobi to demand the release of the activist."
    )
    best = max((e for e in analysis.events if e.section is Section.BODY), key=lambda e: e.confidence)
    assert best.type == "PROTEST"


# ------------------------------------------------------------------ argument patterns
def test_passive_with_by_agent(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Hamas was accused by Israel of smuggling weapons through the tunnels.")
    event = one(analysis, "ACCUSE", "ISR", kb_id("Hamas"))
    assert event.target is not None and event.target.text == "Hamas"


def test_coordinated_targets_give_one_event_each(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Israel accused Hamas and Fatah of inciting violence in the West Bank.")
    assert find(analysis, "ACCUSE", "ISR", kb_id("Hamas")) and find(analysis, "ACCUSE", "ISR", kb_id("Fatah"))


def test_coordinated_sources_give_one_event_each(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Jordan and Britain have agreed to hold joint military exercises.")
    assert find(analysis, "AGREE", "JOR") and find(analysis, "AGREE", "GBR")


def test_plural_reference_to_a_pair(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The rivalry between Hamas and ISIS is complicated. "
        "The Israeli government has accused the two groups of working together."
    )
    assert find(analysis, "ACCUSE", "ISR", kb_id("Hamas")) and find(analysis, "ACCUSE", "ISR", kb_id("ISIS"))
    assert not find(analysis, "COOPERATE")  # the accused act is the accusation's (coding rule 6)


def test_xcomp_target_pronoun_resolves_to_antecedent(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "ISIS accused Hamas of being too lax and threatened to drive it out of the region."
    )
    event = one(analysis, "THREATEN", kb_id("ISIS"), kb_id("Hamas"))
    assert event.target is not None and event.target.text == "it"
    assert "threatened to drive it out" in event.evidence.text


def test_relative_clause_source_is_its_antecedent(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The army of Mali, which has been cracking down on smugglers, arrested six men in Gao."
    )
    assert find(analysis, "COERCE", "MLI")
    crackdown = [e for e in find(analysis, "COERCE", "MLI") if "cracking" in e.trigger.text]
    assert crackdown and crackdown[0].target is not None and "smugglers" in crackdown[0].target.text


def test_noun_trigger_takes_the_light_verb_subject(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Syrian rebels launched several attacks against government positions.")
    event = one(analysis, "ASSAULT", "SYR")
    assert "attacks" in event.trigger.text


def test_weapon_object_is_not_the_target(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Militants in Gaza fired rockets into Israel on Sunday.")
    one(analysis, "ASSAULT", target="ISR")


# ------------------------------------------------------------------ modality
def test_denied_attacking_is_a_negated_attack_not_a_rejection(candidates: Pipeline) -> None:
    # the reading, whatever the scorer makes of a one-sentence text: no candidate is a REJECT
    analysis = candidates.analyze_text("Iran denied attacking the Saudi oil tanker.")
    attack = one(analysis, "ASSAULT", "IRN")
    assert attack.modality is Modality.NEGATED
    assert not find(analysis, "REJECT")


def test_plain_negation(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Syria did not attack Israel during the talks.")
    assert one(analysis, "ASSAULT", "SYR", "ISR").modality is Modality.NEGATED


def test_threat_and_the_threatened_act(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("North Korea threatened to strike the United States with missiles.")
    threat = one(analysis, "THREATEN", "PRK", "USA")
    assert threat.modality is Modality.ACTUAL
    assert not find(analysis, "ASSAULT")  # one threat, one event: the strike is what is threatened


def test_conditional_strike_is_hypothetical(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Israel would strike Iran if it enriched more uranium, officials said.")
    threat = one(analysis, "THREATEN", "ISR", "IRN")  # the stated intention carries the strike
    assert threat.modality is Modality.ACTUAL and not find(analysis, "ASSAULT")


def test_future_refusal_is_a_rejection(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Syria says it will not accept any more refugees.")
    assert one(analysis, "REJECT", "SYR").modality is Modality.ACTUAL


def test_hedged_reports_are_alleged(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Rebels allegedly launched rockets at the airport in Tripoli.")
    attack = one(analysis, "ASSAULT")
    assert attack.alleged and attack.modality is Modality.ALLEGED
    analysis = pipeline.analyze_text("Government troops reportedly shelled the town of Idlib on Sunday.")
    assert one(analysis, "ASSAULT").alleged


def test_is_accused_of_makes_the_act_alleged(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Hamas is accused of firing rockets at Israel.")
    act = one(analysis, "ASSAULT", kb_id("Hamas"), "ISR")
    assert act.alleged


def test_hedge_carries_over_coordination(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Extremists loyal to ISIS have allegedly launched attacks against Hamas, and have also tried "
        "to complicate matters by shooting rockets into Israel."
    )
    assert one(analysis, "ASSAULT", kb_id("ISIS"), kb_id("Hamas")).alleged
    assert one(analysis, "ASSAULT", kb_id("ISIS"), "ISR").alleged


def test_requested_act_is_hypothetical(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("The archbishop called for sanctions against Nigeria.")
    request = one(analysis, "REQUEST", target="NGA")
    assert request.modality is Modality.ACTUAL
    assert all(e.modality is Modality.HYPOTHETICAL for e in find(analysis, "COERCE"))


# ------------------------------------------------------------------ speech, outlets, captions
def test_threat_in_a_quote_belongs_to_the_speaker(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "“We will destroy the army of Israel,” a Hezbollah commander said in a speech on Friday."
    )
    threat = one(analysis, "THREATEN", kb_id("Hezbollah"), "ISR")
    assert threat.source is not None and threat.source.text != "We"


def test_outlets_report_but_never_act(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Hamas attacked an army post near the border, the New York Times reported. "
        "Reuters accused the militants of breaking the truce."
    )
    outlets = {kb_id("Reuters"), kb_id("The New York Times")}
    for event in analysis.events:
        if event.type in ("THREATEN", "ACCUSE", "ASSAULT"):
            assert event.source is None or event.source.actor not in outlets
    attack = one(analysis, "ASSAULT", kb_id("Hamas"))
    assert attack.reported_by == resolver_for((), "md").kb.get(kb_id("The New York Times")).name  # type: ignore[union-attr]


def test_a_newsroom_named_by_its_role_does_not_do_what_it_reports(pipeline: Pipeline) -> None:
    """ "Iranian state media" and "the state newspaper" resolve to a state and an unknown
    outlet, not to a media record: still no doer of an attack or an arrest, but the state's
    voice when they accuse."""
    analysis = pipeline.analyze_text(
        "Iranian state media attacked the protesters in the square. "
        "The state newspaper arrested two journalists. "
        "Iranian state media accused the United States of lying."
    )
    for event in analysis.events:
        if event.type in ("ASSAULT", "COERCE") and event.source is not None:
            assert "media" not in event.source.text and "newspaper" not in event.source.text
    one(analysis, "ACCUSE", "IRN", "USA")


def test_caption_events_are_flagged_and_kept_apart(pipeline: Pipeline) -> None:
    text = (
        "Police-Cairo-arrest\n"
        "Egyptian police arrest a protester during a rally in Cairo on Friday. Reuters/Jane Example\n\n"
        "Egypt's parliament approved a new budget on Sunday. Lawmakers praised the finance minister."
    )
    analysis = pipeline.analyze_text(text)
    caption = analysis.article.sections["caption"]
    in_caption = [e for e in analysis.events if caption[0] <= e.trigger.start < caption[1]]
    assert in_caption and all(e.section is Section.CAPTION for e in in_caption)
    assert not find(analysis, "COERCE")  # not in the story
    assert all(e.section is Section.BODY for e in analysis.events if e.trigger.start >= caption[1])


# ------------------------------------------------------------------ data files
def test_lexicon_covers_every_type_with_valid_cameo_codes() -> None:
    lexicon = load_event_lexicon()
    rows = [t for rows in lexicon.triggers.values() for t in rows]
    for type_ in PLOVER_TYPES:
        typed = [t for t in rows if t.type == type_]
        assert len(typed) >= 5, type_
        assert {t.pos for t in typed} & {"VERB", "ADJ", "AUX"} and {t.pos for t in typed} & {"NOUN"} or type_ in (
            "REQUEST", "THREATEN", "REJECT", "MOBILIZE", "CONCEDE", "COOPERATE", "SUPPORT", "AGREE", "AID",
        ), type_  # fmt: skip
    for trigger in rows:
        if trigger.cameo:
            assert lexicon.cameo[trigger.cameo].plover == trigger.type, trigger.origin
    assert {c.plover for c in lexicon.cameo.values()} == set(PLOVER_TYPES)


def test_lexicon_file_is_plain_csv_users_can_extend(tmp_path: Path) -> None:
    with TRIGGERS_FILE.open(encoding="utf-8") as handle:
        header = next(csv.reader(line for line in handle if not line.startswith("#")))
    assert header[:4] == ["lemma", "pos", "type", "cameo"]
    extra = tmp_path / "more.csv"
    extra.write_text(
        ",".join(header) + "\nbombard verbally,VERB,ACCUSE,111,,event,,,0.9,\n", encoding="utf-8"
    )
    lexicon = load_event_lexicon((extra,))
    assert any(t.phrase == "bombard verbally" for t in lexicon.triggers[("bombard", "VERB")])


# ------------------------------------------------------------------ the reference article
def test_reference_article_events(pipeline: Pipeline, reference_text: str) -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    analysis = pipeline.analyze_text(reference_text, published=dt.date.fromisoformat(expected["published"]))
    names = {a["name"]: a for a in expected["actors"]}
    for gold in expected["events"]:
        source_id = _actor_id(names, gold["source"])
        target_id = _actor_id(names, gold["target"])
        matches = [
            e for e in analysis.events
            if e.type == gold["type"] and e.section is Section.BODY and gold["evidence_contains"] in e.evidence.text
            and e.source is not None and e.source.actor == source_id
            and (target_id is None and e.target is not None and _words(gold["target"]) & _words(e.target.text)
                 or e.target is not None and e.target.actor == target_id)
            and e.alleged == gold.get("alleged", False)
        ]  # fmt: skip
        assert matches, f"expected {gold} in {describe(analysis)}"


def test_reference_article_must_not(pipeline: Pipeline, reference_text: str) -> None:
    analysis = pipeline.analyze_text(reference_text, published=dt.date(2015, 7, 1))
    caption = analysis.article.sections["caption"]
    hamas, outlets = kb_id("Hamas"), {kb_id("Reuters"), kb_id("The New York Times")}
    for event in analysis.events:
        from_caption = caption[0] <= event.trigger.start < caption[1] or event.section is Section.CAPTION
        source = event.source.actor if event.source else None
        target = event.target.actor if event.target else None
        assert not (event.type == "ASSAULT" and from_caption and source == hamas and target == "country:ISR")
        if event.type in ("THREATEN", "ACCUSE", "ASSAULT"):
            assert source not in outlets, event
    assert all(
        e.date is None or e.date <= dt.date(2015, 7, 1) for e in analysis.events
    )  # "Tuesday" is never after publication


def _actor_id(names: dict[str, dict], name: str) -> str | None:
    actor = names.get(name)
    if actor is None:
        return None  # described, not named ("jihadists in Gaza"): matched on words
    if actor.get("kind") == "country":
        return f"country:{actor['country']}"
    return kb_id(name)


def _words(text: str) -> set[str]:
    return {w.strip(".,").lower() for w in text.split() if len(w) > 3}


# ------------------------------------------------------------------ actors of events (our sentences)
def test_us_in_capitals_is_the_country_not_we(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The US on Friday rejected proposals by Brazil to reform the trade body."
    )
    assert one(analysis, "REJECT", "USA").source.text == "The US"  # type: ignore[union-attr]


def test_subject_parsed_into_a_preceding_phrase(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Along the border, Hezbollah (the Party of God) has been flouting Lebanon."
    )
    assert find(analysis, "REJECT", kb_id("Hezbollah"), "LBN")


def test_possessive_pronoun_names_the_owner_and_a_mentioned_truce_is_no_event(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Hezbollah signed a deal last year. Al-Qaeda now opposes its truce with Israel, the report said."
    )
    event = one(analysis, "ACCUSE", kb_id("al-Qaeda"), kb_id("Hezbollah"))
    assert event.target is not None and event.target.text == "its"
    assert not find(analysis, "RETREAT")  # the truce exists; nobody declared it here


def test_cooperation_between_a_pair_is_one_event_between_them(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Hamas and Fatah met in Cairo. There is cooperation between them in the realm of security."
    )
    assert one(analysis, "COOPERATE", kb_id("Hamas"), kb_id("Fatah"))


def test_coordinated_demonyms_before_one_role_are_both_sources(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Senior Polish and Czech officials agreed on Monday to open the border.")
    assert find(analysis, "AGREE", "POL") and find(analysis, "AGREE", "CZE")


def test_demonym_before_a_people_names_the_country_of_residence(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Iraqi Kurds attacked a checkpoint near Mosul on Sunday.")
    assert find(analysis, "ASSAULT", "IRQ")


def test_mobilized_forces_are_not_the_target_but_against_is(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "France mobilized army reservists for a possible war against Libya on Monday."
    )
    event = one(analysis, "MOBILIZE", "FRA")
    assert "LBY" in who(event.target)


def test_forces_sent_are_the_doers_own_not_the_target(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Kenya sent 2,000 soldiers to the northern province on Monday.")
    event = one(analysis, "MOBILIZE", "KEN")
    assert event.target is None


def test_forces_deployed_in_the_passive_are_the_doer(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Chadian soldiers were deployed on Friday to guard the main roads out of the capital."
    )
    event = one(analysis, "MOBILIZE", "TCD")
    assert event.target is None


def test_forces_deployed_by_an_agent_leave_the_agent_the_doer(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Some 3,000 troops were deployed by Nigeria to the border with Niger on Tuesday."
    )
    event = one(analysis, "MOBILIZE", "NGA")
    assert event.target is None or "troops" not in event.target.text


def test_reinforcements_sent_are_forces_deployed(candidates: Pipeline) -> None:
    """ "reinforcements" names troops (actors/roles.csv), so sending them is a deployment,
    in the active with its sender and in the passive with no agent."""
    analysis = candidates.analyze_text("The Malian army sent reinforcements to Gao after the raid on Sunday.")
    assert "MLI" in {e.source.country for e in analysis.events if e.type == "MOBILIZE" and e.source}
    analysis = candidates.analyze_text(
        "Reinforcements have been sent in to secure the road, the governor said."
    )
    assert [e.source.text for e in analysis.events if e.type == "MOBILIZE" and e.source] == ["Reinforcements"]


def test_forces_posted_are_deployed_but_a_diplomat_or_a_video_posted_is_not(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Troops have been posted around the airport to protect the fuel convoys."
    )
    assert [e.source.text for e in analysis.events if e.type == "MOBILIZE" and e.source] == ["Troops"]
    for text in (
        "The ambassador, a career diplomat posted in Lima since 2020, left the country on Monday.",
        "The army posted a video on social media on Monday.",
    ):
        assert not [e for e in candidates.analyze_text(text).events if e.type == "MOBILIZE"]


def test_a_deadline_to_leave_is_an_expulsion_but_permission_to_leave_is_not(candidates: Pipeline) -> None:
    """ "given seven days to leave" (phrase rows give day leave, give hour leave): SANCTION 166."""
    analysis = candidates.analyze_text(
        "Two Swedish diplomats in Kabul have been given seven days to leave, the ministry said."
    )
    assert [(e.type, e.cameo) for e in analysis.events] == [("SANCTION", "166")]
    analysis = candidates.analyze_text("The families were given permission to leave the camp on Monday.")
    assert not [e for e in analysis.events if e.type == "SANCTION"]


def test_threat_target_is_who_must_meet_the_condition(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "China has threatened to stop the talks if Japan goes ahead with the plan."
    )
    assert find(analysis, "THREATEN", "CHN", "JPN")


def test_pushing_for_someone_to_act_is_a_request_of_them(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Reports say Germany is pushing hard for the EU support its climate plan."
    )
    best = max(analysis.events, key=lambda e: e.confidence)
    assert best.type == "REQUEST" and kb_id("EU") in who(best.target)


def test_a_vow_that_attacks_will_continue_is_a_threat(pipeline: Pipeline) -> None:
    text = "The Houthis vowed that their attacks on shipping would continue until the war ends."
    events = pipeline.analyze_text(text, published=dt.date(2024, 4, 16)).events
    threat = next(e for e in events if e.trigger.text == "vowed")
    assert (threat.type, threat.source.actor) == ("THREATEN", "houthis")
    assert not [e for e in events if e.type == "ASSAULT"]  # announced, not done: the threat holds it


def test_mutual_acts_are_coded_both_ways(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Jordan and Egypt agreed on Monday to resume natural gas deliveries.")
    assert find(analysis, "AGREE", "JOR", "EGY") and find(analysis, "AGREE", "EGY", "JOR")
    analysis = pipeline.analyze_text("Syrian rebels clashed with Turkish troops near the border on Sunday.")
    assert find(analysis, "ASSAULT", "SYR", "TUR") and find(analysis, "ASSAULT", "TUR", "SYR")


def test_a_misparsed_verb_takes_the_actors_around_it(pipeline: Pipeline) -> None:
    """spaCy reads "hosted" here as an adjective of the guest's name: the parse gives no arguments."""
    analysis = pipeline.analyze_text(
        "Russian President Boris Yeltsin on Saturday hosted Japanese Prime Minister Ryutaro Hashimoto "
        "in this Siberian city for an informal meeting."
    )
    event = next(e for e in analysis.events if e.type == "CONSULT")
    assert who(event.source) and "yeltsin" in (event.source.actor or "")
    assert event.target is not None and "hashimoto" in (event.target.actor or "")


def test_a_dateline_is_not_a_subject(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "JERUSALEM, March 3 (Wire) — Israeli warplanes struck what the military said were weapons depots."
    )
    strike = one(analysis, "ASSAULT", "ISR")
    assert strike.source is not None and strike.source.text == "Israeli warplanes"
    assert strike.target is None  # what the military said: not an actor


def test_a_list_read_as_an_apposition_gives_every_member(candidates: Pipeline) -> None:
    """spaCy reads "The EU, NATO, the USA and ..." as EU with NATO in apposition and the rest
    conjuncts of NATO; a renaming apposition ("Lavrov, the foreign minister") stays one actor."""
    analysis = candidates.analyze_text(
        "The EU, NATO, the USA and other countries have welcomed the ceasefire deal."
    )
    sources = {e.source.text for e in analysis.events if e.type == "SUPPORT" and e.source is not None}
    assert {"The EU", "NATO", "the USA"} <= sources
    analysis = candidates.analyze_text(
        "Sergei Lavrov, the Russian foreign minister, condemned the strikes on Monday."
    )
    accusers = [e.source for e in analysis.events if e.type == "ACCUSE"]
    assert len(accusers) == 1 and "lavrov" in (accusers[0].actor or "")


def test_breaking_off_relations_between_two_named_states_is_mutual(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Kenya and Somalia broke off diplomatic relations on Monday.")
    assert find(analysis, "SANCTION", "KEN", "SOM") and find(analysis, "SANCTION", "SOM", "KEN")


def test_relative_pronoun_targets_are_the_people_they_refer_to(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Iranian police released two journalists who had been arrested in Tehran in November."
    )
    arrest = next(e for e in analysis.events if e.type == "COERCE")
    assert arrest.target is not None and arrest.target.text == "two journalists"


def test_the_people_a_quantity_counts_are_the_target(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Two militants opened fire on a group of paramilitary soldiers in Srinagar on Sunday."
    )
    attack = next(e for e in analysis.events if e.type == "ASSAULT")
    assert attack.target is not None and attack.target.text.startswith("paramilitary soldiers")
    analysis = candidates.analyze_text(
        "Police in Bangkok used water cannon against thousands of demonstrators."
    )
    coerce = next(e for e in analysis.events if e.type == "COERCE")
    assert coerce.target is not None and coerce.target.text == "demonstrators"


def test_what_someone_is_accused_of_is_not_part_of_the_target(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Hamas and Islamic Jihad run Gaza's tunnels. "
        "The Israeli government has accused the two groups of smuggling weapons into Gaza."
    )
    accusations = [e for e in analysis.events if e.type == "ACCUSE" and e.target is not None]
    assert {e.target.actor for e in accusations} == {"hamas", "pij"}
    assert {e.target.text for e in accusations} == {"the two groups"}


def test_a_clause_modifying_an_event_noun_names_its_source(candidates: Pipeline) -> None:
    """ "the agreement reached by X", "a ceasefire that X had declared": the clause's agent or
    subject did the act the noun names."""
    analysis = candidates.analyze_text(
        "The agreement reached by Greece and North Macedonia in June ends the dispute."
    )
    assert find(analysis, "AGREE", "GRC") and find(analysis, "AGREE", "MKD")
    analysis = candidates.analyze_text("The rebels broke a ceasefire that the army had declared on Monday.")
    truce = next(e for e in analysis.events if e.type == "RETREAT")
    assert truce.source is not None and truce.source.text == "the army"


def test_the_subject_of_facing_or_drawing_an_act_is_its_target(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("The army also faced scattered protests in Mandalay on Sunday.")
    protest = next(e for e in analysis.events if e.type == "PROTEST")
    assert protest.source is None and protest.target is not None and protest.target.text == "The army"
    analysis = candidates.analyze_text(
        "The Kenyan government drew sharp condemnation from Amnesty International."
    )
    condemnation = next(e for e in analysis.events if e.type == "ACCUSE")
    assert "amnesty" in (condemnation.source.actor or "") and "KEN" in who(condemnation.target)


def test_whom_a_verb_of_violence_takes_are_people(candidates: Pipeline) -> None:
    """ "killed", "kidnapped", "arrested" only take people: any noun they take names victims,
    with or without a role word; "shooting rockets" takes things."""
    analysis = candidates.analyze_text(
        "Shops were closed in Quetta after a trader was killed in the main market."
    )
    killing = next(e for e in analysis.events if e.type == "ASSAULT")
    assert killing.target is not None and killing.target.text == "a trader" and killing.target.actor
    analysis = candidates.analyze_text("Militants in Gaza were shooting rockets into southern Israel.")
    assert all(e.target is None or e.target.actor == "country:ISR" for e in analysis.events)


def test_an_order_to_ones_own_people_is_the_act_ordered(candidates: Pipeline) -> None:
    """ "ordered the arrest of X" is the arrest, by who ordered it; ordering someone else to act
    is a demand of them."""
    analysis = candidates.analyze_text("The judge ordered the arrest of three opposition leaders on Monday.")
    assert [e.type for e in analysis.events] == ["COERCE"]
    assert analysis.events[0].source.text == "The judge"
    analysis = candidates.analyze_text("The court ordered Elon Musk to appoint a legal representative.")
    assert [e.type for e in analysis.events] == ["REQUEST"]


def test_british_spellings_find_the_lexicons_rows(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Armenia's prime minister ordered a total military mobilisation.")
    assert [e.type for e in analysis.events] == ["MOBILIZE"]


def test_re_verbs_read_as_their_base_verb(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Georgian troops recaptured the village of Avnevi from separatist fighters."
    )
    assert [(e.type, e.cameo) for e in analysis.events] == [("COERCE", "192")]  # as "captured the village"


def test_they_who_agree_are_the_pair_last_named_together(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Colombia and the FARC rebels held talks in Havana on Monday. "
        "They agreed to create a standing mechanism to monitor the truce."
    )
    agreements = [e for e in analysis.events if e.type == "AGREE"]
    assert {(e.source.actor, e.target.actor) for e in agreements if e.source and e.target} == {
        ("country:COL", "farc"),
        ("farc", "country:COL"),
    }


def test_a_disaster_that_kills_is_no_ones_act(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "An earthquake in the country's northwest killed more than 2,000 people on Friday."
    )
    assert not [e for e in analysis.events if e.type == "ASSAULT"]
    analysis = candidates.analyze_text("Israeli tank fire killed three Palestinians near the border fence.")
    assert [e for e in analysis.events if e.type == "ASSAULT"]


def test_victims_of_a_conflict_are_a_statistic_not_an_attack(candidates: Pipeline) -> None:
    for text in (
        "The fighting along the frontier has killed at least 42 people since March.",
        "Ethnic violence that has killed more than 80 villagers shows no sign of easing.",
        "The civil war, which has killed nearly 90,000 people, entered its sixth year.",
    ):
        analysis = candidates.analyze_text(text)
        assert not [e for e in analysis.events if e.type == "ASSAULT"], describe(analysis)
    analysis = candidates.analyze_text("Rebel mortar attacks have killed six soldiers near the border.")
    assert [e for e in analysis.events if e.type == "ASSAULT"]  # an attack has attackers


def test_killed_and_wounded_is_one_attack(candidates: Pipeline) -> None:
    for text in (
        "Tuesday's ambush by the rebels killed three soldiers and wounded 14.",
        "Four police officers were killed and nine more were wounded in the raid by the militants.",
    ):
        analysis = candidates.analyze_text(text)
        assert len([e for e in analysis.events if e.type == "ASSAULT"]) == 1, describe(analysis)
    analysis = candidates.analyze_text("The gunmen killed a guard and kidnapped two engineers.")
    assert len([e for e in analysis.events if e.type == "ASSAULT"]) == 2  # a kidnapping is no toll


def test_a_toll_told_as_a_participle_is_carried_by_the_attack(candidates: Pipeline) -> None:
    for text in (
        "Government jets bombed a rebel camp in the hills on Sunday, killing at least nine fighters.",
        "Gunmen opened fire on a crowded bus station in the north, killing six passengers.",
    ):
        analysis = candidates.analyze_text(text)
        assaults = [e for e in analysis.events if e.type == "ASSAULT"]
        assert len(assaults) == 1 and "killing" not in assaults[0].trigger.text, describe(analysis)
        assert assaults[0].target is not None  # the victims the participle counts
    analysis = candidates.analyze_text(
        "The militia raided a village, killing the elders and kidnapping two girls."
    )
    assert [e for e in analysis.events if e.type == "ASSAULT" and e.trigger.text == "kidnapping"]


def test_a_failure_is_a_rejection_only_of_cooperation(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Officials said they had failed to reach the minister for comment.")
    assert not find(analysis, "REJECT"), describe(analysis)
    analysis = candidates.analyze_text("The government has failed to tackle corruption in the ports.")
    assert not find(analysis, "REJECT"), describe(analysis)
    analysis = candidates.analyze_text("The envoy failed to keep the truce from collapsing.")
    assert not find(analysis, "REJECT"), describe(analysis)  # the truce is not what failed
    analysis = candidates.analyze_text("Serbia and Kosovo failed to reach an agreement on Monday.")
    assert find(analysis, "REJECT", kb_id("Serbia"))
    analysis = candidates.analyze_text("The insurgents failed to capture the airport.")
    (attack,) = find(analysis, "ASSAULT")
    assert attack.modality is Modality.NEGATED and not find(analysis, "REJECT")


def test_not_ruling_out_force_is_a_threat(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Moscow has refused to rule out the use of force against Tbilisi.")
    assert find(analysis, "THREATEN", kb_id("Moscow")) and not find(analysis, "REJECT"), describe(analysis)
    analysis = candidates.analyze_text("The chancellor would not rule out new sanctions on Minsk.")
    assert find(analysis, "THREATEN") and not find(analysis, "REJECT"), describe(analysis)
    analysis = candidates.analyze_text("The chancellor would not rule out talks with Minsk.")
    assert not find(analysis, "REJECT") and not find(analysis, "THREATEN"), describe(analysis)
    analysis = candidates.analyze_text("The chancellor ruled out talks with Minsk.")
    assert find(analysis, "REJECT")


def test_released_figures_are_no_release(candidates: Pipeline) -> None:
    for text in (
        "The health ministry released figures on Monday showing a sharp rise in arrests.",
        "The group released a video of the ambush late on Friday.",
        "The ministers criticised the pact in a statement released on Tuesday.",
    ):
        analysis = candidates.analyze_text(text)
        assert not find(analysis, "RETREAT"), describe(analysis)
    analysis = candidates.analyze_text("The army released 40 prisoners on Sunday.")
    assert find(analysis, "RETREAT")


def test_pledged_support_is_support(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Ankara pledged its full support to Baku on Tuesday.")
    assert find(analysis, "SUPPORT", kb_id("Ankara"), kb_id("Baku")) and not find(analysis, "AGREE")
    analysis = candidates.analyze_text("Washington offered Nairobi its congratulations on the vote.")
    assert find(analysis, "SUPPORT") and not find(analysis, "AGREE"), describe(analysis)
    analysis = candidates.analyze_text("Germany pledged to send food and tents to the region.")
    assert find(analysis, "AGREE")  # a promise of aid stays a promise
    analysis = candidates.analyze_text("The contingent will back efforts to restore order in the province.")
    assert not find(analysis, "SUPPORT")  # backing an effort promises a contribution


def test_parties_that_pledge_together_do_not_pledge_to_each_other(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Pakistan, Iran and China have pledged to send food, blankets and tents."
    )
    pledges = [e for e in analysis.events if e.type == "AGREE"]
    assert len(pledges) == 3 and all(e.target is None for e in pledges)


def test_people_a_participle_describes_do_its_act(candidates: Pipeline) -> None:
    """spaCy attaches "marching" to "used": the marchers march, not the police."""
    analysis = candidates.analyze_text(
        "Police have used water cannon against thousands of demonstrators marching through Bangkok."
    )
    marches = [e for e in analysis.events if e.type == "PROTEST"]
    assert marches and all(e.source is not None and e.source.text == "demonstrators" for e in marches)


def test_a_strike_on_or_against_a_target_is_military_a_strike_on_monday_is_not(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Israel carried out strikes against Hezbollah positions on Sunday.")
    assert [e.type for e in analysis.events] == ["ASSAULT"]
    analysis = candidates.analyze_text("Teachers in Nairobi began a strike on Monday over pay.")
    assert [e.type for e in analysis.events] == ["PROTEST"]


def test_telling_someone_to_act_is_a_demand_telling_them_that_is_speech(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("The government told the army to remove the president on Sunday.")
    assert [(e.type, e.target.text if e.target else None) for e in analysis.events][:1] == [
        ("REQUEST", "the army")
    ]
    analysis = candidates.analyze_text("The minister told reporters that the talks had failed.")
    assert not [e for e in analysis.events if e.type == "REQUEST"]


def test_an_act_that_only_sets_the_scene_is_not_the_subjects(candidates: Pipeline) -> None:
    """ "in the wake of the takeover", "after the arrest": the takeover is not the donors'."""
    analysis = candidates.analyze_text(
        "The United States and the World Bank suspended their aid to Sudan in the wake of the military takeover."
    )
    assert not [e for e in analysis.events if e.type == "COERCE" and e.source is not None]
    analysis = candidates.analyze_text("The opposition staged protests after the arrest of its leader.")
    arrests = [e for e in analysis.events if e.type == "COERCE"]
    assert all(e.source is None or e.source.text != "The opposition" for e in arrests)


def test_an_act_done_to_an_event_is_not_by_the_events_doers(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Police dispersed an anti-government rally in the capital on Sunday.")
    rallies = [e for e in analysis.events if e.type == "PROTEST"]
    assert all(e.source is None or "olice" not in e.source.text for e in rallies)
    analysis = candidates.analyze_text(
        "The president condemned the killing of a police officer in the north."
    )
    killings = [e for e in analysis.events if e.type == "ASSAULT"]
    assert all(e.source is None for e in killings)
    analysis = candidates.analyze_text("The rebels threatened attacks on the capital.")
    assert one(analysis, "THREATEN").source is not None


def test_anti_x_names_what_an_act_is_against(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Students staged anti-junta rallies in the city centre on Saturday.")
    protest = one(analysis, "PROTEST")
    assert protest.source is not None and protest.source.text == "Students"
    assert protest.target is not None and protest.target.text == "junta"


def test_a_private_person_owned_by_a_pronoun_is_the_victim(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text(
        "Police broke into the opposition leader's house and attacked his wife."
    )
    attack = one(analysis, "ASSAULT")
    assert attack.target is not None and attack.target.text == "his wife"


def test_codebook_words_without_a_row_before(candidates: Pipeline) -> None:
    """Coups, ousters and blocked decisions: words of the CAMEO definitions."""
    analysis = candidates.analyze_text(
        "The army ousted the elected president in a bloodless coup on Tuesday."
    )
    assert one(analysis, "COERCE").source is not None
    analysis = candidates.analyze_text("Hungary blocked a 50 billion euro aid package for Ukraine.")
    assert [e.type for e in analysis.events][:1] == ["REJECT"]
    analysis = candidates.analyze_text("Protesters blocked roads in the capital with burning tyres.")
    assert [e.type for e in analysis.events][:1] == ["PROTEST"]
    analysis = candidates.analyze_text("The government holds Hamas fully responsible for the escalation.")
    assert one(analysis, "ACCUSE").target is not None


def test_acts_done_to_each_other_go_both_ways(candidates: Pipeline) -> None:
    analysis = candidates.analyze_text("Thailand and Cambodia accused one another of attacking civilians.")
    pairs = {
        (e.source.actor, e.target.actor)
        for e in analysis.events
        if e.type == "ACCUSE" and e.source and e.target
    }
    assert pairs == {("country:THA", "country:KHM"), ("country:KHM", "country:THA")}


def test_judging_an_act_is_aimed_at_who_did_it(candidates: Pipeline) -> None:
    """ "condemned the detention by police": at the police, not at the one detained."""
    analysis = candidates.analyze_text(
        "The European Union condemned the detention of the opposition leader by police."
    )
    accuse = one(analysis, "ACCUSE")
    assert accuse.target is not None and accuse.target.text == "police"
    analysis = candidates.analyze_text(
        "The minister condemned the killing of a young shepherd near the border."
    )
    assert one(analysis, "ACCUSE").target is None  # the doer is not named; the victim is not the target


def test_who_is_put_into_custody_is_held_not_the_holder(candidates: Pipeline) -> None:
    """ "taken into custody", "placed under arrest", "remains in detention": the verb's
    object or passive subject is the target, its subject or agent the source."""
    analysis = candidates.analyze_text("The opposition leader Raila Odinga was taken into custody on Monday.")
    held = one(analysis, "COERCE")
    assert held.source is None and held.target is not None and held.target.actor == "person:raila-odinga"
    analysis = candidates.analyze_text("The army put the mayor of Kisumu under house arrest.")
    held = one(analysis, "COERCE")
    assert held.source is not None and held.source.text == "The army"
    assert held.target is not None and "mayor" in held.target.text
    analysis = candidates.analyze_text("Two journalists remained in custody on Tuesday.")
    held = one(analysis, "COERCE")
    assert held.source is None and held.target is not None and held.target.text == "Two journalists"


def test_a_counterpart_or_rival_owned_by_a_pronoun_is_not_the_owner(candidates: Pipeline) -> None:
    """ "his Tanzanian counterpart", "his opponents" name others than "his" owner."""
    analysis = candidates.analyze_text(
        "The Kenyan foreign minister spoke with his Tanzanian counterpart in Arusha on Monday."
    )
    talks = one(analysis, "CONSULT", "KEN")
    assert talks.target is not None and talks.target.country == "TZA"
    analysis = candidates.analyze_text("President Uhuru Kenyatta ordered the arrest of his opponents.")
    arrest = one(analysis, "COERCE")
    assert arrest.target is not None and arrest.target.text == "his opponents" and arrest.target.actor


def test_the_speaker_owns_the_subject_it_speaks_of_if_the_pronoun_agrees(candidates: Pipeline) -> None:
    """ "the army said its troops fired": its = the army; "the channel said he had asked":
    he is a person, so not the channel."""
    analysis = candidates.analyze_text(
        "The Kenyan army told Uganda that its troops fired on rioters in Kisumu."
    )
    fire = one(analysis, "ASSAULT")
    assert fire.source is not None and fire.source.country == "KEN"
    analysis = candidates.analyze_text(
        "Mr Odinga flew to Tanzania, and a radio station in Nairobi said he had requested asylum there."
    )
    request = one(analysis, "REQUEST")
    assert request.source is not None and request.source.actor == "person:odinga"


def test_a_pronoun_subject_continues_the_subject_of_the_clause_it_hangs_on(candidates: Pipeline) -> None:
    """ "Britain trained the Kenyan army until they withdrew": they = Britain, the subject,
    not the object named in between; only when the pronoun agrees."""
    analysis = candidates.analyze_text(
        "Al-Shabaab fighters held the town for years; the Ugandans guarded Mogadishu until they withdrew in 2014."
    )
    withdrawal = one(analysis, "RETREAT")
    assert withdrawal.source is not None and withdrawal.source.country == "UGA"


def test_one_line_english_full_of_names_is_read_as_english(candidates: Pipeline) -> None:
    """lingua rates "France sent humanitarian aid to Iran." Spanish 0.24, English 0.23: no
    language is likely enough to leave the text unparsed."""
    analysis = candidates.analyze_text("France sent humanitarian aid to Iran.")
    assert analysis.article.language == "en" and one(analysis, "AID", "country:FRA", "country:IRN")
    analysis = candidates.analyze_text("France protested to Iran over the seizure of the tanker.")
    assert one(analysis, "ACCUSE", "country:FRA", "country:IRN")
    analysis = candidates.analyze_text("El gobierno envió ayuda humanitaria a Irán el lunes por la mañana.")
    assert analysis.article.language == "es" and not analysis.events


def test_the_two_countries_own_ministers_met_each_other(candidates: Pipeline) -> None:
    """ "The two countries' foreign ministers held a meeting": officials owned by the pair named
    before, each meeting the other, as "the foreign ministers of the two countries" are."""
    analysis = candidates.analyze_text(
        "Peru and Ecuador have quarrelled over the border for months. "
        "The two countries' foreign ministers held a meeting on Wednesday in Quito."
    )
    assert find(analysis, "CONSULT", "PER", "ECU") and find(analysis, "CONSULT", "ECU", "PER"), describe(
        analysis
    )


def test_the_forces_of_the_two_countries_clashed_both_ways(pipeline: Pipeline) -> None:
    """ "the armed forces of the two countries clashed": a role owned by the pair named
    before, and a clash with no other party is each one's attack on the other."""
    analysis = pipeline.analyze_text(
        "Armenia and Azerbaijan accused each other of shelling villages on Monday. Officials said that "
        "residents had fled. On Tuesday the armed forces of the two countries clashed near the border."
    )
    assert find(analysis, "ASSAULT", "ARM", "AZE") and find(analysis, "ASSAULT", "AZE", "ARM"), describe(
        analysis
    )


def test_each_side_accusing_the_other_is_one_accusation_each_way(candidates: Pipeline) -> None:
    """ "each side accuses the other": the story's two parties, each of the other, even
    where the sentences just before name no pair."""
    analysis = candidates.analyze_text(
        "Serbia and Kosovo traded threats over the border crossing last week. Talks in Brussels "
        "ended without a deal on Monday. Police reinforcements arrived at the crossing overnight. "
        "The truce has largely held, although each side accuses the other of breaking it."
    )
    assert find(analysis, "ACCUSE", "SRB", "XKX"), describe(analysis)
    assert find(analysis, "ACCUSE", "XKX", "SRB"), describe(analysis)


def test_a_relative_clause_with_its_own_subject_is_that_subjects_act(candidates: Pipeline) -> None:
    """ "the mayor, whom prosecutors accuse of fraud": the clause says what prosecutors do,
    unlike "marchers who were demanding reforms", which says who the marchers are."""
    analysis = candidates.analyze_text(
        "Police in Nairobi detained the mayor, whom the Kenyan government accuses of fraud, on Tuesday."
    )
    assert find(analysis, "ACCUSE", "KEN"), describe(analysis)
    described = candidates.analyze_text("Police dispersed marchers who were demanding reforms in Nairobi.")
    assert not find(described, "REQUEST"), describe(described)


def test_an_army_patrol_is_the_army(pipeline: Pipeline) -> None:
    """A force's units and posts stand for the force: "ambushed an army patrol"."""
    analysis = pipeline.analyze_text("Rebels ambushed an army patrol near the town of Aucayacu on Wednesday.")
    event = one(analysis, "ASSAULT")
    assert event.target is not None and event.target.actor == "unk:army" and event.target.sectors == ["MIL"]


# ------------------------------------------------------------------ acts of several parties (coding rule 2)
def test_signing_a_pact_or_restoring_ties_together_is_mutual(candidates: Pipeline) -> None:
    """Two parties who sign an agreement or restore relations do it with each other."""
    analysis = candidates.analyze_text(
        "Kenya and Somalia signed a border security agreement in Nairobi on Friday."
    )
    assert find(analysis, "SUPPORT", "KEN", "SOM") and find(analysis, "SUPPORT", "SOM", "KEN"), describe(
        analysis
    )
    analysis = candidates.analyze_text(
        "Morocco and Iran have restored full diplomatic relations after a long rift."
    )
    assert find(analysis, "SUPPORT", "MAR", "IRN") and find(analysis, "SUPPORT", "IRN", "MAR"), describe(
        analysis
    )


def test_welcoming_a_deal_together_is_not_mutual(candidates: Pipeline) -> None:
    """Praise by several parties is each one's, aimed at no one of them."""
    analysis = candidates.analyze_text("France and Germany welcomed the new peace deal on Tuesday.")
    support = find(analysis, "SUPPORT")
    assert support and all(e.target is None for e in support), describe(analysis)


def test_the_terms_of_a_deal_are_not_a_third_party(candidates: Pipeline) -> None:
    """ "the accord signed by Kenya and Ethiopia ..., [Somalia] is to host ...": the subject of
    a clause about the terms is no party to the accord; the two signed it with each other."""
    analysis = candidates.analyze_text(
        "Under the accord signed by Kenya and Ethiopia on Monday, Somalia is to host a new border post."
    )
    assert find(analysis, "AGREE", "KEN", "ETH") and find(analysis, "AGREE", "ETH", "KEN"), describe(analysis)
    assert not find(analysis, "AGREE", None, "SOM"), describe(analysis)


def test_a_party_named_with_a_preposition_stays_the_target(candidates: Pipeline) -> None:
    """ "suspended their aid to Sudan": Sudan is whom the act is aimed at, by each of them."""
    analysis = candidates.analyze_text("Norway and Sweden suspended their aid to Sudan after the coup.")
    assert find(analysis, "SANCTION", "NOR", "SDN") and find(analysis, "SANCTION", "SWE", "SDN"), describe(
        analysis
    )
    assert not find(analysis, "SANCTION", "NOR", "SWE"), describe(analysis)


def test_a_joint_act_of_three_parties_is_each_with_the_first(candidates: Pipeline) -> None:
    """Three parties named together: the first named with each of the others (the first is
    the source), not all six pairs."""
    analysis = candidates.analyze_text("Kenya, Uganda and Tanzania held joint naval exercises on Monday.")
    joint = find(analysis, "COOPERATE")
    assert {(e.source.country, e.target.country) for e in joint if e.source and e.target} == {
        ("KEN", "UGA"),
        ("KEN", "TZA"),
    }, describe(analysis)
    analysis = candidates.analyze_text("Chile, Peru and Ecuador signed a fisheries agreement in Lima.")
    signed = [e for e in analysis.events if e.source and e.target and e.source.country == "CHL"]
    assert {e.target.country for e in signed} == {"PER", "ECU"}, describe(analysis)


def test_a_fight_is_both_ways_only_when_both_sides_fight(candidates: Pipeline) -> None:
    """ "fighting between X and Y" is each one's attack on the other; "fought the rebels"
    (an object) and "were fought off by" (a passive) name one attacker."""
    analysis = candidates.analyze_text(
        "There was heavy fighting between Israeli troops and Palestinian militants in Jenin."
    )
    assert find(analysis, "ASSAULT", "idf", "PSE") and find(analysis, "ASSAULT", "PSE", "idf"), describe(
        analysis
    )
    analysis = candidates.analyze_text("Somali troops fought al-Shabaab militants near Baidoa on Monday.")
    assert len(find(analysis, "ASSAULT")) == 1, describe(analysis)
    analysis = candidates.analyze_text("The insurgents were fought off by soldiers stationed in the town.")
    assert len(find(analysis, "ASSAULT")) == 1, describe(analysis)


def test_a_list_the_parser_hung_on_its_last_noun_is_still_a_list(candidates: Pipeline) -> None:
    """ "urged Meta, TikTok and internet companies": the parser reads the names as a modifier
    of "companies"; "Somalia's army and Islamist militants": "army" as a modifier of
    "militants". Each is a party of its own; adjectives sharing one noun are not a list."""
    analysis = candidates.analyze_text(
        "The regulator urged Meta, TikTok and internet companies to remove the posts."
    )
    named = {e.target.text: e.target.actor for e in find(analysis, "REQUEST") if e.target}
    assert named.keys() == {"Meta", "TikTok", "internet companies"}, describe(analysis)
    assert {named["Meta"], named["TikTok"]} == {kb_id("Meta"), kb_id("TikTok")}
    analysis = candidates.analyze_text(
        "Somalia's army and Islamist militants blamed each other for the raid."
    )
    blame = {(e.source.text, e.target.text) for e in find(analysis, "ACCUSE") if e.source and e.target}
    assert blame == {
        ("Somalia's army", "Islamist militants"),
        ("Islamist militants", "Somalia's army"),
    }, describe(analysis)
    analysis = candidates.analyze_text("Greek and Turkish officials met in Athens on Thursday.")
    assert {e.source.country for e in find(analysis, "CONSULT") if e.source} == {"GRC", "TUR"}, describe(
        analysis
    )


def test_the_owner_of_what_the_doers_pull_back_is_the_doers(candidates: Pipeline) -> None:
    """ "X and Y pulled their troops back": "their" is the subject, not the organisation named
    before it, so no one else is the target; "froze their assets" is done to others."""
    analysis = candidates.analyze_text(
        "The OSCE welcomed the step. Armenia and Azerbaijan have finished pulling their troops back "
        "from the disputed pass."
    )
    pulled = find(analysis, "RETREAT")
    assert pulled and all(e.target is None for e in pulled), describe(analysis)
    analysis = candidates.analyze_text(
        "Hamas fighters attacked the convoy. The European Union froze their assets on Monday."
    )
    assert find(analysis, "SANCTION", kb_id("European Union"), kb_id("Hamas")), describe(analysis)


def test_a_possessive_that_is_the_source_is_not_the_target(candidates: Pipeline) -> None:
    """ "Kenya pledged its full backing for Somalia": "its" is the subject, Kenya, whom a target
    may not be, not the country named before it; the phrase's own actor is the target. A
    body's "their" ("the EU froze their assets") and the subject of the clause a demand is
    about ("urged that Washington lift its tariffs") keep the owner as the target."""
    analysis = candidates.analyze_text(
        "Ethiopia closed the border in March. Kenya has pledged its full backing for Somalia."
    )
    backing = [e for e in analysis.events if e.source is not None and e.source.actor == "country:KEN"]
    assert backing and all(e.target is not None and e.target.actor == "country:SOM" for e in backing), (
        describe(analysis)
    )
    analysis = candidates.analyze_text(
        "Ethiopia closed the border in March. Eritrea urged its neighbours to stay calm."
    )
    assert not find(analysis, "REQUEST", "country:ERI", "country:ETH"), describe(analysis)


def test_the_sources_own_forces_are_not_the_target_of_its_pledge(candidates: Pipeline) -> None:
    """ "Chad is ready to pull its soldiers out of Niger": "its soldiers" are Chad's own forces,
    no one the pledge is aimed at; the country they leave is."""
    analysis = candidates.analyze_text("Chad said on Monday it is ready to pull its soldiers out of Niger.")
    pledges = [e for e in analysis.events if e.source is not None and e.source.actor == "country:TCD"]
    assert pledges, describe(analysis)
    assert all(e.target is None or e.target.actor == "country:NER" for e in pledges), describe(analysis)


def test_four_or_five_parties_named_together_are_an_event_each(pipeline: Pipeline) -> None:
    """Coding rule 2: an act by or aimed at several parties named together is one event per
    party, the fourth and fifth as well as the first three."""
    text = "Germany, France, Italy, Spain and Poland condemned Russia on Monday."
    accusers = {e.source.text for e in pipeline.analyze_text(text).events if e.type == "ACCUSE" and e.source}
    assert accusers == {"Germany", "France", "Italy", "Spain", "Poland"}
    text = "The Indonesian navy has held joint exercises with Japan, India, Australia and France this year."
    events = pipeline.analyze_text(text).events
    partners = {e.target.text for e in events if e.type == "COOPERATE" and e.target}
    assert partners == {"Japan", "India", "Australia", "France"}


def test_a_pronoun_subject_repeated_in_an_attached_clause_is_the_same_actor(candidates: Pipeline) -> None:
    """ "Chile said it expelled ... after it arrested ...": the second "it" continues the
    first, the speaker, not the country named between them."""
    analysis = candidates.analyze_text(
        "The Chilean government said on Friday that it had expelled a Peruvian diplomat "
        "after it arrested two navy officers on charges of espionage."
    )
    arrests = [e for e in analysis.events if e.type == "COERCE" and e.trigger.text == "arrested"]
    assert arrests and all(e.source is not None and e.source.country == "CHL" for e in arrests)


def test_a_quotes_own_modal_demand_is_its_speakers_request(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Germany's foreign minister spoke after the talks in Vienna on Monday.\n\n"
        '"We have waited for months. Russia must withdraw its troops from the border," '
        "German Foreign Minister Annalena Baerbock said."
    )
    demand = one(analysis, "REQUEST", target="RUS")
    assert demand.source is not None and demand.source.actor is not None
    assert "baerbock" in demand.source.actor or demand.source.country == "DEU"


def test_a_speaker_binding_themself_makes_no_demand(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The opposition met in Nairobi on Sunday.\n\n"
        '"The vote was close. We must stay united now," opposition leader Raila Odinga said.'
    )
    assert not find(analysis, "REQUEST")


def test_the_speech_verbs_subject_is_the_quotes_speaker(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "China's foreign ministry issued a statement on Tuesday after Japanese coast guard ships "
        "detained a Chinese trawler.\n\n"
        '"The Japanese side must apologize and pay compensation for this incident," the statement said.'
    )
    demand = one(analysis, "REQUEST", target="JPN")
    assert demand.source is not None and demand.source.country == "CHN"
