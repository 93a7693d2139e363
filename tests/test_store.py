"""The DuckDB store: idempotent ingest, updates, atomic batches, exports, interrupted runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from eventwire.ingest import build_article
from eventwire.models import Analysis, Entity, Event, Mention, Modality, Span
from eventwire.store import database
from eventwire.store.database import Store
from eventwire.store.export import TABLES, export_store

CITIES = ["Goma", "Kharkiv", "Mogadishu", "Aden", "Gao", "Idlib", "Mosul", "Benghazi"]
ACTORS = ["the army", "rebels", "police", "protesters", "the government", "militants"]


def story(i: int) -> str:
    city, actor = CITIES[i % len(CITIES)], ACTORS[i % len(ACTORS)]
    return (
        f"Clashes-{city}\nResidents flee fighting near {city} on May {i + 1}, 2024. "
        f"Reuters/Sam Doe\n\nIn {city}, {actor} accused rivals of attacking a checkpoint "
        f"on day {i}, officials said. Talks were called off.\n"
    )


def analysis(i: int, text: str | None = None) -> Analysis:
    article = build_article(text or story(i), f"story-{i}.txt", {"id": f"a{i}"})
    body_start = article.sections["body"][0]
    at = article.text.index("accused")
    trigger = Span("accused", at, at + len("accused"))
    result = Analysis(article)
    result.entities.append(Entity("Reuters", "ORG", 0, 7))
    result.events.append(
        Event(
            type="ACCUSE", cameo="112", evidence=trigger, trigger=trigger,
            source=Mention("rebels", body_start, body_start + 6, actor=f"org:group-{i}"),
            modality=Modality.ACTUAL, confidence=0.8,
        )
    )  # fmt: skip
    return result


def counts(store: Store) -> dict[str, int]:
    return {table: store.count(table) for table in ("articles", "entities", "events", "event_mentions")}


def test_reingesting_the_same_batch_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    with Store(db) as store:
        first = store.write_batch([analysis(i) for i in range(3)])
        before = counts(store)
        again = store.write_batch([analysis(i) for i in range(3)])
        assert (first.inserted, again.inserted, again.skipped) == (3, 0, 3)
        assert counts(store) == before == {
            "articles": 3, "entities": 3, "events": 3, "event_mentions": 3,
        }  # fmt: skip


def test_duplicate_inside_one_batch_is_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "ew.duckdb") as store:
        result = store.write_batch([analysis(1), analysis(1)])
        assert (result.inserted, result.skipped) == (1, 1)
        assert store.count("articles") == 1


def test_changed_text_replaces_the_old_version(tmp_path: Path) -> None:
    with Store(tmp_path / "ew.duckdb") as store:
        store.write_batch([analysis(1)])
        revised = story(1).replace("Talks were called off.", "Talks resume on Monday.")
        result = store.write_batch([analysis(1, revised)])
        assert result.replaced == 1
        assert counts(store) == {"articles": 1, "entities": 1, "events": 1, "event_mentions": 1}
        _, rows = store.query("SELECT body FROM articles")
        assert "Talks resume on Monday." in rows[0][0]


def test_failed_batch_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    with Store(tmp_path / "ew.duckdb") as store:
        store.write_batch([analysis(0)])
        real_rows = database.article_rows

        def failing_rows(item: Analysis, now):
            if item.article.id == "a2":
                raise RuntimeError("disk full while flattening a2")
            return real_rows(item, now)

        monkeypatch.setattr(database, "article_rows", failing_rows)
        with pytest.raises(RuntimeError, match="a2"):
            store.write_batch([analysis(1), analysis(2)])
        assert counts(store)["articles"] == 1
        _, rows = store.query("SELECT id FROM articles")
        assert rows == [("a0",)]


def test_offsets_in_store_point_at_evidence(tmp_path: Path) -> None:
    with Store(tmp_path / "ew.duckdb") as store:
        store.write_batch([analysis(4)])
        _, rows = store.query(
            "SELECT a.text, m.evidence, m.evidence_start, m.evidence_end "
            "FROM event_mentions m JOIN articles a ON a.id = m.article_id"
        )
        text, evidence, start, end = rows[0]
        assert text[start:end] == evidence == "accused"


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_every_table(tmp_path: Path, fmt: str) -> None:
    with Store(tmp_path / "ew.duckdb") as store:
        store.write_batch([analysis(i) for i in range(2)])
        files = export_store(store, fmt, tmp_path / "out")
    assert [f.stem for f in files] == list(TABLES)
    reader = {"parquet": "read_parquet", "csv": "read_csv", "jsonl": "read_json"}[fmt]
    exported = duckdb.sql(f"SELECT count(*) FROM {reader}('{tmp_path / 'out' / ('articles.' + fmt)}')")
    assert exported.fetchall()[0][0] == 2


def test_opening_a_non_database_file_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("not a database")
    with pytest.raises(Exception, match="notes.duckdb"):
        Store(bogus)


@pytest.mark.slow
def test_interrupted_ingest_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    """Kill an ingest mid-run, run it again: every article stored exactly once."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(12):
        (corpus / f"story-{i:02d}.txt").write_text(story(i), encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    command = [
        sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(db),
        "--batch-size", "2", "--verbose",
    ]  # fmt: skip
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("committed: 4 read"):  # two batches are in, the third is under way
            break
    else:
        pytest.fail(f"ingest ended before it could be interrupted (exit {proc.wait()})")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    with Store(db) as store:
        interrupted = store.count("articles")
    assert 4 <= interrupted < 12

    rerun = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "already stored" in rerun.stdout
    with Store(db) as store:
        _, rows = store.query(
            "SELECT count(*), count(DISTINCT id), count(DISTINCT content_hash) FROM articles"
        )
        assert rows == [(12, 12, 12)]
        _, dup = store.query(
            "SELECT count(*) FROM (SELECT article_id, idx FROM entities GROUP BY ALL HAVING count(*) > 1)"
        )
        assert dup == [(0,)]
        _, orphans = store.query(
            "SELECT count(*) FROM entities WHERE article_id NOT IN (SELECT id FROM articles)"
        )
        assert orphans == [(0,)]
    third = json.loads(
        subprocess.run(
            [sys.executable, "-m", "eventwire", "query", "--db", str(db), "--format", "json",
             "SELECT count(*) AS n FROM articles"],
            capture_output=True, text=True, check=True,
        ).stdout
    )  # fmt: skip
    assert third == [{"n": 12}]


def test_a_store_from_an_earlier_version_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.write_batch([analysis(0)])
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE events DROP COLUMN place_precision")  # as written before the column
    con.close()
    with Store(db) as store:
        store.write_batch([analysis(1)])
        columns, rows = store.query("SELECT id, place_precision FROM events ORDER BY id")
    assert columns == ["id", "place_precision"] and len(rows) == 2
