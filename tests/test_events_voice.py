"""Whom a pronoun source stands for: a first-person "we" in a quote, a "they" after a speaker (extract/event_actors.py)."""

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


def test_they_after_a_speaker_named_alone_is_not_that_person(pipeline: Pipeline) -> None:
    """ "Berg said they had urged ...": a plural pronoun does not stand for one person."""
    analysis = pipeline.analyze_text(
        "Relatives of the kidnapped sailors met Prime Minister Anna Berg in Oslo on Monday. "
        "Berg said they had urged the government to negotiate with the pirates."
    )
    request = strongest(analysis, "REQUEST")
    assert request.source is None or request.source.actor != "person:anna-berg"


def test_they_after_speakers_named_together_is_them(pipeline: Pipeline) -> None:
    analysis = pipeline.analyze_text(
        "Anna Berg and Lars Holm said they had urged the government to negotiate with the pirates."
    )
    request = strongest(analysis, "REQUEST")
    assert request.source is not None and request.source.actor in ("person:anna-berg", "person:lars-holm")
