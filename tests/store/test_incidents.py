"""Incidents in the store: linked at ingest, one transaction per document, re-linkable — on
each backend (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirescope.export.incidents import incident_from_json, incident_to_json, validate_incident
from wirescope.ingest import IngestOptions, read_paths
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord
from wirescope.store import SQLiteStore, open_store
from wirescope.store.queries import IncidentFilter

FIXTURE = Path(__file__).parents[1] / "fixtures" / "aleppo_market.jsonl"
MARKET = {"aleppo-reuters", "aleppo-sana", "aleppo-afp", "aleppo-reuters-copy"}


@pytest.fixture(scope="module")
def records(pipeline: Pipeline) -> list[DocumentRecord]:
    docs = [d for d in read_paths([str(FIXTURE)], IngestOptions()) if isinstance(d, Document)]
    found = [r for r in pipeline.run(docs) if isinstance(r, DocumentRecord)]
    assert len(found) == 5
    return found


@pytest.fixture()
def store(any_store: SQLiteStore) -> SQLiteStore:
    return any_store  # every test of this module, on each backend


def _fill(store: SQLiteStore, records: list[DocumentRecord], *, link: bool = True) -> None:
    for record in records:
        store.put(record, signature="s", run_id=None, link=link)


def _lead_incidents(store: SQLiteStore) -> dict[str, str | None]:
    found = {}
    for record in store.records():
        lead = next((e for e in record.events if e.id == record.lead_event), None)
        found[record.document.id] = lead.incident if lead else None
    return found


def _market(store: SQLiteStore) -> str:
    leads = _lead_incidents(store)
    (incident,) = {leads[d] for d in MARKET}
    assert incident is not None
    return incident


@pytest.mark.model
def test_incidents_store_links_reports_of_one_incident(store: SQLiteStore,
                                                        records: list[DocumentRecord]) -> None:
    _fill(store, records)
    incident_id = _market(store)
    assert _lead_incidents(store)["idlib-unrelated"] != incident_id
    incident = store.incident(incident_id)
    assert incident is not None
    assert incident.documents == 4
    assert incident.independent == 3  # the Reuters story and its copy are one origin
    assert incident.grade == "contested"  # 12, 8 and 25 killed from different claimants
    assert incident.killed is not None and incident.killed.conservative == 8
    assert {c.field for c in incident.contradictions} >= {"killed"}
    assert incident.place is not None and incident.place.admin1 == "Aleppo"
    # every claim points at the words that make it
    texts = {r.document.id: r.document.text for r in records}
    for claim in incident.killed.claims:
        assert texts[claim.document][claim.span.start:claim.span.end]
    data = incident_to_json(incident)
    validate_incident(data)
    assert incident_from_json(json.loads(json.dumps(data))) == incident


@pytest.mark.model
def test_incidents_store_rebuild_gives_what_ingest_gave(store: SQLiteStore,
                                                        records: list[DocumentRecord]) -> None:
    _fill(store, records)
    before = {i.id: i for i in store.incidents()}
    assert store.relink() == len(before)
    assert {i.id: i for i in store.incidents()} == before


@pytest.mark.model
def test_incidents_store_replacing_a_document_relinks_it(store: SQLiteStore,
                                                         records: list[DocumentRecord]) -> None:
    _fill(store, records)
    incident_id = _market(store)
    store.put(records[1], signature="other", run_id=None)  # re-extracted: replaced
    assert _market(store) == incident_id
    assert store.incident(incident_id).documents == 4  # type: ignore[union-attr]
    assert store.counts()["incidents"] == len(list(store.incidents()))


@pytest.mark.model
def test_incidents_store_filters(store: SQLiteStore, records: list[DocumentRecord]) -> None:
    _fill(store, records)
    incident_id = _market(store)
    for flt, expected in [
        (IncidentFilter(place="Aleppo"), True),
        (IncidentFilter(place="Hama"), False),
        (IncidentFilter(date_from="2016-11-15", date_to="2016-11-15"), True),
        (IncidentFilter(date_from="2016-12-01"), False),
        (IncidentFilter(grade="contested"), True),
        (IncidentFilter(grade="single"), False),
        (IncidentFilter(min_sources=3), True),
        (IncidentFilter(min_sources=4), False),
        (IncidentFilter(document="aleppo-sana"), True),
        (IncidentFilter(bbox=(36.0, 35.0, 38.0, 37.0)), True),
        (IncidentFilter(bbox=(40.0, 30.0, 41.0, 31.0)), False),
    ]:
        _, found = store.find_incidents(flt)
        assert (incident_id in {i.id for i in found}) is expected, flt


@pytest.mark.model
def test_incidents_store_without_linking_keeps_document_incidents(
        store: SQLiteStore, records: list[DocumentRecord]) -> None:
    _fill(store, records, link=False)
    assert store.counts()["incidents"] == 0
    assert store.relink() > 0
    _market(store)


def test_incidents_store_rebuild_upgrades_documents_stored_before_incidents(
        store: SQLiteStore) -> None:
    """A store filled before schema 9 holds events without incidents: --rebuild gives each
    document its incidents and lead from the stored events."""
    from tests.factories import full_record

    old = full_record("old-1")
    assert all(ev.incident is None for ev in old.events) and old.lead_event is None
    store.put(old, signature="s", run_id=None)
    assert store.counts()["incidents"] == 0
    assert store.relink() == 1
    stored = store.get("old-1")
    assert stored is not None and stored.lead_event == "ev1"
    (incident,) = store.incidents()
    assert incident.killed is not None and incident.killed.best == 12
    assert [e.incident for e in stored.events] == [incident.id, None]  # a threat is none


def test_incidents_store_keeps_outlet_furniture_across_connections(db_url: str) -> None:
    """The store's outlet frequencies give the template the in-memory index gives, and a
    later connection (the next ingest) reads it back."""
    from tests.resolve.test_link import FURNITURE, _site
    from wirescope.resolve.index import MemoryIndex
    from wirescope.store.incidents import StoreTerms

    reports = [_site(f"x{i}", (f"story{i}", f"victim{i}")) for i in range(5)]
    memory = MemoryIndex()
    store = open_store(db_url)
    terms = StoreTerms(store.conn)
    for r in reports:
        terms.count(r)
        memory.add(r.local, r)
    assert terms.template("wsbtv.com") == memory.terms.template("wsbtv.com")
    store.close()
    store = open_store(db_url)
    again = StoreTerms(store.conn)
    assert again.template("wsbtv.com") == frozenset(FURNITURE)
    assert again.template("kansas.com") == frozenset()
    store.close()
