"""Hand-made predictions for scorer tests: records with exactly the items a test names."""

from __future__ import annotations

from wirescope.records import (
    Document,
    DocumentRecord,
    Entity,
    Event,
    Place,
    Quantity,
    Quote,
    Span,
    TimeExpr,
)

Range = tuple[int, int]


def at(text: str, surface: str, occurrence: int = 0) -> Range:
    """The range of the ``occurrence``-th ``surface`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def span(r: Range) -> Span:
    return Span(start=r[0], end=r[1])


def document(text: str, doc_id: str = "d1") -> Document:
    return Document(id=doc_id, text=text)


def entity(doc: Document, ent_id: str, type_: str, *mentions: Range, name: str = "") -> Entity:
    first = doc.text[mentions[0][0]:mentions[0][1]] if mentions else ent_id
    return Entity(id=ent_id, document_id=doc.id, extractor="entities.test.v1",
                  name=name or first, type=type_, actor_type=None,
                  mentions=tuple(span(m) for m in mentions))


def place(doc: Document, place_id: str, *mentions: Range, lat: float | None = None,
          lon: float | None = None, admin1: str | None = None, name: str = "",
          country: str | None = None) -> Place:
    first = doc.text[mentions[0][0]:mentions[0][1]] if mentions else place_id
    return Place(id=place_id, document_id=doc.id, extractor="places.test.v1",
                 name=name or first, lat=lat, lon=lon, country_code=country, admin1=admin1,
                 geonameid=None, precision="town", mentions=tuple(span(m) for m in mentions))


def time(doc: Document, time_id: str, where: Range, value: str | None) -> TimeExpr:
    return TimeExpr(id=time_id, document_id=doc.id, extractor="times.test.v1",
                    text=doc.text[where[0]:where[1]], span=span(where), value=value,
                    start=value, end=value, precision="day")


def quote(doc: Document, quote_id: str, where: Range, speaker: Range | None) -> Quote:
    return Quote(id=quote_id, document_id=doc.id, extractor="quotes.test.v1", speaker=None,
                 speaker_text=doc.text[speaker[0]:speaker[1]] if speaker else None,
                 speaker_span=span(speaker) if speaker else None, cue="said", kind="direct",
                 span=span(where))


def killed(doc: Document, where: Range, value: int, category: str) -> Quantity:
    return Quantity(value=value, low=None, high=None, unit="killed", category=category,
                    span=span(where))


def event(doc: Document, event_id: str, type_: str, where: Range, *,
          actors: tuple[str, ...] = (), targets: tuple[str, ...] = (),
          place_id: str | None = None, time_id: str | None = None, mode: str | None = None,
          sub_event: str | None = None, quantities: tuple[Quantity, ...] = ()) -> Event:
    return Event(id=event_id, document_id=doc.id, extractor="events.test.v1", type=type_,
                 mode=mode, acled_event_type=None, acled_sub_event_type=sub_event,
                 actors=actors, targets=targets, place=place_id, time=time_id,
                 factuality="asserted", attributed_to=None, quantities=quantities,
                 span=span(where))


def record(doc: Document, *, entities: tuple[Entity, ...] = (), places: tuple[Place, ...] = (),
           times: tuple[TimeExpr, ...] = (), quotes: tuple[Quote, ...] = (),
           events: tuple[Event, ...] = (), lead_event: str | None = None) -> DocumentRecord:
    return DocumentRecord(document=doc, entities=entities, places=places, times=times,
                          quotes=quotes, events=events, lead_event=lead_event)
