"""Within one article: which event mentions report one real-world incident, and which
incident the article is about (its lead).

A headline, its lead sentence and the body's retelling each become an event mention; counted
as three, they over-count. Here the mentions an article gives of one incident share one
``incident`` id, so the incident is the unit that is counted and every mention is kept.

* **Incidents** are mentions of a *family* of types that can happen somewhere on some day
  (violence, unrest, coercion, territory; ``data/events/incidents.json``) whose factuality
  says they happened (asserted, ongoing, attempted, denied). A plan, a threat, a statement
  or an agreement is no incident (``incident`` is ``None``).
* **One incident** — rules tried in order on each pair, the name of the one that fired is
  kept (:class:`Link`): ``place_from`` (the extractor already found the mention refers to
  the other: a weaponless casualty report, a retelling), ``same_count`` (the same exact
  count of killed or injured, two or more, at most ``same_count_sentences`` apart),
  ``same_place`` (the same place, or two places a few km apart, on a compatible day),
  ``detail`` (of two mentions at most ``detail_sentences`` apart, in one paragraph or the
  next, one names no place and no day of its own: "A man was shot on Main Street. He died
  at the hospital"; "Air strikes hit a market in Aleppo on Tuesday. ¶ 30 people were
  wounded in the strikes"), ``same_day`` (as near, the same stated day, one naming no place:
  "Ketron Nathan was shot and killed early Sunday in a shooting at a bar in Arlington").
  Nearness is the weakest link: it never joins two different
  exact death tolls, and a bare mention does not bridge a placed one into an incident that
  already has a place or a day.
* **Never one incident** (cannot-link, checked between whole groups): different families,
  different actors (neither the other's target), places too far apart (different
  countries, admin-1 regions, or towns over ``near_km``), different days. Casualty numbers
  never keep mentions apart: a lead's "at least 12" and a body's "15" are one incident told
  twice, and a contradiction found later needs both.
* **Place.** A mention of an incident that names no place of its own takes the incident's
  (the nearest mention's, most precise first) and names it in ``place_from``.
* **Lead event** (:func:`lead`): of the body's incident that gives the headline's own
  count (two or more; ``headline_count``), else of the whole body: the first incident
  mention that says who was killed — a
  count of civilians, fighters, children, women (``first_victims``: "7 civilians were
  killed"; a bare "the death toll rose to 50" is often a summary) — else the first that
  counts anyone killed (``first_fatal``), else the first that counts anyone hurt or shot
  (``first_casualties``: "police found a teenage boy injured" over "deputies are
  investigating a reported shooting"), else the first violent one (``first_violence``:
  a report of an arrest "in the shooting of …" is about the shooting), else the first
  incident mention (``first_incident``); the headline's (``headline``) when the body
  reports no incident, or none that is violent while the headline's is; ``None`` when the
  article reports no incident. The rule that chose it is ``lead_via``.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from wirescope.extractors.events.lexicon import own_death_said
from wirescope.geo import distance_km
from wirescope.records import DocumentRecord, Event, Place, TimeExpr, precision_rank

STAGE = "incidents.within.v1"  # the stage name a failure here is recorded under
KILLED = frozenset({"killed"})
HARMED = frozenset({"injured", "hit"})  # people hurt, or shot with the outcome unsaid
CASUALTIES = frozenset({"killed", "injured"})


@dataclass(frozen=True, slots=True)
class Knowledge:
    by_sub_event: dict[str, str]
    not_incidents: frozenset[str]
    by_acled: dict[str, str]
    by_plover: dict[str, str]
    real: frozenset[str]
    near_km: float
    same_place_km: float
    detail_sentences: int
    same_count_sentences: int


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    path = resources.files("wirescope.data").joinpath("events").joinpath("incidents.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return Knowledge(
        by_sub_event=dict(data["family_by_sub_event"]),
        not_incidents=frozenset(data["no_incident_sub_events"]),
        by_acled=dict(data["family_by_acled"]),
        by_plover=dict(data["family_by_plover"]), real=frozenset(data["real"]),
        near_km=float(data["near_km"]), same_place_km=float(data["same_place_km"]),
        detail_sentences=int(data["detail_sentences"]),
        same_count_sentences=int(data["same_count_sentences"]),
    )


def family(event: Event) -> str | None:
    """The family of incident the mention can be (``None``: it is no incident)."""
    k = knowledge()
    if event.factuality not in k.real or event.acled_sub_event_type in k.not_incidents:
        return None
    if event.acled_sub_event_type in k.by_sub_event:
        return k.by_sub_event[event.acled_sub_event_type]
    if event.acled_event_type in k.by_acled:
        return k.by_acled[event.acled_event_type]
    return k.by_plover.get(event.type)


def counts(event: Event, units: frozenset[str] = CASUALTIES,
           text: str | None = None) -> set[tuple[str, float]]:
    """(unit, value) of the event's exact counts of ``units``; with the article's ``text``,
    not a killer's own death ("then took his own life": one more dead, no toll of its
    own)."""
    return {(q.unit, q.value) for q in event.quantities
            if q.unit in units and q.value is not None and q.qualifier != "vague"
            and not (text is not None and own_death_said(text[q.span.start : q.span.end]))}


def day(time: TimeExpr | None) -> str | None:
    """The calendar day a time expression names, if it names exactly one."""
    if time is None or time.precision != "day" or time.partial:
        return None
    value = time.value or time.start
    if value and len(value) >= 10 and value[4] == "-" and value[:4].isdigit():
        return value[:10]
    return None


def period(time: TimeExpr | None) -> tuple[str, str] | None:
    """The first and last calendar day a time expression can be, at any precision ("February
    2005": 2005-02-01..2005-02-28, "last summer", a week, a day), if it says."""
    if time is None or time.partial:
        return None
    first = time.start or time.value
    if not first or len(first) < 10 or not first[:4].isdigit() or first[4] != "-":
        return None
    first = first[:10]
    if time.end and len(time.end) >= 10 and time.end[:4].isdigit():
        return first, time.end[:10]
    if time.precision == "day":
        return first, first
    start = dt.date.fromisoformat(first)
    if time.precision == "month":
        following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return first, (following - dt.timedelta(days=1)).isoformat()
    if time.precision == "year":
        return first, f"{first[:4]}-12-31"
    return None


def places_apart(a: Place | None, b: Place | None, near_km: float) -> bool:
    """Are two resolved places too far apart to be where one incident happened? A place
    and the region or country holding it are not apart."""
    if a is None or b is None or a.id == b.id:
        return False
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return True
    if a.precision == "country" or b.precision == "country":
        return False
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return True
    if "region" in (a.precision, b.precision):
        return False
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return distance_km(a.lat, a.lon, b.lat, b.lon) > near_km


def same_place(a: Place | None, b: Place | None, within_km: float) -> bool:
    if a is None or b is None:
        return False
    if a.id == b.id:
        return True
    if a.precision in ("region", "country") or b.precision in ("region", "country"):
        return False
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= within_km


@dataclass(frozen=True, slots=True)
class Mention:
    """What the grouping reads of one event mention."""

    index: int
    event: Event
    family: str
    place: Place | None
    day: str | None
    sentence: int
    paragraph: int
    headline: bool = False  # in the article's headline
    period: tuple[str, str] | None = None  # the first and last day its own time can be
    toll: frozenset[tuple[str, float]] = frozenset()  # its exact counts of the killed, but
    # a killer's own death ("then took his own life"): one more dead, no other toll


@dataclass(frozen=True, slots=True)
class Link:
    first: int
    second: int
    via: str


def _mentions(record: DocumentRecord, sentences: Sequence[int] | None = None) -> list[Mention]:
    """The incident mentions of a record; ``sentences`` are the start offsets of the text's
    sentences (else the sentences that hold events are counted)."""
    text = record.document.text
    places = {p.id: p for p in record.places}
    times = {t.id: t for t in record.times}
    starts = sorted(sentences or {(ev.sentence or ev.span).start for ev in record.events})
    top = headline_end(record)
    breaks = [m.end() for m in re.finditer("\n\n", text)]  # text.count("\n\n", 0, start)
    found = []
    for i, ev in enumerate(record.events):
        kind = family(ev)
        if kind is None:
            continue
        start = (ev.sentence or ev.span).start
        found.append(Mention(
            index=i, event=ev, family=kind, place=places.get(ev.place) if ev.place else None,
            day=day(times.get(ev.time)) if ev.time and not ev.time_inherited else None,
            period=period(times.get(ev.time)) if ev.time and not ev.time_inherited else None,
            sentence=bisect.bisect_right(starts, start) - 1,
            paragraph=bisect.bisect_right(breaks, start),
            headline=ev.span.end <= top,
            toll=frozenset(counts(ev, KILLED, text)),
        ))
    return found


def headline_end(record: DocumentRecord) -> int:
    """Where the article's headline ends in its text (0: the text opens with no headline).
    A document read with its headline (:func:`wirescope.ingest.text.with_headline`) opens
    with its title."""
    title = (record.document.title or "").strip()
    return len(title) if title and record.document.text.startswith(title) else 0


def _apart(a: Mention, b: Mention, *, sides: bool = True) -> bool:
    """Cannot-link: these two mentions are not one incident, whatever else they share
    (``sides``: unless named sides differ — a headline's few capitalised words name actors
    the body does not)."""
    if a.family != b.family:
        return True
    if a.day and b.day and a.day != b.day:
        return True
    if a.period and b.period and (a.period[1] < b.period[0] or b.period[1] < a.period[0]):
        return True  # "her husband was murdered in February 2005" is no part of last night
    if sides and _other_sides(a.event, b.event):
        return True
    return places_apart(a.place, b.place, knowledge().near_km)


def _other_sides(a: Event, b: Event) -> bool:
    """Both name who acts, nobody in common, and neither acts on the other's actors: "Al-Nusra
    attacks Aleppo" and "Russian aircraft conduct strikes" are two incidents (a clash names
    the other side as its target)."""
    if not a.actors or not b.actors or set(a.actors) & set(b.actors):
        return False
    return not (set(a.actors) & set(b.targets) or set(b.actors) & set(a.targets))


def _bare(m: Mention) -> bool:
    """Names no place and no day of its own."""
    return m.place is None and m.day is None


def _link(a: Mention, b: Mention) -> str | None:
    """The rule that makes two mentions one incident (``b`` after ``a``), if any."""
    k = knowledge()
    if b.event.place_from == a.event.id or a.event.place_from == b.event.id:
        return "place_from"
    if _same_count(a.event, b.event, CASUALTIES) and (
            abs(b.sentence - a.sentence) <= k.same_count_sentences):
        return "same_count"
    if same_place(a.place, b.place, k.same_place_km):
        return "same_place"
    if ((_bare(a) or _bare(b)) and b.paragraph - a.paragraph <= 1
            and 0 <= b.sentence - a.sentence <= k.detail_sentences):
        return "detail"
    if a.day is not None and a.day == b.day and (a.place is None or b.place is None) and (
            b.paragraph - a.paragraph <= 1 and 0 <= b.sentence - a.sentence <= k.detail_sentences):
        return "same_day"
    return None


def group(mentions: Sequence[Mention]) -> tuple[list[list[Mention]], list[Link]]:
    """Mentions grouped into incidents (in text order), and the links that joined them.
    The headline's mentions are grouped among themselves, then each headline incident joins
    the first incident of the body it can be (``headline``): a headline says in a few words
    what the article then tells."""
    heads, links = _grouped([m for m in mentions if m.headline])
    groups, body_links = _grouped([m for m in mentions if not m.headline])
    links += body_links
    for members in heads:
        target = _told(members, groups)
        if target is None:
            groups.append(members)
            continue
        first = min(target, key=lambda m: m.sentence)
        target.extend(members)
        links += [Link(first=first.index, second=h.index, via="headline") for h in members]
    for members in groups:
        members.sort(key=lambda m: m.event.span.start)
    groups.sort(key=lambda g: g[0].event.span.start)
    return groups, links


def _told(headline: Sequence[Mention], groups: Sequence[list[Mention]]) -> list[Mention] | None:
    """The body incident a headline incident tells: of those it can be (the same family, no
    cannot-link rule but named sides), the first that gives the same count, else the
    same place, else — for a headline that counts the dead — the first that counts them,
    else the first."""
    fits = [g for g in groups if headline[0].family == g[0].family
            and not any(_apart(h, m, sides=False) for h in headline for m in g)]
    told: set[tuple[str, float]] = set().union(*(counts(h.event) for h in headline))
    places = [h.place for h in headline if h.place is not None]
    fatal = any(q.unit in KILLED for h in headline for q in h.event.quantities)
    tests = (
        lambda g: any(told & counts(m.event) for m in g),
        lambda g: any(same_place(p, m.place, knowledge().same_place_km)
                      for p in places for m in g),
        lambda g: fatal and any(q.unit in KILLED for m in g for q in m.event.quantities),
        lambda g: True,
    )
    for test in tests:
        if found := next((g for g in fits if test(g)), None):
            return found
    return None


@dataclass
class _Group:
    """An incident being grouped, with what its cannot-link and toll checks read kept
    distinct: a mention is checked against each distinct kind of member once, not against
    every member (a page of thousands of alike mentions stays linear)."""

    members: list[Mention]
    kinds: dict[tuple[object, ...], Mention]  # one member per distinct (family, day, period,
    # sides, place): ``_apart`` reads nothing else of a member
    tolls: set[frozenset[tuple[str, float]]]  # the distinct killed counts of the members
    bare: bool  # every member is bare

    @classmethod
    def of(cls, mention: Mention) -> _Group:
        group = cls(members=[], kinds={}, tolls=set(), bare=True)
        group.add(mention)
        return group

    def add(self, mention: Mention) -> None:
        self.members.append(mention)
        ev = mention.event
        key = (mention.family, mention.day, mention.period, frozenset(ev.actors),
               frozenset(ev.targets),
               mention.place.id if mention.place is not None else None)
        self.kinds.setdefault(key, mention)
        self.tolls.add(mention.toll)
        self.bare = self.bare and _bare(mention)

    def apart(self, mention: Mention) -> bool:
        return any(_apart(m, mention) for m in self.kinds.values())

    def other_toll(self, mention: Mention) -> bool:
        """Does a member count the killed, exactly, and differently from ``mention``?"""
        own = mention.toll
        return bool(own) and any(toll and not toll & own for toll in self.tolls)

    def latest_link(self, mention: Mention) -> tuple[Mention, str] | None:
        """The member of the latest sentence (the first of it) that links to ``mention``."""
        found: tuple[Mention, str] | None = None
        for member in reversed(self.members):
            if found is not None and member.sentence < found[0].sentence:
                break
            via = _link(member, mention)
            if via == "same_day" and self.other_toll(mention):
                continue  # the day agrees, the toll does not
            if via == "detail" and ((not _bare(mention) and not self.bare)
                                    or self.other_toll(mention)):
                # Nearness is the weakest link: a bare mention continues an incident,
                # it does not bridge a placed or dated one into an incident that has a
                # place or a day already, nor join a different death toll.
                continue
            if via:
                found = (member, via)
        return found


def _grouped(mentions: Sequence[Mention]) -> tuple[list[list[Mention]], list[Link]]:
    groups: list[_Group] = []
    links: list[Link] = []
    for mention in mentions:
        best: tuple[int, Mention, str] | None = None
        for g, group in enumerate(groups):
            if group.apart(mention):
                continue
            found = group.latest_link(mention)
            if found and (best is None or found[0].sentence > best[1].sentence):
                best = (g, *found)
        if best is None:
            groups.append(_Group.of(mention))
        else:
            groups[best[0]].add(mention)
            links.append(Link(first=best[1].index, second=mention.index, via=best[2]))
    return [g.members for g in groups], links


def incident_id(document_id: str, event_id: str) -> str:
    """A document-local incident's id, from its first mention (stable across runs)."""
    digest = hashlib.sha1(f"{document_id}/{event_id}".encode()).hexdigest()[:16]
    return f"inc-{digest}"




def lead(record: DocumentRecord) -> tuple[Event | None, str | None]:
    """The event the article is about, and the rule that chose it. The body tells it (a
    headline's few words name less: "Syria Regime kills 25 civilians in Hama airstrikes"):
    the incident of the body that gives the headline's own count (two or more) when there
    is one (``headline_count``: "Shooting that injured eight was act of retaliation" is
    about the eight people hurt on Preston Street, not the Labor Day killing it avenged,
    though that counts a death first), its first mention by the order below; else the first
    mention of the whole body by that order. The headline is the lead (``headline``) when
    the body reports no incident, or none that is violent while the headline's is — a page
    whose story is its headline and its furniture."""
    ordered = sorted((ev for ev in record.events if ev.incident is not None),
                     key=lambda ev: ev.span.start)
    top = headline_end(record)
    body = [ev for ev in ordered if ev.span.start >= top]
    heads = [ev for ev in ordered if ev.span.end <= top]
    told = {ev.incident for ev in body for h in heads
            if h.incident == ev.incident and _same_count(h, ev)}
    if told:
        found, _ = _first([ev for ev in body if ev.incident in told])
        return found, "headline_count"
    found, via = _first(body)
    headline, headline_via = _first(heads)
    if headline is not None and via == "first_incident" and headline_via != "first_incident":
        return headline, "headline"  # the body tells no violence, its headline does: the page's
        # story is the headline ("Six injured in shooting at Fort Worth party" over a video
        # list whose first item is an arrest)
    if found is None and ordered:
        found, via = _first(ordered)[0], "headline"
    return found, via


def _same_count(a: Event, b: Event, units: frozenset[str] = KILLED | HARMED) -> bool:
    """Do the two mentions give one exact count of ``units``, two or more? (One is every
    lone victim's count: "a man was killed" tells no incident apart.)"""
    return any(value >= 2 for _, value in counts(a, units) & counts(b, units))


def _first(ordered: Sequence[Event]) -> tuple[Event | None, str | None]:
    for ev in ordered:
        if any(q.unit in KILLED and q.category for q in ev.quantities):
            return ev, "first_victims"
    for ev in ordered:
        if any(q.unit in KILLED for q in ev.quantities):
            return ev, "first_fatal"
    for ev in ordered:
        if any(q.unit in HARMED and (q.value or 0) >= 1 for q in ev.quantities):
            return ev, "first_casualties"
    for ev in ordered:
        if family(ev) == "violence":
            return ev, "first_violence"
    if ordered:
        return ordered[0], "first_incident"
    return None, None


def finish(record: DocumentRecord, sentences: Sequence[int] | None = None) -> DocumentRecord:
    """The record with each event's document-local incident, places shared within an
    incident, and its lead event (``sentences``: start offsets of the text's sentences)."""
    if not record.events:
        return record
    mentions = _mentions(record, sentences)
    groups, _ = group(mentions)
    events = list(record.events)
    for members in groups:
        ident = incident_id(record.document.id, members[0].event.id)
        placed = [m for m in members if m.place is not None]
        for m in members:
            changes: dict[str, Any] = {"incident": ident}
            if m.place is None and placed:
                source = min(placed, key=lambda p: (
                    precision_rank(p.place.precision if p.place else None),
                    abs(p.sentence - m.sentence)))
                changes.update(place=source.event.place, place_from=source.event.id)
            events[m.index] = dataclasses.replace(events[m.index], **changes)
    done = dataclasses.replace(record, events=tuple(events))
    chosen, via = lead(done)
    return dataclasses.replace(done, lead_event=chosen.id if chosen else None, lead_via=via)
