from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import full_record
from wirescope.export import dumps, from_contract, to_contract, validate
from wirescope.records import Document, DocumentRecord, Entity, Span


def test_contract_full_record_validates_and_round_trips() -> None:
    record = full_record()
    data = to_contract(record)
    validate(data)
    assert data["schema"] == "wirescope/1"
    back = from_contract(json.loads(dumps(record)))
    assert back == DocumentRecord(
        document=Document(**{**{f: getattr(record.document, f) for f in
                                ("id", "text", "title", "source", "url", "published")}}),
        entities=record.entities, places=record.places, times=record.times,
        quotes=record.quotes, events=record.events, tallies=record.tallies, notes=record.notes,
    )


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema",), "wirescope/2"),
        (("published",), "27/05/2016"),
        (("places", 0, "precision"), "village"),
        (("places", 0, "lat"), 123.0),
        (("times", 0, "precision"), "decade"),
        (("quotes", 0, "kind"), "rumour"),
        (("events", 0, "factuality"), "probably"),
        (("entities", 0, "mentions", 0), [1, 2, 3]),
        (("events", 0, "extractor"), "no version"),
    ],
)
def test_contract_schema_rejects_broken_values(path: tuple[object, ...], value: object) -> None:
    data = copy.deepcopy(to_contract(full_record()))
    target = data
    for key in path[:-1]:
        target = target[key]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


@pytest.mark.parametrize("field", ["text", "entities", "published", "events"])
def test_contract_schema_requires_fields(field: str) -> None:
    data = to_contract(full_record())
    del data[field]
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


@given(
    text=st.text(min_size=1, max_size=60),
    cuts=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=5),
)
def test_contract_spans_survive_json_round_trip(text: str, cuts: list[tuple[int, int]]) -> None:
    spans = tuple(
        Span(start=min(a, b, len(text)), end=min(max(a, b), len(text))) for a, b in cuts
    )
    entity = Entity(id="e", document_id="d", extractor="entities.x.v1", name="n", type="t",
                    actor_type=None, mentions=spans)
    record = DocumentRecord(document=Document(id="d", text=text), entities=(entity,))
    back = from_contract(json.loads(dumps(record)))
    assert back.document.text == text
    for before, after in zip(spans, back.entities[0].mentions, strict=True):
        assert after == before
        assert back.document.text[after.start : after.end] == text[before.start : before.end]


def test_shipped_schema_is_the_one_the_declarations_derive() -> None:
    from importlib import resources

    from wirescope.export.contract import SCHEMA_FILE, schema_text

    shipped = resources.files("wirescope.schema").joinpath(SCHEMA_FILE).read_text()
    assert shipped == schema_text(), "run `.venv/bin/python scripts/write_schema.py`"


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("title",), ...),  # ... deletes the key
        (("entities", 0, "id"), ...),
        (("events", 0, "quantities", 0, "unit"), ...),
        (("events", 0, "document_id"), "d"),  # not in the contract
        (("notes", 0, "code"), "214"),
    ],
)
def test_contract_schema_derived_keeps_required_and_closed(
        path: tuple[object, ...], value: object) -> None:
    data = copy.deepcopy(to_contract(full_record()))
    target = data
    for key in path[:-1]:
        target = target[key]  # type: ignore[index]
    if value is ...:
        del target[path[-1]]  # type: ignore[arg-type]
    else:
        target[path[-1]] = value  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        validate(data)
