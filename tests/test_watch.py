"""``eventwire watch`` end to end: a real HTTP server on 127.0.0.1, the real pipeline and store."""

from __future__ import annotations

import datetime as dt
import io
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.follow.display import FeedStats, LiveDisplay, LogDisplay
from eventwire.follow.http import FetchPolicy
from eventwire.follow.watch import Watcher, WatchOptions, parse_interval
from eventwire.ingest.feeds import FeedSource
from eventwire.pipeline import Pipeline
from eventwire.store.database import Store
from tests.feedsite import Route, Site, add_articles, atom, news_sitemap, rfc822, rss, serve, wait_for

# Loopback answers well inside 2 s even on a loaded CI machine; 0.5 s expired there and retried a 404.
POLICY = FetchPolicy(timeout=2.0, retries=1, backoff=0.01, delay=0.0, max_bytes=30_000)
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
RSS = "application/rss+xml"


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    site.routes["/robots.txt"] = Route(ROBOTS, content_type="text/plain")
    yield from serve(site)


def run_once(db: Path, pipeline: Pipeline, sources: list[FeedSource], **options: object) -> list[str]:
    """One ``watch --once``; the log lines it wrote."""
    lines: list[str] = []
    opts = WatchOptions(**{"policy": POLICY, **options})  # type: ignore[arg-type]
    Watcher(db, pipeline, LogDisplay(lines.append), opts).run(sources, once=True)
    return lines


def rows(db: Path, sql: str) -> list[tuple]:
    with Store(db) as store:
        return store.query(sql)[1]


def readable(db: Path) -> bool:
    """Whether another process could open the store now (watch holds it only while writing)."""
    try:
        duckdb.connect(str(db), read_only=True).close()
    except duckdb.Error:
        return False
    return True


def serve_feeds(site: Site) -> list[FeedSource]:
    """An RSS feed (ETag), an Atom feed (Last-Modified) and a news sitemap that repeats one link."""
    urls = add_articles(site, range(5))
    site.routes["/rss.xml"] = Route(
        rss([(u, f"Wire headline {i}", rfc822(i + 1)) for i, u in enumerate(urls[:3])]),
        content_type=RSS, etag='"r1"',
    )  # fmt: skip
    site.routes["/atom.xml"] = Route(
        atom([(urls[3], "Atom headline 3", "2024-05-04T09:30:00Z")]),
        content_type="application/atom+xml", last_modified="Sat, 04 May 2024 09:30:00 GMT",
    )  # fmt: skip
    site.routes["/sitemap.xml"] = Route(
        news_sitemap([(urls[4], "Sitemap headline 4", "2024-05-05T09:30:00Z"), (urls[0], "Again", "")]),
        content_type="application/xml",
    )  # fmt: skip
    return [
        FeedSource(site.url("/rss.xml"), "Test Wire"), FeedSource(site.url("/atom.xml")),
        FeedSource(site.url("/sitemap.xml")),
    ]  # fmt: skip


def test_watch_once_twice_stores_each_article_once(site: Site, tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "ew.duckdb"
    sources = serve_feeds(site)
    run_once(db, pipeline, sources)
    run_once(db, pipeline, sources)

    assert rows(db, "SELECT count(*), count(DISTINCT url), count(DISTINCT content_hash) FROM articles") == [
        (5, 5, 5)
    ]
    for i in range(5):
        assert len(site.hits(f"/news/a{i}.html")) == 1, f"page {i} fetched again"
    # conditional requests: ETag (RSS) and Last-Modified (Atom) come back as 304s
    assert site.statuses("/rss.xml") == [200, 304]
    assert site.hits("/rss.xml")[1].if_none_match == '"r1"'
    assert site.statuses("/atom.xml") == [200, 304]
    assert site.hits("/atom.xml")[1].if_modified_since == "Sat, 04 May 2024 09:30:00 GMT"
    # the feed's metadata, the page's text
    by_url = {r[0]: r[1:] for r in rows(db, "SELECT url, title, published, outlet, text FROM articles")}
    title, published, outlet, text = by_url[site.url("/news/a1.html")]
    assert (title, published, outlet) == ("Wire headline 1", dt.date(2024, 5, 2), "Test Wire")
    assert "accused rival fighters" in text and "Copyright" not in text
    assert by_url[site.url("/news/a3.html")][2] == "Atom Desk"
    assert by_url[site.url("/news/a4.html")][:3] == (
        "Sitemap headline 4",
        dt.date(2024, 5, 5),
        "Sitemap Times",
    )
    # stored through the normal ingest: extractions and story clusters are there
    assert rows(db, "SELECT count(*) > 0 FROM entities") == [(True,)]
    assert rows(db, "SELECT count(*) FROM articles WHERE story_id IS NULL") == [(0,)]
    statuses = rows(db, "SELECT status, count(*) FROM feed_items GROUP BY ALL ORDER BY 1")
    assert statuses == [("duplicate", 1), ("stored", 5)]  # a0 listed by the RSS feed and the sitemap


def test_new_items_arrive_between_polls(site: Site, tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "ew.duckdb"
    urls = add_articles(site, range(3))
    site.routes["/rss.xml"] = Route(rss([(urls[0], "First", rfc822(1))]), content_type=RSS, etag='"v1"')
    sources = [FeedSource(site.url("/rss.xml"))]
    run_once(db, pipeline, sources)
    site.routes["/rss.xml"] = Route(
        rss([(u, f"Item {i}", rfc822(i + 1)) for i, u in enumerate(urls)]), content_type=RSS, etag='"v2"'
    )
    lines = run_once(db, pipeline, sources)
    assert any("3 items, 2 new" in line for line in lines)
    assert site.statuses("/rss.xml") == [200, 200]
    assert [len(site.hits(f"/news/a{i}.html")) for i in range(3)] == [1, 1, 1]
    assert rows(db, "SELECT count(*) FROM articles") == [(3,)]
    assert rows(db, "SELECT etag FROM feeds") == [('"v2"',)]


def serve_trouble(site: Site) -> list[FeedSource]:
    """One good feed whose items fail in every way, and feeds that fail themselves."""
    [good] = add_articles(site, range(1))
    site.routes["/news/report.pdf"] = Route(b"%PDF-1.4 ...", content_type="application/pdf")
    site.routes["/news/huge.html"] = Route(b"<html><body>" + b"<p>words</p>" * 5000 + b"</body></html>")
    site.routes["/private/leak.html"] = Route(b"<html>secret</html>")
    site.routes["/news/busy.html"] = Route(status=500)
    site.routes["/news/loop.html"] = Route(status=302, headers={"Location": "/news/loop.html"})
    items = [good, *(site.url(p) for p in ("/news/report.pdf", "/news/huge.html", "/private/leak.html",
             "/news/busy.html", "/news/loop.html", "/news/missing.html"))]  # fmt: skip
    site.routes["/rss.xml"] = Route(rss([(u, f"Item {i}", rfc822(i + 1)) for i, u in enumerate(items)]))
    site.routes["/down.xml"] = Route(status=500)
    site.routes["/slow.xml"] = Route(rss([]), delay=2.5)
    site.routes["/broken.xml"] = Route(b"<rss><channel><title>Broken", content_type=RSS)
    site.routes["/loop-a.xml"] = Route(status=302, headers={"Location": "/loop-b.xml"})
    site.routes["/loop-b.xml"] = Route(status=302, headers={"Location": "/loop-a.xml"})
    site.routes["/gone.xml"] = Route(status=410)
    paths = ["/rss.xml", "/down.xml", "/slow.xml", "/broken.xml", "/loop-a.xml", "/gone.xml"]
    return [FeedSource(site.url(p)) for p in paths]


def test_failures_are_recorded_and_the_rest_goes_on(site: Site, tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "ew.duckdb"
    sources = serve_trouble(site)
    run_once(db, pipeline, sources)

    assert rows(db, "SELECT url FROM articles") == [(site.url("/news/a0.html"),)]
    errors = dict(rows(db, "SELECT kind, count(*) FROM fetch_errors GROUP BY ALL"))
    expected = {"http-500", "timeout", "malformed-feed", "redirect-loop", "http-410", "not-html",
                "too-large", "robots", "http-404"}  # fmt: skip
    assert expected <= set(errors), errors
    assert site.hits("/private/leak.html") == []  # robots.txt said no
    assert site.statuses("/down.xml") == [500, 500]  # one retry on a 5xx
    assert site.statuses("/news/missing.html") == [404]  # none on a 4xx
    items = dict(rows(db, "SELECT url, status FROM feed_items"))
    assert items[site.url("/news/busy.html")] == "pending"  # transient: tried again next poll
    assert items[site.url("/news/report.pdf")] == "failed"
    feeds = dict(rows(db, "SELECT url, status FROM feeds"))
    assert feeds[site.url("/gone.xml")] == "gone" and feeds[site.url("/down.xml")] == "failed"

    run_once(db, pipeline, sources)  # a 410 is never polled again; the transient item is retried
    assert site.statuses("/gone.xml") == [410]
    assert len(site.hits("/news/busy.html")) == 4
    result = CliRunner().invoke(app, ["watch", "--status", "--db", str(db)])
    assert result.exit_code == 0, result.output
    for word in ("gone", "redirect-loop", "robots", "not-html", "too-large", "latest fetch errors"):
        assert word in result.output


def test_a_permanent_redirect_moves_the_feed(site: Site, tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "ew.duckdb"
    urls = add_articles(site, range(1))
    site.routes["/old.xml"] = Route(status=301, headers={"Location": "/rss.xml"})
    site.routes["/rss.xml"] = Route(rss([(urls[0], "Moved", rfc822(1))]), content_type=RSS, etag='"m"')
    sources = [FeedSource(site.url("/old.xml"))]
    run_once(db, pipeline, sources)
    run_once(db, pipeline, sources)
    assert rows(db, "SELECT url, fetch_url FROM feeds") == [(site.url("/old.xml"), site.url("/rss.xml"))]
    assert site.statuses("/old.xml") == [301]
    assert site.statuses("/rss.xml") == [200, 304]


def test_a_sitemap_index_is_followed_into_its_sitemaps(
    site: Site, tmp_path: Path, pipeline: Pipeline
) -> None:
    db = tmp_path / "ew.duckdb"
    urls = add_articles(site, range(2))
    site.routes["/news-1.xml"] = Route(news_sitemap([(urls[0], "From sitemap 1", "2024-05-01")]))
    index = "<sitemap><loc>/news-1.xml</loc></sitemap><sitemap><loc>/news-2.xml</loc></sitemap>"
    site.routes["/index.xml"] = Route(
        f"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{index}</sitemapindex>".encode(),
        content_type="application/xml", etag='"i"',
    )  # fmt: skip
    run_once(db, pipeline, [FeedSource(site.url("/index.xml"))])
    site.routes["/news-2.xml"] = Route(news_sitemap([(urls[1], "From sitemap 2", "2024-05-02")]))
    run_once(db, pipeline, [FeedSource(site.url("/index.xml"))])
    assert site.statuses("/index.xml") == [200, 200]  # fetched whole: its sitemaps change beneath it
    assert rows(db, "SELECT title FROM articles ORDER BY title") == [("From sitemap 1",), ("From sitemap 2",)]
    assert rows(db, "SELECT kind FROM fetch_errors") == [("http-404",)]  # news-2 before it existed


def test_watch_keeps_polling_until_stopped(site: Site, tmp_path: Path, pipeline: Pipeline) -> None:
    urls = add_articles(site, range(1))
    site.routes["/rss.xml"] = Route(rss([(urls[0], "One", rfc822(1))]), content_type=RSS, etag='"e"')
    options = WatchOptions(every=0.2, policy=POLICY)
    watcher = Watcher(tmp_path / "ew.duckdb", pipeline, LogDisplay(lambda line: None), options)
    thread = threading.Thread(target=watcher.run, args=([FeedSource(site.url("/rss.xml"))],))
    thread.start()
    try:
        assert wait_for(lambda: site.statuses("/rss.xml")[:3] == [200, 304, 304], timeout=15)
    finally:
        watcher.stop.set()
        thread.join(timeout=15)
    assert not thread.is_alive()
    assert watcher.stats[site.url("/rss.xml")].new == 1


def test_cli_watch_once_then_status(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "ew.duckdb"
    urls = add_articles(site, range(2))
    site.routes["/rss.xml"] = Route(rss([(u, f"T{i}", rfc822(i + 1)) for i, u in enumerate(urls)]))
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"# desks\n{site.url('/rss.xml')}  Listing Outlet\n")
    args = ["watch", "--db", str(db), str(listing), "--once", "--model", "sm", "--delay", "0"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "stored 2 new articles, 0 fetch errors" in result.stdout
    status = CliRunner().invoke(app, ["watch", "--status", "--db", str(db)])
    assert "Listing Outlet" in status.output and "no fetch errors" in status.output
    again = CliRunner().invoke(app, ["watch", "--db", str(db), "--once", "--model", "sm", "--delay", "0"])
    assert "stored 0 new articles" in again.stdout  # no SOURCES: the feeds already in the store


def test_live_display_shows_each_feed() -> None:
    from rich.console import Console

    out = io.StringIO()
    display = LiveDisplay(Console(file=out, force_terminal=True, width=120))
    stats = {"u": FeedStats("Test Wire", "ok", seen=12, new=3, failed=1, next_poll=dt.datetime(2024, 5, 1))}
    display.update(stats, "stored 3 new articles from u")
    display.close()
    text = out.getvalue()
    for word in ("Test Wire", "seen", "next poll", "12", "stored 3 new articles"):
        assert word in text


def test_intervals() -> None:
    assert [parse_interval(t) for t in ("30s", "15m", "1h", "90")] == [30, 900, 3600, 90]
    with pytest.raises(Exception, match="not an interval"):
        parse_interval("soon")


@pytest.mark.slow
def test_kill_during_a_poll_loses_and_duplicates_nothing(site: Site, tmp_path: Path) -> None:
    """SIGKILL ``watch`` after two articles are stored, restart it: all stored once, none re-fetched."""
    db = tmp_path / "ew.duckdb"
    urls = add_articles(site, range(8), delay=0.05)
    site.routes["/rss.xml"] = Route(
        rss([(u, f"T{i}", rfc822(i + 1)) for i, u in enumerate(urls)]), content_type=RSS, etag='"k"'
    )
    command = [
        sys.executable, "-m", "eventwire", "watch", "--db", str(db), site.url("/rss.xml"), "--once",
        "--model", "sm", "--batch-size", "1", "--delay", "0.25", "--retries", "0",
    ]  # fmt: skip
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    stored = 0
    for line in proc.stderr:
        stored += "stored 1 new articles" in line
        if stored == 1:  # the file is free between writes: another process can read it mid-poll
            assert wait_for(lambda: readable(db), 5)
        if stored == 2:
            break
    else:
        pytest.fail(f"watch ended before it could be killed (exit {proc.wait()})")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    before = {row[0] for row in rows(db, "SELECT url FROM articles")}
    assert 2 <= len(before) < 8
    mark = len(site.log)

    subprocess.run(command, capture_output=True, text=True, check=True, timeout=120)
    after = site.log[mark:]
    assert [hit.status for hit in after if hit.path == "/rss.xml"] == [304]  # the items were kept
    refetched = {site.url(hit.path) for hit in after} & before
    assert refetched == set()
    assert rows(db, "SELECT count(*), count(DISTINCT url), count(DISTINCT content_hash) FROM articles") == [
        (8, 8, 8)
    ]
    assert rows(db, "SELECT status, count(*) FROM feed_items GROUP BY ALL") == [("stored", 8)]
    orphans = "SELECT count(*) FROM entities WHERE article_id NOT IN (SELECT id FROM articles)"
    assert rows(db, orphans) == [(0,)]


def test_an_older_store_gains_the_feed_tables(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.con.execute("DROP TABLE feeds; DROP TABLE feed_items; DROP TABLE fetch_errors")
    with Store(db) as store:
        assert [store.count(t) for t in ("feeds", "feed_items", "fetch_errors")] == [0, 0, 0]
