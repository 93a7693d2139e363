"""Feeds as lists of items: RSS and Atom (feedparser) and news sitemaps (lxml).

Parsing is kept apart from fetching (eventwire/follow/http.py does that with
httpx), as feedparser itself now recommends: the body and the response headers
come in, :class:`ParsedFeed` goes out. A malformed feed never raises: it comes back
with ``problem`` set, and with the items that could be read anyway.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from eventwire.errors import InputError

_SITEMAP_ROOT = re.compile(rb"<(?:[\w-]+:)?(urlset|sitemapindex)[\s>]")
# feedparser flags a feed whose declared encoding differs from the HTTP header, or that is
# served as text/html or without a content type: common, and harmless once it parsed.
_HARMLESS_BOZO = ("CharacterEncodingOverride", "NonXMLContentType")


@dataclass(slots=True)
class FeedItem:
    """One entry of a feed: what to fetch and the metadata the feed gives for it."""

    key: str  # the entry's id (guid), else its link: what makes it "seen"
    url: str
    title: str | None = None
    published: dt.datetime | None = None  # UTC, naive
    outlet: str | None = None


@dataclass(slots=True)
class ParsedFeed:
    kind: str  # rss, atom, sitemap, sitemapindex, unknown
    title: str | None = None
    items: list[FeedItem] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # children of a sitemap index
    problem: str | None = None  # why the feed is malformed (items may still have been read)


@dataclass(frozen=True, slots=True)
class FeedSource:
    """A feed to follow, as given on the command line or in a sources file."""

    url: str
    outlet: str | None = None


def parse_feed(body: bytes, url: str, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Items of an RSS/Atom feed or a (news) sitemap; relative links resolved against ``url``."""
    if _SITEMAP_ROOT.search(body[:4096]):
        return _parse_sitemap(body, url)
    return _parse_syndication(body, url, headers or {})


def _parse_syndication(body: bytes, url: str, headers: Mapping[str, str]) -> ParsedFeed:
    import feedparser

    response_headers = {k.lower(): v for k, v in headers.items()}
    response_headers.setdefault("content-location", url)
    result: Any = feedparser.parse(io.BytesIO(body), response_headers=response_headers)
    version = str(result.get("version") or "")
    kind = "atom" if version.startswith("atom") else "rss" if version else "unknown"
    channel = result.get("feed", {})
    title = _text(channel.get("title"))
    parsed = ParsedFeed(kind=kind, title=title)
    for entry in result.get("entries", []):
        link = entry.get("link")
        if not link:
            continue
        link = urljoin(url, link)
        parsed.items.append(
            FeedItem(
                key=_text(entry.get("id")) or link,
                url=link,
                title=_text(entry.get("title")),
                published=_struct_time(entry.get("published_parsed") or entry.get("updated_parsed")),
                outlet=title,
            )
        )
    bozo = result.get("bozo_exception")
    if result.get("bozo") and type(bozo).__name__ not in _HARMLESS_BOZO:
        parsed.problem = f"malformed feed ({bozo})"
    elif kind == "unknown" and not parsed.items:
        parsed.problem = "not an RSS or Atom feed, nor a sitemap"
    return parsed


def _parse_sitemap(body: bytes, url: str) -> ParsedFeed:
    """A sitemap (``urlset``, with Google News ``news:`` fields when present) or a sitemap index."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        return ParsedFeed(kind="sitemap", problem=f"malformed sitemap ({exc})")
    if _local(root) == "sitemapindex":
        locs = [_child_text(node, "loc") for node in root if _local(node) == "sitemap"]
        return ParsedFeed(kind="sitemapindex", sitemaps=[urljoin(url, loc) for loc in locs if loc])
    parsed = ParsedFeed(kind="sitemap")
    for node in root:
        if _local(node) != "url" or not (loc := _child_text(node, "loc")):
            continue
        news = _child(node, "news")
        publication = _child(news, "publication") if news is not None else None
        when = (_child_text(news, "publication_date") if news is not None else None) or _child_text(
            node, "lastmod"
        )
        link = urljoin(url, loc)
        parsed.items.append(
            FeedItem(
                key=link,
                url=link,
                title=_child_text(news, "title") if news is not None else None,
                published=_iso_datetime(when),
                outlet=_child_text(publication, "name") if publication is not None else None,
            )
        )
    return parsed


def read_feed_list(sources: Iterable[str]) -> Iterator[FeedSource]:
    """Feeds from URLs and files of URLs: one a line, ``#`` comments, an optional outlet name
    after the URL (``https://example.org/rss.xml  Example News``)."""
    for source in sources:
        if source.startswith(("http://", "https://")):
            yield FeedSource(source)
            continue
        path = Path(source)
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except OSError as exc:
            raise InputError(source, f"cannot read the list of feeds ({exc.strerror})") from None
        for number, line in enumerate(lines, start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            url, *outlet = line.split(None, 1)
            if urlsplit(url).scheme not in ("http", "https"):
                raise InputError(f"{source}:{number}", f"{url!r} is not an http(s) URL")
            yield FeedSource(url, outlet[0].strip() if outlet else None)


def _text(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _struct_time(value: time.struct_time | None) -> dt.datetime | None:
    if value is None:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).replace(tzinfo=None)


def _iso_datetime(value: str | None) -> dt.datetime | None:
    """W3C datetime of a sitemap (``2024-05-01``, ``2024-05-01T09:30:00+02:00``) as naive UTC."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def _local(node: Any) -> str:
    tag = node.tag if isinstance(node.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _child(node: Any, name: str) -> Any:
    return next((child for child in node if _local(child) == name), None)


def _child_text(node: Any, name: str) -> str | None:
    child = _child(node, name) if node is not None else None
    return _text(child.text) if child is not None else None
