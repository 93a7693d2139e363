"""Read-only access to a store that another process may be writing.

DuckDB lets one process write a database file, and a process that has the file open (even
read-only) holds a lock that keeps a writer out. So the server does not keep the file open
while idle: a request opens a read-only connection (concurrent requests share it), closed
``linger`` seconds (0.25) after the last request ends. An ``eventwire ingest`` running beside
the server opens the file only while it writes a batch (``Store(..., hold_lock=False)``);
while it waits for the file it leaves a marker beside it, and the server then starts no new
request until the writer has it. So each side waits at most for the other's current batch or
requests, and every request sees the batches committed before it began. A writer that keeps
the file for longer than ``busy_timeout`` makes requests fail with :class:`StoreBusy` (HTTP
503), never serve stale data.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.store.batch import one_line
from eventwire.store.database import WRITER_WAITING
from eventwire.store.export import TABLES
from eventwire.store.migrate import plan

Cursor = duckdb.DuckDBPyConnection


class StoreBusy(StoreError):
    """Another process has held the write lock for longer than the reader waits."""


class QueryTimeout(Exception):
    """A query ran past its time limit and was interrupted."""


def is_lock_conflict(exc: BaseException) -> bool:
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


class StoreReader:
    """Short-lived read-only connections to one DuckDB file, shared by concurrent requests."""

    def __init__(self, db: Path, busy_timeout: float = 10.0, linger: float = 0.25) -> None:
        if not db.is_file():
            raise FileNotFoundError(f"database file {db} does not exist")
        self.db = db
        self.busy_timeout = busy_timeout
        self.linger = linger  # keep the file open this long after a request, for the next one
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._generation = 0  # bumped by every request, so that a stale closing timer does nothing
        self._waiting = Path(f"{db}{WRITER_WAITING}")
        self._columns: dict[str, list[str]] = {}
        self._columns_key: tuple[int, int] | None = None
        self._check_schema()
        self.columns()  # fails now, not on the first request, if the file is not a store

    def _check_schema(self) -> None:
        """A store an older eventwire wrote is upgraded by a writer, never by the server."""
        with self.cursor() as cur:
            try:
                todo = plan(cur)
            except duckdb.Error as exc:
                raise StoreError(f"{self.db}: cannot read the database ({one_line(str(exc))})") from exc
        if todo.steps:
            raise StoreError(
                f"{self.db}: written by an older eventwire (schema version {todo.version}); "
                f"upgrade it first: eventwire migrate --db {self.db} --apply"
            )

    @contextmanager
    def cursor(self) -> Iterator[Cursor]:
        """A cursor on a read-only connection that is closed when no request needs it."""
        con = self._join()
        cursor = con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()
            with self._lock:
                self._users -= 1
                generation = self._generation
            if self.linger > 0 and not self._writer_waiting():
                timer = threading.Timer(self.linger, self._close_if_idle, [generation])
                timer.daemon = True
                timer.start()
            else:
                self._close_if_idle(generation)

    def _join(self) -> duckdb.DuckDBPyConnection:
        """The shared connection, opened if need be; while a writer waits, no new request starts."""
        deadline = time.monotonic() + self.busy_timeout
        while True:
            with self._lock:
                if not self._writer_waiting() or time.monotonic() >= deadline:
                    if self._con is None:
                        self._con = self._open()
                    self._users += 1
                    self._generation += 1
                    return self._con
            time.sleep(0.02)

    def _writer_waiting(self) -> bool:
        """Whether a writer is waiting for the file (its marker is refreshed every 50 ms)."""
        try:
            return time.time() - os.stat(self._waiting).st_mtime < 2.0
        except OSError:
            return False

    def _close_if_idle(self, generation: int) -> None:
        with self._lock:
            if self._users == 0 and self._generation == generation and self._con is not None:
                self._con.close()
                self._con = None

    def _open(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.busy_timeout
        delay = 0.02
        while True:
            try:
                return duckdb.connect(str(self.db), read_only=True)
            except duckdb.Error as exc:
                if not is_lock_conflict(exc):
                    raise StoreError(f"{self.db}: cannot open database ({one_line(str(exc))})") from exc
                if time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"{self.db.name} is being written by another process (an ingest that keeps "
                        "it open); try again in a moment"
                    ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.25)

    def columns(self, table: str | None = None) -> dict[str, list[str]]:
        """Column names of every table (re-read when the file changes: an upgrade adds some)."""
        stat = os.stat(self.db)
        key = (stat.st_mtime_ns, stat.st_size)
        if key != self._columns_key:
            with self.cursor() as cur:
                self._columns = {
                    t: [row[0] for row in cur.execute(f'DESCRIBE "{t}"').fetchall()] for t in TABLES
                }
            self._columns_key = key
        return self._columns

    def rows(self, sql: str, params: Sequence[Any] = (), cur: Cursor | None = None) -> list[dict[str, Any]]:
        """Rows as dicts, on ``cur`` or on a connection of their own."""
        if cur is None:
            with self.cursor() as own:
                return fetch_dicts(own, sql, params)
        return fetch_dicts(cur, sql, params)


def fetch_dicts(
    cur: Cursor, sql: str, params: Sequence[Any] = (), timeout: float | None = None
) -> list[dict[str, Any]]:
    """Run one statement on ``cur``.

    With a ``timeout`` it runs on a cursor of its own, interrupted past ``timeout`` seconds
    (:class:`QueryTimeout`), so that a late interrupt can never reach another statement.
    """
    if not timeout:
        result = cur.execute(sql, list(params))
        names = [d[0] for d in result.description or []]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
    own = cur.cursor()
    timer = threading.Timer(timeout, own.interrupt)
    timer.start()
    try:
        return fetch_dicts(own, sql, params)
    except duckdb.InterruptException as exc:
        raise QueryTimeout(f"query interrupted after {timeout} s") from exc
    finally:
        timer.cancel()
        own.close()
