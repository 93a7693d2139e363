"""Spans searched by offset: bisection over an index built once, for the quote stage.

Walking every quotation, statement or outlet once per statement made long articles
quadratic (issue 15). These indexes answer the same questions as those walks, with the
same items in the same order, whatever the spans (nested, overlapping or out of order).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items with character spans ``[start, end)``, searched by offset.

    Every answer lists items in the order they were given. Items are bisected by their start;
    the running maximum of the ends (in order of start) skips those that end too early.
    """

    def __init__(self, items: Sequence[T], span: Callable[[T], tuple[int, int]]) -> None:
        self.items = list(items)
        spans = [span(item) for item in self.items]
        self.order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self.starts = [spans[i][0] for i in self.order]
        self.ends = [spans[i][1] for i in self.order]
        self.reach = list(accumulate(self.ends, max))  # the furthest end of the first k by start
        self.in_order = all(i == k for k, i in enumerate(self.order))
        self.proper = all(s <= e for s, e in spans)  # no item ends before it starts

    def overlapping(self, start: int, end: int) -> list[T]:
        """The items with ``item.start < end and start < item.end``."""
        first, stop = bisect_right(self.reach, start), bisect_left(self.starts, end)
        found = [self.order[k] for k in range(first, stop) if self.ends[k] > start]
        return self._given(found)

    def first_overlapping(self, start: int, end: int) -> T | None:
        """The first item given of those :meth:`overlapping` would list."""
        if self.in_order:
            first = bisect_right(self.reach, start)
            return self.items[first] if first < len(self.starts) and self.starts[first] < end else None
        found = self.overlapping(start, end)
        return found[0] if found else None

    def starting_in(self, low: int, high: int) -> list[T]:
        """The items with ``low <= item.start < high``."""
        found = list(self.order[bisect_left(self.starts, low) : bisect_left(self.starts, high)])
        return self._given(found)

    def within(self, start: int, end: int) -> list[T]:
        """The items with ``start <= item.start and item.end <= end``."""
        low = bisect_left(self.starts, start)
        # an item ending by ``end`` starts by it too, unless it ends before it starts
        stop = bisect_right(self.starts, end) if self.proper else len(self.starts)
        found = [self.order[k] for k in range(low, stop) if self.ends[k] <= end]
        return self._given(found)

    def _given(self, found: list[int]) -> list[T]:
        if not self.in_order:
            found.sort()
        return [self.items[i] for i in found]
