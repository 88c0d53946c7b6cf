"""Incidents in the store (SQLite or PostgreSQL): each stored document's reports are linked
as it is stored (incrementally: only the incidents of its block are read), the incidents
they touch are re-summarised, and ``rebuild`` re-links the whole store.

The linking rules are :mod:`wirescope.resolve`'s; this module only keeps their index and
their output in tables (``incident_reports``, ``incidents``, ``events.incident``)."""

from __future__ import annotations

import functools
import json
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from wirescope.export.incidents import incident_to_json
from wirescope.extractors.incidents import finish
from wirescope.records import DocumentRecord, Incident
from wirescope.resolve import embed
from wirescope.resolve.index import (
    BLOCKING,
    IDENTIFYING,
    TEMPLATE_DOCUMENTS,
    Terms,
    link,
    ordinal,
)
from wirescope.resolve.link import WINDOW
from wirescope.resolve.reports import Report, reports
from wirescope.resolve.summary import Linked, summarize
from wirescope.store.base import Connection

CACHE = 50_000  # parsed reports kept per store connection


class StoreTerms(Terms):
    """:class:`Terms` whose outlet frequencies live in the store (``incident_outlets``,
    ``incident_outlet_terms``): an outlet's template is read when first needed and read again
    once its articles have grown by a tenth."""

    def __init__(self, conn: Connection) -> None:
        row = conn.execute(
            "SELECT value FROM incident_stats WHERE name = 'documents'").fetchone()
        super().__init__(dict(conn.execute("SELECT term, n FROM incident_terms")),
                         row[0] if row else 0)
        self.conn = conn
        self._templates: dict[str, tuple[int, frozenset[str]]] = {}

    def count_outlet(self, outlet: str, distinct: Sequence[str]) -> None:
        self.conn.execute(
            "INSERT INTO incident_outlets (outlet, documents) VALUES (?, 1) "
            "ON CONFLICT(outlet) DO UPDATE SET documents = incident_outlets.documents + 1",
            (outlet,))
        self.conn.executemany(
            "INSERT INTO incident_outlet_terms (outlet, term, n) VALUES (?, ?, 1) "
            "ON CONFLICT(outlet, term) DO UPDATE SET n = incident_outlet_terms.n + 1",
            [(outlet, t) for t in distinct])

    def outlet_documents(self, outlet: str) -> int:
        row = self.conn.execute(
            "SELECT documents FROM incident_outlets WHERE outlet = ?", (outlet,)).fetchone()
        return int(row[0]) if row else 0

    def template(self, outlet: str | None) -> frozenset[str]:
        if not outlet:
            return frozenset()
        documents = self.outlet_documents(outlet)
        cached = self._templates.get(outlet)
        if cached is None or documents >= TEMPLATE_DOCUMENTS > cached[0] or (
                documents > cached[0] * 1.1):
            cached = self._templates[outlet] = (documents, self._template(outlet, documents))
        return cached[1]

    def _frequent(self, outlet: str, least: int) -> frozenset[str]:
        return frozenset(r[0] for r in self.conn.execute(
            "SELECT term FROM incident_outlet_terms WHERE outlet = ? AND n >= ?",
            (outlet, least)))


class StoreIndex:
    """The linking index over ``incident_reports``: blocks by family and reference day."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        row = conn.execute("SELECT coalesce(max(seq), 0) FROM incident_reports").fetchone()
        self._seq: int = row[0]
        # Document frequencies are read once per index (a store connection), then written
        # through.
        self.terms = StoreTerms(conn)
        # Reports as parsed from their JSON, by (document, local id), bounded.
        self._parsed: OrderedDict[tuple[str, str], Report] = OrderedDict()

    def _report(self, document: str, local: str, data: str) -> Report:
        key = (document, local)
        found = self._parsed.get(key)
        if found is None:
            found = self._parsed[key] = Report.from_json(json.loads(data))
            if len(self._parsed) > CACHE:
                self._parsed.popitem(last=False)
        else:
            self._parsed.move_to_end(key)
        return found

    def forget(self, document_id: str) -> None:
        """Drop what is cached of a document's reports (it is being replaced)."""
        for key in [k for k in self._parsed if k[0] == document_id]:
            del self._parsed[key]

    def candidates(self, report: Report, people: Iterable[str] = ()
                   ) -> Mapping[str, Sequence[Report]]:
        center = ordinal(report.reference_day)
        rows: Iterable[tuple[str, str, str, str]] = ()
        if center is not None:  # an undated report is compared through its people only
            rows = self.conn.execute(
                "SELECT document_id, local_id, incident_id, report FROM incident_reports "
                "WHERE family = ? AND reference_day BETWEEN ? AND ?",
                (report.family, center - WINDOW, center + WINDOW))
        seen: dict[tuple[str, str], tuple[str, str]] = {}
        for document, local, incident, data in rows:
            seen[(document, local)] = (incident, data)
        # (the JSON is fetched with every row; it is parsed once per index)
        for person in people:
            for document, local, incident, data in self.conn.execute(
                    "SELECT r.document_id, r.local_id, r.incident_id, r.report "
                    "FROM incident_people p JOIN incident_reports r "
                    "ON r.document_id = p.document_id AND r.local_id = p.local_id "
                    "WHERE p.family = ? AND p.person = ?", (report.family, person)):
                seen[(document, local)] = (incident, data)
        found: dict[str, list[Report]] = defaultdict(list)
        for (document, local), (incident, data) in seen.items():
            found[incident].append(self._report(document, local, data))
        return found

    def add(self, incident: str, report: Report) -> None:
        self._seq += 1
        self.conn.execute(
            "INSERT INTO incident_reports (document_id, local_id, incident_id, family, "
            "reference_day, seq, report) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(document_id, local_id) DO UPDATE SET incident_id = excluded.incident_id,"
            " family = excluded.family, reference_day = excluded.reference_day,"
            " seq = excluded.seq, report = excluded.report, score = NULL, via = NULL",
            (report.document, report.local, incident, report.family,
             ordinal(report.reference_day), self._seq, json.dumps(report.as_json())))
        self.conn.executemany(
            "INSERT INTO incident_people (document_id, local_id, family, person) "
            "VALUES (?, ?, ?, ?)",
            [(report.document, report.local, report.family, p) for p in report.people])
        counted = self.terms.count(report)
        if counted:
            self.conn.executemany(
                "INSERT INTO incident_terms (term, n) VALUES (?, 1) "
                "ON CONFLICT(term) DO UPDATE SET n = incident_terms.n + 1",
                [(t,) for t in counted])
            self.conn.execute(
                "INSERT INTO incident_stats (name, value) VALUES ('documents', ?) "
                "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
                (self.terms.documents,))

    def similarity(self, a: Report, b: Report, core: bool = False) -> float:
        return self.terms.similarity(a, b, core)

    def naming(self, family: str, person: str) -> int:
        """How many incidents name the person — counted up to one more than may block
        (:data:`BLOCKING`): a name in thousands of reports is not counted through."""
        row = self.conn.execute(
            "SELECT count(*) FROM (SELECT DISTINCT r.incident_id FROM incident_people p "
            "JOIN incident_reports r ON r.document_id = p.document_id "
            "AND r.local_id = p.local_id WHERE p.family = ? AND p.person = ? LIMIT ?) AS named",
            (family, person, max(BLOCKING, IDENTIFYING) + 1)).fetchone()
        return int(row[0])


def unlink(conn: Connection, document_id: str) -> set[str]:
    """Drop a document's reports (before it is replaced); the incidents they were in."""
    touched = {r[0] for r in conn.execute(
        "SELECT incident_id FROM incident_reports WHERE document_id = ?", (document_id,))}
    conn.execute("DELETE FROM incident_reports WHERE document_id = ?", (document_id,))
    conn.execute("DELETE FROM incident_people WHERE document_id = ?", (document_id,))
    return touched


def told(record: DocumentRecord) -> list[Report]:
    """The record's reports, embedded: the work of linking that reads no store (a writer
    does it before it takes the store's write lock)."""
    return list(reports(record, embed.default()))


def link_record(conn: Connection, record: DocumentRecord, index: StoreIndex,
                found: Sequence[Report] | None = None) -> set[str]:
    """Link the record's reports (``found``: as :func:`told` gives them, else made here) into
    the store's incidents; the incidents touched. The index is the caller's (one per
    connection: building one reads every term frequency)."""
    touched = set()
    for report in told(record) if found is None else found:
        incident, decision = link(report, index)
        conn.execute(
            "UPDATE incident_reports SET score = ?, via = ? WHERE document_id = ? "
            "AND local_id = ?", (decision.score or None, " ".join(decision.via) or None,
                                 report.document, report.local))
        conn.executemany("UPDATE events SET incident = ? WHERE document_id = ? AND id = ?",
                         [(incident, record.document.id, event) for event in report.events])
        touched.add(incident)
    return touched


Getter = Callable[[str], DocumentRecord | None]


def summarize_incidents(conn: Connection, ids: Iterable[str], get: Getter) -> None:
    """Write (or drop, when no report is left) the incident records of ``ids``."""
    records = functools.lru_cache(maxsize=256)(get)
    for incident_id in sorted(set(ids)):
        rows = conn.execute(
            "SELECT report FROM incident_reports WHERE incident_id = ? ORDER BY seq",
            (incident_id,)).fetchall()
        linked = []
        for (data,) in rows:
            report = Report.from_json(json.loads(data))
            record = records(report.document)
            if record is not None:
                linked.append(Linked(report=report, record=record))
        conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))
        if not linked:
            continue
        write(conn, summarize(incident_id, linked))


def write(conn: Connection, incident: Incident) -> None:
    place = incident.place
    conn.execute(
        "INSERT INTO incidents (id, type, acled_event_type, acled_sub_event_type, start, "
        "\"end\", place_name, lat, lon, country_code, admin1, n_documents, n_independent, "
        "killed, injured, grade, n_contradictions, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (incident.id, incident.type, incident.acled_event_type, incident.acled_sub_event_type,
         incident.start, incident.end, place.name if place else None,
         place.lat if place else None, place.lon if place else None,
         place.country_code if place else None, place.admin1 if place else None,
         incident.documents, incident.independent,
         incident.killed.best if incident.killed else None,
         incident.injured.best if incident.injured else None, incident.grade,
         len(incident.contradictions), json.dumps(incident_to_json(incident), ensure_ascii=False)))


def rebuild(conn: Connection, get: Getter) -> int:
    """Re-link every stored document, in publication order; the number of incidents. A
    document stored before incidents existed gets its own incidents and lead first (from
    its stored events; re-ingest it to re-extract)."""
    for table in ("incident_reports", "incident_people", "incidents", "incident_terms",
                  "incident_stats", "incident_outlets", "incident_outlet_terms"):
        conn.execute(f"DELETE FROM {table}")
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM documents ORDER BY published IS NULL, published, id")]
    index = StoreIndex(conn)
    touched: set[str] = set()
    for document_id in ids:
        record = get(document_id)
        if record is None:
            continue
        if record.events and all(ev.incident is None for ev in record.events):
            # stored before incidents existed (schema < 9): its own incidents and lead first
            record = finish(record)
            conn.execute("UPDATE documents SET lead_event = ?, lead_via = ? WHERE id = ?",
                         (record.lead_event, record.lead_via, document_id))
        touched |= link_record(conn, record, index)
    summarize_incidents(conn, touched, get)
    return len(touched)
