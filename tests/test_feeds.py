"""Feed parsing and polite fetching, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.follow.http import Fetcher, FetchError, FetchPolicy, HostLimiter
from eventwire.ingest.feeds import parse_feed, read_feed_list
from tests.feedsite import Route, Site, atom, news_sitemap, rss, serve

FAST = FetchPolicy(timeout=2.0, retries=2, backoff=0.05, delay=0.0, max_bytes=50_000)


@pytest.fixture
def site() -> Iterator[Site]:
    yield from serve(Site())


# -- parsing --------------------------------------------------------------------------------


def test_rss_items_carry_link_title_and_time() -> None:
    body = rss([("/news/a1.html", "Truce agreed", "Thu, 02 May 2024 09:30:00 GMT")], title="Wire")
    parsed = parse_feed(body, "http://example.test/feed.xml")
    assert (parsed.kind, parsed.title, parsed.problem) == ("rss", "Wire", None)
    [item] = parsed.items
    assert item.url == "http://example.test/news/a1.html"  # relative link resolved
    assert (item.title, item.outlet) == ("Truce agreed", "Wire")
    assert item.published == dt.datetime(2024, 5, 2, 9, 30)


def test_atom_entries_use_their_id_as_key() -> None:
    body = atom([("http://example.test/b.html", "Talks", "2024-05-02T10:00:00+02:00")])
    [item] = parse_feed(body, "http://example.test/atom.xml").items
    assert item.key == "tag:test,2024:http://example.test/b.html"
    assert item.published == dt.datetime(2024, 5, 2, 8, 0)  # in UTC


def test_news_sitemap_gives_outlet_title_and_date() -> None:
    body = news_sitemap([("http://example.test/c.html", "Flood", "2024-05-03T06:00:00Z")], outlet="The Times")
    parsed = parse_feed(body, "http://example.test/sitemap.xml")
    assert parsed.kind == "sitemap"
    [item] = parsed.items
    assert (item.url, item.title, item.outlet) == ("http://example.test/c.html", "Flood", "The Times")
    assert item.published == dt.datetime(2024, 5, 3, 6, 0)


def test_sitemap_index_lists_its_sitemaps() -> None:
    body = (
        b"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        b"<sitemap><loc>/news-1.xml</loc></sitemap></sitemapindex>"
    )
    parsed = parse_feed(body, "http://example.test/index.xml")
    assert (parsed.kind, parsed.sitemaps) == ("sitemapindex", ["http://example.test/news-1.xml"])


@pytest.mark.parametrize("body", [b"<rss><channel><item><title>cut off", b"not a feed at all <<<"])
def test_malformed_feed_is_reported_not_raised(body: bytes) -> None:
    parsed = parse_feed(body, "http://example.test/feed.xml")
    assert parsed.problem and not parsed.items


def test_feed_list_file_with_comments_and_outlets(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text("# world desks\nhttps://a.test/rss.xml  Agence Test\n\nhttps://b.test/atom.xml\n")
    sources = list(read_feed_list([str(listing), "https://c.test/sitemap.xml"]))
    assert [(s.url, s.outlet) for s in sources] == [
        ("https://a.test/rss.xml", "Agence Test"), ("https://b.test/atom.xml", None),
        ("https://c.test/sitemap.xml", None),
    ]  # fmt: skip
    listing.write_text("ftp://a.test/feed\n")
    with pytest.raises(InputError, match="feeds.txt:1"):
        list(read_feed_list([str(listing)]))


# -- fetching -------------------------------------------------------------------------------


def test_user_agent_names_eventwire_and_a_contact(site: Site) -> None:
    site.routes["/page"] = Route(b"<html></html>")
    with Fetcher(FAST) as fetcher:
        fetcher.get(site.url("/page"))
    agents = {hit.user_agent for hit in site.log}
    assert len(agents) == 1
    assert re.fullmatch(r"eventwire/\S+ \(\+https?://\S+\)", agents.pop())


def test_validators_turn_into_a_304(site: Site) -> None:
    site.routes["/feed"] = Route(b"<rss/>", etag='"abc"', last_modified="Thu, 02 May 2024 09:30:00 GMT")
    with Fetcher(FAST) as fetcher:
        first = fetcher.get(site.url("/feed"))
        again = fetcher.get(site.url("/feed"), first.headers["etag"], first.headers["last-modified"])
    assert (first.status, again.status, again.body) == (200, 304, b"")
    hit = site.hits("/feed")[-1]
    assert (hit.if_none_match, hit.if_modified_since) == ('"abc"', "Thu, 02 May 2024 09:30:00 GMT")


def test_5xx_is_retried_with_backoff_then_succeeds(site: Site) -> None:
    site.routes["/flaky"] = Route(b"ok", fail_first=2)
    with Fetcher(FAST) as fetcher:
        response = fetcher.get(site.url("/flaky"))
    assert (response.status, response.attempts) == (200, 3)
    starts = [hit.start for hit in site.hits("/flaky")]
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert gaps[0] >= 0.04 and gaps[1] >= 0.09  # 0.05 s, then twice as long


def test_persistent_5xx_gives_up_after_the_retries(site: Site) -> None:
    site.routes["/down"] = Route(b"", status=500)
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/down"))
    assert (caught.value.kind, caught.value.transient, caught.value.attempts) == ("http-500", True, 3)
    assert site.statuses("/down") == [500, 500, 500]


def test_4xx_is_not_retried(site: Site) -> None:
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/missing"))
    assert (caught.value.kind, caught.value.transient) == ("http-404", False)
    assert site.statuses("/missing") == [404]


def test_timeout_is_retried_then_reported(site: Site) -> None:
    site.routes["/slow"] = Route(b"late", delay=1.0)
    policy = FetchPolicy(timeout=0.3, retries=1, backoff=0.01, delay=0.0)
    with Fetcher(policy) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/slow"))
    assert (caught.value.kind, caught.value.attempts) == ("timeout", 2)


def test_redirect_loop_and_permanent_move(site: Site) -> None:
    site.routes["/loop-a"] = Route(status=302, headers={"Location": "/loop-b"})
    site.routes["/loop-b"] = Route(status=302, headers={"Location": "/loop-a"})
    site.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    site.routes["/new"] = Route(b"<rss/>")
    site.routes["/temp"] = Route(status=302, headers={"Location": "/new"})
    with Fetcher(FAST) as fetcher:
        with pytest.raises(FetchError, match="redirect loop") as caught:
            fetcher.get(site.url("/loop-a"))
        moved = fetcher.get(site.url("/old"))
        temporary = fetcher.get(site.url("/temp"))
    assert caught.value.kind == "redirect-loop"
    assert (moved.final_url, moved.moved_to) == (site.url("/new"), site.url("/new"))
    assert (temporary.final_url, temporary.moved_to) == (site.url("/new"), None)


def test_a_link_that_is_not_http_is_refused_at_once(site: Site) -> None:
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get("mailto:desk@example.test")
    assert (caught.value.kind, caught.value.transient) == ("bad-url", False)


def test_oversized_body_is_refused(site: Site) -> None:
    site.routes["/huge"] = Route(b"x" * 60_000)
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/huge"))
    assert caught.value.kind == "too-large"


def test_robots_txt_is_obeyed(site: Site) -> None:
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/private/page"] = Route(b"secret")
    site.routes["/public"] = Route(b"hello")
    with Fetcher(FAST) as fetcher:
        assert fetcher.get(site.url("/public")).body == b"hello"
        with pytest.raises(FetchError) as caught:
            fetcher.get(site.url("/private/page"))
    assert caught.value.kind == "robots"
    assert site.hits("/private/page") == []
    assert len(site.hits("/robots.txt")) == 1  # read once, then remembered


def test_unreachable_robots_txt_keeps_out(site: Site) -> None:
    site.routes["/robots.txt"] = Route(status=503)
    site.routes["/page"] = Route(b"hello")
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/page"))
    assert (caught.value.kind, caught.value.transient) == ("robots-unreachable", True)
    assert site.hits("/page") == []
    assert site.statuses("/robots.txt") == [503, 503, 503]  # retried like any 5xx


def test_per_host_concurrency_and_delay(site: Site) -> None:
    for i in range(6):
        site.routes[f"/p{i}"] = Route(b"page", delay=0.15)
    policy = FetchPolicy(timeout=2, per_host=2, delay=0.1)
    with Fetcher(policy) as fetcher:
        threads = [threading.Thread(target=fetcher.get, args=(site.url(f"/p{i}"),)) for i in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert site.max_in_flight == 2
    starts = sorted(hit.start for hit in site.log if hit.path.startswith("/p"))
    # Starts are paced on the client; the server sees them after thread and network jitter, which
    # can delay one arrival onto the next. So: the six span at least five gaps, and no three
    # arrive within one gap (an unpaced pair of slots would start in bursts of two).
    assert starts[-1] - starts[0] >= 0.45
    assert min(c - a for a, c in zip(starts, starts[2:], strict=False)) >= 0.1


def test_host_limiter_takes_the_crawl_delay() -> None:
    limiter = HostLimiter(per_host=1, delay=0.0)
    limiter.set_delay("a.test", 0.1)  # robots.txt: Crawl-delay: 0.1
    with limiter.slot("a.test"):
        before = time.monotonic()
    with limiter.slot("a.test"):
        assert time.monotonic() - before >= 0.09
    with limiter.slot("b.test"):  # other hosts keep the default
        pass
