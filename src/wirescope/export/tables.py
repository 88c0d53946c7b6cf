"""Flat CSV tables, one row per item, for spreadsheets and other tools.

List values are joined with ``;``; spans are given as ``span_start``/``span_end`` plus the
surface string, so every row can be checked against the article.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from wirescope.records import DocumentRecord, Incident, Span

Row = dict[str, object]


def _spans(spans: Iterable[Span]) -> str:
    return ";".join(f"{s.start}-{s.end}" for s in spans)


def _documents(r: DocumentRecord) -> Iterator[Row]:
    d = r.document
    yield {
        "id": d.id, "title": d.title, "source": d.source, "url": d.url,
        "published": d.published.isoformat() if d.published else None,
        "chars": len(d.text), "entities": len(r.entities), "places": len(r.places),
        "times": len(r.times), "quotes": len(r.quotes), "events": len(r.events),
        "lead_event": r.lead_event, "lead_via": r.lead_via,
        "notes": " ".join(n.code for n in r.notes),
    }


def _entities(r: DocumentRecord) -> Iterator[Row]:
    for e in r.entities:
        yield {
            "document_id": r.document.id, "id": e.id, "name": e.name, "type": e.type,
            "actor_type": e.actor_type, "n_mentions": len(e.mentions),
            "mentions": _spans(e.mentions), "extractor": e.extractor,
        }


def _places(r: DocumentRecord) -> Iterator[Row]:
    for p in r.places:
        yield {
            "document_id": r.document.id, "id": p.id, "name": p.name, "lat": p.lat,
            "lon": p.lon, "country_code": p.country_code, "admin1": p.admin1,
            "geonameid": p.geonameid, "precision": p.precision,
            "geo_precision": p.geo_precision, "resolved_via": p.resolved_via,
            "raw_name": p.raw_name, "mentions": _spans(p.mentions), "extractor": p.extractor,
        }


def _times(r: DocumentRecord) -> Iterator[Row]:
    for t in r.times:
        yield {
            "document_id": r.document.id, "id": t.id, "text": t.text,
            "span_start": t.span.start, "span_end": t.span.end, "value": t.value,
            "start": t.start, "end": t.end, "precision": t.precision, "anchor": t.anchor,
            "partial": t.partial, "extractor": t.extractor,
        }


def _quotes(r: DocumentRecord) -> Iterator[Row]:
    text = r.document.text
    for q in r.quotes:
        yield {
            "document_id": r.document.id, "id": q.id, "speaker": q.speaker,
            "speaker_text": q.speaker_text, "cue": q.cue, "kind": q.kind,
            "polarity": q.polarity, "strength": q.strength,
            "span_start": q.span.start, "span_end": q.span.end, "content": q.span.surface(text),
            "extractor": q.extractor,
        }


def _events(r: DocumentRecord) -> Iterator[Row]:
    text = r.document.text
    for ev in r.events:
        yield {
            "document_id": r.document.id, "id": ev.id, "type": ev.type, "mode": ev.mode,
            "acled_event_type": ev.acled_event_type,
            "acled_sub_event_type": ev.acled_sub_event_type, "actors": ";".join(ev.actors),
            "targets": ";".join(ev.targets), "place": ev.place, "time": ev.time,
            "time_inherited": ev.time_inherited, "place_from": ev.place_from,
            "incident": ev.incident, "via": ev.via, "factuality": ev.factuality,
            "attributed_to": ev.attributed_to,
            "quantities": ";".join(
                f"{q.value if q.value is not None else '?'} {q.unit}"
                + (f" ({q.category})" if q.category else "")
                + (f" [{q.qualifier}]" if q.qualifier else "")
                for q in ev.quantities
            ),
            "span_start": ev.span.start, "span_end": ev.span.end,
            "trigger": ev.span.surface(text),
            "sentence": (ev.sentence or ev.span).surface(text), "extractor": ev.extractor,
        }


TABLES: dict[str, tuple[tuple[str, ...], Callable[[DocumentRecord], Iterator[Row]]]] = {
    "documents": (
        ("id", "title", "source", "url", "published", "chars", "entities", "places", "times",
         "quotes", "events", "lead_event", "lead_via", "notes"),
        _documents,
    ),
    "entities": (
        ("document_id", "id", "name", "type", "actor_type", "n_mentions", "mentions",
         "extractor"),
        _entities,
    ),
    "places": (
        ("document_id", "id", "name", "lat", "lon", "country_code", "admin1", "geonameid",
         "precision", "geo_precision", "resolved_via", "raw_name", "mentions", "extractor"),
        _places,
    ),
    "times": (
        ("document_id", "id", "text", "span_start", "span_end", "value", "start", "end",
         "precision", "anchor", "partial", "extractor"),
        _times,
    ),
    "quotes": (
        ("document_id", "id", "speaker", "speaker_text", "cue", "kind", "polarity", "strength",
         "span_start", "span_end", "content", "extractor"),
        _quotes,
    ),
    "events": (
        ("document_id", "id", "type", "mode", "acled_event_type", "acled_sub_event_type",
         "actors", "targets", "place", "place_from", "time", "time_inherited", "incident",
         "via", "factuality", "attributed_to",
         "quantities", "span_start", "span_end", "trigger", "sentence", "extractor"),
        _events,
    ),
}


def write_csv(records: Iterable[DocumentRecord], table: str, out: IO[str]) -> int:
    """Write one table as CSV; returns the number of rows."""
    columns, rows = TABLES[table]
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        for row in rows(record):
            writer.writerow(row)
            n += 1
    return n


INCIDENT_COLUMNS = (
    "id", "type", "acled_event_type", "acled_sub_event_type", "start", "end", "place",
    "lat", "lon", "country_code", "admin1", "precision", "documents", "independent",
    "killed_low", "killed_best", "killed_high", "killed_conservative", "injured_low",
    "injured_best", "injured_high", "injured_conservative", "grade", "contradictions",
    "actors", "targets", "reports",
)


def _incident(i: Incident) -> Row:
    place = i.place
    row: Row = {
        "id": i.id, "type": i.type, "acled_event_type": i.acled_event_type,
        "acled_sub_event_type": i.acled_sub_event_type, "start": i.start, "end": i.end,
        "place": place.name if place else None, "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "country_code": place.country_code if place else None,
        "admin1": place.admin1 if place else None,
        "precision": place.precision if place else None,
        "documents": i.documents, "independent": i.independent, "grade": i.grade,
        "contradictions": ";".join(f"{c.field}:{c.kind}" for c in i.contradictions),
        "actors": ";".join(i.actors), "targets": ";".join(i.targets),
        "reports": ";".join(f"{r.document}/{r.event}" for r in i.reports),
    }
    for name, figure in (("killed", i.killed), ("injured", i.injured)):
        for part in ("low", "best", "high", "conservative"):
            row[f"{name}_{part}"] = getattr(figure, part) if figure else None
    return row


def write_incidents_csv(incidents: Iterable[Incident], out: IO[str]) -> int:
    """One row per incident: where, when, figures (low/best/high/conservative), sources."""
    writer = csv.DictWriter(out, fieldnames=INCIDENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for incident in incidents:
        writer.writerow(_incident(incident))
        n += 1
    return n
