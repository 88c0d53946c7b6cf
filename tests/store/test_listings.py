"""The listings the store keeps (actors, places, the ways texts write each place) say what
grouping every stored entity and place says, on each backend, after documents are stored,
replaced and emptied."""

from __future__ import annotations

import dataclasses

from tests.factories import full_record
from wirescope.records import DocumentRecord
from wirescope.store import SQLiteStore


def _grouped(store: SQLiteStore, kind: str) -> list[tuple[object, ...]]:
    """The listing as grouping every stored item reads it, in the listing's order."""
    if kind == "speakers":
        sql = ("SELECT q.speaker_text, count(DISTINCT q.document_id) FROM quotes q"
               " WHERE q.speaker_text IS NOT NULL GROUP BY q.speaker_text ORDER BY 1")
    elif kind == "names":
        sql = ("SELECT p.id, p.raw_name, count(DISTINCT p.document_id) FROM places p"
               " WHERE p.raw_name IS NOT NULL GROUP BY p.id, p.raw_name ORDER BY p.id, p.raw_name")
    elif kind == "actors":
        sql = ("SELECT en.id, count(DISTINCT en.document_id) AS documents,"
               " (SELECT count(*) FROM mentions m WHERE m.item_kind = 'entity'"
               " AND m.item_id = en.id) AS mentions FROM entities en GROUP BY en.id"
               " ORDER BY documents DESC, mentions DESC, en.id")
    else:
        sql = ("SELECT p.id, count(DISTINCT p.document_id) AS documents,"
               " (SELECT count(*) FROM events e WHERE e.place = p.id) AS events"
               " FROM places p GROUP BY p.id ORDER BY documents DESC, events DESC, p.id")
    return [tuple(r) for r in store.conn.execute(sql).fetchall()]


def _listed(store: SQLiteStore, kind: str) -> list[tuple[object, ...]]:
    if kind == "speakers":
        return [tuple(r) for r in store.conn.execute(
            "SELECT name, documents FROM speaker_names ORDER BY name").fetchall()]
    if kind == "names":
        return [tuple(r) for r in store.conn.execute(
            "SELECT id, name, documents FROM place_names ORDER BY id, name").fetchall()]
    if kind == "actors":
        _, rows = store.actors(q=None, type=None, limit=100, offset=0)
        return [(r["id"], r["documents"], r["mentions"]) for r in rows]
    _, rows = store.places(q=None, country=None, limit=100, offset=0)
    return [(r["id"], r["documents"], r["events"]) for r in rows]


def test_listings_keep_what_grouping_says(any_store: SQLiteStore) -> None:
    base = full_record("a")
    aleppo = base.places[0]
    steps = [
        base, full_record("b"), full_record("c"),
        dataclasses.replace(base, events=base.events[:1]),  # "a" replaced: one event fewer
        # "a" and "c" write Aleppo as "Halab"; then "a" writes it as it was again
        dataclasses.replace(base, places=(dataclasses.replace(aleppo, raw_name="Halab"),)),
        dataclasses.replace(full_record("c"),
                            places=(dataclasses.replace(aleppo, raw_name="Halab",
                                                        document_id="c"),)),
        DocumentRecord(document=dataclasses.replace(full_record("b").document,
                                                    title="emptied")),  # "b": no items
        base,
    ]
    for step, record in enumerate(steps):  # each step's signature its own: each replaces
        assert any_store.put(record, signature=f"s{step}", run_id=None) != "unchanged"
        for kind in ("actors", "places", "names", "speakers"):
            assert _listed(any_store, kind) == _grouped(any_store, kind), (kind, record)
    assert {r[1] for r in _listed(any_store, "actors")} == {2}  # "a" and "c" name them
    _, rows = any_store.actors(q=None, type="person", limit=100, offset=0)
    assert [r["type"] for r in rows] == ["person"]
