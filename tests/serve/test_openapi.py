"""The OpenAPI document declares what every endpoint returns, and the API returns just that."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from wirescope.cli.main import cli
from wirescope.serve.api import Server, create_app

FIXTURE = Path(__file__).parents[1] / "fixtures" / "aleppo_market.jsonl"
SAMPLE = "002_78a8e296ec90cd12"


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path
        ) -> tuple[TestClient, dict[str, Any]]:
    """The demo store and five reports of one market bombing (figures that disagree)."""
    path = tmp_path_factory.mktemp("openapi") / "demo.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["demo", "--db", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["--db", str(path), "ingest", str(FIXTURE)]).exit_code == 0
    client = TestClient(create_app(Server(db=path, token="t0ken-of-the-test-server")),
                        base_url="http://localhost")
    return client, client.get("/openapi.json").json()


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "$ref"] + [
            r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_openapi_every_endpoint_declares_its_response_schema(
        api: tuple[TestClient, dict[str, Any]]) -> None:
    _, document = api
    operations = [(path, method, op) for path, ops in document["paths"].items()
                  for method, op in ops.items()]
    assert len(operations) >= 11
    for path, method, op in operations:
        ok = [code for code in op["responses"] if code.startswith("2")]
        assert ok, f"{method} {path} declares no success response"
        for code in ok:
            schema = op["responses"][code]["content"]["application/json"]["schema"]
            name = schema["$ref"].rsplit("/", 1)[1]
            declared = document["components"]["schemas"][name]
            assert declared.get("properties"), f"{method} {path}: {name} says nothing"
    components = document["components"]["schemas"]
    for found in _refs(document):
        assert found.rsplit("/", 1)[1] in components, f"dangling {found}"


def _check(document: dict[str, Any], path: str, method: str, code: str, body: Any) -> None:
    op = document["paths"][path][method]
    ref = op["responses"][code]["content"]["application/json"]["schema"]["$ref"]
    schema = {"components": document["components"], "$ref": ref}
    jsonschema.validate(body, schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("/api/health", "/api/health"),
        ("/api/documents", "/api/documents"),
        ("/api/documents?q=Aleppo", "/api/documents"),
        (f"/api/documents/{SAMPLE}", "/api/documents/{document_id}"),
        ("/api/events", "/api/events"),
        ("/api/events?limit=200", "/api/events"),
        (f"/api/documents/{SAMPLE}/events/ev1", "/api/documents/{document_id}/events/{event_id}"),
        ("/api/claims?limit=100", "/api/claims"),
        ("/api/incidents?limit=100", "/api/incidents"),
        ("/api/actors", "/api/actors"),
        ("/api/places", "/api/places"),
        ("/api/claims", "/api/claims"),
        ("/api/incidents", "/api/incidents"),
        ("/api/figures", "/api/figures"),
        ("/api/figures?speaker=Rudskoy", "/api/figures"),
    ],
)
def test_openapi_responses_match_their_declared_schema(
        api: tuple[TestClient, dict[str, Any]], url: str, path: str) -> None:
    client, document = api
    response = client.get(url)
    assert response.status_code == 200, response.text
    body = response.json()
    _check(document, path, "get", "200", body)
    if "items" in body:
        assert body["items"], f"{url}: an empty page proves little"


def test_openapi_incident_page_matches_its_schema(
        api: tuple[TestClient, dict[str, Any]]) -> None:
    client, document = api
    found = client.get("/api/incidents", params={"limit": 100}).json()["items"]
    assert any(i["contradictions"] for i in found)
    for incident in found:
        body = client.get(f"/api/incidents/{incident['id']}").json()
        assert body["reports"] and "header" in body["reports"][0]
        _check(document, "/api/incidents/{incident_id}", "get", "200", body)


def test_openapi_a_field_declared_on_a_record_reaches_the_api_schema(
        api: tuple[TestClient, dict[str, Any]]) -> None:
    """The event view's schema is the event record's (derived): its declared fields and
    their descriptions are there with no API code naming them."""
    _, document = api
    view = document["components"]["schemas"]["wirescope_event_view"]["properties"]
    record = document["components"]["schemas"]["wirescope_event"]["properties"]
    for name in ("via", "incident", "place_from", "time_inherited", "factuality"):
        assert view[name] == record[name]
    assert "rule or lexicon entry" in view["via"]["description"]
