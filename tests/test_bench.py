"""The benchmark: corpus builder and a tiny end-to-end run (no timing assertions)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.bench import report
from eventwire.bench.corpus import EXAMPLES_DIR, build_corpus, corpus_words
from eventwire.bench.run import BenchOptions, run_benchmark
from eventwire.cli import app
from eventwire.errors import EventwireError

needs_examples = pytest.mark.skipif(not EXAMPLES_DIR.is_dir(), reason="bundled examples/ folder is absent")


@needs_examples
def test_corpus_is_deterministic_and_varied() -> None:
    first = build_corpus(24)
    again = build_corpus(24)
    assert [a.text for a in first] == [a.text for a in again]
    assert [a.id for a in first] == [f"bench-{i:05d}" for i in range(24)]
    assert len({a.content_hash for a in first}) == 24
    other_seed = build_corpus(24, seed=99)
    assert [a.text for a in other_seed] != [a.text for a in first]


@needs_examples
def test_corpus_articles_are_english_and_about_500_words() -> None:
    articles = build_corpus(30)
    words = [len(a.text.split()) for a in articles]
    assert 430 <= corpus_words(articles) / len(articles) <= 600
    assert min(words) > 300
    assert all(a.language == "en" for a in articles)
    # feed-004 is the bundled Spanish record: none of its words may be used
    assert not any("Congreso" in a.text for a in articles)
    assert all(a.published is not None for a in articles)


def test_corpus_from_data_uses_originals_first(tmp_path: Path) -> None:
    body = (
        "Rebels attacked an army post near Goma on Monday, killing four soldiers, "
        "the army said.\n\nThe rebels denied the attack. “We were not there,” "
        "a spokesman told Reuters on Tuesday."
    )
    for name in ("one", "two"):
        (tmp_path / f"{name}.txt").write_text(f"Headline {name}\n\n{body} {name}.", encoding="utf-8")
    articles = build_corpus(5, data=tmp_path)
    assert [a.origin for a in articles[:2]] == [str(tmp_path / "one.txt"), str(tmp_path / "two.txt")]
    assert len({a.content_hash for a in articles}) == 5
    assert all(a.id.startswith("bench-") for a in articles[2:])


def test_corpus_rejects_folder_without_english(tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"id": "x", "language": "es", "text": "El Congreso censuró al ministro."}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(EventwireError, match="no English articles"):
        build_corpus(3, data=tmp_path)


def test_options_are_validated() -> None:
    with pytest.raises(EventwireError, match="--parse"):
        BenchOptions(parse="fast")
    with pytest.raises(EventwireError, match="--articles"):
        BenchOptions(articles=0)
    assert BenchOptions().processes and BenchOptions().processes >= 1


@pytest.mark.slow
@needs_examples
def test_small_run_reports_every_figure() -> None:
    options = BenchOptions(articles=6, processes=2, parse="both", store=True)
    result = run_benchmark(options)
    data = report.as_dict(result)
    assert data["corpus"]["articles"] == 6
    for measure in (data["bare_spacy"], data["bare_spacy_numpy_blas"], data["pipeline"], data["store"]):
        for key in ("seconds", "articles_per_s", "words_per_s", "peak_rss_mb"):
            assert measure[key] > 0, (measure["name"], key)
    assert [p["name"] for p in data["pipelines"]] == [
        "pipeline (selective parse)",
        "pipeline (full parse)",
    ]
    stages = data["pipeline"]["stages"]
    assert {"language", "nlp", "entities"} <= set(stages)
    assert all(s["seconds"] >= 0 and s["articles_per_s"] > 0 for s in stages.values())
    assert data["pipeline"]["load_seconds"] > 0
    assert data["ratio"] > 0 and data["ratio_same_blas"] > 0
    assert data["bare_spacy_numpy_blas"]["name"] == "bare spaCy nlp.pipe, numpy BLAS"
    assert [t["name"] for t in data["targets"]] == [
        "pipeline throughput",
        "peak memory (RSS, parent + workers)",
        "pipeline / bare spaCy throughput",
    ]
    assert data["machine"]["cores"] >= 1 and data["machine"]["cpu"]
    text = report.render(result)
    assert "bare spaCy nlp.pipe" in text and "against bare spaCy with the pipeline's numpy BLAS" in text
    assert text.count("PASS") + text.count("FAIL") == 3


@pytest.mark.slow
@needs_examples
def test_cli_bench_json() -> None:
    result = CliRunner().invoke(app, ["bench", "--articles", "4", "--processes", "1", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout[result.stdout.index("{") :])
    assert payload["settings"]["processes"] == 1
    assert payload["pipeline"]["articles_per_s"] > 0
