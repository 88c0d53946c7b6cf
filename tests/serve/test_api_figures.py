"""The figures API over the demo store: each claimant's running figures as series, their
points' words and the checks on them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from wirescope.cli.main import cli
from wirescope.serve.api import Server, create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> TestClient:
    path = tmp_path_factory.mktemp("figures") / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(path)])
    assert result.exit_code == 0, result.output
    return TestClient(create_app(Server(db=path)), base_url="http://localhost")


def _series(client: TestClient, **params: str) -> list[dict]:
    page = client.get("/api/figures", params={"limit": 200, **params})
    assert page.status_code == 200, page.text
    return page.json()["items"]  # type: ignore[no-any-return]


@pytest.mark.model
def test_api_figures_series_with_their_words(client: TestClient) -> None:
    found = {(s["claimant"]["name"], s["measure"]): s for s in _series(client)}
    settlements = found[("Sergei Rudskoy", "settlements joined the reconciliation")]
    assert [(p["value"], p["count"]["text"]) for p in settlements["points"]] == [
        (120.0, "120")]
    groups = found[("Sergei Rudskoy", "armed groups joined the ceasefire")]
    assert [p["count"]["text"] for p in groups["points"]] == ["Sixty armed groups"]
    (check,) = found[("Evgeny Lukyanov", "fighters eliminated")]["flags"]
    assert check["kind"] == "percentage" and check["holds"]
    assert [s["text"] for s in check["spans"]] == ["28,000", "35", "80,000"]


@pytest.mark.model
@pytest.mark.parametrize(("params", "measures"), [
    # the speaker by any of his names, the measure by its start in any case
    ({"speaker": "Rudskoy"}, {"armed groups joined the ceasefire",
                              "settlements joined the reconciliation"}),
    ({"speaker": "Sergey Rudskoy"}, {"armed groups joined the ceasefire",
                                     "settlements joined the reconciliation"}),
    ({"speaker": "Rudskoy", "measure": "Settlements"}, {"settlements joined the reconciliation"}),
    ({"measure": "fighters elim"}, {"fighters eliminated"}),
    ({"speaker": "nobody we know"}, set()),
])
def test_api_figures_filters(client: TestClient, params: dict[str, str],
                             measures: set[str]) -> None:
    assert {s["measure"] for s in _series(client, **params)} == measures


def _claims(client: TestClient, **params: str) -> list[str]:
    page = client.get("/api/claims", params={"limit": 200, **params})
    assert page.status_code == 200, page.text
    return [c["content"]["text"] for c in page.json()["items"]]


@pytest.mark.model
@pytest.mark.parametrize(("params", "words"), [
    # a place the claim reports an event in, or names, by any of its names
    ({"speaker": "Rudskoy", "place": "Damascus"}, "Systematic shelling of Damascus"),
    ({"speaker": "Rudskoy", "place": "Dimashq"}, "Systematic shelling of Damascus"),
    # a topic: the claim's words, or the type of an event it reports
    ({"speaker": "Rudskoy", "topic": "reconciliation"}, "To date, their number has reached"),
    ({"speaker": "Rudskoy", "topic": "Air/drone strike"}, "we have increased airstrikes"),
])
def test_api_claims_by_place_and_topic(client: TestClient, params: dict[str, str],
                                       words: str) -> None:
    found = _claims(client, **params)
    everything = _claims(client, speaker="Rudskoy")
    assert any(words in text for text in found)
    assert 0 < len(found) < len(everything)


@pytest.mark.model
def test_api_claims_place_and_topic_that_match_nothing(client: TestClient) -> None:
    assert _claims(client, speaker="Rudskoy", place="Mosul") == []
    assert _claims(client, speaker="Rudskoy", topic="earthquake") == []


@pytest.mark.model
def test_api_figures_follow_the_store_as_documents_change(
        tmp_path: Path, samples_dir: Path) -> None:
    """The series are worked out once per change of the store: a document replaced since
    the last request is read again, never served from before."""
    from wirescope.records import DocumentRecord
    from wirescope.store import open_store

    path = tmp_path / "demo.db"
    assert CliRunner().invoke(cli, ["demo", "--db", str(path)]).exit_code == 0
    server = Server(db=path)
    client = TestClient(create_app(server), base_url="http://localhost")
    before = _series(client)
    assert before and _series(client) == before  # the second from what the first worked out
    documents = {p["document_id"] for s in before for p in s["points"]}
    store = open_store(path)
    try:
        generation = store.generation()
        for record in store.records(sorted(documents)):  # each emptied of what it claims
            store.put(DocumentRecord(document=record.document), signature="emptied",
                      run_id=None)
        assert store.generation() == generation + len(documents)
    finally:
        store.close()
    assert _series(client) == []
