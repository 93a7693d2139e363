"""HTTP API on a real uvicorn server on loopback, over a real DuckDB store."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote as urlquote

import httpx
import pytest
import uvicorn

from eventwire import jobs
from eventwire.serve.api import create_app
from eventwire.store.database import Store

STORY = (
    "Houthi-ship-RedSea\nA damaged cargo ship is towed into the port of Djibouti on April 9, 2024. "
    "Reuters/Jane Roe\n\nYemen's Houthi rebels fired two missiles at a Liberian-flagged container "
    'ship in the Red Sea on Monday, the U.S. military said. "We will continue our operations '
    'until the aggression stops," Houthi spokesman Yahya Saree said in a televised statement.'
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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
    port = free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline:
            pytest.fail("server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


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


def test_article_endpoint_gives_text_and_offsets(server: str) -> None:
    article = httpx.get(f"{server}/api/articles/red-sea-1").json()
    assert article["text"].startswith("Houthi-ship-RedSea")
    assert [q["speaker_text"] for q in article["quotes"] if q["direct"]] == ["Houthi spokesman Yahya Saree"]
    assert any(m["type"] == "ASSAULT" and m["source_actor"] == "houthis" for m in article["events"])
    for quote in article["quotes"]:
        assert article["text"][quote["start_char"] : quote["end_char"]] == quote["text"]
    for mention in article["events"]:
        assert article["text"][mention["evidence_start"] : mention["evidence_end"]] == mention["evidence"]


def test_events_endpoint_filters_and_explains(server: str) -> None:
    assaults = httpx.get(f"{server}/api/events", params={"type": "ASSAULT", "actor": "houthis"}).json()
    assert assaults and all(e["type"] == "ASSAULT" for e in assaults)
    attack = httpx.get(f"{server}/api/events/{urlquote(assaults[0]['id'], safe='')}").json()
    assert attack["num_articles"] == 1 and attack["date"] == "2024-04-08"  # "on Monday" before Tue 9th
    [report] = attack["mentions"]
    assert report["outlet"] == "Wire A" and "fired two missiles" in report["evidence"]
    assert httpx.get(f"{server}/api/events", params={"type": "AGREE"}).json() == []


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
    assert httpx.get(f"{server}/static/app.js").status_code == 200


def test_missing_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        create_app(tmp_path / "none.duckdb")
