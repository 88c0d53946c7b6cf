"""Filters that know what names mean: an actor, a speaker or a place by any alias or
transliteration the knowledge base and the gazetteer hold, an ACLED sub-event type by its
name in any spelling or by its words, closed vocabularies in any case — and a value outside
a closed vocabulary is a 422 that lists the allowed values."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import fresh_database
from tests.factories import full_record
from wirescope.records import DocumentRecord
from wirescope.serve.api import Server, create_app
from wirescope.store import open_store
from wirescope.vocabulary import factuality, places, sub_types


def _record(doc_id: str, sub_type: str, place: dict[str, Any],
            published: dt.date) -> DocumentRecord:
    """The factory's record, its rebels the Islamic State (the knowledge base's id), its
    minister the director of the Syrian Observatory (who speaks for it), its place
    ``place`` under the id the place extractor gives a gazetteer place."""
    base = full_record(doc_id)
    rebels, minister = base.entities
    entities = (dataclasses.replace(rebels, id="kb-islamic-state", name="Islamic State"),
                dataclasses.replace(minister, id="ent-rami", name="Rami Abdulrahman",
                                    speaks_for="kb-sohr"))
    shelling, threat = base.events
    place_id = f"place-{place['geonameid']}"
    events = (dataclasses.replace(shelling, actors=("kb-islamic-state",), place=place_id,
                                  acled_sub_event_type=sub_type, incident=f"inc-{doc_id}"),
              dataclasses.replace(threat, actors=("ent-rami",),
                                  targets=("kb-islamic-state",)))
    quotes = tuple(dataclasses.replace(q, speaker="ent-rami") for q in base.quotes)
    there = tuple(dataclasses.replace(p, id=place_id, **place) for p in base.places)
    day = published.isoformat()
    times = tuple(dataclasses.replace(t, value=day, start=day, end=day) for t in base.times)
    return dataclasses.replace(base, document=dataclasses.replace(base.document,
                                                                  published=published),
                               entities=entities, events=events, quotes=quotes, places=there,
                               times=times, lead_event="ev1")


DEIR = {"name": "Deir ez-Zor", "lat": 35.336, "lon": 40.1408, "admin1": "Deir ez-Zor",
        "geonameid": 170794, "raw_name": "Deir ez-Zor"}
IDLIB_COUNTRYSIDE = {"name": "Saraqib", "lat": 35.8647, "lon": 36.8056, "admin1": "Idlib",
                     "geonameid": 163581, "raw_name": "Saraqib"}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
       ) -> Iterator[Path | str]:
    """The two documents' store, on each backend (every filter reads the same on both)."""
    if request.param == "sqlite":
        yield from _filled(tmp_path_factory.mktemp("filters") / "filters.db")
    else:
        for url in fresh_database(request.getfixturevalue("postgres_server")):
            yield from _filled(url)


def _filled(where: Path | str) -> Iterator[Path | str]:
    store = open_store(where)
    store.put(_record("doc-a", "Shelling/artillery/missile attack", DEIR, dt.date(2016, 5, 27)),
              signature="test", run_id=None)
    store.put(_record("doc-b", "Air/drone strike", IDLIB_COUNTRYSIDE, dt.date(2016, 8, 2)),
              signature="test", run_id=None)
    store.close()
    yield where


@pytest.fixture()
def client(db: Path | str) -> TestClient:
    return TestClient(create_app(Server(db=db)), base_url="http://localhost")


def _events(client: TestClient, params: dict[str, str]) -> set[str]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    return {f"{e['document_id']}/{e['id']}" for e in response.json()["items"]}


@pytest.mark.parametrize(("params", "expected"), [
    # an actor by any alias of the knowledge base: as actor or as target
    ({"actor": "Daesh"}, {"doc-a/ev1", "doc-a/ev2", "doc-b/ev1", "doc-b/ev2"}),
    ({"actor": "ISIL"}, {"doc-a/ev1", "doc-a/ev2", "doc-b/ev1", "doc-b/ev2"}),
    ({"actor": "Islamic State", "type": "assault"}, {"doc-a/ev1", "doc-b/ev1"}),
    ({"actor": "Hezbollah"}, set()),  # an actor no event names
    # a place by its transliterations, the city or the governorate
    ({"place": "Dayr az Zawr"}, {"doc-a/ev1"}),
    ({"place": "deir ez-zor"}, {"doc-a/ev1"}),
    ({"place": "Idleb"}, {"doc-b/ev1"}),  # the governorate Saraqib lies in
    # an ACLED sub-event type by its name in any spelling, or by its words
    ({"sub_type": "air/drone strike"}, {"doc-b/ev1"}),
    ({"sub_type": "air strike"}, {"doc-b/ev1"}),
    ({"sub_type": "Shelling"}, {"doc-a/ev1"}),
    ({"sub_type": "IED"}, set()),  # a sub-type, though none of these events has it
    # closed vocabularies in any case
    ({"factuality": "Asserted"}, {"doc-a/ev1", "doc-b/ev1"}),
    ({"type": "Threaten"}, {"doc-a/ev2", "doc-b/ev2"}),
    # a speaker: an organisation's claims include its spokesperson's
    ({"speaker": "SOHR"}, {"doc-a/ev2", "doc-b/ev2"}),
    ({"speaker": "Syrian Observatory for Human Rights"}, {"doc-a/ev2", "doc-b/ev2"}),
    ({"speaker": "White Helmets"}, set()),
])
def test_filters_events_by_what_names_mean(client: TestClient, params: dict[str, str],
                                           expected: set[str]) -> None:
    assert _events(client, params) == expected


@pytest.mark.parametrize(("params", "field", "allowed"), [
    ({"factuality": "maybe"}, "factuality", "asserted"),
    ({"type": "bombing"}, "type", "ASSAULT"),
    ({"sub_type": "picnic"}, "sub_type", "Air/drone strike"),
    ({"sub_type": "///"}, "sub_type", "Armed clash"),
    ({"grade": "confirmed"}, "grade", "corroborated"),
])
def test_filters_refuse_a_value_outside_the_vocabulary(
        client: TestClient, params: dict[str, str], field: str, allowed: str) -> None:
    for path in ("/api/events", "/api/incidents"):
        if (path == "/api/incidents" and field == "factuality") or (
                path == "/api/events" and field == "grade"):
            continue
        response = client.get(path, params=params)
        assert response.status_code == 422, response.text
        error = response.json()["error"]
        assert error["code"] == "invalid"
        assert field in error["message"]
        assert allowed in error["detail"]  # the allowed values are listed


@pytest.mark.parametrize(("path", "q", "expected"), [
    ("/api/actors", "Daesh", {"kb-islamic-state"}),
    ("/api/actors", "Islamic", {"kb-islamic-state"}),  # part of the name, as before
    ("/api/places", "Dayr az Zawr", {"place-170794"}),
    ("/api/places", "Idleb", {"place-163581"}),  # Saraqib, in the governorate
])
def test_filters_listings_by_alias(client: TestClient, path: str, q: str,
                                   expected: set[str]) -> None:
    body = client.get(path, params={"q": q}).json()
    assert {row["id"] for row in body["items"]} == expected


def test_filters_claims_by_an_organisations_alias(client: TestClient) -> None:
    body = client.get("/api/claims", params={"speaker": "SOHR"}).json()
    assert {(c["document_id"], c["id"]) for c in body["items"]} == {("doc-a", "q1"),
                                                                   ("doc-b", "q1")}


@pytest.mark.parametrize(("params", "documents"), [
    ({"place": "Dayr az Zawr"}, {"doc-a"}),
    ({"sub_type": "air strike"}, {"doc-b"}),
    ({"actor": "Daesh"}, {"doc-a", "doc-b"}),
    ({"type": "assault", "place": "Idleb"}, {"doc-b"}),
    ({"grade": "Single"}, {"doc-a", "doc-b"}),  # in any case
])
def test_filters_incidents_by_what_names_mean(client: TestClient, params: dict[str, str],
                                              documents: set[str]) -> None:
    body = client.get("/api/incidents", params=params).json()
    assert {r["document"] for i in body["items"] for r in i["reports"]} == documents


@pytest.mark.parametrize(("value", "expected"), [
    ("Air/drone strike", ("Air/drone strike",)),
    ("AIR-DRONE STRIKE", ("Air/drone strike",)),
    ("drone", ("Air/drone strike",)),
    ("attack", ("Attack",)),  # the name itself before the names it begins a word of
    ("protest", ("Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters")),
    ("landmine", ("Remote explosive/landmine/IED",)),
])
def test_filters_sub_type_names(value: str, expected: tuple[str, ...]) -> None:
    assert sub_types(value) == expected


def test_filters_places_and_factuality_names() -> None:
    found = places("Dayr az Zawr")
    assert found.regions == ("Deir ez-Zor",)
    assert 170794 in found.geonameids
    assert places("Nowhere-upon-Nothing").geonameids == ()
    assert factuality(" NEGATED ") == "negated"


def test_filters_speaker_naming_many_actors_reads_the_same(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """A speaker name that names more actors than are listed in the query itself is asked of
    the actor listing within it: the same events either way."""
    from wirescope.store import queries

    listed = {p: _events(client, {"speaker": p}) for p in ("Rami", "SOHR", "White Helmets")}
    monkeypatch.setattr(queries, "NAMED_INLINE", 0)
    assert {p: _events(client, {"speaker": p}) for p in listed} == listed
    assert listed["Rami"] == {"doc-a/ev2", "doc-b/ev2"}
