"""A concession's target from the pressure or protest its own clause names as its cause."""

from __future__ import annotations

from eventwire import Pipeline


def _concession(pipeline: Pipeline, text: str):  # type: ignore[no-untyped-def]
    analysis = pipeline.analyze_text(text)
    events = [e for e in analysis.events if e.type == "CONCEDE"]
    assert events, [(e.type, e.trigger.text) for e in analysis.events]
    return analysis, events[0]


def test_giving_in_to_demands_is_aimed_at_their_owner(pipeline: Pipeline) -> None:
    _, event = _concession(
        pipeline,
        "The transport minister finally gave in to the demands of the striking truck drivers on Monday.",
    )
    assert event.target is not None and "drivers" in event.target.text


def test_stepping_down_in_the_face_of_protests_is_aimed_at_the_crowd(pipeline: Pipeline) -> None:
    analysis, event = _concession(
        pipeline,
        "The mayor of Lakeview stepped down in the face of mass street protests over the water tariff.",
    )
    assert event.target is not None and event.target.actor == "unk:protesters"
    assert any(a.id == "unk:protesters" for a in analysis.actors)


def test_public_pressure_is_aimed_at_the_public(pipeline: Pipeline) -> None:
    _, event = _concession(
        pipeline, "The health minister was forced to resign under public pressure last week."
    )
    assert event.target is not None and event.target.text == "public"


def test_a_concession_with_no_cause_keeps_no_target(pipeline: Pipeline) -> None:
    _, event = _concession(pipeline, "The health minister resigned on Tuesday, citing personal reasons.")
    assert event.target is None
