"""Readers for each input format: plain text, HTML, JSON Lines and CSV feeds.

Each reader takes decoded text and the origin it came from and yields either an
:class:`Article` or an :class:`InputError` naming the record, so one bad record
never stops the rest of a feed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.ingest.build import build_article
from eventwire.models import Article

ReadResult = Article | InputError


def read_plain_text(text: str, origin: str) -> Iterator[ReadResult]:
    """One article in the slug/caption/body or headline/body layout."""
    try:
        yield build_article(text, origin, id_hint=_stem(origin))
    except InputError as err:
        yield err


def read_html(html: str, origin: str) -> Iterator[ReadResult]:
    """Main text of a web page, boilerplate removed by trafilatura; title and date from meta."""
    import trafilatura

    doc: Any = trafilatura.bare_extraction(  # a Document (with_metadata, not as_dict)
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        yield InputError(origin, "no article text found in the HTML page")
        return
    title = (doc.title or "").strip()
    body: str = doc.text
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    meta = {"title": title or None, "published": doc.date, "url": doc.url, "outlet": doc.sitename}
    meta["language"] = getattr(doc, "language", None)
    try:
        article = build_article(text, origin, meta, id_hint=_stem(origin))
    except InputError as err:
        yield err
        return
    if title and text.startswith(title):
        article.sections["title"] = (0, len(title))
    yield article


def read_jsonl(text: str, origin: str) -> Iterator[ReadResult]:
    """One JSON object per line with ``text`` and optional metadata fields."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        yield from _record(record, where)


def read_csv(text: str, origin: str) -> Iterator[ReadResult]:
    """A CSV feed with a header row naming at least a ``text`` column."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in reader.fieldnames:
        yield InputError(f"{origin}:1", "CSV header has no 'text' column")
        return
    end_line = reader.line_num
    while True:
        start_line = end_line + 1  # a record may span lines; name the line it starts on
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(f"{origin}:{start_line}", f"malformed CSV ({exc})")
            return
        end_line = reader.line_num
        where = f"{origin}:{start_line}"
        if None in row:
            yield InputError(where, "row has more fields than the header")
            continue
        yield from _record(row, where)


def _stem(origin: str) -> str | None:
    """File name without extension, to name single-article files readably."""
    if origin.startswith(("<", "http://", "https://")):
        return None
    return Path(origin).stem


def _record(record: Any, where: str) -> Iterator[ReadResult]:
    if not isinstance(record, dict):
        yield InputError(where, f"expected a JSON object, got {type(record).__name__}")
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        rid = record.get("id")
        label = f"{where} (id {rid})" if rid else where
        yield InputError(label, "record has no 'text' field or it is empty")
        return
    try:
        yield build_article(text, where, record)
    except InputError as err:
        yield err
