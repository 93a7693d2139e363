"""Never crash, never hang, never lose a batch: hostile input, per-record isolation, faults
and old stores (docs/reliability.md lists each guarantee and the test that checks it)."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire import jobs
from eventwire.cli import app
from eventwire.errors import InputError, RecordTooLarge, StoreError
from eventwire.ingest import build_article, read_sources
from eventwire.ingest.build import MAX_ARTICLE_CHARS, MAX_RECORD_CHARS
from eventwire.store.database import Store
from eventwire.store.migrate import SCHEMA_VERSION, preview

REPO = Path(__file__).resolve().parents[1]
SCHEMAS = Path(__file__).with_name("data") / "schemas"
STORY = "Police arrested 40 protesters in Nairobi on Tuesday, officials said."
OTHER = "The army shelled the town of Goma on Monday, killing five people, witnesses said."
THIRD = "Rebels attacked a military base in northern Mali on Sunday, the army said."


def cli(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    """Exit code and output of ``eventwire ARGS`` as the installed command runs it (``main``)."""
    from eventwire.cli import main

    monkeypatch.setattr(sys, "argv", ["eventwire", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    captured = capsys.readouterr()
    return int(exited.value.code or 0), captured.out + captured.err


def record(**fields: object) -> str:
    return json.dumps(fields)


def errors_of(results: list) -> list[str]:
    return [str(r) for r in results if isinstance(r, InputError)]


# ---------------------------------------------------------------- reading: one clear error a record


def test_metadata_types_are_checked(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join([
            record(id="a", language=["en"], text=STORY),
            record(id="b", published=20150701, text=STORY),
            record(id={"x": 1}, text=STORY),
            record(id=7, language="EN-gb", text=STORY),
            record(id="c", language="English", text=STORY),
            record(id="d", text=12),
        ]),
        encoding="utf-8",
    )  # fmt: skip
    results = list(read_sources([feed]))
    problems = errors_of(results)
    assert any(":1: language must be a string" in p for p in problems)
    assert any(":2: published must be an ISO date string" in p for p in problems)
    assert any(":3: id must be a string" in p for p in problems)
    assert any(":5: language 'English' is not an ISO 639-1 code" in p for p in problems)
    assert any("'text' must be a string" in p for p in problems)
    [article] = [r for r in results if not isinstance(r, InputError)]
    assert article.id == "7" and article.language == "en"


def test_nul_bytes_and_surrogates_are_refused_anywhere(tmp_path: Path) -> None:
    late = tmp_path / "late-nul.txt"
    late.write_text(STORY * 200 + "\x00tail", encoding="utf-8")  # past the first 8 KB
    feed = tmp_path / "feed.jsonl"
    # json.dumps writes both as escapes (\u0000, \ud800), as a feed would
    feed.write_text(
        record(id="n", text="Police \x00 arrested") + "\n" + record(id="s", text="x\ud800y"), encoding="utf-8"
    )
    problems = errors_of(list(read_sources([late, feed])))
    assert any("late-nul.txt: text holds a NUL byte at character" in p for p in problems)
    assert any("feed.jsonl:1: text holds a NUL byte" in p for p in problems)
    assert len(problems) == 3


def test_unterminated_csv_quote_is_an_error_not_records(tmp_path: Path) -> None:
    feed = tmp_path / "feed.csv"
    feed.write_text(f'id,text\n1,"{STORY}\n2,{OTHER}\n3,"{THIRD}"\n', encoding="utf-8")
    results = list(read_sources([feed]))
    assert [r for r in results if not isinstance(r, InputError)] == []
    assert errors_of(results) == [
        f"{feed}:2: malformed CSV (',' expected after '\"'); the rest of the file is not read"
    ]
    tail = tmp_path / "tail.csv"
    tail.write_text(f'id,text\n1,"{STORY}"\n2,"{OTHER}\n', encoding="utf-8")
    results = list(read_sources([tail]))
    assert len([r for r in results if not isinstance(r, InputError)]) == 1
    assert "unexpected end of data" in errors_of(results)[0]


def test_a_long_text_is_cut_at_a_paragraph_break_with_a_warning() -> None:
    text = "Headline\n\n" + "\n\n".join([STORY * 20] * 400)
    article = build_article(text, "long.txt")
    assert len(article.text) <= MAX_ARTICLE_CHARS and article.text.endswith(".")
    assert "cut to" in article.warnings[0] and "at a paragraph break" in article.warnings[0]
    assert article.content_hash == build_article(text, "again.txt").content_hash  # of the whole text


def test_a_record_too_long_to_be_an_article_is_refused(tmp_path: Path) -> None:
    """A 6-million-character file is a dump, not news: one line naming it, nothing stored cut."""
    dump = tmp_path / "dump.txt"
    dump.write_text(
        "Headline\n\n" + (STORY + "\n\n") * (MAX_RECORD_CHARS // len(STORY) + 10), encoding="utf-8"
    )
    results = list(read_sources([dump]))
    assert len(results) == 1 and isinstance(results[0], RecordTooLarge)
    assert str(results[0]).startswith(f"{dump}: text of ") and "over the limit of 5,000,000" in str(
        results[0]
    )


def test_unreadable_sub_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    results = list(read_sources([tmp_path]))
    assert any(
        f"{tmp_path / 'locked'}: cannot read folder (Permission denied)" == p for p in errors_of(results)
    )
    assert len([r for r in results if not isinstance(r, InputError)]) == 1


def test_scripts_no_configured_language_uses_are_flagged(pipeline) -> None:
    analysis = pipeline.analyze_text(
        "中华人民共和国国务院总理李强周二在北京会见了来访的外国领导人，双方就双边关系交换了意见。警方逮捕了四十名抗议者。"
    )
    assert analysis.article.language == "zh" and not analysis.docs and not analysis.events
    assert any("not supported" in w for w in analysis.article.warnings)


# ---------------------------------------------------------------- per-record isolation


def test_a_record_that_breaks_a_stage_is_an_error_and_the_batch_is_stored(
    tmp_path: Path, pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    stage = next(s for s in pipeline.stages if s.name == "events")
    original = type(stage).__call__

    def broken(self: object, analysis):  # type: ignore[no-untyped-def]
        if "Goma" in analysis.article.text:
            raise RuntimeError("simulated bug\non two lines")
        return original(self, analysis)

    monkeypatch.setattr(type(stage), "__call__", broken)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(record(id=f"r{i}", text=t) for i, t in enumerate([STORY, OTHER, THIRD])), encoding="utf-8"
    )
    with Store(tmp_path / "ew.duckdb") as store:
        report = jobs.ingest([feed], pipeline, store)
        stored = store.query("SELECT id FROM articles ORDER BY id")[1]
        errors = store.query("SELECT origin, article_id, stage, reason FROM errors")[1]
    assert report.inserted == 2 and stored == [("r0",), ("r2",)]
    assert [str(e) for e in report.errors] == [
        f"{feed}:2 (id r1): events failed: RuntimeError: simulated bug on two lines"
    ]
    assert errors == [
        (f"{feed}:2", "r1", "events", "events failed: RuntimeError: simulated bug on two lines")
    ]


def test_repeated_id_inside_a_batch_follows_the_rule_across_runs(tmp_path: Path, pipeline) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([record(id="a", text=STORY), record(id="a", text=OTHER), record(id="b", text=THIRD)]),
                    encoding="utf-8")  # fmt: skip
    with Store(tmp_path / "one.duckdb") as store:
        report = jobs.ingest([feed], pipeline, store)
        rows = store.query("SELECT id, text FROM articles ORDER BY id")[1]
    assert (report.inserted, report.replaced, report.errors) == (2, 1, [])
    assert rows == [("a", OTHER), ("b", THIRD)]


def test_ingest_errors_table_is_idempotent(tmp_path: Path, pipeline) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("{broken\n" + record(id="ok", text=STORY), encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    for _ in range(2):
        with Store(db) as store:
            jobs.ingest([feed], pipeline, store)
    with Store(db, read_only=True) as store:
        assert store.query("SELECT origin, stage FROM errors")[1] == [(f"{feed}:1", "read")]


# ---------------------------------------------------------------- the store's life


def test_feature_df_stays_exact_when_articles_are_replaced_or_deleted(tmp_path: Path, pipeline) -> None:
    db = tmp_path / "ew.duckdb"
    versions = [STORY, STORY + " " + OTHER, OTHER + " " + THIRD]
    for text in versions:
        feed = tmp_path / "feed.jsonl"
        feed.write_text(
            record(id="edited", text=text) + "\n" + record(id="other", text=THIRD), encoding="utf-8"
        )
        with Store(db) as store:
            jobs.ingest([feed], pipeline, store)
    exact = (
        "SELECT count(*) FROM (SELECT feature, count(*) AS n FROM article_features GROUP BY feature) f "
        "FULL JOIN feature_df d USING (feature) WHERE f.n IS DISTINCT FROM d.df"
    )
    with Store(db) as store:
        assert store.query(exact)[1] == [(0,)]
        assert store.delete_articles(["edited"]) == 1
        assert store.query(exact)[1] == [(0,)]
        assert store.query("SELECT count(*) FROM articles")[1] == [(1,)]


def old_store(schema: Path, source: Path, target: Path) -> None:
    """A store as an older eventwire wrote it: its schema, with the rows of ``source`` it has columns for."""
    con = duckdb.connect(str(target))
    con.execute(schema.read_text(encoding="utf-8"))
    con.execute(f"ATTACH '{source}' AS src (READ_ONLY)")
    where = "table_name = ? AND database_name = ?"
    for (table,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
    ).fetchall():
        have = [
            r[0]
            for r in con.execute(
                f"SELECT column_name FROM duckdb_columns() WHERE {where}", [table, target.stem]
            ).fetchall()
        ]
        src = {
            r[0]
            for r in con.execute(
                f"SELECT column_name FROM duckdb_columns() WHERE {where}", [table, "src"]
            ).fetchall()
        }
        names = ", ".join(f'"{c}"' for c in have if c in src)
        if names and table != "meta":
            con.execute(f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM src."{table}"')
    con.execute("DETACH src")
    con.close()


@pytest.fixture(scope="module")
def current_store(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Path:
    folder = tmp_path_factory.mktemp("current")
    feed = folder / "feed.jsonl"
    feed.write_text(
        record(id="a", published="2024-04-09", text=STORY) + "\n" + record(id="b", text=OTHER),
        encoding="utf-8",
    )
    with Store(folder / "current.duckdb") as store:
        jobs.ingest([feed], pipeline, store)
    return folder / "current.duckdb"


@pytest.mark.parametrize("schema", sorted(SCHEMAS.glob("*.sql")), ids=lambda p: p.stem)
def test_every_released_schema_upgrades_in_one_transaction(
    schema: Path, current_store: Path, tmp_path: Path, pipeline
) -> None:
    db = tmp_path / f"{schema.stem}.duckdb"
    old_store(schema, current_store, db)
    plan = preview(db)
    assert plan.needed and plan.version == "1"
    result = CliRunner().invoke(app, ["migrate", "--db", str(db)])
    assert result.exit_code == 0 and "--apply" in result.output
    assert "create table errors" in result.output
    feed = tmp_path / "new.jsonl"
    feed.write_text(
        record(id="c", text=THIRD) + "\n" + record(id="a", published="2024-04-09", text=STORY),
        encoding="utf-8",
    )
    with Store(db) as store:  # opening for writing upgrades
        report = jobs.ingest([feed], pipeline, store)
        assert store.query("SELECT value FROM meta WHERE key = 'schema_version'")[1] == [(SCHEMA_VERSION,)]
        assert store.query("SELECT count(*) FROM articles WHERE day IS NULL")[1] == [(0,)]
    assert (report.inserted, report.skipped, report.errors) == (1, 1, [])
    assert not preview(db).needed


def test_a_failed_upgrade_changes_nothing(
    current_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventwire.store import migrate

    db = tmp_path / "old.duckdb"
    old_store(SCHEMAS / "ce7b1b3.sql", current_store, db)
    with duckdb.connect(str(db)) as con:
        before = con.execute("SELECT count(*) FROM duckdb_columns()").fetchall()
    monkeypatch.setitem(migrate.BACKFILL, ("events", "day"), "UPDATE events SET day = no_such_column")
    with pytest.raises(StoreError, match="upgrade to schema version 2 failed, nothing changed"):
        Store(db)
    with duckdb.connect(str(db)) as con:
        assert con.execute("SELECT count(*) FROM duckdb_columns()").fetchall() == before
        tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert "errors" not in tables and "stories" not in tables and preview(db).version == "1"


def test_a_newer_store_is_refused_in_one_line(
    current_store: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    db = tmp_path / "newer.duckdb"
    db.write_bytes(current_store.read_bytes())
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="written by a newer eventwire \\(schema version 99"):
        Store(db)
    code, output = cli(
        ["ingest", str(REPO / "examples" / "sahel-protest.txt"), "--db", str(db)], capsys, monkeypatch
    )
    assert code == 2 and output.count("\n") == 1 and "newer eventwire" in output


def test_cli_errors_are_one_line(tmp_path: Path, current_store: Path, capsys, monkeypatch) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    code, output = cli(["export", str(afile), "--db", str(current_store)], capsys, monkeypatch)
    assert code == 2 and "is a file" in output and output.count("\n") == 1
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(os.urandom(20_000))
    for args in (
        ["export", str(tmp_path / "out"), "--db", str(corrupt)],
        ["query", "SELECT 1", "--db", str(corrupt)],
        ["ingest", str(REPO / "examples" / "sahel-protest.txt"), "--db", str(corrupt)],
    ):
        code, output = cli(args, capsys, monkeypatch)
        assert code == 2 and "cannot open database" in output and output.count("\n") == 1


@pytest.mark.parametrize(
    "sql",
    ["SELECT * FROM read_text('/etc/hostname')", "COPY articles TO '{out}/x.csv'", "EXPORT DATABASE '{out}/dump'",
     "INSTALL httpfs", "ATTACH '{out}/other.duckdb'", "SET enable_external_access = true", "DELETE FROM articles"],
)  # fmt: skip
def test_query_is_sandboxed(sql: str, current_store: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    code, output = cli(["query", sql.format(out=tmp_path), "--db", str(current_store)], capsys, monkeypatch)
    assert code == 2 and output.startswith("error: query failed") and output.count("\n") == 1, output
    assert not list(tmp_path.iterdir())


DISK_FULL = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))  # writes past 100 kB fail: a full disk
sys.argv = ["eventwire", *sys.argv[1:]]
from eventwire.cli import main
main()
"""


def test_a_full_disk_is_one_line_and_loses_nothing(tmp_path: Path, current_store: Path) -> None:
    db = tmp_path / "full.duckdb"
    db.write_bytes(current_store.read_bytes())
    before = duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM articles").fetchall()
    run = subprocess.run(
        [sys.executable, "-c", DISK_FULL, "ingest", str(REPO / "examples"), "--db", str(db), "--model", "sm"],
        capture_output=True, text=True, timeout=300, preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0)),
    )  # fmt: skip
    assert run.returncode == 2, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert lines == [lines[0]] and "nothing of it was written" in lines[0] and "File too large" in lines[0]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchall() == before
    assert signal.SIGXFSZ  # the limit is the stand-in for a full disk on any machine


@pytest.mark.slow
def test_ingest_says_which_article_was_cut(tmp_path: Path) -> None:
    """The cut is stored in ``articles.warnings`` and printed, so nobody misses it."""
    long_text = tmp_path / "long.txt"
    paragraph = "The council met in the town hall on Monday and read the minutes of the last meeting."
    long_text.write_text("Town council minutes\n\n" + "\n\n".join([paragraph] * 3700), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["ingest", str(long_text), "--db", str(tmp_path / "x.duckdb"), "--model", "sm"]
    )
    assert result.exit_code == 0, result.output
    warning = next(line for line in result.output.splitlines() if line.startswith("warning: "))
    assert str(long_text) in warning and "cut to" in warning
