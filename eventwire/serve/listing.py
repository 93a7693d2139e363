"""Filtered listings (events, quotes): one page with a total and facets, or every row as a download.

Following datasette: the facets count over the filtered query (``limit size + 1`` tells
whether a facet is ``truncated``), each value carries ``selected`` and a ``toggle_url``, a
facet that runs past its time limit is named in ``facets_timed_out`` and the page still
comes back, and a download is the same query in another format (``.csv``, ``.json``),
streamed, holding exactly the filtered rows in the listing's order.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from starlette.datastructures import URL, QueryParams

from eventwire.serve.filters import ActorNames, FilterError, Filters, Where, order_by
from eventwire.serve.reader import Cursor, QueryTimeout, StoreReader, fetch_dicts

MAX_LIMIT = 1000
MAX_OFFSET = 10**12  # larger offsets find nothing anyway, and DuckDB takes at most 2**63 - 1
FACET_SIZE = 10
STREAM_CHUNK = 2000

Labeller = Callable[[Cursor, ActorNames, list[Any]], dict[Any, str]]


@dataclass(frozen=True, slots=True)
class Facet:
    """Counts of one column over the filtered rows ``f``; toggling a value edits ``param``."""

    sql: str  # SELECT value, n FROM f ... GROUP BY 1 (ORDER BY and LIMIT are added)
    param: str
    label: Labeller | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    name: str
    select: str  # columns of a row
    source: str  # FROM ... (with the alias the WHERE builder uses)
    table: str  # the table whose columns ``_sort`` may name
    alias: str
    order: str  # default ORDER BY, ending in a unique key
    filters: dict[str, str]
    where: Callable[[Filters, Cursor, ActorNames], Where]
    facets: dict[str, Facet] = field(default_factory=dict)

    def sql(self, where: Where, order: str) -> str:
        return f"SELECT {self.select} {self.source} WHERE {where.sql} ORDER BY {order}"


@dataclass(slots=True)
class Context:
    reader: StoreReader
    names: ActorNames
    facet_timeout: float = 1.0
    show_origin: bool = False  # articles.origin in full (server paths), else the file's name only


def replaced(url: URL, **changes: str | list[str] | None) -> str:
    """``url``'s path and query with some arguments replaced (None removes them)."""
    items = [(k, v) for k, v in query_items(url) if k not in changes]
    for key, value in changes.items():
        if isinstance(value, list):
            items.extend((key, v) for v in value)
        elif value is not None:
            items.append((key, value))
    query = urlencode(items)
    return f"{url.path}?{query}" if query else url.path


def query_items(url: URL) -> list[tuple[str, str]]:
    return QueryParams(url.query).multi_items()


def parse(listing: Listing, url: URL) -> Filters:
    return Filters.parse(query_items(url), listing.filters)


def page(ctx: Context, listing: Listing, url: URL, limit: int, offset: int, sort: str | None,
         facets: bool = True, facet_size: int = FACET_SIZE) -> dict[str, Any]:  # fmt: skip
    """One page of the filtered rows, the total, links to the next and previous pages, facets."""
    filters = parse(listing, url)
    with ctx.reader.cursor() as cur:
        where = listing.where(filters, cur, ctx.names)
        columns = ctx.reader.columns()[listing.table]
        order = order_by(sort, columns, listing.alias, listing.order)
        total = fetch_dicts(cur, f"SELECT count(*) AS n {listing.source} WHERE {where.sql}", where.params)[0][
            "n"
        ]
        rows = fetch_dicts(
            cur, f"{listing.sql(where, order)} LIMIT ? OFFSET ?", [*where.params, limit, offset]
        )
        counted, timed_out = (
            _facets(ctx, cur, listing, where, filters, url, facet_size) if facets else ({}, [])
        )
    more = offset + len(rows) < total
    return {
        "rows": [jsonable(r) for r in rows],
        "total": total,
        "limit": limit,
        "offset": offset,
        "next_url": replaced(url, _offset=str(offset + limit)) if more else None,
        "prev_url": replaced(url, _offset=str(offset - limit) if offset > limit else None)
        if offset
        else None,
        "filters": filters.values,
        "resolved": where.resolved,
        "notes": where.notes,
        "facets": counted,
        "facets_timed_out": timed_out,
    }


def _facets(ctx: Context, cur: Cursor, listing: Listing, where: Where, filters: Filters, url: URL,
            size: int) -> tuple[dict[str, Any], list[str]]:  # fmt: skip
    """Every facet in one statement over the filtered rows, computed once (``MATERIALIZED``)."""
    counts = " UNION ALL ".join(
        f"SELECT '{name}' AS facet, value::VARCHAR AS value, n FROM ({facet.sql})"
        for name, facet in listing.facets.items()
    )  # names and SQL are the listing's own constants
    sql = (
        f"WITH f AS MATERIALIZED (SELECT {listing.select} {listing.source} WHERE {where.sql}), "
        f"counted AS ({counts}) SELECT facet, value, n FROM (SELECT *, row_number() OVER "
        "(PARTITION BY facet ORDER BY n DESC, value) AS rank FROM counted) "
        "WHERE rank <= ? ORDER BY facet, rank"
    )
    try:
        rows = fetch_dicts(cur, sql, [*where.params, size + 1], timeout=ctx.facet_timeout)
    except QueryTimeout:
        return {}, list(listing.facets)
    out: dict[str, Any] = {}
    for name, facet in listing.facets.items():
        found = [r for r in rows if r["facet"] == name]
        shown = found[:size]
        labels = facet.label(cur, ctx.names, [r["value"] for r in shown]) if facet.label else {}
        out[name] = {
            "param": facet.param,
            "values": [_facet_value(url, filters, where, facet.param, r, labels) for r in shown],
            "truncated": len(found) > size,
        }
    return out, []


def _facet_value(url: URL, filters: Filters, where: Where, param: str, row: dict[str, Any],
                 labels: dict[Any, str]) -> dict[str, Any]:  # fmt: skip
    value = str(row["value"])
    current = filters.many(param)
    chosen = {v.lower() for v in current} | {a["id"].lower() for a in where.resolved.get(param, [])}
    selected = value.lower() in chosen
    toggled = [v for v in current if v.lower() != value.lower()] if selected else [*current, value]
    return {
        "value": value, "label": labels.get(value, value), "count": row["n"], "selected": selected,
        "toggle_url": replaced(url, **{param: toggled, "_offset": None}),
    }  # fmt: skip


def resolve_where(ctx: Context, listing: Listing, url: URL, sort: str | None) -> tuple[str, list[Any]]:
    """The SQL and parameters of every filtered row, checked before a download starts streaming."""
    filters = parse(listing, url)
    with ctx.reader.cursor() as cur:
        where = listing.where(filters, cur, ctx.names)
        order = order_by(sort, ctx.reader.columns()[listing.table], listing.alias, listing.order)
    return listing.sql(where, order), where.params


def stream_csv(reader: StoreReader, sql: str, params: list[Any]) -> Iterator[str]:
    """The rows as CSV text (a header, then one line per row), fetched in chunks."""
    with reader.cursor() as cur:
        result = cur.execute(sql, params)
        names = [d[0] for d in result.description or []]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        while True:
            chunk = result.fetchmany(STREAM_CHUNK)
            for row in chunk:
                writer.writerow([_csv_cell(v) for v in row])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            if not chunk:
                return


def stream_json(reader: StoreReader, sql: str, params: list[Any]) -> Iterator[str]:
    """The rows as one JSON array of objects, fetched in chunks."""
    with reader.cursor() as cur:
        result = cur.execute(sql, params)
        names = [d[0] for d in result.description or []]
        yield "["
        first = True
        while chunk := result.fetchmany(STREAM_CHUNK):
            parts = [
                json.dumps(jsonable(dict(zip(names, row, strict=True))), ensure_ascii=False) for row in chunk
            ]
            yield ("\n" if first else ",\n") + ",\n".join(parts)
            first = False
        yield "\n]\n"


JSON_COLUMNS = frozenset({"other_mentions", "sections", "warnings", "mentions"})


def jsonable(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if key in JSON_COLUMNS and isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        out[key] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return _plain(value)


__all__ = ["Context", "Facet", "FilterError", "Listing", "MAX_LIMIT", "page", "replaced", "resolve_where"]
