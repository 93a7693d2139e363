"""The jobs the CLI, Python API and HTTP API share: extract (print) and ingest (store).

Readers yield articles and errors; errors are collected and reported with their
origin while the rest of the batch goes on. A record that makes any later step raise
(a pipeline stage, or storing it) becomes an error too, named by its origin, id and
step; ``ingest`` also keeps every error in the store's ``errors`` table, written in the
transaction of the batch it came with.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from eventwire.errors import InputError
from eventwire.ingest import ReadResult, read_sources
from eventwire.models import Analysis, Article
from eventwire.pipeline import Pipeline
from eventwire.store.batch import ErrorRow, WriteError, one_line, record_errors
from eventwire.store.database import BatchResult, Store


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    inserted: int = 0
    replaced: int = 0
    skipped: int = 0
    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # stored articles changed on the way in


class RecordError(InputError):
    """A record that was read but failed later: the step (stage) and the article it became."""

    def __init__(self, article: Article, stage: str, problem: str) -> None:
        super().__init__(f"{article.origin} (id {one_line(article.id, 80)})", problem)
        self.source, self.stage, self.article_id = article.origin, stage, article.id
        self.chars = len(article.text)

    def __reduce__(self) -> tuple[Any, ...]:  # workers send these to the parent process
        return (
            _record_error,
            (self.origin, self.problem, self.source, self.stage, self.article_id, self.chars),
        )


def _record_error(
    origin: str, problem: str, source: str, stage: str, article_id: str, chars: int
) -> RecordError:
    error = RecordError.__new__(RecordError)
    InputError.__init__(error, origin, problem)
    error.source, error.stage, error.article_id, error.chars = source, stage, article_id, chars
    return error


def failure(article: Article, stage: str, exc: BaseException) -> RecordError:
    """The error for an article that made ``stage`` raise ``exc``, in one line."""
    return RecordError(article, stage, f"{stage} failed: {type(exc).__name__}: {one_line(str(exc), 300)}")


def error_row(err: InputError) -> ErrorRow:
    if isinstance(err, RecordError):
        return ErrorRow(err.source, err.article_id, err.stage, err.problem, err.chars)
    return ErrorRow(err.origin, None, "read", err.problem)


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
    """Analyses of every readable article in ``sources``; one that fails goes to ``on_error``."""
    articles = split_errors(read_sources(sources), on_error)
    yield from pipeline.analyze(articles, published, lambda a, stage, exc: on_error(failure(a, stage, exc)))


def ingest(
    sources: Iterable[str | Path],
    pipeline: Pipeline,
    store: Store,
    published: dt.date | None = None,
    on_batch: Callable[[IngestReport], None] = lambda report: None,
) -> IngestReport:
    """Analyse and store new articles, one transaction per batch; known ones are not re-parsed.

    ``on_batch`` is called with the running totals after each committed batch. Errors are
    stored with the next batch that commits (or at the end), so a resumed ingest stores
    exactly what an uninterrupted one would.
    """
    report = IngestReport()
    pending: list[InputError] = []

    def failed(err: InputError) -> None:
        report.errors.append(err)
        pending.append(err)

    articles = split_errors(read_sources(sources), failed)
    while batch := list(islice(articles, pipeline.config.batch_size)):
        report.read += len(batch)
        known = store.known_hashes(a.content_hash for a in batch)
        fresh = [a for a in batch if a.content_hash not in known]
        report.skipped += len(batch) - len(fresh)
        report.warnings += [f"{a.origin} (id {one_line(a.id, 80)}): {w}" for a in fresh for w in a.warnings]
        if fresh:
            analyses = pipeline.analyze_batch(fresh, published, lambda a, s, e: failed(failure(a, s, e)))
            result = _store(store, analyses, pending, failed)
            report.inserted += result.inserted
            report.replaced += result.replaced
            report.skipped += result.skipped
        on_batch(report)
    if pending:
        _store(store, [], pending, failed)
    return report


def _store(
    store: Store, analyses: list[Analysis], pending: list[InputError], failed: Callable[[InputError], None]
) -> BatchResult:
    """Write the batch with the errors not yet stored. If it fails for a reason of its own
    records (not the file's), each article is written alone and the ones that fail become
    errors; when every one fails the store is at fault and the error propagates."""
    try:
        return _write(store, analyses, pending)
    except WriteError as exc:
        if exc.fatal or not analyses:
            raise
        batch_error = exc
    total = BatchResult()
    stored = 0
    for analysis in analyses:
        try:
            result = _write(store, [analysis], pending)
        except WriteError as exc:
            if exc.fatal:
                raise
            cause = one_line(str(exc.__cause__ or exc), 300)
            failed(RecordError(analysis.article, "store", f"store failed: {cause}"))
            if len(analyses) == 1:
                return total
            continue
        stored += 1
        total.inserted += result.inserted
        total.replaced += result.replaced
        total.skipped += result.skipped
    if not stored:
        raise batch_error
    return total


def _write(store: Store, analyses: list[Analysis], pending: list[InputError]) -> BatchResult:
    """One transaction: the analyses and the pending errors; those are cleared once committed."""
    rows = [error_row(err) for err in pending]
    when = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    result = store.write_batch(analyses, also=lambda con: record_errors(con, rows, when))
    del pending[: len(rows)]
    return result
