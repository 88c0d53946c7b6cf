"""A ``metadata.json`` for Datasette: what each table of the store holds and what each of its
columns means, derived from the record declarations (the columns' descriptions are the
contract's). ``wirescope --db FILE export --format datasette -o metadata.json``, then
``datasette FILE -m metadata.json``: the tables link through their foreign keys (an event to
its document, place, time and claim; a quantity and an argument to its event)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from wirescope import derive
from wirescope.records import DocumentRecord, Entity, Event, Place, Quantity, Quote, TimeExpr

Json = dict[str, Any]

_TABLES: tuple[tuple[str, type | None, str], ...] = (
    ("documents", DocumentRecord, "One row per article, with its text and what made it."),
    ("entities", Entity, "Actors: people, organisations, armed groups, states."),
    ("places", Place, "Places, as named in the text and resolved in the gazetteer."),
    ("times", TimeExpr, "Time expressions, normalised."),
    ("quotes", Quote, "Claims: who says what, and how they say it."),
    ("events", Event, "Events: what happened, by whom, to whom, where, when — and who says."),
    ("quantities", Quantity, "The counts of each event (killed, injured …)."),
    ("event_arguments", None, "Who did an event (actor) and to whom (target), in order."),
    ("mentions", None, "Every span naming an entity or a place."),
    ("incidents", None, "One real-world event across the articles and mentions that report "
                        "it; data holds the full wirescope/1 incident record."),
    ("failures", None, "Inputs that could not be processed, and why."),
    ("runs", None, "Each ingest run, with its counts."),
)

# The column a link to a row shows.
_LABELS = {"documents": "title", "entities": "name", "places": "name", "times": "text"}

# Columns the store adds to the declared ones.
_STORE = {
    "position": "the item's order in its document",
    "key": "the item's key in the store: DOCUMENT/ID",
    "document_id": "the document the item belongs to",
    "event_id": "the event (id in its document)", "event_key": "the event (key in the store)",
    "place_key": "the event's place (key in the store)",
    "time_key": "the event's time expression (key in the store)",
    "claim_key": "the quote the event is reported in (key in the store)",
    "speaker_key": "the speaker entity (key in the store)",
    "entity_key": "the entity (key in the store)", "content_hash": "a hash of text and metadata",
    "signature": "what extracted the record (model, extractors, wirescope build)",
    "run_id": "the run that stored it", "stored_at": "when it was stored (UTC)",
}


def _columns(cls: type) -> Json:
    found: Json = {}
    for column in derive.columns(cls):
        doc = column.slot.meta.doc
        for name in column.names:
            part = " (start offset)" if name.endswith("_start") and len(column.names) == 2 else (
                " (end offset)" if name.endswith("_end") and len(column.names) == 2 else "")
            found[name] = (doc + part).strip() or _STORE.get(name, "")
    return found


def metadata(db: Path) -> Json:
    """Datasette metadata for the store file ``db``: each table's columns as the file has
    them, described."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        present = {table: [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
                   for table, _, _ in _TABLES}
    finally:
        conn.close()
    tables: Json = {}
    for table, cls, about in _TABLES:
        declared = _columns(cls) if cls is not None else {}
        columns = {c: declared.get(c) or _STORE.get(c, "") for c in present[table]}
        tables[table] = {"description": about,
                         "columns": {c: d for c, d in columns.items() if d}}
        if table in _LABELS:
            tables[table]["label_column"] = _LABELS[table]
    return {
        "title": "wirescope store",
        "description": "Conflict news as an auditable record: every value with its span in the "
                       "article's text (offsets into documents.text).",
        "source": "wirescope", "source_url": "https://github.com/wirescope/wirescope",
        "databases": {db.stem: {"tables": tables}},
    }
