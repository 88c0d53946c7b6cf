"""The ``wirescope/1`` export contract: records to JSON-ready dicts and back.

The JSON Schema lives in ``wirescope/schema/wirescope-1.schema.json``; :func:`validate`
checks a dict against it. Besides the fields of the contract, every extracted item carries
``extractor`` (its versioned extractor name), the provenance the contract allows as an
optional field, and
entities carry the optional ``role`` (a person's title or office) and ``country`` (ISO 3166-1
alpha-2); places the optional ``geo_precision`` (ACLED 1/2/3), ``raw_name`` and
``resolved_via``. See ``docs/CONTRACT.md`` for the contract's history.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

from wirescope.records import (
    SCHEMA,
    Document,
    DocumentRecord,
    Entity,
    Event,
    Note,
    Place,
    Quantity,
    Quote,
    Span,
    TimeExpr,
)

Json = dict[str, Any]


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else span.as_list()


def _unspan(value: list[int] | None) -> Span | None:
    return None if value is None else Span(start=value[0], end=value[1])


def to_contract(record: DocumentRecord) -> Json:
    doc = record.document
    return {
        "schema": SCHEMA,
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "published": doc.published.isoformat() if doc.published else None,
        "text": doc.text,
        "entities": [
            {
                "id": e.id, "name": e.name, "type": e.type, "actor_type": e.actor_type,
                "mentions": [m.as_list() for m in e.mentions], "role": e.role,
                "country": e.country, "extractor": e.extractor,
            }
            for e in record.entities
        ],
        "places": [
            {
                "id": p.id, "name": p.name, "lat": p.lat, "lon": p.lon,
                "country_code": p.country_code, "admin1": p.admin1, "geonameid": p.geonameid,
                "precision": p.precision, "mentions": [m.as_list() for m in p.mentions],
                "extractor": p.extractor, "geo_precision": p.geo_precision,
                "raw_name": p.raw_name, "resolved_via": p.resolved_via,
            }
            for p in record.places
        ],
        "times": [
            {
                "id": t.id, "text": t.text, "span": t.span.as_list(), "value": t.value,
                "start": t.start, "end": t.end, "precision": t.precision,
                "anchor": t.anchor, "partial": t.partial, "extractor": t.extractor,
            }
            for t in record.times
        ],
        "quotes": [
            {
                "id": q.id, "speaker": q.speaker, "speaker_text": q.speaker_text,
                "speaker_span": _span(q.speaker_span), "cue": q.cue, "kind": q.kind,
                "span": q.span.as_list(), "polarity": q.polarity, "strength": q.strength,
                "extractor": q.extractor,
            }
            for q in record.quotes
        ],
        "events": [
            {
                "id": ev.id, "type": ev.type, "mode": ev.mode,
                "acled_event_type": ev.acled_event_type,
                "acled_sub_event_type": ev.acled_sub_event_type,
                "actors": list(ev.actors), "targets": list(ev.targets), "place": ev.place,
                "time": ev.time, "factuality": ev.factuality, "attributed_to": ev.attributed_to,
                "quantities": [
                    {
                        "value": q.value, "low": q.low, "high": q.high, "unit": q.unit,
                        "category": q.category, "span": q.span.as_list(),
                        "qualifier": q.qualifier,
                    }
                    for q in ev.quantities
                ],
                "span": ev.span.as_list(), "sentence": _span(ev.sentence),
                "time_inherited": ev.time_inherited, "place_from": ev.place_from,
                "incident": ev.incident, "via": ev.via, "extractor": ev.extractor,
            }
            for ev in record.events
        ],
        "lead_event": record.lead_event,
        "lead_via": record.lead_via,
        "notes": [n.as_json() for n in record.notes],
    }


def from_contract(data: Json) -> DocumentRecord:
    """Rebuild a record from its contract form (the inverse of :func:`to_contract`)."""
    doc_id = data["id"]
    published = data.get("published")
    return DocumentRecord(
        document=Document(
            id=doc_id, text=data["text"], title=data.get("title"), source=data.get("source"),
            url=data.get("url"),
            published=dt.date.fromisoformat(published) if published else None,
        ),
        entities=tuple(
            Entity(
                id=e["id"], document_id=doc_id, extractor=e.get("extractor", ""), name=e["name"],
                type=e["type"], actor_type=e["actor_type"],
                mentions=tuple(Span(start=s, end=t) for s, t in e["mentions"]),
                role=e.get("role"), country=e.get("country"),
            )
            for e in data["entities"]
        ),
        places=tuple(
            Place(
                id=p["id"], document_id=doc_id, extractor=p.get("extractor", ""), name=p["name"],
                lat=p["lat"], lon=p["lon"], country_code=p["country_code"], admin1=p["admin1"],
                geonameid=p["geonameid"], precision=p["precision"],
                mentions=tuple(Span(start=s, end=t) for s, t in p["mentions"]),
                geo_precision=p.get("geo_precision"), raw_name=p.get("raw_name"),
                resolved_via=p.get("resolved_via"),
            )
            for p in data["places"]
        ),
        times=tuple(
            TimeExpr(
                id=t["id"], document_id=doc_id, extractor=t.get("extractor", ""), text=t["text"],
                span=Span(start=t["span"][0], end=t["span"][1]), value=t["value"],
                start=t["start"], end=t["end"], precision=t["precision"],
                anchor=t.get("anchor"), partial=t.get("partial", False),
            )
            for t in data["times"]
        ),
        quotes=tuple(
            Quote(
                id=q["id"], document_id=doc_id, extractor=q.get("extractor", ""),
                speaker=q["speaker"], speaker_text=q["speaker_text"],
                speaker_span=_unspan(q["speaker_span"]), cue=q["cue"], kind=q["kind"],
                span=Span(start=q["span"][0], end=q["span"][1]),
                polarity=q.get("polarity"), strength=q.get("strength"),
            )
            for q in data["quotes"]
        ),
        events=tuple(
            Event(
                id=ev["id"], document_id=doc_id, extractor=ev.get("extractor", ""),
                type=ev["type"], mode=ev["mode"], acled_event_type=ev["acled_event_type"],
                acled_sub_event_type=ev["acled_sub_event_type"], actors=tuple(ev["actors"]),
                targets=tuple(ev["targets"]), place=ev["place"], time=ev["time"],
                factuality=ev["factuality"], attributed_to=ev["attributed_to"],
                quantities=tuple(
                    Quantity(
                        value=q["value"], low=q["low"], high=q["high"], unit=q["unit"],
                        category=q["category"], span=Span(start=q["span"][0], end=q["span"][1]),
                        qualifier=q.get("qualifier"),
                    )
                    for q in ev["quantities"]
                ),
                span=Span(start=ev["span"][0], end=ev["span"][1]),
                sentence=_unspan(ev.get("sentence")),
                time_inherited=ev.get("time_inherited", False),
                place_from=ev.get("place_from"),
                incident=ev.get("incident"),
                via=ev.get("via"),
            )
            for ev in data["events"]
        ),
        lead_event=data.get("lead_event"),
        lead_via=data.get("lead_via"),
        notes=tuple(Note.from_json(n) for n in data.get("notes", ())),
    )


def dumps(record: DocumentRecord) -> str:
    """One JSON Lines line (no trailing newline), keys in contract order, UTF-8 kept as is."""
    return json.dumps(to_contract(record), ensure_ascii=False)


@lru_cache(maxsize=1)
def schema() -> Json:
    text = resources.files("wirescope.schema").joinpath("wirescope-1.schema.json").read_text()
    loaded: Json = json.loads(text)
    return loaded


def validate(data: Json) -> None:
    """Raise :class:`jsonschema.ValidationError` if ``data`` breaks the contract."""
    jsonschema.validate(data, schema(), cls=jsonschema.Draft202012Validator)
