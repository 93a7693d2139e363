"""HTTP API over a store: JSON that mirrors the tables the CLI writes, plus an extract endpoint.

The API only reads. ``create_app(db)`` opens the DuckDB file read-only for each request and
closes it after, so an ``eventwire ingest`` can write the same file while the server runs,
and each request sees every batch committed before it began (details in ``reader.py``).

Listings (``/api/events``, ``/api/quotes``) take filters as ``?name=value`` (names in the
parameters below; values are case-insensitive), and controls whose names start with ``_``:
``_limit``, ``_offset``, ``_sort`` (``-column`` for descending), ``_facets``. A page holds
``rows``, ``total``, ``next_url`` and facets; ``.csv`` and ``.json`` after the listing's name
give every filtered row. Table endpoints accept ``?column=value`` on the table's own
columns. Unknown names are a 400 error, never SQL; values are always bound parameters. The
web UI (``/``) calls these same endpoints.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from eventwire.serve.events import add_event_routes
from eventwire.serve.filters import ActorNames, FilterError
from eventwire.serve.listing import MAX_LIMIT, Context, jsonable
from eventwire.serve.reader import QueryTimeout, StoreBusy, StoreReader
from eventwire.serve.views import add_view_routes
from eventwire.store.export import TABLES

STATIC = Path(__file__).with_name("static")
# Pages load nothing from elsewhere (the docs' "by Redocly" logo stays unloaded), run no inline
# script but the docs' start-up, and send requests only to this server.
CSP = (
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'{docs}; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; frame-ancestors 'self'"
)
VENDOR = "/static/vendor"
VERSION = "0.1.0"


class ExtractRequest(BaseModel):
    text: str = Field(min_length=1, description="Article text, optionally in the slug/caption layout.")
    published: dt.date | None = None
    title: str | None = None
    outlet: str | None = None
    min_confidence: float | None = Field(
        None, ge=0.0, le=1.0, description="Drop events under this confidence (above the default threshold)."
    )


def create_app(db: Path, kb_files: tuple[Path, ...] = ()) -> FastAPI:
    """The API and web UI over the store ``db`` (``kb_files``: the user's own actors, as ``--kb``)."""
    ctx = Context(StoreReader(db), ActorNames(tuple(kb_files)))
    ctx.names.warm()
    app = FastAPI(title="eventwire", version=VERSION, description=__doc__, docs_url=None, redoc_url=None)
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    _add_error_handlers(app)
    _add_table_routes(app, ctx.reader)
    add_event_routes(app, ctx)
    add_view_routes(app, ctx)
    _add_extract_route(app)
    _add_pages(app)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(FilterError)
    def bad_filter(request: Request, exc: FilterError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(StoreBusy)
    def busy(request: Request, exc: StoreBusy) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503, headers={"Retry-After": "2"})

    @app.exception_handler(QueryTimeout)
    def timeout(request: Request, exc: QueryTimeout) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=504)


def _add_table_routes(app: FastAPI, reader: StoreReader) -> None:
    @app.get("/api/tables", tags=["tables"])
    def tables() -> list[dict[str, Any]]:
        """Every table with its columns and row count."""
        columns = reader.columns()
        counts = reader.rows(
            " UNION ALL ".join(f"SELECT '{t}' AS name, count(*) AS rows FROM \"{t}\"" for t in TABLES)
        )
        return [{**c, "columns": columns[c["name"]]} for c in counts]

    @app.get("/api/tables/{table}", tags=["tables"])
    def table_rows(
        table: str,
        request: Request,
        limit: int = Query(100, alias="_limit", ge=1, le=MAX_LIMIT),
        offset: int = Query(0, alias="_offset", ge=0),
        sort: str | None = Query(None, alias="_sort"),
    ) -> dict[str, Any]:
        """Rows of one table, filtered by ``?column=value`` on its own columns."""
        all_columns = reader.columns()
        if table not in all_columns:
            raise HTTPException(404, f"no table {table!r}; tables: {', '.join(TABLES)}")
        columns = all_columns[table]
        filters = {k: v for k, v in request.query_params.items() if not k.startswith("_")}
        unknown = [k for k in [*filters, *([sort.lstrip("-")] if sort else [])] if k not in columns]
        if unknown:
            raise HTTPException(400, f"unknown column(s) {', '.join(unknown)} in {table}")
        where = " AND ".join(f'CAST("{k}" AS VARCHAR) = ?' for k in filters) or "TRUE"
        order = f'ORDER BY "{sort.lstrip("-")}" {"DESC" if sort.startswith("-") else "ASC"}' if sort else ""
        sql = f'SELECT * FROM "{table}" WHERE {where} {order} LIMIT ? OFFSET ?'
        rows = reader.rows(sql, [*filters.values(), limit, offset])
        return {"table": table, "columns": columns, "rows": [jsonable(r) for r in rows], "limit": limit,
                "offset": offset}  # fmt: skip


def _add_extract_route(app: FastAPI) -> None:
    pipeline_lock = threading.Lock()
    pipeline_holder: dict[str, Any] = {}

    @app.post("/api/extract", tags=["extract"])
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


def _add_pages(app: FastAPI) -> None:
    """The web UI and the API docs, every asset served from ``static/`` (nothing from a CDN)."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    favicon = "/static/favicon.svg"

    docs_csp = {"Content-Security-Policy": CSP.format(docs=" 'unsafe-inline' blob:")}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        headers = {"Cache-Control": "no-cache", "Content-Security-Policy": CSP.format(docs="")}
        return FileResponse(STATIC / "index.html", headers=headers)

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return _with_headers(docs_csp, get_swagger_ui_html(
            openapi_url="/openapi.json", title="eventwire API",
            swagger_js_url=f"{VENDOR}/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url=f"{VENDOR}/swagger-ui/swagger-ui.css", swagger_favicon_url=favicon,
            swagger_ui_parameters={"validatorUrl": None},  # no call to validator.swagger.io
        ))  # fmt: skip

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return _with_headers(docs_csp, get_redoc_html(
            openapi_url="/openapi.json", title="eventwire API",
            redoc_js_url=f"{VENDOR}/redoc/redoc.standalone.js", redoc_favicon_url=favicon,
            with_google_fonts=False,
        ))  # fmt: skip


def _with_headers(headers: dict[str, str], response: HTMLResponse) -> HTMLResponse:
    response.headers.update(headers)
    return response
