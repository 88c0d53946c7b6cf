"""The temporal vocabulary (``data/times/lexicon.json``), loaded once and checked.

Names, units, cue words and holiday rules are data; this module only reads them into typed,
immutable tables that the grammar and the resolver share.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class Holiday:
    """How to find a holiday in a given year: ``rule`` is ``fixed``, ``nth_weekday``
    (``n`` = -1 for the last), ``election_day``, ``easter`` (``offset`` days) or ``hijri``
    (month and day of the tabular Islamic calendar)."""

    rule: str
    month: int = 0
    day: int = 0
    weekday: int = 0
    n: int = 0
    offset: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    weekday_abbreviations: dict[str, int]
    seasons: dict[str, str]
    season_months: dict[str, tuple[int, int]]
    parts_of_day: dict[str, str]
    times_of_day: dict[str, str]
    numbers: dict[str, float]
    units: dict[str, str]
    plural_units: dict[str, str]
    sets: dict[str, str]
    references: dict[str, str]
    relative_days: dict[str, int]
    relative_modifiers: dict[str, int]
    range_modifiers: dict[str, str]
    strong_past: tuple[str, ...]
    strong_future: tuple[str, ...]
    weak_future: tuple[str, ...]
    future_auxiliaries: frozenset[str]
    future_verbs: frozenset[str]
    scheduling_verbs: frozenset[str]
    intent_verbs: frozenset[str]
    weak_past: tuple[str, ...]
    start_openers: tuple[str, ...]
    end_openers: tuple[str, ...]
    holidays: dict[str, Holiday]
    dateline_cues: tuple[str, ...]
    year_blockers: frozenset[str]
    year_prepositions: frozenset[str]
    qualifiers: tuple[str, ...]


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _build(raw: dict[str, Any]) -> Lexicon:
    cues = raw["direction_cues"]
    return Lexicon(
        months={k: int(v) for k, v in raw["months"].items()},
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        weekdays={k: int(v) for k, v in raw["weekdays"].items()},
        weekday_abbreviations={k: int(v) for k, v in raw["weekday_abbreviations"].items()},
        seasons=dict(raw["seasons"]),
        season_months={k: (int(v[0]), int(v[1])) for k, v in raw["season_months"].items()},
        parts_of_day=dict(raw["parts_of_day"]),
        times_of_day=dict(raw["times_of_day"]),
        numbers={k: float(v) for k, v in raw["numbers"].items()},
        units=dict(raw["units"]),
        plural_units=dict(raw["plural_units"]),
        sets=dict(raw["sets"]),
        references=dict(raw["references"]),
        relative_days={k: int(v) for k, v in raw["relative_days"].items()},
        relative_modifiers={k: int(v) for k, v in raw["relative_modifiers"].items()},
        range_modifiers=dict(raw["range_modifiers"]),
        strong_past=_longest_first(cues["strong_past"]),
        strong_future=_longest_first(cues["strong_future"]),
        weak_future=_longest_first(cues["weak_future"]),
        future_auxiliaries=frozenset(cues["future_auxiliaries"]),
        future_verbs=frozenset(cues["future_verbs"]),
        scheduling_verbs=frozenset(cues["scheduling_verbs"]),
        intent_verbs=frozenset(cues["intent_verbs"]),
        weak_past=_longest_first(cues["weak_past"]),
        start_openers=_longest_first(raw["interval_openers"]["start"]),
        end_openers=_longest_first(raw["interval_openers"]["end"]),
        holidays={k: Holiday(**v) for k, v in raw["holidays"].items()},
        dateline_cues=_longest_first(raw["dateline_cues"]),
        year_blockers=frozenset(raw["year_blockers"]),
        year_prepositions=frozenset(raw["year_prepositions"]),
        qualifiers=_longest_first(raw["qualifiers"]),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, read once per process."""
    path = resources.files("wirescope").joinpath("data", "times", "lexicon.json")
    return _build(json.loads(path.read_text(encoding="utf-8")))
