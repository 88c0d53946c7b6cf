"""Calendar arithmetic for TIMEX3 values: pure functions of dates, no clock anywhere."""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import math
import re

from wirescope.extractors.times.lexicon import Holiday, lexicon

SEASON_BOUNDS: dict[str, tuple[int, int]] = lexicon().season_months
"""Meteorological seasons: first and last month (14 = February of the next year)."""


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months, clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = _cal.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    return add_months(day, 12 * years)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _cal.monthrange(year, month)[1])


def week_value(day: dt.date) -> str:
    """ISO 8601 week of ``day`` as a TIMEX3 value, e.g. ``2016-W21``."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.isoweekday() - 1)


def season_bounds(year: int, season: str) -> tuple[dt.date, dt.date]:
    first, last = SEASON_BOUNDS[season]
    start = dt.date(year, first, 1)
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return start, month_end(end_year, end_month)


def season_of(day: dt.date) -> tuple[int, str]:
    """The season holding ``day`` and the year it is labelled with (winter: its December)."""
    month = day.month
    if month in (1, 2):
        return day.year - 1, "WI"
    for code, (first, last) in SEASON_BOUNDS.items():
        if first <= month <= last:
            return day.year, code
    return day.year, "WI"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ISO ``weekday`` (1 = Monday) of a month; ``n = -1`` is the last."""
    if n > 0:
        first = dt.date(year, month, 1)
        shift = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=shift + 7 * (n - 1))
    last = month_end(year, month)
    shift = (last.isoweekday() - weekday) % 7
    return last - dt.timedelta(days=shift)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lunar = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * lunar) // 433
    month = (h + lunar - 7 * m + 90) // 25
    day = (h + lunar - 7 * m + 33 * month + 19) % 32
    return dt.date(year, month, day)


# 1 Muharram 1 AH of the tabular calendar, astronomical epoch (15 July 622 Julian).
_HIJRI_EPOCH = dt.date(622, 7, 18).toordinal()


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Tabular Islamic calendar date to Gregorian; within a day or two of the observed one."""
    days = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30
    return dt.date.fromordinal(_HIJRI_EPOCH + days - 1)


def holiday_dates(holiday: Holiday, year: int) -> list[dt.date]:
    """Dates of ``holiday`` falling in Gregorian ``year`` (Islamic ones may fall twice or not
    at all in a given year)."""
    if holiday.rule == "fixed":
        return [dt.date(year, holiday.month, holiday.day)]
    if holiday.rule == "nth_weekday":
        return [nth_weekday(year, holiday.month, holiday.weekday, holiday.n)]
    if holiday.rule == "election_day":
        return [nth_weekday(year, 11, 1, 1) + dt.timedelta(days=1)]
    if holiday.rule == "easter":
        return [easter(year) + dt.timedelta(days=holiday.offset)]
    if holiday.rule == "hijri":
        first_hijri = (year - 622) * 33 // 32  # approximate Hijri year starting in ``year``
        found = []
        for hijri_year in range(first_hijri - 1, first_hijri + 3):
            day = hijri_to_gregorian(hijri_year, holiday.month, holiday.day)
            if day.year == year:
                found.append(day)
        return found
    raise ValueError(f"unknown holiday rule {holiday.rule!r}")


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X$")


def bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by a fully specified TIMEX3 date value, else ``None``."""
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if value.endswith("-WE"):
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return monday, monday + dt.timedelta(days=6)
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), month_end(year, month)
    if m := _SEASON.match(value):
        return season_bounds(int(m[1]), m[2])
    if m := _QUARTER.match(value):
        year, quarter = int(m[1]), int(m[2])
        return dt.date(year, 3 * quarter - 2, 1), month_end(year, 3 * quarter)
    if m := _YEAR.match(value):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if m := _DECADE.match(value):
        first = int(m[1]) * 10
        return dt.date(max(first, 1), 1, 1), dt.date(first + 9, 12, 31)
    return None
