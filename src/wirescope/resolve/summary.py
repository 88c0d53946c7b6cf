"""One incident record from the reports linked into it: when, where, who, how many — with
every claim, how many independent sources, and where they disagree.

* **Origins** (syndication): reports whose texts credit the same wire service, or whose
  bodies are near-duplicates (MinHash resemblance of word shingles at least
  :data:`NEAR_DUPLICATE`), or that come from the same outlet, are one origin; ``independent``
  counts origins.
* **Figures** (killed, injured): every count the reports' mentions give, with its claimant
  (the speaker of the claim the mention is attributed to, else the article itself), its
  document, event and span. A claimant's *figure* is its latest claim (by publication day,
  then text order) and, within one article, its largest (a headline's "at least 3" and the
  body's "5" are one claim of 5), counting on: "one victim died at the scene. Two more
  people died at the hospital" is 3. ``low``/``high``: the smallest low / largest high of all
  claims; ``best``: the figure most claimants give, ties to the larger (tolls are revised
  up); ``conservative``: ACLED's rule, the lowest figure any claimant gives now (vague
  numbers at ACLED's values, as extracted). An article that states no injured but says
  people were shot or stabbed claims as injured those it does not say were killed (basis
  ``hit_not_killed``): how a reader takes "three people were shot, one fatally". An
  article's injured count loses the people a later article says died (basis
  ``died_since``, :func:`died_since`): the wounded who die move to the dead.
* **Contradictions**: a claimant whose figure changed between articles made an **update**
  (the older and newer claims); claimants whose figures differ **disagree**. Perpetrators
  disagree when two reports name disjoint sets of actors; dates when two stated days are
  more than a day apart (cannot-link keeps days further apart out of one incident); places
  when two reports name towns (or finer places) more than ``same_place_km`` apart.
* **Grade**: ``contested`` when any disagreement stands, ``corroborated`` when two or more
  independent origins report it, else ``single``.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from wirescope.extractors.events.lexicon import numbers, own_death_said
from wirescope.extractors.events.quantities import CASUALTY_UNITS
from wirescope.extractors.incidents import knowledge, same_place
from wirescope.geo import within
from wirescope.records import (
    FIGURES,
    Claim,
    Contradiction,
    ContradictionKind,
    DocumentRecord,
    Event,
    Figure,
    FigureSummary,
    Incident,
    IncidentPlace,
    IncidentReport,
    precision_rank,
)
from wirescope.resolve.link import DAY_SLACK
from wirescope.resolve.reports import Report, day_gap, resemblance

NEAR_DUPLICATE = 0.5


@dataclass(frozen=True, slots=True)
class Linked:
    """A report with the document record it was made from."""

    report: Report
    record: DocumentRecord


def origins(reports: Sequence[Report]) -> list[str]:
    """The origin of each report: reports sharing a wire credit, an outlet or a
    near-duplicate body share one (the first such report's document)."""
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(reports):
        for j in range(i):
            if find(j) == find(i):
                continue  # already one origin (a wire story's hundredth copy is not compared
                # with the other ninety-nine)
            b = reports[j]
            if ((a.wire and a.wire == b.wire) or (a.outlet and a.outlet == b.outlet)
                    or resemblance(a.minhash, b.minhash) >= NEAR_DUPLICATE):
                parent[find(i)] = find(j)
    roots = [reports[find(i)] for i in range(len(reports))]
    return [f"wire:{root.wire}" if root.wire else root.outlet or root.document
            for root in roots]


def _claimant(record: DocumentRecord, event: Event) -> tuple[str | None, str | None]:
    quote = next((q for q in record.quotes if q.id == event.attributed_to), None)
    if quote is None:
        return None, None
    name = next((e.name for e in record.entities if e.id == quote.speaker), None)
    return quote.speaker, name or quote.speaker_text


def _stated(item: Linked, unit: str) -> list[Claim]:
    """The counts of ``unit`` the report's mentions give, as claims."""
    record, report = item.record, item.report
    found = []
    for ev in record.events:
        if ev.id not in report.events:
            continue
        claimant, name = _claimant(record, ev)
        found += [Claim(value=q.value, low=q.low, high=q.high, qualifier=q.qualifier,
                        category=q.category, claimant=claimant, claimant_name=name,
                        document=record.document.id, event=ev.id, span=q.span,
                        published=report.published)
                  for q in ev.quantities if q.unit == unit and q.value is not None]
    return found


def _count(claim: Claim) -> float:
    """The number a figure claim gives (0 for none)."""
    return float(claim.value) if isinstance(claim.value, float | int) else 0.0


def _words(claim: Claim, text: str) -> list[str]:
    return text[claim.span.start : claim.span.end].casefold().split()


def _others(claim: Claim, text: str) -> bool:
    """Does the claim count people besides those counted before ("four others shot")?"""
    words = _words(claim, text)
    return bool(words) and words[-1] in numbers().continuation


_JOINED = ("and", "or", "plus")


def _more(claim: Claim, text: str) -> bool:
    """Does the claim add people to those counted before it: "two more people", "another
    man", "four others" — not "the other victim" (one of those counted), nor a list whose
    others are besides its own first member ("a 2-year-old girl and four other people" is
    five, told again or not)?"""
    words = _words(claim, text)
    for i, w in enumerate(words):
        if any(v in _JOINED or v.endswith(",") for v in words[:i]):
            return False
        if w in numbers().continuation and (i == 0 or words[i - 1] != "the"):
            return True
    return False


_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _killed_self(claim: Claim, text: str) -> bool:
    """Is the claim the killer who killed himself, counted by the words of his own death
    ("before killing himself", "then turned the gun on himself", "took his own life",
    "committed suicide")? He is no subject the text counts: one more dead besides his
    victims (GVA and ACLED count him). A victim who killed himself is counted by the subject
    ("a 3-year-old fatally shot himself")."""
    return own_death_said(text[claim.span.start : claim.span.end])


def counted_on(linked: Sequence[Linked], found: Sequence[Claim], unit: str,
               ) -> frozenset[tuple[str, int]]:
    """The claims (document, span start) that add to the count of their unit just before
    them in an earlier sentence: "one victim was pronounced dead … two more people died".
    Not within one sentence (its lists are summed apart), nor when a count of
    another casualty stands between — "killing four people and wounding two others": the
    others are besides the dead, not besides an earlier "two wounded" (a headline's). A
    killer who kills himself adds to the dead before him in his own sentence too ("killed
    two people before killing himself": 3; "killing two people and wounding seven others —
    before taking his own life": 3), unless a list already counts him ("killed his wife and
    then himself"), nor when it tells again a death of his own just told ("…
    before killing himself. He took his own life": still 3)."""
    records = {item.record.document.id: item.record for item in linked}
    added = set()
    for claim in found:
        record = records.get(claim.document)
        if claim.basis is not None or record is None:
            continue
        text = record.document.text
        own = unit == "killed" and _killed_self(claim, text)
        if not own and not _more(claim, text):
            continue
        before = [c for c in found if c.document == claim.document
                  and c.basis is None and c.span.start < claim.span.start]
        if not before or (own and any(b.span.end >= claim.span.end for b in before)):
            continue
        latest = max(before, key=lambda c: c.span.start)
        if own and _killed_self(latest, text):
            continue  # "… before killing himself. He took his own life": told again
        since = latest.span
        between = text[since.end : claim.span.start]
        lead_in = text[max(0, claim.span.start - 5) : claim.span.start]
        if not own and (not _SENTENCE_END.search(between)
                        or lead_in.rstrip().endswith((" and", ","))):
            continue  # "a 2-year-old girl and four other people": one list, summed apart
        if own or not any(  # (the killer's own death adds to the dead whatever stands
                # between: "killing two people and wounding seven others — before taking his
                # own life" is 3)
                since.start < q.span.start < claim.span.start and q.unit in CASUALTY_UNITS
                and q.unit != unit for ev in record.events for q in ev.quantities):
            added.add((claim.document, claim.span.start))
    return frozenset(added)


def _hit_not_killed(item: Linked) -> list[Claim]:
    """Injured no words state: the people the report says were shot or stabbed ("hit") and
    not killed. "Three people were shot, one fatally": 3 − 1 = 2; "a woman was killed and four
    others shot": the others, 4; "a man was shot … he died": none. Each report alone (the
    hit and the killed of one article), its largest count of each."""
    hit = [c for c in _stated(item, "hit") if _count(c) >= 1]
    if not hit:
        return []
    text = item.record.document.text
    killed = max((_count(c) for c in _stated(item, "killed")), default=0.0)
    besides = [c for c in hit if _others(c, text)]
    widest = max(besides or hit, key=_count)
    value = _count(widest) - (0.0 if besides else killed)
    if value < 1:
        return []
    return [dataclasses.replace(widest, value=value, low=None, high=None, category=None,
                                basis="hit_not_killed")]


def claims(linked: Sequence[Linked], unit: str) -> list[Claim]:
    """Every claim of ``unit`` the reports make; an article that says people were shot or
    stabbed claims as injured those not killed (:func:`_hit_not_killed`) when it states no
    injured, or fewer: "8 shot, 1 in serious condition" and "four people were shot, two of
    them seriously hurt" count 8 and 4 injured — the one in serious condition is one of them."""
    found = []
    for item in linked:
        stated = _stated(item, unit)
        if unit == "injured":
            most = max((_count(c) for c in stated), default=0.0)
            stated += [c for c in _hit_not_killed(item) if _count(c) > most]
        found += stated
    return found


def died_since(injured: Sequence[Claim], killed: Sequence[Claim], toll: float) -> list[Claim]:
    """The injured claims, less the people a later article says died: "a 2-year-old was
    critically injured" (Monday), then "the 2-year-old has died" (Wednesday) is one killed
    and none injured, as a coder counts them — the wounded who die move to the dead. An
    article's injured claim loses what the largest count of killed of an article published
    after it exceeds its own count of killed by (up to the incident's ``toll``, its best
    figure of killed; to no less than 0), and says so (basis ``died_since``). Injured no
    words state (``hit_not_killed``: "a man was shot") lose the dead any other article
    counts, earlier or later: the people shot include whoever died of it ("man shot on Elm
    Street" beside "police name the man killed on Elm Street" is one killed, none
    injured)."""
    own: dict[str, float] = {}
    published: dict[str, str] = {}
    for claim in killed:
        own[claim.document] = max(own.get(claim.document, 0.0), _count(claim))
        if claim.published:
            published[claim.document] = claim.published
    found = []
    for claim in injured:
        value = _count(claim)
        inferred = claim.basis == "hit_not_killed"
        later = max((k for d, k in own.items() if inferred or (
            claim.published and d in published and published[d] > claim.published)),
            default=0.0)
        died = min(later, toll) - own.get(claim.document, 0.0)
        if died > 0 and value:
            claim = dataclasses.replace(claim, value=max(0.0, value - died), low=None,
                                        high=None, basis="died_since")
        found.append(claim)
    return found


def _who(claim: Claim, outlets: Mapping[str, str]) -> str:
    """Who stands behind a claim: its speaker's name, else the article's outlet."""
    if claim.claimant_name:
        return claim.claimant_name.casefold()
    return outlets.get(claim.document, claim.document)


def _positions(found: Sequence[Claim], outlets: Mapping[str, str],
               more: frozenset[tuple[str, int]] = frozenset(),
               inferred: frozenset[tuple[str, int]] = frozenset(),
               ) -> dict[str, list[tuple[Claim, float]]]:
    """Each claimant's claims, one per article (its largest, counting on: "one victim was
    pronounced dead at the scene … two more people died at the hospital" is 3), oldest
    first. ``more``: the claims that add to the counts before them (:func:`counted_on`).
    ``inferred``: the claims no words state (people shot, less the dead: ``hit_not_killed``,
    and what ``died_since`` made of them) — a claimant's articles that state a figure
    outrank its articles that only let one be inferred ("7-year-old dead, three others
    wounded", then the outlet's "Boy hit by gunfire" the next day is no update to none).
    Within one article both count ("8 shot, 1 in serious condition" is 8)."""
    said: dict[tuple[str, str], list[Claim]] = {}
    for claim in found:
        said.setdefault((_who(claim, outlets), claim.document), []).append(claim)
    stated = {key for key, told in said.items()
              if any((c.document, c.span.start) not in inferred for c in told)}
    stating = {who for who, _ in stated}
    said = {key: told for key, told in said.items() if key[0] not in stating or key in stated}
    by_who: dict[str, list[tuple[Claim, float]]] = {}
    for (who, _), told in said.items():
        running, top, largest, covered = 0.0, told[0], -1.0, -1
        for claim in sorted(told, key=lambda c: (c.span.start, -c.span.end)):
            value = _count(claim)
            adds = (claim.document, claim.span.start) in more
            if not adds and claim.span.end <= covered:
                continue  # a member of the list just counted: "his girlfriend and her
                # daughter" is 2, and "her daughter" in it no new count
            covered = max(covered, claim.span.end)
            running = running + value if adds else value
            if running > largest:
                top, largest = claim, running
        by_who.setdefault(who, []).append((top, largest))
    for series in by_who.values():
        series.sort(key=lambda pair: (pair[0].published or "", pair[0].span.start))
    return by_who


def figure(found: Sequence[Claim], outlets: Mapping[str, str], unit: Figure = "killed",
           more: frozenset[tuple[str, int]] = frozenset(),
           inferred: frozenset[tuple[str, int]] = frozenset(),
           ) -> tuple[FigureSummary | None, list[Contradiction]]:
    if not found:
        return None, []
    positions = _positions(found, outlets, more, inferred)
    latest = {who: series[-1] for who, series in positions.items()}
    values = [value for _, value in latest.values()]
    tally = Counter(values)
    best = max(tally, key=lambda v: (tally[v], v))
    lows = [c.low if c.low is not None else _count(c) for c in found]
    highs = [c.high if c.high is not None else _count(c) for c in found]
    summary = FigureSummary(low=min(lows), best=best, high=max(*highs, *values),
                            conservative=min(values), claims=tuple(found))
    contradictions: list[tuple[ContradictionKind, tuple[Claim, ...]]] = []
    for series in positions.values():
        changed = [c for i, (c, v) in enumerate(series) if i == 0 or v != series[i - 1][1]]
        if len(changed) > 1:
            contradictions.append(("update", tuple(changed)))
    if len(set(values)) > 1:
        contradictions.append(("disagreement", tuple(c for c, _ in latest.values())))
    return summary, [Contradiction(field=unit, kind=kind, claims=sides)
                     for kind, sides in contradictions]


def _near_a_setting(placed: Sequence[Report], reports: Sequence[Report]) -> list[Report]:
    """The placed reports whose place lies near where one of the incident's articles is set
    — all of them when none does: a place one report's gazetteer put in another state
    ("Spartan Landing" read as Landing, New Jersey, in a Tulsa story) does not outvote the
    town the articles are told in."""
    towns = {(r.setting_lat, r.setting_lon) for r in reports
             if r.setting_lat is not None and r.setting_lon is not None}
    near = [r for r in placed if any(within(r.lat, r.lon, lat, lon, knowledge().near_km)
                                     for lat, lon in towns)]
    return near or list(placed)


def _side(item: Linked, value: str) -> Claim:
    ev = next(e for e in item.record.events if e.id == item.report.event)
    claimant, name = _claimant(item.record, ev)
    return Claim(value=value, document=item.record.document.id, event=ev.id, span=ev.span,
                 claimant=claimant, claimant_name=name, published=item.report.published)


def _actors(item: Linked) -> tuple[str, ...]:
    ev = next((e for e in item.record.events if e.id == item.report.event), None)
    return ev.actors if ev else ()


def _actor_names(item: Linked) -> frozenset[str]:
    names = {e.id: e.name.casefold() for e in item.record.entities}
    return frozenset(names.get(a, a) for a in _actors(item))


def summarize(incident_id: str, linked: Sequence[Linked]) -> Incident:
    """The incident record of ``linked`` reports (whatever order they came in: reports are
    taken by publication day, then document id)."""
    linked = sorted(linked, key=lambda item: (item.report.published or "",
                                              item.report.document, item.report.order))
    reports = [item.report for item in linked]
    origin = origins(reports)
    outlets = {r.document: o for r, o in zip(reports, origin, strict=True)}
    contradictions: list[Contradiction] = []
    figures: dict[Figure, FigureSummary | None] = {}
    claimed = {unit: claims(linked, unit) for unit in FIGURES}
    for unit in FIGURES:
        given = claimed[unit]
        inferred = frozenset((c.document, c.span.start) for c in given
                             if c.basis == "hit_not_killed")
        if unit == "injured" and (toll := figures.get("killed")) is not None:
            given = died_since(given, claimed["killed"], float(toll.best or 0))
        summary, found = figure(given, outlets, unit, counted_on(linked, given, unit),
                                inferred)
        figures[unit] = summary
        contradictions += found
    named = [(item, _actor_names(item)) for item in linked if _actor_names(item)]
    if any(not (a & b) for i, (_, a) in enumerate(named) for _, b in named[:i]):
        contradictions.append(Contradiction(field="perpetrator", kind="disagreement", claims=tuple(
            _side(item, ", ".join(sorted(names))) for item, names in named)))
    stated = [(item, item.report.day) for item in linked if item.report.day]
    if any((gap := day_gap(a, b)) is not None and gap > DAY_SLACK
           for i, (_, a) in enumerate(stated) for _, b in stated[:i]):
        contradictions.append(Contradiction(field="date", kind="disagreement", claims=tuple(
            _side(item, day) for item, day in stated)))
    placed_at = [(item, point) for item in linked
                 if (point := item.report.place(finest=True)) is not None]
    if any(not same_place(a, b, knowledge().same_place_km)
           for i, (_, a) in enumerate(placed_at) for _, b in placed_at[:i]):
        contradictions.append(Contradiction(field="place", kind="disagreement", claims=tuple(
            _side(item, item.report.place_name or "") for item, _ in placed_at)))
    days = sorted(d for _, d in stated if d)
    # No report states a day: the days their stories give (the first past day of each),
    # said to be that (``date_via``), each report naming the time expression it took.
    told = sorted(r.story_day for r in reports if r.story_day)
    published = sorted(r.published for r in reports if r.published)
    placed = _near_a_setting([r for r in reports if r.place_name and r.lat is not None],
                             reports)
    place = None
    if placed:
        tally = Counter(r.place_name for r in placed)
        top = min(placed, key=lambda r: (-tally[r.place_name],
                                         precision_rank(r.precision)))
        place = IncidentPlace(name=top.place_name or "", lat=top.lat, lon=top.lon,
                              country_code=top.country_code, admin1=top.admin1,
                              precision=top.precision)  # type: ignore[arg-type]
    elif settings := [r for r in reports if r.setting_name and r.setting_lat is not None]:
        # No mention names a place: where the articles of its lead reports are set (the
        # town each mentions most), the most common one, and said to be that.
        tally = Counter(r.setting_name for r in settings)
        top = min(settings, key=lambda r: -tally[r.setting_name])
        place = IncidentPlace(name=top.setting_name or "", lat=top.setting_lat,
                              lon=top.setting_lon, country_code=top.setting_country_code,
                              admin1=top.setting_admin1,
                              precision=top.setting_precision,  # type: ignore[arg-type]
                              via="setting")
    main = Counter((r.type, r.acled_event_type, r.acled_sub_event_type) for r in reports)
    kind = max(main, key=lambda k: (main[k], k[2] is not None))
    actors = Counter(a for item in linked for a in _actors(item))
    targets = Counter(t for item in linked
                      for ev in item.record.events if ev.id == item.report.event
                      for t in ev.targets)
    independent = len(set(origin))
    disputed = any(c.kind == "disagreement" for c in contradictions)
    return Incident(
        id=incident_id, type=kind[0], acled_event_type=kind[1], acled_sub_event_type=kind[2],
        start=days[0] if days else (told[0] if told else None),
        end=days[-1] if days else (told[-1] if told else (published[0] if published else None)),
        date_via="reports" if days else "story" if told else None,
        place=place, actors=tuple(a for a, _ in actors.most_common()),
        targets=tuple(t for t, _ in targets.most_common()),
        reports=tuple(IncidentReport(document=r.document, event=r.event,
                                     source=r.outlet, published=r.published, origin=o,
                                     events=r.events,
                                     story_time=None if days else r.story_time)
                      for r, o in zip(reports, origin, strict=True)),
        documents=len({r.document for r in reports}), independent=independent,
        killed=figures["killed"], injured=figures["injured"],
        contradictions=tuple(contradictions),
        grade="contested" if disputed else "corroborated" if independent > 1 else "single",
    )
