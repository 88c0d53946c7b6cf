"""Normalisation without a model: calendar arithmetic, year inference, TIMEX3 values and
bounds, straight from parsed forms."""

from __future__ import annotations

import datetime as dt

import pytest

from wirescope.extractors.times import calendar as cal
from wirescope.extractors.times.grammar import Parsed
from wirescope.extractors.times.lexicon import lexicon
from wirescope.extractors.times.resolve import (
    Context,
    duration_value,
    infer_year,
    pick,
    precision_of,
    resolve,
)

FRIDAY = dt.date(2016, 5, 27)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2016, 1, 31), 1, dt.date(2016, 2, 29)),
        (dt.date(2016, 5, 27), -5, dt.date(2015, 12, 27)),
        (dt.date(2015, 12, 15), 1, dt.date(2016, 1, 15)),
    ],
)
def test_times_add_months_clamps(day: dt.date, months: int, expected: dt.date) -> None:
    assert cal.add_months(day, months) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [(dt.date(2016, 5, 27), "2016-W21"), (dt.date(2016, 1, 1), "2015-W53"),
     (dt.date(2000, 2, 16), "2000-W07")],
)
def test_times_iso_week_value(day: dt.date, expected: str) -> None:
    assert cal.week_value(day) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2016, dt.date(2016, 3, 27)), (2000, dt.date(2000, 4, 23)), (2019, dt.date(2019, 4, 21))],
)
def test_times_easter(year: int, expected: dt.date) -> None:
    assert cal.easter(year) == expected


@pytest.mark.parametrize(
    ("name", "year", "observed"),
    [("eid al-adha", 2016, dt.date(2016, 9, 12)), ("eid al-fitr", 2013, dt.date(2013, 8, 8)),
     ("thanksgiving", 1999, dt.date(1999, 11, 25)), ("election day", 1998, dt.date(1998, 11, 3))],
)
def test_times_holidays_within_two_days(name: str, year: int, observed: dt.date) -> None:
    (found,) = cal.holiday_dates(lexicon().holidays[name], year)
    assert abs((found - observed).days) <= 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-05-27", (dt.date(2016, 5, 27), dt.date(2016, 5, 27))),
        ("2016-05-27T10:35", (dt.date(2016, 5, 27), dt.date(2016, 5, 27))),
        ("2016-W21", (dt.date(2016, 5, 23), dt.date(2016, 5, 29))),
        ("2016-W21-WE", (dt.date(2016, 5, 28), dt.date(2016, 5, 29))),
        ("2016-02", (dt.date(2016, 2, 1), dt.date(2016, 2, 29))),
        ("2015-WI", (dt.date(2015, 12, 1), dt.date(2016, 2, 29))),
        ("2016-Q2", (dt.date(2016, 4, 1), dt.date(2016, 6, 30))),
        ("2016", (dt.date(2016, 1, 1), dt.date(2016, 12, 31))),
        ("199X", (dt.date(1990, 1, 1), dt.date(1999, 12, 31))),
        ("XXXX-05-20", None),
        ("P3D", None),
        ("PRESENT_REF", None),
    ],
)
def test_times_bounds_of_values(value: str,
                                expected: tuple[dt.date, dt.date] | None) -> None:
    assert cal.bounds(value) == expected


@pytest.mark.parametrize(
    ("value", "precision"),
    [("2016-05-27", "day"), ("XXXX-05-20", "day"), ("XXXX-WXX-5", "day"),
     ("2016-W21", "week"), ("2016-W21-WE", "week"), ("2016-05", "month"), ("XXXX-06", "month"),
     ("2016", "year"), ("2016-SU", "year"), ("XXXX", "year"), ("199X", "unknown"),
     ("PT72H", "unknown"), ("PAST_REF", "unknown"), (None, "unknown")],
)
def test_times_precision_of_value(value: str | None, precision: str) -> None:
    assert precision_of(value) == precision


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [(72, "H", "PT72H"), (3, "D", "P3D"), (2, "W", "P2W"), (1, "DE", "P10Y"),
     (5.5, "H", "PT5H30M"), (1.5, "Y", "P18M"), (None, "D", "PXD"), (None, "H", "PTXH"),
     (30, "MIN", "PT30M"), (1, "CE", "P100Y")],
)
def test_times_duration_values(amount: float | None, unit: str, expected: str) -> None:
    assert duration_value(amount, unit) == expected


@pytest.mark.parametrize(
    ("month", "day", "anchor", "direction", "year"),
    [
        (5, 20, FRIDAY, -1, 2016),                 # "since May 20"
        (5, 25, FRIDAY, 1, 2016),                  # "starting May 25": next year is too far
        (10, None, dt.date(1999, 4, 19), -1, 1998),  # past tense, a later month: last year
        (4, None, dt.date(1998, 12, 3), 1, 1999),    # future tense, an earlier month
        (11, 25, dt.date(2000, 1, 7), 0, 1999),    # no tense: the nearest
        (11, None, dt.date(2000, 1, 28), 1, 1999),  # future, but ten months away: nearest
        (2, 27, FRIDAY, 0, 2016),
    ],
)
def test_times_infer_year(month: int, day: int | None, anchor: dt.date, direction: int,
                          year: int) -> None:
    assert infer_year(month, day, anchor, direction) == year


def test_times_pick_direction_and_nearest() -> None:
    options = [FRIDAY - dt.timedelta(days=3), FRIDAY + dt.timedelta(days=4)]
    assert pick(options, FRIDAY, -1) == options[0]
    assert pick(options, FRIDAY, 1) == options[1]
    assert pick(options, FRIDAY, 0) == options[0]
    assert pick([FRIDAY], FRIDAY, 1, strict=True) == FRIDAY  # nothing after: the only one


@pytest.mark.parametrize(
    ("parsed", "ctx", "value", "start", "end"),
    [
        (Parsed(form="weekday", weekday=5), Context(anchor=FRIDAY, direction=-1),
         "2016-05-27", "2016-05-27", "2016-05-27"),
        (Parsed(form="weekday", weekday=2), Context(anchor=FRIDAY, direction=1, role="start"),
         "2016-05-31", "2016-05-31", None),
        (Parsed(form="weekday", weekday=5, shift=-1, has_shift=True), Context(anchor=FRIDAY),
         "2016-05-20", "2016-05-20", "2016-05-20"),
        (Parsed(form="weekday", weekday=5, shift=-1, has_shift=True, value="week"),
         Context(anchor=FRIDAY), "2016-05-20", "2016-05-20", "2016-05-20"),
        (Parsed(form="relday", shift=1, has_shift=True), Context(anchor=FRIDAY, role="start"),
         "2016-05-28", "2016-05-28", None),
        (Parsed(form="date", month=9, day=30, rel_year=-1), Context(anchor=FRIDAY),
         "2015-09-30", "2015-09-30", "2015-09-30"),
        (Parsed(form="date", month=4, day=6, weekday=4), Context(anchor=dt.date(2001, 2, 1)),
         "2000-04-06", "2000-04-06", "2000-04-06"),  # the year in which it is a Thursday
        (Parsed(form="relunit", unit="W", shift=-1, has_shift=True), Context(anchor=FRIDAY),
         "2016-W20", "2016-05-16", "2016-05-22"),
        (Parsed(form="relunit", unit="Q", shift=0, has_shift=True), Context(anchor=FRIDAY),
         "2016-Q2", "2016-04-01", "2016-06-30"),
        (Parsed(form="offset", amount=2.0, unit="DE", shift=-1), Context(anchor=FRIDAY),
         "1996", "1996-01-01", "1996-12-31"),
        (Parsed(form="focus", unit="D", shift=1),
         Context(anchor=FRIDAY, focus=dt.date(2016, 5, 1), focus_precision="day"),
         "2016-05-02", "2016-05-02", "2016-05-02"),
        (Parsed(form="focus", unit="Y", shift=0),
         Context(anchor=FRIDAY, focus=dt.date(1998, 6, 1), focus_precision="month"),
         "1998", "1998-01-01", "1998-12-31"),
        (Parsed(form="duration", amount=4.0, unit="M", span_direction=-1),
         Context(anchor=FRIDAY), "P4M", "2016-01-27", "2016-05-27"),
        (Parsed(form="holiday", holiday="christmas", shift=-1, has_shift=True),
         Context(anchor=FRIDAY), "2015-12-25", "2015-12-25", "2015-12-25"),
        (Parsed(form="season", season="SU"), Context(anchor=FRIDAY, direction=1),
         "2016-SU", "2016-06-01", "2016-08-31"),
    ],
)
def test_times_resolve_forms(parsed: Parsed, ctx: Context, value: str, start: str | None,
                             end: str | None) -> None:
    resolved = resolve(parsed, ctx)
    assert resolved is not None
    assert (resolved.value, resolved.start, resolved.end) == (value, start, end)


@pytest.mark.parametrize(
    ("parsed", "value"),
    [
        (Parsed(form="date", month=5, day=20), "XXXX-05-20"),
        (Parsed(form="date", month=9, day=30, rel_year=-1), "XXXX-09-30"),
        (Parsed(form="weekday", weekday=5), "XXXX-WXX-5"),
        (Parsed(form="relday", shift=1, has_shift=True), "XXXX-XX-XX"),
        (Parsed(form="relunit", unit="M", shift=-1, has_shift=True), "XXXX-XX"),
        (Parsed(form="holiday", holiday="christmas"), "XXXX-12-25"),
        (Parsed(form="time", clock="10:35"), "XXXX-XX-XXT10:35"),
    ],
)
def test_times_resolve_without_anchor_is_partial(parsed: Parsed, value: str) -> None:
    resolved = resolve(parsed, Context())
    assert resolved is not None
    assert (resolved.value, resolved.partial, resolved.anchored) == (value, True, False)


def test_times_resolve_rejects_impossible_day() -> None:
    assert resolve(Parsed(form="date", year=2015, month=2, day=29), Context()) is None
