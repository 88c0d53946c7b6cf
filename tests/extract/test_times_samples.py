"""Acceptance of issue 6 on the two sample articles (read from the shared samples folder):
sample 002, published 2016-05-27, dates "since May 20" and "Friday"; sample 000 has no
publication date, so nothing may carry a year and its month-days stay partial."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language

from wirescope import samples
from wirescope.extractors.times import extract
from wirescope.records import TimeExpr


def _sample(doc_id: str, nlp: Language) -> tuple[str, list[TimeExpr]]:
    (document,) = [d for d in samples.load() if d.id == doc_id]
    return document.text, extract(document, nlp(document.text))


def test_times_sample_002_since_may_20_and_friday(samples_dir: Path, nlp: Language) -> None:
    text, found = _sample("002_78a8e296ec90cd12", nlp)
    since = [t for t in found if text[max(0, t.span.start - 6) : t.span.start].lower() == "since "]
    fridays = [t for t in found if t.text == "Friday"]
    assert [t.text for t in since] == ["May 20", "May 20"]
    assert {(t.start, t.end) for t in since} == {("2016-05-20", None)}
    assert len(fridays) == 3
    assert {(t.value, t.anchor) for t in fridays} == {("2016-05-27", "published")}


def test_times_sample_000_nothing_from_the_clock(samples_dir: Path, nlp: Language) -> None:
    text, found = _sample("000_8dde5e3359083d7f", nlp)
    assert not re.search(r"\b(?:19|20)\d\d\b", text)  # the article names no year at all
    for record in found:
        for field in (record.value, record.start, record.end):
            assert field is None or not re.search(r"\d{4}", field), record
        assert record.anchor is None
    partial = {t.text: t.value for t in found if t.partial}
    assert partial["September 30 last year"] == "XXXX-09-30"
    assert partial["February 27"] == "XXXX-02-27"
    assert {"72-hour": "PT72H"}.items() <= {t.text: t.value for t in found}.items()


@pytest.mark.parametrize("surface", ["6,000", "28,000", "35 percent", "80,000", "VII"])
def test_times_sample_000_counts_are_not_times(samples_dir: Path, nlp: Language,
                                               surface: str) -> None:
    text, found = _sample("000_8dde5e3359083d7f", nlp)
    at = text.index(surface)
    assert not [t for t in found if t.span.start < at + len(surface) and at < t.span.end]
