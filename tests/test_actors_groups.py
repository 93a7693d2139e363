"""Generic group mentions: quantities, one name per crowd, bridging to the article's actor."""

from __future__ import annotations

import pytest

from eventwire import Pipeline
from eventwire.models import Analysis, Event, Mention, Section, Span
from eventwire.resolve.actors import ActorStage, resolver_for
from eventwire.resolve.event_coref import corefer
from eventwire.resolve.groups import (
    count_of,
    fits_force,
    force_of,
    group_name,
    specified_people,
    without_quantity,
)
from eventwire.resolve.kb import KnowledgeBase, Role
from eventwire.resolve.mentions import Hit


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return resolver_for((), "md").kb


def link(pipeline: Pipeline, analysis: Analysis, phrase: str, head_word: str | None = None) -> Mention:
    """The mention of ``phrase`` (its first occurrence), headed by ``head_word`` (its last word)."""
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    start = analysis.article.text.index(phrase)
    head = start + phrase.rindex(head_word or phrase.split()[-1])
    return stage.link(analysis, start, start + len(phrase), head=head, register=True)


# ------------------------------------------------------------------ quantities
def test_quantity_words_are_not_the_groups_name() -> None:
    assert without_quantity(["Some", "4,000", "people"]) == ["people"]
    assert without_quantity(["up", "to", "25", "fighters"]) == ["fighters"]
    assert without_quantity(["more", "than", "a", "dozen", "armed", "men"]) == ["armed", "men"]
    assert without_quantity(["the"]) == ["the"]  # the last word always stays


def test_a_count_is_an_exact_number_only() -> None:
    assert count_of("at least 12 villagers") == "12"
    assert count_of("two policemen") == "2"
    assert count_of("a policeman") == "1"
    assert count_of("Some 4,000 people") == "4000"
    assert count_of("more than a dozen armed men") is None  # "a" counts the dozen
    assert count_of("hundreds of students") is None
    assert count_of("the students") is None


def test_a_counted_group_is_the_group(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Dozens of masked gunmen raided a market in the north on Tuesday, and up to 30 gunmen "
        "later fired on a bus. Some 4,000 people fled the town."
    )
    dozens = link(pipeline, analysis, "Dozens of masked gunmen", head_word="Dozens")
    up_to = link(pipeline, analysis, "up to 30 gunmen")
    assert (dozens.actor, up_to.actor) == ("unk:masked-gunmen", "unk:gunmen")
    assert link(pipeline, analysis, "Some 4,000 people").actor == "unk:people"


def test_numbers_of_supporters_are_the_supporters_not_whom_they_support(pipeline: Pipeline) -> None:
    """ "Large numbers of supporters of X ... and they chanted": the supporters, not X."""
    analysis = pipeline.analyze_text(
        "Police arrested the opposition leader Karim Bello on Monday. Large numbers of supporters of "
        "Bello crowded into the court, and they chanted slogans against the government."
    )
    crowd = link(pipeline, analysis, "Large numbers of supporters of Bello", head_word="numbers")
    assert crowd.actor is not None and crowd.actor.startswith("unk:") and "supporters" in crowd.actor


def test_a_count_of_people_is_the_group_said_to_make_it_up() -> None:
    text = "Troops detained 300 people, most of them ethnic Oromos, in the raid."
    start, end, head = specified_people(text, text.index("people") + len("people")) or (0, 0, 0)
    assert (text[start:end], text[head:end]) == ("ethnic Oromos", "Oromos")
    text = "The council freed 80 people, among them dozens of opposition activists who had been jailed."
    start, end, _ = specified_people(text, text.index("people") + len("people")) or (0, 0, 0)
    assert text[start:end] == "dozens of opposition activists"
    # a part named for its weight is not who the whole is; nor is the next clause
    text = "Gunmen killed 12 people, including four children, near the market."
    assert specified_people(text, text.index("people") + len("people")) is None
    for text in (
        "Police held 40 people, and most of them were freed.",
        "Police held 40 people, most of them were freed.",
    ):
        assert specified_people(text, text.index("people") + len("people")) is None


def test_people_most_of_whom_are_named_by_kind_are_that_kind(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Security forces detained thousands of people, most of them ethnic Oromos, during the "
        "emergency. Later the courts freed 200 people, including a judge."
    )
    assert link(pipeline, analysis, "people").actor == "unk:oromos"
    assert link(pipeline, analysis, "200 people").actor == "unk:people"  # a judge is not who they are


# ------------------------------------------------------------------ one name per crowd
def test_words_for_one_crowd_share_its_name(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "Demonstrators gathered outside the parliament in the capital on Monday. The marchers "
        "carried banners, and protesters later blocked a bridge."
    )
    ids = {link(pipeline, analysis, w).actor for w in ("Demonstrators", "The marchers", "protesters")}
    assert ids == {"unk:protesters"}
    titles = resolver_for((), "md").titles
    assert group_name(Role("soldier", "MIL", "person"), kb, titles) == "soldiers"
    assert group_name(Role("commander", "MIL", "person"), kb, titles) == "commander"  # a title
    assert group_name(Role("candidate", "PTY", "person"), kb, titles) == "candidate"


# ------------------------------------------------------------------ bridging
_ONE_GROUP = (
    "Attack on Somali border town\n\n"
    "Al-Shabaab has stepped up raids in the border region this year. On Sunday militants "
    "attacked a police post near the town of Belet Hawo, and fighters later burned two trucks."
)


def test_a_bare_armed_role_noun_is_the_only_armed_group_named(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(_ONE_GROUP)
    shabaab = kb.lookup("Al-Shabaab")
    assert shabaab is not None
    assert link(pipeline, analysis, "militants").actor == shabaab.record.id
    assert link(pipeline, analysis, "fighters").actor == shabaab.record.id


def test_attackers_are_an_armed_group_not_a_state(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "Al-Shabaab claimed the raid on the camp. Officials said the attackers had arrived at dawn."
    )
    shabaab = kb.lookup("Al-Shabaab")
    assert shabaab is not None
    assert link(pipeline, analysis, "the attackers").actor == shabaab.record.id
    alone = pipeline.analyze_text("Officials in the north said the attackers had arrived at dawn.")
    attackers = link(pipeline, alone, "the attackers")
    assert attackers.actor == "unk:attackers" and attackers.sectors == ["INS"]  # not a state's "GOV"


def test_two_armed_groups_leave_the_role_noun_unresolved(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Boko Haram and ISWAP have fought each other for control of the lake islands. On Friday "
        "militants stormed a fishing camp and seized boats."
    )
    assert link(pipeline, analysis, "militants").actor == "unk:militants"


def test_the_attackers_are_the_one_band_described_before(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Roughly 200 Muslim fighters stormed a southern town on Tuesday after a gunfight with "
        "government forces, the army said.\n\nThe president declared martial law on Wednesday.\n\n"
        "The attackers burned a school and seized two bridges, officials said. Another band of "
        "gunmen raided a farm."
    )
    assert link(pipeline, analysis, "The attackers").actor == "unk:muslim-fighters"
    assert link(pipeline, analysis, "gunmen").actor != "unk:muslim-fighters"  # not definite: another band


def test_two_described_bands_leave_the_attackers_unresolved(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Masked Islamist fighters attacked a checkpoint on Monday, and hours later ethnic militias "
        "raided a market nearby. The attackers fled into the forest."
    )
    assert link(pipeline, analysis, "The attackers").actor == "unk:attackers"


def test_a_role_noun_with_its_own_country_or_role_is_not_bridged(
    pipeline: Pipeline, kb: KnowledgeBase
) -> None:
    analysis = pipeline.analyze_text(
        "Al-Shabaab claimed the raid. Kenyan militants were also seen in the area, and "
        "pro-government militias set up checkpoints on the road."
    )
    shabaab = kb.lookup("Al-Shabaab")
    assert shabaab is not None
    assert link(pipeline, analysis, "Kenyan militants").actor != shabaab.record.id
    assert link(pipeline, analysis, "pro-government militias").actor != shabaab.record.id


def test_troops_are_the_forces_of_the_only_state_whose_forces_are_named(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The Peruvian army said it had cleared a rebel camp in the jungle valley. Troops found "
        "weapons and a radio, and soldiers stayed in the area overnight."
    )
    troops = link(pipeline, analysis, "Troops")
    assert troops.actor == "country:PER" and troops.sectors == ["MIL"]
    assert link(pipeline, analysis, "soldiers").country == "PER"


def test_two_states_forces_leave_troops_unresolved(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Ethiopian troops and Eritrean troops clashed along the border last year. On Monday "
        "troops fired shells across the river."
    )
    start = analysis.article.text.index("On Monday troops") + len("On Monday ")
    stage = next(s for s in pipeline.stages if isinstance(s, ActorStage))
    mention = stage.link(analysis, start, start + len("troops"), head=start, register=True)
    assert mention.actor == "unk:troops"


def test_the_insurgents_are_not_the_army_named_before(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "Boko Haram fighters raided a village near Maiduguri on Monday night. The Nigerian Army "
        "said the insurgents were driven back after a two-hour battle."
    )
    insurgents = link(pipeline, analysis, "the insurgents")
    assert insurgents.actor != kb.lookup("Nigerian Army").record.id  # type: ignore[union-attr]


def test_paramilitaries_are_the_armed_group_not_the_army(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    rsf = kb.lookup("Rapid Support Forces")
    assert rsf is not None
    assert force_of(kb.role("paramilitaries")) == "armed"
    analysis = pipeline.analyze_text(
        "Sudan's army said on Sunday that it had fought the Rapid Support Forces near the "
        "bridge. The paramilitaries shelled a market on the other bank."
    )
    assert link(pipeline, analysis, "The paramilitaries").actor == rsf.record.id
    bare = pipeline.analyze_text(
        "The Sudanese army bombed positions of the Rapid Support Forces in the south of the "
        "city. Paramilitaries answered by shelling a hospital."
    )
    assert link(pipeline, bare, "Paramilitaries").actor == rsf.record.id


def test_the_group_is_not_the_state_force_named_last(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "The Rapid Support Forces overran a garrison in the west, according to the Sudanese "
        "Armed Forces. The group said it held the airport."
    )
    assert link(pipeline, analysis, "The group").actor == kb.lookup("Rapid Support Forces").record.id  # type: ignore[union-attr]


def test_the_rebels_are_not_a_church_named_near_them(pipeline: Pipeline, kb: KnowledgeBase) -> None:
    analysis = pipeline.analyze_text(
        "ELN fighters took over the main square, where the Catholic Church runs a shelter. The "
        "rebels ordered the families to leave."
    )
    rebels = link(pipeline, analysis, "The rebels", head_word="rebels")
    assert rebels.actor == kb.lookup("ELN").record.id  # type: ignore[union-attr]


def test_a_group_noun_fits_an_actor_of_its_kind() -> None:
    def hit(kind: str, sectors: tuple[str, ...], known: bool = True) -> Hit:
        return Hit(0, 1, "x", "x", "x", kind, None, sectors, known, None, Section.BODY)

    army, church = hit("military", ("MIL",)), hit("religious", ("REL",))
    rsf, unnamed = hit("armed_group", ("REB", "MIL")), hit("unknown", (), known=False)
    assert [fits_force(h, "armed") for h in (army, church, rsf, unnamed)] == [False, False, True, True]
    assert [fits_force(h, None) for h in (army, church, rsf)] == [False, True, True]


# ------------------------------------------------------------------ counts keep acts apart
def test_two_counts_of_the_victims_are_two_acts() -> None:
    text = "Rebels killed two soldiers on Monday.\n\nRebels shot dead a soldier at a checkpoint."

    def event(at: str, victims: str) -> Event:
        start = text.index(at)
        span = Span(at, start, start + len(at))
        rebels = Mention("Rebels", start, start + 6, "farc", "COL")
        army = Mention(victims, start, start + len(victims), "country:COL", "COL", ["MIL"])
        return Event("ASSAULT", None, span, span, rebels, army)

    events = [
        event("Rebels killed two soldiers", "two soldiers"),
        event("Rebels shot dead a soldier", "a soldier"),
    ]
    assert len(corefer(events, text)) == 2


def test_troops_continue_the_state_whose_forces_were_named_last(
    pipeline: Pipeline, kb: KnowledgeBase
) -> None:
    analysis = pipeline.analyze_text(
        "The Indian army and Chinese officials met at a border post on Monday. The talks went on "
        "for hours.\n\nLater the Pakistani army said it had moved artillery to the plain. Troops "
        "dug trenches along the river overnight."
    )
    army = kb.lookup("Pakistani army")
    troops = link(pipeline, analysis, "Troops")
    assert army is not None and troops.actor == army.record.id and troops.country == "PAK"


def test_police_are_the_story_states_when_only_another_states_army_is_named(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Kenya's government banned a march planned for Friday in Nairobi. The US military had "
        "trained Kenyan units last year, Kenya's interior minister said.\n\nPolice detained ten "
        "people near the parliament on Friday."
    )
    police = link(pipeline, analysis, "Police")
    assert police.actor == "country:KEN" and police.sectors == ["COP"]


def test_the_regime_is_the_story_state_and_one_general_is_no_state(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Venezuela held a regional vote on Sunday.\n\nTurnout was low in the western states, "
        "observers said.\n\nOpposition parties accused the regime of fraud, and a former general "
        "said the count had been rigged."
    )
    regime = link(pipeline, analysis, "the regime")
    assert regime.actor == "country:VEN" and regime.sectors == ["GOV"]
    assert link(pipeline, analysis, "a former general").actor == "unk:former-general"


def test_a_junta_takes_no_state_from_nationality_adjectives(pipeline: Pipeline) -> None:
    """A story that names no state of its own lends none to "the junta": "Belgian" and
    "Dutch" say whose companies those are, not whose junta."""
    analysis = pipeline.analyze_text(
        "The junta cancelled its mining contracts with Belgian and Dutch companies on Wednesday."
    )
    junta = link(pipeline, analysis, "The junta")
    assert junta.actor is None or not junta.actor.startswith("country:"), junta


@pytest.mark.parametrize(
    "text",
    [
        # the story names Niger; the French ambassador is only the act's target
        "Niger has been under military rule for a year, and Niger's neighbours have cut trade.\n\n"
        "The junta expelled the French ambassador from the capital on Tuesday.",
        # the only state's forces named are France's, and only after the noun, as the junta's
        # own act's other side: the junta is the story's state, Niger, not France
        "Niger's rulers have been in power for a year.\n\n"
        "The junta expelled the remaining French soldiers from a base near Niamey on Tuesday.",
    ],
)
def test_a_junta_is_the_state_the_story_names(pipeline: Pipeline, text: str) -> None:
    junta = link(pipeline, pipeline.analyze_text(text), "The junta")
    assert junta.actor == "country:NER" and junta.sectors == ["MIL"]


@pytest.mark.parametrize(
    "text",
    [
        # the state named with the junta, though a foreign force is the last force named
        "Mali's junta took power in a coup last year.\n\nFrench troops that left the country "
        "moved to a base in Chad.\n\nThe junta also recalled its envoy to Paris on Monday.",
        # no state named with it: the story's own state, not the foreign force named last
        "Mali has been under military rule since the coup.\n\nFrench troops left the country "
        "in August.\n\nThe junta also closed its border with Niger on Monday.",
    ],
)
def test_a_junta_is_the_state_it_rules_not_a_foreign_force_before(pipeline: Pipeline, text: str) -> None:
    junta = link(pipeline, pipeline.analyze_text(text), "The junta")
    assert junta.actor == "country:MLI" and junta.sectors == ["MIL"], junta


def test_a_foreign_force_named_only_after_lends_the_junta_nothing(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The junta ordered French troops to leave the country by the end of the year. Crowds "
        "cheered outside the embassy."
    )
    junta = link(pipeline, analysis, "The junta")
    assert junta.actor is None or not junta.actor.startswith(("country:FRA", "french")), junta


def test_the_other_side_of_the_nouns_own_act_is_not_its_referent(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "French troops were ambushed by the junta near the border with Mali on Sunday."
    )
    junta = link(pipeline, analysis, "the junta")
    assert junta.country != "FRA", junta


def test_troops_still_continue_the_foreign_force_named_before(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "French troops arrived in Mali on Monday. The troops secured the airport."
    )
    troops = link(pipeline, analysis, "The troops")
    assert troops.country == "FRA" and troops.sectors == ["MIL"]


def test_troops_may_be_the_story_states_army_named_after(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Sudan's capital was tense on Sunday. Troops fired on protesters near the palace, the "
        "Sudanese army said."
    )
    assert link(pipeline, analysis, "Troops").country == "SDN"


# ------------------------------------------------------------------ groups of a country that are not its state
@pytest.mark.parametrize(
    ("text", "phrase", "group", "country", "sector"),
    [
        ("The Kenyan opposition accused the electoral commission of rigging the vote.",
         "The Kenyan opposition", "unk:opposition", "KEN", "OPP"),
        ("Zimbabwean opposition parties boycotted the vote and accused the commission of fraud.",
         "Zimbabwean opposition parties", "unk:opposition-parties", "ZWE", "PTY"),
    ],
)  # fmt: skip
def test_a_country_word_before_a_non_state_group_names_the_group_not_the_state(
    pipeline: Pipeline, text: str, phrase: str, group: str, country: str, sector: str
) -> None:
    analysis = pipeline.analyze_text(text)
    mention = link(pipeline, analysis, phrase)
    assert (mention.actor, mention.country, mention.sectors) == (group, country, [sector])
    assert not any(a.id == f"country:{country}" for a in analysis.actors)  # the state is not named


def test_a_states_own_agents_keep_the_state_with_their_sector(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text("Thai police arrested two student activists in Bangkok on Friday.")
    mention = link(pipeline, analysis, "Thai police")
    assert (mention.actor, mention.sectors) == ("country:THA", ["COP"])


def test_the_bare_role_noun_later_is_the_same_group(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "The Georgian opposition rallied outside parliament on Sunday. "
        "The opposition later accused the government of rigging the election."
    )
    first = link(pipeline, analysis, "The Georgian opposition")
    later = link(pipeline, analysis, "The opposition")
    assert first.actor == later.actor == "unk:opposition"
    assert later.country == "GEO"


def test_a_group_word_after_a_role_is_a_group_of_that_kind(pipeline: Pipeline) -> None:
    """ "militant groups", "a student faction": people of the kind the role names, brought in
    by the text; a group word after no role ("a small group") is no one of a kind."""
    analysis = pipeline.analyze_text(
        "Militant groups blew up a pipeline near the port on Sunday. A student faction marched "
        "to the ministry, and a small group joined them later."
    )
    militants = link(pipeline, analysis, "Militant groups")
    students = link(pipeline, analysis, "A student faction")
    assert (militants.actor, militants.sectors) == ("unk:militant-groups", ["INS"]), militants
    assert (students.actor, students.sectors) == ("unk:student-faction", ["CVL"]), students
    assert link(pipeline, analysis, "a small group").actor is None


def test_a_definite_group_word_after_a_role_is_the_group_named_before(
    pipeline: Pipeline, kb: KnowledgeBase
) -> None:
    """ "the rebel group" after a named group is that group, as "the group" is, not a new one."""
    analysis = pipeline.analyze_text(
        "The Rapid Support Forces overran a garrison in the west on Monday. The rebel group "
        "said it held the airport."
    )
    assert link(pipeline, analysis, "The rebel group").actor == kb.lookup("Rapid Support Forces").record.id  # type: ignore[union-attr]
