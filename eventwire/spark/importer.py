"""``eventwire import-parquet``: load a Spark run's Parquet tables into a DuckDB store.

The folder holds one sub-folder per table (``articles/day=2024-03-04/part-*.parquet``,
...), with the store's columns, so each table is one ``INSERT ... SELECT`` from
``read_parquet`` and the whole import is one transaction. After it, ``query``, ``serve``
and ``ingest`` work on the store as on one ingested article by article: the deduplication
indexes come along, so later ingests link to the imported articles. The ``errors`` table
is created when the run had errors. Needs DuckDB only, not Spark.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from eventwire.errors import StoreError
from eventwire.spark.schema import ALL_TABLES, ERRORS_TABLE, table_columns
from eventwire.store.database import Store

# Shared records: an id the store already holds keeps its row (as ingest does).
_KEEP_EXISTING = ("actors", "places")


def import_parquet(folder: str | Path, db: str | Path) -> dict[str, int]:
    """Rows imported per table; raises StoreError (and imports nothing) on a conflict."""
    root = Path(folder)
    if not (root / "articles").is_dir():
        raise StoreError(f"{root}: not the output of eventwire spark-ingest (no articles/ folder)")
    counts: dict[str, int] = {}
    with Store(db) as store:
        con = store.con
        con.execute("BEGIN TRANSACTION")
        try:
            for table in ALL_TABLES:
                files = sorted((root / table).rglob("*.parquet"))
                if files:
                    counts[table] = _import_table(con, table, [str(f) for f in files])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"{db}: import of {root} failed, nothing was imported ({exc})") from exc
    return counts


def _import_table(con: duckdb.DuckDBPyConnection, table: str, files: list[str]) -> int:
    if table == ERRORS_TABLE:
        columns_sql = ", ".join(f'"{name}" {kind}' for name, kind in table_columns(ERRORS_TABLE))
        con.execute(f"CREATE TABLE IF NOT EXISTS {ERRORS_TABLE} ({columns_sql})")
    source = "read_parquet(?, hive_partitioning = true, union_by_name = true)"
    present = {row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {source}", [files]).fetchall()}
    names = ", ".join(f'"{name}"' for name, _ in table_columns(table) if name in present)
    before = con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]
    if table == "feature_df":
        con.execute(
            f"INSERT INTO feature_df SELECT feature, df FROM {source} "
            "ON CONFLICT (feature) DO UPDATE SET df = df + excluded.df",
            [files],
        )
    else:
        verb = "INSERT OR IGNORE" if table in _KEEP_EXISTING else "INSERT"
        con.execute(f'{verb} INTO "{table}" ({names}) SELECT {names} FROM {source}', [files])
    after = con.execute(f'SELECT count(*) FROM "{table}"').fetchall()[0][0]
    return int(after - before)
