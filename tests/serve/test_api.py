"""The explorer API over a hand-built store: every endpoint, its filters, the one error shape,
pagination and the ingest token rule."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import full_record
from wirescope.export.contract import validate
from wirescope.records import DocumentRecord
from wirescope.serve.api import Server, create_app
from wirescope.store import SQLiteStore

TOKEN = "s3cret-token-of-the-server"


def _moved(record: DocumentRecord, doc_id: str, **place: Any) -> DocumentRecord:
    """``full_record`` under another id, its place and its day (time value and published)
    changed."""
    published = place.pop("published", record.document.published)
    record = full_record(doc_id)
    day = published.isoformat()
    times = tuple(dataclasses.replace(t, value=day, start=day, end=day) for t in record.times)
    places = tuple(dataclasses.replace(p, **place) for p in record.places)
    events = tuple(
        dataclasses.replace(e, place=places[0].id) if e.place else e for e in record.events
    )
    document = dataclasses.replace(record.document, published=published)
    return dataclasses.replace(record, document=document, places=places, events=events,
                               times=times)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import datetime as dt

    path = tmp_path_factory.mktemp("api") / "api.db"
    store = SQLiteStore.open(path)
    base = full_record("doc-1")
    store.put(base, signature="test", run_id=None)
    store.put(
        _moved(base, "doc-2", id="pl-homs", name="Homs", lat=34.73, lon=36.71, admin1="Homs",
               geonameid=169577, published=dt.date(2016, 6, 2)),
        signature="test", run_id=None,
    )
    store.put(
        _moved(base, "doc-3", id="pl-fiji", name="Suva", lat=-18.1, lon=178.4,
               country_code="FJ", admin1="Central", geonameid=2198148,
               published=dt.date(2015, 1, 1)),
        signature="test", run_id=None,
    )
    store.close()
    return path


@pytest.fixture()
def client(db: Path) -> TestClient:
    return TestClient(create_app(Server(db=db)), base_url="http://localhost")


def _error_of(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "detail"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return dict(body["error"])


def test_api_health_counts_the_store(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["counts"]["documents"] == 3 and body["counts"]["events"] == 6
    assert body["ingest"] is False


@pytest.mark.parametrize(
    ("query", "ids", "total", "has_next"),
    [
        ("limit=2", ["doc-2", "doc-1"], 3, True),  # newest first
        ("limit=2&offset=2", ["doc-3"], 3, False),
        ("limit=50", ["doc-2", "doc-1", "doc-3"], 3, False),
    ],
)
def test_api_documents_paginate(
    client: TestClient, query: str, ids: list[str], total: int, has_next: bool
) -> None:
    body = client.get(f"/api/documents?{query}").json()
    assert [d["id"] for d in body["items"]] == ids
    assert body["total"] == total
    assert (body["next"] is not None) == has_next
    if has_next:
        follow = client.get(body["next"]).json()
        assert follow["offset"] == body["offset"] + body["limit"]


@pytest.mark.parametrize(
    ("q", "total"),
    [("shelled", 3), ("al-Nusra", 0), ("respond minister", 3), ('"', 0), ("Damascus", 0)],
)
def test_api_documents_search(client: TestClient, q: str, total: int) -> None:
    body = client.get("/api/documents", params={"q": q}).json()
    assert body["total"] == total
    for item in body["items"]:
        assert "[" in item["snippet"] and item["counts"]["events"] == 2


def test_api_document_has_contract_and_joined_events(client: TestClient) -> None:
    body = client.get("/api/documents/doc-1").json()
    views = body.pop("event_views")
    validate(body)
    shelling = next(v for v in views if v["id"] == "ev1")
    assert shelling["place"]["name"] == "Aleppo" and shelling["killed"] == 12
    assert shelling["date"] == "2016-05-27" and shelling["date_source"] == "time"
    assert shelling["actors"] == [
        {"id": "ent-rebels", "name": "Rebels", "type": "group", "actor_type": "rebel group"}
    ]
    text = body["text"]
    start, end = shelling["trigger"]["span"]
    assert text[start:end] == shelling["trigger"]["text"]
    threat = next(v for v in views if v["id"] == "ev2")
    assert threat["claim"]["speaker"]["name"] == "minister"
    assert threat["claim"]["speaker_text"] == "the minister"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"doc-1/ev1", "doc-1/ev2", "doc-2/ev1", "doc-2/ev2", "doc-3/ev1", "doc-3/ev2"}),
        ({"type": "threaten"}, {"doc-1/ev2", "doc-2/ev2", "doc-3/ev2"}),
        ({"sub_type": "shelling/artillery/missile attack"}, {"doc-1/ev1", "doc-2/ev1",
                                                             "doc-3/ev1"}),
        ({"actor": "ent-minister"}, {"doc-1/ev2", "doc-2/ev2", "doc-3/ev2"}),
        ({"actor": "rebel"}, {"doc-1/ev1", "doc-1/ev2", "doc-2/ev1", "doc-2/ev2", "doc-3/ev1",
                              "doc-3/ev2"}),  # actor or target
        ({"place": "Homs"}, {"doc-2/ev1"}),
        ({"place": "aleppo"}, {"doc-1/ev1"}),  # the governorate, case-insensitively
        ({"place": "pl-fiji"}, {"doc-3/ev1"}),
        ({"bbox": "35,32,38,37"}, {"doc-1/ev1", "doc-2/ev1"}),
        ({"bbox": "36.9,36,37.5,36.5"}, {"doc-1/ev1"}),
        ({"bbox": "170,-20,-170,-10"}, {"doc-3/ev1"}),  # across the antimeridian
        ({"date_from": "2016-06-01"}, {"doc-2/ev1"}),
        ({"date_from": "2016-05", "date_to": "2016-05"}, {"doc-1/ev1"}),
        ({"date_to": "2015"}, {"doc-3/ev1"}),
        ({"factuality": "threatened"}, {"doc-1/ev2", "doc-2/ev2", "doc-3/ev2"}),
        ({"speaker": "minister"}, {"doc-1/ev2", "doc-2/ev2", "doc-3/ev2"}),
        ({"speaker": "nobody"}, set()),
        ({"document": "doc-2", "type": "ASSAULT"}, {"doc-2/ev1"}),
    ],
)
def test_api_events_filter(
    client: TestClient, params: dict[str, str], expected: set[str]
) -> None:
    body = client.get("/api/events", params=params).json()
    assert {f"{e['document_id']}/{e['id']}" for e in body["items"]} == expected
    assert body["total"] == len(expected)


def test_api_events_paginate_without_overlap(client: TestClient) -> None:
    seen: list[str] = []
    url: str | None = "/api/events?limit=4"
    while url:
        body = client.get(url).json()
        seen += [f"{e['document_id']}/{e['id']}" for e in body["items"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 6


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/events?bbox=1,2", 422, "invalid"),  # not four numbers: the schema says so
        ("/api/events?bbox=10,50,20,40", 400, "bad_request"),  # upside down
        ("/api/events?bbox=0,50,10,40", 400, "bad_request"),
        ("/api/events?date_from=May", 422, "invalid"),
        ("/api/events?limit=0", 422, "invalid"),
        ("/api/events?limit=201", 422, "invalid"),
        ("/api/events?offset=-1", 422, "invalid"),
        ("/api/documents/missing", 404, "not_found"),
        ("/api/documents/doc-1/events/ev9", 404, "not_found"),
        ("/api/documents/missing/events/ev1", 404, "not_found"),
        ("/api/no-such-endpoint", 404, "not_found"),
    ],
)
def test_api_errors_have_one_shape(client: TestClient, url: str, status: int, code: str) -> None:
    assert _error_of(client.get(url), status)["code"] == code


def test_api_wrong_method_has_the_error_shape(client: TestClient) -> None:
    assert _error_of(client.delete("/api/events"), 405)["code"] == "method_not_allowed"


def test_api_one_event(client: TestClient) -> None:
    body = client.get("/api/documents/doc-2/events/ev1").json()
    assert body["place"]["name"] == "Homs" and body["document"]["published"] == "2016-06-02"
    assert body["via"] == "sense:shelling"  # the rule that typed it, for a coder to audit


@pytest.mark.parametrize(
    ("params", "ids"),
    [
        ({}, ["ent-minister", "ent-rebels"]),
        ({"q": "reb"}, ["ent-rebels"]),
        ({"type": "person"}, ["ent-minister"]),
    ],
)
def test_api_actors(client: TestClient, params: dict[str, str], ids: list[str]) -> None:
    items = client.get("/api/actors", params=params).json()["items"]
    assert sorted(a["id"] for a in items) == ids
    assert all(a["documents"] == 3 and a["mentions"] == 3 for a in items)


@pytest.mark.parametrize(
    ("params", "ids"),
    [
        ({}, ["pl-aleppo", "pl-fiji", "pl-homs"]),
        ({"country": "fj"}, ["pl-fiji"]),
        ({"q": "homs"}, ["pl-homs"]),
    ],
)
def test_api_places(client: TestClient, params: dict[str, str], ids: list[str]) -> None:
    items = client.get("/api/places", params=params).json()["items"]
    assert sorted(p["id"] for p in items) == ids
    assert all(p["events"] == 1 for p in items)


def test_api_claims_carry_their_events(client: TestClient) -> None:
    body = client.get("/api/claims", params={"speaker": "minister", "document": "doc-1"}).json()
    assert body["total"] == 1
    claim = body["items"][0]
    assert claim["speaker"]["id"] == "ent-minister"
    assert claim["content"]["text"] == "We will respond,"
    assert [e["id"] for e in claim["events"]] == ["ev2"]
    assert client.get("/api/claims", params={"speaker": "rebels"}).json()["total"] == 0


def test_api_openapi_lists_every_endpoint(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/api/health", "/api/documents", "/api/documents/{document_id}", "/api/events",
        "/api/documents/{document_id}/events/{event_id}", "/api/actors", "/api/places",
        "/api/claims",
    } <= paths


def test_api_docs_are_served_without_a_cdn(client: TestClient) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert "/vendor/swagger-ui-bundle.js" in response.text
    assert "http" not in response.text.replace("/openapi.json", "")
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_api_pages_carry_a_strict_content_security_policy(client: TestClient) -> None:
    headers = client.get("/api/health").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


# -- ingest and its token ------------------------------------------------------------------
@pytest.fixture()
def ingest_client(tmp_path: Path, pipeline: Any) -> TestClient:
    server = Server(db=tmp_path / "ingest.db", token=TOKEN)
    server._pipeline = pipeline  # the session's pipeline: one model load for the suite
    SQLiteStore.open(server.db).close()
    return TestClient(create_app(server), base_url="http://localhost")


BODY = {"documents": [{"id": "a1", "text": "Rebels shelled Homs on Friday.",
                       "published": "2016-05-27"}]}


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "unauthorized"),
        ({"Authorization": "Bearer wrong-token-wrong-token"}, 401, "unauthorized"),
        ({"Authorization": TOKEN}, 401, "unauthorized"),  # no scheme
    ],
)
def test_api_ingest_needs_the_token(
    ingest_client: TestClient, headers: dict[str, str], status: int, code: str
) -> None:
    assert _error_of(ingest_client.post("/api/documents", json=BODY, headers=headers),
                     status)["code"] == code
    assert ingest_client.get("/api/health").json()["counts"]["documents"] == 0


def test_api_ingest_is_off_without_a_server_token(client: TestClient) -> None:
    response = client.post("/api/documents", json=BODY,
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert "--token" in _error_of(response, 403)["message"]


def test_api_ingest_stores_and_reports_failures(ingest_client: TestClient) -> None:
    body = {"documents": [*BODY["documents"], {"id": "empty", "text": "   "},
                          {"id": "bad-date", "text": "Shelling in Idlib.", "published": "May"}]}
    response = ingest_client.post("/api/documents", json=body,
                                  headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201, response.text
    report = response.json()
    assert report["stored"] == 1 and report["documents"] == ["a1"]
    assert {(f["document_id"], f["code"]) for f in report["failures"]} == {
        ("empty", "W101"), ("bad-date", "W104")}
    stored = ingest_client.get("/api/documents/a1").json()
    assert any(e["type"] == "ASSAULT" for e in stored["event_views"])
    again = ingest_client.post("/api/documents", json=BODY,
                               headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert again["unchanged"] == 1 and again["stored"] == 0


def test_api_ingest_rejects_an_empty_batch(ingest_client: TestClient) -> None:
    response = ingest_client.post("/api/documents", json={"documents": []},
                                  headers={"Authorization": f"Bearer {TOKEN}"})
    assert _error_of(response, 422)["code"] == "invalid"


# -- the guard: hosts, bounds, bodies, error shape ------------------------------------------
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.mark.parametrize(("host", "status"), [
    ("localhost", 200), ("localhost:8000", 200), ("127.0.0.1:8000", 200), ("[::1]:8000", 200),
    # a page on another name (DNS rebinding) cannot read the API
    ("evil.example", 400), ("evil.example:8000", 400), ("", 400),
])
def test_api_answers_only_its_own_host_names(client: TestClient, host: str,
                                             status: int) -> None:
    response = client.get("/api/health", headers={"Host": host})
    assert response.status_code == status
    if status == 400:
        assert response.json()["error"]["code"] == "bad_host"


@pytest.mark.parametrize("query", [
    "offset=9223372036854775808", "offset=-1", "limit=0", "limit=100000", "offset=abc",
])
def test_api_paging_out_of_bounds_is_invalid_not_a_crash(client: TestClient,
                                                         query: str) -> None:
    for path in ("/api/documents", "/api/events", "/api/incidents", "/api/claims"):
        assert _error_of(client.get(f"{path}?{query}"), 422)["code"] == "invalid"


def test_api_ingest_checks_the_token_before_reading_the_body(tmp_path: Path) -> None:
    server = Server(db=tmp_path / "g.db", token=TOKEN, max_body=1_000)
    SQLiteStore.open(server.db).close()
    client = TestClient(create_app(server), base_url="http://localhost")
    read = []

    def body() -> Any:  # a streamed (chunked) body: its length is not said up front
        for _ in range(100):
            read.append(1)
            yield b"x" * 100

    assert _error_of(client.post("/api/documents", content=body()), 401)["code"] == \
        "unauthorized"
    assert read == []  # refused on its headers
    assert _error_of(client.post("/api/documents", content=body(), headers=AUTH),
                     413)["code"] == "too_large"
    declared = client.post("/api/documents", content=b"x" * 2_000,
                           headers={**AUTH, "Content-Type": "application/json"})
    assert _error_of(declared, 413)["code"] == "too_large"


def test_api_ingest_refuses_a_text_over_the_limit(ingest_client: TestClient,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("wirescope.ingest.text.MAX_CHARS", 50)
    body = {"documents": [BODY["documents"][0], {"text": "Shelling in Idlib. " * 10}]}
    error = _error_of(ingest_client.post("/api/documents", json=body, headers=AUTH), 413)
    assert error["detail"] == {"documents": [1]}


@pytest.mark.parametrize(("document", "code"), [
    ({"id": "a/b", "text": "Rebels shelled Homs."}, "W109"),
    ({"id": "line\nbreak", "text": "Rebels shelled Homs."}, "W109"),
    ({"id": "abc\u202edef", "text": "Rebels shelled Homs."}, "W109"),
    ({"id": "x" * 10_000, "text": "Rebels shelled Homs."}, "W109"),
    ({"id": "js", "text": "Rebels shelled Homs.", "url": "javascript:alert(1)"}, "W116"),
    ({"id": "file", "text": "Rebels shelled Homs.", "url": "file:///etc/passwd"}, "W116"),
    ({"id": "surrogate", "text": "Rebels shelled \ud800 Homs."}, "W107"),
])
def test_api_ingest_refuses_bad_ids_urls_and_text_as_failures(
        ingest_client: TestClient, document: dict[str, str], code: str) -> None:
    body = {"documents": [BODY["documents"][0], document]}
    # as JSON escapes: a lone surrogate travels as "\ud800"
    response = ingest_client.post("/api/documents", content=json.dumps(body),
                                  headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 201, response.text
    report = response.json()
    assert report["documents"] == ["a1"]  # the good one is stored all the same
    assert [f["code"] for f in report["failures"]] == [code]


def test_api_errors_have_one_shape_and_say_what_is_allowed(client: TestClient) -> None:
    response = client.delete("/api/documents")
    error = _error_of(response, 405)
    assert error["code"] == "method_not_allowed" and "GET" in response.headers["allow"]
    spec = client.get("/openapi.json").json()
    listing = spec["paths"]["/api/events"]["get"]["responses"]
    assert {"400", "404", "422", "500"} <= set(listing)
    assert listing["422"]["content"]["application/json"]["schema"]["$ref"].endswith("ErrorOut")
    ingest = spec["paths"]["/api/documents"]["post"]["responses"]
    assert {"401", "403", "413"} <= set(ingest)


def test_api_crash_answers_without_exception_text(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "crash.db"
    SQLiteStore.open(db).close()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret /home/path detail")

    monkeypatch.setattr("wirescope.store.queries.list_documents", broken)
    client = TestClient(create_app(Server(db=db)), base_url="http://localhost",
                        raise_server_exceptions=False)
    response = client.get("/api/documents")
    assert response.status_code == 500
    assert "secret" not in response.text and response.json()["error"]["code"] == "internal"


@pytest.mark.parametrize(("path", "accept", "compressed"), [
    ("/api/events?limit=50", "gzip", True),  # a page of events: compressed
    ("/api/events?limit=50", "identity", False),  # … only for a client that accepts it
    ("/api/health", "gzip", False),  # a small answer goes as it is
    ("/", "gzip", False),  # the web app's own files are not the API's
])
def test_api_gzip_for_api_answers_that_are_worth_it(client: TestClient, path: str, accept: str,
                                                    compressed: bool) -> None:
    response = client.get(path, headers={"Accept-Encoding": accept})
    assert response.status_code == 200, response.text
    assert (response.headers.get("content-encoding") == "gzip") is compressed


def test_api_postgres_connections_are_kept_between_requests(postgres_server: str) -> None:
    from tests.conftest import fresh_database
    from wirescope.store import open_store

    for url in fresh_database(postgres_server):
        filled = open_store(url)
        filled.put(full_record("doc-1"), signature="test", run_id=None)
        filled.close()
        server = Server(db=url)
        client = TestClient(create_app(server), base_url="http://localhost")
        assert client.get("/api/events").json()["total"] == 2
        (kept,) = [server._idle.get_nowait()]  # one connection served the request, kept
        server._idle.put(kept)
        assert client.get("/api/documents/doc-1").status_code == 200
        assert server._idle.get_nowait() is kept  # … and served the next one
        with server.store() as store:  # a request that leaves a transaction open
            store.conn.execute("BEGIN")
        assert server._idle.qsize() == 0 and store.conn.raw.closed  # is not given back


def test_api_sqlite_connections_are_kept_and_see_what_others_store(tmp_path: Path) -> None:
    """A SQLite connection is kept between requests (its page cache stays warm), sees what
    another connection stores meanwhile (an ingest beside the server), and forgets what it
    cached for linking as it is given back."""
    from wirescope.store import open_store

    path = tmp_path / "kept.db"
    filled = open_store(path)
    filled.put(full_record("doc-1"), signature="test", run_id=None)
    server = Server(db=path)
    client = TestClient(create_app(server), base_url="http://localhost")
    assert client.get("/api/documents").json()["total"] == 1
    (kept,) = [server._idle.get_nowait()]
    server._idle.put(kept)
    filled.put(full_record("doc-2"), signature="test", run_id=None)
    filled.close()
    assert client.get("/api/documents").json()["total"] == 2
    assert server._idle.get_nowait() is kept
    server._idle.put(kept)
    kept._linking()
    with server.store() as store:
        assert store is kept
    assert kept._index is None
    with server.store() as store:  # a request that leaves a transaction open
        store.conn.execute("BEGIN")
    assert server._idle.qsize() == 0
