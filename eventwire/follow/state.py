"""Feed state in the store: the ``feeds``, ``feed_items`` and ``fetch_errors`` tables.

A feed's new items are written as ``pending`` in the same transaction as the feed's
new validators, so a 304 later can never hide an item that was not handled; an item
becomes ``stored`` in the transaction that stores its article (``Store.write_batch``'s
``also``). A restart therefore neither re-fetches a stored item nor misses one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb

from eventwire.ingest.feeds import FeedItem, FeedSource, ParsedFeed
from eventwire.store.database import Store

MAX_ATTEMPTS = 3  # tries for an item page that keeps failing transiently, across polls


def utcnow() -> dt.datetime:
    """Naive UTC, as every TIMESTAMP in the store."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclass(slots=True)
class Feed:
    url: str
    fetch_url: str
    kind: str | None = None
    title: str | None = None
    outlet: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    status: str = "new"
    failures: int = 0
    next_poll_at: dt.datetime | None = None

    @property
    def name(self) -> str:
        return self.outlet or self.title or self.url


@dataclass(slots=True)
class PendingItem:
    feed_url: str
    key: str
    url: str
    title: str | None
    published: dt.datetime | None
    outlet: str | None
    attempts: int = 0


@dataclass(slots=True)
class ItemOutcome:
    """What became of one item: stored, duplicate (of ``article_id``), failed, or pending again."""

    item: PendingItem
    status: str
    article_id: str | None = None
    kind: str | None = None  # error code and reason when it failed this time
    reason: str | None = None
    attempts: int = 1


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


class FeedState:
    """Reads and writes the feed tables of one open store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.con = store.con

    def register(self, sources: Sequence[FeedSource]) -> None:
        """Add feeds not yet known; an outlet named in the sources list replaces the stored one."""
        now = utcnow()
        for source in sources:
            self.con.execute(
                "INSERT INTO feeds (url, fetch_url, outlet, status, failures, added_at) "
                "VALUES (?, ?, ?, 'new', 0, ?) "
                "ON CONFLICT (url) DO UPDATE SET outlet = coalesce(excluded.outlet, feeds.outlet)",
                [source.url, source.url, source.outlet, now],
            )

    def feeds(self, urls: Sequence[str] | None = None) -> list[Feed]:
        """The feeds named (all when ``urls`` is None), in the order given."""
        rows = self.con.execute(
            "SELECT url, fetch_url, kind, title, outlet, etag, last_modified, status, failures, "
            "next_poll_at FROM feeds ORDER BY url"
        ).fetchall()
        found = {row[0]: Feed(*row) for row in rows}
        return list(found.values()) if urls is None else [found[u] for u in urls if u in found]

    def record_unchanged(self, feed: Feed, next_poll: dt.datetime) -> None:
        """A 304: nothing new, the validators still hold."""
        self.con.execute(
            "UPDATE feeds SET status = 'not-modified', failures = 0, last_polled_at = ?, last_ok_at = ?, "
            "next_poll_at = ? WHERE url = ?",
            [utcnow(), utcnow(), next_poll, feed.url],
        )

    def record_fetched(
        self, feed: Feed, parsed: ParsedFeed, items: Sequence[FeedItem],
        validators: tuple[str | None, str | None], moved_to: str | None, next_poll: dt.datetime,
    ) -> int:  # fmt: skip
        """New items as pending and the feed's new validators, in one transaction; how many were new."""
        now = utcnow()
        with transaction(self.con):
            before = self._item_count(feed.url)
            if items:
                self.con.executemany(
                    "INSERT OR IGNORE INTO feed_items (feed_url, item_key, url, title, published_at, outlet, "
                    "status, attempts, first_seen) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?)",
                    [[feed.url, i.key, i.url, i.title, i.published, i.outlet, now] for i in items],
                )
            self.con.execute(
                "UPDATE feeds SET kind = ?, title = ?, etag = ?, last_modified = ?, status = 'ok', "
                "failures = 0, fetch_url = coalesce(?, fetch_url), last_polled_at = ?, last_ok_at = ?, "
                "next_poll_at = ? WHERE url = ?",
                [parsed.kind, parsed.title, *validators, moved_to, now, now, next_poll, feed.url],
            )
            return self._item_count(feed.url) - before

    def record_failure(
        self,
        feed: Feed,
        kind: str,
        reason: str,
        attempts: int,
        next_poll: dt.datetime | None,
        gone: bool = False,
    ) -> None:
        """A failed poll: logged in fetch_errors, counted for backoff; a 410 stops polling."""
        now = utcnow()
        with transaction(self.con):
            log_error(self.con, now, feed.url, feed.fetch_url, kind, reason, attempts)
            self.con.execute(
                "UPDATE feeds SET status = ?, failures = failures + 1, last_polled_at = ?, next_poll_at = ? "
                "WHERE url = ?",
                ["gone" if gone else "failed", now, None if gone else next_poll, feed.url],
            )

    def log(self, feed_url: str | None, url: str, kind: str, reason: str, attempts: int = 1) -> None:
        log_error(self.con, utcnow(), feed_url, url, kind, reason, attempts)

    def pending(self, feed_urls: Sequence[str], per_feed: int, untried: bool = False) -> list[PendingItem]:
        """Items still to fetch, newest first, at most ``per_feed`` of each feed (``untried``: only
        those never tried, not those waiting to be tried again after a transient failure)."""
        rows = self.con.execute(
            "SELECT feed_url, item_key, url, title, published_at, outlet, attempts FROM ("
            "  SELECT *, row_number() OVER (PARTITION BY feed_url ORDER BY published_at DESC NULLS LAST, "
            "  first_seen, item_key) AS n FROM feed_items "
            "  WHERE status = 'pending' AND list_contains(?, feed_url) AND (NOT ? OR attempts = 0)"
            ") WHERE n <= ? ORDER BY feed_url, n",
            [list(feed_urls), untried, per_feed],
        ).fetchall()
        return [PendingItem(*row) for row in rows]

    def item_counts(self) -> dict[str, int]:
        """Items each feed has listed so far (the live display's "seen" before a full poll)."""
        rows = self.con.execute("SELECT feed_url, count(*) FROM feed_items GROUP BY ALL").fetchall()
        return {row[0]: int(row[1]) for row in rows}

    def stored_ids(self, article_ids: Sequence[str]) -> set[str]:
        rows = self.con.execute(
            "SELECT id FROM articles WHERE list_contains(?, id)", [list(article_ids)]
        ).fetchall()
        return {row[0] for row in rows}

    def ids_by_hash(self, hashes: Sequence[str]) -> dict[str, str]:
        rows = self.con.execute(
            "SELECT content_hash, id FROM articles WHERE list_contains(?, content_hash)", [list(hashes)]
        ).fetchall()
        return dict(rows)

    def _item_count(self, feed_url: str) -> int:
        row = self.con.execute("SELECT count(*) FROM feed_items WHERE feed_url = ?", [feed_url]).fetchone()
        return int(row[0]) if row else 0


def finish_items(con: duckdb.DuckDBPyConnection, outcomes: Sequence[ItemOutcome]) -> None:
    """Item statuses and their errors; run inside the transaction that stores the articles."""
    now = utcnow()
    for out in outcomes:
        item = out.item
        status = out.status
        attempts = item.attempts + 1
        if status == "pending" and attempts >= MAX_ATTEMPTS:
            status = "failed"
        con.execute(
            "UPDATE feed_items SET status = ?, attempts = ?, article_id = coalesce(?, article_id), "
            "done_at = CASE WHEN ? = 'pending' THEN NULL ELSE ? END WHERE feed_url = ? AND item_key = ?",
            [status, attempts, out.article_id, status, now, item.feed_url, item.key],
        )
        if out.kind:
            log_error(con, now, item.feed_url, item.url, out.kind, out.reason or out.kind, out.attempts)


def log_error(
    con: duckdb.DuckDBPyConnection, at: dt.datetime, feed_url: str | None, url: str, kind: str, reason: str,
    attempts: int,
) -> None:  # fmt: skip
    con.execute(
        "INSERT INTO fetch_errors VALUES (?, ?, ?, ?, ?, ?)", [at, feed_url, url, kind, reason, attempts]
    )


def status_tables(
    store: Store, errors: int = 20
) -> tuple[tuple[list[str], list[tuple]], tuple[list[str], list[tuple]]]:
    """What ``watch --status`` shows: one row per feed, then the latest fetch errors (none in a
    store that has never been watched, whose tables are created on its first write)."""
    _, found = store.query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'fetch_errors'")
    if not found[0][0]:
        return ([], []), ([], [])
    counts = ", ".join(
        f"count(*) FILTER (WHERE i.status = '{status}') AS {status}"
        for status in ("stored", "duplicate", "pending", "failed")
    )
    feeds = store.query(
        "SELECT coalesce(f.outlet, f.title, f.url) AS feed, f.kind, f.status, f.failures, "
        "strftime(f.last_polled_at, '%Y-%m-%d %H:%M') AS polled, "
        f"strftime(f.next_poll_at, '%Y-%m-%d %H:%M') AS next_poll, count(i.item_key) AS items, {counts}, "
        "f.url FROM feeds f LEFT JOIN feed_items i ON i.feed_url = f.url GROUP BY ALL ORDER BY f.url"
    )
    recent = store.query(
        "SELECT strftime(e.failed_at, '%Y-%m-%d %H:%M:%S') AS failed_at, e.kind, e.url, e.reason, e.attempts "
        "FROM fetch_errors e ORDER BY e.failed_at DESC LIMIT ?",
        [errors],
    )
    return feeds, recent
