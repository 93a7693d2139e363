"""What a batch writes, and what a failed write says: the rules ``Store.write_batch`` follows.

A batch is read as if its articles were stored one after another: a repeated content hash
is skipped, a repeated id replaces the earlier version (inside the batch as across runs).
A write that fails is rolled back and reported in one line that keeps the cause (a full
disk, an I/O error), never "cannot rollback - no transaction is active".
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from eventwire.errors import StoreError
from eventwire.models import Analysis

# DuckDB errors after which the database file cannot take more writes in this process, and
# words of the errors a full disk or a failing device gives at commit (a TransactionException).
_FATAL = (duckdb.IOException, duckdb.FatalException, duckdb.InternalException, duckdb.OutOfMemoryException)
_FATAL_WORDS = (
    "invalidated", "failed to commit", "could not write", "no space left", "file too large", "i/o",
)  # fmt: skip

# A connection for user SQL (``eventwire query``): no file but the store, no extensions.
SANDBOX: dict[str, str | bool | int | float | list[str]] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "lock_configuration": True,
}


@dataclass(slots=True)
class BatchPlan:
    """The analyses to store, the stored ids they replace, and the counts to report."""

    keep: list[Analysis] = field(default_factory=list)
    replace_stored: list[str] = field(default_factory=list)
    inserted: int = 0
    replaced: int = 0
    skipped: int = 0


def plan_batch(analyses: Sequence[Analysis], known: set[str], stored_ids: set[str]) -> BatchPlan:
    """Decide the batch as if stored one by one: known content is skipped; a repeated id
    replaces the earlier version (stored or earlier in the batch)."""
    plan = BatchPlan()
    current: dict[str, Analysis] = {}  # id -> its latest version in this batch
    hashes: set[str] = set()
    for analysis in analyses:
        art = analysis.article
        if art.content_hash in known or art.content_hash in hashes:
            plan.skipped += 1
            continue
        earlier = current.get(art.id)
        if earlier is not None:
            hashes.discard(earlier.article.content_hash)
            plan.replaced += 1
        elif art.id in stored_ids:
            plan.replace_stored.append(art.id)
            plan.replaced += 1
        else:
            plan.inserted += 1
        current[art.id] = analysis
        hashes.add(art.content_hash)
    kept = {id(a) for a in current.values()}
    plan.keep = [a for a in analyses if id(a) in kept]
    return plan


class WriteError(StoreError):
    """A batch could not be stored and nothing of it was; ``fatal`` when the file itself failed."""

    def __init__(self, path: str, exc: BaseException) -> None:
        self.fatal = isinstance(exc, _FATAL) or any(word in str(exc).lower() for word in _FATAL_WORDS)
        cause = one_line(f"{type(exc).__name__}: {exc}")
        super().__init__(f"{path}: cannot store the batch, nothing of it was written ({cause})")


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back if a transaction is still open: a failed COMMIT has already closed it."""
    with contextlib.suppress(duckdb.Error):
        con.execute("ROLLBACK")


def record_errors(con: duckdb.DuckDBPyConnection, rows: Sequence[ErrorRow], when: dt.datetime) -> None:
    """Add records that failed to the ``errors`` table, in the caller's transaction; one
    already there (same origin, stage and reason) is not added again, so a resumed or
    repeated ingest of the same bad input leaves the table as one clean run would."""
    if not rows:
        return
    incoming = pa.table(
        {name: [getattr(row, name) for row in rows] for name in ErrorRow.__dataclass_fields__},
        schema=_ERRORS_SCHEMA,
    )
    con.register("_incoming_errors", incoming)
    try:
        con.execute(
            """INSERT INTO errors BY NAME
               SELECT DISTINCT ON (origin, stage, reason) origin, article_id, stage, reason, chars,
                      CAST(? AS TIMESTAMP) AS failed_at
               FROM _incoming_errors i
               WHERE NOT EXISTS (SELECT 1 FROM errors e WHERE e.origin IS NOT DISTINCT FROM i.origin
                                 AND e.stage IS NOT DISTINCT FROM i.stage AND e.reason = i.reason)
               ORDER BY origin, stage, reason, article_id, chars""",
            [when],
        )
    finally:
        con.unregister("_incoming_errors")


@dataclass(frozen=True, slots=True)
class ErrorRow:
    """A row of the ``errors`` table (docs/schema.md)."""

    origin: str | None
    article_id: str | None
    stage: str
    reason: str
    chars: int | None = None


_ERRORS_SCHEMA = pa.schema(
    [("origin", pa.string()), ("article_id", pa.string()), ("stage", pa.string()),
     ("reason", pa.string()), ("chars", pa.int64())]
)  # fmt: skip


def one_line(message: str, limit: int = 400) -> str:
    text = " ".join(message.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
