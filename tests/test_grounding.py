"""Where and when each event happened: the grounding stage on texts we wrote and the reference."""

import datetime as dt
import json

import pytest

from tests.conftest import SHARED

REFERENCE_EXPECTED = SHARED / "examples" / "isis-hamas-gaza.expected.json"
THURSDAY = dt.date(2024, 4, 11)


def events_of(pipeline, text: str, published: dt.date = THURSDAY):
    return [e for e in pipeline.analyze_text(text, published=published).events if e.section.value == "body"]


def the(events, type_: str):
    found = [e for e in events if e.type == type_]
    assert found, f"no {type_} event in {[e.type for e in events]}"
    return found[0]


def test_place_attached_to_the_event_wins_over_a_nearer_one(pipeline) -> None:
    text = "Officials in Kyiv said Russian forces shelled Kharkiv on Tuesday, killing two people."
    attack = the(events_of(pipeline, text), "ASSAULT")
    assert (attack.place.name, attack.place.precision) == ("Kharkiv", "exact")
    assert attack.place.country == "UKR"
    assert (attack.date, attack.date_precision) == (dt.date(2024, 4, 9), "day")
    assert attack.date_evidence.text == "Tuesday"


def test_nearest_place_in_the_sentence_when_none_is_attached(pipeline) -> None:
    text = "Police arrested 40 protesters on Monday night, a spokesman in Nairobi said."
    arrest = the(events_of(pipeline, text), "COERCE")
    assert (arrest.place.name, arrest.place.precision) == ("Nairobi", "nearest")
    assert arrest.date == dt.date(2024, 4, 8)


def test_dateline_is_the_fallback(pipeline) -> None:
    text = (
        "MOGADISHU, Somalia (Wire) - The government has accused the militants of planning attacks "
        "on the capital's hotels, officials said on Wednesday."
    )
    accusation = the(events_of(pipeline, text), "ACCUSE")
    assert accusation.place.precision in ("dateline", "nearest")
    assert accusation.place.country == "SOM"


def test_country_of_the_actors_when_nothing_else(pipeline) -> None:
    text = "The Kenyan government accused the doctors' union of holding patients hostage."
    accusation = the(events_of(pipeline, text), "ACCUSE")
    assert (accusation.place.country, accusation.place.precision) == ("KEN", "country-only")


def test_undated_events_get_no_date_rather_than_the_publication_day(pipeline) -> None:
    text = "Rebels have attacked several villages over the past few months, residents said."
    attack = the(events_of(pipeline, text), "ASSAULT")
    assert (attack.date, attack.date_precision) == (None, "unknown")


def test_future_threat_resolves_forward(pipeline) -> None:
    text = "The union warned that doctors will strike on Monday if wages are not paid."
    dated = [e for e in events_of(pipeline, text) if e.date is not None]
    assert dated and all(e.date == dt.date(2024, 4, 15) for e in dated)


@pytest.mark.skipif(not REFERENCE_EXPECTED.is_file(), reason="../shared/examples not present")
def test_reference_article_where_and_when(pipeline, reference_text: str) -> None:
    expected = json.loads(REFERENCE_EXPECTED.read_text(encoding="utf-8"))
    published = dt.date.fromisoformat(expected["published"])
    events = events_of(pipeline, reference_text, published)
    threat = next(
        e for e in events if e.type == "THREATEN" and "threatened to drive it out" in e.evidence.text
    )
    assert threat.date == dt.date(2015, 6, 30)  # "issued Tuesday", published Wednesday 1 July
    assert threat.place.name == "Gaza Strip"  # "out of the region": Hamas's region
    attack = next(e for e in events if e.type == "ASSAULT" and "attacks against Hamas" in e.evidence.text)
    assert attack.place.name == "Gaza Strip"  # not Israel, where the rockets of the next clause went
    rockets = next(e for e in events if e.type == "ASSAULT" and "rockets into Israel" in e.evidence.text)
    assert (rockets.place.name, rockets.place.precision) == ("Israel", "exact")
    assert all(e.date is None or e.date <= published for e in events)


def _parsed(text: str):
    from eventwire.nlp.model import load_model

    return load_model("md")(text)


def _word(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_a_date_in_another_acts_phrase_is_that_acts() -> None:
    from eventwire.models import Event, Span
    from eventwire.resolve.event_dates import OWN, DateAttacher

    doc = _parsed("The mayor's arrest followed the detention of an opposition official late on Tuesday.")
    arrest, detention, tuesday = _word(doc, "arrest"), _word(doc, "detention"), _word(doc, "Tuesday")
    event = Event("COERCE", None, Span("arrest", 0, 1), Span("arrest", 0, 1))
    attacher = DateAttacher()
    triggers = {arrest.i, detention.i}
    assert attacher.attach(event, arrest, tuesday, triggers, 0) is None  # the detention's day
    found = attacher.attach(event, detention, tuesday, triggers, 0)
    assert found is not None and found.rank == OWN


def test_the_day_of_the_speaking_is_the_reported_acts_only_weakly(pipeline) -> None:
    text = "Another 12 people were wounded in the shelling, the regional governor said on Saturday."
    wounded = the(events_of(pipeline, text), "ASSAULT")
    assert (wounded.date, wounded.signals.get("date_weak")) == (dt.date(2024, 4, 6), 1.0)
    text = "Police arrested 40 protesters on Monday night, a spokesman in Nairobi said on Tuesday."
    arrest = the(events_of(pipeline, text), "COERCE")
    assert (arrest.date, arrest.signals.get("date_weak")) == (dt.date(2024, 4, 8), None)  # its own day first


def test_the_speakers_own_act_takes_the_day_of_the_speaking() -> None:
    from eventwire.models import Event, Mention, Span
    from eventwire.resolve.event_dates import INHERITED, SAID, DateAttacher

    text = "The foreign ministry announced on Monday that the ministry had expelled the ambassador."
    doc = _parsed(text)
    expelled, monday = _word(doc, "expelled"), _word(doc, "Monday")
    trigger = Span("expelled", expelled.idx, expelled.idx + 8)
    speaker = Mention("The foreign ministry", 0, 20)
    other = Mention("the ambassador", text.index("the ambassador"), len(text) - 1)
    attacher = DateAttacher()
    own = attacher.attach(
        Event("SANCTION", None, trigger, trigger, speaker), expelled, monday, {expelled.i}, 0
    )
    assert own is not None and own.rank == INHERITED
    reported = attacher.attach(
        Event("SANCTION", None, trigger, trigger, other), expelled, monday, {expelled.i}, 0
    )
    assert reported is not None and reported.rank == SAID


def test_one_day_after_moves_the_date_and_a_bare_after_drops_it(pipeline) -> None:
    text = "The envoy was freed on Monday, two days after gunmen abducted him in the capital."
    abduction = the(events_of(pipeline, text), "ASSAULT")
    assert abduction.date == dt.date(2024, 4, 6)
    text = "The envoy was freed on Monday, after gunmen abducted him in the capital."
    assert the(events_of(pipeline, text), "ASSAULT").date is None


def test_a_datelines_date_is_no_events() -> None:
    from eventwire.models import Entity
    from eventwire.resolve.grounding import _in_dateline

    text = "Headline\n\nNAIROBI, April 9 (Wire) - Police arrested dozens of protesters on April 8."
    dateline, body = (
        Entity(d, "DATE", text.index(d), text.index(d) + len(d)) for d in ("April 9", "April 8")
    )
    assert _in_dateline(text, dateline) and not _in_dateline(text, body)


def test_a_place_that_names_a_side_is_not_where_it_happened(pipeline) -> None:
    text = (
        "TEHRAN (Wire) - Iran's foreign ministry summoned Britain's ambassador on Tuesday "
        "over the seizure of an oil tanker, state media reported."
    )
    summons = [e for e in events_of(pipeline, text) if e.target is not None and "ambassador" in e.target.text]
    assert summons
    assert all(e.place is None or e.place.name != "United Kingdom" for e in summons)
    assert all(e.place is None or e.place.precision != "nearest" for e in summons)


def test_a_place_that_locates_a_side_still_counts(pipeline) -> None:
    text = "The U.S. embassy in Nairobi urged both sides to show restraint on Tuesday."
    request = the(events_of(pipeline, text), "REQUEST")
    assert request.place is not None and request.place.name == "Nairobi"


@pytest.mark.parametrize(
    "text",
    [
        "Foreign ministers of the two countries are due to sign a trade accord in Vienna on Monday.",
        "The two leaders are scheduled to sign the border accord on Monday.",
        "Rebel commanders are set to hold talks with army officers on Monday, a mediator said.",
        "The bloc is to impose new sanctions on the junta on Monday, diplomats said.",
        "The European Union is expected to impose sanctions on the junta on Monday.",
    ],
)
def test_an_act_still_to_come_resolves_its_weekday_forward(pipeline, text: str) -> None:
    dated = [e for e in events_of(pipeline, text) if e.date_evidence is not None]
    assert dated and all(e.date == dt.date(2024, 4, 15) for e in dated if e.date_evidence.text == "Monday")


def test_a_plan_told_in_the_past_keeps_the_past_weekday(pipeline) -> None:
    text = "Police set out to arrest the protest leaders on Monday, a spokesman said."
    arrest = the(events_of(pipeline, text), "COERCE")
    assert arrest.date == dt.date(2024, 4, 8)


def test_a_capital_condemned_is_the_government_not_where(pipeline) -> None:
    text = "Beijing condemned Canberra on Tuesday for expelling two Chinese reporters."
    blame = the(events_of(pipeline, text), "ACCUSE")
    assert blame.place is None or blame.place.precision not in ("exact", "nearest")


def test_a_capital_asked_is_the_government_not_where(pipeline) -> None:
    text = "Washington urged Caracas on Monday to free the jailed reporters."
    demand = the(events_of(pipeline, text), "REQUEST")
    assert demand.place is None or demand.place.precision not in ("exact", "nearest")


def test_a_capital_struck_is_still_where(pipeline) -> None:
    text = "Russian forces shelled Kharkiv on Tuesday, killing two people."
    attack = the(events_of(pipeline, text), "ASSAULT")
    assert (attack.place.name, attack.place.precision) == ("Kharkiv", "exact")


def test_the_place_a_distance_is_measured_from_is_not_where(pipeline) -> None:
    for text in (
        "Rebels attacked an army camp some 300 km from Kinshasa on Tuesday, killing four soldiers.",
        "Rebels attacked an army camp 40 miles north of Kinshasa on Tuesday, killing four soldiers.",
    ):
        attack = the(events_of(pipeline, text), "ASSAULT")
        assert attack.place is None or attack.place.name != "Kinshasa" or attack.place.precision != "exact", (
            text
        )


def test_a_date_that_names_a_thing_is_not_the_acts_but_a_day_at_a_thing_is(pipeline) -> None:
    text = "The opposition leader accused the electoral commission of rigging Saturday's vote count."
    assert the(events_of(pipeline, text), "ACCUSE").date is None  # which count, not when he accused
    text = "Police arrested dozens of demonstrators at Saturday's protest in the capital."
    assert the(events_of(pipeline, text), "COERCE").date == dt.date(2024, 4, 6)  # the act was there
