"""Routes for quotes, stories, actors and articles: the pages of the web UI besides events."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import StreamingResponse

from eventwire.resolve.kb import normalise
from eventwire.serve.events import actor_labels, download, filter_docs
from eventwire.serve.filters import QUOTE_FILTERS, quote_where
from eventwire.serve.guard import hide_origins
from eventwire.serve.listing import MAX_LIMIT, MAX_OFFSET, Context, Facet, Listing, jsonable, page
from eventwire.serve.reader import Cursor, fetch_dicts

QUOTES = Listing(
    name="quotes",
    select="qt.*, a.outlet, a.title AS article_title, a.published, a.story_id",
    source="FROM quotes qt JOIN articles a ON a.id = qt.article_id",
    table="quotes",
    alias="qt",
    order="a.day DESC NULLS LAST, qt.article_id, qt.idx",
    filters=QUOTE_FILTERS,
    where=quote_where,
    facets={
        "kind": Facet("SELECT coalesce(kind, 'speech') AS value, count(*) AS n FROM f GROUP BY 1", "kind"),
        "speaker": Facet(
            "SELECT speaker_actor AS value, count(*) AS n FROM f WHERE speaker_actor IS NOT NULL GROUP BY 1",
            "actor",
            actor_labels,
        ),
        "outlet": Facet(
            "SELECT outlet AS value, count(*) AS n FROM f WHERE outlet IS NOT NULL GROUP BY 1", "outlet"
        ),
        "reported_by": Facet(
            "SELECT reported_by AS value, count(*) AS n FROM f WHERE reported_by IS NOT NULL GROUP BY 1",
            "reported_by",
        ),
    },
)

ACTOR_COUNTS = """
WITH sides AS (
    SELECT source_actor AS actor, 1 AS src, 0 AS tgt FROM events WHERE source_actor IS NOT NULL
    UNION ALL SELECT target_actor, 0, 1 FROM events WHERE target_actor IS NOT NULL),
counts AS (SELECT actor, sum(src) AS as_source, sum(tgt) AS as_target FROM sides GROUP BY 1),
said AS (SELECT speaker_actor AS actor, count(*) AS quotes FROM quotes
         WHERE speaker_actor IS NOT NULL GROUP BY 1)
SELECT a.*, coalesce(c.as_source, 0)::INTEGER AS as_source, coalesce(c.as_target, 0)::INTEGER AS as_target,
       coalesce(s.quotes, 0)::INTEGER AS quotes
FROM actors a LEFT JOIN counts c ON c.actor = a.id LEFT JOIN said s ON s.actor = a.id
"""


def add_view_routes(app: FastAPI, ctx: Context) -> None:
    docs = filter_docs(QUOTE_FILTERS)

    @app.get("/api/quotes", tags=["quotes"], openapi_extra=docs)
    def quotes(
        request: Request,
        limit: int = Query(50, alias="_limit", ge=1, le=MAX_LIMIT),
        offset: int = Query(0, alias="_offset", ge=0, le=MAX_OFFSET),
        sort: str | None = Query(None, alias="_sort"),
        facets: bool = Query(True, alias="_facets"),
    ) -> dict[str, Any]:
        """Quotes (kind ``speech``) and attributions, newest articles first, with speaker, cue and outlet."""
        return page(ctx, QUOTES, request.url, limit, offset, sort, facets)

    @app.get("/api/quotes.csv", tags=["quotes"], openapi_extra=docs, response_class=StreamingResponse)
    def quotes_csv(request: Request, sort: str | None = Query(None, alias="_sort")) -> StreamingResponse:
        """Every filtered quote as CSV."""
        return download(ctx, QUOTES, request, sort, "csv")

    @app.get("/api/quotes.json", tags=["quotes"], openapi_extra=docs, response_class=StreamingResponse)
    def quotes_json(request: Request, sort: str | None = Query(None, alias="_sort")) -> StreamingResponse:
        """Every filtered quote as one JSON array."""
        return download(ctx, QUOTES, request, sort, "json")

    @app.get("/api/stories", tags=["stories"])
    def stories(
        q: str | None = Query(None, description="words of the story title (any case)"),
        limit: int = Query(50, alias="_limit", ge=1, le=MAX_LIMIT),
        offset: int = Query(0, alias="_offset", ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        """Story clusters, the most reported first."""
        where, params = "TRUE", []
        if q:
            words = q.lower().split()
            where = " AND ".join("contains(lower(coalesce(title, '')), ?)" for _ in words)
            params = words
        with ctx.reader.cursor() as cur:
            total = fetch_dicts(cur, f"SELECT count(*) AS n FROM stories WHERE {where}", params)[0]["n"]
            rows = fetch_dicts(
                cur,
                f"SELECT * FROM stories WHERE {where} ORDER BY num_articles DESC, last_seen DESC, id "
                "LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
        return {"rows": [jsonable(r) for r in rows], "total": total, "limit": limit, "offset": offset}

    @app.get("/api/stories/{story_id:path}", tags=["stories"])
    def story(story_id: str) -> dict[str, Any]:
        """A story: its articles by outlet and time, and the events they report, merged."""
        with ctx.reader.cursor() as cur:
            found = fetch_dicts(cur, "SELECT * FROM stories WHERE id = ?", [story_id])
            if not found:
                raise HTTPException(404, f"no story {story_id!r}")
            articles = fetch_dicts(
                cur,
                """SELECT id, title, outlet, published, ingested_at, url, canonical_id,
                          (SELECT count(*) FROM event_mentions m WHERE m.article_id = a.id) AS num_events
                   FROM articles a WHERE story_id = ?
                   ORDER BY published NULLS LAST, ingested_at, outlet, id""",
                [story_id],
            )
            events = fetch_dicts(
                cur,
                """SELECT * FROM events WHERE story_id = ? OR id IN (
                       SELECT m.event_id FROM event_mentions m JOIN articles a ON a.id = m.article_id
                       WHERE a.story_id = ?)
                   ORDER BY num_articles DESC, confidence DESC NULLS LAST, id""",
                [story_id, story_id],
            )
        return {
            **jsonable(found[0]),
            "articles": [jsonable(a) for a in articles],
            "events": [jsonable(e) for e in events],
        }

    @app.get("/api/actors", tags=["actors"])
    def actors(
        q: str | None = Query(None, description="name, alias or id (any case, part of it)"),
        limit: int = Query(50, alias="_limit", ge=1, le=MAX_LIMIT),
        offset: int = Query(0, alias="_offset", ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        """Actors in the store, the most active first, with their event and quote counts."""
        with ctx.reader.cursor() as cur:
            ids = _matching_actors(ctx, cur, q) if q and q.strip() else None
            where, params = ("list_contains(?::VARCHAR[], a.id)", [ids]) if ids is not None else ("TRUE", [])
            sql = f"SELECT * FROM ({ACTOR_COUNTS} WHERE {where})"
            total = fetch_dicts(cur, f"SELECT count(*) AS n FROM ({sql})", params)[0]["n"]
            rows = fetch_dicts(
                cur,
                f"{sql} ORDER BY as_source + as_target + quotes DESC, name, id LIMIT ? OFFSET ?",
                [*params, limit, offset],
            )
        return {"rows": [jsonable(r) for r in rows], "total": total, "limit": limit, "offset": offset}

    @app.get("/api/actors/{actor_id:path}", tags=["actors"])
    def actor(actor_id: str, limit: int = Query(200, alias="_limit", ge=1, le=MAX_LIMIT)) -> dict[str, Any]:
        """One actor: its record and aliases, counts, events as source and as target, its quotes."""
        with ctx.reader.cursor() as cur:
            found = fetch_dicts(cur, f"{ACTOR_COUNTS} WHERE a.id = ?", [actor_id]) or _unlisted(cur, actor_id)
            order = "ORDER BY coalesce(date, day) DESC NULLS LAST, num_articles DESC, id LIMIT ?"
            as_source = fetch_dicts(
                cur, f"SELECT * FROM events WHERE source_actor = ? {order}", [actor_id, limit]
            )
            as_target = fetch_dicts(
                cur, f"SELECT * FROM events WHERE target_actor = ? {order}", [actor_id, limit]
            )
            said = fetch_dicts(
                cur,
                """SELECT qt.*, a.outlet, a.title AS article_title, a.published FROM quotes qt
                   JOIN articles a ON a.id = qt.article_id WHERE qt.speaker_actor = ?
                   ORDER BY a.day DESC NULLS LAST, qt.article_id, qt.idx LIMIT ?""",
                [actor_id, limit],
            )
            sides = [e[k] for e in as_source + as_target for k in ("source_actor", "target_actor")]
            labels = actor_labels(cur, ctx.names, [a for a in sides if a])
        record = ctx.names.kb.get(actor_id)
        return {
            **jsonable(found[0]),
            "aliases": list(record.aliases) if record else [],
            "role": record.role if record else None,
            "actor_names": labels,
            "events_as_source": [jsonable(e) for e in as_source],
            "events_as_target": [jsonable(e) for e in as_target],
            "statements": [jsonable(q) for q in said],  # its quotes, then attributions
        }

    @app.get("/api/articles/{article_id:path}", tags=["articles"])
    def article(article_id: str) -> dict[str, Any]:
        """An article with its text, quotes, attributions and event mentions (offsets for highlighting)."""
        with ctx.reader.cursor() as cur:
            found = fetch_dicts(cur, "SELECT * FROM articles WHERE id = ?", [article_id])
            if not found:
                raise HTTPException(404, f"no article {article_id!r}")
            rows = fetch_dicts(cur, "SELECT * FROM quotes WHERE article_id = ? ORDER BY idx", [article_id])
            events = fetch_dicts(
                cur, "SELECT * FROM event_mentions WHERE article_id = ? ORDER BY idx", [article_id]
            )
        quotes = [jsonable(r) for r in rows if (r.get("kind") or "speech") == "speech"]
        attributions = [jsonable(r) for r in rows if (r.get("kind") or "speech") != "speech"]
        record = hide_origins(jsonable(found[0]), ctx.show_origin)
        return {**record, "quotes": quotes, "attributions": attributions,
                "events": [jsonable(e) for e in events]}  # fmt: skip


def _matching_actors(ctx: Context, cur: Cursor, query: str) -> list[str]:
    """Ids whose name, id or a knowledge-base alias contains the query, and what it resolves to."""
    low, key = query.strip().lower(), normalise(query)
    ids = set(ctx.names.ids(cur, query))
    rows = fetch_dicts(
        cur, "SELECT id FROM actors WHERE contains(lower(name), ?) OR contains(lower(id), ?)", [low, low]
    )
    ids.update(r["id"] for r in rows)
    if len(key) >= 3:
        ids.update(actor_id for alias, actor_id in ctx.names.kb.names.items() if key in alias)
    return sorted(ids)


def _unlisted(cur: Cursor, actor_id: str) -> list[dict[str, Any]]:
    """An id that events or quotes name but the actors table lacks (a speaker guessed from a role)."""
    sql = """SELECT (SELECT count(*) FROM events WHERE source_actor = $1)::INTEGER AS as_source,
                    (SELECT count(*) FROM events WHERE target_actor = $1)::INTEGER AS as_target,
                    (SELECT count(*) FROM quotes WHERE speaker_actor = $1)::INTEGER AS quotes"""
    counts = fetch_dicts(cur, sql, [actor_id])[0]
    if not any(counts.values()):
        raise HTTPException(404, f"no actor {actor_id!r}")
    return [{"id": actor_id, "name": actor_id.removeprefix("unk:").replace("-", " "), "kind": None,
             "country": None, "sectors": None, "wikidata": None, "known": False, **counts}]  # fmt: skip
