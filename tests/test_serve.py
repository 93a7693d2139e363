"""HTTP API on a real uvicorn server on loopback, over a real DuckDB store."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote as urlquote

import httpx
import pytest
import uvicorn

from eventwire import jobs
from eventwire.bench.synthetic_store import build_store
from eventwire.serve.api import create_app
from eventwire.serve.reader import StoreBusy, StoreReader
from eventwire.store.database import Store

REPO = Path(__file__).resolve().parents[1]
STORY = (
    "Houthi-ship-RedSea\nA damaged cargo ship is towed into the port of Djibouti on April 9, 2024. "
    "Reuters/Jane Roe\n\nYemen's Houthi rebels fired two missiles at a Liberian-flagged container "
    'ship in the Red Sea on Monday, the U.S. military said. "We will continue our operations '
    'until the aggression stops," Houthi spokesman Yahya Saree said in a televised statement.'
)
LATER_STORY = (
    "Sudan's army and the Rapid Support Forces agreed on Monday to a seven-day truce in Khartoum, "
    "diplomats said. Mediators hope aid can reach Darfur before the weekend."
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live(app: object) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port, in a thread."""
    port = free_port()
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))  # type: ignore[arg-type]
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline:
            pytest.fail("server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("serve")
    feed = folder / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "red-sea-1", "outlet": "Wire A", "published": "2024-04-09", "text": STORY}),
        encoding="utf-8",
    )
    db = folder / "ew.duckdb"
    with Store(db) as store:
        jobs.ingest([feed], pipeline, store)
    with live(create_app(db)) as url:
        yield url


def test_tables_mirror_the_store(server: str) -> None:
    tables = {t["name"]: t for t in httpx.get(f"{server}/api/tables").json()}
    assert tables["articles"]["rows"] == 1
    assert "story_id" in tables["articles"]["columns"]
    rows = httpx.get(f"{server}/api/tables/articles", params={"outlet": "Wire A"}).json()["rows"]
    assert [r["id"] for r in rows] == ["red-sea-1"]
    assert rows[0]["photo_credit"] == "Reuters/Jane Roe"
    none = httpx.get(f"{server}/api/tables/articles", params={"outlet": "Nobody"}).json()["rows"]
    assert none == []


def test_bad_requests_are_explained(server: str) -> None:
    missing = httpx.get(f"{server}/api/tables/secrets")
    assert missing.status_code == 404 and "no table" in missing.json()["detail"]
    bad_column = httpx.get(f"{server}/api/tables/articles", params={"password": "x"})
    assert bad_column.status_code == 400 and "password" in bad_column.json()["detail"]
    injection = httpx.get(f"{server}/api/tables/articles", params={"_sort": "id; DROP TABLE articles"})
    assert injection.status_code == 400
    assert httpx.get(f"{server}/api/articles/nope").status_code == 404
    unknown = httpx.get(f"{server}/api/events", params={"password": "x"})
    assert unknown.status_code == 400 and "unknown filter" in unknown.json()["detail"]
    bad_sort = httpx.get(f"{server}/api/events", params={"_sort": "date; DROP TABLE events"})
    assert bad_sort.status_code == 400 and "cannot sort" in bad_sort.json()["detail"]
    bad_date = httpx.get(f"{server}/api/events", params={"since": "last week"})
    assert bad_date.status_code == 400 and "YYYY-MM-DD" in bad_date.json()["detail"]
    assert httpx.get(f"{server}/api/events", params={"min_confidence": "2"}).status_code == 400


def test_filter_values_are_data_never_sql(server: str) -> None:
    for value in ["x' OR '1'='1", "%", "_", "'; DROP TABLE events; --", 'a"b']:
        for name in ("q", "actor", "place", "outlet", "country", "type"):
            response = httpx.get(f"{server}/api/events", params={name: value})
            assert response.status_code == 200, (name, value, response.text)
            assert response.json()["total"] == 0, (name, value)
    assert httpx.get(f"{server}/api/events").json()["total"] > 0  # nothing was dropped


def test_article_endpoint_gives_text_and_offsets(server: str) -> None:
    article = httpx.get(f"{server}/api/articles/red-sea-1").json()
    assert article["text"].startswith("Houthi-ship-RedSea")
    assert [q["speaker_text"] for q in article["quotes"] if q["direct"]] == ["Houthi spokesman Yahya Saree"]
    assert any(m["type"] == "ASSAULT" and m["source_actor"] == "houthis" for m in article["events"])
    for quote in article["quotes"]:
        assert article["text"][quote["start_char"] : quote["end_char"]] == quote["text"]
    for mention in article["events"]:
        assert article["text"][mention["evidence_start"] : mention["evidence_end"]] == mention["evidence"]
        assert isinstance(mention["other_mentions"], list | None)


def test_events_endpoint_filters_pages_and_explains(server: str) -> None:
    page = httpx.get(f"{server}/api/events", params={"type": "assault", "actor": "Houthis"}).json()
    assaults = page["rows"]
    assert page["total"] == len(assaults) >= 1 and all(e["type"] == "ASSAULT" for e in assaults)
    assert page["resolved"]["actor"] == [{"id": "houthis", "name": "Houthis"}]
    assert page["facets"]["type"]["values"][0] == {
        "value": "ASSAULT", "label": "ASSAULT", "count": len(assaults), "selected": True,
        "toggle_url": "/api/events?actor=Houthis",
    }  # fmt: skip
    attack = httpx.get(f"{server}/api/events/{urlquote(assaults[0]['id'], safe='')}").json()
    assert attack["num_articles"] == 1 and attack["date"] == "2024-04-08"  # "on Monday" before Tue 9th
    [report] = attack["mentions"]
    assert report["outlet"] == "Wire A" and "fired two missiles" in report["evidence"]
    assert httpx.get(f"{server}/api/events", params={"type": "AGREE"}).json()["rows"] == []


def test_downloads_hold_exactly_the_filtered_rows(server: str) -> None:
    params = {"actor": "houthis"}
    listed = httpx.get(f"{server}/api/events", params={**params, "_limit": 1000}).json()
    response = httpx.get(f"{server}/api/events.csv", params=params)
    assert response.headers["content-disposition"] == 'attachment; filename="events.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["id"] for r in rows] == [e["id"] for e in listed["rows"]] and len(rows) == listed["total"]
    as_json = httpx.get(f"{server}/api/events.json", params=params).json()
    assert [e["id"] for e in as_json] == [e["id"] for e in listed["rows"]]
    quotes = httpx.get(f"{server}/api/quotes.csv", params={"q": "aggression"}).text
    assert "until the aggression stops" in quotes and len(list(csv.DictReader(io.StringIO(quotes)))) == 1


def test_quotes_stories_actors_timeline_and_map(server: str) -> None:
    quotes = httpx.get(f"{server}/api/quotes", params={"q": "AGGRESSION stops"}).json()
    assert [q["speaker_text"] for q in quotes["rows"]] == ["Houthi spokesman Yahya Saree"]
    assert quotes["rows"][0]["outlet"] == "Wire A"
    [story] = httpx.get(f"{server}/api/stories").json()["rows"]
    detail = httpx.get(f"{server}/api/stories/{urlquote(story['id'], safe='')}").json()
    assert [a["id"] for a in detail["articles"]] == ["red-sea-1"] and detail["events"]
    actors = httpx.get(f"{server}/api/actors", params={"q": "houthi"}).json()["rows"]
    assert actors[0]["id"] == "houthis" and actors[0]["as_source"] >= 1
    houthis = httpx.get(f"{server}/api/actors/houthis").json()
    assert houthis["events_as_source"] and "Houthi" in houthis["aliases"] + [houthis["name"]]
    timeline = httpx.get(f"{server}/api/timeline", params={"since": "2024-04-08"}).json()
    assert timeline["since"] == "2024-04-08" and sum(b["n"] for b in timeline["bins"]) >= 1
    points = httpx.get(f"{server}/api/map", params={"type": "ASSAULT"}).json()
    assert points["total"] == points["shown"] >= 1 and all(p["lat"] is not None for p in points["points"])


def test_extract_endpoint_and_ui_page(server: str) -> None:
    response = httpx.post(
        f"{server}/api/extract",
        json={"text": "Police arrested 40 protesters in Nairobi on Tuesday.", "published": "2024-04-10"},
        timeout=60,
    )
    assert response.status_code == 200
    result = response.json()
    assert result["article"]["published"] == "2024-04-10"
    assert any(e["label"] == "GPE" and e["text"] == "Nairobi" for e in result["entities"])
    assert httpx.post(f"{server}/api/extract", json={"text": ""}).status_code == 422
    page = httpx.get(f"{server}/")
    assert page.status_code == 200 and "<title>eventwire</title>" in page.text
    assert httpx.get(f"{server}/static/js/app.js").status_code == 200


def test_docs_pages_use_only_local_assets(server: str) -> None:
    for path in ("/docs", "/redoc"):
        page = httpx.get(f"{server}{path}").text
        assert "cdn.jsdelivr" not in page and "fonts.googleapis" not in page and "https://" not in page
        for asset in (
            ("swagger-ui-bundle.js", "swagger-ui.css") if path == "/docs" else ("redoc.standalone.js",)
        ):
            [url] = [part.split('"')[0].split("'")[0] for part in page.split("/static/")[1:] if asset in part]
            assert httpx.get(f"{server}/static/{url}").status_code == 200, url


def test_missing_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        create_app(tmp_path / "none.duckdb")


def test_a_writer_that_keeps_the_file_makes_requests_wait_then_503(tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    Store(db).close()
    reader = StoreReader(db, busy_timeout=0.3, linger=0)
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ok', flush=True); "
         "time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreBusy, match="being written"):
            reader.rows("SELECT count(*) FROM articles")
    finally:
        holder.kill()
        holder.wait()
    assert reader.rows("SELECT count(*) AS n FROM articles") == [{"n": 0}]  # free again


@pytest.mark.slow
def test_ingest_while_serving_shows_new_articles_without_a_restart(tmp_path: Path, pipeline) -> None:
    """`eventwire serve` and `eventwire ingest` on one store at once: no lock error, new data served."""
    db = tmp_path / "ew.duckdb"
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "red-sea-1", "outlet": "Wire A", "text": STORY}), encoding="utf-8")
    with Store(db) as store:
        jobs.ingest([first], pipeline, store)
    later = tmp_path / "later"
    later.mkdir()
    for i in range(4):  # batches of one: the server reads between them
        (later / f"truce-{i}.txt").write_text(
            f"Truce report {i}\n\n{LATER_STORY} Report {i}.", encoding="utf-8"
        )
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cli = [sys.executable, "-m", "eventwire"]
    serve = subprocess.Popen([*cli, "serve", "--db", str(db), "--port", str(port)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    failures: list[str] = []
    seen: list[int] = []
    stop = threading.Event()

    def poll() -> None:  # a reader hammering the API the whole time
        while not stop.is_set():
            response = httpx.get(f"{base}/api/events", params={"_limit": 1}, timeout=30)
            if response.status_code != 200:
                failures.append(f"{response.status_code} {response.text[:200]}")
            articles = httpx.get(f"{base}/api/tables", timeout=30).json()
            seen.append({t["name"]: t["rows"] for t in articles}["articles"])

    try:
        _wait_for(base)
        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        ingest = subprocess.run([*cli, "ingest", str(later), "--db", str(db), "--batch-size", "1"],
                                env=env, capture_output=True, text=True, timeout=300)  # fmt: skip
        stop.set()
        poller.join(timeout=30)
        assert ingest.returncode == 0, ingest.stderr
        assert "4 new" in ingest.stdout
        assert failures == []
        titles = {
            a["title"] for a in httpx.get(f"{base}/api/tables/articles", params={"_limit": 10}).json()["rows"]
        }
        assert {f"Truce report {i}" for i in range(4)} <= titles
        truce = httpx.get(f"{base}/api/events", params={"actor": "RSF", "q": "truce"}).json()
        assert truce["total"] >= 1
        assert min(seen) == 1 and max(seen) > 1  # the server saw batches land while it ran
    finally:
        stop.set()
        serve.terminate()
        serve.wait(timeout=20)


def _wait_for(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/tables", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail("eventwire serve did not start")


QUERIES_10K = {
    "actor name + type + since": {"actor": "Hezbollah", "type": "ASSAULT", "since": "2024-01-01"},
    "country name + confidence": {"country": "sudan", "min_confidence": "0.6"},
    "free text": {"q": "rockets Beirut"},
    "outlet + modality": {"outlet": "reuters", "modality": "alleged"},
}


def test_filtered_queries_over_10k_events_page_and_answer(tmp_path: Path) -> None:
    """The requests scripts/bench_ui.py times (docs/benchmarks.md) answer, and page, over 10k events."""
    db = build_store(tmp_path / "10k.duckdb", events=10_000)
    with live(create_app(db)) as url, httpx.Client(base_url=url, timeout=30) as client:
        first = client.get("/api/events", params={"actor": "hezbollah", "_limit": 100}).json()
        assert (
            first["total"] > 100 and first["next_url"] == "/api/events?actor=hezbollah&_limit=100&_offset=100"
        )
        second = client.get(first["next_url"]).json()
        assert second["prev_url"] == "/api/events?actor=hezbollah&_limit=100"
        assert not {e["id"] for e in first["rows"]} & {e["id"] for e in second["rows"]}
        assert len(client.get("/api/events.json", params={"actor": "hezbollah"}).json()) == first["total"]
        for name, params in QUERIES_10K.items():
            page = client.get("/api/events", params=params)
            assert page.status_code == 200 and page.json()["total"] > 0, (name, page.text[:200])
