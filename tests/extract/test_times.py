"""times.rules.v1 end to end on short composed sentences: recognition with exact spans,
TIMEX3 values, intervals, anchoring on the publication date or a dateline, and the traps
where a number is not a time. Needs the shipped spaCy model (tense and counts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from spacy.language import Language

from wirescope.extractors.times import extract
from wirescope.records import Document, TimeExpr

PUBLISHED = dt.date(2016, 5, 27)  # a Friday, the publication day of sample 002


def _times(nlp: Language, text: str, published: dt.date | None) -> list[TimeExpr]:
    return extract(Document(id="t", text=text, published=published), nlp(text))


def _one(nlp: Language, text: str, published: dt.date | None, surface: str) -> TimeExpr:
    found = [t for t in _times(nlp, text, published) if t.text == surface]
    assert len(found) == 1, [t.text for t in _times(nlp, text, published)]
    return found[0]


def _check(record: TimeExpr, expected: dict[str, Any]) -> None:
    got = {field: getattr(record, field) for field in expected}
    assert got == expected


# (text, published, surface, expected fields); every family of the issue, anchored.
ANCHORED = [
    # absolute dates need no anchor
    ("The raid on May 20, 2016 killed six.", PUBLISHED, "May 20, 2016",
     {"value": "2016-05-20", "precision": "day", "anchor": None, "partial": False}),
    ("Wed 05 Apr 2017 Syria attack", PUBLISHED, "Wed 05 Apr 2017", {"value": "2017-04-05"}),
    ("The war began in March 2011.", PUBLISHED, "March 2011",
     {"value": "2011-03", "start": "2011-03-01", "end": "2011-03-31", "precision": "month"}),
    ("The group was founded in 2013.", PUBLISHED, "2013",
     {"value": "2013", "precision": "year", "start": "2013-01-01", "end": "2013-12-31"}),
    ("It was common in the 1990s.", PUBLISHED, "1990s", {"value": "199X"}),
    ("It happened on 2017-04-05.", PUBLISHED, "2017-04-05", {"value": "2017-04-05"}),
    ("24.08.2013 Syrian state media said", PUBLISHED, "24.08.2013", {"value": "2013-08-24"}),
    ("Filed 4/5/2017 in Aleppo.", PUBLISHED, "4/5/2017", {"value": "2017-04-05"}),
    ("The minister visited Damascus on the 5th of May.", PUBLISHED, "5th of May",
     {"value": "2016-05-05"}),
    # month-day without a year, intervals opened by "since"/"from"/"starting"
    ("Airstrikes have increased since May 20, Rudskoy said.", PUBLISHED, "May 20",
     {"value": "2016-05-20", "start": "2016-05-20", "end": None, "anchor": "published"}),
    ("Starting May 25, we reserve the right to strike.", PUBLISHED, "May 25",
     {"value": "2016-05-25", "start": "2016-05-25", "end": None}),
    ("The ceasefire introduced on February 27 does not apply.", PUBLISHED, "February 27",
     {"value": "2016-02-27", "start": "2016-02-27", "end": "2016-02-27"}),
    ("The truce holds until Sunday.", PUBLISHED, "Sunday",
     {"value": "2016-05-29", "start": None, "end": "2016-05-29"}),
    # weekdays: tense and cue words choose the direction
    ("Rudskoy said Friday that strikes had increased.", PUBLISHED, "Friday",
     {"value": "2016-05-27", "precision": "day", "anchor": "published"}),
    ("The talks will resume on Monday.", PUBLISHED, "Monday", {"value": "2016-05-30"}),
    ("The talks resumed on Monday.", PUBLISHED, "Monday", {"value": "2016-05-23"}),
    ("A 72-hour cease-fire starting Tuesday was proposed.", PUBLISHED, "Tuesday",
     {"value": "2016-05-31", "start": "2016-05-31", "end": None}),
    ("He arrived last Friday.", PUBLISHED, "last Friday", {"value": "2016-05-20"}),
    ("Talks are scheduled for next Wednesday.", PUBLISHED, "next Wednesday",
     {"value": "2016-06-01"}),
    ("Rebels attacked on Friday night.", PUBLISHED, "Friday night", {"value": "2016-05-27"}),
    # a bare gerund takes the time of the verb it hangs on
    ("The opposition accused the army of killing 40 civilians on Monday.", PUBLISHED,
     "Monday", {"value": "2016-05-23"}),
    ("Jets pounded the town, killing six people on Monday.", PUBLISHED, "Monday",
     {"value": "2016-05-23"}),
    ("The army will storm the town, targeting rebel positions on Monday.", PUBLISHED,
     "Monday", {"value": "2016-05-30"}),
    # named relative days
    ("Strikes will be delivered as from tomorrow.", PUBLISHED, "tomorrow",
     {"value": "2016-05-28", "start": "2016-05-28", "end": None}),
    ("The army shelled the town yesterday.", PUBLISHED, "yesterday", {"value": "2016-05-26"}),
    ("It began the day before yesterday.", PUBLISHED, "the day before yesterday",
     {"value": "2016-05-25"}),
    ("Officials met today.", PUBLISHED, "today", {"value": "2016-05-27"}),
    # relative calendar units
    ("The minister warned last week.", PUBLISHED, "last week",
     {"value": "2016-W20", "start": "2016-05-16", "end": "2016-05-22", "precision": "week"}),
    ("Troops withdrew last month.", PUBLISHED, "last month", {"value": "2016-04"}),
    ("They will return next year.", PUBLISHED, "next year", {"value": "2017"}),
    ("The group attacked earlier this month.", PUBLISHED, "earlier this month",
     {"value": "2016-05"}),
    ("Since Moscow started its air operation on September 30 last year, many died.", PUBLISHED,
     "September 30 last year", {"value": "2015-09-30", "precision": "day"}),
    ("The protests grew over the weekend.", PUBLISHED, "the weekend",
     {"value": "2016-W20-WE", "start": "2016-05-21", "end": "2016-05-22", "precision": "week"}),
    # months alone: tense picks the year, the nearest wins when tense says nothing
    ("The negotiations became gridlocked in April.", PUBLISHED, "April", {"value": "2016-04"}),
    ("The next round is penciled in for June.", PUBLISHED, "June", {"value": "2016-06"}),
    ("The siege began last November.", PUBLISHED, "last November", {"value": "2015-11"}),
    ("The siege began in December.", dt.date(2016, 1, 5), "December", {"value": "2015-12"}),
    ("The offensive is planned for early March.", dt.date(2016, 12, 10), "early March",
     {"value": "2017-03"}),
    ("He will travel in mid-June.", PUBLISHED, "mid-June", {"value": "2016-06"}),
    # seasons and holidays
    ("The offensive ended last winter.", PUBLISHED, "last winter",
     {"value": "2015-WI", "start": "2015-12-01", "end": "2016-02-29", "precision": "year"}),
    ("It began in the summer of 2015.", PUBLISHED, "summer of 2015", {"value": "2015-SU"}),
    ("A truce was agreed on Christmas Day.", PUBLISHED, "Christmas Day",
     {"value": "2015-12-25"}),
    ("Talks will resume after Thanksgiving.", PUBLISHED, "Thanksgiving",
     {"value": "2016-11-24"}),
    # durations (no anchor needed) and anchored stretches
    ("A 72-hour cease-fire was proposed.", PUBLISHED, "72-hour",
     {"value": "PT72H", "precision": "unknown", "anchor": None, "partial": False}),
    ("The siege lasted three days.", PUBLISHED, "three days", {"value": "P3D"}),
    ("The war has lasted five years.", PUBLISHED, "five years", {"value": "P5Y"}),
    ("Talks went on for 5 1/2 hours.", PUBLISHED, "5 1/2 hours", {"value": "PT5H30M"}),
    ("In the past four months, 1,000 people died.", PUBLISHED, "past four months",
     {"value": "P4M", "start": "2016-01-27", "end": "2016-05-27", "anchor": "published"}),
    ("Shelling continued for weeks.", PUBLISHED, "weeks", {"value": "PXW"}),
    ("Clashes erupted in recent days.", PUBLISHED, "recent days", {"value": "PXD"}),
    # offsets from the anchor
    ("He said three days ago that the town fell.", PUBLISHED, "three days ago",
     {"value": "2016-05-24"}),
    ("The alliance was founded two years ago.", PUBLISHED, "two years ago", {"value": "2014"}),
    ("It collapsed six weeks ago.", PUBLISHED, "six weeks ago", {"value": "2016-W15"}),
    ("Years ago the town was calm.", PUBLISHED, "Years ago", {"value": "PAST_REF"}),
    # sets and references
    ("Shelling happens daily.", PUBLISHED, "daily", {"value": "P1D"}),
    ("Convoys arrive every week.", PUBLISHED, "every week", {"value": "P1W"}),
    ("Aid is delivered twice a day.", PUBLISHED, "twice a day", {"value": "P1D"}),
    ("The city is now under siege.", PUBLISHED, "now", {"value": "PRESENT_REF"}),
    ("Talks may resume in the near future.", PUBLISHED, "the near future",
     {"value": "FUTURE_REF"}),
    ("Such attacks happened in the past.", PUBLISHED, "the past", {"value": "PAST_REF"}),
    # clock times join their day
    ("Explosions rocked Aleppo at 10:35 a.m. Thursday.", PUBLISHED, "10:35 a.m. Thursday",
     {"value": "2016-05-26T10:35", "precision": "day"}),
    ("The attack happened at 2000 GMT.", PUBLISHED, "2000 GMT", {"value": "2016-05-27T20:00"}),
]


@pytest.mark.parametrize(("text", "published", "surface", "expected"), ANCHORED)
def test_times_value_span_and_interval(nlp: Language, text: str, published: dt.date | None,
                                       surface: str, expected: dict[str, Any]) -> None:
    record = _one(nlp, text, published, surface)
    assert text[record.span.start : record.span.end] == surface
    _check(record, expected)


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Fighting raged from May 20 to May 25.", "May 20", "May 25"),
        ("The truce runs from Monday until Friday.", "Monday", "Friday"),
    ],
)
def test_times_range_shares_its_bounds(nlp: Language, text: str, first: str,
                                       second: str) -> None:
    opening = _one(nlp, text, PUBLISHED, first)
    closing = _one(nlp, text, PUBLISHED, second)
    assert (opening.start, opening.end) == (closing.start, closing.end)
    assert opening.start == opening.value and closing.end == closing.value


# Without a publication date: keep what the text says, mark it partial, never the clock.
UNANCHORED = [
    ("The ceasefire introduced on February 27 holds.", "February 27", "XXXX-02-27", "day"),
    ("Since Moscow started its operation on September 30 last year, it grew.",
     "September 30 last year", "XXXX-09-30", "day"),
    ("Rudskoy said Friday that strikes increased.", "Friday", "XXXX-WXX-5", "day"),
    ("Strikes start as from tomorrow.", "tomorrow", "XXXX-XX-XX", "day"),
    ("The minister warned last week.", "last week", "XXXX-WXX", "week"),
    ("Troops withdrew last year.", "last year", "XXXX", "year"),
    ("The talks were set for June.", "June", "XXXX-06", "month"),
    ("The offensive ended last winter.", "last winter", "XXXX-WI", "year"),
    ("It fell three days ago.", "three days ago", "XXXX-XX-XX", "day"),
]


@pytest.mark.parametrize(("text", "surface", "value", "precision"), UNANCHORED)
def test_times_without_publication_date_stay_partial(nlp: Language, text: str, surface: str,
                                                     value: str, precision: str) -> None:
    record = _one(nlp, text, None, surface)
    _check(record, {"value": value, "precision": precision, "partial": True, "anchor": None})


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The war began on 15 March 2011.", "15 March 2011", "2011-03-15"),
        ("A 72-hour truce was agreed.", "72-hour", "PT72H"),
        ("The city is now calm.", "now", "PRESENT_REF"),
    ],
)
def test_times_without_publication_date_absolute_values_are_whole(
    nlp: Language, text: str, surface: str, value: str
) -> None:
    _check(_one(nlp, text, None, surface), {"value": value, "partial": False})


# Datelines that announce the publication day anchor the rest when metadata has none.
DATELINES = [
    ("Wed 05 Apr 2017 Gas attack in Idlib. Doctors treated the victims, the health agency "
     "said on Wednesday.", "Wednesday", "2017-04-05"),
    ("Last updated at Jul 01 2016 BEIRUT Government troops took a district on Tuesday.",
     "Tuesday", "2016-06-28"),
    ("KABUL, Afghanistan (Jan. 25, 2013) -- Troops withdrew on Thursday.", "Thursday",
     "2013-01-24"),
    ("Posted on April 19 2017 by a staff writer. Six people were killed on Tuesday.",
     "Tuesday", "2017-04-18"),
    ("Civilians killed in Raqqa 21 November 2016 AGENCY Warplanes hit the city yesterday.",
     "yesterday", "2016-11-20"),
    ("Last updated at Apr 232017 A raid on a camp killed three on Sunday.", "Sunday",
     "2017-04-23"),
]


@pytest.mark.parametrize(("text", "surface", "value"), DATELINES)
def test_times_dateline_is_the_inferred_anchor(nlp: Language, text: str, surface: str,
                                               value: str) -> None:
    _check(_one(nlp, text, None, surface), {"value": value, "anchor": "dateline",
                                            "partial": False})


def test_times_prose_date_is_not_a_dateline(nlp: Language) -> None:
    text = "The war started on 15 March 2011 when protests began. Yesterday 20 people died."
    _check(_one(nlp, text, None, "Yesterday"), {"value": "XXXX-XX-XX", "partial": True})


def test_times_publication_date_wins_over_dateline(nlp: Language) -> None:
    text = "Wed 05 Apr 2017 Doctors treated the victims, officials said on Wednesday."
    _check(_one(nlp, text, PUBLISHED, "Wednesday"), {"value": "2016-05-25",
                                                     "anchor": "published"})


# Numbers that are not times, and words that only look like one.
TRAPS = [
    "28,000 (35 percent) have already been eliminated.",
    "Al-Nusra gathered a force of some 6,000 fighters.",
    "He said that 2000 people had fled the city.",
    "UN Security Council Resolution 2042 was adopted.",
    "The fighters were paid $1500 each.",
    "A 6-year-old boy was among the dead.",
    "May God help them, the mourners said.",
    "She led the March of the Combatant Mothers.",
    "The Arab Spring reached Syria.",
    "The offensive followed the fall of Aleppo.",
    "He quoted the film High Noon.",
    "A second attack followed.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_times_numbers_and_lookalikes_are_not_times(nlp: Language, text: str) -> None:
    assert [t.text for t in _times(nlp, text, PUBLISHED)] == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("A 72-hour cease-fire starting Tuesday.", "72-hour", "PT72H"),
        ("The 2016 elections were held.", "2016", "2016"),
        ("Between 1994 and 1997 he lived there.", "1994", "1994"),
    ],
)
def test_times_numbers_that_are_times(nlp: Language, text: str, surface: str,
                                      value: str) -> None:
    _check(_one(nlp, text, PUBLISHED, surface), {"value": value})


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [("15.04.2017(updated 2033 15.04.2017) The blast killed 70.",
      ["15.04.2017", "15.04.2017"])],  # "updated 2033" is a clock time, not the year 2033
)
def test_times_update_stamp_is_not_a_year(nlp: Language, text: str,
                                          surfaces: list[str]) -> None:
    assert [t.text for t in _times(nlp, text, None)] == surfaces


def test_times_records_carry_provenance_and_true_spans(nlp: Language) -> None:
    text = "Rudskoy said Friday that airstrikes have increased since May 20."
    found = _times(nlp, text, PUBLISHED)
    assert [t.text for t in found] == ["Friday", "May 20"]
    for record in found:
        assert record.extractor == "times.rules.v1" and record.document_id == "t"
        assert record.span.surface(text) == record.text
        assert record.id == f"time-{record.span.start}-{record.span.end}"
