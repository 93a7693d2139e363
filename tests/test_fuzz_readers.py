"""Fuzzing the readers: whatever the bytes, each record is an article or one clear error.

Hypothesis generates plain text, HTML, JSON Lines and CSV files (random bytes, random
Unicode, and structured records with hostile metadata) and checks that reading never
raises, that every error names its input in one line, and that every article keeps the
invariants the rest of the pipeline relies on. ``EVENTWIRE_SOAK=1`` runs many more examples.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.ingest import read_sources
from eventwire.ingest.build import MAX_ARTICLE_CHARS, build_article
from eventwire.models import Article

SOAK = os.environ.get("EVENTWIRE_SOAK") == "1"
FUZZ = settings(
    max_examples=2000 if SOAK else 120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
WORDS = st.sampled_from(
    ["Police", "arrested", "protesters", "in", "Nairobi", "on", "Tuesday", ",", ".", "said", "\n", "\n\n",
     '"', "“", "Hamas", "—", "\x00", "\ud800", "\u2028", "\r\n", "\t", "中文", "<b>", "&amp;", "é", " "]
)  # fmt: skip
TEXTS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=80).map(" ".join))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXTS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
META = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON_VALUES, "text": st.one_of(TEXTS, JSON_VALUES), "title": JSON_VALUES,
        "published": st.one_of(JSON_VALUES, st.dates().map(str)), "language": JSON_VALUES,
        "url": JSON_VALUES, "outlet": JSON_VALUES,
    },
)  # fmt: skip


def check(results: list[Any], path: Path) -> None:
    """Every result is an article with sound offsets or an error naming ``path`` in one line."""
    for result in results:
        if isinstance(result, InputError):
            assert str(result).startswith(str(path)) or str(result).startswith(path.name)
            assert "\n" not in str(result) and "Traceback" not in str(result)
            continue
        assert isinstance(result, Article)
        sound_article(result)


def sound_article(article: Article) -> None:
    assert article.text.strip() and article.body.strip()
    assert len(article.text) <= MAX_ARTICLE_CHARS
    assert "\x00" not in article.text
    for start, end in article.sections.values():
        assert 0 <= start <= end <= len(article.text)
    start, end = article.sections["body"]
    assert article.text[start:end] == article.body
    for field in (article.id, article.title, article.language, article.url, article.outlet):
        assert field is None or isinstance(field, str)
    assert article.language is None or article.language.isalpha()
    article.text.encode("utf-8")  # no unpaired surrogates reach the store


def read(tmp_path: Path, name: str, data: bytes) -> list[Any]:
    path = tmp_path / name
    path.write_bytes(data)
    results = list(read_sources([path]))
    check(results, path)
    return results


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".html", ".jsonl", ".csv"]))
def test_random_bytes(tmp_path_factory, data: bytes, suffix: str) -> None:
    read(tmp_path_factory.mktemp("bytes"), f"input{suffix}", data)


@FUZZ
@given(text=TEXTS, suffix=st.sampled_from([".txt", ".html", ".jsonl", ".csv"]))
def test_random_text(tmp_path_factory, text: str, suffix: str) -> None:
    read(tmp_path_factory.mktemp("text"), f"input{suffix}", text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(records=st.lists(META, max_size=6), junk=st.lists(st.text(max_size=30), max_size=2))
def test_jsonl_records_with_hostile_metadata(tmp_path_factory, records: list[dict], junk: list[str]) -> None:
    content = "\n".join([json.dumps(r, default=str) for r in records] + junk)
    results = read(tmp_path_factory.mktemp("jsonl"), "feed.jsonl", content.encode("utf-8", "surrogatepass"))
    assert len(results) <= max(1, content.count("\n") + 1)  # at most one result a line


@FUZZ
@given(rows=st.lists(st.lists(st.one_of(TEXTS, st.just('"')), min_size=1, max_size=4), max_size=6))
def test_csv_rows(tmp_path_factory, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "text", "language", "published"])
    writer.writerows(rows)
    raw = buffer.getvalue()
    read(tmp_path_factory.mktemp("csv"), "feed.csv", raw.encode("utf-8", "surrogatepass"))
    read(tmp_path_factory.mktemp("csv"), "cut.csv", raw[: len(raw) // 2].encode("utf-8", "surrogatepass"))


TAGS = st.sampled_from(["p", "div", "h1", "title", "script", "article", "br", "meta", "table", "a"])


@FUZZ
@given(parts=st.lists(st.tuples(TAGS, TEXTS), max_size=10))
def test_html_pages(tmp_path_factory, parts: list[tuple[str, str]]) -> None:
    body = "".join(f"<{tag}>{text}</{tag}>" for tag, text in parts)
    page = f"<!doctype html><html><head><title>T</title></head><body>{body}</body></html>"
    read(tmp_path_factory.mktemp("html"), "page.html", page.encode("utf-8", "surrogatepass"))


@FUZZ
@given(text=TEXTS, meta=META)
def test_build_article_never_raises_anything_else(text: str, meta: dict) -> None:
    try:
        article = build_article(text, "<fuzz>", meta)
    except InputError as err:
        assert "\n" not in str(err)
        return
    sound_article(article)
