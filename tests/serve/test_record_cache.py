"""The record indexes a server keeps between requests: reused while the stored document is
the same, read again once it is replaced, the least recently used dropped first."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from fastapi.testclient import TestClient

from tests.factories import full_record
from wirescope.serve.api import RecordCache, Server, create_app
from wirescope.serve.views import RecordIndex
from wirescope.store import open_store


def test_record_cache_a_replaced_document_is_never_served_stale(tmp_path: Path) -> None:
    db = tmp_path / "cache.db"
    record = full_record()
    store = open_store(db)
    store.put(record, signature="sig", run_id=None)
    server = Server(db=db)
    client = TestClient(create_app(server), base_url="http://localhost")
    first = client.get(f"/api/documents/{record.document.id}").json()
    assert first["title"] == "Shelling in Aleppo" and len(server.records.held) == 1
    assert client.get(f"/api/documents/{record.document.id}").json() == first  # reused
    assert len(server.records.held) == 1

    renamed = dataclasses.replace(record, document=dataclasses.replace(
        record.document, title="Shelling in Aleppo, updated"))
    assert store.put(renamed, signature="sig", run_id=None) == "replaced"
    store.close()
    again = client.get(f"/api/documents/{record.document.id}").json()
    assert again["title"] == "Shelling in Aleppo, updated"


def test_record_cache_drops_the_least_recently_used() -> None:
    cache = RecordCache(size=2)
    index = RecordIndex(full_record())
    cache.put(("a", "h", "s"), index)
    cache.put(("b", "h", "s"), index)
    assert cache.get(("a", "h", "s")) is index  # "a" used: "b" is now the oldest
    cache.put(("c", "h", "s"), index)
    assert list(cache.held) == [("a", "h", "s"), ("c", "h", "s")]
    assert cache.get(("b", "h", "s")) is None
