"""The incidents API over a store of the demo articles and several reports of one incident."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from wirescope.cli.main import cli
from wirescope.export.incidents import validate_incident
from wirescope.serve.api import Server, create_app

FIXTURE = Path(__file__).parents[1] / "fixtures" / "aleppo_market.jsonl"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> TestClient:
    path = tmp_path_factory.mktemp("incidents") / "demo.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["demo", "--db", str(path)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["--db", str(path), "ingest", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    return TestClient(create_app(Server(db=path)), base_url="http://localhost")


def _market(client: TestClient) -> dict:
    found = client.get("/api/incidents", params={"document": "aleppo-sana"}).json()
    (incident,) = [i for i in found["items"] if i["sources"]["documents"] > 1]
    return incident  # type: ignore[no-any-return]


@pytest.mark.model
def test_api_incidents_list_is_the_contract(client: TestClient) -> None:
    page = client.get("/api/incidents", params={"limit": 200}).json()
    assert page["total"] == len(page["items"]) > 1
    for item in page["items"]:
        validate_incident(item)


@pytest.mark.model
@pytest.mark.parametrize(("params", "holds_market"), [
    ({"place": "Aleppo"}, True),
    ({"grade": "contested"}, True),
    ({"grade": "single"}, False),
    ({"min_sources": "3"}, True),
    ({"date_from": "2016-11-15", "date_to": "2016-11-16"}, True),
    ({"date_to": "2016-06-01"}, False),
    ({"bbox": "36,35,38,37"}, True),
    ({"sub_type": "Air/drone strike"}, True),
])
def test_api_incidents_filter(client: TestClient, params: dict[str, str],
                              holds_market: bool) -> None:
    market = _market(client)["id"]
    found = client.get("/api/incidents", params={**params, "limit": 200}).json()
    assert (market in {i["id"] for i in found["items"]}) is holds_market


@pytest.mark.model
def test_api_incident_page_sets_reports_side_by_side(client: TestClient) -> None:
    market = _market(client)
    view = client.get(f"/api/incidents/{market['id']}").json()
    assert view["sources"] == {"documents": 4, "independent": 3}
    assert {r["document"] for r in view["reports"]} == {
        "aleppo-reuters", "aleppo-sana", "aleppo-afp", "aleppo-reuters-copy"}
    for report in view["reports"]:
        sentence = report["mention"]["sentence"]
        assert report["header"]["id"] == report["document"]
        assert sentence["text"]
    claims = view["figures"]["killed"]["claims"]
    assert "Eight civilians" in {c["text"] for c in claims}
    assert any(c["field"] == "killed" and c["kind"] == "disagreement"
               for c in view["contradictions"])
    # the reader's event view names its incident
    sana = next(r for r in view["reports"] if r["document"] == "aleppo-sana")
    event = client.get(f"/api/documents/aleppo-sana/events/{sana['event']}").json()
    assert event["incident"] == market["id"]


@pytest.mark.model
@pytest.mark.parametrize(("url", "status"), [
    ("/api/incidents/nope", 404),
    ("/api/incidents?grade=sure", 422),
    ("/api/incidents?min_sources=0", 422),
    ("/api/incidents?bbox=1,2,3", 422),
    ("/api/incidents?bbox=10,50,20,40", 400),
])
def test_api_incidents_errors(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert set(response.json()["error"]) == {"status", "code", "message", "detail"}
