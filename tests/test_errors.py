"""Error codes are stable names (no two mean the same code), and store errors get theirs."""

from __future__ import annotations

import re
import sqlite3

import pytest

from wirescope import errors


def test_errors_each_code_names_one_thing() -> None:
    codes = {name: value for name, value in vars(errors).items()
             if name.isupper() and isinstance(value, str) and re.fullmatch(r"W\d{3}", value)}
    assert len(codes) >= 20
    seen: dict[str, str] = {}
    for name, code in codes.items():
        assert code not in seen, f"{name} and {seen[code]} share {code}"
        seen[code] = name


@pytest.mark.parametrize(("message", "code"), [
    ("database is locked", errors.STORE_BUSY),
    ("database or disk is full", errors.STORE_FULL),
    ("attempt to write a readonly database", errors.STORE_BROKEN),
    ("database disk image is malformed", errors.STORE_BROKEN),
    ("UNIQUE constraint failed: entities.document_id, entities.id", errors.STORE_REFUSED),
])
def test_errors_store_errors_get_their_own_code(message: str, code: str) -> None:
    got, reason = errors.store_code(sqlite3.OperationalError(message))
    assert got == code and reason


def test_errors_a_store_error_is_one_coded_failure_and_the_batch_goes_on(
        tmp_path: object, pipeline: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from wirescope import batch
    from wirescope.records import Document
    from wirescope.store import SQLiteStore

    store = SQLiteStore.open(Path(str(tmp_path)) / "s.db")
    real = store.put

    def put(record, **kwargs):  # type: ignore[no-untyped-def]
        if record.document.id == "b":
            raise sqlite3.OperationalError("database is locked")
        return real(record, **kwargs)

    monkeypatch.setattr(store, "put", put)
    docs = [Document(id=i, text=f"Shelling in Homs killed {n} people.", origin=i)
            for n, i in enumerate("abc", start=2)]
    report = batch.ingest(docs, store, pipeline)  # type: ignore[arg-type]
    assert report.stored == 2 and [f.code for f in report.failures] == [errors.STORE_BUSY]
    assert report.unaccounted == 0
    store.close()
