"""The explorer's HTTP API (FastAPI) and the web app, served by one process.

Every error has one shape: ``{"error": {"status": 404, "code": "not_found", "message": ...,
"detail": ...}}``. Listings are paginated with ``limit``/``offset`` and answer ``{"items",
"total", "limit", "offset", "next"}``. Reading needs nothing; ingest over HTTP needs the
server's token (``Authorization: Bearer TOKEN``), and is refused when the server has none.
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirescope import __version__
from wirescope.config import Settings
from wirescope.errors import WirescopeError
from wirescope.export.contract import to_contract
from wirescope.export.incidents import incident_to_json
from wirescope.records import Document, Failure
from wirescope.serve.views import Json, RecordIndex, incident_view
from wirescope.store import queries
from wirescope.store.queries import EventFilter, IncidentFilter, Page
from wirescope.store.sqlite import SQLiteStore

WEB_DIR = Path(__file__).parent / "web"
MAX_LIMIT = 200

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
    """What the app serves: a store path, the ingest token, and a pipeline built on first use."""

    db: Path
    token: str | None = None
    settings: Settings = field(default_factory=Settings)
    _pipeline_lock: threading.Lock = field(default_factory=threading.Lock)
    _pipeline: Any = None

    @contextmanager
    def store(self) -> Iterator[SQLiteStore]:
        """A connection of one request's own: FastAPI may run its dependency and its endpoint
        in different pool threads, so a connection is never shared between requests."""
        store = SQLiteStore.open(self.db, check_same_thread=False)
        try:
            yield store
        finally:
            store.close()

    def pipeline(self) -> Any:
        from wirescope.pipeline import Pipeline

        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = Pipeline.from_settings(self.settings.with_(db=self.db))
            return self._pipeline


class PageParams:
    def __init__(
        self,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = 50,
        offset: Annotated[int, Query(ge=0, description="Items to skip")] = 0,
    ) -> None:
        self.limit, self.offset = limit, offset


def _page(request: Request, items: list[Json], total: int, page: PageParams) -> Json:
    following = page.offset + page.limit
    next_url = (
        str(request.url.include_query_params(offset=following)) if following < total else None
    )
    return {
        "items": items, "total": total, "limit": page.limit, "offset": page.offset,
        "next": next_url,
    }


def _store(request: Request) -> Iterator[SQLiteStore]:
    server: Server = request.app.state.server
    with server.store() as s:
        yield s


StoreDep = Annotated[SQLiteStore, Depends(_store)]
PageDep = Annotated[PageParams, Depends()]


class _Records:
    """Record indexes of the documents one request touches, read once each."""

    def __init__(self, store: SQLiteStore) -> None:
        self.store, self.cache = store, dict[str, RecordIndex]()

    def __call__(self, document_id: str) -> RecordIndex:
        index = self.cache.get(document_id)
        if index is None:
            record = self.store.get(document_id)
            if record is None:
                raise ApiError(404, "not_found", f"no document {document_id!r}")
            index = self.cache[document_id] = RecordIndex(record)
        return index


class DocumentIn(BaseModel):
    text: str = Field(description="The article text")
    id: str | None = Field(default=None, description="Stable id (default: a hash of the text)")
    title: str | None = None
    source: str | None = None
    url: str | None = None
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


def create_app(server: Server) -> FastAPI:
    app = FastAPI(
        title="wirescope",
        version=__version__,
        description="What happened, where, when, who did it to whom, how many — and who says so.",
        docs_url=None,  # served below from the npm-built files, not from a CDN
        redoc_url=None,
    )
    app.state.server = server

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "error")
        return _error(exc.status_code, code, str(exc.detail))

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
    async def crash(_: Request, exc: Exception) -> JSONResponse:
        return _error(500, "internal", f"{type(exc).__name__}: {exc}")

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

    @app.get("/api/health", tags=["meta"])
    def health(s: StoreDep) -> Json:
        """Version, store and counts; whether ingest is open (a token is set)."""
        return {
            "version": __version__, "store": str(server.db), "counts": s.counts(),
            "ingest": server.token is not None,
        }

    @app.get("/api/documents", tags=["documents"])
    def documents(
        request: Request, s: StoreDep, page: PageDep,
        q: Annotated[str | None, Query(description="Full-text search (FTS5 syntax or words)")]
        = None,
    ) -> Json:
        """Documents, newest first; with ``q``, the best matches first and a snippet whose
        matches are wrapped in ``[`` ``]``."""
        if q:
            total, rows = queries.search_documents(s.conn, q, limit=page.limit, offset=page.offset)
            items = [
                {
                    "id": r["id"], "title": r["title"], "published": r["published"],
                    "snippet": r["snippet"], "counts": {t: r[f"n_{t}"] for t in queries.COUNTED},
                }
                for r in rows
            ]
            return _page(request, items, total, page)
        total, rows = queries.list_documents(s.conn, limit=page.limit, offset=page.offset)
        items = [
            {
                "id": r["id"], "title": r["title"], "source": r["source"], "url": r["url"],
                "published": r["published"],
                "counts": {t: r[f"n_{t}"] for t in queries.COUNTED},
            }
            for r in rows
        ]
        return _page(request, items, total, page)

    @app.get("/api/documents/{document_id}", tags=["documents"])
    def document(document_id: str, s: StoreDep) -> Json:
        """One document with all its records (the ``wirescope/1`` contract) and its events
        joined to their places, times, actors and claims."""
        index = _Records(s)(document_id)
        return {
            **to_contract(index.record),
            "event_views": [index.event_view(e) for e in index.record.events],
        }

    @app.post("/api/documents", tags=["documents"], status_code=201)
    def ingest(
        body: IngestIn, s: StoreDep,
        authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
    ) -> Json:
        """Extract and store documents (needs the server's token). Rejected documents come
        back as failures with their reason; the others are stored."""
        _check_token(server.token, authorization)
        from wirescope import batch
        from wirescope.ingest.dates import parse_published
        from wirescope.ingest.text import content_id, require_text

        items: list[Document | Failure] = []
        for number, d in enumerate(body.documents):
            origin = f"http:documents[{number}]"
            try:
                text = require_text(d.text)
                items.append(
                    Document(
                        id=d.id or content_id(text), text=text, title=d.title, source=d.source,
                        url=d.url, published=parse_published(d.published), origin=origin,
                    )
                )
            except WirescopeError as exc:
                items.append(Failure.from_error(exc, origin=origin, stage="ingest",
                                                document_id=d.id))
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

    @app.get("/api/events", tags=["events"])
    def events(
        request: Request, s: StoreDep, page: PageDep,
        type: Annotated[str | None, Query(description="PLOVER type, e.g. ASSAULT")] = None,
        sub_type: Annotated[str | None, Query(description="ACLED sub-event type")] = None,
        actor: Annotated[str | None, Query(description="Actor or target: id or name")] = None,
        place: Annotated[str | None, Query(description="Place id or name, or governorate")]
        = None,
        bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
        date_from: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        date_to: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        factuality: Annotated[str | None, Query(description="e.g. asserted, threatened")]
        = None,
        speaker: Annotated[str | None, Query(description="Who claims it: id or name")] = None,
        document: Annotated[str | None, Query(description="One document's events")] = None,
    ) -> Json:
        """Events across the store, filtered; each with its sentence, place, time, actors,
        numbers and the claim it belongs to."""
        flt = EventFilter(
            document=document, type=type, acled_sub_event_type=sub_type, actor=actor,
            place=place, bbox=_parse_bbox(bbox), date_from=date_from, date_to=date_to,
            factuality=factuality, speaker=speaker,
        )
        found = queries.find_events(s.conn, flt, limit=page.limit, offset=page.offset)
        return _page(request, _events(s, found), found.total, page)

    @app.get("/api/documents/{document_id}/events/{event_id}", tags=["events"])
    def event(document_id: str, event_id: str, s: StoreDep) -> Json:
        index = _Records(s)(document_id)
        found = index.events.get(event_id)
        if found is None:
            raise ApiError(404, "not_found", f"no event {event_id!r} in {document_id!r}")
        return index.event_view(found)

    @app.get("/api/actors", tags=["actors"])
    def actors(
        request: Request, s: StoreDep, page: PageDep,
        q: Annotated[str | None, Query(description="Id or part of the name")] = None,
        type: Annotated[str | None, Query(description="person, armed_group, state…")] = None,
    ) -> Json:
        """Actors across documents with how many documents and mentions name them."""
        total, rows = queries.actors(s.conn, q=q, type=type, limit=page.limit,
                                     offset=page.offset)
        return _page(request, [dict(r) for r in rows], total, page)

    @app.get("/api/places", tags=["places"])
    def places(
        request: Request, s: StoreDep, page: PageDep,
        q: Annotated[str | None, Query(description="Id, part of the name, or governorate")]
        = None,
        country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2")] = None,
    ) -> Json:
        """Places across documents with how many documents and events they hold."""
        total, rows = queries.places(s.conn, q=q, country=country, limit=page.limit,
                                     offset=page.offset)
        return _page(request, [dict(r) for r in rows], total, page)

    @app.get("/api/claims", tags=["claims"])
    def claims(
        request: Request, s: StoreDep, page: PageDep,
        speaker: Annotated[str | None, Query(description="Speaker id or name")] = None,
        document: Annotated[str | None, Query(description="One document's claims")] = None,
    ) -> Json:
        """Claims grouped by speaker, each with the events it reports and their numbers."""
        found = queries.find_claims(s.conn, speaker=speaker, document=document,
                                    limit=page.limit, offset=page.offset)
        records = _Records(s)
        items = [
            records(doc_id).claim_view(records(doc_id).quotes[qid], with_events=True)
            for doc_id, qid in found.keys
        ]
        return _page(request, items, found.total, page)

    @app.get("/api/incidents", tags=["incidents"])
    def incidents(
        request: Request, s: StoreDep, page: PageDep,
        type: Annotated[str | None, Query(description="PLOVER type, e.g. ASSAULT")] = None,
        sub_type: Annotated[str | None, Query(description="ACLED sub-event type")] = None,
        actor: Annotated[str | None, Query(description="Actor of a report: id or name")]
        = None,
        place: Annotated[str | None, Query(description="Place name or governorate")] = None,
        bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
        date_from: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        date_to: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
        grade: Annotated[Literal["single", "corroborated", "contested"] | None,
                         Query(description="single, corroborated or contested")] = None,
        min_sources: Annotated[int | None, Query(ge=1, le=1000,
                                                 description="Least independent origins")]
        = None,
        document: Annotated[str | None, Query(description="Incidents one document reports")]
        = None,
    ) -> Json:
        """Incidents — one real-world event each, across every article that reports it —
        latest first, with their figures (every claim and who makes it), sources and
        contradictions."""
        flt = IncidentFilter(
            type=type, sub_type=sub_type, actor=actor, place=place, bbox=_parse_bbox(bbox),
            date_from=date_from, date_to=date_to, grade=grade, min_sources=min_sources,
            document=document)
        total, found = s.find_incidents(flt, limit=page.limit, offset=page.offset)
        return _page(request, [incident_to_json(i) for i in found], total, page)

    @app.get("/api/incidents/{incident_id}", tags=["incidents"])
    def incident(incident_id: str, s: StoreDep) -> Json:
        """One incident with its reports side by side (each report's sentence and
        mentions) and the text of every claim."""
        found = s.incident(incident_id)
        if found is None:
            raise ApiError(404, "not_found", f"no incident {incident_id!r}")
        records = _Records(s)

        def index(document_id: str) -> RecordIndex | None:
            try:
                return records(document_id)
            except ApiError:
                return None

        return incident_view(incident_to_json(found), index)

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown(rest: str) -> Json:
        raise ApiError(404, "not_found", f"no endpoint /api/{rest}")

    if WEB_DIR.is_dir():
        app.mount("/", StaticFiles(directory=WEB_DIR, html=True), name="web")
    return app


def _events(s: SQLiteStore, found: Page) -> list[Json]:
    records = _Records(s)
    return [
        records(doc_id).event_view(records(doc_id).events[event_id])
        for doc_id, event_id in found.keys
    ]


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

