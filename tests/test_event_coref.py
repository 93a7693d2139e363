"""One event per act within an article (eventwire/resolve/event_coref.py)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from eventwire import Pipeline, PipelineConfig
from eventwire.models import Event, Mention, Modality, PlaceRef, Section, Span
from eventwire.resolve.actors import resolver_for
from eventwire.resolve.coref_model import PairModel, load_pair_model
from eventwire.resolve.event_coref import (
    EventCorefStage,
    Merge,
    Paragraphs,
    _Act,
    _individual,
    conflicts,
    corefer,
    definite_nouns,
    inherit_sources,
    known_pair_feature,
    meets_no_one,
    other_act,
    told_apart,
)


@cache
def _titles() -> frozenset[str]:
    """The shipped knowledge base's titles of one person, as the default pipeline reads them."""
    return resolver_for((), "md").kb.person_titles()


TEXT = (
    "Police detain opposition official\n\n"
    "Police in Harare arrested Tendai Moyo on Monday. Moyo's arrest drew protests.\n\n"
    "Later, police arrested Tendai Moyo again, lawyers said."
)


def _event(type_: str, at: str, source: str | None, target: str | None, **kw: object) -> Event:
    start = TEXT.index(at)
    span = Span(at, start, start + len(at))
    side = {
        None: None,
        "police": Mention("police", 0, 6, "unk:police", "ZWE"),
        "moyo": Mention("Tendai Moyo", 0, 11, "person:tendai-moyo", "ZWE"),
        "official": Mention("opposition official", 0, 19, "unk:official", "ZWE"),
        "army": Mention("the army", 0, 8, "unk:army", "ZWE"),
        "him": Mention("him", 0, 3, "person:tendai-moyo", "ZWE"),  # the pronoun's guessed antecedent
    }
    section = Section.TITLE if start < TEXT.index("\n") else Section.BODY
    return Event(type_, None, span, span, side[source], side[target], section=section, **kw)  # type: ignore[arg-type]


def test_headline_lede_and_recap_in_one_paragraph_are_one_act() -> None:
    events = [
        _event("COERCE", "Police detain opposition official", "police", "official"),
        _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo"),
        _event("COERCE", "Moyo's arrest", None, "moyo"),
    ]
    merged = corefer(events, TEXT)
    assert len(merged) == 1
    act = merged[0]
    assert act.section is Section.BODY and act.evidence.text.startswith("Police in Harare")
    assert [m.text for m in act.mentions] == ["Police detain opposition official", "Moyo's arrest"]
    assert act.source is not None and act.source.actor == "unk:police"


def test_every_join_is_traced_with_the_rule_that_made_it() -> None:
    """An audit reads which rule joined each mention (scripts/coref_audit.py)."""
    events = [
        _event("COERCE", "Police detain opposition official", "police", "official"),
        _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo"),
        _event("COERCE", "Moyo's arrest", None, "moyo"),
        _event("COERCE", "police arrested Tendai Moyo again", "police", "moyo"),
    ]
    trace: list[Merge] = []
    merged = corefer(events, TEXT, anaphoric=frozenset({id(events[2])}), trace=trace)
    assert len(merged) == 1
    assert [(m.path, m.joined[0].text) for m in trace] == [
        ("headline_lede", "Police in Harare arrested Tendai Moyo"),
        ("definite", "Moyo's arrest"),
        ("same_sides", "police arrested Tendai Moyo again"),
    ]
    assert trace[1].into == (events[0].evidence, events[1].evidence)
    trace.clear()  # not definite: "Moyo's arrest" joins on the sides it leaves unsaid nearby
    assert len(corefer(events[1:3], TEXT, trace=trace)) == 1
    assert [m.path for m in trace] == ["one_empty"]


def test_opposite_directions_different_targets_and_dates_stay_apart() -> None:
    monday, friday = dt.date(2024, 3, 4), dt.date(2024, 3, 8)
    events = [
        _event(
            "COERCE",
            "Police in Harare arrested Tendai Moyo",
            "police",
            "moyo",
            date=monday,
            date_precision="day",
        ),
        _event(
            "COERCE", "police arrested Tendai Moyo again", "police", "moyo", date=friday, date_precision="day"
        ),
        _event("ASSAULT", "drew protests", "moyo", "police"),
        _event("ASSAULT", "lawyers said", "police", "moyo"),
        _event("ASSAULT", "Later", "army", "moyo"),
    ]
    assert len(corefer(events, TEXT)) == 5


def test_a_side_left_unsaid_joins_only_within_a_paragraph() -> None:
    lede = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo")
    far = _event("COERCE", "police arrested Tendai Moyo again", None, "moyo")
    assert len(corefer([lede, far], TEXT)) == 2  # another paragraph: maybe another arrest
    near = _event("COERCE", "Moyo's arrest", None, "moyo")
    assert len(corefer([lede, near], TEXT)) == 1


def test_a_pronoun_naming_the_same_person_joins_the_act_but_never_splits_one() -> None:
    """ "X arrested Moyo ... his arrest": the pronoun's antecedent is the shared side."""
    lede = _event("COERCE", "Police in Harare arrested Tendai Moyo", None, "moyo")
    again = _event("COERCE", "Moyo's arrest", None, "him")
    assert len(corefer([lede, again], TEXT)) == 1
    other = Mention("him", 0, 3, "person:someone-else", "ZWE")
    unsure = _event("COERCE", "Moyo's arrest", "police", "moyo")
    unsure.target = other  # a wrong guess is no evidence against: the named side decides
    named = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo")
    assert len(corefer([named, unsure], TEXT)) == 1


def test_a_headline_side_with_the_body_sides_head_noun_is_that_side() -> None:
    """ "Zim police" read as a person is still the police the body names; another head noun
    that resolved to another named actor is another side."""

    def pair(headline_source: str) -> list[Event]:
        title = _event("COERCE", "Police detain opposition official", "police", "official")
        title.source = Mention(headline_source, 0, 13, "person:harare", None)  # a misread name
        lede = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo")
        lede.source = Mention("Police in Harare", 35, 51, "unk:police", "ZWE", ["COP"])  # the state's
        return [title, lede]

    assert len(corefer(pair("Harare police"), TEXT)) == 1
    assert len(corefer(pair("Harare army"), TEXT)) == 2


def test_a_threat_is_not_the_act_threatened_and_places_keep_acts_apart() -> None:
    actual = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo")
    threatened = _event("COERCE", "Moyo's arrest", "police", "moyo", modality=Modality.THREATENED)
    assert len(corefer([actual, threatened], TEXT)) == 2
    here = PlaceRef("geonames:1", "Harare", "ZWE", None, None, "exact")
    there = PlaceRef("geonames:2", "Bulawayo", "ZWE", None, None, "exact")
    a = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo", place=here)
    b = _event("COERCE", "Moyo's arrest", "police", "moyo", place=there)
    assert len(corefer([a, b], TEXT)) == 2


def test_a_country_and_a_city_in_it_are_one_place() -> None:
    # "Police in Harare arrested Tendai Moyo ..." and, told at the country's precision, the same
    # arrest "in Zimbabwe"; a city of another country stays another place.
    city = PlaceRef("geonames:1", "Harare", "ZWE", None, None, "exact")
    country = PlaceRef("country:ZWE", "Zimbabwe", "ZWE", None, None, "exact")
    abroad = PlaceRef("geonames:3", "Lusaka", "ZMB", None, None, "exact")
    a = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo", place=city)
    b = _event("COERCE", "Moyo's arrest", "police", "moyo", place=country)
    assert len(corefer([a, b], TEXT)) == 1
    c = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo", place=abroad)
    d = _event("COERCE", "Moyo's arrest", "police", "moyo", place=country)
    assert len(corefer([c, d], TEXT)) == 2


@pytest.mark.slow
def test_reference_article_has_no_duplicated_act(pipeline: Pipeline, reference_text: str) -> None:
    analysis = pipeline.analyze_text(reference_text, published=dt.date(2015, 7, 1))

    def key(e: Event) -> tuple:
        return (e.type, e.source.actor if e.source else None, e.target.actor if e.target else None)

    for i, a in enumerate(analysis.events):  # no two events for one act: same type, sides and words
        for b in analysis.events[i + 1 :]:
            overlap = a.evidence.start < b.evidence.end and b.evidence.start < a.evidence.end
            assert not (key(a) == key(b) and (overlap or a.trigger.text == b.trigger.text)), (a, b)
    accusations = [e for e in analysis.events if e.type == "ACCUSE" and e.source and e.source.actor == "isis"]
    video = next(e for e in accusations if e.evidence.text.startswith("ISIS accused Hamas"))
    assert any(m.text.startswith("ISIS also accuses Hamas") for m in video.mentions)  # one act, two reports
    assert all(e.source is not None or e.target is not None for e in analysis.events)
    assert not [e for e in analysis.events if e.section is Section.CAPTION and e.type == "PROTEST"]


def test_a_definite_event_noun_refers_back_to_the_act_already_told(pipeline: Pipeline) -> None:
    """ "the arrest" two paragraphs later is the arrest told first, though its sides are unsaid
    there and the paragraphs differ; a plain second arrest is not."""
    text = (
        "Police in Harare arrested the opposition leader Tendai Moyo on Monday.\n\n"
        "His lawyers said they would appeal on Wednesday.\n\n"
        "Rights groups condemned the arrest of Tendai Moyo by police."
    )
    arrests = [
        e for e in pipeline.analyze_text(text, published=dt.date(2024, 3, 6)).events if e.type == "COERCE"
    ]
    assert len(arrests) == 1 and len(arrests[0].mentions) == 1


def test_a_state_and_its_forces_are_one_side_of_an_act(pipeline: Pipeline) -> None:
    text = (
        "Russian troops seized control of the town of Tskhinvali on Friday.\n\n"
        "Georgia said it would ask the UN for help.\n\n"
        "Russia seized control of Tskhinvali after a night of shelling, witnesses said."
    )
    events = pipeline.analyze_text(text, published=dt.date(2008, 8, 10)).events
    seizures = [e for e in events if e.type == "COERCE"]
    assert len(seizures) == 1 and len(seizures[0].mentions) == 1


def test_the_victim_and_the_doer_told_a_few_words_apart_are_one_act(pipeline: Pipeline) -> None:
    events = pipeline.analyze_text(
        "Two soldiers were killed in an attack by rebels near Goma on Sunday."
    ).events
    attacks = [e for e in events if e.type == "ASSAULT"]
    assert len(attacks) == 1 and attacks[0].source is not None and attacks[0].target is not None


def test_a_protest_where_police_made_arrests_is_not_the_polices(pipeline: Pipeline) -> None:
    events = pipeline.analyze_text("Police arrested dozens of people during the protest in Nairobi.").events
    assert not [
        e
        for e in events
        if e.type == "PROTEST" and e.source is not None and "police" in e.source.text.lower()
    ]


def test_a_name_in_apposition_to_a_role_is_one_person_not_a_conjunct(pipeline: Pipeline) -> None:
    """ "the mayor, John Smith, and the treasurer, Mary Jones": two people arrested, not three."""
    events = pipeline.analyze_text(
        "Soldiers detained the mayor, John Smith, and the treasurer, Mary Jones, on Tuesday."
    ).events
    targets = sorted(e.target.text for e in events if e.type == "COERCE" and e.target is not None)
    assert targets == ["the mayor, John Smith", "the treasurer, Mary Jones"]
    listed = pipeline.analyze_text("The EU, NATO, the USA and other countries condemned the attack.").events
    sources = {e.source.text for e in listed if e.type == "ACCUSE" and e.source is not None}
    assert {"The EU", "NATO", "the USA"} <= sources  # a list the parser reads as an apposition stays a list


def test_a_date_of_the_speaking_does_not_keep_two_mentions_apart() -> None:
    # "police arrested Tendai Moyo again, lawyers said [on Tuesday]": the day the lawyers
    # spoke is a weak date (resolve/event_dates.py); the firm one of the other mention wins
    monday, tuesday = dt.date(2024, 3, 4), dt.date(2024, 3, 5)
    firm = _event(
        "COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo", date=monday, date_precision="day"
    )
    said = _event(
        "COERCE", "police arrested Tendai Moyo again", "police", "moyo", date=tuesday, date_precision="day"
    )
    said.signals["date_weak"] = 1.0
    merged = corefer([said, firm], TEXT)
    assert len(merged) == 1 and (merged[0].date, merged[0].signals.get("date_weak", 0.0)) == (monday, 0.0)
    other = _event(
        "COERCE", "police arrested Tendai Moyo again", "police", "moyo", date=tuesday, date_precision="day"
    )
    firm = _event(
        "COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo", date=monday, date_precision="day"
    )
    assert len(corefer([firm, other], TEXT)) == 2  # two firm days: two acts


def test_months_and_years_keep_acts_apart_at_the_coarser_precision() -> None:
    def pair(first: tuple[dt.date, str], second: tuple[dt.date, str]) -> int:
        a = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo",
                   date=first[0], date_precision=first[1])  # fmt: skip
        b = _event("COERCE", "police arrested Tendai Moyo again", "police", "moyo",
                   date=second[0], date_precision=second[1])  # fmt: skip
        return len(corefer([a, b], TEXT))

    august, september = (dt.date(2024, 8, 1), "month"), (dt.date(2024, 9, 1), "month")
    assert pair(august, september) == 2  # "arrested in August" and "arrested in September"
    assert pair((dt.date(2008, 1, 1), "year"), (dt.date(2011, 1, 1), "year")) == 2
    # "in 2024" and "on March 5, 2024" may be one act: a year says nothing of the month
    assert pair((dt.date(2024, 1, 1), "year"), (dt.date(2024, 3, 5), "day")) == 1
    assert pair(august, (dt.date(2024, 8, 20), "day")) == 1


def test_victims_in_the_next_sentence_are_not_the_recalled_act_s(pipeline: Pipeline) -> None:
    """ "four days after the rebels hit a ship" recalls another act: the fighters killed in
    the next sentence were the strike's victims, not the rebels' own."""
    analysis = pipeline.analyze_text(
        "Title\n\nU.S. and British warplanes struck Houthi radar sites near Hodeidah on Friday, four days "
        "after the rebels hit a container ship, the Pentagon said. The Houthis said five of their "
        "fighters were killed.",
        published=dt.date(2024, 3, 8),
    )
    killed = next(e for e in analysis.events if "killed" in e.evidence.text or any(
        "killed" in analysis.article.text[s.start : s.end] for s in e.mentions))  # fmt: skip
    assert killed.source is None or killed.source.actor != "houthis"


def test_the_two_directions_of_a_mutual_act_stay_apart_in_a_headline() -> None:
    """ "The two countries cut ties" is coded both ways; the mentions share a head noun but
    the directions are two events (coding rule 2)."""
    text = "The two countries cut ties\n\nBody."
    span = Span("The two countries cut ties", 0, 26)
    kenya = Mention("The two countries", 0, 17, "country:KEN", "KEN")
    somalia = Mention("The two countries", 0, 17, "country:SOM", "SOM")
    events = [
        Event("SANCTION", None, span, span, kenya, somalia, section=Section.TITLE),
        Event("SANCTION", None, span, span, somalia, kenya, section=Section.TITLE),
    ]
    merged = corefer(events, text)
    assert {(e.source.country, e.target.country) for e in merged if e.source and e.target} == {
        ("KEN", "SOM"),
        ("SOM", "KEN"),
    }


STATE_TEXT = (
    "Ruritania expels Borduria's envoy\n\n"
    "President Anna Vos on Sunday ordered the expulsion of Borduria's envoy over the border dispute.\n\n"
    "Interior Minister Karl Berg later expelled Borduria's envoy, the ministry said."
)


def _state_event(at: str, source: Mention) -> Event:
    start = STATE_TEXT.index(at)
    span = Span(at, start, start + len(at))
    envoy = Mention("Borduria's envoy", start, start + 16, "country:BDR", "BDR", ["GOV"])
    section = Section.TITLE if start < STATE_TEXT.index("\n") else Section.BODY
    return Event("SANCTION", None, span, span, source, envoy, section=section)


def test_an_official_and_the_state_they_act_for_are_one_side() -> None:
    """ "Ruritania expels ..." and "President Vos ordered the expulsion ...": one act; another
    official of the same state is another person, whose act stays apart."""
    state = Mention("Ruritania", 0, 9, "country:RUR", "RUR")
    vos = Mention("President Anna Vos", 0, 18, "person:anna-vos", "RUR", ["GOV"])
    berg = Mention("Interior Minister Karl Berg", 0, 27, "person:karl-berg", "RUR", ["GOV"])
    title = _state_event("Ruritania expels Borduria's envoy", state)
    lede = _state_event("President Anna Vos on Sunday ordered the expulsion", vos)
    later = _state_event("Interior Minister Karl Berg later expelled", berg)
    merged = corefer([title, lede, later], STATE_TEXT)
    assert len(merged) == 2
    assert merged[0].source is vos and [m.text for m in merged[0].mentions] == [title.evidence.text]
    citizen = Mention("Anna Vos", 0, 8, "person:anna-vos", "RUR", ["CVL"])  # not the state's
    private = _state_event("President Anna Vos on Sunday ordered", citizen)
    assert len(corefer([title, private], STATE_TEXT)) == 2


def test_the_act_keeps_the_name_of_a_side_another_mention_only_describes() -> None:
    """A headline that names whom the lede only describes ("police arrested an opposition
    official"): the act's target is the person named, not the description."""
    title = _event("COERCE", "Police detain opposition official", "police", "moyo")
    lede = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "official")
    merged = corefer([title, lede], TEXT)
    assert len(merged) == 1 and merged[0].evidence is lede.evidence
    assert merged[0].target is not None and merged[0].target.actor == "person:tendai-moyo"


# ---------------------------------------------------------------- the learned pair model
RECAP = (
    "Zambian police detain outspoken opposition lawmaker\n\n"
    "LUSAKA (Wire) - Police in Zambia on Tuesday arrested Chanda Mwale, an opposition member of "
    "parliament who has criticised the government's debt deals.\n\n"
    "Mwale's party said officers took him from his home before dawn and did not say where he was held.\n\n"
    "The government has not commented. The detention of the lawmaker follows a string of arrests of "
    "critics this year."
)
TWO_ARRESTS = (
    "Police arrest two activists in separate raids\n\n"
    "LUSAKA (Wire) - Police in Zambia on Tuesday arrested Chanda Mwale, an opposition lawmaker, at his "
    "home in Lusaka.\n\n"
    "In a separate operation, police on Thursday arrested Bupe Tembo, a student leader, in the northern "
    "city of Kitwe.\n\n"
    "Both face charges of sedition, their lawyers said."
)


def _arrests(pipeline: Pipeline, text: str) -> list[Event]:
    analysis = pipeline.analyze_text(text, published=dt.date(2024, 3, 8))
    return [e for e in analysis.events if e.type == "COERCE" and "critics" not in e.evidence.text]


def test_the_model_joins_a_recap_the_rules_leave_apart(pipeline: Pipeline) -> None:
    """Headline, lede and a recap whose target is only described ("the lawmaker")."""
    (arrest,) = _arrests(pipeline, RECAP)
    assert arrest.evidence.text.startswith("Police in Zambia on Tuesday arrested Chanda Mwale")
    assert [m.text for m in arrest.mentions] == [
        "Zambian police detain outspoken opposition lawmaker",
        "detention of the lawmaker",
    ]


def test_two_arrests_by_the_same_police_stay_two(pipeline: Pipeline) -> None:
    arrests = _arrests(pipeline, TWO_ARRESTS)
    targets = [e.target.text.split(",")[0] for e in arrests if e.target is not None]
    assert targets == ["Chanda Mwale", "Bupe Tembo"]


def test_the_shipped_threshold_is_the_one_training_writes() -> None:
    """The model file and ``eventwire train-coref`` agree on the pair model's threshold."""
    from eventwire.evaluate.train_coref import THRESHOLD

    assert load_pair_model().threshold == THRESHOLD


ALWAYS = PairModel(("bias",), (30.0,), 0.5, {})  # a model that would join every pair


def test_hard_constraints_hold_whatever_the_model_says() -> None:
    """Two named targets, opposite directions, two days: never one act (coding rule 2)."""
    monday, friday = dt.date(2024, 3, 4), dt.date(2024, 3, 8)
    events = [
        _event(
            "COERCE",
            "Police in Harare arrested Tendai Moyo",
            "police",
            "moyo",
            date=monday,
            date_precision="day",
        ),
        _event(
            "COERCE", "police arrested Tendai Moyo again", "police", "moyo", date=friday, date_precision="day"
        ),
    ]
    assert len(corefer(events, TEXT, model=ALWAYS)) == 2
    events = [
        _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo"),
        _event("COERCE", "police arrested Tendai Moyo again", "moyo", "police"),
    ]
    assert len(corefer(events, TEXT, model=ALWAYS)) == 2
    assert (
        len(corefer(events[:1] + [_event("COERCE", "Moyo's arrest", None, "moyo")], TEXT, model=ALWAYS)) == 1
    )


def test_two_parties_one_trigger_gave_are_never_one_act() -> None:
    """ "police arrested the official and the army officer": one event per party (coding rule
    2), which no pass may join back, the second pass included, though neither is named."""
    act = _Act(person_titles=_titles())
    act.add(_event("COERCE", "police arrested Tendai Moyo again", "police", "official"))
    assert conflicts(act, _event("COERCE", "police arrested Tendai Moyo again", "police", "army"))
    assert not conflicts(act, _event("COERCE", "police arrested Tendai Moyo again", "police", "official"))


def test_the_shipped_model_reads_only_features_this_code_computes() -> None:
    model = load_pair_model()
    assert model.features and all(known_pair_feature(name) for name in model.features)
    assert 0.0 < model.threshold < 1.0


def test_a_meeting_with_no_other_party_is_no_consultation(pipeline: Pipeline) -> None:
    text = (
        "The city council has been meeting online since the floods closed its chamber.\n\n"
        "Later the governor visited a bottling plant outside the capital to praise its workers.\n\n"
        "Egypt's foreign minister met his Jordanian counterpart in Amman on Sunday."
    )
    consults = [e for e in pipeline.analyze_text(text).events if e.type == "CONSULT"]
    assert [e.evidence.text for e in consults if e.target is None] == []
    assert any(e.target is not None for e in consults)  # meeting someone is a consultation


def test_a_mediator_needs_no_party_of_its_own() -> None:
    def consult(cameo: str, target: Mention | None) -> Event:
        span = Span("met", 0, 3)
        return Event("CONSULT", cameo, span, span, Mention("Qatar", 0, 5, "country:QAT"), target,
                     signals={"pos=VERB": 1.0})  # fmt: skip

    assert meets_no_one(consult("040", None))
    assert not meets_no_one(consult("045", None))  # "Qatar mediated": between the parties
    assert not meets_no_one(consult("040", Mention("Iran", 0, 4, "country:IRN")))


def test_definite_nouns_finds_the_trigger_token_in_each_section(pipeline: Pipeline) -> None:
    """Which noun triggers are definite, read off the token at each trigger's offset in its
    own section's Doc (title or body): a determiner or owner on the noun or, for a compound,
    on its head ("the street protests"); a verb trigger is never anaphoric."""
    text = (
        "Court frees the jailed editor\n\n"
        "A court in Lusaka freed a newspaper editor on Tuesday. The release followed a week of "
        "street protests. Her supporters welcomed the street protests' end, and another release "
        "was expected. Lawyers said the court released her."
    )
    analysis = pipeline.analyze_text(text, published=dt.date(2024, 5, 7))

    def noun(word: str, nth: int = 0, pos: str = "NOUN") -> Event:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        span = Span(word, start, start + len(word))
        return Event("RELEASE", None, span, span, signals={f"pos={pos}": 1.0})

    named = {
        "headline": noun("frees", pos="VERB"),  # a verb in the title's own Doc
        "the release": noun("release"),
        "a week": noun("week"),
        "of street protests": noun("street"),  # a compound whose head has no determiner
        "the street protests' end": noun("street", 1),  # ... and one whose head has "the"
        "another release": noun("release", 1),
        "released": noun("released", pos="VERB"),
    }
    found = definite_nouns(analysis, list(named.values()))
    assert {name for name, event in named.items() if id(event) in found} == {
        "the release",
        "the street protests' end",
    }
    assert definite_nouns(analysis, []) == frozenset()


def test_told_apart_reads_the_trigger_s_own_additive_or_earlier_time_modifier(pipeline: Pipeline) -> None:
    """ "also" or "too" on the trigger tells a further act, "the previous" or "last year's" an
    act before the story's; "also" on another verb ("also said that ...") and a retelling ("the
    arrests") tell nothing apart."""
    text = (
        "Police arrest opposition leader\n\n"
        "Police in Lusaka arrested the opposition leader Hakainde Chanda on Tuesday. "
        "Police also arrested two of his aides, and detained his driver too. "
        "The arrests came a year after the previous crackdown, and last year's raid on his home "
        "drew protests. His party also said that police had detained dozens of supporters."
    )
    analysis = pipeline.analyze_text(text, published=dt.date(2024, 5, 8))

    def trigger(word: str, nth: int = 0) -> Event:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        span = Span(word, start, start + len(word))
        return Event("COERCE", None, span, span)

    named = {
        "headline": trigger("arrest"),
        "first arrest": trigger("arrested"),
        "also arrested": trigger("arrested", 1),
        "detained too": trigger("detained"),
        "the arrests": trigger("arrests"),
        "previous crackdown": trigger("crackdown"),
        "last year's raid": trigger("raid"),
        "said ... detained": trigger("detained", 1),
    }
    found = told_apart(analysis, list(named.values()))
    assert {name for name, event in named.items() if id(event) in found} == {
        "also arrested", "detained too", "previous crackdown", "last year's raid",
    }  # fmt: skip
    assert told_apart(analysis, []) == frozenset()


def test_an_act_told_apart_joins_no_act_the_body_told_before() -> None:
    """ "Police also arrested Tendai Moyo" is a further arrest, though its sides are the first
    arrest's; it may still be the act a headline told alone."""
    first = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo")
    again = _event("COERCE", "police arrested Tendai Moyo again", "police", "moyo")
    assert len(corefer([first, again], TEXT)) == 1  # the same sides: one act, unless told apart
    first = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo")
    again = _event("COERCE", "police arrested Tendai Moyo again", "police", "moyo")
    assert len(corefer([first, again], TEXT, apart=frozenset({id(again)}))) == 2
    first = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo")
    again = _event("COERCE", "police arrested Tendai Moyo again", "police", "moyo")
    apart = frozenset({id(again)})  # nor does the pair model join it, mention by mention or act by act
    assert len(corefer([first, again], TEXT, model=load_pair_model(), apart=apart)) == 2
    headline = _event("COERCE", "Police detain opposition official", "police", "official")
    lede = _event("COERCE", "Police in Harare arrested Tendai Moyo", "police", "moyo")
    assert len(corefer([headline, lede], TEXT, apart=frozenset({id(lede)}))) == 1


def test_paragraphs_are_counted_by_line_breaks() -> None:
    text = "Headline\n\nFirst paragraph. Still first.\nSecond one.\n"
    paragraphs = Paragraphs(text)
    assert paragraphs.breaks == [i for i, char in enumerate(text) if char == "\n"]
    assert [paragraphs.of(text.index(w)) for w in ("Headline", "First", "Still", "Second")] == [0, 2, 2, 3]
    assert paragraphs.one_sentence(text.index("First"), text.index("paragraph"))
    assert not paragraphs.one_sentence(text.index("First"), text.index("first."))


AMBUSH = (
    "Rebels ambush army convoy\n\n"
    "Rebels ambushed an army patrol near the river crossing on Monday.\n\n"
    "The ambush killed 14 soldiers, a military spokesman said. Another raid shot dead a soldier."
)


def _ambush_event(at: str, target: str) -> Event:
    start, at_target = AMBUSH.index(at), AMBUSH.index(target)
    span = Span(at, start, start + len(at))
    rebels = Mention("Rebels", 0, 6, "unk:rebels", "RUR")
    side = Mention(target, at_target, at_target + len(target), "country:RUR", "RUR", ["MIL"])
    return Event("ASSAULT", None, span, span, rebels, side)


def test_a_count_by_an_article_keeps_apart_only_the_same_noun() -> None:
    """ "an army patrol" counts a patrol, "14 soldiers" its dead: one ambush for the model to
    weigh; "a soldier" and "14 soldiers" count one noun two ways: two acts whatever it says."""
    patrol = _ambush_event("Rebels ambushed an army patrol", "an army patrol")
    toll = _ambush_event("The ambush killed 14 soldiers", "14 soldiers")
    other = _ambush_event("Another raid shot dead a soldier", "a soldier")
    assert len(corefer([patrol, toll], AMBUSH, model=ALWAYS)) == 1
    assert len(corefer([toll, other], AMBUSH, model=ALWAYS)) == 2


def test_another_count_of_the_same_number_is_other_people() -> None:
    """ "killed 300 villagers" and "killed another 300 villagers": the same number, other
    victims, so two acts whatever the model says."""
    text = "Rebels killed 300 villagers in March. Rebels killed another 300 villagers in May."
    first, second = text.index("300 villagers"), text.index("another 300 villagers")
    rebels = Mention("Rebels", 0, 6, "unk:rebels", "RUR")
    victims = [
        Mention(t, at, at + len(t), "unk:villagers", "RUR", ["CVL"])
        for t, at in (("300 villagers", first), ("another 300 villagers", second))
    ]
    acts = [
        Event(
            "ASSAULT", None, Span(text[at : at + 20], at, at + 20), Span("killed", at, at + 6), rebels, side
        )
        for at, side in ((0, victims[0]), (text.index("Rebels killed another"), victims[1]))
    ]
    assert len(corefer(acts, text, model=ALWAYS)) == 2


CROWDS = (
    "Police scatter crowds in the capital\n\n"
    "Riot police fired tear gas to scatter the crowds outside parliament on Friday. "
    "Officers used water cannon to disperse the crowd, witnesses said, and it regrouped later."
)


def test_pair_features_read_a_plural_head_and_a_pronoun_side() -> None:
    """ "the crowds" and "the crowd" share a head noun; a pronoun side is told apart from a
    description ("it" is whoever the resolver guessed, not another party)."""
    from eventwire.resolve.event_coref import Pair, pair_features

    def event(at: str, target: str, actor: str) -> Event:
        start, at_target = CROWDS.index(at), CROWDS.index(target)
        span = Span(at, start, start + len(at))
        police = Mention("police", 0, 6, "country:RUR", "RUR", ["COP"])
        side = Mention(target, at_target, at_target + len(target), actor, None)
        return Event("COERCE", None, span, span, police, side)

    first = event("fired tear gas to scatter the crowds", "the crowds", "unk:crowds")
    second = event("disperse the crowd", "the crowd", "unk:crowd")
    third = event("it regrouped", "it", "unk:protesters")
    pair = Pair(Paragraphs(CROWDS), person_titles=_titles())
    assert pair_features(first, second, pair)["target=same_head"] == 1.0
    assert pair_features(first, third, pair)["target=pronoun"] == 1.0
    # the earlier mention read once as an act of its own serves every later one alike
    assert pair_features(first, second, pair) == pair_features(
        first, second, Pair(Paragraphs(CROWDS), person_titles=_titles())
    )
    assert pair.single(first) is pair.single(first) and pair.single(first).events == [first]


EXPULSION = (
    "Norland expels envoy over spying row\n\n"
    "Foreign Minister Ida Sand on Tuesday ordered the Ostmark ambassador to leave the country.\n\n"
    "Sand said the diplomat had met army officers in secret, and that the ministry had warned the "
    "embassy twice in the spring. Ostmark has denied the charge and said it would answer in kind.\n\n"
    "The row is the worst between the two neighbours since a border dispute a decade ago, when "
    "both recalled their ambassadors for several months and trade across the frontier slowed.\n\n"
    "Later in the week, Norland's government told a second Ostmark diplomat to leave.\n"
)


def _at(type_: str, text: str, at: str, source: Mention | None, target: Mention | None) -> Event:
    start = text.index(at)
    span = Span(at, start, start + len(at))
    section = Section.TITLE if start < text.index("\n") else Section.BODY
    return Event(type_, None, span, span, source, target, section=section)


def test_a_headline_and_its_lede_are_one_act_when_their_sides_name_no_others() -> None:
    """ "Norland expels envoy" sums up the lede's "Foreign Minister Ida Sand ordered the
    Ostmark ambassador to leave": the state and its minister, an envoy described and one
    named, are one act though the other side differs. The same words two paragraphs on, or a
    lede naming another state as the doer, are another act."""
    norland = Mention("Norland", 0, 7, "country:NOR", "NOR")
    envoy = Mention("envoy", 14, 19, "unk:envoy", None)
    minister = Mention("Foreign Minister Ida Sand", 38, 63, "person:ida-sand", "NOR", ["GOV"])
    ambassador = Mention("the Ostmark ambassador", 82, 104, "person:ostmark-ambassador", "OST", ["GOV"])
    body = EXPULSION.index("Foreign")
    headline = _at("SANCTION", EXPULSION, "Norland expels envoy", norland, envoy)
    lede = _at("SANCTION", EXPULSION, "ordered the Ostmark ambassador to leave", minister, ambassador)
    assert len(corefer([headline, lede], EXPULSION, body_start=body)) == 1
    second = Mention("a second Ostmark diplomat", 0, 25, "person:second-diplomat", "OST", ["GOV"])
    later = _at("SANCTION", EXPULSION, "told a second Ostmark diplomat to leave", minister, second)
    assert len(corefer([headline, later], EXPULSION, body_start=body)) == 2  # not the lede
    other = Mention("Ostmark", 0, 7, "country:OST", "OST")
    reverse = _at("SANCTION", EXPULSION, "ordered the Ostmark ambassador to leave", other, None)
    assert len(corefer([headline, reverse], EXPULSION, body_start=body)) == 2  # another doer


DETENTION = (
    "Police hold protest leader\n\n"
    "He was detained by police late on Friday, his lawyer said.\n\n"
    "Lev Aronyan was arrested by riot police near the square. Officers then held him overnight.\n"
)


def test_a_mention_the_first_pass_left_apart_joins_the_act_a_later_mention_completed() -> None:
    """ "He was detained" opens the act; "Lev Aronyan was arrested" a paragraph later is
    compared with that paragraph only, so names a target the act lacks and stays apart; "held
    him" then joins the act in Aronyan's paragraph, and the second pass joins the arrest to it."""
    police = Mention("police", 0, 6, "unk:police", "RUR", ["COP"])
    he = Mention("He", 0, 2, "person:lev-aronyan", "RUR")
    aronyan = Mention("Lev Aronyan", 0, 11, "person:lev-aronyan", "RUR")
    him = Mention("him", 0, 3, "person:lev-aronyan", "RUR")
    events = [
        _at("COERCE", DETENTION, "He was detained by police", police, he),
        _at("COERCE", DETENTION, "Lev Aronyan was arrested by riot police", police, aronyan),
        _at("COERCE", DETENTION, "Officers then held him overnight", police, him),
    ]
    merged = corefer(events, DETENTION, body_start=DETENTION.index("He was"))
    assert len(merged) == 1
    assert "Lev Aronyan was arrested by riot police" in [span.text for span in merged[0].mentions]


def test_an_act_told_without_its_doer_takes_it_from_the_same_kind_of_act() -> None:
    """ "Police arrested Moyo ... Moyo was arrested again": the doer of an arrest is lent to
    an arrest; a curfew or sanctions lend none to the arrests told after them, and an act
    told only by its type (CAMEO 170, "the crackdown") lends and takes."""

    def pair(donor: str | None, source: str, code: str) -> Event:
        first = _event("COERCE", "Police in Harare arrested Tendai Moyo", source, None)
        later = _event("COERCE", "police arrested Tendai Moyo again", None, "moyo")
        first.cameo, later.cameo = donor, code
        inherit_sources([first, later])
        return later

    again = pair("173", "police", "173")
    assert again.source is not None and again.source.actor == "unk:police"
    assert again.signals["inherited_source"] == 1.0
    assert pair("1721", "army", "173").source is None  # a curfew's doer made no arrest here
    told = pair("170", "army", "173")
    assert told.source is not None and told.source.actor == "unk:army"


RAID = (
    "Villagers flee raid in Kasai\n\n"
    '"Soldiers burned our houses and shot at us," a farmer from Tshikapa told reporters. '
    "Three villagers were wounded on Sunday, a local official said."
)


def test_an_act_told_in_a_quote_lends_no_doer_to_the_narration() -> None:
    """The farmer's words name soldiers as the shooters; the reporter's "three villagers were
    wounded" leaves its doer unsaid and borrows none from the quote. Told in the same quote,
    the act would take it."""
    soldiers = Mention("Soldiers", 0, 8, "unk:soldiers", "COD", ["MIL"])
    villagers = Mention("Three villagers", 0, 15, "unk:villagers", "COD")
    quoted = _at("ASSAULT", RAID, "shot at us", soldiers, None)
    quoted.quote = 0
    wounded = _at("ASSAULT", RAID, "Three villagers were wounded", None, villagers)
    inherit_sources([quoted, wounded])
    assert wounded.source is None and "inherited_source" not in wounded.signals
    wounded.quote = 0
    inherit_sources([quoted, wounded])
    assert wounded.source is soldiers


SPOKEN = (
    "Norland expels Ostmark diplomats\n\n"
    'Norland expelled two Ostmark diplomats on Monday, calling them "spies in suits". '
    "A third diplomat was expelled on Tuesday, the foreign ministry said."
)


def test_a_speaker_who_did_the_act_beside_its_words_lends_its_doer() -> None:
    """Norland is the speaker of "spies in suits" and also the doer of the expulsion told
    beside it, in the reporter's words: the speaker of a reporting frame who does the act is
    the common case (train half: 40 such doers right, 6 wrong), so it lends its doer to the
    later "a third diplomat was expelled"."""
    norland = Mention("Norland", 0, 7, "country:NOR", "NOR")
    pair = Mention("two Ostmark diplomats", 0, 21, "unk:diplomats", "OST", ["GOV"])
    third = Mention("A third diplomat", 0, 16, "unk:diplomat", "OST", ["GOV"])
    expelled = _at("SANCTION", SPOKEN, "Norland expelled two Ostmark diplomats", norland, pair)
    later = _at("SANCTION", SPOKEN, "A third diplomat was expelled", None, third)
    inherit_sources([expelled, later])
    assert later.source is norland and later.signals["inherited_source"] == 1.0


NEVER = PairModel(("bias",), (-30.0,), 0.5, {})  # a model that finds every pair unlikely
STATEMENTS = (
    "Norland accuses Ostmark of border raids\n\n"
    "Norland on Monday accused Ostmark of sending troops across the border. Foreign Minister "
    "Ida Sand also accused Ostmark of jamming radio signals near the frontier. Police in Norland "
    "arrested two Ostmark soldiers near the border. The police arrested the pair after a chase.\n"
)


def _said(type_: str, at: str) -> Event:
    start = STATEMENTS.index(at)
    span = Span(at, start, start + len(at))
    norland, ostmark = Mention("Norland", 0, 7, "country:NOR"), Mention("Ostmark", 0, 7, "country:OST")
    section = Section.TITLE if start < STATEMENTS.index("\n") else Section.BODY
    return Event(type_, None, span, span, norland, ostmark, section=section)


def test_a_spoken_act_joined_by_its_sides_alone_needs_the_models_assent() -> None:
    """One speaker makes many statements to one addressee ("accused Ostmark of sending troops",
    "also accused Ostmark of jamming"): the rules join them by their sides, the model may keep
    them apart; the headline and its lede stay one act, and so do two reports of an arrest."""
    body = STATEMENTS.index("Norland on Monday")

    def accusations() -> list[Event]:  # afresh for each call: merging fills in the main mention
        return [
            _said("ACCUSE", "Norland accuses Ostmark of border raids"),
            _said("ACCUSE", "Norland on Monday accused Ostmark of sending troops"),
            _said("ACCUSE", "also accused Ostmark of jamming radio signals"),
        ]

    assert len(corefer(accusations(), STATEMENTS, body_start=body)) == 1  # the rules alone
    assert len(corefer(accusations(), STATEMENTS, model=ALWAYS, body_start=body)) == 1
    kept = corefer(accusations(), STATEMENTS, model=NEVER, body_start=body)
    assert [(e.evidence.text[:20], len(e.mentions)) for e in kept] == [
        ("Norland on Monday ac", 1),  # the headline joins its lede
        ("also accused Ostmark", 0),
    ]
    arrests = [
        _said("COERCE", "Police in Norland arrested two Ostmark soldiers"),
        _said("COERCE", "The police arrested the pair after a chase"),
    ]
    assert len(corefer(arrests, STATEMENTS, model=NEVER, body_start=body)) == 1  # not spoken


def test_two_different_specific_acts_of_one_type_stay_two() -> None:
    text = (
        "The army deposed President Alvarado on Sunday and imposed a state of emergency.\n\n"
        "Soldiers later detained the president at the palace; the army also arrested his aide."
    )
    army = Mention("The army", 0, 8, "country:XYZ", "XYZ", ["MIL"])
    president = Mention("President Alvarado", 0, 18, "person:alvarado", "XYZ", ["GOV"])

    def event(at: str, cameo: str, target: Mention | None) -> Event:
        start = text.index(at)
        span = Span(at, start, start + len(at))
        return Event("COERCE", cameo, span, span, army, target)

    coup = event("deposed President Alvarado", "171", president)
    emergency = event("imposed a state of emergency", "1724", None)
    detained = event("detained the president", "173", president)
    assert other_act(_single(coup), emergency) and not other_act(_single(detained), detained)
    merged = corefer([coup, emergency, detained], text)
    assert len(merged) == 3
    crackdown = event("arrested his aide", "170", president)  # only the kind: may be any of them
    assert not other_act(_single(coup), crackdown)
    headline = event("The army deposed", "171", president)
    headline.section = Section.TITLE  # a headline sums up the arrest told below in other words
    assert not other_act(_single(headline), detained)


def test_a_meetings_visit_and_talks_are_one_consultation() -> None:
    # "The envoy arrived in Lima on Monday and held talks with the foreign minister."
    envoy = Mention("The envoy", 0, 9, "unk:envoy", "USA", ["GOV"])
    minister = Mention("the foreign minister", 0, 20, "unk:foreign-minister", "PER", ["GOV"])
    span_a, span_b = Span("arrived in Lima", 10, 25), Span("held talks", 40, 50)
    visit = Event("CONSULT", "042", span_a, span_a, envoy, minister)
    talks = Event("CONSULT", "046", span_b, span_b, envoy, minister)
    assert not other_act(_single(visit), talks)


def _single(event: Event) -> _Act:
    act = _Act(person_titles=_titles())
    act.add(event)
    return act


def test_a_side_naming_no_actor_takes_the_name_another_mention_gives() -> None:
    from eventwire.resolve.event_coref import merge

    title = _event("COERCE", "Police detain opposition official", None, "official")
    title.source = Mention("Zimbabwe", 0, 8, "country:ZWE", "ZWE")
    lede = _event("COERCE", "Police in Harare arrested Tendai Moyo", None, "moyo")
    lede.source = Mention("the order", 0, 9)  # words the resolver linked to no actor
    act = merge(_Act([lede, title], person_titles=_titles()))
    assert act.evidence.text.startswith("Police in Harare"), act.evidence
    assert act.source is not None and act.source.actor == "country:ZWE", act.source


DETENTIONS = (
    "Norland police on Tuesday detained 30 students outside the education ministry.\n\n"
    "The students had gathered to oppose a rise in university fees, witnesses said.\n\n"
    "A spokesman confirmed that 30 young people had been arrested and would appear in court.\n\n"
    "Officers also fired tear gas at the crowd, and later detained 12 teachers in Ostvik."
)


def _detention(at: str, target: str, cameo: str) -> Event:
    """An act of coercion by Norland's police told at ``at``, against the group ``target``."""
    start, at_target = DETENTIONS.index(at), DETENTIONS.index(target)
    span = Span(at, start, start + len(at))
    police = Mention("Norland police", 0, 14, "country:NRL", "NRL", ["COP"])
    slug = "unk:" + target.split()[-1]
    side = Mention(target, at_target, at_target + len(target), slug, "NRL", ["CVL"])
    return Event("COERCE", cameo, span, span, police, side, section=Section.BODY)


def test_one_group_described_again_by_other_words_is_one_act() -> None:
    """ "30 students" and "30 young people" arrested by the same police, paragraphs apart: the
    same kind of people of one country counted alike, one specific act (CAMEO 173)."""
    first = _detention("detained 30 students", "30 students", "173")
    again = _detention("30 young people had been arrested", "30 young people", "173")
    assert len(corefer([first, again], DETENTIONS)) == 1


def test_a_group_described_again_is_another_act_if_counted_or_told_otherwise() -> None:
    """Tear gas at "the crowd" (175) is not the arrest of the students (173), though it refers
    back to people of the same kind; "12 teachers" counted by another number are others."""
    first = _detention("detained 30 students", "30 students", "173")
    gas = _detention("fired tear gas at the crowd", "the crowd", "175")
    others = _detention("detained 12 teachers", "12 teachers", "173")
    assert len(corefer([first, gas], DETENTIONS)) == 2
    assert len(corefer([first, others], DETENTIONS)) == 2


def test_a_named_side_is_not_overridden_by_a_description_of_its_kind() -> None:
    """Where a mention names the side (a person), another description of people of its country
    ("the students") is left to the other rules: it may be someone else."""
    first = _detention("detained 30 students", "30 students", "173")
    assert first.target is not None
    first.target = Mention("Ana Ruud", 0, 8, "person:ana-ruud", "NRL", ["CVL"])
    again = _detention("30 young people had been arrested", "30 young people", "173")
    assert len(corefer([first, again], DETENTIONS)) == 2


SHOOTING = (
    "Soldiers fire on peaceful marchers in Kessel\n\n"
    "Soldiers fired on peaceful marchers in Kessel on Sunday. The shooting killed dozens of "
    "protesters, medics said. Soldiers also fired on journalists covering the march.\n"
)


def _shot(
    at: str, target: str, actor: str, country: str | None = None, sectors: tuple[str, ...] = ()
) -> Event:
    start = SHOOTING.index(at)
    span = Span(at, start, start + len(at))
    soldiers = Mention("Soldiers", 0, 8, "unk:soldiers")
    victims = Mention(target, 0, len(target), actor, country, list(sectors))
    return Event("ASSAULT", "190", span, span, soldiers, victims)


def test_targets_described_as_one_kind_are_the_models_to_join() -> None:
    """ "fired on peaceful marchers" and "killed dozens of protesters": the rules, reading two
    descriptions, leave them apart; the pair model decides, and a likely pair is one act. Two
    kinds of people ("journalists") stay apart whatever the model says."""
    body = SHOOTING.index("Soldiers fired")

    def shootings() -> list[Event]:
        return [
            _shot("Soldiers fired on peaceful marchers", "peaceful marchers", "unk:peaceful-protesters"),
            _shot("The shooting killed dozens of protesters", "dozens of protesters", "unk:protesters"),
        ]

    assert len(corefer(shootings(), SHOOTING, body_start=body)) == 2  # the rules alone
    assert len(corefer(shootings(), SHOOTING, model=NEVER, body_start=body)) == 2
    (act,) = corefer(shootings(), SHOOTING, model=ALWAYS, body_start=body)
    assert [m.text for m in act.mentions] == ["The shooting killed dozens of protesters"]
    journalists = _shot("Soldiers also fired on journalists", "journalists", "unk:journalists")
    assert len(corefer([*shootings()[:1], journalists], SHOOTING, model=ALWAYS, body_start=body)) == 2
    # one country and sector, other words: "marchers" and "a crowd" in the same city
    crowd = [
        _shot("Soldiers fired on peaceful marchers", "peaceful marchers", "unk:marchers", "KSL", ("OPP",)),
        _shot("The shooting killed dozens of protesters", "a crowd", "unk:crowd", "KSL", ("OPP", "CVL")),
    ]
    assert len(corefer(crowd, SHOOTING, model=ALWAYS, body_start=body)) == 1


LIKELY = PairModel(("bias",), (0.62,), 0.7, {})  # every pair 0.65: under the threshold, over its margin


def test_whole_acts_join_last_on_their_mentions_average_likelihood() -> None:
    """No single report is likely enough to join another in text order, but two acts whose
    reports are on average likely enough join in the last pass (:func:`agglomerate`), within the
    hard constraints: two kinds of victims, two days, one trigger's list of sides stay apart."""
    body = SHOOTING.index("Soldiers fired")

    def shootings() -> list[Event]:
        return [
            _shot("Soldiers fired on peaceful marchers", "peaceful marchers", "unk:peaceful-protesters"),
            _shot("The shooting killed dozens of protesters", "dozens of protesters", "unk:protesters"),
        ]

    assert len(corefer(shootings(), SHOOTING, model=NEVER, body_start=body)) == 2
    (act,) = corefer(shootings(), SHOOTING, model=LIKELY, body_start=body)
    assert [m.text for m in act.mentions] == ["The shooting killed dozens of protesters"]
    journalists = _shot("Soldiers also fired on journalists", "journalists", "unk:journalists")
    assert len(corefer([*shootings()[:1], journalists], SHOOTING, model=LIKELY, body_start=body)) == 2
    monday, friday = dt.date(2024, 3, 4), dt.date(2024, 3, 8)
    two_days = shootings()
    for event, day in zip(two_days, (monday, friday), strict=True):
        event.date, event.date_precision = day, "day"
    assert len(corefer(two_days, SHOOTING, model=LIKELY, body_start=body)) == 2
    one_trigger = [shootings()[0], shootings()[0]]
    one_trigger[1].target = Mention("protesters", 0, 10, "unk:protesters")
    assert len(corefer(one_trigger, SHOOTING, model=LIKELY, body_start=body)) == 2


INTRODUCED = (
    "Kenyan police detain opposition official\n\n"
    "Police in western Kenya arrested an opposition official on Tuesday as his party began a "
    "week of rallies, a party spokesman said.\n\n"
    "James Otieno, who chairs the party in the region, was arrested by police in the town of "
    "Kisumu after a march through the market, spokesman Paul Mwangi said.\n"
)


def test_a_person_described_then_named_is_one_side_not_two_named_apart() -> None:
    """A description of one person resolved to a country ("an opposition official" of Kenya)
    names no one: the person the next paragraph names may be the one described, so the two
    mentions are not "named apart"; a named country or a group noun still is another side."""
    start = INTRODUCED.index("Police in western Kenya arrested")
    lede = Span("Police in western Kenya arrested", start, start + 32)
    police = Mention("Police in western Kenya", 0, 23, "country:KEN", "KEN", ["COP"])
    official = Mention("an opposition official", 0, 22, "country:KEN", "KEN", ["OPP"])
    act = _Act(person_titles=_titles())
    act.add(Event("COERCE", "173", lede, lede, police, official))
    start = INTRODUCED.index("was arrested by police")
    later = Span("was arrested by police", start, start + 22)
    otieno = Mention("James Otieno", 0, 12, "person:james-otieno", "KEN")
    assert not conflicts(act, Event("COERCE", "173", later, later, police, otieno))
    assert conflicts(
        act, Event("COERCE", "173", later, later, police, Mention("Uganda", 0, 6, "country:UGA"))
    )
    group = _Act(person_titles=_titles())  # "the Kenyan police": a group noun, not one person described
    group.add(Event("COERCE", "173", lede, lede, police, Mention("the Kenyan police", 0, 17, "country:KEN")))
    assert conflicts(group, Event("COERCE", "173", later, later, police, otieno))


def test_an_arrest_of_a_described_official_named_in_the_next_paragraph_is_one_act(pipeline: Pipeline) -> None:
    arrests = [e for e in pipeline.analyze_text(INTRODUCED).events if e.type == "COERCE"]
    assert len(arrests) == 1
    assert arrests[0].target is not None and arrests[0].target.actor == "person:james-otieno"


@pytest.mark.parametrize(
    ("text", "actor", "one"),
    [
        ("a leading Hong Kong pro-democracy activist", "country:HKG", True),
        ("the opposition leader", "country:KEN", True),
        ("the Kenyan police", "country:KEN", False),  # a group noun
        ("two activists", "country:KEN", False),  # counted
        ("the minister and his deputy", "country:KEN", False),  # two people
        ("Ruth Wanjiru", "person:ruth-wanjiru", False),  # named
    ],
)
def test_one_person_only_described_is_told_by_a_title_of_one_person(text: str, actor: str, one: bool) -> None:
    assert _individual(Mention(text, 0, len(text), actor), _titles()) is one


HEADMASTER = (
    "Ugandan police hold a Ugandan headmaster\n\n"
    "Police in Gulu detained a Ugandan headmaster on Friday after pupils marched against school "
    "fees, a teachers' union said.\n\n"
    "Samuel Okello, who runs a primary school near the town, was detained by police at his home "
    "on Friday evening, union secretary Grace Akello said.\n"
)


def test_a_title_of_one_person_in_a_user_kb_file_reads_a_described_person_as_one(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    """Coreference reads a person only described by the titles of the knowledge base the
    resolver uses, a user's KB files included (``PipelineConfig.kb_files``): with "headmaster"
    a title of one person, "a Ugandan headmaster" (resolved to Uganda) may be the person the
    next paragraph names, not a side named apart; with the shipped titles alone it is not."""
    roles = tmp_path / "roles.csv"
    roles.write_text("term,sector,kind\nheadmaster,EDU,person\n", encoding="utf-8")
    config = PipelineConfig(model="md", kb_files=(roles,))
    assert "headmaster" in EventCorefStage(config).person_titles and "headmaster" not in _titles()
    described = Mention("a Ugandan headmaster", 0, 20, "country:UGA", "UGA")
    assert _individual(described, EventCorefStage(config).person_titles)
    assert not _individual(described, _titles())

    def detentions(analysed: Pipeline) -> list[Event]:
        return [e for e in analysed.analyze_text(HEADMASTER).events if e.type == "COERCE"]

    assert len(detentions(pipeline)) == 2
    detained = detentions(Pipeline(config))
    assert len(detained) == 1
    named = HEADMASTER.index("Samuel Okello")
    assert any(span.start >= named for span in detained[0].mentions)  # the named person's detention joined
