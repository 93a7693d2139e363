"""Serving safely: bounded extract (size, queue, time), reads never blocked, token, Host
allow-list, origins without server paths, one-line JSON errors instead of 500s."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from eventwire import jobs
from eventwire.serve.api import create_app
from eventwire.serve.extract import ExtractLimits, ExtractPool, ExtractRefused, Task
from eventwire.serve.guard import ServeOptions, allowed_hosts, host_name, public_origin
from eventwire.store.database import Store
from tests.test_serve import STORY, live

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SHORT = "Police arrested 40 protesters in Nairobi on Tuesday, officials said."
# about 65,000 characters: about 3 s with the sm model, longer than the time limit of the pool below
LONG = " ".join(
    f"Rebels attacked an army base near Goma on day {i}, and the army shelled their positions, "
    f"officials said. The United Nations urged both sides to stop the fighting."
    for i in range(400)
)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Path:
    folder = tmp_path_factory.mktemp("limits")
    feed = folder / "feed.jsonl"
    feed.write_text(json.dumps({"id": "red-sea-1", "outlet": "Wire A", "text": STORY}), encoding="utf-8")
    db = folder / "ew.duckdb"
    with Store(db) as store:
        jobs.ingest([feed], pipeline, store)
    return db


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    limits = ExtractLimits(workers=1, queue=1, max_chars=80_000, timeout_s=1.0)
    options = ServeOptions(
        token=TOKEN, allowed_hosts=("127.0.0.1", "localhost"), extract=limits, model="sm",
        max_body_bytes=400_000,
    )  # fmt: skip
    with live(create_app(store, options=options)) as url:
        yield url


def ready(server: str) -> None:
    """Wait for the extract worker to load its model (503 'still loading' until then)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        response = httpx.post(f"{server}/api/extract", json={"text": SHORT}, headers=AUTH, timeout=30)
        if response.status_code == 200:
            return
        assert response.status_code == 503, response.text
    pytest.fail("the extract worker never became ready")


def test_bad_requests_get_json_errors_not_500(server: str) -> None:
    huge = httpx.get(f"{server}/api/tables/articles", params={"_offset": "9223372036854775808"})
    assert huge.status_code == 422 and "detail" in huge.json()
    for path in ("/api/events", "/api/quotes", "/api/stories", "/api/actors"):
        assert httpx.get(f"{server}{path}", params={"_offset": str(2**70)}).status_code == 422
    blank = httpx.post(f"{server}/api/extract", json={"text": " \n\t "}, headers=AUTH)
    assert blank.status_code == 422
    nul = httpx.post(
        f"{server}/api/extract", json={"text": "Police\u0000 arrested"}, headers=AUTH, timeout=120
    )
    assert nul.status_code in (422, 503) and "detail" in nul.json()


def test_token_host_and_origin(server: str) -> None:
    assert httpx.post(f"{server}/api/extract", json={"text": SHORT}).status_code == 401
    wrong = httpx.post(f"{server}/api/extract", json={"text": SHORT}, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert httpx.get(f"{server}/api/tables").status_code == 200  # reads need no token
    evil = httpx.get(f"{server}/api/tables", headers={"Host": "evil.example"})
    assert evil.status_code == 400 and "--allow-host" in evil.json()["detail"]
    rows = httpx.get(f"{server}/api/tables/articles").json()["rows"]
    assert rows and all("/" not in r["origin"] for r in rows)
    assert rows[0]["origin"] == "feed.jsonl:1"
    article = httpx.get(f"{server}/api/articles/red-sea-1").json()
    assert article["origin"] == "feed.jsonl:1"
    probe = httpx.get(f"{server}/api/tables/articles", params={"origin": "/etc/passwd"})
    assert probe.status_code == 400


def test_size_limits(server: str) -> None:
    too_long = httpx.post(f"{server}/api/extract", json={"text": "word " * 20_000}, headers=AUTH)
    assert too_long.status_code == 413 and "limit" in too_long.json()["detail"]
    body = json.dumps({"text": "x" * 500_000})
    too_big = httpx.post(
        f"{server}/api/extract", content=body, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert too_big.status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(50):
            yield b"y" * 10_000
        yield b'"}'

    streamed = httpx.post(
        f"{server}/api/extract", content=chunks(), headers={**AUTH, "Content-Type": "application/json"}
    )
    assert streamed.status_code == 413


def test_extract_is_bounded_and_reads_are_never_blocked(server: str) -> None:
    ready(server)
    results: dict[str, httpx.Response] = {}

    def post(name: str, text: str) -> None:
        results[name] = httpx.post(f"{server}/api/extract", json={"text": text}, headers=AUTH, timeout=60)

    slow = threading.Thread(target=post, args=("slow", LONG))
    slow.start()
    time.sleep(0.5)  # the slow text is in the worker now
    waiting = threading.Thread(target=post, args=("waiting", SHORT))
    waiting.start()
    time.sleep(0.3)
    refused = httpx.post(f"{server}/api/extract", json={"text": SHORT}, headers=AUTH, timeout=10)
    assert refused.status_code == 503 and refused.headers.get("retry-after")
    started = time.monotonic()
    reads = [httpx.get(f"{server}/api/events", timeout=10) for _ in range(5)]
    assert all(r.status_code == 200 for r in reads)
    assert time.monotonic() - started < 3.0  # answered while the worker is busy
    slow.join(30)
    waiting.join(30)
    assert results["slow"].status_code == 503 and "stopped after" in results["slow"].json()["detail"]
    assert results["waiting"].status_code in (200, 503)
    ready(server)  # a fresh worker replaced the stopped one
    after = httpx.post(f"{server}/api/extract", json={"text": SHORT}, headers=AUTH, timeout=60)
    assert after.status_code == 200 and after.json()["article"]["text"] == SHORT


def test_pool_close_never_waits_for_an_analysis() -> None:
    from eventwire.config import PipelineConfig

    pool = ExtractPool(PipelineConfig(model="sm"), ExtractLimits(workers=1, queue=0, timeout_s=120))
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = pool.analyze(Task(LONG, None, {}, None))
        except ExtractRefused as exc:
            outcome["refused"] = exc.status

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(1.0)
    started = time.monotonic()
    pool.close(grace_s=0.5)
    thread.join(30)
    assert time.monotonic() - started < 10
    assert outcome.get("refused") == 503
    with pytest.raises(ExtractRefused):
        pool.analyze(Task(SHORT, None, {}, None))


def test_helpers() -> None:
    assert host_name("[::1]:8000") == "::1" and host_name("Example.org:80") == "example.org"
    assert host_name("localhost") == "localhost"
    assert public_origin("/home/me/data/feed.jsonl:12") == "feed.jsonl:12"
    assert public_origin("/srv/x/story.txt") == "story.txt"
    assert public_origin("https://example.org/a") == "https://example.org/a"
    assert public_origin("<stdin>") == "<stdin>"
    loopback = allowed_hosts("127.0.0.1", [])
    assert "localhost" in loopback and "evil.example" not in loopback
    assert "news.example" in allowed_hosts("0.0.0.0", ["news.example"])
