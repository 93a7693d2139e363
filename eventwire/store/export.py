"""Export every table of a store to Parquet, CSV or JSON Lines files, one per table."""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.errors import ConfigError, StoreError
from eventwire.store.batch import one_line
from eventwire.store.database import Store

TABLES = (
    "articles", "entities", "actors", "actor_mentions", "places", "place_mentions",
    "quotes", "cited_sources", "events", "event_mentions", "stories", "errors",
)  # fmt: skip
_COPY_OPTIONS = {
    "parquet": "(FORMAT parquet, COMPRESSION zstd)",
    "csv": "(FORMAT csv, HEADER true)",
    "jsonl": "(FORMAT json)",
}


def export_store(store: Store, fmt: str, out_dir: Path) -> list[Path]:
    """Write ``out_dir/<table>.<fmt>`` for each table; returns the files written."""
    if fmt not in _COPY_OPTIONS:
        raise ConfigError(f"unknown export format {fmt!r}: choose {', '.join(_COPY_OPTIONS)}")
    if out_dir.exists() and not out_dir.is_dir():
        raise ConfigError(f"{out_dir} is a file: export writes one file per table into a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{out_dir}: cannot create the folder ({exc.strerror})") from exc
    present = {row[0] for row in store.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    written = []
    for table in (t for t in TABLES if t in present):  # a store not yet upgraded may lack one
        target = out_dir / f"{table}.{fmt}"
        escaped = str(target).replace("'", "''")
        try:
            store.con.execute(f"COPY \"{table}\" TO '{escaped}' {_COPY_OPTIONS[fmt]}")
        except duckdb.Error as exc:
            raise StoreError(f"{target}: cannot write ({one_line(str(exc))})") from exc
        written.append(target)
    return written
