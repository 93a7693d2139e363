"""Schema versions and migrations: every store eventwire ever wrote opens, none is half-upgraded.

``meta.schema_version`` says which schema wrote a store. Version 1 covers every store
written before migrations were versioned: their shapes differ (the first lacked the
deduplication columns and tables, later ones the feed tables, ``quotes.kind``...), so the
upgrade compares the store with ``schema.sql`` rather than trusting the number. Version 2
adds the ``errors`` table.

Opening a store for writing plans the upgrade (:func:`plan`) and applies it in one
transaction (:func:`upgrade`): every table, index and column the current schema has and
the store lacks is created, the columns later code relies on are filled in from the rows
already there (``day`` from the publication or ingest date), and the version is set, all
or nothing. A store written by a newer eventwire is refused in one line
(:func:`check_version`), never written. ``eventwire migrate`` prints the plan.

Columns that a new store declares ``NOT NULL`` stay nullable in an upgraded one (DuckDB
cannot add the constraint in the transaction that fills them); eventwire always writes them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from eventwire.errors import StoreError
from eventwire.store.batch import one_line, rollback

SCHEMA_FILE = Path(__file__).with_name("schema.sql")
SCHEMA_VERSION = "2"
HISTORY = {
    "1": "stores written before versioned migrations (every earlier shape)",
    "2": "errors table; every column and table of schema.sql",
}

# Columns filled in from the rows already stored when an upgrade adds them, in this order
# (after every column is added: events.day is read from event_mentions.day).
BACKFILL: dict[tuple[str, str], str] = {
    ("articles", "day"): "UPDATE articles SET day = coalesce(published, CAST(ingested_at AS DATE))",
    ("quotes", "day"): "UPDATE quotes SET day = a.day FROM articles a WHERE a.id = quotes.article_id",
    ("event_mentions", "day"): (
        "UPDATE event_mentions SET day = a.day FROM articles a WHERE a.id = event_mentions.article_id"
    ),
    ("events", "day"): (
        "UPDATE events SET day = m.day FROM (SELECT event_id, min(day) AS day FROM event_mentions "
        "GROUP BY event_id) m WHERE m.event_id = events.id"
    ),
    ("article_bands", "day"): (
        "UPDATE article_bands SET day = a.day FROM articles a WHERE a.id = article_bands.article_id"
    ),
    ("article_features", "day"): (
        "UPDATE article_features SET day = a.day FROM articles a WHERE a.id = article_features.article_id"
    ),
    ("event_mentions", "other_mentions"): "UPDATE event_mentions SET other_mentions = '[]'",
}


@dataclass(slots=True)
class Step:
    """One change of an upgrade: what it does, in words, and its statements."""

    description: str
    statements: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Plan:
    version: str | None  # the store's version now; None for a new (empty) file
    steps: list[Step] = field(default_factory=list)

    @property
    def needed(self) -> bool:
        return bool(self.steps) or self.version != SCHEMA_VERSION

    def describe(self) -> str:
        """The plan in words, one change a line."""
        start = "a new store" if self.version is None else f"schema version {self.version}"
        if not self.needed:
            return f"{start}: up to date, nothing to change"
        lines = [f"{start} -> {SCHEMA_VERSION} ({HISTORY[SCHEMA_VERSION]}), in one transaction:"]
        lines += [f"  - {step.description}" for step in self.steps]
        lines.append(f"  - set meta.schema_version to {SCHEMA_VERSION}")
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Shape:
    """Tables (with their DDL), columns (name -> (type, default)) and indexes of a database."""

    tables: dict[str, str]
    columns: dict[str, dict[str, tuple[str, str | None]]]
    indexes: dict[str, str]


def check_version(con: duckdb.DuckDBPyConnection, path: str) -> str | None:
    """The store's schema version; a store from a newer eventwire is refused in one line."""
    version = stored_version(con)
    if version is not None and _newer(version):
        raise StoreError(
            f"{path}: written by a newer eventwire (schema version {version}; this one writes "
            f"version {SCHEMA_VERSION} and older): upgrade eventwire to write to it"
        )
    return version


def stored_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """``meta.schema_version``, "1" for a store without one, None for an empty database."""
    shape = shape_of(con)
    if not shape.tables:
        return None
    if "meta" not in shape.tables:
        raise StoreError("not an eventwire store (it has tables but no meta table)")
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return str(rows[0][0]) if rows else "1"


def plan(con: duckdb.DuckDBPyConnection) -> Plan:
    """What upgrading the store on ``con`` to the current schema would change."""
    version = stored_version(con)
    if version is None:
        return Plan(None, [Step("create every table of schema.sql", [SCHEMA_FILE.read_text("utf-8")])])
    have, want = shape_of(con), reference_shape()
    steps = [Step(f"create table {t}", [ddl]) for t, ddl in want.tables.items() if t not in have.tables]
    added = [
        (table, column, kind, default)
        for table, columns in want.columns.items() if table in have.tables
        for column, (kind, default) in columns.items() if column not in have.columns[table]
    ]  # fmt: skip
    steps += [_add_column(*new) for new in added]
    filled = {(table, column) for table, column, _, _ in added}
    steps += [
        Step(f"fill in {t}.{c} from the rows stored", [sql])
        for (t, c), sql in BACKFILL.items()
        if (t, c) in filled
    ]
    steps += [Step(f"create index {n}", [sql]) for n, sql in want.indexes.items() if n not in have.indexes]
    return Plan(version, steps)


def upgrade(con: duckdb.DuckDBPyConnection, path: str) -> Plan:
    """Bring the store to the current schema in one transaction; returns what was done."""
    check_version(con, path)
    todo = plan(con)
    if not todo.needed:
        return todo
    con.execute("BEGIN TRANSACTION")
    try:
        for step in todo.steps:
            for statement in step.statements:
                con.execute(statement)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        con.execute("COMMIT")
    except duckdb.Error as exc:
        rollback(con)
        problem = f"upgrade to schema version {SCHEMA_VERSION} failed, nothing changed"
        raise StoreError(f"{path}: {problem} ({one_line(str(exc))})") from exc
    return todo


def preview(path: str | Path) -> Plan:
    """The plan for the store at ``path``, read without writing (``eventwire migrate``)."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open database ({one_line(str(exc))})") from exc
    try:
        check_version(con, str(path))
        return plan(con)
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot read the schema ({one_line(str(exc))})") from exc
    finally:
        con.close()


def shape_of(con: duckdb.DuckDBPyConnection) -> Shape:
    """Tables, columns and indexes of the main schema of ``con``'s database."""
    where = "WHERE database_name = current_database() AND schema_name = 'main'"
    tables = dict(con.execute(f"SELECT table_name, sql FROM duckdb_tables() {where}").fetchall())
    columns: dict[str, dict[str, tuple[str, str | None]]] = {t: {} for t in tables}
    rows = con.execute(
        f"SELECT table_name, column_name, data_type, column_default FROM duckdb_columns() {where} "
        "ORDER BY table_name, column_index"
    ).fetchall()
    for table, column, kind, default in rows:
        if table in columns:
            columns[table][column] = (kind, default)
    indexes = dict(con.execute(f"SELECT index_name, sql FROM duckdb_indexes() {where}").fetchall())
    return Shape(tables, columns, indexes)


@functools.cache
def reference_shape() -> Shape:
    """The shape ``schema.sql`` gives a new store (read once per process)."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
        return shape_of(con)
    finally:
        con.close()


def _add_column(table: str, column: str, kind: str, default: str | None) -> Step:
    fill = f" DEFAULT {default}" if default is not None else ""
    how = f" (set to {default})" if default else ""
    return Step(
        f"add column {table}.{column} {kind}{how}",
        [f'ALTER TABLE "{table}" ADD COLUMN "{column}" {kind}{fill}'],
    )


def _newer(version: str) -> bool:
    try:
        return int(version) > int(SCHEMA_VERSION)
    except ValueError:
        return True  # not a version this eventwire wrote
