"""The response schemas of the API, for its OpenAPI document.

The records the API returns are the contract's (:func:`wirescope.export.contract.json_schema`,
itself derived from the record declarations), so every contract definition becomes an OpenAPI
component (``wirescope_event`` …); the views (:mod:`wirescope.serve.views`) are built from
those definitions — a view keeps the record's declared fields and replaces the ids it joins
(an event's actors by name, its place and time, its sentence's text). A field added to a
record appears in the API's schema with no change here.
"""

from __future__ import annotations

import copy
from typing import Any

from wirescope.export.contract import json_schema

Json = dict[str, Any]
PREFIX = "wirescope_"


def ref(name: str) -> Json:
    return {"$ref": f"#/components/schemas/{PREFIX}{name}"}


def _nullable(schema: Json) -> Json:
    return {"anyOf": [schema, {"type": "null"}]}


def _string(nullable: bool = False) -> Json:
    return {"type": ["string", "null"] if nullable else "string"}


def _object(properties: Json, required: list[str] | None = None, *,
            closed: bool = True) -> Json:
    return {"type": "object", "properties": properties,
            "required": list(properties) if required is None else required,
            "additionalProperties": not closed}


def _rewrite(schema: Any) -> Any:
    """JSON Schema ``$defs`` references as OpenAPI component references."""
    if isinstance(schema, dict):
        return {k: (ref(v.rsplit("/", 1)[1])["$ref"] if k == "$ref" else _rewrite(v))
                for k, v in schema.items()}
    if isinstance(schema, list):
        return [_rewrite(x) for x in schema]
    return schema


def _view(base: Json, *, drop: tuple[str, ...] = (), add: Json | None = None,
          optional: tuple[str, ...] = ()) -> Json:
    """A record's schema less the fields ``drop`` names, with ``add`` (new or replacing
    fields). A view writes every field of the record (the contract form does), so every key
    is required but those ``optional`` names."""
    properties = {k: v for k, v in copy.deepcopy(base["properties"]).items() if k not in drop}
    properties.update(add or {})
    return _object(properties, [k for k in properties if k not in optional])


def components() -> dict[str, Json]:
    """Every schema the API's responses refer to, by component name (without the prefix)."""
    contract = json_schema()
    defs: dict[str, Json] = {name: _rewrite(d) for name, d in contract["$defs"].items()}
    root = {k: contract[k] for k in ("type", "properties", "required", "additionalProperties")}
    defs["document_record"] = _rewrite(root)
    text_span = _object({"span": ref("span"), "text": _string()})
    entity_ref = _object({"id": _string(), "name": _string(), "type": _string(True),
                          "actor_type": _string(True)}, ["id", "name", "type"])
    header_fields = ["id", "title", "source", "url", "published"]
    defs["text_span"] = text_span
    defs["entity_ref"] = entity_ref
    defs["document_header"] = _object(
        {k: copy.deepcopy(root["properties"][k]) for k in header_fields})
    defs["place_view"] = _view(defs["place"], drop=("mentions", "extractor"))
    defs["time_view"] = _view(defs["time"], drop=("extractor",))
    defs["quantity_view"] = _view(defs["quantity"], add={"text": _string()})
    claim_ref = _object({"id": _string(), "speaker": _nullable(ref("entity_ref")),
                         "speaker_text": _string(True), "cue": _string(True)})
    defs["event_view"] = _view(defs["event"], drop=("span", "attributed_to"), add={
        "document_id": _string(),
        "trigger": ref("text_span"), "sentence": _nullable(ref("text_span")),
        "actors": {"type": "array", "items": ref("entity_ref")},
        "targets": {"type": "array", "items": ref("entity_ref")},
        "place": _nullable(ref("place_view")), "time": _nullable(ref("time_view")),
        "date": _string(True), "date_source": {"enum": ["time", "inherited", "publication",
                                                        None]},
        "quantities": {"type": "array", "items": ref("quantity_view")},
        "killed": {"type": ["number", "null"]}, "claim": _nullable(claim_ref),
        "document": ref("document_header"),
    })
    defs["claim_view"] = _view(defs["quote"], drop=("speaker_span", "span"), add={
        "document_id": _string(), "speaker": _nullable(ref("entity_ref")),
        "speaker_text": _nullable(ref("text_span")), "content": ref("text_span"),
        "events": {"type": "array", "items": ref("event_view")},
        "day": _string(True), "day_via": {"enum": ["claim", "published", None]},
    }, optional=("events",))
    defs["document_view"] = _view(defs["document_record"], add={
        "event_views": {"type": "array", "items": ref("event_view")}})
    counts = {"type": "object", "additionalProperties": {"type": "integer"}}
    defs["document_row"] = _object({
        "id": _string(), "title": _string(True), "source": _string(True),
        "url": _string(True), "published": _string(True), "snippet": _string(),
        "counts": counts}, ["id", "title", "published", "counts"])
    defs["actor_row"] = _object({
        "id": _string(), "name": _string(True), "type": _string(True),
        "actor_type": _string(True), "country": _string(True),
        "documents": {"type": "integer"}, "mentions": {"type": "integer"}})
    defs["place_row"] = _object({
        "id": _string(), "name": _string(True), "lat": {"type": ["number", "null"]},
        "lon": {"type": ["number", "null"]}, "country_code": _string(True),
        "admin1": _string(True), "precision": _string(True),
        "geo_precision": {"type": ["integer", "null"]}, "documents": {"type": "integer"},
        "events": {"type": "integer"}})
    # The incident page: the incident record, each report with its document's header and
    # mentions, each claim with its text.
    defs["incident_view"] = _incident_view(defs)
    defs["health"] = _object({"version": _string(), "store": _string(), "counts": counts,
                              "ingest": {"type": "boolean"}})
    defs["ingest_result"] = _object({
        "run": {"type": "integer"}, "stored": {"type": "integer"},
        "replaced": {"type": "integer"}, "unchanged": {"type": "integer"},
        "documents": {"type": "array", "items": _string()},
        "failures": {"type": "array", "items": _object({
            "origin": _string(), "document_id": _string(True), "code": _string(),
            "reason": _string()})}})
    number = {"type": ["number", "null"]}
    words = _nullable(ref("text_span"))
    defs["figure_series"] = _object({
        "claimant": _object({"id": _string(True), "name": _string(True)}),
        "measure": _string(), "scope": _string(True), "since": _string(True),
        "cumulative": {"type": "boolean"},
        "points": {"type": "array", "items": _object({
            "value": {"type": "number"}, "low": number, "high": number,
            "qualifier": _string(True), "day": _string(True),
            "day_via": {"enum": ["claim", "published", None]}, "document_id": _string(),
            "event": _string(), "quote": _string(), "count": words, "since": words})},
        "flags": {"type": "array", "items": _object({
            "kind": {"enum": ["falling_total", "percentage", "change_mismatch"]},
            "holds": {"type": "boolean"},
            "message": _string(), "document_id": _string(),
            "spans": {"type": "array", "items": words}})}})
    for item in ("document_row", "event_view", "actor_row", "place_row", "claim_view",
                 "incident", "figure_series"):
        defs[f"page_of_{item}"] = page(item)
    return defs


def _incident_view(defs: dict[str, Json]) -> Json:
    incident = copy.deepcopy(defs["incident"])
    claim_with_text = _view(defs["claim"], add={"text": _string(True)})
    defs["claim_with_text"] = claim_with_text
    report = _view(defs["incident_report"], add={
        "header": ref("document_header"), "mention": _nullable(ref("event_view")),
        "mentions": {"type": "array", "items": _object({
            "event": _string(), "trigger": ref("text_span"), "sentence": ref("text_span")})},
    }, optional=("header", "mention", "mentions"))
    defs["incident_report_view"] = report
    figure = _view(defs["figure"], add={
        "claims": {"type": "array", "items": ref("claim_with_text")}})
    defs["figure_view"] = figure
    contradiction = _view(defs["contradiction"], add={
        "claims": {"type": "array", "items": ref("claim_with_text")}})
    defs["contradiction_view"] = contradiction
    properties = incident["properties"]
    properties["reports"] = {"type": "array", "items": ref("incident_report_view")}
    properties["figures"]["properties"] = {
        name: _nullable(ref("figure_view")) for name in properties["figures"]["properties"]}
    properties["contradictions"] = {"type": "array", "items": ref("contradiction_view")}
    return incident


def page(item: str) -> Json:
    """A page of items: the items, how many match (``total_exact`` false: at least that
    many — counting stopped at a cap), the page's place, the next page's URL."""
    return _object({
        "items": {"type": "array", "items": ref(item)}, "total": {"type": "integer"},
        "total_exact": {"type": "boolean"},
        "limit": {"type": "integer"}, "offset": {"type": "integer"}, "next": _string(True)})


def response(name: str, description: str = "OK") -> Json:
    """An operation's ``responses`` entry for a 2xx answering the named component."""
    return {"description": description, "content": {"application/json": {"schema": ref(name)}}}
