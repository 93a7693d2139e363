"""The web UI in a real browser (Debian chromium driven by Playwright) against a live server."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.test_serve import server  # noqa: F401  (module-scoped live server fixture)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def page():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; `make test` installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_FLAGS)
        yield browser.new_page()
        browser.close()


def test_ui_lists_stored_events_and_shows_article(server: str, page) -> None:  # noqa: F811
    page.goto(server)
    page.wait_for_selector("#counts:has-text('articles')")
    assert "1 articles" in page.inner_text("#counts")
    page.click("nav button[data-tab=stories]")
    page.wait_for_selector("#stories tbody tr")
    assert "Houthi" in page.inner_text("#stories tbody")


def test_ui_analyses_a_pasted_text(server: str, page) -> None:  # noqa: F811
    page.goto(server)
    page.click("nav button[data-tab=analyse]")
    page.fill("textarea[name=text]", "Police arrested 40 protesters in Nairobi on Tuesday, witnesses said.")
    page.fill("input[name=published]", "2024-04-10")
    page.click("#analyse-form button[type=submit]")
    page.wait_for_selector("#analysis h3", timeout=60_000)
    assert "events" in page.inner_text("#analysis h3")
    assert "Nairobi" in page.inner_text("#analysis .article-text")
    page.screenshot(path=str(os.environ.get("EVENTWIRE_SCREENSHOT", "/tmp/eventwire-ui.png")), full_page=True)
