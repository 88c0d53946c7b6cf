"""Datelines: a full date near the top of an article that announces its own day ("Wed 05 Apr
2017 …", "Last updated at Jul 01 2016", "KABUL, Afghanistan (Jan. 25, 2013) —").

When the metadata gives no publication date, the dateline is the anchor of relative
expressions; the records anchored on it say so (``anchor="dateline"``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from wirescope.extractors.times.grammar import LEX, Candidate

WINDOW = 400
"""Characters from the top of the text where a dateline may stand."""

_PROSE = frozenset({
    "on", "in", "since", "until", "till", "by", "from", "before", "after", "of", "between",
    "and", "to", "through", "during", "at", "the", "as", "for", "than", "or", "nor", "about",
    "around", "within", "like", "that", "which", "when", "while", "was", "were", "is", "are",
})
_OPEN_PAREN = re.compile(r"[A-Z][\w.,' -]{1,60}\(\s*$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    day: dt.date
    start: int
    end: int


def _full_day(cand: Candidate) -> dt.date | None:
    p = cand.parsed
    if p.form != "date" or p.year is None or p.month is None or p.day is None:
        return None
    try:
        return dt.date(p.year, p.month, p.day)
    except ValueError:
        return None


def _is_dateline(text: str, cand: Candidate) -> bool:
    before = text[max(0, cand.start - 80) : cand.start]
    line = before.rsplit("\n", 1)[-1]
    if not re.search(r"[A-Za-z0-9]", line):
        return True  # first thing on its line
    words = " ".join(line.casefold().split())
    if any(words.endswith(cue) for cue in LEX.dateline_cues):
        return True
    if _OPEN_PAREN.search(line) and text[cand.end : cand.end + 3].lstrip().startswith(")"):
        return True
    last = re.findall(r"[A-Za-z']+", words)
    return not last or last[-1] not in _PROSE


def find(text: str, candidates: Sequence[Candidate], window: int = WINDOW) -> Dateline | None:
    """The first full date in the top ``window`` characters that is not part of a sentence
    (no preposition or article leads to it), or ``None``."""
    for cand in candidates:
        if cand.start >= window:
            break
        day = _full_day(cand)
        if day is not None and _is_dateline(text, cand):
            return Dateline(day=day, start=cand.start, end=cand.end)
    return None
