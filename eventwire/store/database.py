"""The DuckDB store: one file, plain SQL tables, one transaction per batch.

Re-ingesting an article with the same content changes nothing (content hash);
an article whose id is known but whose text changed replaces its old rows. A
batch is written in one transaction, so an interrupted ingest leaves either the
whole batch or none of it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import duckdb
import pyarrow as pa

from eventwire.dedup.linker import DedupConfig, Linker, refresh_events, refresh_stories
from eventwire.errors import StoreError
from eventwire.models import Analysis
from eventwire.store.batch import SANDBOX, WriteError, one_line, plan_batch, rollback
from eventwire.store.migrate import SCHEMA_VERSION, upgrade
from eventwire.store.rows import ARTICLE_TABLES, Row, article_rows

SCHEMA_FILE = Path(__file__).with_name("schema.sql")
__all__ = ["SCHEMA_FILE", "SCHEMA_VERSION", "BatchResult", "Store", "WriteError"]
# Shared records: first writer wins, later articles only add mentions.
_UPSERT_IGNORE = ("actors", "places")
_DEDUP_TABLES = ("article_signatures", "article_bands", "article_features", "article_embeddings")
F = TypeVar("F", bound=Callable[..., Any])
LOCK_WAIT_S = 30.0  # how long opening waits while another process holds the file
WRITER_WAITING = ".writer-waiting"  # file beside the store while a writer waits for the lock


def _short_lived(method: F) -> F:
    """Close the file after ``method`` when the store does not hold the lock between batches."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        finally:
            if not self.hold_lock:
                self.close()

    return cast(F, wrapper)


@dataclass(slots=True)
class BatchResult:
    inserted: int = 0
    replaced: int = 0
    skipped: int = 0


class Store:
    """A DuckDB database file holding articles and everything extracted from them."""

    def __init__(
        self, path: str | Path, read_only: bool = False, dedup: DedupConfig | None = None,
        hold_lock: bool = True, sandbox: bool = False,
    ) -> None:  # fmt: skip
        """``hold_lock=False`` closes the file after each ``known_hashes`` and ``write_batch``
        (it reopens on use), so that other processes (``eventwire serve``) can read it between
        batches; opening waits up to ``LOCK_WAIT_S`` for another process's lock. Opening for
        writing upgrades an older store in one transaction (``migrate.py``) and refuses a newer
        one. ``sandbox`` (read-only) reaches no other file and loads no extension: user SQL."""
        self.path = str(path)
        self.dedup = dedup or DedupConfig()
        self.read_only, self.hold_lock = read_only or sandbox, hold_lock
        self.config = SANDBOX if sandbox else {}
        self._con: duckdb.DuckDBPyConnection | None = None
        if not self.read_only:
            try:
                upgrade(self.con, self.path)
            except duckdb.Error as exc:
                self.close()
                raise StoreError(f"{self.path}: cannot use the database ({one_line(str(exc))})") from exc
            except StoreError:
                self.close()
                raise
        else:
            self._con = self._connect()  # now: a missing or bad file fails here
        if not hold_lock:
            self.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = self._connect()
        return self._con

    def _connect(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + LOCK_WAIT_S
        waiting = Path(self.path + WRITER_WAITING)  # asks readers (eventwire serve) to let go
        try:
            while True:
                try:
                    return duckdb.connect(self.path, read_only=self.read_only, config=self.config)
                except duckdb.IOException as exc:  # held by another process, e.g. a server's request
                    if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                        raise StoreError(f"{self.path}: cannot open database ({one_line(str(exc))})") from exc
                except duckdb.Error as exc:
                    raise StoreError(f"{self.path}: cannot open database ({one_line(str(exc))})") from exc
                if not self.read_only:
                    waiting.touch()
                time.sleep(0.05)
        finally:
            if not self.read_only:
                waiting.unlink(missing_ok=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the file (a later use reopens it)."""
        if self._con is not None:
            con, self._con = self._con, None
            with contextlib.suppress(duckdb.Error):  # an invalidated database closes with an error
                con.close()

    @_short_lived
    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """Which of these content hashes are already stored (to skip work before parsing)."""
        try:
            return self._known(hashes)
        except duckdb.Error as exc:
            self.close()
            raise StoreError(f"{self.path}: cannot read the database ({one_line(str(exc))})") from exc

    def _known(self, hashes: Iterable[str]) -> set[str]:
        wanted = sorted(set(hashes))
        if not wanted:
            return set()
        found = self.con.execute(
            "SELECT content_hash FROM articles WHERE list_contains(?, content_hash)", [wanted]
        ).fetchall()
        return {row[0] for row in found}

    @_short_lived
    def write_batch(
        self, analyses: Sequence[Analysis], also: Callable[[duckdb.DuckDBPyConnection], None] | None = None
    ) -> BatchResult:
        """Store a batch atomically: all its articles or, on any error, none.

        The batch reads as if stored one article after another (``batch.plan_batch``): known
        content is skipped, a repeated id replaces the earlier version. ``also`` writes more
        rows in the same transaction (a feed's seen items: they must commit with the
        articles or not at all, docs/feeds.md). A failure raises :class:`WriteError`, one
        line with its cause; ``WriteError.fatal`` when the file itself failed (disk full).
        """
        try:
            return self._write(analyses, also)
        except (duckdb.Error, pa.ArrowException) as exc:
            error = WriteError(self.path, exc)
            if error.fatal:
                self.close()
            raise error from exc

    def _write(
        self, analyses: Sequence[Analysis], also: Callable[[duckdb.DuckDBPyConnection], None] | None
    ) -> BatchResult:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        known = self._known(a.article.content_hash for a in analyses)
        plan = plan_batch(analyses, known, self._stored_ids([a.article.id for a in analyses]))
        tables: dict[str, list[Row]] = defaultdict(list)
        for analysis in plan.keep:
            for table, rows in article_rows(analysis, now).items():
                tables[table].extend(rows)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for article_id in plan.replace_stored:
                self._delete_article(article_id)
            for table, rows in tables.items():
                self._insert(table, rows)
            Linker(self.con, self.dedup).link(plan.keep, now.date())
            if also is not None:
                also(self.con)
            self.con.execute("COMMIT")
        except BaseException:
            rollback(self.con)
            raise
        return BatchResult(plan.inserted, plan.replaced, plan.skipped)

    @_short_lived
    def delete_articles(self, article_ids: Iterable[str]) -> int:
        """Remove articles and everything extracted from them, in one transaction; how many
        there were. Events and stories other articles report are kept and recounted."""
        ids = sorted(set(article_ids))
        self.con.execute("BEGIN TRANSACTION")
        try:
            deleted = sum(self._delete_article(article_id) for article_id in ids)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            rollback(self.con)
            raise WriteError(self.path, exc) from exc
        return deleted

    def query(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple]]:
        """Column names and rows of a SQL query."""
        try:
            cursor = self.con.execute(sql, params or [])
            names = [d[0] for d in cursor.description or []]
            return names, cursor.fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {one_line(str(exc))}") from exc

    def count(self, table: str) -> int:
        rows = self.con.execute(f'SELECT count(*) FROM "{table}"').fetchall()
        return int(rows[0][0])

    def _stored_ids(self, ids: list[str]) -> set[str]:
        rows = self.con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
        return {row[0] for row in rows}

    def _delete_article(self, article_id: str) -> bool:
        """Remove an older version of an article (same id, other content); True if one existed."""
        found = self.con.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchall()
        if not found:
            return False
        events = {
            row[0]
            for row in self.con.execute(
                "SELECT event_id FROM event_mentions WHERE article_id = ?", [article_id]
            ).fetchall()
        }
        self._forget_features(article_id)
        for table in (*reversed(ARTICLE_TABLES), *_DEDUP_TABLES):
            column = "id" if table == "articles" else "article_id"
            self.con.execute(f'DELETE FROM "{table}" WHERE {column} = ?', [article_id])
        refresh_events(self.con, events)  # other articles may still report them
        if found[0][0]:
            refresh_stories(self.con, {found[0][0]})
        return True

    def _forget_features(self, article_id: str) -> None:
        """Take the article's story features out of the document frequencies: ``feature_df``
        stays the number of stored articles that have each feature (replacing an article
        counted it twice before, and story similarity drifted)."""
        mine = "SELECT feature, count(*) AS n FROM article_features WHERE article_id = ? GROUP BY feature"
        self.con.execute(
            f"UPDATE feature_df SET df = df - f.n FROM ({mine}) f WHERE feature_df.feature = f.feature",
            [article_id],
        )
        self.con.execute(
            "DELETE FROM feature_df WHERE df <= 0 AND feature IN "
            "(SELECT feature FROM article_features WHERE article_id = ?)",
            [article_id],
        )

    def _insert(self, table: str, rows: list[Row]) -> None:
        if not rows:
            return
        if table in _UPSERT_IGNORE:
            rows = list({row["id"]: row for row in reversed(rows)}.values())
        arrow = pa.Table.from_pylist(rows)
        view = f"_incoming_{table}"
        self.con.register(view, arrow)
        try:
            verb = "INSERT OR IGNORE" if table in _UPSERT_IGNORE else "INSERT"
            self.con.execute(f'{verb} INTO "{table}" BY NAME SELECT * FROM {view}')
        finally:
            self.con.unregister(view)
