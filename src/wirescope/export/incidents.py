"""Incident records in the ``wirescope/1`` contract (``"kind": "incident"``; the JSON Schema's
``$defs/incident``), and back."""

from __future__ import annotations

from typing import Any

import jsonschema

from wirescope import derive
from wirescope.records import Incident

Json = dict[str, Any]


def incident_to_json(incident: Incident) -> Json:
    return derive.encode(incident)


def incident_from_json(data: Json) -> Incident:
    incident: Incident = derive.decode(data, Incident)
    return incident


def validate_incident(data: Json) -> None:
    """Raise :class:`jsonschema.ValidationError` if ``data`` is no valid incident record."""
    from wirescope.export.contract import schema

    full = schema()
    wrapper = {"$defs": full["$defs"], "$ref": "#/$defs/incident"}
    jsonschema.validate(data, wrapper, cls=jsonschema.Draft202012Validator)
