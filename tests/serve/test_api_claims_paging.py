"""Claims of a prolific speaker on a generated store: dated, filtered by day, in order, and
paged to the last one."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from fastapi.testclient import TestClient

from tests.factories import claims_record
from wirescope.records import Document, DocumentRecord, Quote, Span
from wirescope.serve.api import Server, create_app
from wirescope.store import SQLiteStore

DOCUMENTS, PER_DOCUMENT = 150, 3  # 450 claims of the minister


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("claims") / "generated.db"
    store = SQLiteStore.open(path)
    try:
        for n in range(DOCUMENTS):
            store.put(claims_record(n, PER_DOCUMENT), signature="test", run_id=None, link=False)
    finally:
        store.close()
    return TestClient(create_app(Server(db=path)), base_url="http://localhost")


def _all(client: TestClient, **params: str) -> list[dict]:
    found: list[dict] = []
    url: str | None = "/api/claims"
    query: dict[str, str] | None = {"limit": "200", **params}
    while url:
        page = client.get(url, params=query)
        assert page.status_code == 200, page.text
        body = page.json()
        found += body["items"]
        url, query = body["next"], None  # the next page's URL carries every parameter
    assert len(found) == body["total"]
    return found


def test_claims_paging_reaches_the_last_claim(client: TestClient) -> None:
    found = _all(client, speaker="the minister")
    assert len(found) == DOCUMENTS * PER_DOCUMENT > 400
    assert len({(c["document_id"], c["id"]) for c in found}) == len(found)
    assert (found[-1]["document_id"], found[-1]["id"]) == (f"gen-{DOCUMENTS - 1:03d}", "q3")


def test_claims_are_dated_and_in_order_of_day(client: TestClient) -> None:
    found = _all(client, order="date")
    days = [c["day"] for c in found]
    assert days == sorted(days) and days[0] == "2016-01-01"
    assert {c["day_via"] for c in found} == {"published"}


@pytest.mark.parametrize(("params", "count"), [
    ({"date_from": "2016-01-01", "date_to": "2016-01-10"}, 10 * PER_DOCUMENT),
    ({"date_from": "2016-02"}, (DOCUMENTS - 31) * PER_DOCUMENT),
    ({"date_to": "2016-01"}, 31 * PER_DOCUMENT),
    ({"date_from": "2016-03-01", "date_to": "2016-03-01"}, PER_DOCUMENT),
    ({"date_from": "2017"}, 0),
])
def test_claims_filtered_by_day(client: TestClient, params: dict[str, str],
                                count: int) -> None:
    page = client.get("/api/claims", params={"limit": 1, **params}).json()
    assert page["total"] == count


def test_claim_day_from_its_reporting_clause() -> None:
    """'... the minister said on Friday': the clause's day, not the publication's."""
    from wirescope.records import TimeExpr
    from wirescope.resolve.series import claim_day

    text = '"We will respond," the minister said on Friday.'
    friday = TimeExpr(id="t1", document_id="d", extractor="times.test.v1", text="Friday",
                      span=Span(start=text.index("Friday"), end=text.index("Friday") + 6),
                      value="2016-05-27", start="2016-05-27", end="2016-05-27",
                      precision="day")
    quote = Quote(id="q1", document_id="d", extractor="quotes.test.v1", speaker=None,
                  speaker_text="the minister",
                  speaker_span=Span(start=text.index("the minister"),
                                    end=text.index("the minister") + 12),
                  cue="said", kind="direct", span=Span(start=1, end=17))
    record = DocumentRecord(document=Document(id="d", text=text,
                                              published=dt.date(2016, 5, 28)),
                            quotes=(quote,), times=(friday,))
    assert claim_day(record, quote) == ("2016-05-27", "claim")
    undated = dataclasses.replace(record, times=(), document=Document(id="d", text=text))
    assert claim_day(undated, quote) == (None, None)


def test_a_count_past_the_cap_says_so_and_paging_still_reaches_the_last_claim(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from wirescope.store import queries

    monkeypatch.setattr(queries, "COUNT_CAP", 100)
    first = client.get("/api/claims", params={"speaker": "the minister", "limit": "200"}).json()
    assert (first["total"], first["total_exact"]) == (100, False)
    found, url = list(first["items"]), first["next"]
    while url:
        body = client.get(url).json()
        found += body["items"]
        url = body["next"]
    assert len(found) == DOCUMENTS * PER_DOCUMENT
    assert body["total_exact"] is False
    few = client.get("/api/claims", params={"speaker": "the minister",
                                             "document": "gen-000"}).json()
    assert (few["total"], few["total_exact"], few["next"]) == (PER_DOCUMENT, True, None)


@pytest.mark.parametrize("order", ["speaker", "date"])
def test_claims_read_in_index_order_past_the_cap_are_the_sorted_ones(
        client: TestClient, monkeypatch: pytest.MonkeyPatch, order: str) -> None:
    """Past the cap the claims are read from the listing's index in order (migration 29),
    not sorted: every page is the same as the sorted listing's, in both orders."""
    from wirescope.store import queries

    def pages() -> list[list[tuple[str, str]]]:
        return [[(c["document_id"], c["id"]) for c in client.get("/api/claims", params={
            "speaker": "minister", "order": order, "limit": "70",
            "offset": str(offset)}).json()["items"]] for offset in (0, 70, 385)]

    sorted_pages = pages()
    monkeypatch.setattr(queries, "COUNT_CAP", 100)
    assert pages() == sorted_pages
    assert [len(p) for p in sorted_pages] == [70, 70, DOCUMENTS * PER_DOCUMENT - 385]
