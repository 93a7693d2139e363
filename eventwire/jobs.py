"""The jobs the CLI, Python API and HTTP API share: extract (print) and ingest (store).

Readers yield articles and errors; errors are collected and reported with their
origin while the rest of the batch goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest import ReadResult, read_sources
from eventwire.models import Analysis, Article
from eventwire.pipeline import Pipeline
from eventwire.store.database import Store


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    inserted: int = 0
    replaced: int = 0
    skipped: int = 0
    errors: list[InputError] = field(default_factory=list)


def split_errors(results: Iterable[ReadResult], on_error: Callable[[InputError], None]) -> Iterator[Article]:
    """Articles only; each error is handed to ``on_error``."""
    for result in results:
        if isinstance(result, InputError):
            on_error(result)
        else:
            yield result


def extract(
    sources: Iterable[str | Path],
    pipeline: Pipeline,
    published: dt.date | None = None,
    on_error: Callable[[InputError], None] = lambda err: None,
) -> Iterator[Analysis]:
    """Analyses of every readable article in ``sources``."""
    yield from pipeline.analyze(split_errors(read_sources(sources), on_error), published)


def ingest(
    sources: Iterable[str | Path],
    pipeline: Pipeline,
    store: Store,
    published: dt.date | None = None,
    on_batch: Callable[[IngestReport], None] = lambda report: None,
) -> IngestReport:
    """Analyse and store new articles, one transaction per batch; known ones are not re-parsed.

    ``on_batch`` is called with the running totals after each committed batch.
    """
    report = IngestReport()
    articles = split_errors(read_sources(sources), report.errors.append)
    while batch := list(islice(articles, pipeline.config.batch_size)):
        report.read += len(batch)
        known = store.known_hashes(a.content_hash for a in batch)
        fresh = [a for a in batch if a.content_hash not in known]
        report.skipped += len(batch) - len(fresh)
        if fresh:
            result = store.write_batch(pipeline.analyze_batch(fresh, published))
            report.inserted += result.inserted
            report.replaced += result.replaced
            report.skipped += result.skipped
        on_batch(report)
    return report
