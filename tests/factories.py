"""Hand-built records holding every kind, for store and export tests."""

from __future__ import annotations

import datetime as dt

from wirescope.records import (
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

TEXT = (
    'Rebels shelled Aleppo on Friday, killing at least 12 civilians. '
    '"We will respond," the minister said. The war has killed 400,000 people so far.'
)


def span_of(surface: str, text: str = TEXT, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return Span(start=start, end=start + len(surface))


def full_record(doc_id: str = "doc-1", text: str = TEXT) -> DocumentRecord:
    """A record with one item of every kind (and a tally), all spans true to ``TEXT``."""
    document = Document(
        id=doc_id, text=text, title="Shelling in Aleppo", source="Test Wire",
        url="https://example.org/a", published=dt.date(2016, 5, 27), origin="test",
    )
    rebels = Entity(
        id="ent-rebels", document_id=doc_id, extractor="entities.test.v1", name="Rebels",
        type="group", actor_type="rebel group", mentions=(span_of("Rebels"),),
    )
    minister = Entity(
        id="ent-minister", document_id=doc_id, extractor="entities.test.v1", name="minister",
        type="person", actor_type=None, mentions=(span_of("minister"),),
    )
    aleppo = Place(
        id="pl-aleppo", document_id=doc_id, extractor="places.test.v1", name="Aleppo",
        lat=36.2021, lon=37.1343, country_code="SY", admin1="Aleppo", geonameid=170063,
        precision="town", mentions=(span_of("Aleppo"),),
    )
    friday = TimeExpr(
        id="t1", document_id=doc_id, extractor="times.test.v1", text="Friday",
        span=span_of("Friday"), value="2016-05-27", start="2016-05-27", end="2016-05-27",
        precision="day",
    )
    quote = Quote(
        id="q1", document_id=doc_id, extractor="quotes.test.v1", speaker="ent-minister",
        speaker_text="the minister", speaker_span=span_of("the minister"), cue="said",
        kind="direct", span=span_of("We will respond,"),
    )
    shelling = Event(
        id="ev1", document_id=doc_id, extractor="events.test.v1", type="ASSAULT",
        mode="artillery", acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack", actors=("ent-rebels",),
        targets=(), place="pl-aleppo", time="t1", factuality="asserted", attributed_to=None,
        quantities=(
            Quantity(value=12, low=12, high=None, unit="killed", category="civilians",
                     span=span_of("at least 12 civilians")),
        ),
        span=span_of("Rebels shelled Aleppo on Friday, killing at least 12 civilians."),
        via="sense:shelling",
    )
    threat = Event(
        id="ev2", document_id=doc_id, extractor="events.test.v1", type="THREATEN",
        mode=None, acled_event_type=None, acled_sub_event_type=None, actors=("ent-minister",),
        targets=("ent-rebels",), place=None, time=None, factuality="threatened",
        attributed_to="q1", quantities=(), span=span_of("We will respond,"),
    )
    toll = Event(
        id="tl1", document_id=doc_id, extractor="events.test.v1", type="ASSAULT", mode=None,
        acled_event_type=None, acled_sub_event_type=None, actors=(), targets=(), place=None,
        time=None, factuality="asserted", attributed_to=None, quantities=(
            Quantity(value=400000, low=None, high=None, unit="killed", category="civilians",
                     span=span_of("400,000 people")),),
        span=span_of("killed"), tally=True)
    return DocumentRecord(
        document=document, entities=(rebels, minister), places=(aleppo,), times=(friday,),
        quotes=(quote,), events=(shelling, threat), tallies=(toll,),
        extractors=("entities.test.v1", "places.test.v1", "times.test.v1", "quotes.test.v1",
                    "events.test.v1"),
        notes=(Note(code="W214", message="cut for the parser",
                    span=span_of("Rebels shelled Aleppo on Friday,", text)),),
    )


CLAIM = '"We will respond," the minister said. '


def claims_record(n: int, per_document: int = 3) -> DocumentRecord:
    """Generated document ``gen-NNN``: ``per_document`` claims of the minister, published on
    day ``n`` from 2016-01-01 (for paging through hundreds of one speaker's claims)."""
    doc_id, text = f"gen-{n:03d}", CLAIM * per_document
    minister = Entity(
        id="ent-minister", document_id=doc_id, extractor="entities.test.v1", name="minister",
        type="person", actor_type=None,
        mentions=tuple(span_of("minister", text, i) for i in range(per_document)))
    quotes = tuple(Quote(
        id=f"q{i + 1}", document_id=doc_id, extractor="quotes.test.v1", speaker=minister.id,
        speaker_text="the minister", speaker_span=span_of("the minister", text, i),
        cue="said", kind="direct", span=span_of("We will respond,", text, i))
        for i in range(per_document))
    document = Document(id=doc_id, text=text, title=f"Claims {n}", source="Test Wire",
                        published=dt.date(2016, 1, 1) + dt.timedelta(days=n), origin="test")
    return DocumentRecord(document=document, entities=(minister,), quotes=quotes)
