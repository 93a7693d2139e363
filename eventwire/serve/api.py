"""HTTP API over a store: JSON that mirrors the tables the CLI writes, plus an extract endpoint.

``create_app(db)`` opens the DuckDB file read-only (several servers may read while one
ingest writes elsewhere). Table endpoints accept ``?column=value`` filters on the table's
own columns, ``_limit``/``_offset`` paging and ``_sort``; unknown names are a 400 error,
never SQL. The web UI (``/``) is a static page that calls these same endpoints.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from eventwire.store.export import TABLES

STATIC = Path(__file__).with_name("static")
MAX_LIMIT = 1000


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, description="Article text, optionally in the slug/caption layout.")
    published: dt.date | None = None
    title: str | None = None
    outlet: str | None = None
    min_confidence: float | None = Field(
        None, ge=0.0, le=1.0, description="Drop events under this confidence (above the default threshold)."
    )


class StoreReader:
    """A read-only DuckDB connection shared by request threads (each uses its own cursor)."""

    def __init__(self, db: Path) -> None:
        if not db.is_file():
            raise FileNotFoundError(f"database file {db} does not exist")
        self.con = duckdb.connect(str(db), read_only=True)
        self.columns = {
            table: [row[0] for row in self.con.execute(f'DESCRIBE "{table}"').fetchall()] for table in TABLES
        }

    def rows(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = self.con.cursor()
        try:
            result = cursor.execute(sql, params)
            names = [d[0] for d in result.description or []]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
        finally:
            cursor.close()


def create_app(db: Path) -> FastAPI:
    reader = StoreReader(db)
    app = FastAPI(title="eventwire", version="0.1.0", description=__doc__)
    pipeline_lock = threading.Lock()
    pipeline_holder: dict[str, Any] = {}

    @app.get("/api/tables")
    def tables() -> list[dict[str, Any]]:
        """Every table with its columns and row count."""
        counts = reader.rows(
            " UNION ALL ".join(f"SELECT '{t}' AS name, count(*) AS rows FROM \"{t}\"" for t in TABLES), []
        )
        return [{**c, "columns": reader.columns[c["name"]]} for c in counts]

    @app.get("/api/tables/{table}")
    def table_rows(
        table: str,
        request: Request,
        limit: int = Query(100, alias="_limit", ge=1, le=MAX_LIMIT),
        offset: int = Query(0, alias="_offset", ge=0),
        sort: str | None = Query(None, alias="_sort"),
    ) -> dict[str, Any]:
        """Rows of one table, filtered by ``?column=value`` on its own columns."""
        if table not in reader.columns:
            raise HTTPException(404, f"no table {table!r}; tables: {', '.join(TABLES)}")
        columns = reader.columns[table]
        filters = {k: v for k, v in request.query_params.items() if not k.startswith("_")}
        unknown = [k for k in [*filters, *([sort.lstrip("-")] if sort else [])] if k not in columns]
        if unknown:
            raise HTTPException(400, f"unknown column(s) {', '.join(unknown)} in {table}")
        where = " AND ".join(f'CAST("{k}" AS VARCHAR) = ?' for k in filters) or "TRUE"
        order = f'ORDER BY "{sort.lstrip("-")}" {"DESC" if sort.startswith("-") else "ASC"}' if sort else ""
        sql = f'SELECT * FROM "{table}" WHERE {where} {order} LIMIT ? OFFSET ?'
        rows = reader.rows(sql, [*filters.values(), limit, offset])
        return {"table": table, "columns": columns, "rows": rows, "limit": limit, "offset": offset}

    @app.get("/api/events")
    def events(
        type: str | None = None,
        actor: str | None = Query(None, description="Actor id as source or target."),
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        min_confidence: float | None = Query(
            None, ge=0.0, le=1.0, description="Only events with at least this calibrated confidence."
        ),
        limit: int = Query(100, ge=1, le=MAX_LIMIT),
    ) -> list[dict[str, Any]]:
        """Deduplicated events, most reported first, with their actors, place and dates."""
        sql = """SELECT * FROM events
                 WHERE (?::VARCHAR IS NULL OR type = ?)
                   AND (?::VARCHAR IS NULL OR source_actor = ? OR target_actor = ?)
                   AND (?::VARCHAR IS NULL OR country = ?)
                   AND (?::DATE IS NULL OR date >= ?) AND (?::DATE IS NULL OR date <= ?)
                   AND (?::DOUBLE IS NULL OR confidence >= ?)
                 ORDER BY num_articles DESC, confidence DESC, id LIMIT ?"""
        params = [
            type, type, actor, actor, actor, country, country, since, since, until, until,
            min_confidence, min_confidence, limit,
        ]  # fmt: skip
        return reader.rows(sql, params)

    @app.get("/api/events/{event_id:path}")
    def event(event_id: str) -> dict[str, Any]:
        """One event and every report of it, with evidence offsets."""
        found = reader.rows("SELECT * FROM events WHERE id = ?", [event_id])
        if not found:
            raise HTTPException(404, f"no event {event_id!r}")
        mentions = reader.rows(
            """SELECT m.*, a.outlet, a.title, a.published FROM event_mentions m
               JOIN articles a ON a.id = m.article_id
               WHERE m.event_id = ? ORDER BY a.published, m.article_id""",
            [event_id],
        )
        return {**found[0], "mentions": mentions}

    @app.get("/api/articles/{article_id:path}")
    def article(article_id: str) -> dict[str, Any]:
        """An article with its text, quotes and event mentions, for highlighting evidence."""
        found = reader.rows("SELECT * FROM articles WHERE id = ?", [article_id])
        if not found:
            raise HTTPException(404, f"no article {article_id!r}")
        rows = reader.rows("SELECT * FROM quotes WHERE article_id = ? ORDER BY idx", [article_id])
        quotes = [r for r in rows if r.get("kind", "speech") == "speech"]
        attributions = [r for r in rows if r.get("kind", "speech") != "speech"]  # accusations, reports...
        events = reader.rows("SELECT * FROM event_mentions WHERE article_id = ? ORDER BY idx", [article_id])
        return {**found[0], "quotes": quotes, "attributions": attributions, "events": events}

    @app.post("/api/extract")
    def extract(body: ExtractRequest) -> dict[str, Any]:
        """Analyse a text without storing it (the spaCy model loads on the first call)."""
        from eventwire.pipeline import Pipeline

        with pipeline_lock:
            if "pipeline" not in pipeline_holder:
                pipeline_holder["pipeline"] = Pipeline()
            meta = {"title": body.title, "outlet": body.outlet}
            analysis = pipeline_holder["pipeline"].analyze_text(body.text, body.published, **meta)
        if body.min_confidence is not None:  # stricter than the pipeline's own threshold
            analysis.events = [e for e in analysis.events if e.confidence >= body.min_confidence]
        return analysis.to_dict()

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app
