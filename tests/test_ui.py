"""The web UI in a real browser (Debian chromium driven by Playwright) against a live server.

Most tests run on the demo store (the bundled examples/, as `make demo` ingests them) and
save a screenshot under out/ui/ for review.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import httpx
import pytest

from eventwire import jobs
from eventwire.serve.api import create_app
from eventwire.store.database import Store
from tests.test_serve import live, server  # noqa: F401  (module-scoped live server fixture)

REPO = Path(__file__).resolve().parents[1]
SHOTS = REPO / "out" / "ui"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; `make test` installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, pipeline) -> Iterator[str]:
    """A live server over the demo store: the bundled examples, ingested."""
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store(db) as store:
        jobs.ingest([REPO / "examples"], pipeline, store)
    with live(create_app(db)) as url:
        yield url


def ready(page) -> None:
    """Wait until the UI has drawn what the URL asks for."""
    page.wait_for_selector("body[data-ready=true]", timeout=20_000)


def shot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def shown_total(page) -> int:
    match = re.match(r"([\d,]+) events?", page.inner_text("#event-summary"))
    assert match, page.inner_text("#event-summary")
    return int(match.group(1).replace(",", ""))


def url_params(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_ui_lists_stored_events_and_shows_article(server: str, page) -> None:  # noqa: F811
    page.goto(server)
    ready(page)
    assert "1 articles" in page.inner_text("#counts")
    page.click("nav a[data-view=stories]")
    ready(page)
    assert "Houthi" in page.inner_text("#stories tbody")


def test_ui_analyses_a_pasted_text(server: str, page) -> None:  # noqa: F811
    page.goto(f"{server}/?_view=analyse")
    ready(page)
    page.click("#analyse-form button[type=submit]")  # empty: explained, not sent
    assert "Paste an article first" in page.inner_text("#analyse-status")
    page.fill("textarea[name=text]", "Police arrested 40 protesters in Nairobi on Tuesday, witnesses said.")
    page.fill("input[name=published]", "2024-04-10")
    page.click("#analyse-form button[type=submit]")
    page.wait_for_selector("#analysis h3", timeout=60_000)
    assert "events" in page.inner_text("#analysis h3")
    assert "Nairobi" in page.inner_text("#analysis .article-text")
    shot(page, "analyse")


def test_ui_records_first_paint_and_table_rows(demo: str, page) -> None:
    """The marks scripts/bench_ui.py reads (its 1 s target is timed there, not in a test)."""
    page.goto(demo)
    ready(page)
    timings = page.evaluate(
        """() => Object.fromEntries([["first_contentful_paint", "first-contentful-paint"],
              ["table_rows", "eventwire:rows"], ["everything", "eventwire:ready"]]
            .map(([k, name]) => [k, performance.getEntriesByName(name)[0]?.startTime]))"""
    )
    assert all(isinstance(ms, (int, float)) and ms > 0 for ms in timings.values()), timings
    assert timings["table_rows"] <= timings["everything"], timings
    assert page.locator("#events tbody tr").count() > 0
    shot(page, "events", full_page=False)


def test_map_markers_appear_with_the_evidence(demo: str, page) -> None:
    page.goto(demo)
    ready(page)
    markers = page.locator("#map .cluster, #map path.event-dot")
    assert markers.count() > 0
    assert "located events" in page.inner_text("#map-count")
    shot(page, "map", full_page=False)
    page.goto(f"{demo}/?actor=hezbollah")
    ready(page)
    for _ in range(5):  # nearby events are clustered: open clusters until a dot shows
        if page.locator("#map path.event-dot").count():
            break
        page.locator("#map .cluster").first.click()
        page.wait_for_timeout(700)
    page.locator("#map path.event-dot").first.click()
    popup = page.wait_for_selector(".leaflet-popup-content blockquote").inner_text()
    points = httpx.get(f"{demo}/api/map", params={"actor": "hezbollah"}).json()["points"]
    assert any(p["evidence"][:40] in popup for p in points), popup
    shot(page, "map-popup", full_page=False)


def test_brushing_the_timeline_narrows_the_table(demo: str, page) -> None:
    page.goto(demo)
    ready(page)
    before = shown_total(page)
    box = page.locator("#timeline .brush .overlay").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, y, steps=10)
    page.mouse.up()
    page.wait_for_function("new URLSearchParams(location.search).has('since')")
    ready(page)
    after = shown_total(page)
    assert 0 < after < before
    params = url_params(page)
    since, until = params["since"][0], params["until"][0]
    api = httpx.get(f"{demo}/api/events", params={"since": since, "until": until}).json()
    assert api["total"] == after
    assert page.locator("#events tbody tr").count() == min(after, 50)
    assert page.is_visible("#tl-clear")
    shot(page, "timeline-brushed", full_page=False)


@pytest.mark.parametrize("name", ["Hezbollah", "hezbollah"])
def test_an_actor_name_filter_finds_that_actors_events(demo: str, page, name: str) -> None:
    page.goto(demo)
    ready(page)
    page.fill("#event-filters input[name=actor]", name)
    page.click("#event-filters button[type=submit]")
    ready(page)
    assert url_params(page)["actor"] == [name]
    rows = page.locator("#events tbody tr")
    assert rows.count() >= 1 and rows.count() == shown_total(page)
    for i in range(rows.count()):
        assert "[hezbollah]" in rows.nth(i).inner_text()
    assert page.locator("#event-facets button.facet.selected:has-text('Hezbollah')").count() == 1
    shot(page, f"filter-actor-{name}", full_page=False)


def test_a_quotes_search_finds_a_known_quote(demo: str, page) -> None:
    page.goto(f"{demo}/?_view=quotes")
    ready(page)
    page.fill("#quote-filters input[name=q]", "DRAGGING lebanon")
    page.click("#quote-filters button[type=submit]")
    ready(page)
    rows = page.locator("#quotes tbody tr")
    assert rows.count() == 1
    row = rows.first.inner_text()
    assert "Hezbollah is dragging Lebanon into a war it does not want" in row
    assert "Israeli military spokesman" in row
    rows.first.click()
    ready(page)
    mark = page.wait_for_selector("#side-body .article-text mark.quote")
    assert "dragging Lebanon" in mark.inner_text()
    shot(page, "quotes-search", full_page=False)


def test_a_story_click_shows_its_articles_and_events(demo: str, page) -> None:
    page.goto(f"{demo}/?_view=stories")
    ready(page)
    page.click("#stories tbody tr:has-text('Houthis target two tankers') td[data-label=Articles]")
    ready(page)
    articles = page.wait_for_selector("#story-articles tbody tr")
    assert "Reuters" in articles.inner_text()
    assert "_story" in url_params(page)
    assert "Events, merged across articles" in page.inner_text("#side-body")
    shot(page, "story", full_page=False)


def test_the_csv_download_holds_exactly_the_filtered_rows(demo: str, page) -> None:
    page.goto(f"{demo}/?country=sdn&min_confidence=0.5")
    ready(page)
    total = shown_total(page)
    with page.expect_download() as info:
        page.click("#dl-csv")
    with open(info.value.path(), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == total > 0
    assert all(r["country"] == "SDN" and float(r["confidence"]) >= 0.5 for r in rows)
    listed = httpx.get(f"{demo}/api/events", params={"country": "sdn", "min_confidence": 0.5, "_limit": 1000})
    assert [r["id"] for r in rows] == [e["id"] for e in listed.json()["rows"]]


def test_event_detail_opens_beside_the_table_with_only_its_spans(demo: str, page) -> None:
    page.goto(f"{demo}/?actor=hezbollah")
    ready(page)
    event_id = page.locator("#events tbody tr").first.get_attribute("data-id")
    [report] = httpx.get(f"{demo}/api/events/{quote(event_id, safe='')}").json()["mentions"]
    page.locator("#events tbody tr").first.focus()
    page.keyboard.press("Enter")  # rows are reachable from the keyboard
    ready(page)
    panel = page.locator("#side").bounding_box()
    assert panel["y"] == 0 and panel["x"] > 500 and panel["height"] >= 800  # beside the table, in view
    assert "_event" in url_params(page)
    page.click("#side-body .reports button")
    ready(page)
    page.wait_for_selector("#side-body .article-text")
    marked = page.locator("#side-body .article-text mark")
    classes = {c for i in range(marked.count()) for c in marked.nth(i).get_attribute("class").split()}
    assert "evidence" in classes and not classes & {"quote", "attribution"}
    evidence = page.locator("#side-body .article-text mark.evidence").all_inner_texts()
    assert "".join(evidence) == report["evidence"]
    shot(page, "article-spans", full_page=False)
    page.keyboard.press("Escape")
    ready(page)
    assert page.locator("#side").is_hidden()


def test_the_page_works_at_390_px(demo: str, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(demo)
        ready(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        first = page.locator("#events tbody tr").first
        for label in (
            "Type",
            "Source",
            "Target",
            "Modality",
            "Date",
            "Place",
            "Reports",
            "Confidence",
            "Evidence",
        ):
            cell = first.locator(f"td[data-label={label}]")
            assert cell.is_visible(), label
            box = cell.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, label
        shot(page, "mobile-events", full_page=False)
        first.scroll_into_view_if_needed()
        shot(page, "mobile-table", full_page=False)
        page.click("#filter-box summary")
        page.fill("#event-filters input[name=actor]", "hezbollah")
        page.click("#event-filters button[type=submit]")
        ready(page)
        page.locator("#events tbody tr").first.click()
        ready(page)
        panel = page.locator("#side").bounding_box()
        assert panel["x"] == 0 and panel["width"] == 390
        shot(page, "mobile-detail", full_page=False)
        page.click("#side-close")
        ready(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_errors_and_empty_results_are_explained(demo: str, page) -> None:
    def fail(route) -> None:
        route.fulfill(status=500, content_type="application/json", body='{"detail": "the store is on fire"}')

    page.route(lambda url: "/api/events?" in url, fail)
    page.goto(demo)
    status = page.wait_for_selector("#events-status.error")
    assert status.inner_text().startswith("Could not load the events: the store is on fire")
    shot(page, "error-state", full_page=False)
    page.unroute_all()
    page.click("#events-status button:has-text('Retry')")
    page.wait_for_selector("#events tbody tr")
    assert page.locator("#events-status").is_hidden()
    page.goto(f"{demo}/?q=zzqqxx")
    ready(page)
    assert "No events match" in page.inner_text("#events-status")


def test_docs_and_the_ui_render_offline(demo: str, page) -> None:
    outside: list[str] = []

    def only_local(route) -> None:
        if route.request.url.startswith(demo):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(f"{demo}/docs")
    title = page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)
    assert "eventwire" in title.inner_text()
    assert page.locator(".opblock").count() >= 10
    shot(page, "docs", full_page=False)
    page.goto(f"{demo}/redoc")
    page.wait_for_selector("h1:has-text('eventwire')", timeout=20_000)
    shot(page, "redoc", full_page=False)
    page.goto(demo)
    ready(page)
    assert page.locator("#map .cluster, #map path.event-dot").count() > 0
    assert outside == []
