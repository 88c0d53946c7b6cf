"""Recognition: regular patterns built from the lexicon (once, at import) that find temporal
expressions with exact character spans and parse each into a :class:`Parsed` form.

Nothing here knows the publication date; :mod:`resolve` turns a parsed form into a TIMEX3
value. Every rule's extent is its ``t`` group when it has one (context such as a preceding
"the" or "for" stays outside the span), else the whole match. Overlaps are settled longest
first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from wirescope.extractors.times.lexicon import lexicon

Form = Literal[
    "date", "weekday", "relday", "relunit", "offset", "duration", "set", "ref", "season",
    "decade", "holiday", "time", "focus", "year",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Parsed:
    """What an expression says, before anchoring. ``shift`` is the relative step (-1 last,
    0 this, +1 next; days for ``relday`` and ``focus``); ``amount`` ``None`` means vague."""

    form: Form
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    holiday: str | None = None
    part: str | None = None
    clock: str | None = None
    unit: str | None = None
    amount: float | None = None
    shift: int = 0
    has_shift: bool = False
    rel_year: int | None = None
    value: str | None = None
    mod: str | None = None
    span_direction: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    start: int
    end: int
    rule: str
    parsed: Parsed


LEX = lexicon()


def alt(words: Iterable[str]) -> str:
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace("'", "['’]?").replace(r"\ ", r"\s+") for w in items)


def _cased(words: Iterable[str]) -> str:
    """Capitalised and upper-case forms of lower-case names (``May``, ``MAY``)."""
    forms = []
    for w in sorted(set(words), key=len, reverse=True):
        forms += [w.capitalize(), w.upper()]
    return "|".join(forms)


_FULL_MONTHS = [m for m in LEX.months if not any(o != m and o.startswith(m) for o in LEX.months)]
_ABBR_MONTHS = [m for m in LEX.months if m not in _FULL_MONTHS]
MON_FULL = f"(?:{_cased(_FULL_MONTHS)})"
MON = rf"(?:{_cased(_FULL_MONTHS)}|(?:{_cased(_ABBR_MONTHS)})\.?)"
WD = f"(?:{_cased(LEX.weekdays)})"
WD_ANY = rf"(?:{_cased(LEX.weekdays)}|(?:{_cased(LEX.weekday_abbreviations)})\.?)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])"
ORD = r"(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
REL = r"(?i:last|next|this|coming|past|previous|current|following|upcoming)"
MOD = (r"(?i:early|late|mid|middle\s+of|the\s+middle\s+of|end\s+of|the\s+end\s+of|"
       r"beginning\s+of|the\s+beginning\s+of|start\s+of|the\s+start\s+of)")
PART = f"(?i:{alt(LEX.parts_of_day)})"
_NUMBER_WORDS = [w for w in LEX.numbers if w not in ("a", "an")]
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM = (rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|(?i:(?:{_TENS})[\s-](?:one|two|three|four|five|six|seven|"
       rf"eight|nine)|{alt(_NUMBER_WORDS)}|an?)(?:\s+and\s+a\s+half)?)")
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))"
QUAL = alt(LEX.qualifiers)
VAGUE = (r"(?i:several|a\s+few|few|many|some|recent|coming|(?:the\s+)?(?:past|next|last)\s+few|"
         r"(?:a\s+)?couple\s+of)")

ZONES = r"EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST|local\s+time"

def _words(*groups: Iterable[str]) -> frozenset[str]:
    return frozenset(w.casefold() for g in groups for w in g)


_UNITS = ("second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade",
          "century")
_UNIT_WORDS = _words(_UNITS, (u + "s" for u in _UNITS), ("centuries",))
_MONTH_WORDS = _words(LEX.months)
_PARTS = _words(LEX.parts_of_day, ("day",))
KEYS: dict[str, frozenset[str] | str] = {
    "mdy": _MONTH_WORDS, "dmy": _MONTH_WORDS, "wd_md": _MONTH_WORDS, "wd_dm": _MONTH_WORDS,
    "md": _MONTH_WORDS, "dm": _MONTH_WORDS, "my": _MONTH_WORDS, "month": _MONTH_WORDS,
    "iso": r"\d[-./]\d", "dmy_num": r"\d[-./]\d", "mdy_num": r"\d/\d",
    "decade": r"\d0['’]?s\b", "decade2": r"['’]\d0s", "clock": r"\d:\d\d", "long": "-long",
    "year": r"(?<!\d)(?:1\d|20)\d\d(?!\d)",
    "weekday": _words(LEX.weekdays, LEX.weekday_abbreviations),
    "relday": _words(("today", "tonight", "tomorrow", "yesterday", "night")),
    "this_part": _PARTS, "focus": _words(_PARTS, ("week", "month", "year")),
    "holiday": _words(w for h in LEX.holidays for w in re.findall(r"[a-z]+", h)[:1]),
    "time": _words(("am", "pm", "m", "AM", "PM")), "military": _words(("gmt", "utc", "hrs")),
    "noon": _words(LEX.times_of_day), "relunit": _UNIT_WORDS | {"weekend", "quarter"},
    "weekend": _words(("weekend",)), "season": _words(LEX.seasons),
    "ago": _words(("ago", "earlier", "later", "now", "hence", "back")),
    "ago_vague": _words(("ago", "earlier", "later")), "duration": _UNIT_WORDS,
    "vague": _UNIT_WORDS, "bare": _words(("for",)), "set_word": _words(LEX.sets),
    "set_every": _words(("every", "each")), "set_freq": _words(("once", "twice", "times")),
    "ref": _words(r.split()[-1] for r in LEX.references), "future": _words(("future",)),
    "past": _words(("past",)),
}
"""What each rule's matches contain (words, or a cheap pattern): a rule runs only around
the hits of its key, which keeps recognition to a few milliseconds per article."""
BACK, AHEAD = 45, 30
_TOKEN = re.compile(r"[A-Za-z]+|\d+")

Handler = Callable[[re.Match[str], str], Parsed | None]
Key = frozenset[str] | re.Pattern[str] | None
RULES: list[tuple[str, re.Pattern[str], Handler, Key]] = []


def rule(name: str, pattern: str) -> Callable[[Handler], Handler]:
    compiled = re.compile(pattern)
    spec = KEYS.get(name)
    key: Key = re.compile(spec) if isinstance(spec, str) else spec

    def deco(fn: Handler) -> Handler:
        RULES.append((name, compiled, fn, key))
        return fn

    return deco


def _merge(hits: Iterable[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for hit_start, hit_end in sorted(hits):
        start, end = max(0, hit_start - BACK), min(size, hit_end + AHEAD)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _windows(key: Key, text: str, words: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Stretches of ``text`` around the hits of ``key`` (the whole text without a key)."""
    if key is None:
        return [(0, len(text))]
    if isinstance(key, re.Pattern):
        return _merge((m.span() for m in key.finditer(text)), len(text))
    return _merge((span for word in key & words.keys() for span in words[word]), len(text))


def month_number(name: str) -> int:
    return LEX.months[name.rstrip(".").casefold()]


def weekday_number(name: str) -> int:
    key = name.rstrip(".").casefold()
    return LEX.weekdays.get(key) or LEX.weekday_abbreviations[key]


def number(text: str) -> float | None:
    """``"72"`` -> 72, ``"twenty-five"`` -> 25, ``"5 1/2"`` -> 5.5, ``"an"`` -> 1."""
    words = " ".join(text.casefold().replace("-", " ").split())
    half = 0.0
    if words.endswith(" and a half"):
        words, half = words[: -len(" and a half")], 0.5
    if words.endswith(" 1/2"):
        words, half = words[:-4], 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words) + half
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", words):
        return float(words.replace(",", "")) + half
    if words in LEX.numbers:
        return LEX.numbers[words] + half
    parts = words.split()
    if len(parts) == 2 and all(p in LEX.numbers for p in parts):
        return LEX.numbers[parts[0]] + LEX.numbers[parts[1]] + half
    return None


def unit_code(word: str) -> str:
    key = word.casefold()
    key = "century" if key.startswith("centur") else key.rstrip("s")
    return LEX.units[key]


def modifier(text: str | None) -> str | None:
    if not text:
        return None
    key = text.casefold().replace("the ", "").replace(" of", "").strip(" -")
    return LEX.range_modifiers.get(key)


def relative(text: str | None) -> int:
    return LEX.relative_modifiers[text.casefold()] if text else 0


def year_of(text: str | None) -> int | None:
    return int(text) if text else None


def word_before(text: str, at: int) -> str:
    found = re.search(r"([A-Za-z'-]+)\W*$", text[max(0, at - 30) : at])
    return found[1].casefold() if found else ""


def find(text: str) -> list[Candidate]:
    """Every expression the rules recognise, without overlaps (longest first, then leftmost)."""
    _load_rules()
    words: dict[str, list[tuple[int, int]]] = {}
    for token in _TOKEN.finditer(text):
        words.setdefault(token[0].casefold(), []).append(token.span())
    found: list[Candidate] = []
    for name, pattern, handler, key in RULES:
        for window_start, window_end in _windows(key, text, words):
            for m in pattern.finditer(text, window_start, window_end):
                parsed = handler(m, text)
                if parsed is None:
                    continue
                start, end = m.span("t") if "t" in pattern.groupindex else m.span()
                if end > start:
                    found.append(Candidate(start=start, end=end, rule=name, parsed=parsed))
    found.sort(key=lambda c: (c.start - c.end, c.start))
    taken: list[Candidate] = []
    for cand in found:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    taken.sort(key=lambda c: c.start)
    return _second_days(taken, text)


_NEXT_DAY = re.compile(rf"\s*(?:and|or|to|through|-|–)\s*(?P<t>(?P<day>{DAY}){ORD})"
                       r"(?=\s*(?:[.,;:)]|$|(?:in|at|on|of|and|when|while|as|to)\b))")


def _second_days(taken: list[Candidate], text: str) -> list[Candidate]:
    """The bare day that shares a month with the date before it: "April 24 and 25"."""
    out: list[Candidate] = []
    for i, cand in enumerate(taken):
        out.append(cand)
        p = cand.parsed
        if p.form != "date" or p.day is None or p.month is None:
            continue
        m = _NEXT_DAY.match(text, cand.end)
        if m is None or (i + 1 < len(taken) and taken[i + 1].start < m.end()):
            continue
        day = int(m["day"])
        if day > p.day:
            out.append(Candidate(start=m.start("t"), end=m.end("t"), rule="second_day",
                                 parsed=Parsed(form="date", year=p.year, month=p.month, day=day,
                                               rel_year=p.rel_year)))
    return out


def _load_rules() -> None:
    # Importing the rule modules runs their @rule decorators (once).
    from wirescope.extractors.times import rules_calendar, rules_relative  # noqa: F401
