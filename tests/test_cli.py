"""The command line on real inputs: extract, ingest, query, export, errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire import progress
from eventwire.cli import app
from tests.conftest import REFERENCE_ARTICLE

REPO = Path(__file__).resolve().parents[1]

runner = CliRunner()

SPANISH = (
    "El ejército de Sudán y las Fuerzas de Apoyo Rápido acordaron el lunes una tregua de siete "
    "días en Jartum, según informaron fuentes diplomáticas. Los mediadores esperan que la ayuda "
    "humanitaria llegue a Darfur antes del fin de semana."
)
ENGLISH = (
    "Sudan's army and the Rapid Support Forces agreed on Monday to a seven-day truce in "
    "Khartoum, diplomats said. Mediators hope aid can reach Darfur before the weekend."
)


def test_extract_reference_article_structure(reference_text: str, pipeline) -> None:
    expected = json.loads(
        REFERENCE_ARTICLE.with_name("isis-hamas-gaza.expected.json").read_text(encoding="utf-8")
    )
    result = runner.invoke(
        app, ["extract", str(REFERENCE_ARTICLE), "--published", "2015-07-01", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    [record] = json.loads(result.stdout)  # one JSON array, here of one article
    article, structure = record["article"], expected["structure"]
    assert article["image_slug"] == structure["image_slug"]
    assert article["caption"].startswith(structure["caption_starts"])
    assert article["photo_credit"] == structure["photo_credit"]
    assert article["body"].startswith(structure["body_starts"])
    assert structure["photo_credit"] not in article["caption"]
    assert article["published"] == "2015-07-01" and article["language"] == "en"
    for key in ("entities", "actors", "places", "quotes", "cited_sources", "events"):
        assert isinstance(record[key], list)
    # the caption is kept apart: no body-section entity comes from the caption's offsets
    cap_start, cap_end = article["sections"]["caption"]
    assert all(e["section"] == "caption" for e in record["entities"] if cap_start <= e["start"] < cap_end)


def test_non_english_article_is_flagged_not_parsed(tmp_path: Path, pipeline) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "es-1", "text": SPANISH}) + "\n" + json.dumps({"id": "en-1", "text": ENGLISH}),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(feed), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    spanish, english = (json.loads(line) for line in result.stdout.splitlines())
    assert spanish["article"]["language"] == "es"
    assert any("not supported" in w for w in spanish["article"]["warnings"])
    assert spanish["entities"] == [] and spanish["events"] == []
    assert english["article"]["language"] == "en" and english["entities"]


def test_ingest_query_export_round_trip(tmp_path: Path, pipeline) -> None:
    story = tmp_path / "truce.txt"
    story.write_text("Sudan truce holds in Khartoum\n\n" + ENGLISH, encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    first = runner.invoke(app, ["ingest", str(story), "--db", str(db), "--published", "2024-06-03"])
    assert first.exit_code == 0, first.output
    assert "1 new" in first.stdout
    again = runner.invoke(app, ["ingest", str(story), "--db", str(db)])
    assert "0 new" in again.stdout and "1 already stored" in again.stdout
    query = runner.invoke(
        app, ["query", "--db", str(db), "--format", "json", "SELECT title, published FROM articles"]
    )
    assert json.loads(query.stdout) == [{"title": "Sudan truce holds in Khartoum", "published": "2024-06-03"}]
    out = tmp_path / "export"
    exported = runner.invoke(app, ["export", str(out), "--db", str(db), "--format", "csv"])
    assert exported.exit_code == 0, exported.output
    with (out / "articles.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["title"] for row in rows] == ["Sudan truce holds in Khartoum"]


def test_bad_inputs_are_named_and_the_rest_goes_on(tmp_path: Path, pipeline) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "good.txt").write_text(ENGLISH, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "empty.txt: file is empty" in result.stderr
    assert len(result.stdout.strip().splitlines()) == 1


def test_query_needs_an_existing_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "--db", str(tmp_path / "none.duckdb"), "SELECT 1"])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_bad_published_date_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "--published", "July 1"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


@pytest.mark.parametrize("command", ["train-scorer", "train-triggers"])
def test_a_model_path_that_cannot_be_written_is_refused_before_training(tmp_path: Path, command: str) -> None:
    def said(result) -> str:  # the message as words, whatever the error box wrapped
        return " ".join(result.output.replace("│", " ").split())

    folder = runner.invoke(app, [command, "--out", str(tmp_path)])
    assert folder.exit_code == 2
    assert "is a folder" in said(folder)
    missing = runner.invoke(app, [command, "--out", str(tmp_path / "no such folder" / "model.json")])
    assert missing.exit_code == 2
    assert "does not exist" in said(missing)


def test_evaluate_lists_the_worst_errors_in_text_and_json(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    record = {
        "id": "miss", "published": "2024-04-09",
        "text": "Police fired tear gas at protesters in Nairobi on Tuesday, witnesses said.",
        "events": [{"type": "AID", "source": "police", "evidence_contains": "fired tear gas"}],
    }  # fmt: skip
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    text = runner.invoke(app, ["evaluate", "events", "--data", str(gold), "--errors", "3"])
    assert text.exit_code == 0, text.output
    assert "worst errors" in text.output and "fired tear gas" in text.output
    as_json = runner.invoke(app, ["evaluate", "events", "--data", str(gold), "--errors", "3", "--json"])
    assert json.loads(as_json.output)["errors"], as_json.output


def test_version() -> None:
    from eventwire import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"eventwire {__version__}"


def test_extract_json_is_one_array_of_every_article(tmp_path: Path, pipeline) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Police arrested 40 protesters in Nairobi on Tuesday.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [Path(r["article"]["origin"]).name for r in records] == ["a.txt", "b.txt"]
    (tmp_path / "a.txt").unlink()
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    empty = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert json.loads(empty.stdout) == []  # still a JSON document when every input failed


def test_query_prints_whole_cells_unless_told_a_width(tmp_path: Path, pipeline) -> None:
    story = tmp_path / "truce.txt"
    story.write_text(ENGLISH, encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    ingest = runner.invoke(app, ["ingest", str(story), "--db", str(db)])
    assert ingest.exit_code == 0, ingest.output
    assert ingest.stderr == ""  # not a terminal: no progress bar
    sql = "SELECT 'Sudan''s army and the Rapid Support Forces agreed on Monday to a seven-day truce' AS evidence"
    whole = runner.invoke(app, ["query", "--db", str(db), sql])
    assert "agreed on Monday to a seven-day truce" in whole.stdout
    clipped = runner.invoke(app, ["query", "--db", str(db), "--width", "20", sql])
    assert "Sudan's army and th\u2026" in clipped.stdout and "truce" not in clipped.stdout


def test_progress_bars_draw_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    with progress.progress_bar("ingest", 3) as bar:  # pytest's stderr is not a terminal
        bar.update(completed=3)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(progress, "enabled", lambda stream=None: True)
    with progress.progress_bar("ingest", 3) as bar:
        bar.update(completed=2)
        bar.advance()
    err = capsys.readouterr().err
    assert "ingest" in err and "3/3" in err and "articles" in err


def test_article_count_for_the_progress_bar() -> None:
    assert progress.count_articles([REPO / "examples"]) == 11  # 4 files, 4 JSONL lines, 3 CSV rows
    assert progress.count_articles(["-"]) is None
