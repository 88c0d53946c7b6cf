"""The main queries read through an index on each backend, never the whole table: the
listing of documents newest first, the events of a place, a report's linking blocks (its
days, its people), a document's items. (PostgreSQL prefers reading a tiny table whole, so
there the plan is asked with sequential scans switched off: can an index serve it?)"""

from __future__ import annotations

import pytest

from tests.factories import full_record
from wirescope.store import SQLiteStore
from wirescope.store.postgres import PostgresStore

QUERIES = [
    ("documents newest first",
     "SELECT d.id FROM documents d ORDER BY d.published DESC, d.id LIMIT 50", (),
     "documents_published"),
    ("events newest first",
     "SELECT e.document_id, e.id FROM events e JOIN documents d ON d.id = e.document_id"
     " ORDER BY e.published DESC NULLS LAST, e.document_id, e.position LIMIT 50", (),
     "events_listing"),
    ("incidents latest first",
     "SELECT i.id FROM incidents i ORDER BY coalesce(i.start, i.\"end\") DESC NULLS LAST, i.id"
     " LIMIT 50", (), "incidents_listing"),
    ("the events of a place",
     "SELECT count(*) FROM events e WHERE e.place = ?", ("place-170063",), "events_place"),
    ("a report's block of days",
     "SELECT document_id, local_id FROM incident_reports WHERE family = ? "
     "AND reference_day BETWEEN ? AND ?", ("violence", 736000, 736028),
     "incident_reports_block"),
    ("a report's block of people",
     "SELECT document_id, local_id FROM incident_people WHERE family = ? AND person = ?",
     ("violence", "tre edwards"), "incident_people_block"),
    ("the reports of an incident",
     "SELECT document_id FROM incident_reports WHERE incident_id = ?", ("inc-x",),
     "incident_reports_incident"),
    ("a document's mentions",
     "SELECT * FROM mentions WHERE document_id = ? ORDER BY position", ("a",),
     "mentions_item"),
    ("the claims of a speaker",
     "SELECT q.document_id, q.id FROM quotes q WHERE q.speaker IN (?, ?)",
     ("ent-police", "ent-army"), "quotes_speaker"),
    ("the quantities of an event",
     "SELECT * FROM quantities WHERE event_key = ?", ("a/ev1",), "quantities_event_key"),
]


@pytest.mark.parametrize(("what", "sql", "params", "index"), QUERIES,
                         ids=[q[0] for q in QUERIES])
def test_plans_main_queries_use_their_index(any_store: SQLiteStore, what: str, sql: str,
                                            params: tuple[object, ...], index: str) -> None:
    any_store.put(full_record("a"), signature="s", run_id=None)
    if isinstance(any_store, PostgresStore):
        any_store.conn.execute("SET enable_seqscan = off")
        plan = " ".join(r[0] for r in any_store.conn.execute("EXPLAIN " + sql, params))
    else:
        plan = " ".join(r["detail"] for r in any_store.conn.execute(
            "EXPLAIN QUERY PLAN " + sql, params))
    assert index in plan, f"{what}: {plan}"
