"""Multi-process analysis gives what one process gives, in the same order."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eventwire import Pipeline, PipelineConfig
from eventwire.ingest import build_article
from eventwire.models import Article
from eventwire.parallel import AnalyzerPool, analyze_parallel

STORIES = [
    "Police fire tear gas at protesters in Nairobi\n\n"
    "Kenyan police fired tear gas at hundreds of protesters in Nairobi on Tuesday and "
    "arrested at least 30 people, witnesses said. The demonstrators were marching "
    "against a new finance bill. “We will come back every day until the bill is "
    "withdrawn,” said Grace Wanjiru, a student leader. The interior ministry accused "
    "opposition politicians of paying young men to loot shops.",
    "Ministers agree on grain corridor\n\n"
    "The foreign ministers of Turkey and Ukraine agreed on Friday in Ankara to extend "
    "the grain corridor for six months, the Turkish foreign ministry said. Russia "
    "warned that it would not guarantee the safety of ships that called at Ukrainian "
    "ports, according to the Interfax news agency.",
    "Floods displace thousands in Bangladesh\n\n"
    "Heavy monsoon rains have flooded large parts of north-eastern Bangladesh, forcing "
    "more than 20,000 people from their homes. The World Food Programme said it had "
    "sent rice and lentils to shelters in Sylhet. The weather office expects more rain "
    "next week.",
    "Court jails opposition leader\n\n"
    "A court in Minsk sentenced opposition politician Pavel Sevets to eight years in "
    "prison on Wednesday for organising mass protests, his lawyer told reporters. The "
    "European Union condemned the verdict and called for his release.",
    "Ceasefire talks resume in Doha\n\n"
    "Mediators from Qatar and Egypt met negotiators in Doha on Sunday. Israel rejected "
    "the latest proposal, officials said, while Hamas demanded a full withdrawal.",
]


def _articles() -> list[Article]:
    return [build_article(text, f"story-{i}", {"id": f"story-{i}"}) for i, text in enumerate(STORIES)]


def _records(analysis: Any) -> dict[str, Any]:
    return analysis.to_dict()


@pytest.mark.slow
def test_parallel_matches_single_process() -> None:
    published = dt.date(2024, 6, 1)
    config = PipelineConfig(batch_size=2)  # several chunks, so several tasks per worker
    single = [_records(a) for a in Pipeline(config).analyze(_articles(), published)]
    parallel = list(analyze_parallel(_articles(), config, processes=2, published=published))
    assert [a.article.id for a in parallel] == [f"story-{i}" for i in range(len(STORIES))]
    assert all(a.docs == [] for a in parallel)
    assert [_records(a) for a in parallel] == single
    assert any(record["entities"] for record in single)


@pytest.mark.slow
def test_pool_reports_timings_and_memory() -> None:
    with AnalyzerPool(PipelineConfig(batch_size=2), processes=2) as pool:
        assert pool.stats.load_seconds > 0
        analyses = list(pool.analyze(_articles(), chunk_size=1))
    assert len(analyses) == len(STORIES)
    assert pool.stats.timings["nlp"] > 0
    assert pool.stats.parse_stats["tokens"] > 0
    assert 1 <= len(pool.stats.worker_rss_kb) <= 2
    assert all(kb > 0 for kb in pool.stats.worker_rss_kb.values())


@pytest.mark.slow
def test_single_process_drops_docs(pipeline: Pipeline) -> None:
    analyses = list(analyze_parallel(_articles()[:2], pipeline.config, processes=1))
    assert [a.article.id for a in analyses] == ["story-0", "story-1"]
    assert all(a.docs == [] for a in analyses)
    assert any(a.entities for a in analyses)


def test_spans_pickle_as_constructor_calls() -> None:
    """A Span crosses processes by its own __reduce__, equal on the other side."""
    import pickle

    from eventwire.models import Mention, Span

    span = Span("fired tear gas", 12, 26)
    assert span.__reduce__() == (Span, ("fired tear gas", 12, 26))
    copies = pickle.loads(pickle.dumps([span, Mention("police", 0, 6, "unk:police")], protocol=5))
    assert copies == [span, Mention("police", 0, 6, "unk:police")]
    assert hash(copies[0]) == hash(span)


def test_unpickle_paused_restores_the_collector() -> None:
    import gc
    import pickle

    from eventwire.parallel import unpickle_paused

    blob = pickle.dumps({"events": [[i] for i in range(1000)]})
    assert gc.isenabled()
    assert unpickle_paused(blob) == {"events": [[i] for i in range(1000)]}
    assert gc.isenabled()
    gc.disable()
    try:
        unpickle_paused(blob)
        assert not gc.isenabled()  # a caller's own pause is left as it was
    finally:
        gc.enable()
    with pytest.raises(pickle.UnpicklingError):
        unpickle_paused(b"not a pickle")
    assert gc.isenabled()


def test_worker_reports_a_failing_article(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    """An article that makes a stage raise comes back as an error naming the stage; the
    other articles of the chunk come back analysed."""
    import pickle

    from eventwire import parallel
    from eventwire.jobs import RecordError
    from eventwire.models import Analysis

    class Failing:
        name = "failing"

        def __call__(self, analysis: Analysis) -> Analysis:
            if analysis.article.id == "story-1":
                raise ValueError("no such sentence")
            return analysis

    monkeypatch.setattr(parallel, "_PIPELINE", pipeline)
    monkeypatch.setattr(pipeline, "stages", [*pipeline.stages, Failing()])
    result = pickle.loads(parallel._analyze_chunk((_articles()[:3], None)))
    assert [a.article.id for a in result.analyses] == ["story-0", "story-2"]
    (error,) = result.errors
    assert isinstance(error, RecordError)
    assert (error.article_id, error.stage) == ("story-1", "failing")
    assert "ValueError: no such sentence" in error.problem


def test_worker_pauses_the_collector_for_a_chunk(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker analyses a chunk with the cyclic collector paused (its passes walked the
    chunk's objects again and again) and turns it on again after, when it was on."""
    import gc
    import pickle

    from eventwire import parallel
    from eventwire.models import Analysis

    seen: list[bool] = []

    class Spy:
        name = "spy"

        def __call__(self, analysis: Analysis) -> Analysis:
            seen.append(gc.isenabled())
            return analysis

    monkeypatch.setattr(parallel, "_PIPELINE", pipeline)
    monkeypatch.setattr(pipeline, "stages", [*pipeline.stages, Spy()])
    assert gc.isenabled()
    result = pickle.loads(parallel._analyze_chunk((_articles()[:2], None)))
    assert [a.article.id for a in result.analyses] == ["story-0", "story-1"]
    assert seen == [False, False]
    assert gc.isenabled()


@pytest.mark.slow
def test_worker_leaves_the_store_unimported() -> None:
    """A worker never imports the store (DuckDB and pyarrow: about 70 MiB of each worker's
    memory, which the benchmark counts) to analyse articles that all go through."""
    import subprocess
    import sys

    script = (
        "import pickle, sys\n"
        "from eventwire import parallel\n"
        "from eventwire.config import PipelineConfig\n"
        "from eventwire.ingest import build_article\n"
        "parallel._load_pipeline(PipelineConfig())\n"
        f"article = build_article({STORIES[0]!r}, 'story-0', {{}})\n"
        "result = pickle.loads(parallel._analyze_chunk(([article], None)))\n"
        "print(len(result.analyses), sorted(m for m in ('duckdb', 'pyarrow') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split("\n")[-2] == "1 []"


def test_the_command_entry_point_leaves_the_cli_and_store_unimported() -> None:
    """A spawned worker re-runs the top of the ``eventwire`` script, which imports the entry
    point named in pyproject.toml: that import must not bring in the CLI or the store."""
    import subprocess
    import sys
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
    module, _, function = pyproject["project"]["scripts"]["eventwire"].partition(":")
    script = (
        "import sys\n"
        f"from {module} import {function}\n"
        "print(sorted(m for m in ('eventwire.cli', 'eventwire.store', 'duckdb', 'pyarrow') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
