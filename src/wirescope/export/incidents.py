"""Incident records in the ``wirescope/1`` contract (``"kind": "incident"``; the JSON Schema's
``$defs/incident``), and back."""

from __future__ import annotations

from typing import Any

import jsonschema

from wirescope.records import (
    FIGURES,
    SCHEMA,
    Claim,
    Contradiction,
    FigureSummary,
    Incident,
    IncidentPlace,
    IncidentReport,
    Span,
)

Json = dict[str, Any]


def _claim(c: Claim) -> Json:
    return {"value": c.value, "low": c.low, "high": c.high, "qualifier": c.qualifier,
            "category": c.category, "claimant": c.claimant, "claimant_name": c.claimant_name,
            "basis": c.basis, "document": c.document, "event": c.event, "published": c.published,
            "span": c.span.as_list()}


def _unclaim(data: Json) -> Claim:
    return Claim(value=data["value"], low=data.get("low"), high=data.get("high"),
                 qualifier=data.get("qualifier"), category=data.get("category"),
                 claimant=data.get("claimant"), claimant_name=data.get("claimant_name"),
                 basis=data.get("basis"), document=data["document"], event=data["event"],
                 published=data.get("published"),
                 span=Span(start=data["span"][0], end=data["span"][1]))


def _figure(f: FigureSummary | None) -> Json | None:
    if f is None:
        return None
    return {"low": f.low, "best": f.best, "high": f.high, "conservative": f.conservative,
            "claims": [_claim(c) for c in f.claims]}


def _unfigure(data: Json | None) -> FigureSummary | None:
    if data is None:
        return None
    return FigureSummary(low=data["low"], best=data["best"], high=data["high"],
                         conservative=data["conservative"],
                         claims=tuple(_unclaim(c) for c in data["claims"]))


def incident_to_json(incident: Incident) -> Json:
    place = incident.place
    return {
        "schema": SCHEMA, "kind": "incident", "id": incident.id, "type": incident.type,
        "acled_event_type": incident.acled_event_type,
        "acled_sub_event_type": incident.acled_sub_event_type,
        "start": incident.start, "end": incident.end, "date_via": incident.date_via,
        "place": None if place is None else {
            "name": place.name, "lat": place.lat, "lon": place.lon,
            "country_code": place.country_code, "admin1": place.admin1,
            "precision": place.precision, "via": place.via},
        "actors": list(incident.actors), "targets": list(incident.targets),
        "reports": [{"document": r.document, "event": r.event, "source": r.source,
                     "published": r.published, "origin": r.origin, "events": list(r.events),
                     "story_time": r.story_time}
                    for r in incident.reports],
        "sources": {"documents": incident.documents, "independent": incident.independent},
        "figures": {"killed": _figure(incident.killed), "injured": _figure(incident.injured)},
        "contradictions": [{"field": c.field, "kind": c.kind,
                            "claims": [_claim(x) for x in c.claims]}
                           for c in incident.contradictions],
        "grade": incident.grade,
    }


def incident_from_json(data: Json) -> Incident:
    place = data.get("place")
    figures = data["figures"]
    return Incident(
        id=data["id"], type=data["type"], acled_event_type=data["acled_event_type"],
        acled_sub_event_type=data["acled_sub_event_type"], start=data["start"],
        end=data["end"], date_via=data.get("date_via"),
        place=None if place is None else IncidentPlace(
            name=place["name"], lat=place["lat"], lon=place["lon"],
            country_code=place["country_code"], admin1=place["admin1"],
            precision=place["precision"], via=place.get("via", "reports")),
        actors=tuple(data["actors"]), targets=tuple(data["targets"]),
        reports=tuple(IncidentReport(document=r["document"], event=r["event"],
                                     source=r["source"], published=r["published"],
                                     origin=r["origin"], events=tuple(r.get("events", ())),
                                     story_time=r.get("story_time"))
                      for r in data["reports"]),
        documents=data["sources"]["documents"], independent=data["sources"]["independent"],
        killed=_unfigure(figures[FIGURES[0]]), injured=_unfigure(figures[FIGURES[1]]),
        contradictions=tuple(Contradiction(field=c["field"], kind=c["kind"],
                                           claims=tuple(_unclaim(x) for x in c["claims"]))
                             for c in data["contradictions"]),
        grade=data["grade"],
    )


def validate_incident(data: Json) -> None:
    """Raise :class:`jsonschema.ValidationError` if ``data`` is no valid incident record."""
    from wirescope.export.contract import schema

    full = schema()
    wrapper = {"$defs": full["$defs"], "$ref": "#/$defs/incident"}
    jsonschema.validate(data, wrapper, cls=jsonschema.Draft202012Validator)
