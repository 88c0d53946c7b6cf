"""Read-side queries over the SQLite store: filtered, paginated listings for the explorer.

Filters select item keys with SQL; the items themselves are read back as records
(``SQLiteStore.get``), so the API shows exactly what the store holds.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from wirescope import vocabulary
from wirescope.store.base import Connection
from wirescope.vocabulary import Places

COUNT_CAP = 10_000  # a listing counts its matches up to this many, then says "or more"


class Total(int):
    """How many items a listing matches, counted up to a cap: past it the number is the cap
    and :attr:`exact` is False ("10,000 or more"). A filter that matches most of a large
    store must not count every match again for each page it shows: at 20,000 articles an
    exact count of one event type's matches took over a second; the page itself, read in
    index order, a few milliseconds."""

    exact: bool

    def __new__(cls, value: int, exact: bool = True) -> Total:
        total = super().__new__(cls, value)
        total.exact = exact
        return total


def count(conn: Connection, source: str, params: Sequence[Any],
          cap: int | None = COUNT_CAP) -> Total:
    """The rows of ``SELECT … {source}`` (a ``FROM … WHERE …``), counted up to ``cap``
    (``None``: all of them)."""
    if cap is None:
        return Total(conn.execute("SELECT count(*)" + source, list(params)).fetchone()[0])
    found = conn.execute(f"SELECT count(*) FROM (SELECT 1 AS one{source} LIMIT ?) AS capped",
                         [*params, cap + 1]).fetchone()[0]
    return Total(cap, exact=False) if found > cap else Total(found)


def _on_sqlite(conn: Connection) -> bool:
    """Is ``conn`` SQLite's (PostgreSQL's connection says ``dialect = "postgresql"``)?"""
    return getattr(conn, "dialect", "sqlite") == "sqlite"


def paged(conn: Connection, select: str, source: str, params: Sequence[Any], order: str,
          limit: int, offset: int, cap: int | None = COUNT_CAP) -> tuple[Total, list[Any]]:
    """``(total counted up to cap, rows of one page)`` of ``{select}{source} ORDER BY
    {order}``. When SQLite must sort every match to find the page (no index gives the
    order: a selective filter), the sorted matches are read once, up to the cap, and
    counted as they are — one pass instead of a count and then the sort; when an index gives
    the order, the page is read from it and the matches counted apart (up to the cap)."""
    ordered = f"{select}{source} ORDER BY {order}"
    if cap is not None and _on_sqlite(conn) and any(
            "TEMP B-TREE FOR ORDER BY" in r[-1] for r in conn.execute(
                f"EXPLAIN QUERY PLAN {ordered} LIMIT ?", [*params, cap + 1]).fetchall()):
        rows = conn.execute(f"{ordered} LIMIT ?", [*params, cap + 1]).fetchall()
        total = Total(len(rows)) if len(rows) <= cap else Total(cap, exact=False)
        if total.exact or offset + limit <= cap:
            return total, rows[offset : offset + limit]
    else:
        total = count(conn, source, params, cap)
    return total, conn.execute(f"{ordered} LIMIT ? OFFSET ?", [*params, limit, offset]
                               ).fetchall()


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """One page of keys out of ``total`` matches (counted up to :data:`COUNT_CAP`)."""

    total: Total
    keys: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Every field narrows the selection; ``None`` leaves it open.

    ``actor`` and ``speaker`` match an entity id exactly or a name case-insensitively by
    substring; ``place`` matches a place id, name or first-order division (governorate);
    ``bbox`` is (west, south, east, north) in degrees; ``date_from``/``date_to`` are ISO days
    compared with the event's time (its start for intervals). Events whose time has no year
    are left out of a date range — their date is not known.
    """

    document: str | None = None
    type: str | None = None
    acled_sub_event_type: str | None = None
    actor: str | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    date_from: str | None = None
    date_to: str | None = None
    factuality: str | None = None
    speaker: str | None = None
    # What the names mean (:func:`resolved` fills them from the knowledge base, the
    # gazetteer and ACLED's vocabulary): matched besides the names themselves.
    terms: Terms | None = None


@dataclass(frozen=True, slots=True)
class Terms:
    """A filter's names as the knowledge behind them reads them (:mod:`wirescope.vocabulary`):
    the actor ids an actor or a speaker name is an alias of, the places a place name names,
    the ACLED sub-event types a sub-type names."""

    actor_ids: tuple[str, ...] = ()
    speaker_ids: tuple[str, ...] = ()
    places: Places = field(default_factory=Places)
    sub_types: tuple[str, ...] = ()


FilterT = TypeVar("FilterT", "EventFilter", "IncidentFilter")


def resolved(f: FilterT, actor_files: tuple[Path, ...] = ()) -> FilterT:
    """The filter with its closed-vocabulary values made canonical (a value outside its
    vocabulary is a :class:`~wirescope.errors.UsageError` listing the allowed ones) and its
    names read through the knowledge base, the gazetteer and ACLED's sub-event types."""
    changes: dict[str, Any] = {}
    if f.type:
        changes["type"] = vocabulary.plover_type(f.type)
    if isinstance(f, EventFilter) and f.factuality:
        changes["factuality"] = vocabulary.factuality(f.factuality)
    if isinstance(f, IncidentFilter) and f.grade:
        changes["grade"] = vocabulary.grade(f.grade)
    sub_type = f.acled_sub_event_type if isinstance(f, EventFilter) else f.sub_type
    speaker = f.speaker if isinstance(f, EventFilter) else None
    terms = Terms(
        actor_ids=vocabulary.actor_ids(f.actor, actor_files) if f.actor else (),
        speaker_ids=vocabulary.actor_ids(speaker, actor_files) if speaker else (),
        places=vocabulary.places(f.place) if f.place else Places(),
        sub_types=vocabulary.sub_types(sub_type) if sub_type else ())
    return dataclasses.replace(f, terms=terms, **changes)


def _in(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """`` OR column IN (?, …)`` and its parameters (nothing for no values)."""
    if not values:
        return "", []
    return f" OR {column} IN ({', '.join('?' * len(values))})", list(values)


def _place_is(alias: str, place: str, named: Places) -> tuple[str, list[Any]]:
    """A place row ``alias`` by id, name or admin-1 region, or among the gazetteer places and
    regions the name names: the SQL (no parentheses) and its parameters."""
    more, params = _named_place(named, alias)
    return (f"{alias}.id = ? OR {alias}.name LIKE ? ESCAPE '\\' COLLATE NOCASE"
            f" OR {alias}.admin1 = ? COLLATE NOCASE" + more, [place, _like(place), place, *params])


def _place_match(place: str, named: Places) -> tuple[str, list[Any]]:
    """A place ``p`` as :func:`_place_is` reads it, or by its written name: the SQL and its
    parameters."""
    match, params = _place_is("p", place, named)
    return (f"({match} OR p.raw_name LIKE ? ESCAPE '\\' COLLATE NOCASE)",
            [*params, _like(place)])


def _places_named(place: str, named: Places) -> tuple[str, list[Any]]:
    """The ids of the store's places a filter's name names — as :func:`_place_match`, read
    from the place listing (``place_stats``: one row a place) and the ways texts write each
    (``place_names``) rather than from every document's places: the SQL and its
    parameters."""
    match, params = _place_is("s", place, named)
    return (f"SELECT s.id FROM place_stats s WHERE {match} UNION SELECT n.id FROM place_names n"
            " WHERE n.name LIKE ? ESCAPE '\\' COLLATE NOCASE", [*params, _like(place)])


def _named_place(named: Places, alias: str = "p") -> tuple[str, list[Any]]:
    """`` OR`` a place ``p`` among the gazetteer places or regions a name names
    (:func:`vocabulary.places`), and the parameters."""
    ids, id_params = _in(f"{alias}.geonameid", named.geonameids)
    regions, region_params = _in(f"{alias}.admin1", named.regions)
    return ids + regions, [*id_params, *region_params]


def _entity_match(value: str, ids: Sequence[str]) -> tuple[str, list[Any]]:
    extra, params = _in("en.id", ids)
    return ("(en.id = ? OR en.name LIKE ? ESCAPE '\\' COLLATE NOCASE" + extra + ")",
            [value, _like(value), *params])


def _sub_type(w: _Where, column: str, value: str, terms: Terms | None) -> None:
    if terms is not None and terms.sub_types:
        w.add(f"{column} IN ({', '.join('?' * len(terms.sub_types))})", *terms.sub_types)
    else:
        w.add(f"{column} = ? COLLATE NOCASE", value)


@dataclass(slots=True)
class _Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _within(w: _Where, alias: str, bbox: tuple[float, float, float, float]) -> None:
    """``alias.lat``/``alias.lon`` inside (west, south, east, north)."""
    west, south, east, north = bbox
    w.add(f"{alias}.lat BETWEEN ? AND ?", south, north)
    if west <= east:
        w.add(f"{alias}.lon BETWEEN ? AND ?", west, east)
    else:  # the box crosses the antimeridian
        w.add(f"({alias}.lon >= ? OR {alias}.lon <= ?)", west, east)


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


NAMED_INLINE = 4000  # a speaker name naming at most this many actors lists them in the query


def _speaking(conn: Connection, value: str, ids: Sequence[str]) -> tuple[str, list[Any]]:
    """A condition on the claims ``q`` of the entities who speak as ``value`` says: the entity
    by id or by a part of its name, or a knowledge-base actor the name is an alias of
    (``ids``), and the people who speak for one of them (their claims are its claims). The
    actors a name names are read once from the actor listing (``actor_stats``: one row an
    actor), then their claims by speaker id (``quotes_speaker``) and their spokespeople's
    through ``entities_speaks_for`` — not by testing the speaker of every claim in the store:
    the SQL and its parameters."""
    named_sql = ("SELECT s.id FROM actor_stats s WHERE s.id = ?"
                 " OR s.name LIKE ? ESCAPE '\\' COLLATE NOCASE")
    named = [r[0] for r in conn.execute(named_sql + " LIMIT ?",
                                        (value, _like(value), NAMED_INLINE + 1)).fetchall()]
    every = list(dict.fromkeys([value, *ids, *named]))
    marks = ", ".join("?" * len(every))
    sql = (f"(q.speaker IN ({marks}) OR q.speaker_key IN (SELECT en.key FROM entities en"
           f" WHERE en.speaks_for IN ({marks})")
    if len(named) <= NAMED_INLINE:
        return sql + "))", [*every, *every]
    # a name most actors hold ("a"): the listing is asked within the query instead
    return (sql + f" OR en.speaks_for IN ({named_sql})) OR q.speaker IN ({named_sql}))",
            [*every, *every, value, _like(value), value, _like(value)])


# The event's date: the start of an interval, else its value; an event that inherited the
# publication anchor (no time of its own, no dateline) is dated by the publication day.
_EVENT_DAY = (
    "substr(coalesce(t.start, t.value,"
    " CASE WHEN e.time_inherited = 1 AND e.time IS NULL THEN d.published END), 1, 10)"
)



def _events_from(f: EventFilter) -> str:
    """The events and what the filter reads beside them — only that: each join is on a
    unique key (the event's place, time, claim; its own document), so leaving one out
    changes no match, while every join costs a lookup per event the listing passes."""
    joins = " FROM events e"
    if f.date_from or f.date_to:
        joins += (" LEFT JOIN times t ON t.document_id = e.document_id AND t.id = e.time"
                  " JOIN documents d ON d.id = e.document_id")
    return joins


def _event_where(conn: Connection, f: EventFilter) -> _Where:
    w = _Where()
    if f.document:
        w.add("e.document_id = ?", f.document)
    terms = f.terms or Terms()
    if f.type:
        w.add("e.type = ?", f.type.upper())
    if f.acled_sub_event_type:
        _sub_type(w, "e.acled_sub_event_type", f.acled_sub_event_type, f.terms)
    if f.factuality:
        w.add("e.factuality = ? COLLATE NOCASE", f.factuality)
    if f.actor:
        match, params = _entity_match(f.actor, terms.actor_ids)
        w.add(
            "EXISTS (SELECT 1 FROM event_arguments a JOIN entities en"
            " ON en.document_id = a.document_id AND en.id = a.entity_id"
            " WHERE a.document_id = e.document_id AND a.event_id = e.id AND " + match + ")",
            *params,
        )
    if f.speaker:
        speaking, params = _speaking(conn, f.speaker, terms.speaker_ids)
        w.add(f"e.claim_key IN (SELECT q.key FROM quotes q WHERE {speaking})", *params)
    if f.place:
        named, params = _places_named(f.place, terms.places)
        w.add(f"e.place IN ({named})", *params)
    if f.bbox:
        inside = _Where()
        _within(inside, "s", f.bbox)
        w.add("e.place IN (SELECT s.id FROM place_stats s" + inside.sql() + ")", *inside.params)
    _day_range(w, _EVENT_DAY, f.date_from, f.date_to)
    return w


def _day_range(w: _Where, day: str, date_from: str | None, date_to: str | None) -> None:
    """Days (the SQL expression ``day``) from ``date_from`` to ``date_to``, each a prefix
    of an ISO day (2016, 2016-05, 2016-05-27); a value that is no date is out."""
    if date_from or date_to:
        w.add(f"{day} GLOB '[0-9][0-9][0-9][0-9]*'")
        if date_from:
            w.add(f"{day} >= ?", date_from)
        if date_to:
            # A month or year value ("2016-05") sorts before its days; compare by prefix.
            w.add(f"substr({day}, 1, length(CAST(? AS TEXT))) <= ?", date_to, date_to)


def find_events(
    conn: Connection, f: EventFilter, *, limit: int, offset: int
) -> Page:
    """Keys (document id, event id) of the matching events, newest documents first (read in
    that order from the ``events_listing`` index, or a filter's own; joined only to what the
    filter reads)."""
    w = _event_where(conn, f)
    source = _events_from(f) + w.sql()
    total, rows = paged(conn, "SELECT e.document_id, e.id", source, w.params,
                        "e.published DESC NULLS LAST, e.document_id, e.position", limit, offset)
    return Page(total=total, keys=tuple((r[0], r[1]) for r in rows))


COUNTED = ("entities", "places", "times", "quotes", "events")


def _counted() -> str:
    """Columns ``n_entities`` … ``n_events``: how many items of each kind a document ``d`` has."""
    return ", ".join(
        f"(SELECT count(*) FROM {t} x WHERE x.document_id = d.id) AS n_{t}" for t in COUNTED
    )


def list_documents(
    conn: Connection, *, limit: int, offset: int
) -> tuple[int, list[Any]]:
    """Documents newest first: their header fields and how many items of each kind."""
    total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    rows = conn.execute(
        f"SELECT d.id, d.title, d.source, d.url, d.published, {_counted()} FROM documents d"
        " ORDER BY d.published DESC, d.id LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    return total, rows


def _grouped(
    conn: Connection, key: str, columns: str, base: str, order: str,
    params: list[Any], limit: int, offset: int,
) -> tuple[int, list[Any]]:
    """``(total groups, one page of rows)`` of a ``... GROUP BY key`` listing."""
    total = conn.execute(f"SELECT count(*) FROM (SELECT {key}{base}) AS grouped",
                         params).fetchone()[0]
    rows = conn.execute(
        f"SELECT {columns}{base} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    return total, rows


def _ranked(conn: Connection, table: str, w: _Where, columns: str, order: str, limit: int,
            offset: int) -> tuple[int, list[Any]]:
    """``(total, one page)`` of a pre-aggregated listing."""
    total = conn.execute(f"SELECT count(*) FROM {table}" + w.sql(), w.params).fetchone()[0]
    rows = conn.execute(f"SELECT {columns} FROM {table}" + w.sql() + f" ORDER BY {order}"
                        " LIMIT ? OFFSET ?", [*w.params, limit, offset]).fetchall()
    return total, rows


def actors(
    conn: Connection, *, q: str | None, type: str | None, limit: int, offset: int,
    ids: Sequence[str] = (),
) -> tuple[int, list[Any]]:
    """Entities across documents, one row per id, most documents first (``ids``: the
    knowledge-base actors ``q`` is an alias of). Without ``q``, read from the listing the
    store keeps (``actor_stats``)."""
    if not q:
        w = _Where()
        if type:
            w.add("s.type = ?", type)
        return _ranked(conn, "actor_stats s", w, "s.id, s.name, s.type, s.actor_type, s.country,"
                       " s.documents, s.mentions", "s.documents DESC, s.mentions DESC, s.id",
                       limit, offset)
    w = _Where()
    if q:
        match, params = _entity_match(q, ids)
        w.add(match, *params)
    if type:
        w.add("en.type = ?", type)
    base = (
        " FROM entities en LEFT JOIN mentions m ON m.document_id = en.document_id"
        " AND m.item_kind = 'entity' AND m.item_id = en.id" + w.sql() + " GROUP BY en.id"
    )
    return _grouped(
        conn, "en.id",
        "en.id, min(en.name) AS name, min(en.type) AS type, min(en.actor_type) AS actor_type,"
        " min(en.country) AS country, count(DISTINCT en.document_id) AS documents,"
        " count(m.span_start) AS mentions",
        base, "documents DESC, mentions DESC, en.id", w.params, limit, offset,
    )


def places(
    conn: Connection, *, q: str | None, country: str | None, limit: int, offset: int,
    named: Places | None = None,
) -> tuple[int, list[Any]]:
    """Places across documents, one row per id, most documents first (``named``: the
    gazetteer places ``q`` names, :func:`vocabulary.places`). Without ``q``, read from the
    listing the store keeps (``place_stats``)."""
    if not q:
        w = _Where()
        if country:
            w.add("s.country_code = ? COLLATE NOCASE", country)
        return _ranked(conn, "place_stats s", w, "s.id, s.name, s.lat, s.lon, s.country_code,"
                       " s.admin1, s.precision, s.geo_precision, s.documents, s.events",
                       "s.documents DESC, s.events DESC, s.id", limit, offset)
    w = _Where()
    if q:
        match, params = _named_place(named or Places())
        w.add(
            "(p.id = ? OR p.name LIKE ? ESCAPE '\\' COLLATE NOCASE OR p.admin1 = ? COLLATE NOCASE"
            + match + ")", q, _like(q), q, *params,
        )
    if country:
        w.add("p.country_code = ? COLLATE NOCASE", country)
    base = " FROM places p" + w.sql() + " GROUP BY p.id"
    return _grouped(
        conn, "p.id",
        "p.id, min(p.name) AS name, min(p.lat) AS lat, min(p.lon) AS lon,"
        " min(p.country_code) AS country_code, min(p.admin1) AS admin1,"
        " min(p.precision) AS precision, min(p.geo_precision) AS geo_precision,"
        " count(DISTINCT p.document_id) AS documents,"
        " (SELECT count(*) FROM events e WHERE e.place = p.id) AS events",
        base, "documents DESC, events DESC, p.id", w.params, limit, offset,
    )


# The day a claim was made: its clause's, else its article's (kept with every claim since
# migration 16; migration 29 gave the claims stored before it their article's).
_CLAIM_DAY = "q.day"
# The claims listings' orders, each an index's (migration 29).
_CLAIMS_BY_DAY = "q.day IS NULL, q.day, q.document_id, q.position"
_CLAIMS_BY_SPEAKER = "coalesce(q.speaker, '~'), " + _CLAIMS_BY_DAY


def find_claims(
    conn: Connection, *, speaker: str | None, document: str | None, limit: int,
    offset: int, speaker_ids: Sequence[str] = (), date_from: str | None = None,
    date_to: str | None = None, order: str = "speaker", place: str | None = None,
    places: Places | None = None, topic: str | None = None,
) -> Page:
    """Keys (document id, quote id) of claims, grouped by speaker then by the day each was
    made (``order`` ``date``: by day alone, oldest first; undated last), ``speaker_ids``: the
    knowledge-base actors the speaker's name is an alias of (:func:`vocabulary.actor_ids`);
    ``date_from``/``date_to`` bound the day (a prefix: 2016, 2016-05, 2016-05-27);
    ``place``: a claim that reports an event there or names the place in its words (any name
    ``places`` holds, :func:`vocabulary.places`); ``topic``: a claim whose words hold it, or
    that reports an event of that PLOVER type or ACLED (sub-)type."""
    w = _Where()
    if document:
        w.add("q.document_id = ?", document)
    _day_range(w, _CLAIM_DAY, date_from, date_to)
    if place:
        match, params = _place_match(place, places or Places())
        w.add("(EXISTS (SELECT 1 FROM events e JOIN places p ON p.document_id = e.document_id"
              " AND p.id = e.place WHERE e.document_id = q.document_id"
              " AND e.attributed_to = q.id AND " + match + ")"
              " OR EXISTS (SELECT 1 FROM mentions m JOIN places p"
              " ON p.document_id = m.document_id AND p.id = m.item_id"
              " WHERE m.document_id = q.document_id AND m.item_kind = 'place'"
              " AND m.span_start >= q.span_start AND m.span_end <= q.span_end AND "
              + match + "))", *params, *params)
    if topic:
        w.add("(EXISTS (SELECT 1 FROM documents d WHERE d.id = q.document_id AND"
              " substr(d.text, q.span_start + 1, q.span_end - q.span_start) LIKE ?"
              " ESCAPE '\\' COLLATE NOCASE) OR EXISTS (SELECT 1 FROM events e"
              " WHERE e.document_id = q.document_id AND e.attributed_to = q.id AND"
              " (e.type = ? COLLATE NOCASE OR e.acled_event_type LIKE ? ESCAPE '\\'"
              " COLLATE NOCASE OR e.acled_sub_event_type LIKE ? ESCAPE '\\' COLLATE NOCASE)))",
              _like(topic), topic, _like(topic), _like(topic))
    if speaker:
        speaking, params = _speaking(conn, speaker, speaker_ids)
        w.add(f"({speaking} OR q.speaker_text IN (SELECT n.name FROM"
              " speaker_names n WHERE n.name LIKE ? ESCAPE '\\' COLLATE NOCASE))",
              *params, _like(speaker))
    base = " FROM quotes q" + w.sql()
    total = count(conn, base, w.params, COUNT_CAP)
    if not total.exact and _on_sqlite(conn):
        # more matches than are counted: the claims are read in order from the listing's
        # index, testing each, until the page is full — not all found, then sorted
        # (PostgreSQL's planner weighs the LIMIT itself)
        index = "quotes_by_day" if order == "date" else "quotes_by_speaker"
        base = f" FROM quotes q INDEXED BY {index}" + w.sql()
    rows = conn.execute(
        "SELECT q.document_id, q.id" + base + " ORDER BY "
        + (_CLAIMS_BY_DAY if order == "date" else _CLAIMS_BY_SPEAKER) + " LIMIT ? OFFSET ?",
        [*w.params, limit, offset],
    ).fetchall()
    return Page(total=total, keys=tuple((r[0], r[1]) for r in rows))


_SEARCH = (
    " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
    " WHERE documents_fts MATCH ?"
)


def _fts_literal(query: str) -> str:
    """The words of ``query`` as quoted FTS5 phrases (for input that is not FTS5 syntax)."""
    return " ".join('"' + w.replace('"', '""') + '"' for w in query.split())


def search_documents(
    conn: Connection, query: str, *, limit: int, offset: int = 0
) -> tuple[int, list[Any]]:
    """Full-text search: ``(total, rows)`` with id, title, published, a snippet whose
    matches are wrapped in ``[`` ``]`` and the item counts (``n_events`` …). Text that is
    not FTS5 syntax ("al-Nusra") is searched as literal words. (On PostgreSQL: the query as
    a web search engine reads it — words, "quoted phrases", OR, -word — over the documents'
    ``search`` vector, best ranked first.)"""
    if not _on_sqlite(conn):
        return _search_postgres(conn, query, limit=limit, offset=offset)
    rows_sql = (
        "SELECT d.id, d.title, d.published, "
        "snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet, " + _counted()
        + _SEARCH + " ORDER BY rank LIMIT ? OFFSET ?"
    )
    for match in (query, _fts_literal(query)):
        if not match.strip():
            return 0, []
        try:
            # counted in the index alone: its rows are the documents' (triggers keep them)
            total = count(conn, " FROM documents_fts WHERE documents_fts MATCH ?", (match,))
            return total, conn.execute(rows_sql, (match, limit, offset)).fetchall()
        except sqlite3.OperationalError:
            continue
    return 0, []


_PG_QUERY = "websearch_to_tsquery('simple', ?)"


def _search_postgres(conn: Connection, query: str, *, limit: int, offset: int
                     ) -> tuple[int, list[Any]]:
    if not query.strip():
        return 0, []
    total = count(conn, f" FROM documents d WHERE d.search @@ {_PG_QUERY}", (query,))
    rows = conn.execute(
        f"SELECT d.id, d.title, d.published, ts_headline('simple', d.text, {_PG_QUERY},"
        " 'StartSel=[, StopSel=], MaxWords=12, MinWords=4, MaxFragments=1,"
        " FragmentDelimiter=…') AS snippet, " + _counted()
        + f" FROM documents d WHERE d.search @@ {_PG_QUERY}"
        f" ORDER BY ts_rank(d.search, {_PG_QUERY}) DESC, d.id LIMIT ? OFFSET ?",
        (query, query, query, limit, offset)).fetchall()
    return total, rows


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentFilter:
    """Every field narrows the selection; ``None`` leaves it open.

    ``type``, ``sub_type``, ``place``, ``bbox`` and ``actor`` work as for events (``actor``
    matches an actor of any of the incident's reports, by entity id or name); ``date_from``
    /``date_to`` keep incidents whose ``start``..``end`` meets the range (an incident with
    neither is left out of a date range); ``grade`` is single/corroborated/contested;
    ``min_sources`` the least number of independent origins; ``document`` an incident one
    of whose reports is that document."""

    type: str | None = None
    sub_type: str | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    actor: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    grade: str | None = None
    min_sources: int | None = None
    document: str | None = None
    terms: Terms | None = None  # what the names mean (:func:`resolved`)


def find_incidents(conn: Connection, f: IncidentFilter, *, limit: int, offset: int,
                   cap: int | None = COUNT_CAP) -> tuple[Total, list[str]]:
    """``(total, ids of one page)`` of matching incidents, latest first; the total counted
    up to ``cap`` (``None``: all)."""
    w = _Where()
    terms = f.terms or Terms()
    if f.type:
        w.add("i.type = ?", f.type.upper())
    if f.sub_type:
        _sub_type(w, "i.acled_sub_event_type", f.sub_type, f.terms)
    if f.place:
        names, name_params = _in("i.place_name", terms.places.names)
        regions, region_params = _in("i.admin1", terms.places.regions)
        w.add("(i.place_name LIKE ? ESCAPE '\\' COLLATE NOCASE OR i.admin1 = ? COLLATE NOCASE"
              + names + regions + ")", _like(f.place), f.place, *name_params, *region_params)
    if f.bbox:
        _within(w, "i", f.bbox)
    if f.date_from:
        w.add("coalesce(i.\"end\", i.start) >= ?", f.date_from)
    if f.date_to:
        w.add("coalesce(i.start, i.\"end\") <= ?", f.date_to)
    if f.grade:
        w.add("i.grade = ?", f.grade)
    if f.min_sources:
        w.add("i.n_independent >= ?", f.min_sources)
    if f.document:
        w.add("EXISTS (SELECT 1 FROM incident_reports r WHERE r.incident_id = i.id"
              " AND r.document_id = ?)", f.document)
    if f.actor:
        match, params = _entity_match(f.actor, terms.actor_ids)
        w.add(
            "EXISTS (SELECT 1 FROM incident_reports r JOIN event_arguments a"
            " ON a.document_id = r.document_id AND a.role = 'actor'"
            " JOIN events e ON e.document_id = a.document_id AND e.id = a.event_id"
            " AND e.incident = i.id"
            " JOIN entities en ON en.document_id = a.document_id AND en.id = a.entity_id"
            " WHERE r.incident_id = i.id AND " + match + ")", *params)
    total, rows = paged(conn, "SELECT i.id", " FROM incidents i" + w.sql(), w.params,
                        "coalesce(i.start, i.\"end\") DESC NULLS LAST, i.id", limit, offset, cap)
    return total, [r[0] for r in rows]
