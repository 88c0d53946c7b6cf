"""Linking reports into incidents, one report at a time, against an index of the incidents
known so far (in memory here; :mod:`wirescope.store.incidents` keeps one in the store).
Adding a report only reads the incidents its block holds: cost grows with the reports of a
few days, not with the corpus."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from wirescope.resolve.link import WINDOW, Decision, decide
from wirescope.resolve.reports import Report


class Index(Protocol):
    def candidates(self, report: Report) -> Mapping[str, Sequence[Report]]: ...

    def add(self, incident: str, report: Report) -> None: ...


def ordinal(day: str | None) -> int | None:
    return dt.date.fromisoformat(day).toordinal() if day else None


class MemoryIndex:
    """Reports bucketed by family and reference day."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[str, int | None], list[tuple[str, Report]]] = defaultdict(list)

    def candidates(self, report: Report) -> Mapping[str, Sequence[Report]]:
        found: dict[str, list[Report]] = defaultdict(list)
        center = ordinal(report.reference_day)
        days: Iterable[int | None] = (
            [None] if center is None else range(center - WINDOW, center + WINDOW + 1))
        for day in days:
            for incident, member in self._buckets.get((report.family, day), ()):
                found[incident].append(member)
        return found

    def add(self, incident: str, report: Report) -> None:
        self._buckets[(report.family, ordinal(report.reference_day))].append((incident, report))


def link(report: Report, index: Index) -> tuple[str, Decision]:
    """Add ``report`` to ``index``: the incident it joins (or starts, named by its local id)."""
    decision = decide(report, index.candidates(report))
    incident = decision.incident or report.local
    index.add(incident, report)
    return incident, decision
