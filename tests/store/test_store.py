"""The store suite, run on each backend (``any_store``, ``db_url``: a SQLite file and a
PostgreSQL database): round trips, replacing, search, failures and runs, migrations."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import pytest

from tests.factories import full_record
from wirescope import samples
from wirescope.errors import StoreError
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Failure
from wirescope.resolve import series
from wirescope.store import SQLiteStore, open_store
from wirescope.store.postgres import PostgresStore, translate


def test_store_round_trip_keeps_every_kind(any_store: SQLiteStore) -> None:
    record = full_record()
    assert any_store.put(record, signature="sig", run_id=None) == "stored"
    loaded = any_store.get(record.document.id)
    assert loaded is not None
    assert dataclasses.replace(loaded, document=dataclasses.replace(loaded.document,
                               origin=record.document.origin)) == record


def test_store_put_identical_is_noop_and_changes_replace(any_store: SQLiteStore) -> None:
    record = full_record()
    assert any_store.put(record, signature="sig", run_id=None) == "stored"
    assert any_store.put(record, signature="sig", run_id=None) == "unchanged"
    assert any_store.put(record, signature="sig2", run_id=None) == "replaced"
    emptier = DocumentRecord(document=dataclasses.replace(record.document, title="New"))
    assert any_store.put(emptier, signature="sig2", run_id=None) == "replaced"
    counts = any_store.counts()
    assert counts["documents"] == 1
    assert counts["entities"] == counts["events"] == counts["mentions"] == 0
    assert counts["quantities"] == 0


def test_store_search_plain_words_and_hyphens(any_store: SQLiteStore) -> None:
    any_store.put(full_record("a"), signature="s", run_id=None)
    any_store.put(DocumentRecord(document=Document(id="b", text="Al-Nusra attacked Aleppo.")),
              signature="s", run_id=None)
    assert [h.id for h in any_store.search("minister")] == ["a"]
    assert {h.id for h in any_store.search("Aleppo")} == {"a", "b"}
    assert [h.id for h in any_store.search("al-Nusra")] == ["b"]
    assert "[Nusra]" in any_store.search("Nusra")[0].snippet
    assert any_store.search("Ghouta") == []


def test_store_search_count_follows_replaced_and_deleted_documents(
        any_store: SQLiteStore) -> None:
    """The search total is counted in the full-text index alone: a replaced document's old
    words and a deleted document no longer count."""
    from wirescope.store import queries

    def total(q: str) -> int:
        return any_store.search_documents(q, limit=10)[0]

    for n in range(3):
        any_store.put(DocumentRecord(document=Document(id=f"d{n}", text="Shelling hit Aleppo.")),
                      signature="s", run_id=None)
    assert total("Aleppo") == 3
    any_store.put(DocumentRecord(document=Document(id="d1", text="Shelling hit Homs.")),
                  signature="s2", run_id=None)
    assert (total("Aleppo"), total("Homs")) == (2, 1)
    if isinstance(any_store, SQLiteStore) and not isinstance(any_store, PostgresStore):
        any_store.conn.execute("DELETE FROM documents WHERE id = 'd0'")
        assert total("Aleppo") == 1
        assert queries.count(any_store.conn, queries._SEARCH, ("Aleppo",)) == 1


def test_store_failures_and_runs(any_store: SQLiteStore) -> None:
    run = any_store.start_run("ingest x", "sig")
    failure = Failure(origin="x.bin", stage="ingest", code="W102", reason="binary")
    any_store.add_failure(failure, run_id=run)
    any_store.finish_run(run, stored=0, unchanged=0, failed=1)
    assert any_store.failures(run) == [failure]
    assert any_store.failures(run + 1) == []
    (summary,) = any_store.runs()
    assert (summary.id, summary.n_failed, summary.command) == (run, 1, "ingest x")
    assert summary.finished_at is not None


def test_store_records_in_id_order(any_store: SQLiteStore) -> None:
    for doc_id in ("b", "a"):
        any_store.put(full_record(doc_id), signature="s", run_id=None)
    assert [r.document.id for r in any_store.records()] == ["a", "b"]
    assert any_store.get("zzz") is None


def test_store_a_failure_is_stored_once_with_a_bounded_excerpt(any_store: SQLiteStore) -> None:
    long_text = "Shelling in Homs. " * 2_000  # 36,000 characters
    bad = Failure(origin="corpus.jsonl:3", stage="extract", code="W211", reason="boom",
                  document_id="d3", text=long_text)
    other = Failure(origin="corpus.jsonl:3", stage="extract", code="W211", reason="boom",
                    document_id="d3", text="Another text on the same line.")
    first = any_store.start_run("ingest corpus.jsonl", "sig")
    any_store.add_failure(bad, run_id=first)
    second = any_store.start_run("ingest corpus.jsonl", "sig")
    any_store.add_failure(bad, run_id=second)  # the same input failing again: no second row
    any_store.add_failure(other, run_id=second)  # a changed text at that line is another
    rows = any_store.conn.execute("SELECT run_id, length(text), length FROM failures "
                              "ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [(second, 2_000, len(long_text)), (second, 30, 30)]
    (kept, _) = any_store.failures(second)
    assert kept.text == long_text[:2_000] and kept.reason == "boom"
    assert any_store.failures(first) == []


def test_store_an_unfinished_run_counts_what_it_left(any_store: SQLiteStore) -> None:
    from wirescope.cli import render

    run = any_store.start_run("ingest big/", "sig")  # killed before finish_run
    for i in range(3):
        any_store.put(DocumentRecord(document=Document(id=f"k{i}", text=f"Shelling {i}.")),
                  signature="sig", run_id=run)
    any_store.add_failure(Failure(origin="big/x.bin", stage="ingest", code="W102",
                              reason="binary"), run_id=run)
    (summary,) = any_store.runs()
    assert (summary.finished_at, summary.n_stored, summary.n_failed) == (None, 3, 1)
    assert "UNFINISHED" in render.runs([summary]) and "stored 3 so far" in render.runs([summary])
def _shipped(store: SQLiteStore) -> int:
    return store.migrations()[-1][0]  # the store's own backend's


def test_store_schema_version_and_reopening(db_url: str) -> None:
    store = open_store(db_url)
    assert store.schema_version == _shipped(store)
    store.put(full_record("a"), signature="s", run_id=None)
    store.close()
    again = open_store(db_url, create=False)  # re-opening does not re-migrate, nor lose
    assert again.schema_version == _shipped(again) and again.ids() == ["a"]
    again.close()


def test_store_refuses_a_newer_schema(db_url: str) -> None:
    store = open_store(db_url)
    if isinstance(store, PostgresStore):
        store.conn.execute("INSERT INTO schema_version VALUES (999)")
    else:
        store.conn.execute("PRAGMA user_version = 999")
    store.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(db_url)


def test_store_several_connections_creating_one_store_at_once(db_url: str) -> None:
    """Connections racing to create (migrate) one new store: each waits for the lock and
    finds the work done; none fails with "relation runs already exists"."""
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def one() -> None:
        start.wait()
        try:
            open_store(db_url, check_same_thread=False).close()
        except BaseException as exc:  # every error is the test's finding
            errors.append(exc)

    threads = [threading.Thread(target=one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    store = open_store(db_url)
    assert store.schema_version == _shipped(store)
    store.close()


def test_store_postgres_missing_database_is_an_error_naming_it(postgres_server: str) -> None:
    url = postgres_server.rsplit("/", 1)[0].replace("://", "://wirescope:secret@", 1) + (
        "/no_such_database")
    with pytest.raises(StoreError, match="cannot open store") as found:
        open_store(url)
    assert "secret" not in str(found.value) and "no_such_database" in str(found.value)


@pytest.mark.parametrize(("sql", "expected"), [
    # one body of SQL: the SQLite forms the store uses, as PostgreSQL writes them
    ("SELECT id FROM d WHERE name LIKE ? ESCAPE '\\' COLLATE NOCASE",
     "SELECT id FROM d WHERE name ILIKE %s ESCAPE '\\'"),
    ("SELECT 1 WHERE p.admin1 = ? COLLATE NOCASE AND p.id = ?",
     "SELECT 1 WHERE lower(p.admin1) = lower(%s) AND p.id = %s"),
    ("SELECT 1 WHERE day GLOB '[0-9][0-9][0-9][0-9]*'", "SELECT 1 WHERE day ~ '^[0-9]{4}'"),
    ("SELECT id FROM failures WHERE digest IS ?",
     "SELECT id FROM failures WHERE digest IS NOT DISTINCT FROM %s"),
    ("SELECT '100%' WHERE x = ?", "SELECT '100%%' WHERE x = %s"),
    ("SELECT 1 WHERE x IS NULL", "SELECT 1 WHERE x IS NULL"),
])
def test_store_postgres_translation(sql: str, expected: str) -> None:
    assert translate(sql) == expected


def test_store_events_newest_documents_first_undated_last(any_store: SQLiteStore) -> None:
    import datetime as dt

    from wirescope.store.queries import EventFilter

    def dated(doc_id: str, day: dt.date | None) -> DocumentRecord:
        record = full_record(doc_id)
        return dataclasses.replace(record, document=dataclasses.replace(record.document,
                                                                        published=day))

    for doc_id, day in (("old", dt.date(2016, 1, 1)), ("undated", None),
                        ("new", dt.date(2016, 6, 1))):
        any_store.put(dated(doc_id, day), signature="s", run_id=None)
    page = any_store.find_events(EventFilter(), limit=50, offset=0)
    assert page.total == 6
    assert [k for k, _ in page.keys] == ["new", "new", "old", "old", "undated", "undated"]
    # a document published again later: its events move up with it
    any_store.put(dated("old", dt.date(2017, 1, 1)), signature="s", run_id=None)
    page = any_store.find_events(EventFilter(), limit=2, offset=0)
    assert [k for k, _ in page.keys] == ["old", "old"] and page.total == 6


@pytest.mark.model
def test_store_keeps_each_documents_running_figures(
        any_store: SQLiteStore, pipeline: Pipeline, samples_dir: Path) -> None:
    records = sorted((r for r in pipeline.run(samples.load())
                      if isinstance(r, DocumentRecord)), key=lambda r: r.document.id)
    for record in records:
        any_store.put(record, signature="sig", run_id=None)
    expected = series.series(records)
    assert expected and series.series_of(any_store.figure_points()) == expected
    # a store filled before they were kept works them out from its records when asked
    any_store.conn.execute("UPDATE documents SET figures = NULL")
    assert series.series_of(any_store.figure_points()) == expected
    texts = any_store.texts([records[0].document.id, "no-such-document"])
    assert texts == {records[0].document.id: records[0].document.text}
