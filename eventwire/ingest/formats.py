"""Readers for each input format: plain text, HTML, JSON Lines and CSV feeds.

Each reader takes decoded text and the origin it came from and yields either an
:class:`Article` or an :class:`InputError` naming the record, so one bad record
never stops the rest of a feed.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.ingest.build import build_article
from eventwire.models import Article
from eventwire.nlp.datelines import is_bare_dateline

ReadResult = Article | InputError
# A CSV text field may be longer than the csv module's default limit (128 KiB); the article
# is cut to MAX_ARTICLE_CHARS later, with a warning, rather than the rest of the file lost.
csv.field_size_limit(2**31 - 1)


def read_plain_text(text: str, origin: str) -> Iterator[ReadResult]:
    """One article in the slug/caption/body or headline/body layout."""
    try:
        yield build_article(text, origin, id_hint=_stem(origin))
    except InputError as err:
        yield err


def read_html(html: str, origin: str) -> Iterator[ReadResult]:
    """Main text of a web page, boilerplate removed by trafilatura; title and date from meta.

    The text is ``title + "\n\n" + main text`` (docs/schema.md): the page's own headline
    line, which trafilatura keeps at the top of the main text, is dropped there, so the
    title is a section of its own and never runs into the dateline ("... Lebanon
    border\nJERUSALEM" read as one phrase). A dateline the page set on a line of its own
    ("JERUSALEM (AP) —" before a ``<br>``) is joined to its paragraph.
    """
    import trafilatura

    try:
        doc: Any = trafilatura.bare_extraction(  # a Document (with_metadata, not as_dict)
            html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception as exc:  # noqa: BLE001 - a page trafilatura or lxml cannot take is one bad record
        yield InputError(origin, f"cannot parse the HTML page ({type(exc).__name__}: {one_line(str(exc))})")
        return
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        yield InputError(origin, "no article text found in the HTML page")
        return
    title = " ".join((doc.title or "").split())
    body = html_body(doc.text, title)
    if not body:
        yield InputError(origin, "no article text found in the HTML page besides its title")
        return
    text = f"{title}\n\n{body}" if title else body
    meta = {"title": title or None, "published": doc.date, "url": doc.url, "outlet": doc.sitename}
    meta["language"] = getattr(doc, "language", None)
    try:
        article = build_article(text, origin, meta, id_hint=_stem(origin))
    except InputError as err:
        yield err
        return
    if title:
        _split_title(article, len(title))
    yield article


def html_body(main_text: str, title: str) -> str:
    """trafilatura's main text as the body: no repeated headline, datelines kept with their
    paragraph, one paragraph a line (a line break inside a sentence, which trafilatura keeps
    from the page source around a ``<br>``, is a space)."""
    lines = [" ".join(line.split()) for line in main_text.splitlines()]
    lines = [line for line in lines if line]
    while lines and title and _same_headline(lines[0], title):
        lines.pop(0)
    paragraphs: list[str] = []
    for line in lines:
        wrapped = bool(paragraphs) and line[:1].islower() and not paragraphs[-1].endswith(_SENTENCE_END)
        if paragraphs and (wrapped or is_bare_dateline(paragraphs[-1])):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"  # "depots\nin southern Lebanon": one sentence
        else:
            paragraphs.append(line)
    return "\n".join(paragraphs)


_WORD = re.compile(r"\w+")
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", ")")


def _same_headline(line: str, title: str) -> bool:
    """Whether a line of the main text is the page's headline again (the ``<h1>``): the
    same words, or the title within a slightly longer line with no sentence end ("Title |
    Site"), or a line of three words or more within the title ("Analysis: Title")."""
    words, title_words = _WORD.findall(line.lower()), _WORD.findall(title.lower())
    if not words or not title_words:
        return False
    if words == title_words:
        return True
    if len(words) < len(title_words):
        return len(words) >= 3 and _contains(title_words, words)
    sentence = line.rstrip().endswith((".", "!", "?", ".\u201d", '."'))
    return not sentence and len(words) <= len(title_words) + 4 and _contains(words, title_words)


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _split_title(article: Article, title_end: int) -> None:
    """Title and body as separate sections (the layout reader sees one block of text)."""
    body_start = title_end
    while body_start < len(article.text) and article.text[body_start].isspace():
        body_start += 1
    article.sections["title"] = (0, title_end)
    article.sections["body"] = (body_start, len(article.text))
    article.body = article.text[body_start:]
    article.boilerplate = [span for span in article.boilerplate if span[0] >= body_start]


def read_jsonl(text: str, origin: str) -> Iterator[ReadResult]:
    """One JSON object per line with ``text`` and optional metadata fields.

    Lines end at ``\n`` only: JSON strings may hold U+2028 and other characters that
    ``str.splitlines`` would break a record at."""
    for number, line in enumerate(text.split("\n"), start=1):
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
    """A CSV feed with a header row naming at least a ``text`` column.

    The reader is strict: an unterminated quote is an error, never a record that swallows
    the rest of the file; the records before it are read."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        reader.fieldnames  # noqa: B018 - reads the header row, which may be malformed too
    except csv.Error as exc:
        yield InputError(f"{origin}:1", f"malformed CSV header ({exc})")
        return
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
            problem = f"malformed CSV ({exc}); the rest of the file is not read"
            yield InputError(f"{origin}:{start_line}", problem)
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
        named = isinstance(rid, str | int) and str(rid).strip()
        label = f"{where} (id {one_line(str(rid), 60)})" if named else where
        problem = "record has no 'text' field or it is empty"
        if text is not None and not isinstance(text, str):
            problem = f"'text' must be a string, got {type(text).__name__}"
        yield InputError(label, problem)
        return
    try:
        yield build_article(text, where, record)
    except InputError as err:
        yield err


def one_line(message: str, limit: int = 300) -> str:
    """A message on one line, clipped: errors are printed one a line."""
    text = " ".join(message.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
