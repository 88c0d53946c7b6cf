"""The explorer's HTTP API (FastAPI) and the web app, served by one process.

Every error has one shape: ``{"error": {"status": 404, "code": "not_found", "message": ...,
"detail": ...}}``. Listings are paginated with ``limit``/``offset`` and answer ``{"items",
"total", "total_exact", "limit", "offset", "next"}`` (a listing counts its matches up to
10,000: past that ``total`` is 10,000 and ``total_exact`` false). Reading needs nothing;
ingest over HTTP needs the server's token (``Authorization: Bearer TOKEN``), and is refused
when the server has none.
"""

from __future__ import annotations

import hmac
import logging
import queue
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirescope import __version__, vocabulary
from wirescope.config import Settings
from wirescope.errors import UsageError, WirescopeError
from wirescope.export.contract import to_contract
from wirescope.export.incidents import incident_to_json
from wirescope.records import Document, Failure
from wirescope.resolve.series import Series, chosen, series_of
from wirescope.serve import schemas
from wirescope.serve.report import brief, reader_link, to_html, to_markdown
from wirescope.serve.views import Json, RecordIndex, incident_view, series_view
from wirescope.store import described, open_store, queries
from wirescope.store.queries import EventFilter, IncidentFilter, Page, Total
from wirescope.store.sqlite import SQLiteStore

WEB_DIR = Path(__file__).parent / "web"
MAX_LIMIT = 200
_NUMBER = r"\s*-?\d+(?:\.\d+)?\s*"
BBOX_PATTERN = rf"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$"  # west,south,east,north
MAX_OFFSET = 10_000_000  # past any store's size: a larger offset is a mistake (422)
MAX_BODY = 64 * 1024 * 1024  # bytes of one request body (413 past it)
IDLE_CONNECTIONS = 8  # store connections the server keeps open between requests
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
INGEST_PATH = "/api/documents"
log = logging.getLogger("wirescope.serve")

# Strict by default: the app loads only its own files; articles can never run script.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
# Swagger UI starts itself with an inline script; it still loads nothing from elsewhere.
DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
    "script-src 'self'", "script-src 'self' 'unsafe-inline'")


class ApiError(Exception):
    """An error answered with the API's one error shape."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


def _error(status: int, code: str, message: str, detail: Any = None) -> JSONResponse:
    body = {"error": {"status": status, "code": code, "message": message, "detail": detail}}
    return JSONResponse(body, status_code=status)


_STATUS_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 409: "conflict", 413: "too_large", 422: "invalid",
}


@dataclass
class Server:
    """What the app serves: a store path, the ingest token, the host names it answers to (a
    page on another name — DNS rebinding — is refused; ``"*"`` answers any), the largest
    request body, and a pipeline built on first use."""

    db: Path | str  # a SQLite file or a PostgreSQL connection string
    token: str | None = None
    hosts: tuple[str, ...] = LOOPBACK_HOSTS
    max_body: int = MAX_BODY
    settings: Settings = field(default_factory=Settings)
    _pipeline_lock: threading.Lock = field(default_factory=threading.Lock)
    _pipeline: Any = None
    # store connections kept between requests (each in one request's hands at a time)
    _idle: queue.SimpleQueue[SQLiteStore] = field(default_factory=queue.SimpleQueue)
    records: RecordCache = field(default_factory=lambda: RecordCache())
    series: SeriesCache = field(default_factory=lambda: SeriesCache())

    @contextmanager
    def store(self) -> Iterator[SQLiteStore]:
        """A connection of one request's own: FastAPI may run its dependency and its endpoint
        in different pool threads, so a connection is never shared between requests. It is
        taken from the idle ones, or opened, and given back when the request is done with it
        (a SQLite connection keeps its page cache warm so; a PostgreSQL one saves a connect)
        — unless a transaction was left open or the connection broke, then it is closed.
        What a connection cached for linking is dropped as it is given back: another
        connection may write before its next use."""
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = open_store(self.db, check_same_thread=False)  # (SQLite's; PostgreSQL's
            # connections move between threads anyway)
        healthy = False
        try:
            yield store
            healthy = store.idle()
        finally:
            store.released()
            if healthy and self._idle.qsize() < IDLE_CONNECTIONS:
                self._idle.put(store)
            else:
                store.close()

    def pipeline(self) -> Any:
        from wirescope.pipeline import Pipeline

        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = Pipeline.from_settings(self.settings.with_(db=self.db))
            return self._pipeline


class _ApiGzip:
    """gzip for the API's answers of 1 KiB or more (pages of events and incidents compress
    about tenfold), for clients that accept it; the web app's static files go as they are."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=1024)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)


class PageParams:
    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")] = 0,
    ) -> None:
        self.limit, self.offset = limit, offset


def _page(request: Request, items: list[Json], total: int, page: PageParams) -> JSONResponse:
    """A page of a listing; ``total`` a :class:`~wirescope.store.queries.Total` when the
    count stopped at its cap (then a full page has a next one, past the count too). Sent as
    it is: the items are JSON already (views), so FastAPI's generic encoder — which walks
    every value again, 10 ms for a page of figure series — is not run on them."""
    exact = not isinstance(total, Total) or total.exact
    following = page.offset + page.limit
    more = following < total or (not exact and len(items) == page.limit)
    next_url = str(request.url.include_query_params(offset=following)) if more else None
    return JSONResponse({
        "items": items, "total": int(total), "total_exact": exact, "limit": page.limit,
        "offset": page.offset, "next": next_url,
    })


def _store(request: Request) -> Iterator[SQLiteStore]:
    server: Server = request.app.state.server
    with server.store() as s:
        yield s


StoreDep = Annotated[SQLiteStore, Depends(_store)]
PageDep = Annotated[PageParams, Depends()]


RECORD_CACHE = 256  # record indexes a server keeps between requests


class RecordCache:
    """The record indexes of the documents the latest requests read, by what each document
    is (its content fingerprint and extraction signature): a document replaced since is read
    again, never served stale; the least recently used go first."""

    def __init__(self, size: int = RECORD_CACHE) -> None:
        self.size, self.lock = size, threading.Lock()
        self.held: OrderedDict[tuple[str, str, str], RecordIndex] = OrderedDict()

    def get(self, key: tuple[str, str, str]) -> RecordIndex | None:
        with self.lock:
            found = self.held.get(key)
            if found is not None:
                self.held.move_to_end(key)
            return found

    def put(self, key: tuple[str, str, str], index: RecordIndex) -> None:
        with self.lock:
            self.held[key] = index
            while len(self.held) > self.size:
                self.held.popitem(last=False)


class SeriesCache:
    """The running-figure series of the whole store (worked out from every document's kept
    figures), kept while the store's :meth:`~SQLiteStore.generation` stays the same: a
    document stored or replaced since means working them out again, never serving stale."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.held: tuple[int, list[Series]] | None = None

    def __call__(self, store: SQLiteStore) -> list[Series]:
        generation = store.generation()
        with self.lock:
            if self.held is not None and self.held[0] == generation:
                return self.held[1]
        found = series_of(store.figure_points())
        with self.lock:
            if self.held is None or self.held[0] <= generation:
                self.held = (generation, found)
        return found


class _Records:
    """Record indexes of the documents one request touches, read once each (from the
    server's :class:`RecordCache` while the stored document is the same)."""

    def __init__(self, store: SQLiteStore, shared: RecordCache) -> None:
        self.store, self.cache, self.shared = store, dict[str, RecordIndex](), shared

    def __call__(self, document_id: str) -> RecordIndex:
        index = self.cache.get(document_id)
        if index is None:
            version = self.store.version(document_id)
            if version is None:
                raise ApiError(404, "not_found", f"no document {document_id!r}")
            key = (document_id, *version)
            index = self.shared.get(key)
            if index is None:
                record = self.store.get(document_id)
                if record is None:
                    raise ApiError(404, "not_found", f"no document {document_id!r}")
                index = RecordIndex(record)
                self.shared.put(key, index)
            self.cache[document_id] = index
        return index


class DocumentIn(BaseModel):
    text: str = Field(description="The article text (at most 2,000,000 characters)")
    id: str | None = Field(default=None, description=(
        "Stable id (default: a hash of the text): 1 to 200 characters, no whitespace, slash, "
        "backslash or control character"))
    title: str | None = None
    source: str | None = None
    url: str | None = Field(default=None, description="The article's http(s) address")
    published: str | None = Field(default=None, description="Publication day, ISO 8601")


class IngestIn(BaseModel):
    documents: list[DocumentIn] = Field(min_length=1, max_length=500)


def _parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise ApiError(
            400, "bad_request", "bbox must be four numbers: west,south,east,north", value
        ) from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise ApiError(400, "bad_request", "bbox is outside the world or upside down", value)
    return west, south, east, north


class ErrorBody(BaseModel):
    status: int
    code: str = Field(description="Stable: bad_request, unauthorized, forbidden, not_found, "
                      "method_not_allowed, too_large, invalid, bad_host, internal, or a W-code")
    message: str
    detail: Any = None


class ErrorOut(BaseModel):
    """Every error the API answers, whatever the status."""

    error: ErrorBody


_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text} for status, text in (
        (400, "Bad request (a malformed filter, or a Host the server does not answer to)"),
        (404, "No such document, event or incident"),
        (422, "A parameter or the body is not valid"),
        (500, "Internal error (the server log has the details)"),
    )
}
_INGEST_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": text} for status, text in (
        (401, "No token, or not the server's"),
        (403, "Ingest over HTTP is off (the server has no token)"),
        (413, "The body or one document's text is too large"),
    )
}


def _host_name(host: str) -> str:
    """The name of a Host header: without its port, IPv6 without brackets."""
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class Guard:
    """Checks done before any route reads the request (plain ASGI): the Host must be one the
    server answers to; an ingest POST must carry the token before its body is read; no body
    may exceed ``server.max_body`` bytes (413), whether it says its length or not."""

    def __init__(self, app: Any, server: Server) -> None:
        self.app, self.server = app, server

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", ())}
        refusal = self._refusal(scope, headers)
        if refusal is None and scope["method"] in ("POST", "PUT", "PATCH"):
            body, refusal = await self._body(receive, headers)
            if refusal is None:
                receive = _replay(body)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, scope: Any, headers: dict[str, str]) -> JSONResponse | None:
        host = _host_name(headers.get("host", "")).casefold()
        if "*" not in self.server.hosts and host not in self.server.hosts:
            return _error(400, "bad_host", f"this server does not answer to the host {host!r}",
                          "start it with --allow-host NAME to serve that name")
        if scope["method"] == "POST" and scope["path"] == INGEST_PATH:
            try:
                _check_token(self.server.token, headers.get("authorization"))
            except ApiError as exc:
                return _error(exc.status, exc.code, exc.message)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.server.max_body:
            return self._too_large()
        return None

    def _too_large(self) -> JSONResponse:
        return _error(413, "too_large",
                      f"the request body is over {self.server.max_body:,} bytes",
                      "send fewer documents per request")

    async def _body(self, receive: Any, headers: dict[str, str]
                    ) -> tuple[bytes, JSONResponse | None]:
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.server.max_body:
                return b"", self._too_large()
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks), None


def _replay(body: bytes) -> Any:
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def create_app(server: Server) -> FastAPI:
    def resolve(flt: queries.FilterT) -> queries.FilterT:
        """The filter read through what its names mean (aliases, transliterations, ACLED
        and PLOVER vocabularies); a value outside a closed vocabulary is a 422 that lists
        the allowed values."""
        try:
            return queries.resolved(flt, server.settings.actor_files)
        except UsageError as exc:
            raise ApiError(422, "invalid", exc.message, exc.hint) from None

    app = FastAPI(
        title="wirescope",
        version=__version__,
        description="What happened, where, when, who did it to whom, how many — and who says so.",
        docs_url=None,  # served below from the npm-built files, not from a CDN
        redoc_url=None,
        responses=_ERRORS,
    )
    app.state.server = server
    app.add_middleware(Guard, server=server)
    app.add_middleware(_ApiGzip)

    def openapi() -> dict[str, Any]:
        """FastAPI's document, with the response schemas the routes refer to (derived from
        the record declarations: :mod:`wirescope.serve.schemas`)."""
        if app.openapi_schema is None:
            document = get_openapi(title=app.title, version=app.version,
                                   description=app.description, routes=app.routes)
            found = document.setdefault("components", {}).setdefault("schemas", {})
            found.update({schemas.PREFIX + k: v for k, v in schemas.components().items()})
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "error")
        response = _error(exc.status_code, code, str(exc.detail))
        response.headers.update(exc.headers or {})  # a 405 says what is Allowed
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            {"where": ".".join(str(p) for p in e["loc"]), "problem": e["msg"]}
            for e in exc.errors()
        ]
        return _error(422, "invalid", "the request's parameters or body are not valid", problems)

    @app.exception_handler(WirescopeError)
    async def wirescope_error(_: Request, exc: WirescopeError) -> JSONResponse:
        return _error(500, exc.code, exc.message, exc.hint)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error answering %s %s", request.method, request.url.path)
        return _error(500, "internal", "internal error (the server log has the details)")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = (
            DOCS_CONTENT_SECURITY_POLICY if request.url.path == "/api/docs"
            else CONTENT_SECURITY_POLICY
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/api/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        """Swagger UI over /openapi.json, from the files `make web` built (offline)."""
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="wirescope API",
            swagger_js_url="/vendor/swagger-ui-bundle.js",
            swagger_css_url="/vendor/swagger-ui.css", swagger_favicon_url="data:,",
        )

    @app.get("/api/health", tags=["meta"], response_model=None,
             responses={200: schemas.response("health")})
    def health(s: StoreDep) -> Json:
        """Version, store and counts; whether ingest is open (a token is set)."""
        return {
            "version": __version__, "store": described(server.db), "counts": s.counts(),
            "ingest": server.token is not None,
        }

    @app.get("/api/documents", tags=["documents"], response_model=None,
             responses={200: schemas.response("page_of_document_row")})
    def documents(
        request: Request, s: StoreDep, page: PageDep,
        q: Annotated[str | None, Query(description="Full-text search (FTS5 syntax or words)")]
        = None,
    ) -> JSONResponse:
        """Documents, newest first; with ``q``, the best matches first and a snippet whose
        matches are wrapped in ``[`` ``]``."""
        if q:
            total, rows = s.search_documents(q, limit=page.limit, offset=page.offset)
            items = [
                {
                    "id": r["id"], "title": r["title"], "published": r["published"],
                    "snippet": r["snippet"], "counts": {t: r[f"n_{t}"] for t in queries.COUNTED},
                }
                for r in rows
            ]
            return _page(request, items, total, page)
        total, rows = s.list_documents(limit=page.limit, offset=page.offset)
        items = [
            {
                "id": r["id"], "title": r["title"], "source": r["source"], "url": r["url"],
                "published": r["published"],
                "counts": {t: r[f"n_{t}"] for t in queries.COUNTED},
            }
            for r in rows
        ]
        return _page(request, items, total, page)

    @app.get("/api/documents/{document_id}", tags=["documents"], response_model=None,
             responses={200: schemas.response("document_view")})
    def document(document_id: str, s: StoreDep) -> Json:
        """One document with all its records (the ``wirescope/1`` contract) and its events
        joined to their places, times, actors and claims."""
        index = _Records(s, server.records)(document_id)
        return {
            **to_contract(index.record),
            "event_views": [index.event_view(e) for e in index.record.events],
        }

    @app.post(INGEST_PATH, tags=["documents"], status_code=201, response_model=None,
              responses={**_INGEST_ERRORS, 201: schemas.response("ingest_result", "Created")})
    def ingest(
        body: IngestIn, s: StoreDep,
        authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
    ) -> Json:
        """Extract and store documents (needs the server's token). Rejected documents come
        back as failures with their reason; the others are stored."""
        _check_token(server.token, authorization)
        from wirescope import batch
        from wirescope.ingest.dates import parse_published
        from wirescope.ingest.text import (
            MAX_CHARS,
            document_id,
            require_text,
            require_url,
        )

        too_long = [n for n, d in enumerate(body.documents) if len(d.text) > MAX_CHARS]
        if too_long:
            raise ApiError(413, "too_large", f"documents[{too_long[0]}].text is over "
                           f"{MAX_CHARS:,} characters", {"documents": too_long})
        items: list[Document | Failure] = []
        for number, d in enumerate(body.documents):
            origin = f"http:documents[{number}]"
            try:
                text = require_text(d.text)
                items.append(
                    Document(
                        id=document_id(d.id, text),
                        text=text, title=d.title, source=d.source, url=require_url(d.url),
                        published=parse_published(d.published), origin=origin,
                    )
                )
            except WirescopeError as exc:
                items.append(Failure.from_error(exc, origin=origin, stage="ingest",
                                                document_id=_printable_id(d.id)))
        report = batch.ingest(items, s, server.pipeline(), command="serve ingest")
        ids = [d.id for d in items if isinstance(d, Document)]
        failed = {f.document_id for f in report.failures}
        return {
            "run": report.run_id, "stored": report.stored, "replaced": report.replaced,
            "unchanged": report.unchanged,
            "documents": [i for i in ids if i not in failed],
            "failures": [
                {"origin": f.origin, "document_id": f.document_id, "code": f.code,
                 "reason": f.reason}
                for f in report.failures
            ],
        }

    @app.get("/api/events", tags=["events"], response_model=None,
             responses={200: schemas.response("page_of_event_view")})
    def events(
        request: Request, s: StoreDep, page: PageDep,
        type: Annotated[str | None, Query(description="PLOVER type, e.g. ASSAULT")] = None,
        sub_type: Annotated[str | None, Query(description="ACLED sub-event type")] = None,
        actor: Annotated[str | None, Query(description="Actor or target: id or name")] = None,
        place: Annotated[str | None, Query(description="Place id or name, or governorate")]
        = None,
        bbox: Annotated[str | None, Query(description="west,south,east,north",
                                            pattern=BBOX_PATTERN)] = None,
        date_from: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        date_to: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        factuality: Annotated[str | None, Query(description="e.g. asserted, threatened")]
        = None,
        speaker: Annotated[str | None, Query(description="Who claims it: id or name")] = None,
        document: Annotated[str | None, Query(description="One document's events")] = None,
    ) -> JSONResponse:
        """Events across the store, filtered; each with its sentence, place, time, actors,
        numbers and the claim it belongs to."""
        flt = resolve(EventFilter(
            document=document, type=type, acled_sub_event_type=sub_type, actor=actor,
            place=place, bbox=_parse_bbox(bbox), date_from=date_from, date_to=date_to,
            factuality=factuality, speaker=speaker,
        ))
        found = s.find_events(flt, limit=page.limit, offset=page.offset)
        return _page(request, _events(s, found, server.records), found.total, page)

    @app.get("/api/documents/{document_id}/events/{event_id}", tags=["events"], response_model=None,
             responses={200: schemas.response("event_view")})
    def event(document_id: str, event_id: str, s: StoreDep) -> Json:
        index = _Records(s, server.records)(document_id)
        found = index.events.get(event_id)
        if found is None:
            raise ApiError(404, "not_found", f"no event {event_id!r} in {document_id!r}")
        return index.event_view(found)

    @app.get("/api/actors", tags=["actors"], response_model=None,
             responses={200: schemas.response("page_of_actor_row")})
    def actors(
        request: Request, s: StoreDep, page: PageDep,
        q: Annotated[str | None, Query(description="Id or part of the name")] = None,
        type: Annotated[str | None, Query(description="person, armed_group, state…")] = None,
    ) -> JSONResponse:
        """Actors across documents with how many documents and mentions name them."""
        total, rows = s.actors(
            q=q, type=type, limit=page.limit, offset=page.offset,
            ids=vocabulary.actor_ids(q, server.settings.actor_files) if q else ())
        return _page(request, [dict(r) for r in rows], total, page)

    @app.get("/api/places", tags=["places"], response_model=None,
             responses={200: schemas.response("page_of_place_row")})
    def places(
        request: Request, s: StoreDep, page: PageDep,
        q: Annotated[str | None, Query(description="Id, part of the name, or governorate")]
        = None,
        country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2")] = None,
    ) -> JSONResponse:
        """Places across documents with how many documents and events they hold."""
        total, rows = s.places(q=q, country=country, limit=page.limit, offset=page.offset,
                                named=vocabulary.places(q) if q else None)
        return _page(request, [dict(r) for r in rows], total, page)

    @app.get("/api/claims", tags=["claims"], response_model=None,
             responses={200: schemas.response("page_of_claim_view")})
    def claims(
        request: Request, s: StoreDep, page: PageDep,
        speaker: Annotated[str | None, Query(description="Speaker id or name")] = None,
        document: Annotated[str | None, Query(description="One document's claims")] = None,
        date_from: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                               description="Made on or after")] = None,
        date_to: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                             description="Made on or before")] = None,
        order: Annotated[Literal["speaker", "date"],
                         Query(description="Grouped by speaker (then day), or by day")]
        = "speaker",
        place: Annotated[str | None, Query(
            description="Reports an event there or names it (any name of the place)")] = None,
        topic: Annotated[str | None, Query(
            description="Words of the claim, or the type of an event it reports")] = None,
    ) -> JSONResponse:
        """Claims grouped by speaker (or in order of the day each was made), each with the
        day it was made and what says so, the events it reports and their numbers."""
        found = s.find_claims(
            speaker=speaker, document=document, limit=page.limit, offset=page.offset,
            speaker_ids=vocabulary.actor_ids(speaker, server.settings.actor_files)
            if speaker else (), date_from=date_from, date_to=date_to, order=order,
            place=place, places=vocabulary.places(place) if place else None, topic=topic)
        records = _Records(s, server.records)
        items = [
            records(doc_id).claim_view(records(doc_id).quotes[qid], with_events=True)
            for doc_id, qid in found.keys
        ]
        return _page(request, items, found.total, page)

    @app.get("/api/figures", tags=["figures"], response_model=None,
             responses={200: schemas.response("page_of_figure_series")})
    def figures(
        request: Request, s: StoreDep, page: PageDep,
        speaker: Annotated[str | None,
                           Query(description="Claimant: id, name or any alias")] = None,
        measure: Annotated[str | None,
                           Query(description="Measure name or its start, any case")] = None,
    ) -> JSONResponse:
        """Running figures each claimant gives (settlements reconciled, armed groups in the
        ceasefire, fighters eliminated …) as series of dated points, each point's words and
        each series' checks (a cumulative total that falls, a percentage that does not match
        its part and whole)."""
        wanted = chosen(server.series(s), speaker=speaker, measure=measure,
                        speaker_ids=(vocabulary.actor_ids(speaker, server.settings.actor_files)
                                     if speaker else ()))
        shown = wanted[page.offset : page.offset + page.limit]
        texts = s.texts({p.document for x in shown for p in x.points}
                        | {f.document for x in shown for f in x.flags})
        items = [series_view(x, texts.get) for x in shown]
        return _page(request, items, len(wanted), page)

    @app.get("/api/incidents", tags=["incidents"], response_model=None,
             responses={200: schemas.response("page_of_incident")})
    def incidents(
        request: Request, s: StoreDep, page: PageDep,
        type: Annotated[str | None, Query(description="PLOVER type, e.g. ASSAULT")] = None,
        sub_type: Annotated[str | None, Query(description="ACLED sub-event type")] = None,
        actor: Annotated[str | None, Query(description="Actor of a report: id or name")]
        = None,
        place: Annotated[str | None, Query(description="Place name or governorate")] = None,
        bbox: Annotated[str | None, Query(description="west,south,east,north",
                                            pattern=BBOX_PATTERN)] = None,
        date_from: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        date_to: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        grade: Annotated[str | None,
                         Query(description="single, corroborated or contested (any case)")]
        = None,
        min_sources: Annotated[int | None, Query(ge=1, le=1000,
                                                 description="Least independent origins")]
        = None,
        document: Annotated[str | None, Query(description="Incidents one document reports")]
        = None,
    ) -> JSONResponse:
        """Incidents — one real-world event each, across every article that reports it —
        latest first, with their figures (every claim and who makes it), sources and
        contradictions."""
        flt = resolve(IncidentFilter(
            type=type, sub_type=sub_type, actor=actor, place=place, bbox=_parse_bbox(bbox),
            date_from=date_from, date_to=date_to, grade=grade, min_sources=min_sources,
            document=document))
        total, found = s.find_incidents(flt, limit=page.limit, offset=page.offset)
        return _page(request, [incident_to_json(i) for i in found], total, page)

    @app.get("/api/incidents/{incident_id}", tags=["incidents"], response_model=None,
             responses={200: schemas.response("incident_view")})
    def incident(incident_id: str, s: StoreDep) -> Json:
        """One incident with its reports side by side (each report's sentence and
        mentions) and the text of every claim."""
        found = s.incident(incident_id)
        if found is None:
            raise ApiError(404, "not_found", f"no incident {incident_id!r}")
        records = _Records(s, server.records)

        def index(document_id: str) -> RecordIndex | None:
            try:
                return records(document_id)
            except ApiError:
                return None

        return incident_view(incident_to_json(found), index)

    @app.get("/report", include_in_schema=False, response_model=None)
    def situation_report(
        s: StoreDep,
        place: Annotated[str | None, Query()] = None,
        date_from: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        date_to: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        actor: Annotated[str | None, Query()] = None,
        format: Annotated[Literal["html", "md"], Query()] = "html",
    ) -> Response:
        """The situation report of a place and period (``wirescope report``), its citations
        linked to the sentences in this app's reader."""
        found = brief(s, resolve(
            IncidentFilter(place=place, date_from=date_from, date_to=date_to, actor=actor)))
        link = reader_link()
        if format == "md":
            return Response(to_markdown(found, link), media_type="text/markdown; charset=utf-8")
        return HTMLResponse(to_html(found, link))

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown(rest: str) -> Json:
        raise ApiError(404, "not_found", f"no endpoint /api/{rest}")

    if WEB_DIR.is_dir():
        app.mount("/", StaticFiles(directory=WEB_DIR, html=True), name="web")
    return app


def _events(s: SQLiteStore, found: Page, shared: RecordCache) -> list[Json]:
    records = _Records(s, shared)
    return [
        records(doc_id).event_view(records(doc_id).events[event_id])
        for doc_id, event_id in found.keys
    ]


def _printable_id(value: str | None) -> str | None:
    """An id as a failure may keep it: one that breaks the id rule is not stored as given."""
    from wirescope.ingest.text import require_id

    try:
        return require_id(value) if value is not None else None
    except WirescopeError:
        return None


def _check_token(token: str | None, authorization: str | None) -> None:
    if token is None:
        raise ApiError(
            403, "forbidden",
            "ingest over HTTP is off: start the server with --token (or WIRESCOPE_TOKEN)",
        )
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise ApiError(401, "unauthorized", "send the server's token: Authorization: Bearer TOKEN")
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "unauthorized", "the token is not the server's")

