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
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirescope import __version__, derive
from wirescope.errors import StoreError, locked
from wirescope.export.incidents import incident_from_json
from wirescope.records import (
    DocumentRecord,
    Entity,
    Event,
    Failure,
    Incident,
    Place,
    Quantity,
    Quote,
    Span,
    TimeExpr,
)
from wirescope.resolve import series
from wirescope.resolve.series import claim_day
from wirescope.store import queries
from wirescope.store.base import Connection, RunSummary, SearchHit, StoreResult, Watched
from wirescope.vocabulary import Places

# The items a document record holds: the kind its mentions are filed under, its table (the
# record's field of the same name) and its record type.
if TYPE_CHECKING:  # linking is imported when a store links (a reader does not need it)
    from wirescope.store import incidents

_ITEM_TYPES: tuple[tuple[str, str, type], ...] = (
    ("entity", "entities", Entity), ("place", "places", Place), ("time", "times", TimeExpr),
    ("quote", "quotes", Quote), ("event", "events", Event),
)


# The foreign keys an item's row holds beside its own columns (migration 0014), a quote's
# day (0016) and an event's document's publication day (0021: the events listing's order).
_REFERENCES = {"quotes": ("speaker_key", "day", "day_via"),
               "events": ("place_key", "time_key", "claim_key", "published")}


def _insert(table: str, names: tuple[str, ...]) -> str:
    """``INSERT`` of the named columns into a table."""
    columns = ", ".join('"' + name + '"' for name in names)  # ("end" is a keyword)
    return f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(names))})"


MIGRATION_FILE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")  # NNNN_what_it_does.sql


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@lru_cache(maxsize=1)  # read once per process: a server opens a store per request
def migrations() -> list[tuple[int, str]]:
    """``(version, sql)`` for every migration shipped with the package, in order."""
    folder = resources.files("wirescope.store").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        match = MIGRATION_FILE.match(entry.name)
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


def _begin_write(conn: Connection) -> None:
    """Open a write transaction at once (``BEGIN IMMEDIATE``): a deferred one that reads
    first and writes later cannot wait for another writer — SQLite refuses the upgrade with
    "database is locked" instead of a deadlock — while an immediate one waits its turn."""
    _when_free(lambda: conn.execute("BEGIN IMMEDIATE"))


# The listings' counts (migration 20): what one document adds to each actor and place.
_ACTOR_COUNTS = (
    "SELECT en.id, en.name, en.type, en.actor_type, en.country, 1,"
    " (SELECT count(*) FROM mentions m WHERE m.document_id = en.document_id"
    " AND m.item_kind = 'entity' AND m.item_id = en.id) FROM entities en"
    " WHERE en.document_id = ?")
_PLACE_COUNTS = (
    "SELECT p.id, p.name, p.lat, p.lon, p.country_code, p.admin1, p.precision,"
    " p.geo_precision, p.geonameid, 1, (SELECT count(*) FROM events e"
    " WHERE e.document_id = p.document_id AND e.place = p.id)"
    " FROM places p WHERE p.document_id = ?")
# ... and each way it writes a place (migration 26) and names a speaker (migration 27)
_PLACE_NAMES = ("SELECT p.id, p.raw_name FROM places p WHERE p.document_id = ?"
                " AND p.raw_name IS NOT NULL")
_SPEAKER_NAMES = ("SELECT DISTINCT q.speaker_text FROM quotes q WHERE q.document_id = ?"
                  " AND q.speaker_text IS NOT NULL")


def _list(conn: Connection, document_id: str) -> None:
    """Count a stored document's actors and places into the listings (``actor_stats``,
    ``place_stats``; an actor or place seen first keeps the names this document gives),
    and the ways it writes places and names speakers (``place_names``,
    ``speaker_names``)."""
    conn.execute(
        "INSERT INTO actor_stats (id, name, type, actor_type, country, documents, mentions) "
        + _ACTOR_COUNTS + " ON CONFLICT(id) DO UPDATE SET"
        " documents = actor_stats.documents + 1,"
        " mentions = actor_stats.mentions + excluded.mentions", (document_id,))
    conn.execute(
        "INSERT INTO place_stats (id, name, lat, lon, country_code, admin1, precision,"
        " geo_precision, geonameid, documents, events) " + _PLACE_COUNTS
        + " ON CONFLICT(id) DO UPDATE SET documents = place_stats.documents + 1,"
        " events = place_stats.events + excluded.events", (document_id,))
    conn.execute(
        "INSERT INTO place_names (id, name, documents) SELECT n.id, n.raw_name, 1 FROM ("
        + _PLACE_NAMES + ") AS n WHERE true ON CONFLICT(id, name) DO UPDATE"
        " SET documents = place_names.documents + 1", (document_id,))
    conn.execute(
        "INSERT INTO speaker_names (name, documents) SELECT n.speaker_text, 1 FROM ("
        + _SPEAKER_NAMES + ") AS n WHERE true ON CONFLICT(name) DO UPDATE"
        " SET documents = speaker_names.documents + 1", (document_id,))


def _unlist(conn: Connection, document_id: str) -> None:
    """Take a document about to be replaced out of the listings' counts (an actor or place
    no document names any more leaves them)."""
    for table, counts, column in (("actor_stats", _ACTOR_COUNTS, "mentions"),
                                  ("place_stats", _PLACE_COUNTS, "events")):
        for row in conn.execute(counts, (document_id,)).fetchall():
            conn.execute(f"UPDATE {table} SET documents = documents - 1, {column} = {column} - ?"
                         " WHERE id = ?", (row[-1], row[0]))
        conn.execute(f"DELETE FROM {table} WHERE documents <= 0")
    for table, written, key in (("place_names", _PLACE_NAMES, "id = ? AND name = ?"),
                                ("speaker_names", _SPEAKER_NAMES, "name = ?")):
        for row in conn.execute(written, (document_id,)).fetchall():
            conn.execute(f"UPDATE {table} SET documents = documents - 1 WHERE {key}",
                         tuple(row))
        conn.execute(f"DELETE FROM {table} WHERE documents <= 0")


class SQLiteStore:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._index: incidents.StoreIndex | None = None  # linking's, built on first use

    def _linking(self) -> incidents.StoreIndex:
        from wirescope.store import incidents

        if self._index is None:
            self._index = incidents.StoreIndex(self.conn)
        return self._index

    @classmethod
    def open(cls, path: str | Path, *, check_same_thread: bool = True,
             create: bool = True) -> SQLiteStore:
        """Open (creating and migrating as needed) the store at ``path``; ``:memory:`` works.
        ``create=False``: a missing file is an error naming it (a mistyped path to read from
        is not a new, empty store). ``check_same_thread=False`` lets a connection that one
        request owns move between the threads of a server's pool (never use it from two
        threads at once)."""
        if not create and str(path) != ":memory:" and not Path(path).is_file():
            raise StoreError(f"no store at {path}",
                             hint="check --db (or $WIRESCOPE_DB), or ingest articles into it "
                                  "first with `wirescope --db FILE ingest PATHS`")
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
        shipped = self.migrations()
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
                    self._apply(version, sql)
                    current = version
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    @staticmethod
    def migrations() -> list[tuple[int, str]]:
        """``(version, sql)`` of this backend's migrations, in order."""
        return migrations()

    def _apply(self, version: int, sql: str) -> None:
        """Run one migration's statements and record its version (in the open transaction)."""
        for statement in _statements(sql):
            self.conn.execute(statement)
        self.conn.execute(f"PRAGMA user_version = {version}")

    # -- runs and failures -------------------------------------------------------------
    def start_run(self, command: str, signature: str | None) -> int:
        row = self.conn.execute(
            "INSERT INTO runs (started_at, command, wirescope_version, signature) "
            "VALUES (?, ?, ?, ?) RETURNING id",
            (_now(), command, __version__, signature),
        ).fetchone()
        return int(row[0])

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

    # -- what `wirescope watch` has read ---------------------------------------------
    def watched(self, source: str) -> dict[str, Watched]:
        return {r["item"]: Watched(item=r["item"], tag=r["tag"], done=bool(r["done"]),
                                   attempts=r["attempts"])
                for r in self.conn.execute("SELECT * FROM watched WHERE source = ?", (source,))}

    def mark_watched(self, source: str, marks: Sequence[Watched]) -> None:
        self.conn.executemany(
            "INSERT INTO watched (source, item, tag, done, attempts, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, item) DO UPDATE SET "
            "tag = excluded.tag, done = excluded.done, attempts = excluded.attempts, "
            "updated_at = excluded.updated_at",
            [(source, m.item, m.tag, int(m.done), m.attempts, _now()) for m in marks])

    # -- documents -----------------------------------------------------------------------
    def version(self, document_id: str) -> tuple[str, str] | None:
        """What the stored document is: its content fingerprint and the signature of what
        extracted it (``None`` when it is not stored). A record read once stays right for as
        long as these do."""
        row = self.conn.execute(
            "SELECT content_hash, signature FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        return None if row is None else (row[0], row[1])

    def generation(self) -> int:
        """How many times documents have been stored or replaced: what was worked out over
        the whole store stays right while this stays the same."""
        return int(self.conn.execute("SELECT generation FROM generation").fetchone()[0])

    def is_current(self, document_id: str, fingerprint: str, signature: str) -> bool:
        return self.version(document_id) == (fingerprint, signature)

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
        from wirescope.store import incidents

        found = incidents.told(record) if link else None  # (embedding takes a while: not
        # under the write lock)
        _begin_write(conn)
        try:
            touched = incidents.unlink(conn, doc.id)
            if touched and self._index is not None:  # a document linked before: replaced
                self._index.forget(doc.id)
            _unlist(conn, doc.id)
            existed = conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,)).rowcount > 0
            conn.execute(
                _insert("documents", (*derive.column_names(DocumentRecord), "content_hash",
                                      "signature", "run_id", "stored_at", "figures")),
                (*derive.row(record), digest, signature, run_id, _now(),
                 series.encode(series.figures(record))),
            )
            self._insert_items(record)
            _list(conn, doc.id)
            conn.execute("UPDATE generation SET generation = generation + 1")
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
        published = record.document.published.isoformat() if record.document.published \
            else None
        held = {table: {item.id for item in getattr(record, table)}
                for _, table, _ in _ITEM_TYPES}

        def key(table: str, item_id: str | None) -> str | None:
            """The store-wide key of an item the document holds (else NULL)."""
            return f"{doc_id}/{item_id}" if item_id is not None and item_id in held[
                table] else None

        references: dict[str, Callable[[Any], tuple[str | None, ...]]] = {
            "quotes": lambda q: (key("entities", q.speaker), *claim_day(record, q)),
            "events": lambda e: (key("places", e.place), key("times", e.time),
                                 key("quotes", e.attributed_to), published),
        }
        mentions: list[tuple[object, ...]] = []
        for kind, table, cls in _ITEM_TYPES:
            found: tuple[Entity | Place | TimeExpr | Quote | Event, ...] = getattr(
                record, table)
            refer = references.get(table, lambda _: ())
            conn.executemany(
                _insert(table, (*derive.column_names(cls), "position", "key",
                                *_REFERENCES.get(table, ()))),
                [(*derive.row(item), i, f"{doc_id}/{item.id}", *refer(item))
                 for i, item in enumerate(found)])
            for item in found:
                spans = getattr(item, "mentions", ())
                mentions.extend((doc_id, kind, item.id, i, s.start, s.end, s.surface(text))
                                for i, s in enumerate(spans))
        conn.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)", mentions)
        conn.executemany(
            _insert("event_arguments", ("document_id", "event_id", "role", "position",
                                        "entity_id", "event_key", "entity_key")),
            [(doc_id, ev.id, role, j, entity, f"{doc_id}/{ev.id}", key("entities", entity))
             for ev in record.events
             for role, entities in (("actor", ev.actors), ("target", ev.targets))
             for j, entity in enumerate(entities)],
        )
        conn.executemany(
            _insert("quantities", (*derive.column_names(Quantity), "document_id", "event_id",
                                   "position", "event_key")),
            [(*derive.row(q), doc_id, ev.id, j, f"{doc_id}/{ev.id}")
             for ev in record.events for j, q in enumerate(ev.quantities)],
        )

    def ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]

    def records(self, ids: Iterable[str] | None = None) -> Iterator[DocumentRecord]:
        """Every stored record (or those of ``ids``), in id order."""
        for doc_id in self.ids() if ids is None else ids:
            record = self.get(doc_id)
            if record is not None:
                yield record

    def figure_points(self) -> Iterator[tuple[list[series.Point], list[series.Flag]]]:
        """Each document's running figures (:func:`wirescope.resolve.series.figures`) as
        kept when it was stored; a document stored before they were kept is read and worked
        out now."""
        for row in self.conn.execute(
                "SELECT figures FROM documents WHERE figures IS NOT NULL AND figures != ''"
                " ORDER BY id"):
            yield series.decode(row[0])
        # the records with a count someone claims (an event attributed to a quote that
        # counts something) or a tally: where running figures can be
        older = [r[0] for r in self.conn.execute(
            "SELECT DISTINCT e.document_id FROM events e JOIN quantities q"
            " ON q.event_key = e.key JOIN documents d ON d.id = e.document_id"
            " WHERE e.claim_key IS NOT NULL AND d.figures IS NULL"
            " UNION SELECT id FROM documents WHERE tallies != '[]' AND figures IS NULL"
            " ORDER BY 1")]
        for record in self.records(older):
            yield series.figures(record)

    def texts(self, document_ids: Iterable[str]) -> dict[str, str]:
        """The text of each document named (those stored)."""
        wanted = sorted(set(document_ids))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found.update((r[0], r[1]) for r in self.conn.execute(
                f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                chunk))
        return found

    def get(self, document_id: str) -> DocumentRecord | None:
        conn = self.conn
        row = conn.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            return None

        def rows(table: str) -> list[Any]:
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
            quantities.setdefault(q["event_id"], []).append(derive.from_row(Quantity, q))

        def children(kind: str, item: Any) -> dict[str, object]:
            found: dict[str, object] = {"mentions": tuple(spans.get((kind, item["id"]), ()))}
            if kind == "event":
                found |= {
                    "actors": tuple(arguments.get((item["id"], "actor"), ())),
                    "targets": tuple(arguments.get((item["id"], "target"), ())),
                    "quantities": tuple(quantities.get(item["id"], ())),
                }
            return found

        items = {
            table: tuple(derive.from_row(cls, item, **children(kind, item))
                         for item in rows(table))
            for kind, table, cls in _ITEM_TYPES
        }
        record: DocumentRecord = derive.from_row(DocumentRecord, row, **items)
        return record

    # -- incidents -----------------------------------------------------------------------
    def relink(self) -> int:
        """Re-link every stored document into incidents from scratch; how many there are."""
        from wirescope.store import incidents

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
        row = self.conn.execute("SELECT data FROM incidents WHERE id = ?",
                                (incident_id,)).fetchone()
        return incident_from_json(json.loads(row[0])) if row else None

    def incidents(self) -> Iterator[Incident]:
        """Every incident, by start day."""
        for (data,) in self.conn.execute("SELECT data FROM incidents ORDER BY start, id"):
            yield incident_from_json(json.loads(data))

    def find_incidents(self, f: queries.IncidentFilter, *, limit: int = 50, offset: int = 0,
                       cap: int | None = queries.COUNT_CAP) -> tuple[int, list[Incident]]:
        """``(total, one page)`` of the incidents matching ``f``, latest first; the total
        counted up to ``cap`` (``None``: all, :class:`queries.Total`)."""
        total, ids = queries.find_incidents(self.conn, f, limit=limit, offset=offset, cap=cap)
        return total, [i for x in ids if (i := self.incident(x)) is not None]

    # -- listings (the explorer's and the API's reads, :mod:`wirescope.store.queries`) --------
    def list_documents(self, *, limit: int, offset: int) -> tuple[int, list[Any]]:
        """``(total, one page)`` of documents, newest first, with their item counts."""
        return queries.list_documents(self.conn, limit=limit, offset=offset)

    def search_documents(self, query: str, *, limit: int, offset: int = 0
                         ) -> tuple[int, list[Any]]:
        """``(total, one page)`` of documents matching a full-text query, best first."""
        return queries.search_documents(self.conn, query, limit=limit, offset=offset)

    def find_events(self, f: queries.EventFilter, *, limit: int, offset: int) -> queries.Page:
        """Keys of one page of the events matching ``f``."""
        return queries.find_events(self.conn, f, limit=limit, offset=offset)

    def actors(self, *, q: str | None, type: str | None, limit: int, offset: int,
               ids: Sequence[str] = ()) -> tuple[int, list[Any]]:
        """``(total, one page)`` of entities across documents, most documents first."""
        return queries.actors(self.conn, q=q, type=type, limit=limit, offset=offset, ids=ids)

    def places(self, *, q: str | None, country: str | None, limit: int, offset: int,
               named: Places | None = None) -> tuple[int, list[Any]]:
        """``(total, one page)`` of places across documents, most documents first."""
        return queries.places(self.conn, q=q, country=country, limit=limit, offset=offset,
                              named=named)

    def find_claims(self, **options: Any) -> queries.Page:
        """Keys of one page of claims (the options of :func:`queries.find_claims`)."""
        return queries.find_claims(self.conn, **options)

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

    def idle(self) -> bool:
        """Is the connection usable by the next caller: open, no transaction left open?"""
        return not getattr(self.conn, "in_transaction", False)

    def released(self) -> None:
        """Drop what this connection cached for incident linking (the next report number,
        document frequencies): another connection may write before this one's next use."""
        self._index = None

    def close(self) -> None:
        self.conn.close()
