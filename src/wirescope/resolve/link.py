"""Is this report of an incident already known? Pairs of reports are scored on what the
records hold, under cannot-link rules; a report joins the best incident it scores against,
else it starts one.

* **Blocking** (the index offers candidates only here): the same family and a reference
  day (the day the text gives, else the publication day) at most :data:`WINDOW` days
  away, or the same family and a person both reports are about, at any date. A report
  with no reference day at all (an undated article that dates nothing) is compared only
  through its people.
* **Cannot-link** — checked against every report of an incident, never outweighed: two
  reports of one document (the article told them apart), different families, different
  countries or admin-1 regions when each report's place is where its article is set and
  each article names that region or country (a state, a governorate, "Aleppo": not the
  gazetteer's guess among same-named towns — "Jefferson", "Marion County", a "West Side"
  read as West Newton, Pennsylvania; a place the article is unsure of weighs as
  ``place_apart`` instead: on the development set, 63 same-incident pairs were kept apart
  by a region the text never gave), stated days more than
  :data:`WEEK` apart (an incident told by formulaic reports — "civilians killed in
  terrorist rocket attacks on Aleppo" — must not chain across weeks) unless both name a
  person who identifies an incident (named in full by only a few incidents so far: a
  victim, a suspect — a trial months later retells the shooting). Smaller
  disagreements weigh against a link without forbidding it, so that a contradiction about
  where or when stays findable.
* **Evidence**: log-odds from what two reports share — ``place`` (the same place, or a few
  km apart), ``setting`` (the towns the two articles mention most), ``age`` (an age both
  give a person, "a 17-year-old"), ``day`` / ``day_near`` (the same stated day, a day
  apart), ``killed`` (the same count: a different count never forbids a link, or
  contradictions could never be found), ``terms`` (the TF-IDF cosine of their content
  words), ``core`` (the same over the incident's own sentences and headline), ``emb`` (the
  cosine of the two reports' gist embeddings, :mod:`.embed`: alike accounts in other
  words), ``name`` (a person both name in full) — and against it: ``place_apart`` (towns
  more than ``near_km`` apart), ``day_apart`` (stated days more than :data:`DAY_SLACK`
  apart), ``published_before`` (one was published before the day the other states); and
  ``gap``, the days between the two reference days, stated or not. Weighted by
  ``linking.json`` (fitted by ``scripts/fit_linking.py``): a weight for each feature that is
  there or not; for each graded one (the cosines, ``gap``) a piecewise-linear curve — the
  first shared words say much, the next ones less; a day apart weighs little, a week much —
  and a weight for the pairs of features that say more together than apart (a person named
  in a story set in the same town: ``setting&name``). A pair without embeddings (linking
  configured without them) takes the weights fitted without ``emb``. A report joins the
  incident of the member it scores highest against when that is at least 0 (even odds),
  and says what it rested on (``via``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol

from wirescope.extractors.incidents import knowledge, places_apart, same_place
from wirescope.geo import within
from wirescope.resolve.embed import cosine
from wirescope.resolve.reports import Report, day_gap

WINDOW = 14  # days between reference days that blocking lets through
WEEK = 7  # stated days further apart than this are two incidents, whatever else agrees
DAY_SLACK = 2  # stated days further apart than this are different incidents


@dataclass(frozen=True, slots=True)
class Decision:
    incident: str | None
    score: float
    via: tuple[str, ...]


def cannot_link(a: Report, b: Report, named: frozenset[str] = frozenset()) -> str | None:
    """The rule that keeps two reports apart, if any. ``named``: the people who identify an
    incident (:func:`identifying`); when both reports name one of them, days far apart are
    no bar (a sentencing months later retells the shooting, and a date the two reports give
    differently is a contradiction to find, not two incidents)."""
    if a.document == b.document:
        return "same_document"
    if a.family != b.family:
        return "family"
    if _set_there(a) and _set_there(b):
        if (a.country_code and b.country_code and a.country_code != b.country_code
                and a.names_country and b.names_country):
            return "country"
        if (a.admin1 and b.admin1 and a.admin1 != b.admin1
                and "country" not in (a.precision, b.precision)
                and a.names_region and b.names_region):
            return "region"
    gap = day_gap(a.day, b.day)
    if gap is not None and gap > WEEK and not (names(a.people) & names(b.people) & named):
        return "days"
    return None


def _set_there(report: Report) -> bool:
    """Is the report's place where its article is set (the town the article mentions most
    lies within ``near_km`` of it)? Only such a place is sure enough to forbid a link: a
    street or a county the gazetteer put in another state ("Bourbon Street" in Kentucky)
    must not keep two reports of one New Orleans shooting apart."""
    if report.lat is None or report.lon is None:
        return False
    if report.precision == "country" or (report.precision == "region" and report.admin1):
        return True  # a region or country the text names holds wherever it is set
    return within(report.lat, report.lon, report.setting_lat, report.setting_lon,
                 knowledge().near_km)


@lru_cache(maxsize=65_536)
def names(people: tuple[str, ...]) -> frozenset[str]:
    """The people named in full — two or more words, letters only ("tre edwards", not
    "head", "cabot st." or a photo credit "andrew savulich/"): a victim or a suspect both
    reports name is strong evidence of one incident, at any distance in time. (Read once
    per report: a report is compared with every member of its block.)"""
    return frozenset(p for p in people if len(words := p.split()) >= 2
                     and all(w.replace("-", "").replace("'", "").isalpha() for w in words))


def _published_before(a: Report, b: Report) -> bool:
    """Was one report published more than a day before the day the other states?"""
    for x, y in ((a, b), (b, a)):
        if x.published and y.day and x.published < y.day and (
                day_gap(x.published, y.day) or 0) > 1:
            return True
    return False


class Similarity(Protocol):
    """How alike two reports' words are, 0..1 (the index's TF-IDF cosine): their
    :attr:`Report.terms`, or with ``core`` their :attr:`Report.core`."""

    def __call__(self, a: Report, b: Report, core: bool = False) -> float: ...


@dataclass(frozen=True, slots=True)
class Curve:
    """The log-odds a similarity adds, piecewise linear between fitted ``knots`` (a cosine
    of 0.3 is not worth three times one of 0.1: evidence rises steeply, then levels off);
    flat beyond the last knot."""

    knots: tuple[float, ...]
    values: tuple[float, ...]

    def __call__(self, x: float) -> float:
        knots, values = self.knots, self.values
        if x <= knots[0]:
            return values[0]
        for i in range(1, len(knots)):
            if x <= knots[i]:
                t = (x - knots[i - 1]) / (knots[i] - knots[i - 1])
                return values[i - 1] + t * (values[i] - values[i - 1])
        return values[-1]


@dataclass(frozen=True, slots=True)
class Weights:
    """Log-odds: a ``bias``; a weight per feature that is there or not (``place``, ``name``
    …); a :class:`Curve` per graded one (``terms``, ``core``, ``emb``, ``gap``); and a
    weight per pair of features that says more together than apart (``setting&name`` in
    ``linking.json``: a person named in a story set in the same town)."""

    bias: float
    weights: dict[str, float]
    curves: dict[str, Curve]
    pairs: dict[tuple[str, str], float]

    def score(self, found: Mapping[str, float]) -> float:
        total = self.bias
        for name, value in found.items():
            curve = self.curves.get(name)
            total += curve(value) if curve is not None else self.weights.get(name, 0.0) * value
        for (first, second), weight in self.pairs.items():
            total += weight * found.get(first, 0.0) * found.get(second, 0.0)
        return total

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Weights:
        return cls(bias=float(data["bias"]),
                   weights={k: float(v) for k, v in data["weights"].items()},
                   curves={k: Curve(knots=tuple(map(float, c["knots"])),
                                    values=tuple(map(float, c["values"])))
                           for k, c in data.get("curves", {}).items()},
                   pairs={_pair(k): float(v) for k, v in data.get("pairs", {}).items()})


def _pair(key: str) -> tuple[str, str]:
    first, second = key.split("&")
    return first, second


@lru_cache(maxsize=2)
def weights(embedded: bool = False) -> Weights:
    """The fitted weights; ``embedded``: those fitted with the gist embeddings' cosine
    (``emb``), for a pair whose reports both have one."""
    data = json.loads(resources.files("wirescope.resolve").joinpath("linking.json").read_text(
        encoding="utf-8"))
    return Weights.from_json(data["embedded"] if embedded else data)


def features(a: Report, b: Report, similarity: Similarity) -> dict[str, float]:
    """What two reports share, as the features :data:`weights` weighs."""
    k = knowledge()
    found = {}
    if same_place(a.place(), b.place(), k.same_place_km):
        found["place"] = 1.0
    if within(a.setting_lat, a.setting_lon, b.setting_lat, b.setting_lon, k.same_place_km):
        found["setting"] = 1.0
    if places_apart(a.place(), b.place(), k.near_km):
        found["place_apart"] = 1.0
    gap = day_gap(a.day, b.day)
    if gap == 0:
        found["day"] = 1.0
    elif gap == 1:
        found["day_near"] = 1.0
    elif gap is not None and gap > DAY_SLACK:
        found["day_apart"] = 1.0
    if (between := day_gap(a.reference_day, b.reference_day)) is not None:
        found["gap"] = float(between)  # days between the reference days, stated or not
    if _published_before(a, b):
        found["published_before"] = 1.0
    if set(a.people) & set(b.people):
        found["people"] = 1.0
    if names(a.people) & names(b.people):
        found["name"] = 1.0
    if set(a.ages) & set(b.ages):
        found["age"] = 1.0
    if a.killed is not None and a.killed == b.killed:
        found["killed"] = 1.0
    found["terms"] = round(similarity(a, b), 3)
    found["core"] = round(similarity(a, b, core=True), 3)
    if (alike := cosine(a.embedding, b.embedding)) is not None:
        found["emb"] = round(alike, 3)
    return found


def evidence(a: Report, b: Report, similarity: Similarity) -> tuple[float, tuple[str, ...]]:
    """The log-odds that ``a`` and ``b`` are one incident, and what it rests on."""
    found = features(a, b, similarity)
    w = weights(embedded="emb" in found)
    via = tuple(f"{name}:{value:.0f}d" if name == "gap" else f"{name}:{value:.2f}"
                if name in w.curves else name for name, value in found.items() if value)
    return w.score(found), via


def decide(report: Report, candidates: Mapping[str, Sequence[Report]],
           similarity: Similarity, named: frozenset[str] = frozenset()) -> Decision:
    """The incident among ``candidates`` (id -> its reports) this report belongs to: the one
    holding the member it scores highest against, if that is at least 0 and no cannot-link
    rule stands between the report and any member. (Incidents a report would bridge are not
    merged: on the development set that chains unrelated incidents together.)"""
    best = Decision(incident=None, score=0.0, via=())
    for incident, every in candidates.items():
        members = [m for m in every if m.anchored]
        if not members or any(cannot_link(report, m, named) for m in members):
            continue
        score, via = max(evidence(report, member, similarity) for member in members)
        if score >= 0 and (best.incident is None or score > best.score):
            best = Decision(incident=incident, score=score, via=via)
    return best
