"""Flat CSV tables, one row per item, for spreadsheets and other tools.

The columns are derived from the record declarations (:mod:`wirescope.derive`): lists of ids
are joined with ``;``, spans given as ``X_start``/``X_end`` plus, where declared, the surface
string (so every row can be checked against the article), nested records as JSON. An event's
quantities are also a table of their own (``quantities``), one row per count.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from wirescope import derive
from wirescope.records import (
    DocumentRecord,
    Entity,
    Event,
    Incident,
    Place,
    Quantity,
    Quote,
    TimeExpr,
)

Row = dict[str, object]
Table = tuple[tuple[str, ...], Callable[[DocumentRecord], Iterator[Row]]]

_COUNTED = ("entities", "places", "times", "quotes", "events")


def _documents(r: DocumentRecord) -> Iterator[Row]:
    yield {**derive.csv_row(r, r.document.text), "chars": len(r.document.text),
           **{name: len(getattr(r, name)) for name in _COUNTED},
           "notes": " ".join(n.code for n in r.notes)}


def _items(name: str, cls: type) -> Table:
    """The table of one kind of item: its declared CSV columns, one row per item."""

    def rows(r: DocumentRecord) -> Iterator[Row]:
        text = r.document.text
        for item in getattr(r, name):
            yield derive.csv_row(item, text)

    return derive.csv_columns(cls), rows


def _quantities(r: DocumentRecord) -> Iterator[Row]:
    text = r.document.text
    for ev in r.events:
        for q in ev.quantities:
            yield {"document_id": r.document.id, "event_id": ev.id, **derive.csv_row(q, text)}


TABLES: dict[str, Table] = {
    "documents": (
        (*derive.csv_columns(DocumentRecord), "chars", *_COUNTED, "notes"), _documents),
    "entities": _items("entities", Entity),
    "places": _items("places", Place),
    "times": _items("times", TimeExpr),
    "quotes": _items("quotes", Quote),
    "events": _items("events", Event),
    "quantities": (("document_id", "event_id", *derive.csv_columns(Quantity)), _quantities),
}


def write_csv(records: Iterable[DocumentRecord], table: str, out: IO[str]) -> int:
    """Write one table as CSV; returns the number of rows."""
    columns, rows = TABLES[table]
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for record in records:
        for row in rows(record):
            writer.writerow(row)
            n += 1
    return n


INCIDENT_COLUMNS = derive.csv_columns(Incident)


def write_incidents_csv(incidents: Iterable[Incident], out: IO[str]) -> int:
    """One row per incident, its columns derived from the declaration: where (``place_*``),
    when, figures (``killed_low`` … ``injured_conservative``), sources, grade; its reports and
    contradictions as JSON."""
    writer = csv.DictWriter(out, fieldnames=INCIDENT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for incident in incidents:
        writer.writerow(derive.csv_row(incident, ""))
        n += 1
    return n
