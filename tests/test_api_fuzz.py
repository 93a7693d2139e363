"""The HTTP API against its own OpenAPI schema: every operation, hostile parameters, no 500.

An equivalent of a schemathesis run, with Hypothesis only: for each operation of
``/openapi.json`` the parameters are drawn from their schema types, widened with what a
hostile client sends instead (huge integers, SQL, NULs, unknown columns, extra names), and
each response must be a JSON error or a well-formed answer: never 500, never a traceback.
``/api/extract`` gets bodies drawn from its request schema. ``EVENTWIRE_SOAK=1`` runs more.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire import jobs
from eventwire.serve.api import create_app
from eventwire.serve.extract import ExtractLimits
from eventwire.serve.guard import ServeOptions
from eventwire.store.database import Store
from tests.test_serve import LATER_STORY, STORY

SOAK = os.environ.get("EVENTWIRE_SOAK") == "1"
FUZZ = settings(
    max_examples=1500 if SOAK else 150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HOSTILE = st.sampled_from(
    ["", "0", "-1", "9223372036854775808", str(2**70), "1e309", "NaN", "' OR 1=1 --", '"; DROP TABLE articles; --',
     "\x00", "%00", "../../etc/passwd", "-origin", "-text", "no_such_column", "null", "true", "😀" * 50, "a" * 5000,
     "2024-13-45", "2024-04-09", "houthis", "ASSAULT", "country:YEM"]
)  # fmt: skip
VALUES = st.one_of(HOSTILE, st.text(max_size=40), st.integers().map(str))


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("fuzz")
    feed = folder / "feed.jsonl"
    records = [{"id": "a1", "outlet": "Wire A", "published": "2024-04-09", "text": STORY},
               {"id": "a2", "outlet": "Wire B", "text": LATER_STORY}]  # fmt: skip
    feed.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    db = folder / "ew.duckdb"
    with Store(db) as store:
        jobs.ingest([feed], pipeline, store)
    options = ServeOptions(
        model="sm", extract=ExtractLimits(workers=1, queue=2, max_chars=2000, timeout_s=60)
    )
    with TestClient(create_app(db, options=options), raise_server_exceptions=False) as test_client:
        yield test_client


def operations(client: TestClient) -> list[tuple[str, str, list[dict[str, Any]]]]:
    spec = client.get("/openapi.json").json()
    return [
        (method.upper(), path, op.get("parameters", []))
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
        if method == "get"
    ]


def value_for(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    """A value of the parameter's type (often) or anything a client may send (as often)."""
    kinds = {s.get("type") for s in schema.get("anyOf", [schema])}
    typed: st.SearchStrategy[str] = st.text(max_size=30)
    if "integer" in kinds:
        typed = st.integers(min_value=schema.get("minimum", -5), max_value=schema.get("maximum", 10**6)).map(
            str
        )
    elif "boolean" in kinds:
        typed = st.sampled_from(["true", "false", "1", "0"])
    return st.one_of(typed, VALUES)


def check(response: Any, where: str) -> None:
    assert response.status_code < 500, f"{where}: {response.status_code} {response.text[:300]}"
    kind = response.headers.get("content-type", "")
    if response.status_code >= 400:
        assert kind.startswith("application/json") and "detail" in response.json(), where
        assert "Traceback" not in response.text
    elif ".csv" in where.split("?")[0]:
        assert kind.startswith("text/csv")
    else:
        response.json()


@FUZZ
@given(data=st.data())
def test_every_read_operation_answers_without_500(client: TestClient, data: st.DataObject) -> None:
    method, path, params = data.draw(st.sampled_from(operations(client)), label="operation")
    url = path
    query: list[tuple[str, str]] = []
    for param in params:
        if param["in"] == "path":
            value = data.draw(
                st.one_of(st.sampled_from(["a1", "events", "articles", "houthis", "a1#e0"]), VALUES)
            )
            url = url.replace("{" + param["name"] + "}", quote(value, safe=""))
        elif data.draw(st.booleans()):
            query.append((param["name"], data.draw(value_for(param.get("schema", {})))))
    extra = data.draw(
        st.lists(st.tuples(st.sampled_from(["origin", "text", "_x", "id", "evil"]), VALUES), max_size=2)
    )
    response = client.request(method, url, params=query + extra)
    check(response, f"{method} {url}?{query + extra}")


EXTRACT = st.fixed_dictionaries(
    {"text": st.one_of(st.text(max_size=300), VALUES, st.just("Police arrested 40 protesters in Nairobi."))},
    optional={
        "published": st.one_of(st.dates().map(str), VALUES, st.none()),
        "title": st.one_of(st.text(max_size=20), st.none(), st.integers()),
        "outlet": st.one_of(st.text(max_size=20), st.none()),
        "min_confidence": st.one_of(st.floats(allow_nan=False, allow_infinity=False), st.none(), VALUES),
    },
)


@settings(FUZZ, max_examples=300 if SOAK else 40)
@given(body=st.one_of(EXTRACT, st.dictionaries(st.text(max_size=5), VALUES, max_size=3), VALUES))
def test_extract_answers_every_body_without_500(client: TestClient, body: Any) -> None:
    response = client.post("/api/extract", json=body)
    check(response, f"POST /api/extract {str(body)[:100]}")
    if response.status_code == 200:
        result = response.json()
        assert result["article"]["text"] and isinstance(result["events"], list)


def test_an_unexpected_error_is_json_in_one_line(client: TestClient, tmp_path: Path) -> None:
    from fastapi import FastAPI

    from eventwire.serve.api import _add_error_handlers

    app = FastAPI()
    _add_error_handlers(app)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("a bug\nover two lines")

    response = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error (RuntimeError: a bug over two lines)"}
