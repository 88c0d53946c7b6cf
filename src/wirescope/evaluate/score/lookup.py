"""Read what a record predicts: items by id, and mentions as plain ranges."""

from __future__ import annotations

from wirescope.evaluate.spans import Range
from wirescope.records import DocumentRecord, Entity, Event, Place, Span, TimeExpr


def rng(span: Span) -> Range:
    return span.start, span.end


def entities(record: DocumentRecord) -> dict[str, Entity]:
    return {e.id: e for e in record.entities}


def places(record: DocumentRecord) -> dict[str, Place]:
    return {p.id: p for p in record.places}


def times(record: DocumentRecord) -> dict[str, TimeExpr]:
    return {t.id: t for t in record.times}


def event_place(record: DocumentRecord, event: Event) -> Place | None:
    return places(record).get(event.place) if event.place else None


def event_entities(record: DocumentRecord, ids: tuple[str, ...]) -> list[Entity]:
    known = entities(record)
    return [known[i] for i in ids if i in known]


def surfaces(record: DocumentRecord, entity: Entity) -> list[str]:
    """The entity's name and the text of each of its mentions."""
    text = record.document.text
    return [entity.name, *(m.surface(text) for m in entity.mentions)]


def clip(values: list[str], limit: int = 4) -> str:
    shown = ", ".join(values[:limit])
    return (shown + ", …" if len(values) > limit else shown) or "-"
