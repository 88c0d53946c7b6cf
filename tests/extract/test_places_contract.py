"""The optional place fields (contract 1.4) survive export, schema validation and the store."""

from __future__ import annotations

import dataclasses

import pytest

from tests.factories import full_record
from wirescope.export import from_contract, to_contract
from wirescope.export.contract import validate
from wirescope.records import DocumentRecord, Place
from wirescope.store import SQLiteStore


def _with(record: DocumentRecord, **fields: object) -> DocumentRecord:
    places = tuple(dataclasses.replace(p, **fields) for p in record.places)  # type: ignore[arg-type]
    return dataclasses.replace(record, places=places)


CASES = [
    {"geo_precision": 1, "raw_name": "Aleppo", "resolved_via": "gazetteer"},
    {"geo_precision": 2, "raw_name": "Zahraa", "resolved_via": "container", "geonameid": None},
    {"geo_precision": None, "raw_name": None, "resolved_via": None},
    {"geo_precision": None, "raw_name": "Qwertzabad", "resolved_via": "unresolved", "lat": None,
     "lon": None, "precision": None, "admin1": None, "country_code": None, "geonameid": None},
]


@pytest.mark.parametrize("fields", CASES)
def test_places_contract_round_trip(fields: dict[str, object]) -> None:
    record = _with(full_record(), **fields)
    data = to_contract(record)
    validate(data)
    assert from_contract(data).places == record.places


@pytest.mark.parametrize("fields", CASES)
def test_places_store_round_trip(store: SQLiteStore, fields: dict[str, object]) -> None:
    record = _with(full_record(), **fields)
    store.put(record, signature="test", run_id=None)
    loaded = store.get(record.document.id)
    assert loaded is not None and loaded.places == record.places


def test_places_contract_reads_records_without_the_new_fields() -> None:
    data = to_contract(full_record())
    for place in data["places"]:
        for name in ("geo_precision", "raw_name", "resolved_via"):
            place.pop(name)
    validate(data)
    (place,) = from_contract(data).places
    assert isinstance(place, Place) and place.geo_precision is None
