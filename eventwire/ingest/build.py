"""Turn raw text plus metadata into an :class:`Article` with its sections and content hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

from eventwire.errors import InputError
from eventwire.ingest.layout import normalise, split_layout
from eventwire.models import Article

_WS = re.compile(r"\s+")
_SLUG_CHARS = re.compile(r"[^A-Za-z0-9]+")
METADATA_FIELDS = ("id", "url", "outlet", "title", "published", "language")


def content_hash(text: str) -> str:
    """Hash of the text with whitespace collapsed: the same story re-read is the same article."""
    return hashlib.sha256(_WS.sub(" ", text).strip().encode("utf-8")).hexdigest()


def build_article(
    raw_text: str, origin: str, meta: dict[str, Any] | None = None, id_hint: str | None = None
) -> Article:
    """Split ``raw_text`` into parts; metadata (id, title, published...) fills what the text lacks.

    Without an ``id`` in the metadata the id is ``<id_hint>-<hash8>`` (a file's stem) or
    ``sha:<hash16>``: derived from the content, so re-reading the same text gives the same id.
    """
    meta = meta or {}
    text = normalise(raw_text)
    if not text.strip():
        raise InputError(origin, "article text is empty")
    title_meta = _clean(meta.get("title"))
    layout = split_layout(text, detect_headline=title_meta is None)
    digest = content_hash(text)
    article = Article(
        id=_clean(meta.get("id")) or _default_id(id_hint, digest),
        text=text,
        body=layout.part("body") or "",
        title=title_meta or layout.part("title"),
        image_slug=layout.part("image_slug"),
        caption=layout.part("caption"),
        photo_credit=layout.part("photo_credit"),
        published=parse_published(meta.get("published"), origin),
        language=_clean(meta.get("language")),
        url=_clean(meta.get("url")),
        outlet=_clean(meta.get("outlet")),
        origin=origin,
        content_hash=digest,
        sections=dict(layout.sections),
        boilerplate=list(layout.boilerplate),
    )
    if not article.body.strip():
        raise InputError(origin, "article has no body text after its headline/caption")
    return article


def parse_published(value: Any, origin: str) -> dt.date | None:
    """ISO date or datetime (``2015-07-01``, ``2015-07-01T09:30:00Z``) to a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(
            origin, f"published {text!r} is not an ISO date (YYYY-MM-DD or ISO datetime)"
        ) from None


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _default_id(id_hint: str | None, digest: str) -> str:
    slug = _SLUG_CHARS.sub("-", id_hint or "").strip("-").lower()
    return f"{slug}-{digest[:8]}" if slug else f"sha:{digest[:16]}"
