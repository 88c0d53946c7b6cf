from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wirescope.errors import StoreError
from wirescope.store import SQLiteStore
from wirescope.store.sqlite import migrations


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




def test_sqlite_migration_29_dates_claims_stored_without_a_day(tmp_path: Path) -> None:
    """Claims stored before they kept a day (migration 16) get their document's publication
    day, so the claims listings read every claim's day from the claim itself."""
    from tests.factories import claims_record

    path = tmp_path / "old.db"
    store = SQLiteStore.open(path)
    store.put(claims_record(0, 2), signature="test", run_id=None, link=False)
    store.conn.execute("UPDATE quotes SET day = NULL, day_via = NULL")
    store.conn.execute("PRAGMA user_version = 28")
    store.conn.commit()
    store.close()
    again = SQLiteStore.open(path)
    published = again.conn.execute("SELECT published FROM documents").fetchone()[0]
    assert published
    assert {tuple(r) for r in again.conn.execute("SELECT day, day_via FROM quotes")} == {
        (published, "published")}
    again.close()
