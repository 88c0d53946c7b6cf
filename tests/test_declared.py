"""Records declared once: records generated from the declarations survive every way out — the
contract (and its schema), the store, the CSV tables and the API — unchanged."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirescope import derive
from wirescope.export.contract import from_contract, json_schema, to_contract, validate
from wirescope.export.tables import TABLES, write_csv
from wirescope.records import Document, DocumentRecord, Span
from wirescope.serve.api import Server, create_app
from wirescope.store import SQLiteStore

Draw = Callable[[st.SearchStrategy[Any]], Any]
_WORD = st.from_regex(r"[a-z][a-z0-9_.-]{0,11}", fullmatch=True)


def _extras(slot: derive.Slot) -> dict[str, Any]:
    extras = dict(slot.meta.schema)
    ref = extras.pop("$ref", None)
    if ref is not None:  # the contract's own primitive (the extractor's pattern)
        extras |= json_schema()["$defs"][ref.rsplit("/", 1)[1]]
    return extras


def _value(draw: Draw, slot: derive.Slot, text: str, ctx: dict[str, Any]) -> Any:
    shape, extras = slot.shape, _extras(slot)
    if slot.name in ctx:
        return ctx[slot.name]
    if shape.optional and shape.kind not in ("spans", "strings", "records") and draw(
            st.booleans()):
        return None
    kind = shape.kind
    if kind == "span":
        return draw(_span(text))
    if kind == "spans":
        return tuple(draw(st.lists(_span(text), max_size=3)))
    if kind == "strings":
        return tuple(draw(st.lists(_WORD, max_size=3)))
    if kind == "date":
        return draw(st.dates())
    if kind in ("record", "records"):
        assert shape.record is not None
        if kind == "record":
            return draw(_record(shape.record, text, {}))
        return tuple(draw(st.lists(_record(shape.record, text, {}), max_size=2)))
    if shape.literal:
        return draw(st.sampled_from(shape.scalars))
    python = draw(st.sampled_from(shape.scalars))
    if python is bool:
        return draw(st.booleans())
    if python is int:
        return draw(st.integers(extras.get("minimum", -(2**40)), 2**40))
    if python is float:
        return draw(st.floats(extras.get("minimum"), extras.get("maximum"), allow_nan=False,
                              allow_infinity=False))
    if "pattern" in extras:
        return draw(st.from_regex(extras["pattern"], fullmatch=True))
    return draw(st.text(min_size=extras.get("minLength", 0), max_size=12))


def _span(text: str) -> st.SearchStrategy[Span]:
    ends = st.integers(0, len(text))
    return st.tuples(ends, ends).map(lambda p: Span(start=min(p), end=max(p)))


@st.composite
def _record(draw: Draw, cls: type, text: str, ctx: dict[str, Any]) -> Any:
    return cls(**{s.name: _value(draw, s, text, ctx) for s in derive.slots(cls)})


@st.composite
def documents(draw: Draw) -> DocumentRecord:
    """A document record with up to three items of each kind, every field of every record
    filled as its declaration allows."""
    text = draw(st.text(min_size=1, max_size=60))
    document = draw(_record(Document, text, {
        "id": draw(st.from_regex(r"[a-z0-9][a-z0-9_-]{0,11}", fullmatch=True)),
        "text": text, "origin": draw(_WORD)}))
    items: dict[str, Any] = {}
    for slot in derive.slots(DocumentRecord):
        nested = slot.shape.record
        if slot.shape.kind == "records" and nested is not None and "id" in {
                s.name for s in derive.slots(nested)}:
            n = draw(st.integers(0, 3))
            items[slot.name] = tuple(
                draw(_record(nested, text,
                             {"id": f"{slot.name[0]}{i}", "document_id": document.id}))
                for i in range(n))
    rest = {s.name: _value(draw, s, text, {"document": document, **items})
            for s in derive.slots(DocumentRecord)}
    return DocumentRecord(**rest)


def _contract_part(record: DocumentRecord) -> DocumentRecord:
    """What the contract keeps of a record (it leaves out the input's origin and the
    extractor list)."""
    return dataclasses.replace(record, document=dataclasses.replace(record.document, origin=""),
                               extractors=())


_FEW = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_FEW
@given(record=documents())
def test_declared_records_round_trip_through_the_contract(record: DocumentRecord) -> None:
    data = json.loads(json.dumps(to_contract(record)))
    validate(data)
    assert from_contract(data) == _contract_part(record)


@_FEW
@given(record=documents())
def test_declared_records_round_trip_through_the_store(record: DocumentRecord) -> None:
    store = SQLiteStore.open(":memory:")
    try:
        store.put(record, signature="sig", run_id=None, link=False)
        assert store.get(record.document.id) == record
    finally:
        store.close()


@_FEW
@given(record=documents())
def test_declared_records_round_trip_through_csv(record: DocumentRecord) -> None:
    for table, (columns, rows) in TABLES.items():
        out = io.StringIO()
        n = write_csv([record], table, out)
        read = list(csv.DictReader(io.StringIO(out.getvalue())))
        expected = [{c: "" if row.get(c) is None else str(row.get(c)) for c in columns}
                    for row in rows(record)]
        assert n == len(read) == len(expected)
        assert read == expected, table
        for line in read:  # each span's offsets give its surface string
            for column in columns:
                surface = re.sub(r"_start$", "", column)
                if column.endswith("_start") and line[column]:
                    start, end = int(line[column]), int(line[surface + "_end"])
                    assert 0 <= start <= end <= len(record.document.text)


@_FEW
@given(record=documents())
def test_declared_records_round_trip_through_the_api(record: DocumentRecord) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "store.sqlite"
        store = SQLiteStore.open(db)
        try:
            store.put(record, signature="sig", run_id=None, link=False)
        finally:
            store.close()
        client = TestClient(create_app(Server(db=db)), base_url="http://localhost")
        response = client.get(f"/api/documents/{record.document.id}")
    assert response.status_code == 200
    body = response.json()
    body.pop("event_views")
    assert from_contract(body) == _contract_part(record)
