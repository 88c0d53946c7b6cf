"""The typed records that cross every module boundary.

Records are frozen, slotted, keyword-only dataclasses. Character spans are ``[start, end)``
offsets into :attr:`Document.text`; every extracted record carries the id of its document
and the versioned name of the extractor that produced it (its provenance).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import Any, ClassVar, Literal
from urllib.parse import urlsplit

from wirescope.errors import WirescopeError
from wirescope.meta import record, spec

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
PlaceUseKind = Literal["metonymy", "demonym", "agency"]
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


@record
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


@record
class Document:
    """One article as ingested. ``origin`` says where it came from (path, line, stdin)."""

    id: str = spec(
        "the document's id: given with the input, else made from its text", schema={"minLength": 1})
    title: str | None = spec("the headline", default=None, required=True)
    source: str | None = spec(
        "the outlet (or the source the input names)", default=None, required=True)
    url: str | None = spec("where the article was published", default=None, required=True)
    published: dt.date | None = spec(
        "the publication day (YYYY-MM-DD)", default=None, required=True)
    text: str = spec(
        "the article's text; every span is an offset into it", schema={"minLength": 1}, csv=False)
    origin: str = spec(default="", contract=False, csv=False)

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


@record
class Entity:
    id: str = spec(
        "the entity's id: kb-NAME for a knowledge-base actor (the same in every document)")
    name: str = spec("the canonical name")
    type: str = spec("person, organization, armed_group, state, group …")
    actor_type: str | None = spec(
        "state forces, rebel group, designated terrorist group, government, …")
    mentions: tuple[Span, ...] = spec(
        "every span naming the entity (names, short names, titles, pronouns)")
    role: str | None = spec(
        "a person's title or office as the text or the actor knowledge base gives it "
        "(optional, since 1.2)", default=None)
    country: str | None = spec(
        "ISO 3166-1 alpha-2 country of the actor (optional, since 1.2)", default=None,
        schema={"pattern": "^[A-Z]{2}$"})
    speaks_for: str | None = spec(
        "the entity id of the organisation (or state, or armed group) this person speaks for, "
        "by the knowledge base's roles or the text's (\"SOHR director Rami Abdel Rahman\", "
        "\"a spokesman for the Russian Defence Ministry\"): its claims include theirs "
        "(optional, since 1.16)", default=None)
    document_id: str = spec(contract=False)
    extractor: str = spec(
        required=False, absent="", schema={"$ref": "#/$defs/extractor"})


@record
class PlaceUse:
    """A mention of a place's name that does not use it as the place where something is."""

    span: Span = spec("the words of the name")
    use: PlaceUseKind = spec(
        "metonymy: the name stands for the state, its government or its people (\"Israel "
        "said\", \"relations between Israel and Europe\"); the actor extractor's entity "
        "keeps the name; demonym: a nationality word (\"Syrian forces\", \"two "
        "Palestinians\"); agency: the place a local agency is named after (\"the Juneau "
        "Police Department\", \"Marion County Sheriff's Office\"), its jurisdiction — where "
        "the story is set, not where anything happens by that mention. No event takes the "
        "place from a use")


@record
class Place:
    id: str = spec("the place's id in the document (place-GEONAMEID when resolved)")
    name: str = spec("the gazetteer name")
    lat: float | None = spec("latitude (WGS 84)", schema={"minimum": -90, "maximum": 90})
    lon: float | None = spec("longitude (WGS 84)", schema={"minimum": -180, "maximum": 180})
    country_code: str | None = spec("ISO 3166-1 alpha-2", schema={"pattern": "^[A-Z]{2}$"})
    admin1: str | None = spec("the first-level region (governorate, state)")
    geonameid: int | None = spec("the GeoNames id")
    precision: PlacePrecision | None = spec(
        "what the name denotes: point, town, district, region or country")
    mentions: tuple[Span, ...] = spec(
        "every span naming the place as a place (its literal uses: where things are or happen)")
    geo_precision: GeoPrecision | None = spec(
        "ACLED-style geo-precision: 1 the exact town or spot, 2 part of a region or near a "
        "town, 3 only the admin-1 region or country is known; null when unresolved (optional, "
        "since 1.4)", default=None)
    raw_name: str | None = spec("the name as first written in the text (optional, since 1.4)",
                                default=None)
    resolved_via: ResolvedVia | None = spec(
        "how the coordinates were found (gazetteer, supplement, imported: a GeoNames dump); "
        "'container': the text places a name the gazetteer lacks inside a known place, whose "
        "point and precision it takes (optional, since 1.4)", default=None)
    uses: tuple[PlaceUse, ...] = spec(
        "the other mentions of its name, each with how it is used (metonymy: for its state or "
        "people; demonym: a nationality word); a place named only so has no mentions "
        "(optional, since 1.18)", default=(),
        stored="json", csv=False)
    document_id: str = spec(contract=False)
    extractor: str = spec(
        required=False, absent="", schema={"$ref": "#/$defs/extractor"})


@record
class TimeExpr:
    id: str = spec("the time expression's id in the document")
    text: str = spec("the words, as written")
    span: Span = spec("where the words are")
    value: str | None = spec("TIMEX3-style value (2016-05-27, 2016-W21, XXXX-05-20)")
    start: str | None = spec("the first day it can be")
    end: str | None = spec("the last day it can be")
    precision: TimePrecision = spec("day, week, month, year or unknown")
    anchor: TimeAnchor | None = spec(
        "optional: the reference day a relative value was computed from (the publication "
        "date, or a dateline found in the text); null or absent for absolute values",
        default=None)
    partial: bool = spec(
        "optional: true when the value keeps X where only a missing anchor could tell "
        "(XXXX-05-20); never filled from the machine's clock", default=False)
    document_id: str = spec(contract=False)
    extractor: str = spec(
        required=False, absent="", schema={"$ref": "#/$defs/extractor"})


@record
class Quote:
    id: str = spec("the quote's id in the document")
    speaker: str | None = spec("the speaker's entity id")
    speaker_text: str | None = spec("the speaker as written")
    speaker_span: Span | None = spec("where the speaker is named", column="speaker")
    cue: str | None = spec("the reporting verb or phrase (said, according to)")
    kind: QuoteKind = spec("direct, indirect, mixed or according_to")
    span: Span = spec("the content (what is claimed)", surface="content")
    polarity: Polarity | None = spec(
        "whether the cue asserts or denies the content (optional, since 1.3)", default=None)
    strength: Strength | None = spec(
        "how the cue vouches for the content: claim/allege, confirm, or neutral report "
        "(optional, since 1.3)", default=None)
    document_id: str = spec(contract=False)
    extractor: str = spec(
        required=False, absent="", schema={"$ref": "#/$defs/extractor"})


@record
class Quantity:
    value: float | None = spec("the number (null when the words give none)")
    low: float | None = spec("the least it can be")
    high: float | None = spec("the most it can be")
    unit: str = spec("what is counted: killed, injured, displaced, arrested …")
    category: str | None = spec("who: civilians, children, women, fighters …")
    span: Span = spec("the words of the count", surface="text")
    qualifier: Qualifier | None = spec(
        "how the text bounds the number: at_least/more_than set low, nearly/up_to/less_than "
        "set high, about sets no bound; vague for ACLED's conventional values of vague numbers "
        "(tens 10, dozens 12, hundreds 100) and counts without a number (optional, since 1.6)",
        default=None)


@record
class Event:
    id: str = spec("the event's id in the document")
    type: str = spec("the PLOVER event type (ASSAULT, PROTEST …)")
    mode: str | None = spec("the PLOVER mode (aerial, artillery, firearms …)")
    acled_event_type: str | None = spec("the ACLED event type")
    acled_sub_event_type: str | None = spec("the ACLED sub-event type")
    actors: tuple[str, ...] = spec("the entity ids of who did it")
    targets: tuple[str, ...] = spec("the entity ids of whom it was done to")
    place: str | None = spec("the place id where it happened")
    time: str | None = spec("the time expression id of when")
    factuality: Factuality = spec(
        "whether the text says it happened: asserted, planned, threatened, attempted, "
        "ongoing, denied, negated, hypothetical")
    attributed_to: str | None = spec(
        "the id of the quote (claim) the event is reported in; null: the article's own voice")
    quantities: tuple[Quantity, ...] = spec("the counts of the event (killed, injured …)")
    span: Span = spec("the trigger: the words that name the event", surface="trigger")
    sentence: Span | None = spec(
        "the sentence the event is mentioned in; span is the trigger (optional, since 1.6)",
        default=None, surface="sentence")
    time_inherited: bool = spec(
        "no date governs the event in its clause or sentence: it inherits the document's "
        "anchor (time names the dateline, or is null when the anchor is the publication date) "
        "(optional, since 1.7)", default=False)
    place_from: str | None = spec(
        "the event's own words name no place: place is taken from this other event, the "
        "operation it happened during or a telling of the same incident (the attack a "
        "weaponless casualty report refers back to, or the same count of killed or injured a "
        "few sentences away); null when place is the event's own (optional, since 1.8)",
        default=None)
    incident: str | None = spec(
        "the incident (one real-world event, across mentions and articles) this mention "
        "reports; null for what is no incident: a statement, a plan, a threat (optional, "
        "since 1.9)", default=None)
    via: str | None = spec(
        "the rule or lexicon entry that typed the event: sense:NAME (the trigger's sense), "
        "weapon:MODE (the weapon named around it), grenade, aerial:state, "
        "territory:state|non_state|regain, abduction, agents:protester|mob, "
        "victims:civilian|protester, clash, commissive:threat|promise, content, protesters, "
        "mobilize:MODE, withdraw:territory, block:protest, threatened, planned:agree, "
        "planned:concede, refusal, antecedent (the attack a weaponless report refers back "
        "to) (optional, since 1.15)", default=None)
    tally: bool = spec(
        "a running total or a toll of several incidents (\"2,500 militants eliminated since "
        "September 30\", \"six shot in three separate incidents\"), no one incident: such "
        "an event is listed in the document's tallies, never in its events, and is never "
        "counted as an incident (optional, since 1.17)", default=False, csv=False)
    document_id: str = spec(contract=False)
    extractor: str = spec(
        required=False, absent="", schema={"$ref": "#/$defs/extractor"})


Extracted = Entity | Place | TimeExpr | Quote | Event

RECORD_TYPES: dict[Kind, type[Extracted]] = {
    "entities": Entity,
    "places": Place,
    "times": TimeExpr,
    "quotes": Quote,
    "events": Event,
}


@record
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


@record
class Note:
    """A caveat on how the text was read — not a failure (the record is whole): a stable
    ``code`` (the error codes' numbering), what happened, and where in the text."""

    code: str = spec(schema={"pattern": r"^W\d{3}$"})
    message: str = spec(schema={"minLength": 1})
    span: Span | None = spec(default=None, required=True)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message,
                "span": None if self.span is None else self.span.as_list()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Note:
        span = data.get("span")
        return cls(code=data["code"], message=data["message"],
                   span=None if span is None else Span(start=span[0], end=span[1]))


@record
class DocumentRecord:
    """A document with everything extracted from it: the unit of export and storage."""

    __contract__: ClassVar[dict[str, str]] = {"schema": SCHEMA}

    document: Document = spec(flatten=True, provides="document_id")
    entities: tuple[Entity, ...] = spec(default=(), required=True, csv=False)
    places: tuple[Place, ...] = spec(default=(), required=True, csv=False)
    times: tuple[TimeExpr, ...] = spec(default=(), required=True, csv=False)
    quotes: tuple[Quote, ...] = spec(default=(), required=True, csv=False)
    events: tuple[Event, ...] = spec(default=(), required=True, csv=False)
    tallies: tuple[Event, ...] = spec(
        "the running totals and tolls of several incidents the document gives (each an event "
        "with tally true, ids tl1, tl2 …): figures a claimant keeps over time, read by the "
        "figures tracker, never counted as incidents (optional, since 1.17)", default=(),
        stored="json", csv=False)
    extractors: tuple[str, ...] = spec(default=(), contract=False, stored="words", csv=False)
    lead_event: str | None = spec(
        "the id of the event the article is about (its headline or lead incident); null when "
        "it reports no incident (optional, since 1.9)", default=None)
    lead_via: str | None = spec(
        "the rule that chose lead_event: first_victims (the first incident mention counting "
        "killed civilians, fighters, children or women), first_fatal (else the first counting "
        "anyone killed), first_casualties (else the first counting anyone hurt or shot; since "
        "1.13), first_violence (else the first violent one) or first_incident, all read in "
        "the body; headline_count when the body's incident that gives the headline's own count "
        "of killed, hurt or shot (two or more) was read by that order (since 1.14); headline "
        "when the body reports no incident and the headline does (since 1.10) (optional, "
        "since 1.9)", default=None)
    notes: tuple[Note, ...] = spec(
        "caveats on how the text was read — not failures, the record is whole: W214 a "
        "stretch of over 150 tokens without a full stop was cut for the parser at the end of "
        "span (optional, since 1.12)", default=(), stored="json", csv=False)

    def spans(self) -> Iterable[tuple[str, Span]]:
        """Every span in the record, labelled with what it belongs to."""
        for ent in self.entities:
            for m in ent.mentions:
                yield f"entity {ent.id}", m
        for place in self.places:
            for m in place.mentions:
                yield f"place {place.id}", m
            for u in place.uses:
                yield f"place {place.id} {u.use}", u.span
        for t in self.times:
            yield f"time {t.id}", t.span
        for q in self.quotes:
            yield f"quote {q.id}", q.span
            if q.speaker_span is not None:
                yield f"quote {q.id} speaker", q.speaker_span
        for label, events in (("event", self.events), ("tally", self.tallies)):
            for ev in events:
                yield f"{label} {ev.id}", ev.span
                if ev.sentence is not None:
                    yield f"{label} {ev.id} sentence", ev.sentence
                for qty in ev.quantities:
                    yield f"{label} {ev.id} quantity", qty.span
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


@record
class Claim:
    """One report's value for an incident field, with who says it and where.

    ``value`` is a number for figures, an entity id, a day or a place name otherwise;
    ``claimant`` is the speaker entity the claim is attributed to, ``None`` when the article
    says it in its own voice."""

    value: float | str | None
    document: str
    event: str
    span: Span
    claimant: str | None = spec(
        "the speaker entity the claim is attributed to; null when the article says it in its "
        "own voice", default=None)
    claimant_name: str | None = None
    published: str | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier | None = None
    category: str | None = None
    basis: Basis | None = spec(
        "null when the words state the figure; hit_not_killed: no injured stated, so the "
        "people the article says were shot or stabbed, less those it says were killed (since "
        "1.11); died_since: the article's injured, less the rise in the killed that an article "
        "published after it gives — the wounded who died (since 1.14)", default=None)


@record
class FigureSummary:
    """Killed (or injured) in one incident: UCDP-style ``low``/``best``/``high`` and ACLED's
    ``conservative`` (the lowest credible figure), from every claim."""

    low: float | None
    best: float | None
    high: float | None
    conservative: float | None
    claims: tuple[Claim, ...] = spec(csv=False)  # (the JSON export has every claim)


@record
class Contradiction:
    field: Literal["killed", "injured", "perpetrator", "date", "place"]
    kind: ContradictionKind
    claims: tuple[Claim, ...]


@record
class IncidentPlace:
    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    precision: PlacePrecision | None
    via: PlaceVia = spec(
        "reports: a place the reports' mentions name; setting: none does, and this is the town "
        "the lead report's article is set in (the one it mentions most) (optional, since 1.12)",
        default="reports")


@record
class IncidentReport:
    """One document's mention(s) of an incident: ``event`` is its main mention."""

    document: str
    event: str
    source: str | None
    published: str | None
    origin: str
    events: tuple[str, ...] = ()  # every mention of the incident in the document
    story_time: str | None = spec(
        "when the incident's mentions state no day: the id of this document's time expression "
        "whose day the incident took (the first past day its story gives) (optional, since "
        "1.13)", default=None)


@record
class Incident:
    """One real-world event across the articles and mentions that report it."""

    __contract__: ClassVar[dict[str, str]] = {"schema": SCHEMA, "kind": "incident"}
    __doc_contract__: ClassVar[str] = (
        "one real-world event across the articles and mentions that report it (export "
        "--table incidents; since 1.9)")

    id: str
    type: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    start: str | None
    end: str | None
    date_via: DateVia | None = spec(
        "how start..end were found: reports (days the incident's mentions state), story (none "
        "states one: the first past day each report's article gives in its story, the "
        "report's story_time); null when no day is known and end is the first publication "
        "day (optional, since 1.13)", default=None)
    place: IncidentPlace | None = spec(csv_prefix="place_")
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    reports: tuple[IncidentReport, ...]
    documents: int = spec(group="sources", schema={"minimum": 1})
    independent: int = spec(group="sources", schema={"minimum": 1})
    killed: FigureSummary | None = spec(group="figures", csv_prefix="killed_")
    injured: FigureSummary | None = spec(group="figures", csv_prefix="injured_")
    contradictions: tuple[Contradiction, ...]
    grade: Grade
