"""The ``wirescope/1`` export contract: records to JSON-ready dicts and back.

Both directions and the JSON Schema are derived from the record declarations
(:mod:`wirescope.records`, :mod:`wirescope.derive`); the schema ships as
``wirescope/schema/wirescope-1.schema.json``, and :func:`validate` checks a dict against it.
Besides the fields of the contract, every extracted item may carry ``extractor`` (its versioned
extractor name, the provenance). See ``docs/CONTRACT.md`` for the contract's history.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

from wirescope import derive
from wirescope.records import (
    SCHEMA,
    Claim,
    Contradiction,
    DocumentRecord,
    Entity,
    Event,
    FigureSummary,
    Incident,
    IncidentPlace,
    IncidentReport,
    Note,
    Place,
    PlaceUse,
    Quantity,
    Quote,
    TimeExpr,
)

Json = dict[str, Any]

SCHEMA_FILE = "wirescope-1.schema.json"

# The name of each record type's definition in the JSON Schema's ``$defs``.
DEFS: dict[type, str] = {
    Entity: "entity", Place: "place", PlaceUse: "place_use", TimeExpr: "time", Quote: "quote",
    Quantity: "quantity",
    Event: "event", Note: "note", Claim: "claim", FigureSummary: "figure",
    Contradiction: "contradiction", IncidentPlace: "incident_place",
    IncidentReport: "incident_report", Incident: "incident",
}

# The contract's own primitives, which no record declares.
_PRIMITIVES: Json = {
    "span": {
        "type": "array", "items": {"type": "integer", "minimum": 0}, "minItems": 2,
        "maxItems": 2,
        "description": "[start, end) character offsets into text; text[start:end] is the "
                       "surface string",
    },
    "extractor": {
        "type": "string", "pattern": r"^[a-z_]+\.[a-z0-9_]+\.v[0-9]+$",
        "description": "versioned name of the extractor that produced this item (provenance; "
                       "optional, since 1.1)",
    },
}


def to_contract(record: DocumentRecord) -> Json:
    """A document record in its contract form (JSON-ready)."""
    return derive.encode(record)


def from_contract(data: Json) -> DocumentRecord:
    """Rebuild a record from its contract form (the inverse of :func:`to_contract`)."""
    record: DocumentRecord = derive.decode(data, DocumentRecord)
    return record


def json_schema() -> Json:
    """The contract's JSON Schema, derived from the record declarations (the shipped
    ``wirescope-1.schema.json`` is this, written by ``scripts/write_schema.py``)."""
    root = derive.record_schema(DocumentRecord, DEFS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/wirescope/wirescope/schema/" + SCHEMA_FILE,
        "title": f"{SCHEMA} document record",
        "description": "One document per JSON Lines line. Spans are [start, end) character "
                       "offsets into text. Items may carry an optional 'extractor' "
                       "(provenance).",
        **root,
        "$defs": {**_PRIMITIVES, **{name: derive.record_schema(cls, DEFS)
                                    for cls, name in DEFS.items()}},
    }


def dumps(record: DocumentRecord) -> str:
    """One JSON Lines line (no trailing newline), keys in contract order, UTF-8 kept as is."""
    return json.dumps(to_contract(record), ensure_ascii=False)


@lru_cache(maxsize=1)
def schema() -> Json:
    text = resources.files("wirescope.schema").joinpath(SCHEMA_FILE).read_text()
    loaded: Json = json.loads(text)
    return loaded


def validate(data: Json) -> None:
    """Raise :class:`jsonschema.ValidationError` if ``data`` breaks the contract."""
    jsonschema.validate(data, schema(), cls=jsonschema.Draft202012Validator)


def schema_text() -> str:
    """The JSON Schema file's text."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"

