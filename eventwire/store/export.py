"""Export every table of a store to Parquet, CSV or JSON Lines files, one per table."""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import ConfigError
from eventwire.store.database import Store

TABLES = (
    "articles", "entities", "actors", "actor_mentions", "places", "place_mentions",
    "quotes", "cited_sources", "events", "event_mentions", "stories",
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
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        target = out_dir / f"{table}.{fmt}"
        escaped = str(target).replace("'", "''")
        store.con.execute(f"COPY \"{table}\" TO '{escaped}' {_COPY_OPTIONS[fmt]}")
        written.append(target)
    return written
