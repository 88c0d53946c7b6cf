"""Running figures: what each claimant says a total stands at, over time, and whether its
numbers add up.

Officials and monitors repeat and update running figures — settlements that joined the
reconciliation, armed groups that declared the ceasefire, militants "eliminated since
September 30" — that belong to no one incident. Here every such count becomes a **point**
of a **series** keyed by (claimant, measure, scope, since-date); each point keeps the span of
its words, so an analyst can check it against the sentence.

* **Which counts.** A count of an event attributed to a claim (a quote's speaker) that is a
  tally (the record's ``tallies``: a running total the events extractor keeps out of the
  incidents, "2,500 militants have been eliminated since September 30"), or is no
  incident of its own (an agreement, a statement, a deployment), or whose claim reads as a
  running total: words of a tally ("already", "so far", "to date", "has reached"; the
  ``running`` words of ``measures.json``), a since-date, or a toll of
  ``cumulative_count`` or more (a war's, not a day's).
* **Measure.** The first entry of ``measures.json`` whose unit, event type, victim category
  and claim words all match ("settlements" near "reconciliation" is *settlements joined the
  reconciliation*; "armed groups" accepting the ceasefire is *armed groups joined the
  ceasefire*). Settlements and armed groups are never one series.
* **Day.** A point is dated by its reporting clause's own time ("Rudskoy said Friday":
  ``day_via`` ``claim``), else by the article's publication day (``published``), else it
  is undated (``None``) and sorts last.
* **Since.** A time right after "since" or "starting" in the claim's sentence
  ("eliminated since September 30"): the series counts from that day ("the toll from
  Tuesday's strikes" is an incident's, not a since-date).
* **Checks** (:class:`Flag`): a cumulative measure whose later total falls below an earlier
  one (``falling_total``); a day's change ("in the past 24 hours", a point marked
  ``change``) that is not the difference of that day's total and the one before
  (``change_mismatch``); a percentage given beside its part and whole that does not match
  them ("28,000 (35 percent) of 80,000": 35 % holds, ``percentage`` with ``holds`` true;
  "28,000 (45 percent)" of 80,000 fails). Every check names the points or spans it rests on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from wirescope.records import DocumentRecord, Event, Quantity, Quote, Span, TimeExpr

DayVia = Literal["claim", "published"]
FlagKind = Literal["falling_total", "percentage", "change_mismatch"]


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    units: frozenset[str]
    types: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()
    cumulative: bool = False


@dataclass(frozen=True, slots=True)
class Measures:
    measures: tuple[Measure, ...]
    since: tuple[str, ...]
    running: tuple[str, ...]
    changes: tuple[str, ...]


@lru_cache(maxsize=1)
def measures() -> Measures:
    data = json.loads(resources.files("wirescope.resolve").joinpath("measures.json")
                      .read_text(encoding="utf-8"))
    return Measures(
        measures=tuple(Measure(name=m["name"], units=frozenset(m["units"]),
                               types=frozenset(m.get("types", ())),
                               categories=frozenset(m.get("categories", ())),
                               words=tuple(m.get("words", ())),
                               cumulative=bool(m.get("cumulative", False)))
                       for m in data["measures"]),
        since=tuple(data["since"]), running=tuple(data["running"]),
        changes=tuple(data["changes"]))


@dataclass(frozen=True, slots=True)
class Point:
    """One figure a claimant gave: its number, where the words are, and when it was said."""

    value: float
    low: float | None
    high: float | None
    qualifier: str | None
    measure: str
    claimant: str | None  # the speaker's entity id
    claimant_name: str | None
    document: str
    event: str
    quote: str
    span: Span  # the words of the count
    day: str | None
    day_via: DayVia | None
    scope: str | None  # the place the figure is about, by name
    since: str | None  # the day the running total counts from
    since_span: Span | None = None
    change: bool = False  # a day's change ("in the past 24 hours"), not a total


@dataclass(frozen=True, slots=True)
class Flag:
    """A check on a series or on one claim's arithmetic, with what it rests on."""

    kind: FlagKind
    holds: bool
    message: str
    document: str
    spans: tuple[Span, ...]
    points: tuple[Point, ...] = ()


@dataclass(slots=True)
class Series:
    claimant: str | None
    claimant_name: str | None
    measure: str
    scope: str | None
    since: str | None
    cumulative: bool
    points: list[Point] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.claimant or self.claimant_name or "", self.measure, self.scope or "",
                self.since or "")


def _sentence(text: str, span: Span) -> Span:
    """The sentence (or line) around ``span``: from after the last full stop or line break
    before it to the next one after it."""
    start = max(text.rfind("\n", 0, span.start), *(
        text.rfind(stop, 0, span.start) for stop in (". ", "? ", "! "))) + 1
    ends = [i for i in (text.find("\n", span.end), *(text.find(stop, span.end)
                                                     for stop in (". ", "? ", "! ")))
            if i >= 0]
    return Span(start=start, end=min(ends) if ends else len(text))


def measure_of(event: Event, quantity: Quantity, words: str) -> Measure | None:
    """The measure a count is of: the first of ``measures.json`` whose conditions hold."""
    folded = words.casefold()
    for found in measures().measures:
        if quantity.unit not in found.units:
            continue
        if found.types and event.type not in found.types:
            continue
        if found.categories and quantity.category not in found.categories and not (
                quantity.category is None and any(c in folded for c in found.categories)):
            continue  # (a bare "28,000" of "80,000 fighters, of whom 28,000": the words')
        if found.words and not any(w in folded for w in found.words):
            continue
        return found
    return None


_WORDS = re.compile(r"[\w-]+")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[int, frozenset[str]]:
    """The events lexicon's toll too large for one incident, and its words of a tally
    (imported here: the store reads claim days without loading the extractors)."""
    from wirescope.extractors.events.lexicon import triggers

    found = triggers()
    return found.cumulative_count, found.cumulative_adverbs


def _said(words: str, phrases: Iterable[str]) -> bool:
    """Do the words hold one of the phrases (whole words, any case)?"""
    folded = " " + " ".join(_WORDS.findall(words.casefold())) + " "
    return any(f" {w} " in folded for w in phrases)


def _running(words: str) -> bool:
    """Do the words tell a tally: the ``running`` words of ``measures.json`` or the events
    lexicon's cumulative adverbs ("so far", "this month"), or a day's change of one?"""
    return _said(words, (*measures().running, *_lexicon()[1], *measures().changes))


def _since(text: str, sentence: Span, times: Sequence[TimeExpr]) -> TimeExpr | None:
    """The time a running total counts from: one right after "since", "starting" …"""
    for time in times:
        if not sentence.start <= time.span.start < sentence.end:
            continue
        before = text[max(sentence.start, time.span.start - 12) : time.span.start].casefold()
        if any(before.rstrip().endswith(w) for w in measures().since) and (
                time.start or time.value):
            return time
    return None


def _clause_day(quote: Quote, sentence: Span, times: Sequence[TimeExpr]) -> str | None:
    """The day of the reporting clause: a time of the claim's sentence outside what is
    claimed ("Rudskoy said Friday"), resolved to one day."""
    for time in times:
        inside = quote.span.start <= time.span.start < quote.span.end
        if (sentence.start <= time.span.start < sentence.end and not inside
                and time.precision == "day" and time.start):
            return time.start
    return None


def claim_day(record: DocumentRecord, quote: Quote) -> tuple[str | None, DayVia | None]:
    """The day a claim was made, and what says so: its reporting clause's own day
    (``claim``: "Rudskoy said on Friday"), else the article's publication day
    (``published``), else unknown (``None``, ``None``)."""
    text = record.document.text
    sentence = _sentence(text, quote.speaker_span or quote.span)
    sentence = Span(start=min(sentence.start, quote.span.start),
                    end=max(sentence.end, quote.span.end))
    if day := _clause_day(quote, sentence, record.times):
        return day, "claim"
    if record.document.published is not None:
        return record.document.published.isoformat(), "published"
    return None, None


def points(record: DocumentRecord) -> list[Point]:
    """The running figures a document's claims give."""
    text = record.document.text
    quotes = {q.id: q for q in record.quotes}
    names = {e.id: e.name for e in record.entities}
    places = {p.id: p.name for p in record.places}
    limit = _lexicon()[0]
    found: list[Point] = []
    for event in (*record.events, *record.tallies):
        quote = quotes.get(event.attributed_to or "")
        if quote is None:
            continue
        for quantity in event.quantities:
            if quantity.value is None:
                continue
            sentence = _sentence(text, quantity.span)
            words = text[min(sentence.start, quote.span.start) : max(sentence.end,
                                                                    quote.span.end)]
            since = _since(text, sentence, record.times)
            running = (event.tally or event.incident is None or since is not None or _running(
                text[sentence.start : sentence.end]) or quantity.value >= limit)
            measure = measure_of(event, quantity, words) if running else None
            if measure is None:
                continue
            day, via = claim_day(record, quote)
            found.append(Point(
                value=quantity.value, low=quantity.low, high=quantity.high,
                qualifier=quantity.qualifier, measure=measure.name, claimant=quote.speaker,
                claimant_name=names.get(quote.speaker or "") or quote.speaker_text,
                document=record.document.id, event=event.id, quote=quote.id,
                span=quantity.span, day=day, day_via=via,
                scope=places.get(event.place or ""),
                since=(since.start or since.value) if since else None,
                since_span=since.span if since else None,
                change=_said(text[sentence.start : sentence.end], measures().changes)))
    return found


def _when(point: Point) -> tuple[bool, str, str, int]:
    return (point.day is None, point.day or "", point.document, point.span.start)


def figures(record: DocumentRecord) -> tuple[list[Point], list[Flag]]:
    """What one document adds to the series: its points and its claims' arithmetic."""
    return points(record), percentages(record)


def series(records: Iterable[DocumentRecord]) -> list[Series]:
    """The series of every claimant and measure over ``records``, each with its checks; the
    checks of a claim's own arithmetic (:func:`percentages`) go with its series."""
    return series_of(figures(r) for r in records)


def series_of(found: Iterable[tuple[Sequence[Point], Sequence[Flag]]]) -> list[Series]:
    """The series over each document's :func:`figures` (as a store keeps them: no record
    needs reading again)."""
    cumulative = {m.name: m.cumulative for m in measures().measures}
    by_key: dict[tuple[str, str, str, str], Series] = {}
    arithmetic: list[Flag] = []
    for own, checks in found:
        for point in own:
            item = Series(claimant=point.claimant, claimant_name=point.claimant_name,
                          measure=point.measure, scope=point.scope, since=point.since,
                          cumulative=cumulative.get(point.measure, False))
            by_key.setdefault(item.key, item).points.append(point)
        arithmetic += checks
    for item in by_key.values():
        item.points.sort(key=_when)
        if item.cumulative:
            item.flags += falling([p for p in item.points if not p.change])
            item.flags += changes(item.points)
        starts: dict[str, list[int]] = {}
        for p in item.points:
            starts.setdefault(p.document, []).append(p.span.start)
        item.flags += [f for f in arithmetic
                       if any(s.start <= start < s.end for s in f.spans
                              for start in starts.get(f.document, ()))]
    return sorted(by_key.values(), key=lambda s: (s.claimant_name or "", s.measure,
                                                  s.scope or "", s.since or ""))


def falling(ordered: Sequence[Point]) -> list[Flag]:
    """A running total that falls: each dated point below the largest dated one before it
    (a total only grows; the later, smaller figure is a correction or an error to check)."""
    flags = []
    top: Point | None = None
    for point in ordered:
        if point.day is None:
            continue
        if top is not None and point.value < top.value and point.day > (top.day or ""):
            flags.append(Flag(
                kind="falling_total", holds=False, document=point.document,
                spans=(top.span, point.span), points=(top, point),
                message=f"{point.measure}: {number_text(point.value)} on {point.day} is below "
                        f"{number_text(top.value)} on {top.day}"))
        if top is None or point.value >= top.value:
            top = point
    return flags


def changes(ordered: Sequence[Point]) -> list[Flag]:
    """Each day's change a claimant gives ("12 more settlements joined in the past 24
    hours") checked against the difference of its totals: its total that day less its
    latest total of an earlier day (holds, or ``change_mismatch`` flagged)."""
    totals = [p for p in ordered if not p.change and p.day]
    flags = []
    for change in (p for p in ordered if p.change and p.day):
        today = [t for t in totals if t.day == change.day]
        before = [t for t in totals if (t.day or "") < (change.day or "")]
        if not today or not before:
            continue
        now, then = today[-1], before[-1]
        holds = now.value - then.value == change.value
        flags.append(Flag(
            kind="change_mismatch", holds=holds, document=change.document,
            spans=(then.span, now.span, change.span), points=(then, now, change),
            message=f"{change.measure}: {number_text(now.value)} on {now.day} less "
                    f"{number_text(then.value)} on {then.day} is "
                    f"{number_text(now.value - then.value)}"
                    f"; the day's change given is {number_text(change.value)} "
                    f"({'holds' if holds else 'does not hold'})"))
    return flags


_NUMBER = r"\d{1,3}(?:[,  ]\d{3})+|\d+(?:\.\d+)?"
# "80,000 fighters, of whom 28,000 (35 percent)": a whole, then a part with its percentage.
_OF_WHOM = re.compile(
    rf"(?P<whole>{_NUMBER})\s+[^\d.;]{{0,40}}?,?\s+of\s+(?:whom|which|them)\s+"
    rf"(?:\w+\s+){{0,2}}?(?P<part>{_NUMBER})\s*\(\s*(?P<pct>{_NUMBER})\s*(?:%|per\s?cent)\s*\)",
    re.IGNORECASE)
# "28,000 (35 percent) of 80,000", "28,000, or 35%, of the 80,000": a part, its percentage,
# then the whole.
_PART_OF = re.compile(
    rf"(?P<part>{_NUMBER})\s*(?:\(\s*|,\s*or\s+)(?P<pct>{_NUMBER})\s*(?:%|per\s?cent)\s*\)?,?"
    rf"\s+of\s+(?:the\s+|all\s+)?(?P<whole>{_NUMBER})",
    re.IGNORECASE)
PERCENT_SLACK = 1.0  # percentage points a rounded percentage may be off by


def _value(words: str) -> float:
    return float(re.sub(r"[,  ]", "", words))


def number_text(value: float) -> str:
    """A figure as a reader writes it: 28,000; 2.5."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def percentages(record: DocumentRecord) -> list[Flag]:
    """Each percentage a text gives beside its part and its whole, checked: does the part
    make that share of the whole (to within :data:`PERCENT_SLACK` points)?"""
    text = record.document.text
    flags = []
    for pattern in (_OF_WHOM, _PART_OF):
        for match in pattern.finditer(text):
            part, whole, pct = (_value(match.group(g)) for g in ("part", "whole", "pct"))
            if not whole or part > whole:
                continue
            share = 100.0 * part / whole
            holds = abs(share - pct) <= PERCENT_SLACK
            flags.append(Flag(
                kind="percentage", holds=holds, document=record.document.id,
                spans=tuple(Span(start=match.start(g), end=match.end(g))
                            for g in ("part", "pct", "whole")),
                message=f"{number_text(part)} of {number_text(whole)} is {share:.1f} %; the text "
                        f"says {number_text(pct)} % ({'holds' if holds else 'does not hold'})"))
    return flags


def chosen(found: Iterable[Series], *, speaker: str | None = None,
           speaker_ids: Iterable[str] = (), measure: str | None = None) -> list[Series]:
    """The series of a speaker (any of the knowledge-base ids ``speaker_ids`` its name or
    alias resolves to, or the name as written) and of a measure (by its start, any case)."""
    ids = frozenset(speaker_ids)
    return [s for s in found
            if (not speaker or s.claimant in ids
                or (s.claimant_name or "").casefold() == speaker.casefold())
            and (not measure or s.measure.startswith(measure.casefold()))]


def encode(found: tuple[Sequence[Point], Sequence[Flag]]) -> str:
    """A document's :func:`figures` as JSON, for the store to keep ("" when it has none)."""
    own, checks = found
    if not own and not checks:
        return ""
    return json.dumps({"points": [_point_json(p) for p in own],
                       "flags": [{"kind": f.kind, "holds": f.holds, "message": f.message,
                                  "document": f.document,
                                  "spans": [s.as_list() for s in f.spans],
                                  "points": [_point_json(p) for p in f.points]}
                                 for f in checks]}, separators=(",", ":"))


def decode(data: str) -> tuple[list[Point], list[Flag]]:
    """The inverse of :func:`encode`."""
    if not data:
        return [], []
    found = json.loads(data)
    return ([_point(p) for p in found["points"]],
            [Flag(kind=f["kind"], holds=f["holds"], message=f["message"],
                  document=f["document"], spans=tuple(Span(start=a, end=b)
                                                      for a, b in f["spans"]),
                  points=tuple(_point(p) for p in f["points"])) for f in found["flags"]])


def _point_json(point: Point) -> dict[str, object]:
    data = {name: getattr(point, name) for name in Point.__dataclass_fields__}
    data["span"] = point.span.as_list()
    data["since_span"] = point.since_span.as_list() if point.since_span else None
    return data


def _point(data: dict[str, Any]) -> Point:
    span, since = data["span"], data["since_span"]
    return Point(**{**data, "span": Span(start=span[0], end=span[1]),
                    "since_span": Span(start=since[0], end=since[1]) if since else None})
