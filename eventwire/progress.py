"""Progress bars for long commands (ingest, evaluate, bench), drawn on standard error.

Only when standard error is a terminal: piped or redirected output (CI logs, ``2> file``)
stays quiet, and standard output is never touched, so ``--json`` output stays clean.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)  # fmt: skip

from eventwire.ingest.sources import READERS


class Bar:
    """One task's bar, with its rate; every method does nothing when progress is off."""

    def __init__(self, progress: Progress | None = None, task: TaskID | None = None) -> None:
        self._progress, self._task = progress, task

    def advance(self, n: float = 1, description: str | None = None) -> None:
        self.update(advance=n, description=description)

    def update(
        self, completed: float | None = None, total: float | None = None, description: str | None = None,
        advance: float | None = None,
    ) -> None:  # fmt: skip
        if self._progress is None or self._task is None:
            return
        progress, task = self._progress, self._task
        progress.update(task, completed=completed, total=total, description=description, advance=advance)
        speed = progress.tasks[task].speed
        progress.update(task, rate=f"{speed:.1f}/s" if speed else "")


def enabled(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())


@contextmanager
def progress_bar(description: str, total: float | None, unit: str = "articles") -> Iterator[Bar]:
    """A bar with count, rate and time left (a spinner and count when ``total`` is unknown)."""
    if not enabled():
        yield Bar()
        return
    columns = [
        SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
        MofNCompleteColumn(), TextColumn(f"{unit}"),
        TextColumn("[progress.percentage]{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
        TimeRemainingColumn(),
    ]  # fmt: skip
    with Progress(*columns, console=Console(stderr=True), transient=False) as progress:
        task = progress.add_task(description, total=total, rate="")
        yield Bar(progress, task)


def count_articles(sources: Iterable[str | Path]) -> int | None:
    """About how many articles ``sources`` hold, read cheaply (None for stdin or a URL).

    A JSON Lines file counts its non-empty lines, a CSV file its records, any other file one.
    """
    total = 0
    for source in sources:
        name = str(source)
        if name == "-" or name.startswith(("http://", "https://")):
            return None
        path = Path(name)
        files = (
            sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
            if path.is_dir()
            else [path]
        )
        for file in files:
            total += _articles_in(file)
    return total


def _articles_in(path: Path) -> int:
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            with path.open(encoding="utf-8", errors="replace") as handle:
                return sum(1 for line in handle if line.strip())
        if suffix == ".csv":
            with path.open(encoding="utf-8", errors="replace", newline="") as handle:
                return max(0, sum(1 for _ in csv.reader(handle)) - 1)
    except (OSError, csv.Error):
        return 1
    return 1 if path.is_file() else 0
