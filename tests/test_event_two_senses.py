"""Triggers with two senses that their arguments decide (``agent:`` rows of the lexicon)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from eventwire import Pipeline
from eventwire.extract.event_lexicon import Trigger, argument_condition, load_event_lexicon


def types_of(pipeline: Pipeline, text: str, word: str) -> set[str]:
    """The event types coded for triggers that contain ``word``."""
    return {e.type for e in pipeline.analyze_text(text).events if word in e.trigger.text.lower()}


ARTICLES = [
    # (article, trigger word, the sense it must take, the sense it must not)
    ("Dock workers began a strike against the port authority on Monday. Ships queued offshore.",
     "strike", "PROTEST", "ASSAULT"),
    ("The teachers' union called a strike against the Education Ministry over pay. Schools closed.",
     "strike", "PROTEST", "ASSAULT"),
    ("Russian forces launched a strike against the port overnight. Two cranes were destroyed.",
     "strike", "ASSAULT", "PROTEST"),
    ("The army carried out strikes on rebel positions near the border, a spokesman said.",
     "strike", "ASSAULT", "PROTEST"),
    ("The Supreme Court blocked a decree on fuel prices. The president said he would appeal.",
     "block", "REJECT", "PROTEST"),
    ("Parliament blocked the emergency decree late on Thursday after a long debate.",
     "block", "REJECT", "PROTEST"),
    ("Farmers blocked the main road into the capital with tractors for a third day.",
     "block", "PROTEST", "REJECT"),
    ("The Iranian delegation walked out of the talks in Vienna on Friday.",
     "walk", "REJECT", "PROTEST"),
    ("Factory workers walked out on Tuesday, demanding higher pay and shorter shifts.",
     "walk", "PROTEST", "REJECT"),
    ("Troops marched on the capital after the coup. Shops stayed shut.",
     "march", "MOBILIZE", "PROTEST"),
    ("Thousands of students marched through the capital, chanting against the new law.",
     "march", "PROTEST", "MOBILIZE"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word", "sense", "not_sense"), ARTICLES)
def test_the_arguments_decide_the_sense(
    candidates: Pipeline, text: str, word: str, sense: str, not_sense: str
) -> None:
    types = types_of(candidates, text, word)
    assert sense in types and not_sense not in types, (text, types)


def test_argument_rows_are_tried_before_word_conditions() -> None:
    rows = load_event_lexicon().triggers[("strike", "NOUN")]
    conditioned = [r for r in rows if argument_condition(r) is not None]
    assert conditioned and rows.index(conditioned[-1]) < min(
        rows.index(r) for r in rows if r.requires and argument_condition(r) is None
    )


def test_argument_condition_reads_role_and_sectors() -> None:
    row = Trigger("strike", "strike", (), "NOUN", "PROTEST", "143", None, "event", None,
                  "agent:cvl|BUS", None, 0.6, "test")  # fmt: skip
    assert argument_condition(row) == ("agent", frozenset({"CVL", "BUS"}))
    assert argument_condition(replace(row, requires="pobj:on")) is None
