"""The quote stage's offset indexes answer as the walks they replaced (issue 15)."""

from __future__ import annotations

import random

from eventwire.extract.reporting import _Reports
from eventwire.extract.span_index import SpanIndex
from eventwire.models import Article, Quote


def _spans(rng: random.Random, ordered: bool) -> list[tuple[int, int]]:
    spans = []
    for _ in range(rng.randrange(0, 30)):
        start = rng.randrange(0, 200)
        spans.append((start, start + rng.randrange(0, 40)))  # nested, overlapping, empty
    return sorted(spans, key=lambda s: s[0]) if ordered else spans


def test_span_index_lists_what_a_walk_lists_in_the_same_order() -> None:
    rng = random.Random(15)
    for trial in range(400):
        items = _spans(rng, ordered=trial % 2 == 0)
        index = SpanIndex(items, lambda span: span)
        for _ in range(20):
            low = rng.randrange(-5, 240)
            high = low + rng.randrange(0, 60)
            overlapping = [s for s in items if s[0] < high and low < s[1]]
            assert index.overlapping(low, high) == overlapping
            assert index.first_overlapping(low, high) == (overlapping[0] if overlapping else None)
            assert index.starting_in(low, high) == [s for s in items if low <= s[0] < high]
            assert index.within(low, high) == [s for s in items if low <= s[0] and s[1] <= high]


def test_reports_find_the_last_report_holding_an_offset() -> None:
    rng = random.Random(16)
    for trial in range(200):
        spans = _spans(rng, ordered=trial % 4 != 0)  # statements come in text order
        reports = _Reports(len(spans))
        built: list[Quote] = []
        for n, (start, end) in enumerate(spans):
            quote = Quote("x", start, end, False)
            quote.reported_by = rng.choice([None, "", f"Outlet {n}"])
            built.append(quote)
            reports.add(quote)
            at = rng.randrange(0, 240)
            walk = [q for q in built if q.reported_by and q.speaker is None and q.start <= at < q.end]
            assert reports.holding(at) == (walk[-1].reported_by if walk else None)


def test_boilerplate_lines_are_bisected_and_reindexed_when_replaced() -> None:
    rng = random.Random(17)
    article = Article(id="a", text="x" * 300, body="x" * 300)
    for _ in range(50):
        article.boilerplate = _spans(rng, ordered=False)
        for _ in range(3):
            article.boilerplate.append((rng.randrange(0, 200), rng.randrange(0, 260)))  # grows in place
            for offset in range(-2, 262, 7):
                walk = any(start <= offset < end for start, end in article.boilerplate)
                assert article.in_boilerplate(offset) == walk
