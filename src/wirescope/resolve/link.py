"""Is this report of an incident already known? Pairs of reports are scored on what the
records hold, under cannot-link rules; a report joins the best incident it scores against,
else it starts one.

* **Blocking** (the store asks for candidates only here): the same family, a reference day
  (the day the text gives, else the publication day) at most :data:`WINDOW` days away.
* **Cannot-link** — checked against every report of an incident, never outweighed:
  two reports of one document (the article told them apart), different families, places
  apart (countries, admin-1 regions, or towns more than ``near_km``), days the texts give
  more than :data:`DAY_SLACK` apart, a report published before the other's stated day.
* **Evidence** (summed; :data:`THRESHOLD` to link), each named in the decision:
  ``place`` (the same place or a few km apart; the same admin-1 only, less), ``day`` (the
  same stated day; a day apart), ``people`` (a person both name: victims and suspects of
  local news), ``terms`` (overlap of the content words of their sentences), ``killed`` /
  ``injured`` (the same count — a different count takes a little away, never forbids:
  a contradiction must stay findable), ``type`` (the same ACLED sub-event type).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wirescope.extract.incidents import knowledge, places_apart, same_place
from wirescope.records import Place
from wirescope.resolve.reports import Report, day_gap

WINDOW = 14  # days between reference days that blocking lets through
DAY_SLACK = 1  # stated days further apart than this are different incidents
THRESHOLD = 2.0


@dataclass(frozen=True, slots=True)
class Decision:
    incident: str | None
    score: float
    via: tuple[str, ...]


def _place(report: Report) -> Place | None:
    if report.lat is None and report.country_code is None:
        return None
    return Place(id=f"{report.place_name}|{report.lat}|{report.lon}", document_id="",
                 extractor="", name=report.place_name or "", lat=report.lat, lon=report.lon,
                 country_code=report.country_code, admin1=report.admin1, geonameid=None,
                 precision=report.precision,  # type: ignore[arg-type]
                 mentions=())


def cannot_link(a: Report, b: Report) -> str | None:
    """The rule that keeps two reports apart, if any."""
    if a.document == b.document:
        return "same_document"
    if a.family != b.family:
        return "family"
    if places_apart(_place(a), _place(b), knowledge().near_km):
        return "place"
    gap = day_gap(a.day, b.day)
    if gap is not None and gap > DAY_SLACK:
        return "day"
    for x, y in ((a, b), (b, a)):
        before = day_gap(x.published, y.day)
        if before is not None and x.published and y.day and x.published < y.day and before > 1:
            return "published_before"
    return None


def _overlap(a: Sequence[str], b: Sequence[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(set(a) & set(b))
    return shared / min(len(a), len(b))


def evidence(a: Report, b: Report) -> tuple[float, tuple[str, ...]]:
    """The score for ``a`` and ``b`` being one incident, and what it rests on."""
    score, via = 0.0, []
    pa, pb = _place(a), _place(b)
    if same_place(pa, pb, knowledge().same_place_km):
        score, via = score + 1.5, [*via, "place"]
    elif pa is not None and pb is not None and a.admin1 and a.admin1 == b.admin1:
        score, via = score + 0.3, [*via, "admin1"]
    gap = day_gap(a.day, b.day)
    if gap == 0:
        score, via = score + 1.0, [*via, "day"]
    elif gap == 1:
        score, via = score + 0.5, [*via, "day±1"]
    if set(a.people) & set(b.people):
        score, via = score + 2.5, [*via, "people"]
    terms = _overlap(a.terms, b.terms)
    if terms > 0:
        score, via = score + 3.0 * terms, [*via, f"terms:{terms:.2f}"]
    for name, x, y in (("killed", a.killed, b.killed), ("injured", a.injured, b.injured)):
        if x is not None and y is not None:
            if x == y:
                score, via = score + 0.5, [*via, name]
            else:
                score -= 0.3
    if a.acled_sub_event_type and a.acled_sub_event_type == b.acled_sub_event_type:
        score, via = score + 0.3, [*via, "type"]
    return score, tuple(via)


def decide(report: Report, candidates: Mapping[str, Sequence[Report]]) -> Decision:
    """The incident among ``candidates`` (id -> its reports) this report belongs to."""
    best = Decision(incident=None, score=0.0, via=())
    for incident, members in candidates.items():
        if any(cannot_link(report, m) for m in members):
            continue
        for member in members:
            score, via = evidence(report, member)
            if score >= THRESHOLD and score > best.score:
                best = Decision(incident=incident, score=score, via=via)
    return best
