"""The default store: one SQLite file in WAL mode, with FTS5 search over documents.

The schema is created and migrated from ``store/migrations/NNNN_*.sql`` (tracked in
``PRAGMA user_version``). The file opens as is in Datasette.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

from wirescope import __version__
from wirescope.errors import StoreError, locked
from wirescope.records import (
    Document,
    DocumentRecord,
    Entity,
    Event,
    Failure,
    Incident,
    Note,
    Place,
    Quantity,
    Quote,
    Span,
    TimeExpr,
)
from wirescope.store import incidents, queries
from wirescope.store.base import RunSummary, SearchHit, StoreResult

_MIGRATION = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str]]:
    """``(version, sql)`` for every migration shipped with the package, in order."""
    folder = resources.files("wirescope.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION.match(entry.name)
        if match:
            found.append((int(match[1]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _statements(sql: str) -> Iterator[str]:
    """The statements of a migration script, one at a time (a trigger's body is part of its
    statement), so that they run inside the caller's transaction."""
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
    if any(ln.strip() and not ln.strip().startswith("--") for ln in pending.splitlines()):
        yield pending


FAILURE_EXCERPT = 2_000  # characters of a rejected text a failure keeps
BUSY_TIMEOUT_S = 60.0  # how long a connection waits for another process's write lock


def _when_free(step: Callable[[], object], within: float = BUSY_TIMEOUT_S) -> None:
    """Run ``step``, again while another connection holds the lock it needs. SQLite answers
    "database is locked" at once, without waiting out the busy timeout, where waiting could
    deadlock — switching a new file to WAL, two connections upgrading to write — so the
    wait is here, with growing pauses."""
    deadline = time.monotonic() + within
    pause = 0.01
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as exc:
            if not locked(exc):
                raise
            if time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 1.0)


def _begin_write(conn: sqlite3.Connection) -> None:
    """Open a write transaction at once (``BEGIN IMMEDIATE``): a deferred one that reads
    first and writes later cannot wait for another writer — SQLite refuses the upgrade with
    "database is locked" instead of a deadlock — while an immediate one waits its turn."""
    _when_free(lambda: conn.execute("BEGIN IMMEDIATE"))


class SQLiteStore:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._index: incidents.StoreIndex | None = None  # linking's, built on first use

    def _linking(self) -> incidents.StoreIndex:
        if self._index is None:
            self._index = incidents.StoreIndex(self.conn)
        return self._index

    @classmethod
    def open(cls, path: str | Path, *, check_same_thread: bool = True) -> SQLiteStore:
        """Open (creating and migrating as needed) the store at ``path``; ``:memory:`` works.
        ``check_same_thread=False`` lets a connection that one request owns move between the
        threads of a server's pool (never use it from two threads at once)."""
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_S,
                                   check_same_thread=check_same_thread)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            store = cls(conn)
            _when_free(lambda: store._setup(str(path) != ":memory:"))
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"cannot open store {path}: {exc}",
                hint="point --db at a wirescope SQLite file or a new path",
            ) from exc
        return store

    def _setup(self, on_disk: bool) -> None:
        if on_disk:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        self.migrate()

    @property
    def schema_version(self) -> int:
        version: int = self.conn.execute("PRAGMA user_version").fetchone()[0]
        return version

    def migrate(self) -> None:
        """Bring the schema to the shipped version. Each migration runs in one ``BEGIN
        IMMEDIATE`` transaction that first re-reads the version: a second process creating
        or upgrading the same store at the same moment waits for the lock (the busy
        timeout), then finds the work done — never "table runs already exists"."""
        current = self.schema_version
        shipped = migrations()
        latest = shipped[-1][0] if shipped else 0
        if current > latest:
            raise StoreError(
                f"store schema version {current} is newer than this wirescope ({latest})",
                hint="upgrade wirescope",
            )
        for version, sql in shipped:
            if version <= current:
                continue
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                current = self.schema_version
                if version > current:
                    for statement in _statements(sql):
                        self.conn.execute(statement)
                    self.conn.execute(f"PRAGMA user_version = {version}")
                    current = version
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    # -- runs and failures -------------------------------------------------------------
    def start_run(self, command: str, signature: str | None) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs (started_at, command, wirescope_version, signature) "
            "VALUES (?, ?, ?, ?)",
            (_now(), command, __version__, signature),
        )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def finish_run(self, run_id: int, *, stored: int, unchanged: int, failed: int) -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at = ?, n_stored = ?, n_unchanged = ?, n_failed = ? "
            "WHERE id = ?",
            (_now(), stored, unchanged, failed, run_id),
        )

    def add_failure(self, failure: Failure, *, run_id: int | None) -> None:
        """Record a failure once: the same input (origin, stage, code, text) failing again
        moves its row to this run; the text is kept as an excerpt of at most
        :data:`FAILURE_EXCERPT` characters with its length and a digest of the whole."""
        text = failure.text
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32] if (
            text is not None) else None
        excerpt = None if text is None else text[:FAILURE_EXCERPT].encode(
            "utf-8", "backslashreplace").decode("utf-8")
        same = self.conn.execute(
            "SELECT id FROM failures WHERE origin = ? AND stage = ? AND code = ? "
            "AND digest IS ?", (failure.origin, failure.stage, failure.code, digest)).fetchone()
        if same is not None:
            self.conn.execute(
                "UPDATE failures SET run_id = ?, document_id = ?, reason = ?, created_at = ? "
                "WHERE id = ?", (run_id, failure.document_id, failure.reason, _now(), same[0]))
            return
        self.conn.execute(
            "INSERT INTO failures (run_id, document_id, origin, stage, code, reason, text, "
            "digest, length, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                run_id, failure.document_id, failure.origin, failure.stage, failure.code,
                failure.reason, excerpt, digest, None if text is None else len(text), _now(),
            ),
        )

    def failures(self, run_id: int | None = None) -> list[Failure]:
        sql = "SELECT * FROM failures"
        params: tuple[object, ...] = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params = (run_id,)
        return [
            Failure(
                origin=r["origin"], stage=r["stage"], code=r["code"], reason=r["reason"],
                document_id=r["document_id"], text=r["text"],
            )
            for r in self.conn.execute(sql + " ORDER BY id", params)
        ]

    def runs(self, limit: int = 10) -> list[RunSummary]:
        """The latest runs. A run that never finished (killed, or still going) counts what
        it left in the store: the documents and failures recorded under it."""
        found = []
        for r in self.conn.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (limit,)):
            stored, failed = r["n_stored"], r["n_failed"]
            if r["finished_at"] is None:
                stored = self.conn.execute("SELECT count(*) FROM documents WHERE run_id = ?",
                                           (r["id"],)).fetchone()[0]
                failed = self.conn.execute("SELECT count(*) FROM failures WHERE run_id = ?",
                                           (r["id"],)).fetchone()[0]
            found.append(RunSummary(
                id=r["id"], command=r["command"], started_at=r["started_at"],
                finished_at=r["finished_at"], n_stored=stored,
                n_unchanged=r["n_unchanged"], n_failed=failed,
            ))
        return found

    # -- documents -----------------------------------------------------------------------
    def is_current(self, document_id: str, fingerprint: str, signature: str) -> bool:
        row = self.conn.execute(
            "SELECT content_hash, signature FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return row is not None and tuple(row) == (fingerprint, signature)

    def put(self, record: DocumentRecord, *, signature: str, run_id: int | None,
            link: bool = True) -> StoreResult:
        """Store a record (replacing an older version) and, with ``link``, link its incidents
        into the store's: the document, its reports and the incidents they touch change in
        one transaction."""
        doc = record.document
        digest = doc.fingerprint()
        if self.is_current(doc.id, digest, signature):
            return "unchanged"
        conn = self.conn
        found = incidents.told(record) if link else None  # (embedding takes a while: not
        # under the write lock)
        _begin_write(conn)
        try:
            touched = incidents.unlink(conn, doc.id)
            if touched and self._index is not None:  # a document linked before: replaced
                self._index.forget(doc.id)
            existed = conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,)).rowcount > 0
            conn.execute(
                "INSERT INTO documents (id, title, source, url, published, text, content_hash, "
                "signature, extractors, origin, run_id, stored_at, lead_event, lead_via, notes) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.id, doc.title, doc.source, doc.url,
                    doc.published.isoformat() if doc.published else None, doc.text, digest,
                    signature, " ".join(record.extractors), doc.origin, run_id, _now(),
                    record.lead_event, record.lead_via,
                    json.dumps([n.as_json() for n in record.notes], ensure_ascii=False),
                ),
            )
            self._insert_items(record)
            if link:
                touched |= incidents.link_record(conn, record, self._linking(), found)
            if touched:
                incidents.summarize_incidents(conn, touched, self.get)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            self._index = None  # its frequencies may count what was rolled back
            raise
        return "replaced" if existed else "stored"

    def _insert_items(self, record: DocumentRecord) -> None:
        conn, doc_id, text = self.conn, record.document.id, record.document.text

        def mentions(kind: str, item_id: str, spans: tuple[Span, ...]) -> None:
            conn.executemany(
                "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (doc_id, kind, item_id, i, s.start, s.end, s.surface(text))
                    for i, s in enumerate(spans)
                ],
            )

        for i, e in enumerate(record.entities):
            conn.execute(
                "INSERT INTO entities (document_id, id, position, name, type, actor_type, "
                "extractor, role, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, e.id, i, e.name, e.type, e.actor_type, e.extractor, e.role, e.country),
            )
            mentions("entity", e.id, e.mentions)
        for i, p in enumerate(record.places):
            conn.execute(
                "INSERT INTO places (document_id, id, position, name, lat, lon, country_code, "
                "admin1, geonameid, precision, extractor, geo_precision, raw_name, "
                "resolved_via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc_id, p.id, i, p.name, p.lat, p.lon, p.country_code, p.admin1,
                    p.geonameid, p.precision, p.extractor, p.geo_precision, p.raw_name,
                    p.resolved_via,
                ),
            )
            mentions("place", p.id, p.mentions)
        conn.executemany(
            "INSERT INTO times (document_id, id, position, text, span_start, span_end, value, "
            "start, \"end\", precision, extractor, anchor, partial) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id, t.id, i, t.text, t.span.start, t.span.end, t.value, t.start, t.end,
                    t.precision, t.extractor, t.anchor, int(t.partial),
                )
                for i, t in enumerate(record.times)
            ],
        )
        conn.executemany(
            "INSERT INTO quotes (document_id, id, position, speaker, speaker_text, "
            "speaker_start, speaker_end, cue, kind, span_start, span_end, extractor, polarity, "
            "strength) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id, q.id, i, q.speaker, q.speaker_text,
                    q.speaker_span.start if q.speaker_span else None,
                    q.speaker_span.end if q.speaker_span else None,
                    q.cue, q.kind, q.span.start, q.span.end, q.extractor, q.polarity,
                    q.strength,
                )
                for i, q in enumerate(record.quotes)
            ],
        )
        for i, ev in enumerate(record.events):
            conn.execute(
                "INSERT INTO events (document_id, id, position, type, mode, acled_event_type, "
                "acled_sub_event_type, place, time, factuality, attributed_to, span_start, "
                "span_end, extractor, sentence_start, sentence_end, time_inherited, place_from, "
                "incident, via) VALUES (" + ", ".join("?" * 20) + ")",
                (
                    doc_id, ev.id, i, ev.type, ev.mode, ev.acled_event_type,
                    ev.acled_sub_event_type, ev.place, ev.time, ev.factuality, ev.attributed_to,
                    ev.span.start, ev.span.end, ev.extractor,
                    ev.sentence.start if ev.sentence else None,
                    ev.sentence.end if ev.sentence else None, int(ev.time_inherited),
                    ev.place_from, ev.incident, ev.via,
                ),
            )
            conn.executemany(
                "INSERT INTO event_arguments VALUES (?, ?, ?, ?, ?)",
                [(doc_id, ev.id, "actor", j, a) for j, a in enumerate(ev.actors)]
                + [(doc_id, ev.id, "target", j, t) for j, t in enumerate(ev.targets)],
            )
            conn.executemany(
                "INSERT INTO quantities (document_id, event_id, position, value, low, high, "
                "unit, category, span_start, span_end, qualifier) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        doc_id, ev.id, j, q.value, q.low, q.high, q.unit, q.category,
                        q.span.start, q.span.end, q.qualifier,
                    )
                    for j, q in enumerate(ev.quantities)
                ],
            )

    def ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def records(self) -> Iterator[DocumentRecord]:
        for doc_id in self.ids():
            record = self.get(doc_id)
            if record is not None:
                yield record

    def get(self, document_id: str) -> DocumentRecord | None:
        conn = self.conn
        row = conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            return None
        doc = Document(
            id=row["id"], text=row["text"], title=row["title"], source=row["source"],
            url=row["url"], origin=row["origin"] or "",
            published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
        )

        def rows(table: str) -> list[sqlite3.Row]:
            return conn.execute(
                f"SELECT * FROM {table} WHERE document_id = ? ORDER BY position", (document_id,)
            ).fetchall()

        spans: dict[tuple[str, str], list[Span]] = {}
        for m in rows("mentions"):
            spans.setdefault((m["item_kind"], m["item_id"]), []).append(
                Span(start=m["span_start"], end=m["span_end"])
            )
        arguments: dict[tuple[str, str], list[str]] = {}
        for a in rows("event_arguments"):
            arguments.setdefault((a["event_id"], a["role"]), []).append(a["entity_id"])
        quantities: dict[str, list[Quantity]] = {}
        for q in rows("quantities"):
            quantities.setdefault(q["event_id"], []).append(
                Quantity(
                    value=q["value"], low=q["low"], high=q["high"], unit=q["unit"],
                    category=q["category"], span=Span(start=q["span_start"], end=q["span_end"]),
                    qualifier=q["qualifier"],
                )
            )
        return DocumentRecord(
            document=doc,
            extractors=tuple(row["extractors"].split()),
            lead_event=row["lead_event"], lead_via=row["lead_via"],
            notes=tuple(Note.from_json(n) for n in json.loads(row["notes"])),
            entities=tuple(
                Entity(
                    id=e["id"], document_id=document_id, extractor=e["extractor"],
                    name=e["name"], type=e["type"], actor_type=e["actor_type"],
                    mentions=tuple(spans.get(("entity", e["id"]), ())),
                    role=e["role"], country=e["country"],
                )
                for e in rows("entities")
            ),
            places=tuple(
                Place(
                    id=p["id"], document_id=document_id, extractor=p["extractor"],
                    name=p["name"], lat=p["lat"], lon=p["lon"], country_code=p["country_code"],
                    admin1=p["admin1"], geonameid=p["geonameid"], precision=p["precision"],
                    mentions=tuple(spans.get(("place", p["id"]), ())),
                    geo_precision=p["geo_precision"], raw_name=p["raw_name"],
                    resolved_via=p["resolved_via"],
                )
                for p in rows("places")
            ),
            times=tuple(
                TimeExpr(
                    id=t["id"], document_id=document_id, extractor=t["extractor"],
                    text=t["text"], span=Span(start=t["span_start"], end=t["span_end"]),
                    value=t["value"], start=t["start"], end=t["end"], precision=t["precision"],
                    anchor=t["anchor"], partial=bool(t["partial"]),
                )
                for t in rows("times")
            ),
            quotes=tuple(
                Quote(
                    id=q["id"], document_id=document_id, extractor=q["extractor"],
                    speaker=q["speaker"], speaker_text=q["speaker_text"],
                    speaker_span=(
                        Span(start=q["speaker_start"], end=q["speaker_end"])
                        if q["speaker_start"] is not None
                        else None
                    ),
                    cue=q["cue"], kind=q["kind"],
                    span=Span(start=q["span_start"], end=q["span_end"]),
                    polarity=q["polarity"], strength=q["strength"],
                )
                for q in rows("quotes")
            ),
            events=tuple(
                Event(
                    id=ev["id"], document_id=document_id, extractor=ev["extractor"],
                    type=ev["type"], mode=ev["mode"], acled_event_type=ev["acled_event_type"],
                    acled_sub_event_type=ev["acled_sub_event_type"],
                    actors=tuple(arguments.get((ev["id"], "actor"), ())),
                    targets=tuple(arguments.get((ev["id"], "target"), ())),
                    place=ev["place"], time=ev["time"], factuality=ev["factuality"],
                    attributed_to=ev["attributed_to"],
                    quantities=tuple(quantities.get(ev["id"], ())),
                    span=Span(start=ev["span_start"], end=ev["span_end"]),
                    sentence=(
                        Span(start=ev["sentence_start"], end=ev["sentence_end"])
                        if ev["sentence_start"] is not None
                        else None
                    ),
                    time_inherited=bool(ev["time_inherited"]),
                    place_from=ev["place_from"], incident=ev["incident"], via=ev["via"],
                )
                for ev in rows("events")
            ),
        )

    # -- incidents -----------------------------------------------------------------------
    def relink(self) -> int:
        """Re-link every stored document into incidents from scratch; how many there are."""
        conn = self.conn
        self._index = None
        _begin_write(conn)
        try:
            count = incidents.rebuild(conn, self.get)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return count

    def incident(self, incident_id: str) -> Incident | None:
        return incidents.read(self.conn, incident_id)

    def incidents(self) -> Iterator[Incident]:
        """Every incident, by start day."""
        return incidents.every(self.conn)

    def find_incidents(self, f: queries.IncidentFilter, *, limit: int = 50, offset: int = 0
                       ) -> tuple[int, list[Incident]]:
        """``(total, one page)`` of the incidents matching ``f``, latest first."""
        total, ids = queries.find_incidents(self.conn, f, limit=limit, offset=offset)
        return total, [i for x in ids if (i := self.incident(x)) is not None]

    # -- search and stats ------------------------------------------------------------------
    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        _, found = queries.search_documents(self.conn, query, limit=limit)
        return [
            SearchHit(id=r["id"], title=r["title"], published=r["published"], snippet=r["snippet"])
            for r in found
        ]

    def counts(self) -> dict[str, int]:
        tables = (
            "documents", "entities", "mentions", "places", "times", "quotes", "events",
            "quantities", "failures", "runs", "incidents",
        )
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def stale(self, signature: str) -> int:
        """How many stored documents another build extracted (re-ingest re-extracts them)."""
        row = self.conn.execute("SELECT count(*) FROM documents WHERE signature != ?",
                                (signature,)).fetchone()
        return int(row[0])

    def close(self) -> None:
        self.conn.close()
