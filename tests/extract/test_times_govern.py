"""The time expression governing an event, from spans alone: the same clause first, then
the sentence, then the document's anchor coarsened and flagged as inherited."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from wirescope.annotate.structure import clauses
from wirescope.extractors.times import Anchor, document_anchor, governing_time
from wirescope.extractors.times.govern import coarsen
from wirescope.records import Document, Span, TimeExpr


def _span(text: str, surface: str) -> Span:
    at = text.index(surface)
    return Span(start=at, end=at + len(surface))


def _time(text: str, surface: str, value: str, precision: str = "day") -> TimeExpr:
    span = _span(text, surface)
    return TimeExpr(id=f"time-{span.start}-{span.end}", document_id="d", extractor="times.test.v1",
                    text=surface, span=span, value=value, start=None, end=None,
                    precision=precision)  # type: ignore[arg-type]


def _sentences(text: str) -> list[Span]:
    return [Span(start=m.start(), end=m.end()) for m in re.finditer(r"[^.]+\.?", text)]


TEXT = ("Rebels shelled Aleppo on Friday, and the army struck Idlib, the ministry said Sunday. "
        "Clashes continued for three days. Aid arrived. "
        "\"The army will strike again\", he said on Monday.")
TIMES = [
    _time(TEXT, "Friday", "2016-05-20"),
    _time(TEXT, "Sunday", "2016-05-22"),
    _time(TEXT, "three days", "P3D", "unknown"),
    _time(TEXT, "Monday", "2016-05-23"),
]
ANCHOR = Anchor(day=dt.date(2016, 5, 27), source="published")


@pytest.mark.parametrize(
    ("event", "value", "level", "inherited", "precision"),
    [
        ("shelled", "2016-05-20", "clause", False, "day"),    # its own clause
        ("struck", "2016-05-22", "clause", False, "day"),     # "…, and the army struck …"
        ("Clashes", "2016-W21", "document", True, "week"),    # a duration does not date an event
        ("arrived", "2016-W21", "document", True, "week"),    # nothing in its sentence
        ("strike again", "2016-05-23", "sentence", False, "day"),  # quote: the sentence's time
    ],
)
def test_times_governing_time_levels(event: str, value: str, level: str, inherited: bool,
                                     precision: str) -> None:
    found = governing_time(_span(TEXT, event), TIMES, _sentences(TEXT), TEXT, ANCHOR)
    assert (found.value, found.level, found.inherited, found.precision) == (
        value, level, inherited, precision)
    assert (found.time is None) == inherited


def test_times_governing_time_without_anchor_says_none() -> None:
    found = governing_time(_span(TEXT, "arrived"), TIMES, _sentences(TEXT), TEXT, None)
    assert (found.time, found.value, found.level, found.inherited) == (None, None, "none", False)


def test_times_governing_time_partial_value_is_kept() -> None:
    text = "Rebels attacked on Friday."
    times = [_time(text, "Friday", "XXXX-WXX-5")]
    found = governing_time(_span(text, "attacked"), times, _sentences(text), text, None)
    assert (found.value, found.level) == ("XXXX-WXX-5", "clause")


@pytest.mark.parametrize(("to", "expected"), [("week", ("2016-W21", "week")),
                                              ("month", ("2016-05", "month"))])
def test_times_coarsen_anchor(to: str, expected: tuple[str, str]) -> None:
    assert coarsen(dt.date(2016, 5, 27), to) == expected  # type: ignore[arg-type]


def test_times_clauses_split_at_conjunctions_and_quotes() -> None:
    text = "Rebels shelled Aleppo, while the army struck Idlib; \"we will win\", he said."
    pieces = [text[s.start : s.end].strip() for s in clauses(text, Span(start=0, end=len(text)))]
    assert pieces == ["Rebels shelled Aleppo", "while the army struck Idlib", "we will win",
                      ", he said."]


def test_times_document_anchor_prefers_published_then_dateline() -> None:
    text = "Wed 05 Apr 2017 Doctors treated the victims on Wednesday."
    dateline = _time(text, "Wed 05 Apr 2017", "2017-04-05")
    inferred = document_anchor(Document(id="d", text=text), [dateline])
    assert inferred == Anchor(day=dt.date(2017, 4, 5), source="dateline", time=dateline)
    published = document_anchor(Document(id="d", text=text, published=dt.date(2017, 4, 6)),
                                [dateline])
    assert published == Anchor(day=dt.date(2017, 4, 6), source="published")
    assert document_anchor(Document(id="d", text="No date here."), []) is None


def test_times_governing_inherits_the_dateline_record() -> None:
    text = "Wed 05 Apr 2017 Gas attack in Idlib. Doctors treated the victims."
    dateline = _time(text, "Wed 05 Apr 2017", "2017-04-05")
    anchor = document_anchor(Document(id="d", text=text), [dateline])
    found = governing_time(_span(text, "treated"), [dateline], _sentences(text), text, anchor)
    assert (found.time, found.value, found.inherited) == (dateline, "2017-W14", True)
