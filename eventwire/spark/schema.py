"""Column names and types of the Spark engine's output, derived from the DuckDB schema.

The Parquet tables a Spark run writes are the DuckDB store's tables (``store/schema.sql``,
docs/schema.md): the columns are read from an in-memory DuckDB built from that file, so a
column added there appears in the Parquet output without a change here. The ``errors``
table is the Spark engine's own (DuckDB ingest reports bad records instead of storing them).
"""

from __future__ import annotations

import functools
import re

import duckdb
import pyarrow as pa

from eventwire.store.database import SCHEMA_FILE

# Tables a Spark run writes, as in the DuckDB store.
ARTICLE_TABLES = (
    "articles", "entities", "actor_mentions", "place_mentions", "quotes", "cited_sources",
    "event_mentions",
)  # fmt: skip
SHARED_TABLES = ("actors", "places")  # one row per id, the first article's (in input order)
LINKED_TABLES = ("events", "stories")
INDEX_TABLES = ("article_signatures", "article_bands", "article_features", "feature_df")
ERRORS_TABLE = "errors"
ALL_TABLES = (*ARTICLE_TABLES, *SHARED_TABLES, *LINKED_TABLES, *INDEX_TABLES, ERRORS_TABLE)

# One row per record that could not be read, analysed or stored; the job goes on without it.
ERRORS_COLUMNS: tuple[tuple[str, str], ...] = (
    ("origin", "VARCHAR"),  # path, path:line of the record
    ("article_id", "VARCHAR"),  # when the record got as far as an article
    ("stage", "VARCHAR"),  # read, size, language, nlp, a pipeline stage's name, store
    ("reason", "VARCHAR"),  # the problem, as eventwire words it, or the exception
    ("chars", "BIGINT"),  # length of the text, when there was one
)

_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "BLOB": pa.binary(),
}


@functools.cache
def table_columns(table: str) -> tuple[tuple[str, str], ...]:
    """(name, DuckDB type) of each column of ``table``, in schema order."""
    if table == ERRORS_TABLE:
        return ERRORS_COLUMNS
    con = duckdb.connect(":memory:")
    try:
        con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
        rows = con.execute(f'DESCRIBE "{table}"').fetchall()
    finally:
        con.close()
    return tuple((row[0], row[1]) for row in rows)


def arrow_type(duckdb_type: str) -> pa.DataType:
    """The Arrow type of a DuckDB column type (``VARCHAR[]`` is a list of strings)."""
    if duckdb_type.endswith("[]"):
        return pa.list_(arrow_type(duckdb_type[:-2]))
    base = re.sub(r"\(.*\)$", "", duckdb_type)
    try:
        return _ARROW_TYPES[base]
    except KeyError:
        raise ValueError(f"no Arrow type for DuckDB type {duckdb_type!r}") from None


@functools.cache
def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table``: the DuckDB columns, names and types."""
    return pa.schema([(name, arrow_type(kind)) for name, kind in table_columns(table)])


def struct_type(table: str) -> pa.StructType:
    return pa.struct(list(arrow_schema(table)))


def spark_ddl(schema: pa.Schema) -> str:
    """A Spark DDL string (``a STRING, b ARRAY<STRUCT<...>>``) for an Arrow schema."""
    return ", ".join(f"`{f.name}` {_spark_type(f.type)}" for f in schema)


def _spark_type(kind: pa.DataType) -> str:
    if pa.types.is_struct(kind):
        fields = ", ".join(f"`{f.name}`: {_spark_type(f.type)}" for f in kind)
        return f"STRUCT<{fields}>"
    if pa.types.is_list(kind):
        return f"ARRAY<{_spark_type(kind.value_type)}>"
    simple = {
        pa.string(): "STRING", pa.int32(): "INT", pa.int64(): "BIGINT", pa.float64(): "DOUBLE",
        pa.bool_(): "BOOLEAN", pa.date32(): "DATE", pa.timestamp("us"): "TIMESTAMP_NTZ",
        pa.binary(): "BINARY",
    }  # fmt: skip
    try:
        return simple[kind]
    except KeyError:
        raise ValueError(f"no Spark type for Arrow type {kind}") from None
