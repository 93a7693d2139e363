"""Event routes: the filtered list (page, facets, downloads), the timeline, the map, one event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from eventwire.serve.filters import EVENT_FILTERS, EVENT_TIME, ActorNames, Filters, event_where
from eventwire.serve.listing import (
    MAX_LIMIT,
    MAX_OFFSET,
    Context,
    Facet,
    Listing,
    jsonable,
    page,
    parse,
    resolve_where,
    stream_csv,
    stream_json,
)  # fmt: skip
from eventwire.serve.reader import Cursor, fetch_dicts

INTERVALS = ("day", "week", "month", "year")
TOP_KEYS = 8  # actors drawn apart on the timeline; the rest are "other"
MAP_LIMIT = 2000


def actor_labels(cur: Cursor, names: ActorNames, ids: list[Any]) -> dict[Any, str]:
    rows = fetch_dicts(cur, "SELECT id, name FROM actors WHERE list_contains(?, id)", [[str(i) for i in ids]])
    return {r["id"]: r["name"] or r["id"] for r in rows}


def country_labels(cur: Cursor, names: ActorNames, codes: list[Any]) -> dict[Any, str]:
    out = {}
    for code in codes:
        record = names.kb.get(f"country:{code}")
        out[code] = f"{record.name} ({code})" if record else str(code)
    return out


def _facet(column: str, param: str) -> Facet:
    return Facet(
        f"SELECT {column} AS value, count(*) AS n FROM f WHERE {column} IS NOT NULL GROUP BY 1", param
    )


EVENTS = Listing(
    name="events",
    select="e.*",
    source="FROM events e",
    table="events",
    alias="e",
    order="e.num_articles DESC, e.confidence DESC NULLS LAST, e.id",
    filters=EVENT_FILTERS,
    where=event_where,
    facets={
        "type": _facet("type", "type"),
        "modality": _facet("modality", "modality"),
        "actor": Facet(
            "SELECT actor AS value, count(DISTINCT id) AS n FROM (SELECT id, source_actor AS actor FROM f "
            "UNION ALL SELECT id, target_actor FROM f) WHERE actor IS NOT NULL GROUP BY 1",
            "actor",
            actor_labels,
        ),
        "country": Facet(_facet("country", "country").sql, "country", country_labels),
        "outlet": Facet(
            "SELECT a.outlet AS value, count(DISTINCT f.id) AS n FROM f "
            "JOIN event_mentions m ON m.event_id = f.id JOIN articles a ON a.id = m.article_id "
            "WHERE a.outlet IS NOT NULL GROUP BY 1",
            "outlet",
        ),
        "place": _facet("place_name", "place"),
    },
)


def filter_docs(filters: dict[str, str]) -> dict[str, Any]:
    """OpenAPI parameters for filters read from the query string (so /docs lists them)."""
    return {
        "parameters": [
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": text,
                "schema": {"type": "string"},
            }
            for name, text in filters.items()
        ]
    }


def download(
    ctx: Context, listing: Listing, request: Request, sort: str | None, fmt: str
) -> StreamingResponse:
    sql, params = resolve_where(ctx, listing, request.url, sort)
    stream = stream_csv if fmt == "csv" else stream_json
    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    headers = {"Content-Disposition": f'attachment; filename="{listing.name}.{fmt}"'}
    return StreamingResponse(stream(ctx.reader, sql, params), media_type=media, headers=headers)


def add_event_routes(app: FastAPI, ctx: Context) -> None:
    docs = filter_docs(EVENT_FILTERS)

    @app.get("/api/events", tags=["events"], openapi_extra=docs)
    def events(
        request: Request,
        limit: int = Query(50, alias="_limit", ge=1, le=MAX_LIMIT),
        offset: int = Query(0, alias="_offset", ge=0, le=MAX_OFFSET),
        sort: str | None = Query(None, alias="_sort", description="column, or -column for descending"),
        facets: bool = Query(True, alias="_facets", description="count facets over the filtered events"),
    ) -> dict[str, Any]:
        """Deduplicated events, most reported first: a page of ``rows``, the ``total``, facets."""
        return page(ctx, EVENTS, request.url, limit, offset, sort, facets)

    @app.get("/api/events.csv", tags=["events"], openapi_extra=docs, response_class=StreamingResponse)
    def events_csv(request: Request, sort: str | None = Query(None, alias="_sort")) -> StreamingResponse:
        """Every filtered event as CSV (the same filters and order as /api/events, no paging)."""
        return download(ctx, EVENTS, request, sort, "csv")

    @app.get("/api/events.json", tags=["events"], openapi_extra=docs, response_class=StreamingResponse)
    def events_json(request: Request, sort: str | None = Query(None, alias="_sort")) -> StreamingResponse:
        """Every filtered event as one JSON array (the same filters and order as /api/events)."""
        return download(ctx, EVENTS, request, sort, "json")

    @app.get("/api/timeline", tags=["events"], openapi_extra=docs)
    def timeline(
        request: Request,
        interval: str = Query("auto", alias="_interval", pattern="^(auto|day|week|month|year)$"),
        by: str = Query("type", alias="_by", pattern="^(type|actor)$"),
    ) -> dict[str, Any]:
        """Events per day, week or month, stacked by type or by source actor.

        Counted over every filter but ``since`` and ``until``, which come back as the selection.
        """
        filters = parse(EVENTS, request.url)
        with ctx.reader.cursor() as cur:
            return _timeline(ctx, cur, filters, interval, by)

    @app.get("/api/map", tags=["events"], openapi_extra=docs)
    def map_points(
        request: Request, limit: int = Query(MAP_LIMIT, alias="_limit", ge=1, le=50_000)
    ) -> dict[str, Any]:
        """Filtered events that have coordinates, most reported first (``shown`` of ``total``)."""
        filters = parse(EVENTS, request.url)
        with ctx.reader.cursor() as cur:
            where = event_where(filters, cur, ctx.names)
            counts = fetch_dicts(
                cur,
                f"SELECT count(*) FILTER (WHERE e.lat IS NOT NULL) AS located, count(*) AS n FROM events e "
                f"WHERE {where.sql}",
                where.params,
            )[0]
            points = fetch_dicts(
                cur,
                "SELECT e.id, e.lat, e.lon, e.type, e.modality, e.date, e.place_name, e.source_text, "
                "e.source_actor, e.target_text, e.target_actor, left(e.evidence, 240) AS evidence, "
                f"e.num_articles, e.confidence FROM events e WHERE {where.sql} AND e.lat IS NOT NULL "
                f"ORDER BY {EVENTS.order} LIMIT ?",
                [*where.params, limit],
            )
        return {
            "total": counts["located"], "unlocated": counts["n"] - counts["located"], "shown": len(points),
            "points": [jsonable(p) for p in points], "notes": where.notes,
        }  # fmt: skip

    @app.get("/api/events/{event_id:path}", tags=["events"])
    def event(event_id: str) -> dict[str, Any]:
        """One event and every report of it (article, outlet, evidence offsets)."""
        with ctx.reader.cursor() as cur:
            found = fetch_dicts(cur, "SELECT * FROM events WHERE id = ?", [event_id])
            if not found:
                raise HTTPException(404, f"no event {event_id!r}")
            mentions = fetch_dicts(
                cur,
                """SELECT m.*, a.outlet, a.title, a.published, a.url FROM event_mentions m
                   JOIN articles a ON a.id = m.article_id
                   WHERE m.event_id = ? ORDER BY a.published NULLS LAST, m.article_id, m.idx""",
                [event_id],
            )
            ids = [i for i in (found[0]["source_actor"], found[0]["target_actor"]) if i]
            labels = actor_labels(cur, ctx.names, ids)
        return {**jsonable(found[0]), "actor_names": labels, "mentions": [jsonable(m) for m in mentions]}


def _timeline(ctx: Context, cur: Cursor, filters: Filters, interval: str, by: str) -> dict[str, Any]:
    where = event_where(filters.without("since", "until"), cur, ctx.names)
    cte = f"WITH f AS (SELECT e.*, {EVENT_TIME} AS t FROM events e WHERE {where.sql}) "
    extent = fetch_dicts(
        cur, f"{cte}SELECT min(t) AS lo, max(t) AS hi, count(*) FILTER (WHERE t IS NULL) AS undated FROM f",
        where.params,
    )[0]  # fmt: skip
    if interval == "auto":
        interval = _auto_interval(extent["lo"], extent["hi"])
    key = "type" if by == "type" else "coalesce(source_actor, '')"
    rows = fetch_dicts(
        cur,
        f"{cte}SELECT date_trunc(?, t)::DATE AS period, {key} AS key, count(*) AS n FROM f "
        "WHERE t IS NOT NULL GROUP BY ALL ORDER BY period, key",
        [*where.params, interval],
    )
    totals: dict[str, int] = {}
    for row in rows:
        totals[row["key"]] = totals.get(row["key"], 0) + row["n"]
    keys = sorted(totals, key=lambda k: (-totals[k], k))
    if by == "actor" and len(keys) > TOP_KEYS:
        kept = set(keys[:TOP_KEYS])
        for row in rows:
            row["key"] = row["key"] if row["key"] in kept else "other"
        keys = [*keys[:TOP_KEYS], "other"]
        totals["other"] = sum(v for k, v in totals.items() if k not in kept)
        merged: dict[tuple[Any, str], int] = {}
        for row in rows:
            merged[(row["period"], row["key"])] = merged.get((row["period"], row["key"]), 0) + row["n"]
        rows = [{"period": p, "key": k, "n": n} for (p, k), n in merged.items()]
    labels = actor_labels(cur, ctx.names, keys) if by == "actor" else {}
    labels.update({"": "(no source)", "other": "other actors"} if by == "actor" else {})
    return {
        "interval": interval, "by": by,
        "keys": [{"key": k, "label": labels.get(k, k), "total": totals[k]} for k in keys],
        "bins": [{"period": r["period"].isoformat(), "key": r["key"], "n": r["n"]} for r in rows],
        "extent": [_iso(extent["lo"]), _iso(extent["hi"])], "undated": extent["undated"],
        "since": filters.one("since"), "until": filters.one("until"), "notes": where.notes,
    }  # fmt: skip


def _auto_interval(lo: dt.date | None, hi: dt.date | None) -> str:
    if lo is None or hi is None:
        return "day"
    days = (hi - lo).days
    return "day" if days <= 92 else "week" if days <= 3 * 365 else "month"


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
