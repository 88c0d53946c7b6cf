"""The store as Parquet: one file per table, typed columns derived from the record
declarations (:mod:`wirescope.derive`), written with pyarrow.

Tables: ``documents`` (the document and its record-level fields), ``entities``, ``places``,
``times``, ``quotes``, ``events`` (each item with its ``document_id``; an event's quantities
as a list of structs), ``incidents``. A span is a struct ``{start, end}``; tuples are lists;
nested records structs; a day a ``date32``; a value that may be a number or a string (a
claim's value) is kept as its JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from wirescope import derive
from wirescope.records import (
    DocumentRecord,
    Entity,
    Event,
    Incident,
    Place,
    Quote,
    TimeExpr,
)

ITEM_TABLES: dict[str, type] = {
    "entities": Entity, "places": Place, "times": TimeExpr, "quotes": Quote, "events": Event}
TABLES = ("documents", *ITEM_TABLES, "incidents")


def _arrow_type(shape: derive.Shape) -> Any:
    import pyarrow as pa

    span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
    kind = shape.kind
    if kind == "span":
        return span
    if kind == "spans":
        return pa.list_(span)
    if kind == "strings":
        return pa.list_(pa.string())
    if kind == "date":
        return pa.date32()
    if kind in ("record", "records"):
        assert shape.record is not None
        nested = pa.struct([(s.name, _arrow_type(s.shape)) for s in _fields(shape.record)])
        return nested if kind == "record" else pa.list_(nested)
    types = {t for t in ({type(v) for v in shape.scalars} if shape.literal else shape.scalars)}
    if len(types) > 1:
        return pa.string()  # JSON text
    only = types.pop()
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}[only]


def _own(s: derive.Slot) -> bool:
    """Whether a field is a column of its record's table: not the items a document holds,
    which are tables of their own."""
    return not (s.shape.kind == "records" and s.shape.record in ITEM_TABLES.values())


def _fields(cls: type) -> list[derive.Slot]:
    """The fields a table of ``cls`` has: a flattened record's in its place, no child
    records that are tables of their own."""
    found: list[derive.Slot] = []
    for s in derive.slots(cls):
        if s.meta.flatten and s.shape.record is not None:
            found.extend(_fields(s.shape.record))
        elif _own(s):
            found.append(s)
    return found


def schema(cls: type) -> Any:
    """The Arrow schema of a table of ``cls`` records."""
    import pyarrow as pa

    return pa.schema([(s.name, _arrow_type(s.shape)) for s in _fields(cls)])


def _value(shape: derive.Shape, value: Any) -> Any:
    if value is None:
        return None
    kind = shape.kind
    if kind == "span":
        return {"start": value.start, "end": value.end}
    if kind == "spans":
        return [{"start": s.start, "end": s.end} for s in value]
    if kind == "strings":
        return list(value)
    if kind == "record":
        return row(value)
    if kind == "records":
        return [row(x) for x in value]
    if kind == "scalar" and len({type(v) for v in shape.scalars} if shape.literal
                                else shape.scalars) > 1:
        return json.dumps(value)
    return value


def row(obj: Any) -> dict[str, Any]:
    """One record as a row of its table (nested records as dicts)."""
    found: dict[str, Any] = {}
    kind: type = type(obj)
    for s in derive.slots(kind):
        value = getattr(obj, s.name)
        if s.meta.flatten:
            found.update(row(value))
        elif _own(s):
            found[s.name] = _value(s.shape, value)
    return found


def rows(records: Iterable[DocumentRecord], table: str) -> list[dict[str, Any]]:
    if table == "documents":
        return [row(r) for r in records]
    return [row(item) for r in records for item in getattr(r, table)]


def write(records: list[DocumentRecord], incidents: list[Incident], folder: Path) -> dict[
        str, int]:
    """Write every table to ``folder/TABLE.parquet``; rows per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table in TABLES:
        cls = DocumentRecord if table == "documents" else Incident if table == "incidents" \
            else ITEM_TABLES[table]
        found = [row(i) for i in incidents] if table == "incidents" else rows(records, table)
        pq.write_table(pa.Table.from_pylist(found, schema=schema(cls)),
                       folder / f"{table}.parquet")
        counts[table] = len(found)
    return counts

