"""Rules for calendar dates, years, weekdays, named days, holidays and clock times."""

from __future__ import annotations

import re

from wirescope.extractors.times.grammar import (
    DAY,
    LEX,
    MOD,
    MON,
    MON_FULL,
    ORD,
    PART,
    REL,
    WD,
    WD_ANY,
    YEAR,
    ZONES,
    Parsed,
    alt,
    modifier,
    month_number,
    relative,
    rule,
    weekday_number,
    word_before,
    year_of,
)


# -- full and partial calendar dates --------------------------------------------------------
@rule("mdy", rf"\b(?:(?P<wd>{WD_ANY}),?\s+)?(?P<mon>{MON})\s*(?P<day>{DAY}){ORD},?\s*"
      rf"(?P<year>{YEAR})(?!\d)")
@rule("dmy", rf"\b(?:(?P<wd>{WD_ANY}),?\s+(?:the\s+)?)?(?P<day>{DAY}){ORD}\s+(?:of\s+)?"
      rf"(?P<mon>{MON}),?\s+(?P<year>{YEAR})(?!\d)")
@rule("wd_md", rf"\b(?P<wd>{WD}),?\s+(?P<mon>{MON})\s*(?P<day>{DAY}){ORD}\b")
@rule("wd_dm", rf"\b(?P<wd>{WD}),?\s+(?:the\s+)?(?P<day>{DAY}){ORD}\s+(?:of\s+)?"
      rf"(?P<mon>{MON})(?!\w)")
@rule("md", rf"\b(?P<t>(?:(?P<mod>{MOD})[\s-]+)?(?P<mon>{MON})\s*(?P<day>{DAY}){ORD}"
      r"(?![\d:.,]\d|\w)"
      rf"(?:\s+(?P<rely>(?i:last|next|this))\s+(?i:year))?)")
@rule("dm", rf"\b(?P<t>(?P<day>{DAY}){ORD}\s+(?:of\s+)?(?P<mon>{MON})(?!\w)"
      rf"(?:\s+(?P<rely>(?i:last|next|this))\s+(?i:year))?)")
def _calendar_date(m: re.Match[str], text: str) -> Parsed | None:
    groups = m.groupdict()
    rely = groups.get("rely")
    return Parsed(
        form="date", year=year_of(groups.get("year")), month=month_number(m["mon"]),
        day=int(m["day"]), weekday=weekday_number(groups["wd"]) if groups.get("wd") else None,
        rel_year=relative(rely) if rely else None, mod=modifier(groups.get("mod")),
    )


@rule("my", rf"\b(?P<t>(?:(?P<mod>{MOD})[\s-]+)?(?P<mon>{MON}),?\s+(?:of\s+)?"
      rf"(?P<year>{YEAR}))(?!\d)")
@rule("month", rf"\b(?P<t>(?:(?P<rel>{REL})\s+|(?P<mod>{MOD})[\s-]+)?(?P<mon>{MON_FULL})\b"
      rf"(?:\s+(?P<rely>(?i:last|next|this))\s+(?i:year))?)")
def _month(m: re.Match[str], text: str) -> Parsed | None:
    groups = m.groupdict()
    name = m["mon"].casefold()
    plain = not (groups.get("rel") or groups.get("mod") or groups.get("year") or groups.get("rely"))
    if plain and name in LEX.ambiguous_months:
        before = word_before(text, m.start("t"))
        if before not in LEX.year_prepositions and before not in ("until", "last", "next"):
            return None
        if re.match(r"\s+of\s+(?!\d)", text[m.end() : m.end() + 12]):
            return None  # "the March of the Combatant Mothers"
    rely = groups.get("rely")
    return Parsed(
        form="date", year=year_of(groups.get("year")), month=month_number(m["mon"]),
        shift=relative(groups.get("rel")), has_shift=bool(groups.get("rel")),
        mod=modifier(groups.get("mod")), rel_year=relative(rely) if rely else None,
    )


@rule("iso", r"\b(?P<year>\d{4})-(?P<mon>0[1-9]|1[0-2])-(?P<day>[0-2]\d|3[01])(?![\d-])")
@rule("dmy_num", r"(?<![\d./-])(?P<day>[0-2]?\d|3[01])(?P<sep>[.-])(?P<mon>0?[1-9]|1[0-2])"
      r"(?P=sep)(?P<year>(?:19|20)\d\d)(?!\d)")
@rule("mdy_num", r"(?<![\d./-])(?P<a>[01]?\d|3[01]|2\d)/(?P<b>[0-3]?\d)/"
      r"(?P<year>(?:19|20)\d\d)(?![\d/])")
def _numeric_date(m: re.Match[str], text: str) -> Parsed | None:
    groups = m.groupdict()
    if groups.get("a"):
        month, day = int(m["a"]), int(m["b"])
        if month > 12:
            month, day = day, month
    else:
        month, day = int(m["mon"]), int(m["day"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Parsed(form="date", year=int(m["year"]), month=month, day=day)


@rule("year", r"(?<![\w$£€.,/:'’-])(?P<t>(?:(?P<mod>(?i:early|late|mid))[\s-]+|(?i:post|pre)-)?"
      r"(?P<year>1\d{3}|20\d\d))(?![\w%]|[.,:/-]\d|\s*(?:%|(?i:percent)))")
def _year_alone(m: re.Match[str], text: str) -> Parsed | None:
    return Parsed(form="year", year=int(m["year"]), mod=modifier(m["mod"]))


@rule("decade", r"\b(?P<t>(?:(?P<mod>(?i:early|late|mid))[\s-]+)?(?P<dec>1\d\d|20\d)0['’]?s)\b")
@rule("decade2", r"(?P<t>(?:(?P<mod>(?i:early|late|mid))[\s-]+)?['’](?P<d2>\d)0s)\b")
def _decade(m: re.Match[str], text: str) -> Parsed | None:
    groups = m.groupdict()
    stem = groups.get("dec") or f"19{groups['d2']}"
    return Parsed(form="decade", value=f"{stem}X", mod=modifier(groups.get("mod")))


# -- weekdays, named days and parts of the day ---------------------------------------------
@rule("weekday", r"\b(?P<t>(?:(?P<rel>(?i:last|next|this|coming|past))\s+|"
      r"(?P<mod>(?i:early|late))\s+)?"
      rf"(?P<wd>{WD})(?:\s+(?P<part>{PART}))?(?:\s+(?P<relw>(?i:last|next|this))\s+(?i:week))?)\b")
def _weekday(m: re.Match[str], text: str) -> Parsed | None:
    rel = m["rel"] or m["relw"]
    return Parsed(form="weekday", weekday=weekday_number(m["wd"]), shift=relative(rel),
                  has_shift=bool(rel), part=LEX.parts_of_day.get((m["part"] or "").casefold()),
                  value="week" if m["relw"] else None)


_RELDAYS = alt(LEX.relative_days)


@rule("relday", rf"(?i:\b(?P<t>(?:(?P<mod>early|late)\s+)?(?P<rd>{_RELDAYS})"
      rf"(?:\s+(?P<part>morning|afternoon|evening|night))?)\b)")
@rule("this_part", r"(?i:\b(?P<t>(?P<rd>this|tomorrow|yesterday)\s+"
      r"(?P<part>morning|afternoon|evening))\b)")
def _relday(m: re.Match[str], text: str) -> Parsed | None:
    key = " ".join(m["rd"].casefold().split())
    shift = LEX.relative_days.get(key, 0)
    part = LEX.parts_of_day.get((m["part"] or "").casefold())
    if key in ("tonight", "last night"):
        part = "NI"
    return Parsed(form="relday", shift=shift, has_shift=True, part=part)


_HOLIDAYS = alt(LEX.holidays)


@rule("holiday", rf"\b(?P<t>(?:(?P<rel>(?i:last|next|this))\s+)?(?P<h>(?i:{_HOLIDAYS}))"
      rf"(?:,?\s+(?P<year>{YEAR}))?)\b")
def _holiday(m: re.Match[str], text: str) -> Parsed | None:
    key = re.sub(r"\s+", " ", m["h"].casefold().replace("’", "'"))
    if key not in LEX.holidays:
        key = key.replace("'", "")
        key = next((k for k in LEX.holidays if k.replace("'", "") == key), key)
    return Parsed(form="holiday", holiday=key, year=year_of(m["year"]), shift=relative(m["rel"]),
                  has_shift=bool(m["rel"]))


@rule("time", rf"\b(?P<t>(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\b\.?|[AP]M\b|[ap]m\b)"
      rf"(?:\s+(?:{ZONES})\b)?(?:,?\s+(?P<wd>{WD}|(?i:today|tomorrow|yesterday)))?)")
@rule("clock", r"\b(?P<t>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)"
      r"(?:\s*(?:GMT|UTC|local\s+time|hrs)\b)?)(?![\d:])")
@rule("military", r"\b(?P<t>(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:GMT|UTC|hrs|local\s+time)\b)")
@rule("noon", r"(?<!\b[Hh]igh\s)\b(?P<t>noon|midday|midnight)\b")
def _time(m: re.Match[str], text: str) -> Parsed | None:
    groups = m.groupdict()
    if groups.get("h") is None:
        return Parsed(form="time", clock=LEX.times_of_day[m["t"].casefold()])
    hour, minute = int(m["h"]), int(groups.get("mi") or 0)
    meridiem = (groups.get("ap") or "").casefold()
    if meridiem.startswith("p") and hour < 12:
        hour += 12
    elif meridiem.startswith("a") and hour == 12:
        hour = 0
    day = groups.get("wd")
    parsed = Parsed(form="time", clock=f"{hour:02d}:{minute:02d}")
    if day and day.casefold() in LEX.relative_days:
        return Parsed(form="time", clock=parsed.clock, shift=LEX.relative_days[day.casefold()],
                      has_shift=True, value="relday")
    if day:
        return Parsed(form="time", clock=parsed.clock, weekday=weekday_number(day))
    return parsed


