"""Whom a first-person source stands for inside a quote (extract/event_actors.py)."""

from __future__ import annotations

from eventwire import Pipeline
from eventwire.models import Analysis, Event


def strongest(analysis: Analysis, type_: str) -> Event:
    found = [e for e in analysis.events if e.type == type_]
    assert found, f"no {type_} in {[e.type for e in analysis.events]}"
    return max(found, key=lambda e: e.confidence)


def test_an_officials_we_is_the_state_they_speak_for(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        '"We urge Moscow to withdraw its troops from the border," Finnish Foreign Minister '
        "Anna Virtanen said on Monday."
    )
    request = strongest(analysis, "REQUEST")
    assert request.source is not None and request.source.actor == "country:FIN"
    assert request.source.text == "We"  # the words that name the state here
    assert request.target is not None and request.target.actor == "country:RUS"
    assert any(a.id == "country:FIN" for a in analysis.actors)  # listed with the article's actors


def test_our_talks_are_the_states(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        '"Our talks with Peru have produced a deal on the border," Chilean Foreign Minister Pedro Araya said.'
    )
    talks = strongest(analysis, "CONSULT")
    assert talks.source is not None and talks.source.actor == "country:CHL"


def test_i_stays_the_speaker(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        '"I urge Moscow to withdraw its troops from the border," Finnish Foreign Minister '
        "Anna Virtanen said on Monday."
    )
    request = strongest(analysis, "REQUEST")
    assert request.source is not None and request.source.actor == "person:anna-virtanen"


def test_a_we_the_quote_names_stays_the_speaker(pipeline: Pipeline) -> None:
    """ "We in the Orange Party": the party, not the state the deputy president serves."""
    analysis = pipeline.analyze_text(
        '"We in the Orange Party believe the election was stolen. We will urge the court to annul '
        'the result," Kenyan Deputy President Anna Wanjiru said.'
    )
    request = strongest(analysis, "REQUEST")
    assert request.source is not None and request.source.actor == "person:anna-wanjiru"
