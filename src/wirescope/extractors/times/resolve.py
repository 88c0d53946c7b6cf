"""Normalisation: a parsed expression plus its context -> a TIMEX3 value, bounds, precision.

Relative expressions are anchored on :attr:`Context.anchor` (the publication date or an
inferred dateline) and, for "the next day"-like ones, on :attr:`Context.focus` (the last day
the narrative named). Without an anchor the value keeps what the text says, with ``X`` for
the rest (``XXXX-05-20``, ``XXXX-WXX-5``) and ``partial`` set: the machine's clock is never
read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from wirescope.extractors.times import calendar as cal
from wirescope.extractors.times.grammar import LEX, Parsed
from wirescope.records import TimePrecision

Role = Literal["start", "end"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    anchor: dt.date | None = None
    direction: int = 0
    """-1: the text points to the past of the anchor, +1: to its future, 0: unknown."""
    focus: dt.date | None = None
    """First day of the last calendar expression the text named (its reference time)."""
    focus_precision: TimePrecision = "unknown"
    focus_anchored: bool = False
    role: Role | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolved:
    value: str | None
    start: str | None
    end: str | None
    precision: TimePrecision
    partial: bool
    anchored: bool
    first: dt.date | None
    """The first day the value covers, when it is a calendar value (the next focus)."""


_PRECISION: tuple[tuple[re.Pattern[str], TimePrecision], ...] = (
    (re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)(?:T.*)?$"), "day"),
    (re.compile(r"^(?:\d{4}|XXXX)-W(?:\d\d|XX)-(?:[1-7]|WE)(?:T.*)?$"), "day"),
    (re.compile(r"^(?:\d{4}|XXXX)-W(?:\d\d|XX)$"), "week"),
    (re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)$"), "month"),
    (re.compile(r"^(?:\d{4}|XXXX)(?:-(?:SP|SU|FA|WI|Q[1-4X]))?$"), "year"),
)


def precision_of(value: str | None) -> TimePrecision:
    """Granularity of a TIMEX3 date value; a weekend counts as a week."""
    if value is None:
        return "unknown"
    if value.endswith("-WE"):
        return "week"
    for pattern, precision in _PRECISION:
        if pattern.match(value):
            return precision
    return "unknown"


def duration_value(amount: float | None, unit: str) -> str:
    """``PT72H``, ``P3D``, ``P10Y`` (a decade), ``PXD`` for a vague amount."""
    scale = {"DE": ("Y", 10), "CE": ("Y", 100), "2W": ("W", 2)}
    code, factor = scale.get(unit, (unit, 1))
    timed = code in ("H", "MIN", "S")
    letter = "M" if code == "MIN" else code
    if amount is None:
        return f"PTX{letter}" if timed else f"PX{letter}"
    total = amount * factor
    if total != int(total):
        smaller = {"Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60)}
        if code in smaller and code != "H":
            lower, mult = smaller[code]
            return duration_value(total * mult, lower)
        if code == "H":
            hours, minutes = int(total), round((total - int(total)) * 60)
            return f"PT{hours}H{minutes}M"
        return f"PT{total:g}{letter}" if timed else f"P{total:g}{letter}"
    return f"PT{int(total)}{letter}" if timed else f"P{int(total)}{letter}"


def _shift(day: dt.date, amount: int, unit: str) -> dt.date:
    if unit == "D":
        return day + dt.timedelta(days=amount)
    if unit in ("W", "WE"):
        return day + dt.timedelta(weeks=amount)
    if unit == "2W":
        return day + dt.timedelta(weeks=2 * amount)
    if unit == "M":
        return cal.add_months(day, amount)
    if unit == "Q":
        return cal.add_months(day, 3 * amount)
    factor = {"Y": 1, "DE": 10, "CE": 100}.get(unit)
    if factor is not None:
        return cal.add_years(day, factor * amount)
    return day  # hours, minutes and seconds stay on the day


def _unit_value(day: dt.date, unit: str) -> str:
    if unit == "D":
        return day.isoformat()
    if unit in ("W", "2W"):
        return cal.week_value(day)
    if unit == "WE":
        return cal.week_value(day) + "-WE"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{day.year // 10}X"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    if unit in ("H", "MIN", "S"):
        return day.isoformat()
    return f"{day.year:04d}"


_PARTIAL = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "2W": "XXXX-WXX", "WE": "XXXX-WXX-WE",
            "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX", "DE": "XXXX", "CE": "XXXX",
            "H": "XXXX-XX-XX", "MIN": "XXXX-XX-XX", "S": "XXXX-XX-XX"}


FAR = 270
"""Days beyond which a tense-chosen date yields to the nearest one (tense attachment is
noisier than the habit of news to speak of the months around the publication day)."""


def infer_year(month: int, day: int | None, anchor: dt.date, direction: int) -> int:
    """Year of a month (and day) named without one: the latest not after the anchor when the
    text points to the past, the earliest not before it when it points to the future, unless
    that lies more than :data:`FAR` days away; otherwise the nearest."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)

    def stretch(year: int) -> tuple[dt.date, dt.date]:
        if day is None:
            return dt.date(year, month, 1), cal.month_end(year, month)
        exact = _safe_date(year, month, day) or cal.month_end(year, month)
        return exact, exact

    def gap(year: int) -> int:
        first, last = stretch(year)
        if first <= anchor <= last:
            return 0
        return min(abs((first - anchor).days), abs((last - anchor).days))

    nearest = min(years, key=lambda y: (gap(y), y > anchor.year))
    if direction < 0:
        chosen = max(y for y in years if stretch(y)[0] <= anchor)
    elif direction > 0:
        chosen = min(y for y in years if stretch(y)[1] >= anchor)
    else:
        return nearest
    return chosen if gap(chosen) <= FAR else nearest


def _weekday_year(parsed: Parsed, anchor: dt.date, inferred: int) -> int:
    """"Monday, Oct. 26": the year near the anchor in which that day is a Monday, if any."""
    fits = [y for y in (inferred, anchor.year, anchor.year - 1, anchor.year + 1)
            if (day := _safe_date(y, parsed.month or 1, parsed.day or 1)) is not None
            and day.isoweekday() == parsed.weekday]
    return fits[0] if fits else inferred


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def pick(options: list[dt.date], anchor: dt.date, direction: int, strict: bool = False) -> dt.date:
    """The option the direction points to: latest not after the anchor (past), earliest not
    before it (future), else the nearest (ties go to the past)."""
    nearest = min(options, key=lambda d: (abs((d - anchor).days), d > anchor))
    past = [d for d in options if d < anchor or (d == anchor and not strict)]
    future = [d for d in options if d > anchor or (d == anchor and not strict)]
    chosen = nearest
    if direction < 0 and past:
        chosen = max(past)
    elif direction > 0 and future:
        chosen = min(future)
    if not strict and abs((chosen - anchor).days) > FAR:
        return nearest
    return chosen


def _weekday_date(parsed: Parsed, anchor: dt.date, direction: int) -> dt.date:
    wd = parsed.weekday or 1
    if parsed.value == "week":  # "Friday last week"
        monday = cal.week_start(anchor) + dt.timedelta(weeks=parsed.shift)
        return monday + dt.timedelta(days=wd - 1)
    if parsed.has_shift and parsed.shift == 0:  # "this Friday"
        return cal.week_start(anchor) + dt.timedelta(days=wd - 1)
    options = [anchor + dt.timedelta(days=k) for k in range(-7, 8)]
    options = [d for d in options if d.isoweekday() == wd]
    if parsed.has_shift:
        return pick(options, anchor, parsed.shift, strict=True)
    return pick([d for d in options if abs((d - anchor).days) < 7], anchor, direction)


def _weekend(parsed: Parsed, anchor: dt.date, direction: int) -> dt.date:
    monday = cal.week_start(anchor)
    if parsed.has_shift:
        return monday + dt.timedelta(weeks=parsed.shift)
    if direction < 0 and anchor.isoweekday() < 6:
        return monday - dt.timedelta(weeks=1)
    if direction == 0 and anchor.isoweekday() <= 3:
        return monday - dt.timedelta(weeks=1)
    return monday


def _season_options(code: str, around: int) -> list[tuple[dt.date, dt.date, int]]:
    return [(*cal.season_bounds(y, code), y) for y in range(around - 2, around + 2)]


def _season_year(parsed: Parsed, anchor: dt.date, direction: int) -> int:
    code = parsed.season or "SU"
    options = _season_options(code, anchor.year)
    if parsed.has_shift and parsed.shift < 0:
        return max(y for start, end, y in options if end < anchor)
    if parsed.has_shift and parsed.shift > 0:
        return min(y for start, end, y in options if start > anchor)
    if direction < 0:
        return max(y for start, end, y in options if start <= anchor)
    if direction > 0:
        return min(y for start, end, y in options if end >= anchor)
    current_year, current = cal.season_of(anchor)
    return current_year if current == code else anchor.year


def _holiday(parsed: Parsed, anchor: dt.date | None, direction: int) -> str | None:
    rule = LEX.holidays[parsed.holiday or ""]
    if parsed.year is not None:
        found = cal.holiday_dates(rule, parsed.year)
        return found[0].isoformat() if found else str(parsed.year)
    if anchor is None:
        if rule.rule == "fixed":
            return f"XXXX-{rule.month:02d}-{rule.day:02d}"
        return "XXXX-XX-XX"
    options = [d for y in range(anchor.year - 1, anchor.year + 2)
               for d in cal.holiday_dates(rule, y)]
    if parsed.has_shift and parsed.shift == 0:
        this_year = [d for d in options if d.year == anchor.year]
        return (this_year or options)[0].isoformat()
    shift = parsed.shift if parsed.has_shift else direction
    return pick(options, anchor, shift, strict=parsed.has_shift).isoformat()


def _at(value: str, clock: str | None) -> str:
    """A clock time joins the day (``2016-05-27T10:35``). A part of the day ("Friday night")
    does not: the value stays the day, which is what events are dated by."""
    return f"{value}T{clock}" if clock else value


def _value(parsed: Parsed, ctx: Context) -> tuple[str | None, bool]:
    """The TIMEX3 value and whether the document anchor was used to compute it."""
    anchor, direction, form = ctx.anchor, ctx.direction, parsed.form
    if form == "date":
        year = parsed.year
        if year is None and anchor is not None:
            if parsed.rel_year is not None:
                year = anchor.year + parsed.rel_year
            elif parsed.has_shift:
                month = parsed.month or 1
                if parsed.shift < 0:
                    year = anchor.year if month < anchor.month else anchor.year - 1
                elif parsed.shift > 0:
                    year = anchor.year if month > anchor.month else anchor.year + 1
                else:
                    year = anchor.year
            else:
                year = infer_year(parsed.month or 1, parsed.day, anchor, direction)
                if parsed.weekday is not None and parsed.day is not None:
                    year = _weekday_year(parsed, anchor, year)
        used = parsed.year is None and year is not None
        head = "XXXX" if year is None else f"{year:04d}"
        if parsed.day is None:
            return f"{head}-{parsed.month:02d}", used
        if year is not None and _safe_date(year, parsed.month or 1, parsed.day) is None:
            return None, used
        return f"{head}-{parsed.month:02d}-{parsed.day:02d}", used
    if form == "year":
        return f"{parsed.year:04d}", False
    if form in ("decade", "ref"):
        return parsed.value, False
    if form == "set":
        return parsed.value or duration_value(parsed.amount, parsed.unit or "D"), False
    if form == "duration":
        return duration_value(parsed.amount, parsed.unit or "D"), False
    if form == "weekday":
        if anchor is None:
            return f"XXXX-WXX-{parsed.weekday}", False
        return _weekday_date(parsed, anchor, direction).isoformat(), True
    if form == "relday":
        if anchor is None:
            return "XXXX-XX-XX", False
        day = anchor + dt.timedelta(days=parsed.shift)
        return day.isoformat(), True
    if form == "relunit":
        unit = parsed.unit or "D"
        if anchor is None:
            return _PARTIAL.get(unit, "XXXX"), False
        if unit == "WE":
            return cal.week_value(_weekend(parsed, anchor, direction)) + "-WE", True
        return _unit_value(_shift(anchor, parsed.shift, unit), unit), True
    if form == "season":
        code = parsed.season or "SU"
        if parsed.year is not None:
            return f"{parsed.year:04d}-{code}", False
        if anchor is None:
            return f"XXXX-{code}", False
        return f"{_season_year(parsed, anchor, direction):04d}-{code}", True
    if form == "holiday":
        return _holiday(parsed, anchor, direction), anchor is not None and parsed.year is None
    if form == "offset":
        if parsed.unit in ("H", "MIN", "S"):  # "an hour later": a duration, not a day
            return duration_value(parsed.amount, parsed.unit or "H"), False
        if parsed.amount is None:
            return ("PAST_REF" if parsed.shift < 0 else "FUTURE_REF"), False
        use_focus = parsed.value == "focus" and ctx.focus is not None
        base = ctx.focus if use_focus else anchor
        unit = parsed.unit or "D"
        if base is None:
            return _PARTIAL.get(unit, "XXXX"), False
        amount = parsed.amount
        if unit in ("DE", "CE"):  # "a decade ago" names a year
            amount, unit = amount * (10 if unit == "DE" else 100), "Y"
        if amount != int(amount) and unit == "Y":
            amount, unit = amount * 12, "M"
        day = _shift(base, parsed.shift * round(amount), unit)
        return _unit_value(day, unit), (ctx.focus_anchored if use_focus else True)
    if form == "focus":
        unit = parsed.unit or "D"
        usable = ctx.focus is not None and (unit != "D" or ctx.focus_precision == "day")
        base = ctx.focus if usable else anchor
        if base is None:
            return _PARTIAL.get(unit, "XXXX"), False
        day = _shift(base, parsed.shift, unit)
        value = _unit_value(day, unit)
        anchored = ctx.focus_anchored if usable else True
        return value, anchored
    if form == "time":
        if parsed.weekday is not None:
            sub = Parsed(form="weekday", weekday=parsed.weekday)
            day_value, used = _value(sub, ctx)
        elif parsed.value == "relday":
            day_value, used = _value(Parsed(form="relday", shift=parsed.shift), ctx)
        elif ctx.focus is not None and ctx.focus_precision == "day":
            day_value, used = ctx.focus.isoformat(), ctx.focus_anchored
        elif anchor is not None:
            day_value, used = anchor.isoformat(), True
        else:
            day_value, used = "XXXX-XX-XX", False
        return _at(day_value or "XXXX-XX-XX", parsed.clock), used
    raise ValueError(f"unknown form {form!r}")


def _span_bounds(parsed: Parsed, ctx: Context) -> tuple[str | None, str | None]:
    """Start and end of an anchored duration ("the past four months")."""
    if ctx.anchor is None or parsed.amount is None or parsed.span_direction == 0:
        return None, None
    unit = parsed.unit or "D"
    if unit in ("H", "MIN", "S"):
        return None, None
    amount = round(parsed.amount)
    if parsed.span_direction < 0:
        return _shift(ctx.anchor, -amount, unit).isoformat(), ctx.anchor.isoformat()
    return ctx.anchor.isoformat(), _shift(ctx.anchor, amount, unit).isoformat()


def resolve(parsed: Parsed, ctx: Context) -> Resolved | None:
    """Normalise ``parsed``; ``None`` when it names no possible date (30 February, or a day
    a shift from the anchor puts before year 1 or after 9999: "last week" in an article
    dated 0001-01-01 is outside the calendar, not a failure of the document)."""
    try:
        return _resolve(parsed, ctx)
    except OverflowError:
        return None
    except ValueError as exc:  # date.replace(year=-1): "year -1 is out of range"
        if "out of range" in str(exc):
            return None
        raise


def _resolve(parsed: Parsed, ctx: Context) -> Resolved | None:
    value, anchored = _value(parsed, ctx)
    if value is None:
        return None
    partial = "X" in value.split("T")[0] and parsed.form not in ("duration", "set", "decade")
    precision = precision_of(value)
    first = None
    start: str | None = None
    end: str | None = None
    if parsed.form == "duration":
        start, end = _span_bounds(parsed, ctx)
        anchored = start is not None
    elif partial:
        start = end = value
    else:
        found = cal.bounds(value)
        if found is not None:
            start, end = found[0].isoformat(), found[1].isoformat()
            first = found[0]
    if ctx.role == "start" and parsed.form != "duration":
        end = None
    elif ctx.role == "end" and parsed.form != "duration":
        start = None
    return Resolved(value=value, start=start, end=end, precision=precision, partial=partial,
                    anchored=anchored, first=first)
