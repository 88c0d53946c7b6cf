"""JSON views of stored records for the explorer: every item as the contract has it, plus the
names and texts an analyst needs next to it (an event's actors by name, its sentence, the claim
it belongs to and who makes it). Spans stay ``[start, end)`` offsets into the document text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wirescope import derive
from wirescope.export.acled import event_date
from wirescope.records import DocumentRecord, Event, Place, Quote, Span, TimeExpr
from wirescope.resolve.series import Series, claim_day

Json = dict[str, Any]


def _text(record: DocumentRecord, span: Span | None) -> Json | None:
    if span is None:
        return None
    return {"span": span.as_list(), "text": span.surface(record.document.text)}


def _contract(item: object, *leave_out: str) -> Json:
    """An item's contract fields (as declared), less those a view replaces or leaves out."""
    return {k: v for k, v in derive.encode(item).items() if k not in leave_out}


def document_header(record: DocumentRecord) -> Json:
    return _contract(record.document, "text")


def place_view(place: Place) -> Json:
    return _contract(place, "mentions", "extractor")


def time_view(time: TimeExpr) -> Json:
    return _contract(time, "extractor")


class RecordIndex:
    """Items of one document record by id, and the views that join them."""

    def __init__(self, record: DocumentRecord) -> None:
        self.record = record
        self.entities = {e.id: e for e in record.entities}
        self.places = {p.id: p for p in record.places}
        self.times = {t.id: t for t in record.times}
        self.quotes = {q.id: q for q in record.quotes}
        self.events = {e.id: e for e in record.events}

    def _entity(self, entity_id: str) -> Json:
        e = self.entities.get(entity_id)
        if e is None:
            return {"id": entity_id, "name": entity_id, "type": None}
        return {"id": e.id, "name": e.name, "type": e.type, "actor_type": e.actor_type}

    def event_date(self, event: Event) -> tuple[str | None, str | None]:
        """The day an event is placed on a timeline, and where it comes from
        (:func:`wirescope.export.acled.event_date`)."""
        return event_date(self.record, event)

    def claim_view(self, quote: Quote, *, with_events: bool = False) -> Json:
        view: Json = {
            "document_id": quote.document_id,
            **_contract(quote, "speaker_span", "span"),
            "speaker": self._entity(quote.speaker) if quote.speaker else None,
            "speaker_text": _text(self.record, quote.speaker_span),
            "content": _text(self.record, quote.span),
        }
        view["day"], view["day_via"] = claim_day(self.record, quote)
        if with_events:
            view["events"] = [
                self.event_view(e) for e in self.record.events if e.attributed_to == quote.id
            ]
        return view

    def event_view(self, event: Event) -> Json:
        place = self.places.get(event.place) if event.place else None
        time = self.times.get(event.time) if event.time else None
        quote = self.quotes.get(event.attributed_to) if event.attributed_to else None
        date, date_source = self.event_date(event)
        killed = [
            q.value if q.value is not None else q.low
            for q in event.quantities
            if q.unit == "killed" and (q.value is not None or q.low is not None)
        ]
        return {
            "document_id": event.document_id,
            **_contract(event, "span", "attributed_to"),
            "trigger": _text(self.record, event.span),
            "sentence": _text(self.record, event.sentence),
            "actors": [self._entity(a) for a in event.actors],
            "targets": [self._entity(t) for t in event.targets],
            "place": place_view(place) if place else None,
            "time": time_view(time) if time else None,
            "date": date, "date_source": date_source,
            "quantities": [
                {**derive.encode(q), "text": q.span.surface(self.record.document.text)}
                for q in event.quantities
            ],
            "killed": max((k for k in killed if k is not None), default=None),
            "claim": (
                {
                    "id": quote.id, "speaker": self._entity(quote.speaker)
                    if quote.speaker else None,
                    "speaker_text": quote.speaker_span.surface(self.record.document.text)
                    if quote.speaker_span else None,
                    "cue": quote.cue,
                }
                if quote else None
            ),
            "document": document_header(self.record),
        }


def incident_view(incident: Json, index: Callable[[str], RecordIndex | None]) -> Json:
    """An incident in the contract, with each report's document header, its main mention
    (the event view: sentence, trigger, place, time) and every mention's sentence, and each
    claim's surface text: what the incident page shows side by side."""
    view = dict(incident)
    reports = []
    for report in incident["reports"]:
        found = index(report["document"])
        item = dict(report)
        if found is not None:
            item["header"] = document_header(found.record)
            event = found.events.get(report["event"])
            item["mention"] = found.event_view(event) if event else None
            item["mentions"] = [
                {"event": e.id, "trigger": _text(found.record, e.span),
                 "sentence": _text(found.record, e.sentence or e.span)}
                for e in (found.events.get(x) for x in report.get("events", [])) if e]
        reports.append(item)
    view["reports"] = reports

    def claim(c: Json) -> Json:
        found = index(c["document"])
        text = found.record.document.text[c["span"][0]:c["span"][1]] if found else None
        return {**c, "text": text}

    for figure in view["figures"].values():
        if figure is not None:
            figure["claims"] = [claim(c) for c in figure["claims"]]
    view["contradictions"] = [{**c, "claims": [claim(x) for x in c["claims"]]}
                              for c in view["contradictions"]]
    return view


def series_view(found: Series, text_of: Callable[[str], str | None]) -> Json:
    """A figure series with each point's and each check's words (``text_of``: a document's
    text by id)."""

    def words(document: str, span: Span | None) -> Json | None:
        text = text_of(document)
        if span is None or text is None:
            return None
        return {"span": span.as_list(), "text": span.surface(text)}

    return {
        "claimant": {"id": found.claimant, "name": found.claimant_name},
        "measure": found.measure, "scope": found.scope, "since": found.since,
        "cumulative": found.cumulative,
        "points": [{"value": p.value, "low": p.low, "high": p.high, "qualifier": p.qualifier,
                    "day": p.day, "day_via": p.day_via, "document_id": p.document,
                    "event": p.event, "quote": p.quote, "count": words(p.document, p.span),
                    "since": words(p.document, p.since_span)}
                   for p in found.points],
        "flags": [{"kind": f.kind, "holds": f.holds, "message": f.message,
                   "document_id": f.document,
                   "spans": [words(f.document, s) for s in f.spans]}
                  for f in found.flags],
    }
