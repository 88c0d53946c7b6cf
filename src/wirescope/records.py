"""The typed records that cross every module boundary.

Records are frozen, slotted, keyword-only dataclasses. Character spans are ``[start, end)``
offsets into :attr:`Document.text`; every extracted record carries the id of its document
and the versioned name of the extractor that produced it (its provenance).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

from wirescope.errors import WirescopeError

SCHEMA = "wirescope/1"

Kind = Literal["entities", "places", "times", "quotes", "events"]
KINDS: tuple[Kind, ...] = ("entities", "places", "times", "quotes", "events")

PlacePrecision = Literal["point", "town", "district", "region", "country"]
PLACE_PRECISIONS: tuple[PlacePrecision, ...] = ("point", "town", "district", "region", "country")


def precision_rank(precision: str | None) -> int:
    """Where a place precision stands, finest first (point 0 … country 4; unknown last)."""
    return PLACE_PRECISIONS.index(precision) if precision in PLACE_PRECISIONS else len(
        PLACE_PRECISIONS)

GeoPrecision = Literal[1, 2, 3]
ResolvedVia = Literal["gazetteer", "supplement", "imported", "container", "unresolved"]
TimePrecision = Literal["day", "week", "month", "year", "unknown"]
TimeAnchor = Literal["published", "dateline"]
QuoteKind = Literal["direct", "indirect", "mixed", "according_to"]
Polarity = Literal["assert", "deny"]
Strength = Literal["claim", "confirm", "report"]
Qualifier = Literal["at_least", "more_than", "about", "nearly", "up_to", "less_than", "vague"]
Factuality = Literal[
    "asserted", "planned", "threatened", "attempted", "ongoing", "denied", "negated",
    "hypothetical",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """A ``[start, end)`` character range of a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def surface(self, text: str) -> str:
        return text[self.start : self.end]

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One article as ingested. ``origin`` says where it came from (path, line, stdin)."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    origin: str = ""

    @property
    def host(self) -> str | None:
        """The web host the article was published on, without ``www.`` (an archive.org
        copy's original host)."""
        if not self.url:
            return None
        original = self.url[self.url.rfind("http"):] if self.url.count("http") > 1 else self.url
        return (urlsplit(original).hostname or "").removeprefix("www.") or None

    def fingerprint(self) -> str:
        """Hash of the text and metadata: equal fingerprints mean re-ingest is a no-op."""
        parts = (self.text, self.title, self.source, self.url, self.published)
        payload = "\x1f".join("" if p is None else str(p) for p in parts)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    id: str
    document_id: str
    extractor: str
    name: str
    type: str
    actor_type: str | None
    mentions: tuple[Span, ...]
    role: str | None = None  # a person's title or office, as the text or the KB gives it
    country: str | None = None  # ISO 3166-1 alpha-2 of the actor's state, when known


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    id: str
    document_id: str
    extractor: str
    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    geonameid: int | None
    precision: PlacePrecision | None
    mentions: tuple[Span, ...]
    geo_precision: GeoPrecision | None = None
    """ACLED-style: 1 the exact town or spot, 2 part of a region or near a town, 3 only the
    admin-1 region (or the country) is known; ``None`` when unresolved."""
    raw_name: str | None = None  # the name as first written in the text
    resolved_via: ResolvedVia | None = None
    """How the coordinates were found: gazetteer, supplement, imported (GeoNames dump),
    container (the text places an unknown name inside a known place), or unresolved."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeExpr:
    id: str
    document_id: str
    extractor: str
    text: str
    span: Span
    value: str | None
    start: str | None
    end: str | None
    precision: TimePrecision
    anchor: TimeAnchor | None = None
    """The reference day a relative value was computed from: the publication date, or a
    dateline found in the text (inferred); ``None`` for absolute values."""
    partial: bool = False
    """The value keeps ``X`` where only a missing anchor could tell (``XXXX-05-20``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    id: str
    document_id: str
    extractor: str
    speaker: str | None
    speaker_text: str | None
    speaker_span: Span | None
    cue: str | None
    kind: QuoteKind
    span: Span
    polarity: Polarity | None = None  # the cue asserts or denies
    strength: Strength | None = None  # how the cue vouches: claim, confirm or report


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    value: float | None
    low: float | None
    high: float | None
    unit: str
    category: str | None
    span: Span
    qualifier: Qualifier | None = None
    """How the text bounds the number ("at least" -> ``at_least``); ``vague`` for ACLED's
    conventional values ("dozens" = 12) and for counts without a number ("several")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    id: str
    document_id: str
    extractor: str
    type: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    place: str | None
    time: str | None
    factuality: Factuality
    attributed_to: str | None
    quantities: tuple[Quantity, ...]
    span: Span
    sentence: Span | None = None  # the sentence the event is mentioned in (``span``: trigger)
    time_inherited: bool = False
    """No date governs the event in its clause or sentence: it inherits the document's anchor
    (``time`` then names the dateline, or is ``None`` when the anchor is the publication
    date) — a coarser claim than a date of its own."""
    place_from: str | None = None
    """The id of the event whose place this one shares: the operation it happened during
    ("captured during the offensive in Afghanistan"), or another mention of the same incident
    (the attack a weaponless casualty report refers back to, or the same count of killed or
    injured a few sentences away)
    whose place this event takes because its own words name none; ``None`` when ``place``
    is the event's own."""
    incident: str | None = None
    """The real-world incident this mention reports (:mod:`wirescope.extract.incidents`
    within the article, :mod:`wirescope.resolve.incidents` across a store); ``None`` for
    what is no incident (a statement, a plan, a threat)."""
    via: str | None = None
    """The rule or lexicon entry that typed the event, for a coder to audit: the trigger's
    sense (``sense:airstrike``), the weapon named around it (``weapon:aerial``), who took
    ground (``territory:non_state``), who was attacked (``victims:civilian``), a retyping by
    factuality (``threatened``), the attack a weaponless report refers back to
    (``antecedent``) … (:mod:`wirescope.extract.events.classify`)."""


Extracted = Entity | Place | TimeExpr | Quote | Event

RECORD_TYPES: dict[Kind, type[Extracted]] = {
    "entities": Entity,
    "places": Place,
    "times": TimeExpr,
    "quotes": Quote,
    "events": Event,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Failure:
    """A document (or input item) that could not be processed, and why.

    ``document_id`` is known when the input got as far as a :class:`Document`; ``origin``
    always names the input (file, line, stdin). ``text`` keeps the decoded text when there
    was one, so nothing is lost.
    """

    origin: str
    stage: str
    code: str
    reason: str
    document_id: str | None = None
    text: str | None = None

    @classmethod
    def from_error(
        cls,
        exc: WirescopeError,
        *,
        origin: str,
        stage: str,
        document_id: str | None = None,
        text: str | None = None,
    ) -> Failure:
        reason = f"{exc.message}. Fix: {exc.hint}" if exc.hint else exc.message
        return cls(
            origin=origin, stage=stage, code=exc.code, reason=reason,
            document_id=document_id, text=text,
        )

    def describe(self) -> str:
        who = self.document_id or self.origin
        where = f" ({self.origin})" if self.document_id and self.origin else ""
        return f"{who}{where}: [{self.code}] {self.stage}: {self.reason}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Note:
    """A caveat on how the text was read — not a failure (the record is whole): a stable
    ``code`` (the error codes' numbering), what happened, and where in the text."""

    code: str
    message: str
    span: Span | None = None

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message,
                "span": None if self.span is None else self.span.as_list()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Note:
        span = data.get("span")
        return cls(code=data["code"], message=data["message"],
                   span=None if span is None else Span(start=span[0], end=span[1]))


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentRecord:
    """A document with everything extracted from it: the unit of export and storage."""

    document: Document
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    extractors: tuple[str, ...] = field(default=())
    lead_event: str | None = None
    """The id of the event the article is about (its headline or lead incident), or
    ``None`` when it reports none."""
    lead_via: str | None = None  # the rule that chose the lead event
    notes: tuple[Note, ...] = ()
    """Caveats on the reading (a sentence cut for the parser …), each with its span."""

    def spans(self) -> Iterable[tuple[str, Span]]:
        """Every span in the record, labelled with what it belongs to."""
        for ent in self.entities:
            for m in ent.mentions:
                yield f"entity {ent.id}", m
        for place in self.places:
            for m in place.mentions:
                yield f"place {place.id}", m
        for t in self.times:
            yield f"time {t.id}", t.span
        for q in self.quotes:
            yield f"quote {q.id}", q.span
            if q.speaker_span is not None:
                yield f"quote {q.id} speaker", q.speaker_span
        for ev in self.events:
            yield f"event {ev.id}", ev.span
            if ev.sentence is not None:
                yield f"event {ev.id} sentence", ev.sentence
            for qty in ev.quantities:
                yield f"event {ev.id} quantity", qty.span
        for note in self.notes:
            if note.span is not None:
                yield f"note {note.code}", note.span


Outcome = DocumentRecord | Failure


# -- incidents: one real-world event across the articles that report it ----------------------

Figure = Literal["killed", "injured"]
# How a figure no words state is read from ones they do: "hit_not_killed" — people the article
# says were shot or stabbed ("hit"), less those it says were killed, are the injured;
# "died_since" — the article's injured, less the rise in the killed an article published
# later gives (the wounded who died).
Basis = Literal["hit_not_killed", "died_since"]
FIGURES: tuple[Figure, ...] = ("killed", "injured")
Grade = Literal["single", "corroborated", "contested"]
PlaceVia = Literal["reports", "setting"]
DateVia = Literal["reports", "story"]
ContradictionKind = Literal["disagreement", "update"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One report's value for an incident field, with who says it and where.

    ``value`` is a number for figures, an entity id, a day or a place name otherwise;
    ``claimant`` is the speaker entity the claim is attributed to, ``None`` when the article
    says it in its own voice."""

    value: float | str | None
    document: str
    event: str
    span: Span
    claimant: str | None = None
    claimant_name: str | None = None
    published: str | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier | None = None
    category: str | None = None
    basis: Basis | None = None  # None: the words state the figure


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureSummary:
    """Killed (or injured) in one incident: UCDP-style ``low``/``best``/``high`` and ACLED's
    ``conservative`` (the lowest credible figure), from every claim."""

    low: float | None
    best: float | None
    high: float | None
    conservative: float | None
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Contradiction:
    field: Literal["killed", "injured", "perpetrator", "date", "place"]
    kind: ContradictionKind
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentPlace:
    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    precision: PlacePrecision | None
    via: PlaceVia = "reports"
    """``reports``: a place the reports' mentions name; ``setting``: none does, and this is
    the town the lead report's article is set in (the one it mentions most)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentReport:
    """One document's mention(s) of an incident: ``event`` is its main mention."""

    document: str
    event: str
    source: str | None
    published: str | None
    origin: str
    events: tuple[str, ...] = ()  # every mention of the incident in the document
    story_time: str | None = None  # when its mentions state no day: the time expression of
    # the document whose day the incident took (the first past day its story gives)


@dataclass(frozen=True, slots=True, kw_only=True)
class Incident:
    id: str
    type: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    start: str | None
    end: str | None
    place: IncidentPlace | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    reports: tuple[IncidentReport, ...]
    documents: int
    independent: int
    killed: FigureSummary | None
    injured: FigureSummary | None
    contradictions: tuple[Contradiction, ...]
    grade: Grade
    date_via: DateVia | None = None
    """How ``start``..``end`` were found: ``reports`` (days its mentions state), ``story``
    (none states one: the first past day each report's article gives in its story, named by
    the report's ``story_time``); ``None`` when no day is known (``end`` is then the first
    publication day)."""
