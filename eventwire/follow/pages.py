"""A feed item's page as an :class:`Article`: read as the HTML reader reads a page, with the
feed's title, published time, outlet and URL as its metadata.

The article id comes from the item's URL, so the same link listed by two feeds (or
listed again after a restart) is one article, and a page whose text changed replaces
its old version instead of standing beside it.
"""

from __future__ import annotations

import hashlib

from eventwire.errors import InputError
from eventwire.follow.http import Fetcher, FetchError, Response
from eventwire.follow.state import ItemOutcome, PendingItem
from eventwire.ingest.formats import read_html
from eventwire.models import Article

HTML_TYPES = ("text/html", "application/xhtml+xml")


def article_id(url: str) -> str:
    """``url:<hash16>`` of the item's link: stable across feeds, polls and restarts."""
    return "url:" + hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def fetch_article(fetcher: Fetcher, item: PendingItem) -> Article | ItemOutcome:
    """The item's article, or what went wrong (``pending`` again when worth another try)."""
    try:
        return page_article(item, fetcher.get(item.url))
    except FetchError as err:
        status = "pending" if err.transient else "failed"
        return ItemOutcome(item, status, kind=err.kind, reason=err.reason, attempts=err.attempts)


def page_article(item: PendingItem, response: Response) -> Article:
    """Extract the page's main text (trafilatura, as ``read_html``); the feed's metadata wins."""
    content_type = response.headers.get("content-type", "")
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime and mime not in HTML_TYPES:
        raise FetchError(item.url, "not-html", f"not an HTML page (content-type {mime})")
    if not mime and not response.body.lstrip()[:1] == b"<":
        raise FetchError(item.url, "not-html", "not an HTML page (no content-type, no markup)")
    html = decode_page(response.body, content_type)
    try:
        results = list(read_html(html, item.url))
    except Exception as exc:  # a page that breaks the extractor must not stop the watch
        raise FetchError(
            item.url, "no-article", f"cannot extract the page ({exc.__class__.__name__}: {exc})"
        ) from None
    if not results or isinstance(results[0], InputError):
        problem = results[0].problem if results and isinstance(results[0], InputError) else "nothing read"
        raise FetchError(item.url, "no-article", problem)
    article = results[0]
    article.id = article_id(item.url)
    article.url = item.url
    article.origin = item.url
    article.title = item.title or article.title
    article.outlet = item.outlet or article.outlet
    if item.published is not None:
        article.published = item.published.date()
    return article


def decode_page(body: bytes, content_type: str) -> str:
    """Text of a page: the charset the server names, else trafilatura's guess (meta tags, UTF-8...)."""
    from trafilatura.utils import decode_file

    for param in content_type.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            try:
                return body.decode(value.strip().strip("\"'"), errors="replace")
            except LookupError:
                break
    return decode_file(body)
