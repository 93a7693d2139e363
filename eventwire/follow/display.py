"""What ``eventwire watch`` shows: a live table on a terminal, log lines otherwise.

Both get the same calls from the watcher (always from its main thread): the per-feed
counters and, when something happened, one line saying what.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from eventwire.render import table


@dataclass(slots=True)
class FeedStats:
    """One feed's row: what the last poll listed and what this session did with it."""

    name: str
    status: str = "waiting"
    seen: int = 0  # items the feed listed at its last full poll
    new: int = 0  # articles stored this session
    failed: int = 0  # fetches that failed this session
    next_poll: dt.datetime | None = None


class Display(Protocol):
    def update(self, stats: Mapping[str, FeedStats], line: str | None = None) -> None: ...

    def close(self) -> None: ...


def _when(moment: dt.datetime | None) -> str:
    """Naive UTC time as local HH:MM:SS (the day too when it is not today)."""
    if moment is None:
        return "-"
    local = moment.replace(tzinfo=dt.UTC).astimezone()
    same_day = local.date() == dt.datetime.now().astimezone().date()
    return local.strftime("%H:%M:%S" if same_day else "%Y-%m-%d %H:%M")


class LogDisplay:
    """One timestamped line per event, for logs and pipes."""

    def __init__(self, write: Callable[[str], Any] | None = None) -> None:
        self.write = write or (lambda text: print(text, file=sys.stderr, flush=True))

    def update(self, stats: Mapping[str, FeedStats], line: str | None = None) -> None:
        if line:
            stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
            self.write(f"{stamp} {line}")

    def close(self) -> None:
        pass


class LiveDisplay:
    """A rich table redrawn in place: per feed items seen, new, failed and the next poll."""

    def __init__(self, console: Any = None, recent: int = 8) -> None:
        from rich.console import Console
        from rich.live import Live

        self.lines: deque[str] = deque(maxlen=recent)
        self.live = Live(console=console or Console(stderr=True), refresh_per_second=4)
        self.live.start()

    def update(self, stats: Mapping[str, FeedStats], line: str | None = None) -> None:
        if line:
            self.lines.append(f"{dt.datetime.now():%H:%M:%S} {line}")
        self.live.update(self._render(stats))

    def close(self) -> None:
        self.live.stop()

    def _render(self, stats: Mapping[str, FeedStats]) -> Any:
        from rich.console import Group
        from rich.table import Table
        from rich.text import Text

        grid = Table(title="eventwire watch", expand=False)
        for name, justify in [("feed", "left"), ("status", "left"), ("seen", "right"), ("new", "right"),
                              ("failed", "right"), ("next poll", "right")]:  # fmt: skip
            grid.add_column(name, justify=justify)  # type: ignore[arg-type]
        for row in stats.values():
            style = "red" if row.status in ("failed", "gone") else None
            grid.add_row(
                row.name[:60], Text(row.status, style=style or ""), str(row.seen), str(row.new),
                str(row.failed), _when(row.next_poll),
            )  # fmt: skip
        return Group(grid, Text("\n".join(self.lines), style="dim"))


def choose_display() -> Display:
    """The live table when stderr is a terminal, log lines otherwise."""
    return LiveDisplay() if sys.stderr.isatty() else LogDisplay()


def render_status(feeds: tuple[list[str], list[tuple]], errors: tuple[list[str], list[tuple]]) -> str:
    """``watch --status``: the feeds table, then the latest fetch errors."""
    parts = [table(*feeds) if feeds[1] else "no feeds in this store yet (eventwire watch SOURCES --db ...)"]
    if errors[1]:
        parts.append(f"latest fetch errors ({len(errors[1])}):\n" + table(*errors))
    else:
        parts.append("no fetch errors")
    return "\n\n".join(parts)
