"""Turn raw text plus metadata into an :class:`Article` with its sections and content hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

from eventwire.errors import InputError, RecordTooLarge
from eventwire.ingest.layout import body_layout, normalise, split_layout
from eventwire.models import Article

_WS = re.compile(r"\s+")
_SLUG_CHARS = re.compile(r"[^A-Za-z0-9]+")
METADATA_FIELDS = ("id", "url", "outlet", "title", "published", "language")
# The longest text analysed, in characters (about 50,000 words: several times the longest
# news feature). A longer text is cut at the last paragraph break before it, with a warning:
# work per article stays bounded and spaCy's own limit (1,000,000) is never reached.
MAX_ARTICLE_CHARS = 300_000
# The longest record read at all: a text this long is no article but a dump, a log or a
# book, and cutting it would store a fragment as if it were news. Refused with an error.
MAX_RECORD_CHARS = 5_000_000
# NUL and unpaired surrogates: binary data or broken encoding, never an article's text.
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
_LANGUAGE_CODE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$")


def content_hash(text: str) -> str:
    """Hash of the text with whitespace collapsed: the same story re-read is the same article."""
    return hashlib.sha256(_WS.sub(" ", text).strip().encode("utf-8")).hexdigest()


def build_article(
    raw_text: str,
    origin: str,
    meta: dict[str, Any] | None = None,
    id_hint: str | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
    split: bool = True,
) -> Article:
    """Split ``raw_text`` into parts; metadata (id, title, published...) fills what the text lacks.

    With ``split=False`` the whole text is the body: no slug, caption, credit or headline is
    split off (a corpus whose annotations cover the whole text; a title line in Title Case
    such as "... A Sanders/Trump Debate." reads as a caption with a photo credit).

    Without an ``id`` in the metadata the id is ``<id_hint>-<hash8>`` (a file's stem) or
    ``sha:<hash16>``: derived from the content, so re-reading the same text gives the same id.
    """
    meta = meta or {}
    if not isinstance(raw_text, str):
        raise InputError(origin, f"text must be a string, got {_type_name(raw_text)}")
    if len(raw_text) > MAX_RECORD_CHARS:
        raise RecordTooLarge(origin, len(raw_text), MAX_RECORD_CHARS)
    _check_text(raw_text, "text", origin)
    text = normalise(raw_text)
    if not text.strip():
        raise InputError(origin, "article text is empty")
    digest = content_hash(text)  # of the whole text, so a long text re-read is still known
    text, warnings = bounded(text, max_chars)
    title_meta = _field(meta, "title", origin)
    layout = split_layout(text, detect_headline=title_meta is None) if split else body_layout(text)
    article = Article(
        id=_field(meta, "id", origin) or _default_id(id_hint, digest),
        text=text,
        body=layout.part("body") or "",
        title=title_meta or layout.part("title"),
        image_slug=layout.part("image_slug"),
        caption=layout.part("caption"),
        photo_credit=layout.part("photo_credit"),
        published=parse_published(meta.get("published"), origin),
        language=_language(meta, origin),
        url=_field(meta, "url", origin),
        outlet=_field(meta, "outlet", origin),
        origin=origin,
        content_hash=digest,
        sections=dict(layout.sections),
        warnings=warnings,
        boilerplate=list(layout.boilerplate),
    )
    if not article.body.strip():
        raise InputError(origin, "article has no body text after its headline/caption")
    return article


def bounded(text: str, limit: int = MAX_ARTICLE_CHARS) -> tuple[str, list[str]]:
    """``text`` cut to ``limit`` characters at a paragraph break (else a line break, else a
    space), with the warning that says so; unchanged when it is short enough."""
    if len(text) <= limit:
        return text, []
    cut, where = limit, "inside a word"
    for sep, name in (("\n\n", "at a paragraph break"), ("\n", "at a line break"), (" ", "at a space")):
        at = text.rfind(sep, 0, limit + 1)
        if at > limit // 2:
            cut, where = at, name
            break
    kept = text[:cut].rstrip()
    return kept, [
        f"text of {len(text):,} characters cut to {len(kept):,} {where} "
        f"(the limit is {limit:,}): the rest is neither analysed nor stored"
    ]


def parse_published(value: Any, origin: str) -> dt.date | None:
    """ISO date or datetime (``2015-07-01``, ``2015-07-01T09:30:00Z``) to a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(origin, f"published must be an ISO date string, got {_type_name(value)}")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(
            origin, f"published {text!r} is not an ISO date (YYYY-MM-DD or ISO datetime)"
        ) from None


def _field(meta: dict[str, Any], key: str, origin: str) -> str | None:
    """A metadata string, stripped; an id may be an integer. Other types are an error,
    never their ``str()`` (``["en"]`` would become the language "['en']")."""
    value = meta.get(key)
    if value is None:
        return None
    if key == "id" and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(origin, f"{key} must be a string, got {_type_name(value)}")
    _check_text(value, key, origin)
    return value.strip() or None


def _language(meta: dict[str, Any], origin: str) -> str | None:
    """The ISO 639 code of a language field (``en``, ``EN``, ``en-GB`` -> ``en``)."""
    value = _field(meta, "language", origin)
    if value is None:
        return None
    match = _LANGUAGE_CODE.match(value.lower())
    if match is None:
        raise InputError(origin, f"language {value[:40]!r} is not an ISO 639-1 code such as 'en'")
    return match.group(1)


def _check_text(value: str, name: str, origin: str) -> None:
    found = _NOT_TEXT.search(value)
    if found is not None:
        char = found.group()
        what = "a NUL byte" if char == "\x00" else f"an unpaired surrogate (U+{ord(char):04X})"
        raise InputError(
            origin, f"{name} holds {what} at character {found.start()}: binary or mis-encoded data"
        )


def _type_name(value: Any) -> str:
    return f"{type(value).__name__} {str(value)[:40]!r}"


def _default_id(id_hint: str | None, digest: str) -> str:
    slug = _SLUG_CHARS.sub("-", id_hint or "").strip("-").lower()
    return f"{slug}-{digest[:8]}" if slug else f"sha:{digest[:16]}"
