"""Bounded work per article: the scaling benchmark runs, and the actor stage stays linear."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from eventwire.bench.scaling import long_text, render, run_scaling, sentences
from eventwire.cli import app

pytestmark = pytest.mark.slow


def test_actor_stage_time_per_sentence_stays_flat_as_an_article_grows() -> None:
    small, large = run_scaling((150, 1500), model="sm")
    assert large.chars > 9 * small.chars
    per_sentence = [p.seconds["actors"] / p.sentences for p in (small, large)]
    # linear: about 1x; the quadratic search this replaced gave 10x for a tenfold text
    assert per_sentence[1] < 3 * per_sentence[0] + 0.0002, (small.seconds, large.seconds)
    table = render([small, large])
    assert "actors" in table and "1,500 sent. s" in table


def test_bench_scaling_command_prints_json() -> None:
    result = CliRunner().invoke(app, ["bench", "--scaling", "--sizes", "20,40", "--model", "sm", "--json"])
    assert result.exit_code == 0, result.output
    points = json.loads(result.stdout)
    assert [p["sentences"] for p in points] == [20, 40] and "events" in points[0]["seconds"]


def test_long_text_is_one_paragraph_of_example_sentences() -> None:
    pool = sentences()
    text = long_text(50, pool)
    assert text.count("\n\n") == 1 and len(pool) > 50
