"""Web UI and API timings: first paint on the demo store, filtered queries over 10k events.

    .venv/bin/python scripts/bench_ui.py [--events 10000] [--runs 20] [--json]

The demo store is the bundled examples/ ingested as `make demo` does; the large store is
synthetic (eventwire/bench/synthetic_store.py: real actor names and places, no NLP). Both are served
by uvicorn on loopback; the browser is Debian's chromium, headless, driven by Playwright,
with a fresh profile (empty cache) for every page load. Reported: medians and the slowest.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import httpx  # noqa: E402

from eventwire import Pipeline, jobs  # noqa: E402
from eventwire.bench.synthetic_store import build_store  # noqa: E402
from eventwire.render import table  # noqa: E402
from eventwire.serve.api import create_app  # noqa: E402
from eventwire.store.database import Store  # noqa: E402
from tests.test_serve import live  # noqa: E402
from tests.test_ui import BROWSER_FLAGS, CHROMIUM  # noqa: E402

QUERIES = {
    "actor name + type + since": {"actor": "Hezbollah", "type": "ASSAULT", "since": "2024-01-01"},
    "actor name, any case": {"actor": "hezbollah"},
    "country name + min confidence": {"country": "sudan", "min_confidence": "0.6"},
    "free text, two words": {"q": "rockets Beirut"},
    "outlet + modality": {"outlet": "reuters", "modality": "alleged"},
    "no filter": {},
}
PAINT = """() => Object.fromEntries([["first contentful paint", "first-contentful-paint"],
    ["table rows shown", "eventwire:rows"], ["map, timeline, table done", "eventwire:ready"]]
    .map(([k, name]) => [k, performance.getEntriesByName(name)[0]?.startTime]))"""


def first_paint(url: str, loads: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    runs: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_FLAGS)
        for _ in range(loads):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector("body[data-ready=true]", timeout=30_000)
            for name, ms in page.evaluate(PAINT).items():
                runs.setdefault(name, []).append(ms)
            context.close()
        browser.close()
    return runs


def query_times(url: str, runs: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    with httpx.Client(base_url=url, timeout=60) as client:
        for name, params in QUERIES.items():
            for path, label in (("/api/events", "page+total+facets"), ("/api/timeline", "timeline"),
                                ("/api/map", "map")):  # fmt: skip
                client.get(path, params=params)  # warm up
                times = []
                for _ in range(runs):
                    start = time.perf_counter()
                    client.get(path, params=params).raise_for_status()
                    times.append((time.perf_counter() - start) * 1000)
                out[f"{name}: {label}"] = times
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=20, help="requests per query")
    parser.add_argument("--loads", type=int, default=5, help="page loads per store")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="eventwire-ui-bench-"))
    try:
        demo = folder / "demo.duckdb"
        with Store(demo) as store:
            jobs.ingest([REPO / "examples"], Pipeline(), store)
        big = build_store(folder / "big.duckdb", events=args.events)
        results: dict[str, dict[str, list[float]]] = {}
        with live(create_app(demo)) as url:
            results["demo store: page load (ms)"] = first_paint(url, args.loads)
        with live(create_app(big)) as url:
            results[f"{args.events:,} events: page load (ms)"] = first_paint(url, args.loads)
            results[f"{args.events:,} events: API (ms)"] = query_times(url, args.runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        medians = {title: {n: statistics.median(v) for n, v in d.items()} for title, d in results.items()}
        print(json.dumps(medians, indent=2))
        return
    for title, data in results.items():
        rows = [(name, f"{statistics.median(v):.0f}", f"{max(v):.0f}") for name, v in data.items()]
        print(f"\n{title}\n" + table(["measure", "median", "slowest"], rows))


if __name__ == "__main__":
    main()
