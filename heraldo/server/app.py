"""`heraldo serve`: the REST API (FastAPI, OpenAPI at /docs) and the dashboard (static files).

Safety by construction: the server binds to 127.0.0.1 unless told otherwise; write endpoints need
a bearer token compared in constant time and never logged; bodies and fields have size limits;
every filter reaches SQL as a parameter (heraldo/store/sql.py); the dashboard builds its DOM with
`textContent` only, under a Content-Security-Policy that forbids inline scripts; CORS is off
unless origins are given. Coding runs in a separate process so that its per-article time limit
works and a pathological article cannot stall the API.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from datetime import date
from multiprocessing import get_context
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from heraldo.model import CodedArticle
from heraldo.pipeline import Config, Pipeline
from heraldo.store import FilterError, SQLStore, article_key

STATIC = Path(__file__).parent / "static"
MAX_TEXT = 1_000_000  # characters in one article sent to the API
MAX_BATCH = 100  # articles in one ingest request
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class ArticleIn(BaseModel):
    """One article, as in the JSON-lines contract (docs/coding-contract.md)."""

    id: str | None = Field(default=None, max_length=512)
    text: str | None = Field(default=None, max_length=MAX_TEXT)
    html: str | None = Field(default=None, max_length=MAX_TEXT)
    title: str | None = Field(default=None, max_length=2_000)
    date: str | None = Field(default=None, max_length=40)
    lang: str | None = Field(default=None, max_length=10)
    url: str | None = Field(default=None, max_length=4_000)
    outlet: str | None = Field(default=None, max_length=500)


class ErrorOut(BaseModel):
    """Every error heraldo raises itself: a sentence saying what is wrong."""

    detail: str


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    what = {
        400: "a filter value heraldo cannot use",
        401: "missing or wrong bearer token",
        403: "writing is disabled (no HERALDO_TOKEN)",
        404: "no such item",
        413: "request body too large",
    }
    return {c: {"model": ErrorOut, "description": what[c]} for c in codes}


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(max_length=MAX_BATCH)


class BodyLimit:
    """Refuse bodies larger than `limit` bytes with 413, whether or not Content-Length is sent."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await JSONResponse({"detail": f"request body larger than {self.limit} bytes"}, 413)(
                    scope, receive, send
                )
                return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise HTTPException(413, f"request body larger than {self.limit} bytes")
            return message

        await self.app(scope, limited, send)


class SecurityHeaders:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def query_filters(
    actor: str | None = Query(None, max_length=40, description="actor code prefix, either side"),
    source: str | None = Query(None, max_length=40),
    target: str | None = Query(None, max_length=40),
    country: str | None = Query(None, max_length=3),
    dyad: str | None = Query(None, max_length=81, pattern=r"^[^,]+,[^,]+$", description="A,B: either direction"),
    cameo: str | None = Query(None, max_length=4),
    plover: str | None = Query(None, max_length=20),
    quad: int | None = Query(None, ge=1, le=4),
    status: str | None = Query(None, max_length=20),
    since: date | None = Query(None, description="first date, YYYY-MM-DD"),
    until: date | None = Query(None, description="last date, YYYY-MM-DD"),
    place: str | None = Query(None, max_length=200),
    text: str | None = Query(None, max_length=200),
) -> dict[str, Any]:
    """The event filters of every listing endpoint (see heraldo/store/sql.py FILTERS)."""
    given = dict(
        actor=actor,
        source=source,
        target=target,
        country=country,
        dyad=dyad,
        cameo=cameo,
        plover=plover,
        quad=quad,
        status=status,
        since=since,
        until=until,
        place=place,
        text=text,
    )
    return {k: v for k, v in given.items() if v not in (None, "")}


Filters = Annotated[dict[str, Any], Depends(query_filters)]


# -- coding in a child process ---------------------------------------------------------------------
_CODER: Pipeline | None = None


def _init_coder(config: Config) -> None:
    global _CODER
    _CODER = Pipeline(config)


def _code(record: dict[str, Any]) -> CodedArticle:
    assert _CODER is not None
    return _CODER.code_safe(record)


def _warm() -> None:
    assert _CODER is not None
    for lang in sorted(_CODER.config.models):
        _CODER.stages(lang)  # models, knowledge base, places and the event classifier


class Coder:
    """One coding process, started on first use, resources loaded once."""

    def __init__(self, config: Config):
        self.config = config
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _get_pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    1, mp_context=get_context("spawn"), initializer=_init_coder, initargs=(self.config,)
                )
            return self._pool

    def __call__(self, record: dict[str, Any]) -> CodedArticle:
        return self._get_pool().submit(_code, record).result()

    def warm(self, wait: bool = False) -> None:
        """Start the coding process and load every language's resources in it (about 10 s), so
        the first request does not pay for it; `heraldo serve` does this at start-up, in the background."""
        future = self._get_pool().submit(_warm)
        if wait:
            future.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def create_app(
    store: SQLStore,
    token: str | None = None,
    cors: list[str] | None = None,
    max_body: int = 2_000_000,
    config: Config | None = None,
) -> FastAPI:
    coder = Coder(config or Config())

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        coder.close()

    app = FastAPI(
        lifespan=lifespan,
        title="heraldo",
        version="0.1.0",
        description="Political event data from news articles: events with evidence, actors, places, quotes.",
    )
    app.state.store, app.state.coder = store, coder

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if not token:
            raise HTTPException(403, "writing is disabled: start the server with HERALDO_TOKEN set")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})

    @app.exception_handler(FilterError)
    def bad_filter(_request: Any, exc: FilterError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, 400)

    @app.get("/api/health", responses=errors(413))
    def health() -> dict[str, Any]:
        return {"status": "ok", "schema_version": store.schema_version(), "counts": store.counts()}

    @app.get("/api/events", responses=errors(400, 413))
    def list_events(
        f: Filters, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10_000_000)
    ) -> dict[str, Any]:
        rows = store.events(limit=limit, offset=offset, filters=f)
        return {"total": store.count_events(f), "limit": limit, "offset": offset, "events": rows}

    @app.get("/api/events/{event_key}", responses=errors(404, 413))
    def one_event(event_key: str) -> dict[str, Any]:
        ev = store.event(event_key[:200])
        if ev is None:
            raise HTTPException(404, "no such event")
        return ev

    @app.get("/api/merged", responses=errors(400, 413))
    def merged_events(
        f: Filters, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10_000_000)
    ) -> dict[str, Any]:
        return {"limit": limit, "offset": offset, "events": store.merged(limit=limit, offset=offset, filters=f)}

    @app.get("/api/timeline", responses=errors(400, 413))
    def timeline(f: Filters, by: str = Query("month", pattern="^(day|week|month|year)$")) -> dict[str, Any]:
        return {"by": by, "filters": f, "series": store.timeline(f, by=by)}

    @app.get("/api/network", responses=errors(400, 413))
    def network(f: Filters, limit: int = Query(200, ge=1, le=2000)) -> dict[str, Any]:
        return {"edges": store.network(f, limit=limit)}

    @app.get("/api/locations", responses=errors(400, 413))
    def locations(f: Filters, limit: int = Query(2000, ge=1, le=10_000)) -> dict[str, Any]:
        return {"locations": store.locations(f, limit=limit)}

    @app.get("/api/actors", responses=errors(413))
    def actors(limit: int = Query(50, ge=1, le=1000)) -> dict[str, Any]:
        return {"actors": store.actors(limit=limit)}

    @app.get("/api/articles", responses=errors(413))
    def articles(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10_000_000)) -> dict[str, Any]:
        return {"articles": store.articles(limit=limit, offset=offset)}

    @app.get("/api/articles/{key}", responses=errors(404, 413))
    def article(key: str) -> dict[str, Any]:
        art = store.article(key[:200])
        if art is None:
            raise HTTPException(404, "no such article")
        return art

    @app.get("/api/world", responses=errors(413))
    def world_map() -> JSONResponse:
        from heraldo.server.world import world

        return JSONResponse({"countries": world()}, headers={"Cache-Control": "max-age=86400"})

    @app.post("/api/code", responses=errors(413))
    def code(article: ArticleIn) -> dict[str, Any]:
        """Code one article and return its contract record; nothing is stored."""
        return coder(article.model_dump(exclude_none=True)).to_json()

    @app.post("/api/ingest", dependencies=[Depends(require_token)], responses=errors(401, 403, 413))
    def ingest(body: IngestIn) -> dict[str, Any]:
        """Code articles and store them (idempotent by content hash). Needs the bearer token."""
        results: list[dict[str, Any]] = []
        for a in body.articles:
            record = a.model_dump(exclude_none=True)
            key = article_key(record)
            if store.has(key):
                results.append({"id": a.id, "article_key": key, "stored": False, "reason": "already in the store"})
                continue
            coded = coder(record)
            if coded.error:
                results.append({"id": a.id, "article_key": None, "stored": False, "error": coded.error})
                continue
            stored = store.add(key, coded)
            results.append({"id": a.id, "article_key": key, "stored": stored, "events": len(coded.events)})
        return {"results": results}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if cors:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=cors, allow_methods=["GET", "POST"], allow_headers=["*"])
    app.add_middleware(GZipMiddleware, minimum_size=2000)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=max_body)
    return app
