"""``eventwire watch``: poll feeds, fetch their new items, store them through the normal ingest.

One round: every due feed is fetched (conditional GET, in parallel threads), its new
items are recorded as pending with the feed's validators; then pending pages are
fetched in parallel and, a batch at a time, analysed by the pipeline and stored by
``Store.write_batch`` with their items marked done in the same transaction. The store
is opened only for short reads and writes, never while fetching or analysing, so
``watch --status``, ``query`` and ``serve`` can read it meanwhile.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections import defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import ConfigError
from eventwire.follow.display import Display, FeedStats
from eventwire.follow.http import Fetcher, FetchError, FetchPolicy, Response
from eventwire.follow.pages import article_id, fetch_article
from eventwire.follow.state import Feed, FeedState, ItemOutcome, PendingItem, finish_items, utcnow
from eventwire.ingest.feeds import FeedItem, FeedSource, ParsedFeed, parse_feed
from eventwire.models import Analysis, Article
from eventwire.pipeline import Pipeline
from eventwire.store.database import Store

MAX_BACKOFF = dt.timedelta(days=1)
MAX_CHILD_SITEMAPS = 20
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in ``30s``, ``15m``, ``1h``, ``1d`` or a bare number of seconds."""
    match = _INTERVAL.match(text.lower())
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f"{text!r} is not an interval such as 30s, 15m, 1h")
    return float(match.group(1)) * _UNITS[match.group(2) or "s"]


@dataclass(frozen=True, slots=True)
class WatchOptions:
    every: float = 900.0  # seconds between polls of one feed
    max_items: int = 50  # pages fetched per feed per round (the rest wait for the next round)
    workers: int = 8  # fetches in flight in all (per host: FetchPolicy.per_host)
    policy: FetchPolicy = field(default_factory=FetchPolicy)


@dataclass(slots=True)
class RoundReport:
    stored: int = 0
    errors: int = 0
    untried: bool = False  # pending items not tried yet (the per-feed cap was hit)

    def add(self, other: RoundReport) -> None:
        self.stored += other.stored
        self.errors += other.errors


FeedResult = tuple[Response, ParsedFeed, list[tuple[str, str]]] | FetchError


class Watcher:
    """Follows feeds into one store; the pipeline is loaded once and kept between rounds."""

    def __init__(self, db: str | Path, pipeline: Pipeline, display: Display, options: WatchOptions) -> None:
        self.db, self.pipeline, self.display, self.options = db, pipeline, display, options
        self.stats: dict[str, FeedStats] = {}
        self.stop = threading.Event()  # set it (from any thread) to end ``run`` after the current round

    def run(self, sources: Sequence[FeedSource], once: bool = False) -> RoundReport:
        """Poll until ``stop`` is set or interrupted (``once``: every feed now, what is new, return)."""
        total = RoundReport()
        pool = ThreadPoolExecutor(self.options.workers, thread_name_prefix="eventwire-fetch")
        try:
            with Fetcher(self.options.policy) as fetcher:
                urls = self._register(sources)
                while True:
                    report = self.round(fetcher, pool, urls, force=once)
                    total.add(report)
                    while once and report.untried:
                        report = self.round(fetcher, pool, urls, force=False, feeds_too=False)
                        total.add(report)
                    if once or self._sleep(0.0 if report.untried else self._until_next(urls)):
                        return total
        finally:  # on Ctrl-C, do not wait for the queued fetches
            pool.shutdown(wait=False, cancel_futures=True)

    def round(
        self, fetcher: Fetcher, pool: ThreadPoolExecutor, urls: list[str] | None, force: bool,
        feeds_too: bool = True,
    ) -> RoundReport:  # fmt: skip
        """Poll the due feeds (all when ``force``), then fetch and store one share of pending items."""
        report = RoundReport()
        with self._state() as state:
            feeds = [f for f in state.feeds(urls) if f.status != "gone"]
            counts = state.item_counts() if any(f.url not in self.stats for f in feeds) else {}
        for feed in feeds:
            stats = FeedStats(feed.name, seen=counts.get(feed.url, 0), next_poll=feed.next_poll_at)
            self.stats.setdefault(feed.url, stats)
        if feeds_too:
            now = utcnow()
            due = [f for f in feeds if force or f.next_poll_at is None or f.next_poll_at <= now]
            futures = {pool.submit(self._fetch_feed, fetcher, f): f for f in due}
            for future in as_completed(futures):
                with self._state() as state:
                    report.errors += self._record_feed(state, futures[future], future.result())
        urls_now = [f.url for f in feeds]
        with self._state() as state:
            pending = state.pending(urls_now, self.options.max_items, untried=not feeds_too)
            stored = state.stored_ids([article_id(item.url) for item in pending])
        self._fetch_items(fetcher, pool, pending, stored, report)
        with self._state() as state:
            report.untried = bool(state.pending(urls_now, 1, untried=True))
        return report

    @contextmanager
    def _state(self) -> Iterator[FeedState]:
        """The store, open only for a short read or write: between them ``serve``, ``query`` and
        ``watch --status`` can open it."""
        with Store(self.db) as store:
            yield FeedState(store)

    # -- feeds ---------------------------------------------------------------------------

    def _register(self, sources: Sequence[FeedSource]) -> list[str] | None:
        """The feeds to follow: those given (added to the store), else every one stored."""
        with self._state() as state:
            state.register(sources)
            if not sources and not state.feeds():
                raise ConfigError(f"no feeds to watch: give feed URLs or a file of them ({self.db} has none)")
        return list(dict.fromkeys(s.url for s in sources)) if sources else None

    def _fetch_feed(self, fetcher: Fetcher, feed: Feed) -> FeedResult:
        """Runs in a worker thread: the feed's response, parsed, and the (kind, reason) of its
        problems. A sitemap index is fetched whole each time: its sitemaps change beneath it."""
        index = feed.kind == "sitemapindex"
        try:
            response = fetcher.get(
                feed.fetch_url, *((None, None) if index else (feed.etag, feed.last_modified))
            )
        except FetchError as err:
            return err
        if response.status == 304:
            return response, ParsedFeed(kind=feed.kind or "unknown"), []
        parsed = parse_feed(response.body, response.final_url, response.headers)
        problems = [("malformed-feed", parsed.problem)] if parsed.problem else []
        for child in parsed.sitemaps[:MAX_CHILD_SITEMAPS]:
            try:
                got = fetcher.get(child)
            except FetchError as err:
                problems.append((err.kind, f"sitemap {child}: {err.reason}"))
                continue
            sub = parse_feed(got.body, got.final_url, got.headers)
            parsed.items.extend(sub.items)
            problems.extend([("malformed-feed", f"sitemap {child}: {sub.problem}")] if sub.problem else [])
        return response, parsed, problems

    def _record_feed(self, state: FeedState, feed: Feed, result: FeedResult) -> int:
        """Store what one poll gave; the number of errors it had."""
        stats = self.stats[feed.url]
        if isinstance(result, FetchError):
            self._record_failure(state, feed, result)
            return 1
        response, parsed, problems = result
        next_poll = utcnow() + dt.timedelta(seconds=self.options.every)
        stats.next_poll = next_poll
        if response.status == 304:
            state.record_unchanged(feed, next_poll)
            stats.status = "not modified"
            self.display.update(self.stats, f"feed {feed.url}: not modified (304)")
            return 0
        if parsed.problem and not parsed.items:
            state.record_failure(feed, "malformed-feed", parsed.problem, 1, next_poll)
            stats.status, stats.failed = "failed", stats.failed + 1
            self.display.update(self.stats, f"feed {feed.url}: {parsed.problem}")
            return 1
        items = [_with_outlet(item, feed.outlet) for item in parsed.items]
        validators = (response.headers.get("etag"), response.headers.get("last-modified"))
        new = state.record_fetched(feed, parsed, items, validators, response.moved_to, next_poll)
        for kind, problem in problems:
            state.log(feed.url, feed.fetch_url, kind, f"{problem} ({len(items)} items read anyway)")
        stats.name = feed.outlet or parsed.title or feed.url
        stats.status, stats.seen = "ok", len(items)
        moved = f", moved to {response.moved_to}" if response.moved_to else ""
        self.display.update(self.stats, f"feed {feed.url}: {len(items)} items, {new} new{moved}")
        return len(problems)

    def _record_failure(self, state: FeedState, feed: Feed, error: FetchError) -> None:
        """A failed poll: back off (doubling per failure in a row); a 410 ends polling."""
        stats = self.stats[feed.url]
        gone = error.status == 410
        wait = self.options.every * 2 ** min(feed.failures, 10)
        next_poll = utcnow() + min(dt.timedelta(seconds=wait), MAX_BACKOFF)
        state.record_failure(feed, error.kind, error.reason, error.attempts, next_poll, gone=gone)
        stats.status, stats.failed = ("gone" if gone else "failed"), stats.failed + 1
        stats.next_poll = None if gone else next_poll
        line = f"feed {feed.url}: {error.reason}" + (" (no longer polled)" if gone else "")
        self.display.update(self.stats, line)

    # -- items ---------------------------------------------------------------------------

    def _fetch_items(
        self, fetcher: Fetcher, pool: ThreadPoolExecutor, pending: list[PendingItem], stored: set[str],
        report: RoundReport,
    ) -> None:  # fmt: skip
        """Fetch each pending page once (one fetch per URL), store them a batch at a time."""
        by_id: dict[str, list[PendingItem]] = defaultdict(list)
        for item in pending:
            by_id[article_id(item.url)].append(item)
        done = [ItemOutcome(i, "duplicate", aid) for aid in stored & set(by_id) for i in by_id.pop(aid)]
        futures: dict[Future[Article | ItemOutcome], list[PendingItem]] = {
            pool.submit(fetch_article, fetcher, items[0]): items for items in by_id.values()
        }
        articles: list[tuple[Article, list[PendingItem]]] = []
        for future in as_completed(futures):
            result, items = future.result(), futures[future]
            if isinstance(result, ItemOutcome):
                done.extend(
                    ItemOutcome(i, result.status, None, result.kind, result.reason, result.attempts)
                    for i in items
                )
            else:
                articles.append((result, items))
            if len(articles) >= self.pipeline.config.batch_size:
                self._write(articles, done, report)
                articles, done = [], []
        if articles or done:
            self._write(articles, done, report)

    def _write(
        self, articles: list[tuple[Article, list[PendingItem]]], outcomes: list[ItemOutcome],
        report: RoundReport,
    ) -> None:  # fmt: skip
        """Analyse the new articles and store them with their items' outcomes in one transaction."""
        with self._state() as state:
            known = state.ids_by_hash([a.content_hash for a, _ in articles])
        fresh: list[Article] = []
        for article, items in articles:
            first = known.get(article.content_hash)
            if first is None:
                known[article.content_hash] = article.id
                fresh.append(article)
            outcomes.append(ItemOutcome(items[0], "duplicate" if first else "stored", first or article.id))
            outcomes.extend(ItemOutcome(i, "duplicate", first or article.id) for i in items[1:])
        analyses = self._analyze(fresh, outcomes, {a.id: items for a, items in articles})
        with self._state() as state:
            state.store.write_batch(analyses, also=lambda con: finish_items(con, outcomes))
        self._count(outcomes, report)

    def _analyze(
        self, fresh: list[Article], outcomes: list[ItemOutcome], items: dict[str, list[PendingItem]]
    ) -> list[Analysis]:
        """The pipeline's analyses; an article that breaks it fails alone, the batch goes on."""
        try:
            return self.pipeline.analyze_batch(fresh)
        except Exception:
            analyses = []
            for article in fresh:
                try:
                    analyses.extend(self.pipeline.analyze_batch([article]))
                except Exception as exc:
                    for out in outcomes:
                        if out.item in items[article.id]:
                            out.status, out.article_id, out.kind = "failed", None, "analysis-error"
                            out.reason = f"the pipeline failed on this page ({exc.__class__.__name__}: {exc})"
            return analyses

    def _count(self, outcomes: list[ItemOutcome], report: RoundReport) -> None:
        per_feed: dict[str, list[ItemOutcome]] = defaultdict(list)
        for out in outcomes:
            per_feed[out.item.feed_url].append(out)
        for feed_url, outs in per_feed.items():
            stats = self.stats[feed_url]
            new = sum(o.status == "stored" for o in outs)
            failed = [o for o in outs if o.kind]
            stats.new += new
            stats.failed += len(failed)
            report.stored += new
            report.errors += len(failed)
            line = f"stored {new} new articles from {feed_url}" + (
                f", {len(failed)} failed" if failed else ""
            )
            self.display.update(self.stats, line)
            for out in failed:
                self.display.update(self.stats, f"item {out.item.url}: {out.reason}")

    # -- waiting -------------------------------------------------------------------------

    def _until_next(self, urls: list[str] | None) -> float:
        with self._state() as state:
            feeds = [f for f in state.feeds(urls) if f.status != "gone" and f.next_poll_at]
        if not feeds:
            return self.options.every
        soonest = min(f.next_poll_at for f in feeds if f.next_poll_at)
        return max(1.0, (soonest - utcnow()).total_seconds())

    def _sleep(self, seconds: float) -> bool:
        """Wait for the next round; True when told to stop meanwhile."""
        self.display.update(self.stats, f"next poll in {seconds:.0f}s" if seconds >= 1 else None)
        return self.stop.wait(seconds)


def _with_outlet(item: FeedItem, outlet: str | None) -> FeedItem:
    """The outlet named in the sources list wins over the feed's own name."""
    if outlet:
        item.outlet = outlet
    return item
