"""Linking reports into incidents, one report at a time, against an index of the incidents
known so far (in memory here; :mod:`wirescope.store.incidents` keeps one in the store).
Adding a report only reads the incidents its block holds: cost grows with the reports of a
few days, not with the corpus — and with the reports naming its people, but never with
every report naming a spokesman or a minister: a person named by more than
:data:`BLOCKING` incidents blocks nothing (a corpus quoting one general a thousand times
would make each new report read them all)."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from wirescope.resolve.link import WINDOW, Decision, decide, names
from wirescope.resolve.reports import Report


class Index(Protocol):
    def candidates(self, report: Report, people: Iterable[str] = ()
                   ) -> Mapping[str, Sequence[Report]]:
        """The incidents (id -> reports) of the report's blocks: its family within the
        day window, and any day for ``people`` (:func:`blocking`)."""
        ...

    def add(self, incident: str, report: Report) -> None: ...

    def naming(self, family: str, person: str) -> int:
        """How many incidents of the family have a report naming the person."""
        ...

    def similarity(self, a: Report, b: Report, core: bool = False) -> float:
        """TF-IDF cosine of the two reports' terms (log term frequency times IDF); with
        ``core``, of their :attr:`Report.core` words."""
        ...


def idf(documents: int, frequency: int) -> float:
    return math.log((documents + 1) / (frequency + 1)) + 1.0


def ordinal(day: str | None) -> int | None:
    return dt.date.fromisoformat(day).toordinal() if day else None


Vector = tuple[dict[str, float], float]  # term weights and their norm


TEMPLATE_SHARE = 0.5  # a word on at least this share of an outlet's articles is its template
TEMPLATE_DOCUMENTS = 4  # ... once the outlet has this many articles


class Terms:
    """Document frequencies of the terms of article lead reports, and each report's
    TF-IDF vector ((1 + log tf) · idf), computed once (with the frequencies of the moment it
    is first compared: a streaming TF-IDF) and kept in a bounded cache.

    An outlet's *template* — the words at least :data:`TEMPLATE_SHARE` of its articles hold,
    once it has :data:`TEMPLATE_DOCUMENTS` — is page furniture (a sign-in box, a menu, the
    station's name) and left out of its articles' vectors: two stories of one site are not
    alike for the page around them."""

    def __init__(self, df: dict[str, int] | None = None, documents: int = 0,
                 cache: int = 50_000) -> None:
        self.df: dict[str, int] = df or {}
        self.documents = documents
        self._counted: set[str] = set()
        self._vectors: OrderedDict[tuple[str, str, bool], Vector] = OrderedDict()
        self._cache = cache
        self._outlet_df: dict[str, Counter[str]] = defaultdict(Counter)
        self._outlet_documents: Counter[str] = Counter()

    def count(self, report: Report) -> list[str]:
        """Count a lead report's document once; the terms whose frequency rose."""
        if not report.lead or report.document in self._counted:
            return []
        self._counted.add(report.document)
        self.documents += 1
        distinct = sorted(set(report.terms))
        for term in distinct:
            self.df[term] = self.df.get(term, 0) + 1
        if report.outlet:
            self.count_outlet(report.outlet, distinct)
        return distinct

    def count_outlet(self, outlet: str, distinct: Sequence[str]) -> None:
        """One more article of ``outlet``, holding the words ``distinct``."""
        self._outlet_documents[outlet] += 1
        self._outlet_df[outlet].update(distinct)

    def outlet_documents(self, outlet: str) -> int:
        return self._outlet_documents[outlet]

    def template(self, outlet: str | None) -> frozenset[str]:
        """The words of the outlet's page furniture (none before it has enough articles)."""
        if not outlet:
            return frozenset()
        return self._template(outlet, self.outlet_documents(outlet))

    def _template(self, outlet: str, documents: int) -> frozenset[str]:
        if documents < TEMPLATE_DOCUMENTS:
            return frozenset()
        return self._frequent(outlet, math.ceil(TEMPLATE_SHARE * documents))

    def _frequent(self, outlet: str, least: int) -> frozenset[str]:
        return frozenset(t for t, n in self._outlet_df[outlet].items() if n >= least)

    def vector(self, report: Report, core: bool = False) -> Vector:
        key = (report.document, report.local, core)
        found = self._vectors.get(key)
        if found is None:
            furniture = self.template(report.outlet)
            terms = report.core if core else report.terms
            weights = {t: (1.0 + math.log(n)) * idf(self.documents, self.df.get(t, 0))
                       for t, n in Counter(terms).items() if t not in furniture}
            found = (weights, math.sqrt(sum(w * w for w in weights.values())))
            self._vectors[key] = found
            if len(self._vectors) > self._cache:
                self._vectors.popitem(last=False)
        else:
            self._vectors.move_to_end(key)
        return found

    def similarity(self, a: Report, b: Report, core: bool = False) -> float:
        (wa, na), (wb, nb) = self.vector(a, core), self.vector(b, core)
        if not na or not nb:
            return 0.0
        if len(wb) < len(wa):
            wa, wb = wb, wa
        return sum(w * wb[t] for t, w in wa.items() if t in wb) / (na * nb)


class MemoryIndex:
    """Reports bucketed by family and reference day, and by the people they name."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[str, int | None], list[tuple[str, Report]]] = defaultdict(list)
        self._people: dict[tuple[str, str], list[tuple[str, Report]]] = defaultdict(list)
        self.terms = Terms()

    def candidates(self, report: Report, people: Iterable[str] = ()
                   ) -> Mapping[str, Sequence[Report]]:
        found: dict[str, list[Report]] = defaultdict(list)
        center = ordinal(report.reference_day)
        days: Iterable[int] = () if center is None else range(center - WINDOW,
                                                                  center + WINDOW + 1)
        for day in days:
            for incident, member in self._buckets.get((report.family, day), ()):
                found[incident].append(member)
        for person in people:
            for incident, member in self._people.get((report.family, person), ()):
                if member not in found[incident]:
                    found[incident].append(member)
        return found

    def add(self, incident: str, report: Report) -> None:
        self._buckets[(report.family, ordinal(report.reference_day))].append((incident, report))
        for person in report.people:
            self._people[(report.family, person)].append((incident, report))
        self.terms.count(report)

    def similarity(self, a: Report, b: Report, core: bool = False) -> float:
        return self.terms.similarity(a, b, core)

    def naming(self, family: str, person: str) -> int:
        return len({incident for incident, _ in self._people.get((family, person), ())})


IDENTIFYING = 3  # a person named in full by at most this many incidents so far identifies one
# A person named by more incidents than this blocks nothing: on the development set no
# same-incident pair is found only through such a person (at 3, recall fell 0.897 -> 0.891).
BLOCKING = 10


def naming(report: Report, index: Index) -> dict[str, int]:
    """How many incidents name each of the report's people so far (asked once per person:
    the store's index asks its tables)."""
    return {p: index.naming(report.family, p) for p in dict.fromkeys(report.people)}


def identifying(report: Report, index: Index,
                counts: Mapping[str, int] | None = None) -> frozenset[str]:
    """The people the report names in full who identify an incident: named so far by at most
    :data:`IDENTIFYING` incidents — a victim or a suspect, not a police chief, a mayor or a
    president who is named in the reports of many. (``counts``: :func:`naming`'s, when
    already asked.)"""
    counts = naming(report, index) if counts is None else counts
    return frozenset(p for p in names(report.people) if counts[p] <= IDENTIFYING)


def blocking(report: Report, index: Index,
             counts: Mapping[str, int] | None = None) -> tuple[str, ...]:
    """The report's people whose reports it is compared with at any date: each named by at
    most :data:`BLOCKING` incidents so far."""
    counts = naming(report, index) if counts is None else counts
    return tuple(p for p in report.people if counts[p] <= BLOCKING)


def link(report: Report, index: Index) -> tuple[str, Decision]:
    """Add ``report`` to ``index``: the incident it joins (or starts, named by its local id).
    A side report the text does not anchor (:attr:`Report.anchored`) is not compared across
    articles, either way: it stays its article's own incident."""
    if report.anchored:
        counts = naming(report, index)
        decision = decide(report, index.candidates(report, blocking(report, index, counts)),
                          index.similarity, identifying(report, index, counts))
    else:
        decision = Decision(incident=None, score=0.0, via=())
    incident = decision.incident or report.local
    index.add(incident, report)
    return incident, decision
