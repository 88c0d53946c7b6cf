"""Which time expression governs an event: the nearest dated expression in the event's
clause, else in its sentence, else the document's anchor at a coarser precision (and then
flagged as inherited).

Pure functions over character spans, for the events extractor: it passes the event's span,
the document's time records, its sentence spans and the anchor (:func:`document_anchor`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from wirescope.annotate.structure import clauses
from wirescope.extractors.times import calendar as cal
from wirescope.extractors.times import dateline, grammar
from wirescope.records import Document, Span, TimeExpr, TimePrecision

Level = Literal["clause", "sentence", "document", "none"]
Coarser = Literal["week", "month"]

@dataclass(frozen=True, slots=True, kw_only=True)
class Anchor:
    """The document's reference day and where it comes from."""

    day: dt.date
    source: Literal["published", "dateline"]
    time: TimeExpr | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Governing:
    time: TimeExpr | None
    """The governing expression; when inherited, the dateline's record if the anchor is a
    dateline, else ``None``."""
    value: str | None
    precision: TimePrecision
    level: Level
    inherited: bool


def document_anchor(document: Document, times: Sequence[TimeExpr]) -> Anchor | None:
    """The publication date, else the text's dateline (with its time record), else ``None``."""
    if document.published is not None:
        return Anchor(day=document.published, source="published")
    found = dateline.find(document.text, grammar.find(document.text))
    if found is None:
        return None
    record = next((t for t in times if (t.span.start, t.span.end) == (found.start, found.end)),
                  None)
    return Anchor(day=found.day, source="dateline", time=record)


def _dated(time: TimeExpr) -> bool:
    """Does the expression name a point or stretch of the calendar (not a duration, a set or
    a vague reference)?"""
    value = time.value or ""
    return bool(value) and not value.startswith("P") and not value.endswith("_REF")


def _distance(a: Span, b: Span) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0


def _containing(spans: Sequence[Span], event: Span) -> Span | None:
    for span in spans:
        if span.start <= event.start < span.end:
            return span
    return None


def _nearest(event: Span, times: Sequence[TimeExpr], within: Span) -> TimeExpr | None:
    inside = [t for t in times if within.start <= t.span.start and t.span.end <= within.end]
    if not inside:
        return None
    return min(inside, key=lambda t: (_distance(event, t.span), t.span.start))


def coarsen(day: dt.date, to: Coarser = "week") -> tuple[str, TimePrecision]:
    if to == "month":
        return f"{day.year:04d}-{day.month:02d}", "month"
    return cal.week_value(day), "week"


def governing_time(
    event: Span,
    times: Sequence[TimeExpr],
    sentences: Sequence[Span],
    text: str,
    anchor: Anchor | None,
    *,
    to: Coarser = "week",
) -> Governing:
    """The time expression governing ``event``: same clause, then same sentence (nearest
    first), else the anchor coarsened ``to`` a week or month, flagged as inherited."""
    skip = anchor.time if anchor is not None else None
    dated = [t for t in times if _dated(t) and t is not skip]
    sentence = _containing(sentences, event)
    if sentence is not None:
        clause = _containing(clauses(text, sentence), event)
        levels: tuple[tuple[Level, Span | None], ...] = (("clause", clause),
                                                          ("sentence", sentence))
        for level, within in levels:
            if within is None:
                continue
            found = _nearest(event, dated, within)
            if found is not None:
                return Governing(time=found, value=found.value, precision=found.precision,
                                 level=level, inherited=False)
    if anchor is None:
        return Governing(time=None, value=None, precision="unknown", level="none",
                         inherited=False)
    value, precision = coarsen(anchor.day, to)
    return Governing(time=anchor.time, value=value, precision=precision, level="document",
                     inherited=True)
