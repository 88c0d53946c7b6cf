"""Recognition without a model: the grammar's spans and parsed forms, number words, and the
extents TimeML gives (modifiers in, prepositions and articles out)."""

from __future__ import annotations

import pytest

from wirescope.extractors.times import grammar


def _surfaces(text: str) -> list[str]:
    return [text[c.start : c.end] for c in grammar.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Strikes start as from tomorrow.", ["tomorrow"]),
        ("Airstrikes increased since May 20, Rudskoy said Friday.", ["May 20", "Friday"]),
        ("on September 30 last year", ["September 30 last year"]),
        ("a 72-hour cease-fire starting Tuesday", ["72-hour", "Tuesday"]),
        ("Monday, Oct. 26, was quiet.", ["Monday, Oct. 26"]),
        ("at 10:35 a.m. (0735 GMT) Friday", ["10:35 a.m.", "0735 GMT", "Friday"]),
        ("in the early 1990s", ["early 1990s"]),
        ("the summit on April 24 and 25.", ["April 24", "25"]),
        ("over the past 20 years", ["past 20 years"]),
        ("for the past two months", ["past two months"]),
        ("about 80,000 fighters", []),
        ("in late-November", ["late-November"]),
        ("Last updated at Apr 232017 An attack", ["Apr 232017"]),
        ("21.08.2013Share this page", ["21.08.2013"]),
        ("Thursday 31 July 2014 10:59 Press release", ["Thursday 31 July 2014", "10:59"]),
        ("returned to Cuba later that year", ["later that year"]),
        ("the next morning", ["the next morning"]),
        ("in the coming days", ["coming days"]),
        ("a decades-long conflict", ["decades-long"]),
    ],
)
def test_times_grammar_extents(text: str, expected: list[str]) -> None:
    assert _surfaces(text) == expected


@pytest.mark.parametrize(
    ("text", "form", "fields"),
    [
        ("May 20", "date", {"month": 5, "day": 20, "year": None}),
        ("Wed 05 Apr 2017", "date", {"year": 2017, "month": 4, "day": 5, "weekday": 3}),
        ("last Friday", "weekday", {"weekday": 5, "shift": -1, "has_shift": True}),
        ("last week", "relunit", {"unit": "W", "shift": -1}),
        ("three days ago", "offset", {"amount": 3.0, "unit": "D", "shift": -1}),
        ("two days later", "offset", {"amount": 2.0, "unit": "D", "shift": 1, "value": "focus"}),
        ("72-hour", "duration", {"amount": 72.0, "unit": "H"}),
        ("several weeks", "duration", {"amount": None, "unit": "W"}),
        ("every other week", "set", {"amount": 2.0, "unit": "W"}),
        ("early next week", "relunit", {"unit": "W", "shift": 1, "mod": "START"}),
        ("last fall", "season", {"season": "FA", "shift": -1}),
        ("Thanksgiving Day", "holiday", {"holiday": "thanksgiving day"}),
        ("9 p.m. Tuesday", "time", {"clock": "21:00", "weekday": 2}),
    ],
)
def test_times_grammar_parsed_forms(text: str, form: str, fields: dict[str, object]) -> None:
    (cand,) = grammar.find(text)
    assert (cand.start, cand.end) == (0, len(text))
    assert cand.parsed.form == form
    assert {k: getattr(cand.parsed, k) for k in fields} == fields


@pytest.mark.parametrize(
    ("text", "value"),
    [("72", 72.0), ("twenty-five", 25.0), ("5 1/2", 5.5), ("an", 1.0), ("a dozen", 12.0),
     ("two and a half", 2.5), ("1,000", 1000.0), ("umpteen", None)],
)
def test_times_grammar_number_words(text: str, value: float | None) -> None:
    assert grammar.number(text) == value


@pytest.mark.parametrize(
    "text",
    ["35 percent", "6,000 fighters", "the Arab Spring", "May God help us", "a second attack",
     "prices fall", "a 6-year-old boy", "the Long March of history", "won 3:2"],
)
def test_times_grammar_leaves_lookalikes(text: str) -> None:
    assert _surfaces(text) == []
