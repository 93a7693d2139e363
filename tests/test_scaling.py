"""Bounded work per article: the scaling benchmark runs, and the stages stay linear."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.bench.scaling import (
    FullCollections,
    ScalePoint,
    long_text,
    render,
    run_stage_scaling,
    sentences,
)
from eventwire.cli import app

pytestmark = pytest.mark.slow

# Stages whose searches are bisections over sorted offsets and whose lookups are dictionaries
# (issue 15), with the most their CPU time per sentence may grow from 284 to 5,680 sentences.
# The walks they replaced grew 2.8x (events: every actor mention and quote per event), 5.4x
# (places), 6.8x (the event scorer's line features) and 18x (grounding); now 0.4x to 1.35x.
# Event coreference compares an act with at most 16 of its reports (`_Act.compared`; here each act
# is reported 40 times): 1.8x, then flat (1.1x from 5,680 to 11,360 sentences); comparing with
# every report read 3x here and 1.8x again per doubling; a Doc.text per event noun made it 100x. The quote stage grew 1.6x to 1.8x here when it
# compared each statement with every quotation, outlet and quote kept; now 1.05x to 1.3x.
# Stages are timed with the garbage collector off (bench/scaling.py): a collection's cost
# follows the whole heap, and with it on grounding read 1.8x (once 2.7x, failing CI) where
# its own work is flat (0.9x-1.0x). Each size is analysed (now three times) and each stage keeps its least
# time: one CI run read the quote stage 1.52x (3.08 s where quiet runs take 2.2-2.6 s), an added
# burst that a second run does not repeat. Session 26: a CI run read it 1.53x again with the
# stage's code unchanged, and a quiet run outside pytest 1.55x once in four (1.10-1.23x the
# others; the small size takes 0.07 s, so a burst of a few milliseconds moves the ratio): each
# size is now analysed three times, and the bound is 1.5x, still under the 1.6x-1.8x of the
# quadratic comparison it guards against.
GROWTH_LIMITS = {
    "actors": 2,
    "places": 2,
    "quotes": 1.5,
    "events": 2,
    "grounding": 2,
    "event_scorer": 2,
    # each mention meets a bounded number of acts; each act keeps what the rules read of its
    # mentions (sides, parties, dates, places) in sets as they are added, so a comparison no
    # longer re-reads up to 16 mentions: 1.1x-1.2x quiet, 1.73x once with 5 other jobs on 2
    # cores (it read 1.85-3.65x before, failing CI at 3.65)
    "event_coref": 2.5,
    "implicit_args": 2,  # each act looks at a bounded number of neighbours
    "implied_doers": 2,  # likewise
    "judge_sides": 2,  # each side looks at the judgements a bounded reach before its act
}


def _over_limit(small: ScalePoint, large: ScalePoint) -> list[str]:
    """The stages whose CPU time per sentence grew more than their limit."""
    over = []
    for stage, limit in GROWTH_LIMITS.items():
        per_sentence = [p.seconds[stage] / p.sentences for p in (small, large)]
        if per_sentence[1] >= limit * per_sentence[0] + 0.00002:
            over.append(f"{stage}: {per_sentence[1] / per_sentence[0]:.2f}x")
    return over


def _least(first: ScalePoint, second: ScalePoint) -> ScalePoint:
    seconds = {stage: min(t, second.seconds.get(stage, t)) for stage, t in first.seconds.items()}
    return ScalePoint(first.sentences, first.chars, seconds)


def test_stage_time_per_sentence_stays_flat_as_an_article_grows() -> None:
    """Session 29: a fresh-clone CI run read the quote stage 1.58x on a VM slower all day (its code
    unchanged since session 26; the same code passed an hour before). A stage over its limit is
    measured once more and each size keeps its least time of both: a burst does not repeat, a
    quadratic walk reads over the limit every time."""
    small, large = run_stage_scaling((2, 40), model="sm", repeats=3)  # spaCy parses 142 sentences, once
    assert large.sentences == 20 * small.sentences and large.chars > 19 * small.chars
    if _over_limit(small, large):
        again = run_stage_scaling((2, 40), model="sm", repeats=3)
        small, large = _least(small, again[0]), _least(large, again[1])
    assert not _over_limit(small, large), (_over_limit(small, large), small.seconds, large.seconds)
    table = render([small, large])
    assert "grounding" in table and "5,680 sent. s" in table


def test_bench_scaling_command_prints_json() -> None:
    result = CliRunner().invoke(app, ["bench", "--scaling", "--sizes", "20,40", "--model", "sm", "--json"])
    assert result.exit_code == 0, result.output
    points = json.loads(result.stdout)
    assert [p["sentences"] for p in points] == [20, 40] and "events" in points[0]["seconds"]
    assert "gc" in points[0]["seconds"]  # full collections, reported apart from the stages


def test_full_collections_are_taken_out_of_the_stage_they_interrupt() -> None:
    clock = FullCollections()
    clock["nlp"] += 2.0
    clock.observe("start", {"generation": 0})  # a young collection stays the stage's own
    clock.observe("stop", {"generation": 0})
    clock.pending = 0.25  # as if a full pass of 0.25 s ran while the next stage did
    clock["implicit_args"] += 0.5
    assert clock["nlp"] == 2.0 and clock["implicit_args"] == 0.25 and clock["gc"] == 0.25
    clock["events"] += 1.0
    assert clock["events"] == 1.0 and clock["gc"] == 0.25


def test_long_text_is_one_paragraph_of_example_sentences() -> None:
    pool = sentences()
    text = long_text(50, pool)
    assert text.count("\n\n") == 1 and len(pool) > 50
