from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from tests.factories import full_record
from wirescope.errors import StoreError
from wirescope.records import Document, DocumentRecord, Failure
from wirescope.store import SQLiteStore
from wirescope.store.sqlite import migrations


def test_sqlite_round_trip_keeps_every_kind(store: SQLiteStore) -> None:
    record = full_record()
    assert store.put(record, signature="sig", run_id=None) == "stored"
    loaded = store.get(record.document.id)
    assert loaded is not None
    assert dataclasses.replace(loaded, document=dataclasses.replace(loaded.document,
                               origin=record.document.origin)) == record


def test_sqlite_put_identical_is_noop_and_changes_replace(store: SQLiteStore) -> None:
    record = full_record()
    assert store.put(record, signature="sig", run_id=None) == "stored"
    assert store.put(record, signature="sig", run_id=None) == "unchanged"
    assert store.put(record, signature="sig2", run_id=None) == "replaced"
    emptier = DocumentRecord(document=dataclasses.replace(record.document, title="New"))
    assert store.put(emptier, signature="sig2", run_id=None) == "replaced"
    counts = store.counts()
    assert counts["documents"] == 1
    assert counts["entities"] == counts["events"] == counts["mentions"] == 0
    assert counts["quantities"] == 0


def test_sqlite_search_plain_words_and_hyphens(store: SQLiteStore) -> None:
    store.put(full_record("a"), signature="s", run_id=None)
    store.put(DocumentRecord(document=Document(id="b", text="Al-Nusra attacked Aleppo.")),
              signature="s", run_id=None)
    assert [h.id for h in store.search("minister")] == ["a"]
    assert {h.id for h in store.search("Aleppo")} == {"a", "b"}
    assert [h.id for h in store.search("al-Nusra")] == ["b"]
    assert "[Nusra]" in store.search("Nusra")[0].snippet
    assert store.search("Ghouta") == []


def test_sqlite_failures_and_runs(store: SQLiteStore) -> None:
    run = store.start_run("ingest x", "sig")
    failure = Failure(origin="x.bin", stage="ingest", code="W102", reason="binary")
    store.add_failure(failure, run_id=run)
    store.finish_run(run, stored=0, unchanged=0, failed=1)
    assert store.failures(run) == [failure]
    assert store.failures(run + 1) == []
    (summary,) = store.runs()
    assert (summary.id, summary.n_failed, summary.command) == (run, 1, "ingest x")
    assert summary.finished_at is not None


def test_sqlite_wal_and_schema_version(tmp_path: Path) -> None:
    store = SQLiteStore.open(tmp_path / "s.db")
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.schema_version == migrations()[-1][0]
    store.close()
    again = SQLiteStore.open(tmp_path / "s.db")  # re-opening does not re-migrate
    assert again.schema_version == migrations()[-1][0]
    again.close()


def test_sqlite_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore.open(path)


def test_sqlite_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        SQLiteStore.open(path)


def test_sqlite_records_in_id_order(store: SQLiteStore) -> None:
    for doc_id in ("b", "a"):
        store.put(full_record(doc_id), signature="s", run_id=None)
    assert [r.document.id for r in store.records()] == ["a", "b"]
    assert store.get("zzz") is None


def _open_at_once(path: Path, n: int) -> list[BaseException]:
    import threading

    start = threading.Barrier(n)
    errors: list[BaseException] = []

    def one() -> None:
        start.wait()
        try:
            SQLiteStore.open(path, check_same_thread=False).close()
        except BaseException as exc:  # every error is the test's finding
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_sqlite_several_processes_creating_one_store_at_once(tmp_path: Path) -> None:
    """Connections racing to create (migrate) one new store: each waits for the lock and finds
    the work done; none fails with "table runs already exists"."""
    for attempt in range(5):
        path = tmp_path / f"race{attempt}.db"
        assert _open_at_once(path, 4) == []
        store = SQLiteStore.open(path)
        assert store.schema_version == migrations()[-1][0]
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store.close()


def test_sqlite_migration_statements_keep_trigger_bodies_whole() -> None:
    from wirescope.store.sqlite import _statements

    sql = ("-- a comment\nCREATE TABLE a (x TEXT);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
           "  INSERT INTO b VALUES (new.x);\nEND;\n-- trailing comment\n")
    found = list(_statements(sql))
    assert len(found) == 2 and found[1].strip().endswith("END;")


def test_sqlite_a_failure_is_stored_once_with_a_bounded_excerpt(store: SQLiteStore) -> None:
    long_text = "Shelling in Homs. " * 2_000  # 36,000 characters
    bad = Failure(origin="corpus.jsonl:3", stage="extract", code="W211", reason="boom",
                  document_id="d3", text=long_text)
    other = Failure(origin="corpus.jsonl:3", stage="extract", code="W211", reason="boom",
                    document_id="d3", text="Another text on the same line.")
    first = store.start_run("ingest corpus.jsonl", "sig")
    store.add_failure(bad, run_id=first)
    second = store.start_run("ingest corpus.jsonl", "sig")
    store.add_failure(bad, run_id=second)  # the same input failing again: no second row
    store.add_failure(other, run_id=second)  # a changed text at that line is another
    rows = store.conn.execute("SELECT run_id, length(text), length FROM failures "
                              "ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [(second, 2_000, len(long_text)), (second, 30, 30)]
    (kept, _) = store.failures(second)
    assert kept.text == long_text[:2_000] and kept.reason == "boom"
    assert store.failures(first) == []


def test_sqlite_an_unfinished_run_counts_what_it_left(store: SQLiteStore) -> None:
    from wirescope.cli import render

    run = store.start_run("ingest big/", "sig")  # killed before finish_run
    for i in range(3):
        store.put(DocumentRecord(document=Document(id=f"k{i}", text=f"Shelling {i}.")),
                  signature="sig", run_id=run)
    store.add_failure(Failure(origin="big/x.bin", stage="ingest", code="W102",
                              reason="binary"), run_id=run)
    (summary,) = store.runs()
    assert (summary.finished_at, summary.n_stored, summary.n_failed) == (None, 3, 1)
    assert "UNFINISHED" in render.runs([summary]) and "stored 3 so far" in render.runs([summary])
