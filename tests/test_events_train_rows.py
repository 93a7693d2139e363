"""Trigger rows added from the train gold with a support threshold (a word coded as the
trigger of one type in at least three train articles and rarely seen outside an event):
dismissals ("brushed aside"), bans ("barred"), thrown objects ("hurled rocks at"), crowds
in the streets ("poured into the streets", "chanted slogans") and captives ("taken captive")."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire import Pipeline
from eventwire.models import Event


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline.analyze_text(text, published=dt.date(2024, 3, 4)).events


@pytest.mark.parametrize(
    "text",
    [
        "The military government brushed aside the demands of the United Nations on Monday.",
        "Hamas brushed off the Israeli warning as a bluff.",
        "The prime minister has brushed the criticism of the opposition aside.",
    ],
)
def test_brushing_aside_is_a_rejection(candidates: Pipeline, text: str) -> None:
    assert any(e.type == "REJECT" and e.source is not None for e in _events(candidates, text))


def test_barring_someone_is_a_restriction(candidates: Pipeline) -> None:
    events = _events(candidates, "The Taliban barred women from university education on Tuesday.")
    ban = next(e for e in events if e.type == "COERCE")
    assert ban.cameo == "172"
    assert ban.source is not None and "Taliban" in ban.source.text


def test_hurling_rocks_at_someone_is_an_assault(candidates: Pipeline) -> None:
    events = _events(candidates, "Protesters hurled rocks at police officers in Nairobi on Friday.")
    assert any(e.type == "ASSAULT" and e.cameo == "180" for e in events)


def test_hurling_nothing_at_anyone_is_no_assault(candidates: Pipeline) -> None:
    """The row needs a target after "at", as "throw" does: a player hurling a javelin is no attack."""
    events = _events(candidates, "The Kenyan athlete hurled the javelin a record distance in Nairobi.")
    assert not any(e.type == "ASSAULT" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of Cubans poured into the streets of Havana on Sunday.",
        "Supporters of the opposition chanted slogans against the government in Ankara.",
    ],
)
def test_crowds_in_the_streets_protest(candidates: Pipeline, text: str) -> None:
    assert any(e.type == "PROTEST" for e in _events(candidates, text))


def test_taken_captive_is_an_abduction(candidates: Pipeline) -> None:
    events = _events(
        candidates, "Ten Ethiopian soldiers were taken captive by the Sudanese army near the border."
    )
    seized = next(e for e in events if e.type == "ASSAULT")
    assert seized.cameo == "181"
    assert seized.target is not None and "soldiers" in seized.target.text
