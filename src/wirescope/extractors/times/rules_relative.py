"""Rules for relative units, seasons, the narrative's reference day, offsets ("two days
ago"), durations, sets and vague references."""

from __future__ import annotations

import re

from wirescope.extractors.times.grammar import (
    LEX,
    MOD,
    NUM,
    QUAL,
    REL,
    UNIT,
    VAGUE,
    YEAR,
    Parsed,
    alt,
    modifier,
    number,
    relative,
    rule,
    unit_code,
    word_before,
    year_of,
)


# -- relative calendar units, seasons and the narrative's reference day ---------------------
@rule("relunit", rf"(?P<the>\bthe\s+)?\b(?P<t>(?:(?P<fuzz>(?i:earlier|later))\s+|"
      rf"(?P<mod>{MOD})[\s-]+)?"
      rf"(?P<rel>{REL})\s+(?P<unit>(?i:week(?:end)?|month|year|decade|century|quarter)))\b")
def _relunit(m: re.Match[str], text: str) -> Parsed | None:
    unit = m["unit"].casefold()
    code = {"weekend": "WE", "quarter": "Q"}.get(unit) or unit_code(unit)
    rel = m["rel"].casefold()
    if rel in ("following", "previous", "preceding"):  # relative to the narrative's day
        return Parsed(form="focus", unit=code, shift=1 if rel == "following" else -1)
    if (m["the"] and rel in ("past", "last", "next", "coming")) or rel == "past":
        if unit in ("weekend", "quarter"):
            return None
        return Parsed(form="duration", unit=code, amount=1.0,
                      span_direction=1 if rel in ("next", "coming") else -1)
    fuzz = {"earlier": "early", "later": "late"}.get((m["fuzz"] or "").casefold())
    return Parsed(form="relunit", unit=code, shift=relative(rel), has_shift=True,
                  mod=modifier(m["mod"]) or modifier(fuzz))


@rule("weekend", r"(?i:\b(?P<t>the\s+weekend)\b)")
def _weekend(m: re.Match[str], text: str) -> Parsed | None:
    return Parsed(form="relunit", unit="WE")


_SEASONS = alt(LEX.seasons)


@rule("season", rf"(?P<the>\bthe\s+)?\b(?P<t>(?:(?P<rel>{REL})\s+|"
      r"(?P<mod>(?i:early|late|mid))[\s-]+)?"
      rf"(?P<s>(?i:{_SEASONS}))(?:\s+(?:of\s+)?(?P<year>{YEAR}))?)\b")
def _season(m: re.Match[str], text: str) -> Parsed | None:
    if m["s"][0].isupper() and not m["year"] and not m["rel"]:
        return None  # "Arab Spring", "Operation Winter Shield"
    if not (m["rel"] or m["mod"] or m["year"]):
        before = word_before(text, m.start())
        if not m["the"] or before not in ("in", "during", "by", "since", "until", "over", "through",
                                          "of", "throughout"):
            return None
    return Parsed(form="season", season=LEX.seasons[m["s"].casefold()], year=year_of(m["year"]),
                  shift=relative(m["rel"]), has_shift=bool(m["rel"]), mod=modifier(m["mod"]))


@rule("focus", r"(?i:\b(?P<t>the\s+(?P<rel>next|following|previous|preceding)\s+"
      r"(?P<part>day|morning|afternoon|evening|night)|(?:(?P<fuzz>earlier|later)\s+)?that\s+"
      r"(?:same\s+)?(?P<part2>day|morning|afternoon|evening|night)|the\s+same\s+day|"
      r"(?:earlier|later)\s+that\s+(?P<unit>week|month|year))\b)")
def _focus(m: re.Match[str], text: str) -> Parsed | None:
    rel = (m["rel"] or "").casefold()
    shift = 1 if rel in ("next", "following") else -1 if rel else 0
    if m["unit"]:
        return Parsed(form="focus", unit=unit_code(m["unit"]), shift=0)
    part = (m["part"] or m["part2"] or "day").casefold()
    return Parsed(form="focus", unit="D", shift=shift, part=LEX.parts_of_day.get(part))


# -- durations, offsets, sets and references ------------------------------------------------
@rule("ago", rf"\b(?P<t>(?:(?P<q>(?i:{QUAL}))\s+)?(?P<num>{NUM}|{VAGUE})\s+(?P<unit>{UNIT})s?\s+"
      r"(?P<dir>(?i:ago|earlier|later|from\s+now|hence|back)))\b")
@rule("ago_vague", r"(?i:\b(?P<t>(?P<unit>day|week|month|year|decade)s\s+"
      r"(?P<dir>ago|earlier|later)))\b")
def _offset(m: re.Match[str], text: str) -> Parsed | None:
    groups = m.groupdict()
    amount = number(groups["num"]) if groups.get("num") else None
    direction = m["dir"].casefold()
    sign = 1 if direction in ("later", "hence") or direction.startswith("from") else -1
    return Parsed(form="offset", amount=amount, unit=unit_code(m["unit"]), shift=sign,
                  value="focus" if direction in ("earlier", "later") else None)


@rule("duration", rf"\b(?P<t>(?:(?P<q>(?i:{QUAL}))\s+)?"
      r"(?:(?P<rel>(?i:past|last|next|first|final|coming|"
      rf"previous))\s+)?(?P<num>{NUM})[\s-]+(?:(?i:more|full|straight|consecutive|long)\s+)?"
      rf"(?P<unit>{UNIT})(?P<plural>s)?(?:[\s-]+(?P<tail>(?i:long|old)))?)\b")
@rule("vague", rf"\b(?P<t>(?P<num>{VAGUE})\s+"
      r"(?P<unit>(?i:second|minute|hour|day|week|month|year|decade))s)\b")
@rule("bare", r"(?<=\b[Ff]or\s)(?P<t>(?P<unit>day|week|month|year|decade)s)\b")
@rule("long", r"(?i:\b(?P<t>(?P<unit>hour|day|week|month|year|decade)(?P<pl>s)?-long)\b)")
def _duration(m: re.Match[str], text: str) -> Parsed | None:
    groups = m.groupdict()
    if (groups.get("tail") or "").casefold() == "old":
        return None  # an age ("a 6-year-old boy") is not a time of anything
    raw = groups.get("num")
    amount = None
    if raw is not None and not re.fullmatch(VAGUE, raw):
        amount = number(raw)
        if amount is None:
            return None
        if raw.casefold() in ("a", "an") and (m["unit"] == "second" or groups.get("plural")):
            return None  # "a second attack", "a decades-long war"
    elif "pl" in groups and not groups["pl"]:
        amount = 1.0  # "day-long"
    rel = (groups.get("rel") or groups.get("q") or "").casefold().removeprefix("the ")
    vague = (raw or "").casefold()
    direction = 0
    if rel in ("past", "last", "previous") or vague.startswith(("recent", "the past", "the last",
                                                                 "past", "last")):
        direction = -1
    elif rel in ("next", "coming") or vague.startswith(("coming", "the next", "next")):
        direction = 1
    return Parsed(form="duration", amount=amount, unit=unit_code(m["unit"]),
                  span_direction=direction)


_SETS = alt(LEX.sets)


@rule("set_word", rf"(?<!\bthe\s)\b(?P<t>(?i:{_SETS}))\b(?!\s+[A-Z])")
@rule("set_every", rf"(?i:\b(?P<t>(?:every|each)\s+(?:(?P<num>other|{NUM})\s+)?"
      rf"(?P<unit>{UNIT})s?)\b)")
@rule("set_freq", r"(?i:\b(?P<t>(?:once|twice|three\s+times|\d+\s+times)\s+(?:a|an|per|every)\s+"
      r"(?P<unit>hour|day|week|month|year))\b)")
def _set(m: re.Match[str], text: str) -> Parsed | None:
    groups = m.groupdict()
    if groups.get("unit") is None:
        return Parsed(form="set", value=LEX.sets[m["t"].casefold()])
    raw = (groups.get("num") or "").casefold()
    amount = 2.0 if raw == "other" else (number(raw) if raw else 1.0)
    return Parsed(form="set", unit=unit_code(m["unit"]), amount=amount)


_REFS = alt(k for k in LEX.references if not k.startswith("the ") and k != "future")


@rule("ref", rf"(?i:\b(?P<t>{_REFS})\b)(?![-‐]\w)")
@rule("future", r"(?i:\b(?P<t>(?:the\s+)?(?:(?:very\s+)?near\s+|foreseeable\s+|distant\s+)?"
      r"future)\b)"
      r"(?![-‐]\w)")
@rule("past", r"(?i:\b(?:in|from)\s+(?P<t>the\s+past)\b)"
      r"(?!\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?)\b)")
def _reference(m: re.Match[str], text: str) -> Parsed | None:
    words = " ".join(m["t"].casefold().split())
    if "future" in words:
        return Parsed(form="ref", value="FUTURE_REF")
    if m["t"] == "Now" and not re.search(r"[\w,]\s*$", text[max(0, m.start() - 3) : m.start()]):
        return None  # sentence-opening "Now, ..." is a discourse marker
    return Parsed(form="ref", value=LEX.references[words])


