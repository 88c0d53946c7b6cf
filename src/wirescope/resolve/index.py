"""Linking reports into incidents, one report at a time, against an index of the incidents
known so far (in memory here; :mod:`wirescope.store.incidents` keeps one in the store).
Adding a report only reads the incidents its block holds: cost grows with the reports of a
few days, not with the corpus."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from wirescope.resolve.link import WINDOW, Decision, decide
from wirescope.resolve.reports import Report


class Index(Protocol):
    def candidates(self, report: Report) -> Mapping[str, Sequence[Report]]:
        """The incidents (id -> reports) of the report's blocks: its family within the
        day window, and any day for the people it names."""
        ...

    def add(self, incident: str, report: Report) -> None: ...

    def idf(self, term: str) -> float:
        """Inverse document frequency of a term among the reports indexed so far."""
        ...


def idf(documents: int, frequency: int) -> float:
    return math.log((documents + 1) / (frequency + 1)) + 1.0


def ordinal(day: str | None) -> int | None:
    return dt.date.fromisoformat(day).toordinal() if day else None


class MemoryIndex:
    """Reports bucketed by family and reference day."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[str, int | None], list[tuple[str, Report]]] = defaultdict(list)
        self._people: dict[tuple[str, str], list[tuple[str, Report]]] = defaultdict(list)
        self._df: Counter[str] = Counter()
        self._documents: set[str] = set()

    def candidates(self, report: Report) -> Mapping[str, Sequence[Report]]:
        found: dict[str, list[Report]] = defaultdict(list)
        center = ordinal(report.reference_day)
        days: Iterable[int | None] = (
            [None] if center is None else range(center - WINDOW, center + WINDOW + 1))
        for day in days:
            for incident, member in self._buckets.get((report.family, day), ()):
                found[incident].append(member)
        for person in report.people:
            for incident, member in self._people.get((report.family, person), ()):
                if member not in found[incident]:
                    found[incident].append(member)
        return found

    def add(self, incident: str, report: Report) -> None:
        self._buckets[(report.family, ordinal(report.reference_day))].append((incident, report))
        for person in report.people:
            self._people[(report.family, person)].append((incident, report))
        if report.lead and report.document not in self._documents:
            self._documents.add(report.document)
            self._df.update(report.terms)

    def idf(self, term: str) -> float:
        return idf(len(self._documents), self._df[term])


def link(report: Report, index: Index) -> tuple[str, Decision]:
    """Add ``report`` to ``index``: the incident it joins (or starts, named by its local id)."""
    decision = decide(report, index.candidates(report), index.idf)
    incident = decision.incident or report.local
    index.add(incident, report)
    return incident, decision
