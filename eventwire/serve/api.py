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
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from eventwire.config import PipelineConfig
from eventwire.serve.events import add_event_routes
from eventwire.serve.extract import ExtractPool, ExtractRefused, Task
from eventwire.serve.filters import ActorNames, FilterError
from eventwire.serve.guard import BodyLimit, HostCheck, ServeOptions, hide_origins, token_check
from eventwire.serve.listing import MAX_LIMIT, MAX_OFFSET, Context, jsonable
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
    text: str = Field(
        min_length=1, pattern=r"\S", description="Article text, optionally in the slug/caption layout."
    )
    published: dt.date | None = None
    title: str | None = None
    outlet: str | None = None
    min_confidence: float | None = Field(
        None, ge=0.0, le=1.0, description="Drop events under this confidence (above the default threshold)."
    )


def create_app(db: Path, kb_files: tuple[Path, ...] = (), options: ServeOptions | None = None) -> FastAPI:
    """The API and web UI over the store ``db`` (``kb_files``: the user's own actors, as ``--kb``;
    ``options``: limits, token, allowed hosts, see ``guard.py``)."""
    options = options or ServeOptions()
    ctx = Context(StoreReader(db), ActorNames(tuple(kb_files)), show_origin=options.show_origin)
    ctx.names.warm()
    pool = ExtractPool(PipelineConfig(model=options.model, kb_files=tuple(kb_files)), options.extract)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()  # shutdown never waits for an analysis

    app = FastAPI(
        title="eventwire",
        version=VERSION,
        description=__doc__,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(BodyLimit, limit=options.max_body_bytes)
    if options.allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=options.allowed_hosts)
    _add_error_handlers(app)
    _add_table_routes(app, ctx)
    add_event_routes(app, ctx)
    add_view_routes(app, ctx)
    _add_extract_route(app, pool, options)
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

    @app.exception_handler(ExtractRefused)
    def refused(request: Request, exc: ExtractRefused) -> JSONResponse:
        headers = {"Retry-After": "5"} if exc.status == 503 else None
        return JSONResponse({"detail": exc.detail}, status_code=exc.status, headers=headers)

    @app.exception_handler(Exception)
    def unexpected(request: Request, exc: Exception) -> JSONResponse:
        """A bug still answers in JSON, in one line, without a traceback."""
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        return JSONResponse({"detail": f"internal error ({detail})"}, status_code=500)


def _add_table_routes(app: FastAPI, ctx: Context) -> None:
    reader = ctx.reader

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
        offset: int = Query(0, alias="_offset", ge=0, le=MAX_OFFSET),
        sort: str | None = Query(None, alias="_sort"),
    ) -> dict[str, Any]:
        """Rows of one table, filtered by ``?column=value`` on its own columns."""
        all_columns = reader.columns()
        if table not in all_columns:
            raise HTTPException(404, f"no table {table!r}; tables: {', '.join(TABLES)}")
        columns = all_columns[table]
        filters = {k: v for k, v in request.query_params.items() if not k.startswith("_")}
        named = [*filters, *([sort.lstrip("-")] if sort else [])]
        unknown = [k for k in named if k not in columns]
        if unknown:
            raise HTTPException(400, f"unknown column(s) {', '.join(unknown)} in {table}")
        if "origin" in named and not ctx.show_origin:
            raise HTTPException(
                400, "origin holds server paths: filtering or sorting on it needs --show-origin"
            )
        where = " AND ".join(f'CAST("{k}" AS VARCHAR) = ?' for k in filters) or "TRUE"
        order = f'ORDER BY "{sort.lstrip("-")}" {"DESC" if sort.startswith("-") else "ASC"}' if sort else ""
        sql = f'SELECT * FROM "{table}" WHERE {where} {order} LIMIT ? OFFSET ?'
        rows = reader.rows(sql, [*filters.values(), limit, offset])
        shown = [hide_origins(jsonable(r), ctx.show_origin) for r in rows]
        return {"table": table, "columns": columns, "rows": shown, "limit": limit, "offset": offset}


def _add_extract_route(app: FastAPI, pool: ExtractPool, options: ServeOptions) -> None:
    limits = options.extract
    responses: dict[int | str, dict[str, Any]] = {
        401: {"description": "The server has an API token and the request does not carry it."},
        413: {"description": f"Text over {limits.max_chars:,} characters or body over the size limit."},
        422: {"description": "Not an article: empty text, binary data, no body after the headline."},
        503: {"description": "Busy (too many texts queued), too slow (stopped) or shutting down."},
    }

    @app.post(
        "/api/extract",
        tags=["extract"],
        responses=responses,
        dependencies=[Depends(token_check(options.token))],
    )
    def extract(body: ExtractRequest) -> dict[str, Any]:
        """Analyse a text without storing it, in a worker process (the model loads on the first call).
        Bounded: texts up to a size, a few at a time, each stopped past a time limit."""
        meta = {"title": body.title, "outlet": body.outlet}
        return pool.analyze(Task(body.text, body.published, meta, body.min_confidence))


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
