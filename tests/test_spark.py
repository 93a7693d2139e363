"""The Spark engine on local[2]: the same tables as the multi-process/DuckDB path, bad records in
``errors``, and the run's Parquet back into DuckDB with ``import-parquet``.

One SparkSession and one Spark run serve the whole module (Spark starts in ~5 s, each
Python worker loads the spaCy model once); the reference store is built from the same
articles with ``analyze_parallel`` (2 processes) and ``Store.write_batch`` in one batch.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("pyspark")

from eventwire.config import PipelineConfig  # noqa: E402
from eventwire.errors import InputError  # noqa: E402
from eventwire.ingest import read_sources  # noqa: E402
from eventwire.models import Analysis  # noqa: E402
from eventwire.parallel import analyze_parallel  # noqa: E402
from eventwire.pipeline import Pipeline  # noqa: E402
from eventwire.spark.importer import import_parquet  # noqa: E402
from eventwire.spark.job import SparkOptions, run_ingest  # noqa: E402
from eventwire.store.database import Store  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CRASH_MARKER = "EVENTWIRE-STAGE-CRASH"
HUGE_CHARS = 50_000_000

pytestmark = pytest.mark.slow


class CrashingStage:
    """Raises on the one article that carries the marker, as a stage with a bug would."""

    name = "crash_test"

    def __call__(self, analysis: Analysis) -> Analysis:
        if CRASH_MARKER in analysis.article.text:
            raise RuntimeError("stage bug triggered by the test record")
        return analysis


def crashing_pipeline(config: PipelineConfig) -> Pipeline:
    pipeline = Pipeline(config)
    pipeline.stages.insert(3, CrashingStage())
    return pipeline


@pytest.fixture(scope="module")
def spark():
    from pyspark import cloudpickle

    from eventwire.spark.session import spark_session

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import tests/
    session = spark_session("local[2]", shuffle_partitions=4)
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The bundled examples and the dedup dev set (62 articles): what both paths read."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(REPO / "examples", folder / "examples", ignore=shutil.ignore_patterns("*.md"))
    shutil.copy(REPO / "eval" / "dedup-dev" / "articles.jsonl", folder / "dedup-dev.jsonl")
    return folder


@pytest.fixture(scope="module")
def faults(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("faults")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 64)
    paragraph = "Police arrested two protesters in the capital on Monday, officials said. " * 20
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        while handle.tell() < HUGE_CHARS:
            handle.write(paragraph + "\n\n")
    crash = {"id": "crash", "published": "2024-04-03", "text": f"Rebels shelled the town. {CRASH_MARKER}"}
    (folder / "crash.jsonl").write_text(json.dumps(crash) + "\n", encoding="utf-8")
    # Parquet rows: two copies of dev-set articles under other ids (skipped: same content), one empty.
    import pyarrow as pa
    import pyarrow.parquet as pq

    dev = [
        json.loads(line) for line in (REPO / "eval" / "dedup-dev" / "articles.jsonl").open(encoding="utf-8")
    ]
    rows = [{"id": f"copy-{r['id']}", "published": r["published"], "text": r["text"]} for r in dev[:2]]
    rows.append({"id": "empty", "published": "2024-04-03", "text": " "})
    pq.write_table(pa.Table.from_pylist(rows), folder / "rows.parquet")
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory) -> Path:
    """The multi-process path: analyze_parallel with 2 workers, stored in one batch."""
    articles = [a for a in read_sources([corpus]) if not isinstance(a, InputError)]
    assert len(articles) >= 50
    db = tmp_path_factory.mktemp("reference") / "reference.duckdb"
    with Store(db) as store:
        store.write_batch(list(analyze_parallel(articles, PipelineConfig(), processes=2)))
    return db


@pytest.fixture(scope="module")
def run(spark, corpus: Path, faults: Path, tmp_path_factory):
    out = tmp_path_factory.mktemp("spark") / "out"
    sources = [corpus, faults, faults / "rows.parquet"]
    report = run_ingest(spark, sources, out, PipelineConfig(), SparkOptions(partitions=4), crashing_pipeline)
    return out, report


@pytest.fixture(scope="module")
def imported(run, tmp_path_factory) -> Path:
    out, _ = run
    db = tmp_path_factory.mktemp("imported") / "imported.duckdb"
    import_parquet(out, db)
    return db


# Columns that hold the time of the run, not what was read; a story's title is that of its
# earliest article, and DuckDB's arg_min picks any of several articles of the same day.
TIME_COLUMNS = {"ingested_at", "first_seen", "last_seen", "title"}
COMPARED = (
    "articles", "entities", "actors", "actor_mentions", "places", "place_mentions", "quotes",
    "cited_sources", "event_mentions", "events", "stories",
)  # fmt: skip


def table_rows(db: Path, table: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        columns = [row[0] for row in con.execute(f'DESCRIBE "{table}"').fetchall()]
        kept = [c for c in columns if c not in TIME_COLUMNS or (c == "title" and table != "stories")]
        select = ", ".join(
            f'round("{c}", 9)' if c in ("confidence", "lat", "lon") else f'"{c}"' for c in kept
        )
        rows = con.execute(f'SELECT {select} FROM "{table}"').fetchall()
    finally:
        con.close()
    return sorted(rows, key=repr)


@pytest.mark.parametrize("table", COMPARED)
def test_spark_tables_match_the_multiprocess_path(reference: Path, imported: Path, table: str) -> None:
    expected, found = table_rows(reference, table), table_rows(imported, table)
    assert len(found) == len(expected)
    assert found == expected


def test_story_and_event_ids_are_those_of_the_duckdb_path(reference: Path, imported: Path) -> None:
    query = "SELECT id, canonical_id, story_id FROM articles"
    stories = {db: dict((r[0], r[1:]) for r in duckdb.connect(str(db), read_only=True).execute(query).fetchall())
               for db in (reference, imported)}  # fmt: skip
    assert stories[imported] == stories[reference]
    assert len({s for _, s in stories[reference].values()}) < len(stories[reference])  # stories were linked
    query = "SELECT article_id, idx, event_id FROM event_mentions"
    events = {db: sorted(duckdb.connect(str(db), read_only=True).execute(query).fetchall())
              for db in (reference, imported)}  # fmt: skip
    assert events[imported] == events[reference]
    assert any(aid not in event_id for aid, _, event_id in events[reference])  # reports were merged


def test_story_titles_come_from_their_earliest_articles(imported: Path) -> None:
    con = duckdb.connect(str(imported), read_only=True)
    wrong = con.execute(
        """WITH seen AS (SELECT story_id, coalesce(title, left(body, 120)) AS title,
                                coalesce(CAST(published AS TIMESTAMP), ingested_at) AS ts FROM articles)
           SELECT s.id FROM stories s WHERE s.title NOT IN (
               SELECT title FROM seen WHERE seen.story_id = s.id
               AND ts = (SELECT min(ts) FROM seen x WHERE x.story_id = s.id))"""
    ).fetchall()
    assert wrong == []


def test_bad_records_land_in_errors_and_the_rest_is_stored(run, reference: Path) -> None:
    out, report = run
    con = duckdb.connect()
    errors = con.execute(
        "SELECT origin, article_id, stage, reason, chars FROM read_parquet(?)", [f"{out}/errors/*.parquet"]
    ).fetchall()
    by_origin = {
        origin.rsplit("/", 1)[-1]: (aid, stage, reason, chars) for origin, aid, stage, reason, chars in errors
    }
    assert set(by_origin) == {"junk.txt", "huge.txt", "crash.jsonl:1", "rows.parquet (id empty)"}, errors
    assert by_origin["junk.txt"][1:3] == ("read", "binary file, not text (found NUL bytes)")
    assert by_origin["huge.txt"][1] == "size" and by_origin["huge.txt"][3] > HUGE_CHARS - 1
    assert (
        by_origin["crash.jsonl:1"][:2] == ("crash", "crash_test")
        and "stage bug" in by_origin["crash.jsonl:1"][2]
    )
    assert by_origin["rows.parquet (id empty)"][1:3] == ("read", "record has no 'text' field or it is empty")
    stored = Store(reference, read_only=True)
    assert report.articles == stored.count("articles") and report.errors == 4
    assert report.duplicates == 2  # the Parquet copies: same content as two dev-set articles
    stored.close()


def test_tables_are_partitioned_by_day(run) -> None:
    out, _ = run
    days = sorted(p.name for p in (out / "articles").iterdir() if p.name.startswith("day="))
    assert "day=2024-04-03" in days
    assert (out / "actors").is_dir() and not any((out / "actors").glob("day=*"))


def test_connected_components(spark) -> None:
    from eventwire.spark.components import connected_components

    edges = spark.createDataFrame(
        [("b", "a"), ("c", "b"), ("d", "c"), ("e", "d"), ("x", "y"), ("z", "y"), ("q", "q")],
        "src STRING, dst STRING",
    )
    expected = {"a": "a", "b": "a", "c": "a", "d": "a", "e": "a", "x": "x", "y": "x", "z": "x"}
    assert dict(connected_components(edges, driver_max_edges=0).collect()) == expected  # in Spark
    assert dict(connected_components(edges).collect()) == expected  # on the driver


def test_spark_session_uses_this_python(spark) -> None:
    assert os.environ["PYSPARK_PYTHON"] == sys.executable


def test_cli_import_parquet(run, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from eventwire.cli import app

    out, report = run
    result = CliRunner().invoke(app, ["import-parquet", str(out), "--db", str(tmp_path / "cli.duckdb")])
    assert result.exit_code == 0, result.output
    with Store(tmp_path / "cli.duckdb", read_only=True) as store:
        assert store.count("articles") == report.articles
        assert store.count("errors") == report.errors
    again = CliRunner().invoke(app, ["import-parquet", str(out), "--db", str(tmp_path / "cli.duckdb")])
    assert again.exit_code != 0  # the same articles twice: nothing imported, a clear error
