from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.evaluate import build
from wirescope.evaluate.cache import RecordCache, code_key


def test_cache_round_trip_and_invalidation(tmp_path: Path) -> None:
    text = "Rebels shelled Aleppo."
    doc = build.document(text)
    record = build.record(doc, entities=(build.entity(doc, "e", "organization",
                                                      build.at(text, "Rebels")),))
    cache = RecordCache(tmp_path, "sig-a")
    cache.put("set", [record])
    (found,) = cache.get("set", [doc]).values()
    assert found.entities == record.entities
    changed = dataclasses.replace(doc, text=text + " Again.")
    assert cache.get("set", [changed]) == {}
    assert RecordCache(tmp_path, "sig-b").get("set", [doc]) == {}
    RecordCache(tmp_path, "sig-b").put("set", [])  # a rewrite drops other code versions
    assert cache.get("set", [doc]) == {}


def test_cache_code_key_depends_on_signature() -> None:
    assert code_key("a") != code_key("b")
    assert code_key("a") == code_key("a")
