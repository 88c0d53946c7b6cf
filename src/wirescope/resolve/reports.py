"""What one article says about one incident — a *report* — in the terms cross-article linking
compares: family and type, day, place, casualty counts, the people and names it mentions, and
where the text came from (for syndication).

A report is built from a document record whose events carry their document-local
``incident`` (:mod:`wirescope.extractors.incidents`); each local incident is one report. It is
plain data (JSON in the store), so linking a new article never re-reads old ones.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from wirescope.extractors.incidents import counts, day, family, incident_id, knowledge, same_place
from wirescope.extractors.places.lexicon import names_a_building
from wirescope.geo import within
from wirescope.records import Document, DocumentRecord, Event, Place, TimeExpr, precision_rank
from wirescope.resolve.embed import Embedder

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d+")
_SHINGLE = 5
_MINHASH = 48
# Words that tell no incident from another: English stop words and the words of every report.
_STOP = frozenset(STOP_WORDS | {"said", "says", "police", "officer", "officers", "man", "woman",
                               "men", "women", "people", "year", "years", "old", "shot",
                               "shooting", "killed", "according"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """One document's account of one incident."""

    document: str
    local: str  # the document-local incident id
    event: str  # the main mention (the lead event when it is one of them)
    events: tuple[str, ...]
    lead: bool  # the article's lead incident
    family: str
    type: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    day: str | None  # the day the text gives the incident
    story_day: str | None = None  # of a lead that states no day: the first past day its
    # article's story gives ("… was shot Thursday afternoon" in a mention told apart) ...
    story_time: str | None = None  # ... and the time expression that gives it
    published: str | None
    place_name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    precision: str | None = None
    killed: float | None = None
    injured: float | None = None
    setting_name: str | None = None  # the town the article mentions most (where it is set)
    setting_lat: float | None = None
    setting_lon: float | None = None
    setting_country_code: str | None = None
    setting_admin1: str | None = None
    setting_precision: str | None = None
    people: tuple[str, ...] = ()  # people the report is about, named in two words or more
    # (not those who speak; a lone word — "Spam" on a sign-in box, "Cameron" — is no one)
    terms: tuple[str, ...] = ()  # content words, repeated as often as they occur: the lead's
    # whole article (and title), a side incident's sentences
    core: tuple[str, ...] = ()  # the content words of the incident's own sentences, and for
    # the lead the title: what page furniture and retold background do not dilute
    ages: tuple[int, ...] = ()  # the ages of people those sentences give ("a 17-year-old")
    outlet: str | None = None  # the publisher: source, else the URL's host
    wire: str | None = None  # a wire service the text credits ("(Reuters) -")
    minhash: tuple[int, ...] = ()  # of the body's word shingles: near-duplicates
    order: int = 0  # position of the main mention in its text
    embedding: str | None = None  # the gist's sentence embedding (:mod:`.embed`), packed
    apart: bool = True  # of a side incident: set apart from the lead by its day or place
    names_region: bool = False  # the article names the admin-1 region of the report's place
    # (the state, the governorate — as a place of its own, or a town of the region's name:
    # "Aleppo"), so that region is the text's, not a guess among same-named places
    names_country: bool = False  # ... and likewise its country

    def place(self, *, finest: bool = False) -> Place | None:
        """The report's place as a :class:`Place` (for the distance rules); with
        ``finest``, only a town or a finer place (a region or a country holds many)."""
        if self.lat is None and self.country_code is None:
            return None
        if finest and (self.precision not in ("point", "town", "district") or self.lat is None):
            return None
        return Place(id=f"{self.place_name}|{self.lat}|{self.lon}", document_id=self.document,
                     extractor="", name=self.place_name or "", lat=self.lat, lon=self.lon,
                     country_code=self.country_code, admin1=self.admin1, geonameid=None,
                     precision=self.precision,  # type: ignore[arg-type]
                     mentions=())

    @property
    def anchored(self) -> bool:
        """Is this report compared across articles? An article's lead incident always; a side
        incident only when the text gives it both a place and a day of its own. (Local news
        tells one shooting in many mentions that the article does not always join: linked
        across articles, such loose pieces pull the leads of two articles about one incident
        into different incidents — on the development set, linking every side incident cut
        pairwise recall from 0.46 to 0.36.) Nor one the text sets on the lead's day at the
        lead's place (:func:`set_apart`): the lead retold in mentions the article did not
        join, which, compared across articles, drew other articles' leads away from it
        (pairwise F1 0.756 -> 0.769 on the development set when left alone)."""
        return self.lead or (self.day is not None and self.lat is not None and self.apart)

    @property
    def reference_day(self) -> str | None:
        """The incident's day as the text gives it, else its story's, else the article's
        publication day."""
        return self.day or self.story_day or self.published

    def as_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _FIELDS}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Report:
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v
                                  for k, v in data.items() if k in _FIELDS}
        return cls(**values)


_FIELDS = frozenset(f.name for f in dataclasses.fields(Report))

_WIRES = (
    (re.compile(r"\((?:AP|The Associated Press)\)|\bAssociated Press\b"), "ap"),
    (re.compile(r"\(Reuters\)|[-—–]{1,2}\s*Reuters\b|\bReuters\s*[-—–]"), "reuters"),
    (re.compile(r"\(AFP\)|[-—–]{1,2}\s*AFP\b|\bAFP\s*[-—–]|Agence France-Presse"), "afp"),
)


def wire(text: str) -> str | None:
    """The wire service a text credits for itself, in its opening or closing lines."""
    edges = text[:300] + "\n" + text[-300:]
    for pattern, name in _WIRES:
        if pattern.search(edges):
            return name
    return None


def outlet(document: Document) -> str | None:
    """The publisher: the source given, else the web host."""
    if document.source:
        return document.source.strip().casefold()
    return document.host


def minhash(text: str, size: int = _MINHASH) -> tuple[int, ...]:
    """A MinHash signature of the text's five-word shingles (lower case, words only)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    shingles = {" ".join(words[i:i + _SHINGLE]) for i in range(max(1, len(words) - _SHINGLE + 1))}
    hashes = np.array([int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(),
                                      "big") for s in shingles], dtype=np.uint64)
    # One universal hash per seed: (h xor seed·φ)·c mod 2^64 (uint64 arithmetic wraps).
    seeds = np.arange(1, size + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    mixed = (hashes[:, None] ^ seeds[None, :]) * np.uint64(0xBF58476D1CE4E5B9)
    return tuple(int(v) for v in mixed.min(axis=0))


def resemblance(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard resemblance of two texts from their MinHash signatures."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


_AGE = re.compile(r"\b(\d{1,3})[- ](?:year|yr)s?[- ]old\b|\bage[sd]?\s+(\d{1,3})\b"
                  r"|\b[A-Z][a-z]+,\s+(\d{1,2}),", re.IGNORECASE)


def ages(text: str) -> set[int]:
    """The ages a text gives people: "a 17-year-old", "aged 17", "Tre Edwards, 17,"."""
    return {int(n) for m in _AGE.finditer(text) for n in m.groups() if n and 0 < int(n) < 110}


def _terms(text: str) -> Counter[str]:
    return Counter(w.casefold() for w in _WORD.findall(text)
                   if len(w) > 2 and w.casefold() not in _STOP and not w.isdigit())


def _best_place(places: list[Place], setting: Place | None) -> Place | None:
    """The finest place the incident's mentions give — of those near where the article is
    set, when any is (a street or a hamlet the gazetteer put in another state — "Lowell
    Avenue", "Forest" — does not outrank the town the story is told in)."""
    resolved = [p for p in places if p.lat is not None]
    if setting is not None:
        resolved = [p for p in resolved if within(p.lat, p.lon, setting.lat, setting.lon,
                                                  knowledge().near_km)] or resolved
    if not resolved:
        return None
    return min(resolved, key=lambda p: precision_rank(p.precision))


def _story(record: DocumentRecord) -> list[tuple[int, int]]:
    """The paragraphs (blank-line separated; else lines) that hold an event mention."""
    text = record.document.text
    breaks = [m.end() for m in re.finditer(r"\n\s*\n" if "\n\n" in text else r"\n", text)]
    bounds = list(zip([0, *breaks], [*breaks, len(text)], strict=True))
    starts = [ev.span.start for ev in record.events]
    return [(a, b) for a, b in bounds if any(a <= s < b for s in starts)]


def _setting(record: DocumentRecord) -> Place | None:
    """The town (or finer place) the article mentions most, first mentioned on a tie — not
    counting the mentions that begin a building's name ("taken to Mount Sinai Hospital":
    the hospital, not the town). An article that names no town by itself is set where its
    local agency serves ("the Juneau Police Department was notified …": Juneau). (Counted
    beside the towns named, the agencies moved more incidents' places right — 0.731 ->
    0.747 — but drew reports of different incidents together: pairwise precision 0.897 ->
    0.892 on the development set; as a fallback, 0.738 and 0.897.)"""
    text = record.document.text
    named = {p.id: [m for m in p.mentions if not names_a_building(text, m.end)]
             for p in record.places}
    served = {p.id: [u.span for u in p.uses if u.use == "agency"] for p in record.places}
    for counted in (named, served):
        towns = [p for p in record.places if p.lat is not None and counted[p.id]
                 and p.precision in ("point", "town", "district")]
        if towns:
            return max(towns, key=lambda p: (len(counted[p.id]),
                                             -min(m.start for m in counted[p.id])))
    return None


def _story_time(record: DocumentRecord, story: list[tuple[int, int]],
                published: str | None) -> TimeExpr | None:
    """The first time expression of the article's story (the paragraphs that report an
    event) that names one day not after the article's own: the day a lede gives when the
    mentions of its incident were told apart from it ("A 16-year-old was shot Thursday
    afternoon near …")."""
    for time in sorted(record.times, key=lambda t: t.span.start):
        if any(a <= time.span.start < b for a, b in story) and (
                found := day(time)) and (not published or found <= published):
            return time
    return None


def set_apart(side: Report, lead: Report) -> bool:
    """Does the text set a side incident apart from its article's lead: another stated day,
    or a place away from the lead's (more than ``near_km``) and from where the article is
    set? A lead with no place of its own could be anywhere near."""
    if side.day is not None and lead.reference_day is not None and side.day != lead.reference_day:
        return True
    k = knowledge()
    if lead.place() is None or same_place(side.place(), lead.place(), k.near_km):
        return False
    return not within(side.lat, side.lon, lead.setting_lat, lead.setting_lon, k.same_place_km)


GIST_SENTENCES = 4  # the incident's first sentences that make its gist


def gist(record: DocumentRecord, events: list[Event], lead: bool) -> str:
    """What an embedding of the report reads: the incident's first
    :data:`GIST_SENTENCES` sentences, after the headline for the article's lead."""
    text = record.document.text
    spans = sorted({(s.start, s.end) for s in (ev.sentence or ev.span for ev in events)})
    told = " ".join(text[a:b].strip() for a, b in spans[:GIST_SENTENCES])
    title = (record.document.title or "").strip()
    return f"{title}. {told}" if lead and title else told


def reports(record: DocumentRecord, embedder: Embedder | None = None) -> Iterator[Report]:
    """One report per document-local incident of the record; with ``embedder``, each report
    compared across articles (:attr:`Report.anchored`) with the embedding of its
    :func:`gist` (the record's in one batch)."""
    found = list(_reports(record))
    lead = next((r for r, _ in found if r.lead), None)
    if lead is not None:
        found = [(r if r.lead else dataclasses.replace(r, apart=set_apart(r, lead)), events)
                 for r, events in found]
    compared = [(r, events) for r, events in found if r.anchored]  # the others stay alone
    if embedder is None or not compared:
        yield from (r for r, _ in found)
        return
    vectors = dict(zip((r.local for r, _ in compared),
                       embedder([gist(record, events, r.lead) for r, events in compared]),
                       strict=True))
    yield from (dataclasses.replace(r, embedding=vectors.get(r.local)) for r, _ in found)


def _reports(record: DocumentRecord) -> Iterator[tuple[Report, list[Event]]]:
    doc = record.document
    text = doc.text
    places = {p.id: p for p in record.places}
    times = {t.id: t for t in record.times}
    groups: dict[str, list[Event]] = {}
    for ev in record.events:
        if ev.incident is not None:
            groups.setdefault(ev.incident, []).append(ev)
    if not groups:
        return
    speakers = {q.speaker for q in record.quotes}
    people_all = [e for e in record.entities if e.type == "person" and e.id not in speakers]
    setting = _setting(record)
    regions, countries = _named_regions(record)
    # The paragraphs that report any event hold the people the lead is about (page
    # furniture — menus, related links, bylines — reports none).
    story = _story(record)
    article_terms = _terms(text) | _terms(doc.title or "")
    body_hash = minhash(text)
    source = outlet(doc)
    credited = wire(text)
    published = doc.published.isoformat() if doc.published else None
    # The lead incident first: a store links it before the article's side incidents.
    ordered = sorted(groups.values(), key=lambda evs: not any(
        ev.id == record.lead_event for ev in evs))
    for events in ordered:
        # The document-local id, from the incident's first mention: the same before and
        # after linking renamed ``incident`` (so a store can be re-linked from itself).
        local = incident_id(doc.id, events[0].id)
        lead = any(ev.id == record.lead_event for ev in events)
        main = next((ev for ev in events if ev.id == record.lead_event), None) or next(
            (ev for ev in events if ev.acled_sub_event_type), events[0])
        sentences = [(s.start, s.end) for s in (ev.sentence or ev.span for ev in events)]
        # The lead is what the whole article tells; a side incident only its sentences.
        told = story if lead else sentences
        people = {e.name.casefold() for e in people_all
                  if any(a <= m.start < b for m in e.mentions for a, b in told)
                  and len(e.name.split()) >= 2}  # a lone word ("Spam", "Cameron") is no one
        own: Counter[str] = Counter()
        aged: set[int] = ages(doc.title or "") if lead else set()
        for a, b in sentences:  # a sentence two mentions share counts once
            own |= _terms(text[a:b])
            aged |= ages(text[a:b])
        words = article_terms if lead else own
        core = own | _terms(doc.title or "") if lead else own
        # A day after the article's own is no day a past incident happened on (a weekday
        # resolved forward, a plan): the report then states none.
        days = sorted(d for ev in events if ev.time and not ev.time_inherited
                      and (d := day(times.get(ev.time))) and (not published or d <= published))
        lede = _story_time(record, story, published) if lead and not days else None
        place = _best_place([places[ev.place] for ev in events if ev.place in places],
                            setting if lead else None)
        killed = [v for ev in events for (unit, v) in counts(ev) if unit == "killed"]
        injured = [v for ev in events for (unit, v) in counts(ev) if unit == "injured"]
        kind = family(main) or next(f for ev in events if (f := family(ev)))
        yield Report(
            document=doc.id, local=local, event=main.id, events=tuple(ev.id for ev in events),
            lead=lead, family=kind, type=main.type,
            acled_event_type=main.acled_event_type,
            acled_sub_event_type=main.acled_sub_event_type,
            day=days[0] if days else None, story_day=day(lede), published=published,
            story_time=lede.id if lede else None,
            place_name=place.name if place else None, lat=place.lat if place else None,
            lon=place.lon if place else None,
            country_code=place.country_code if place else None,
            admin1=place.admin1 if place else None, precision=place.precision if place else None,
            killed=max(killed) if killed else None, injured=max(injured) if injured else None,
            # where the article is set says where its lead incident is, not its others
            setting_name=setting.name if setting and lead else None,
            setting_lat=setting.lat if setting and lead else None,
            setting_lon=setting.lon if setting and lead else None,
            setting_country_code=setting.country_code if setting and lead else None,
            setting_admin1=setting.admin1 if setting and lead else None,
            setting_precision=setting.precision if setting and lead else None,
            people=tuple(sorted(people)), terms=tuple(sorted(words.elements())),
            core=tuple(sorted(core.elements())), ages=tuple(sorted(aged)), outlet=source,
            wire=credited, minhash=body_hash, order=main.span.start,
            names_region=place is not None and (place.country_code, place.admin1) in regions,
            names_country=place is not None and place.country_code in countries,
        ), events


def _named_regions(record: DocumentRecord) -> tuple[set[tuple[str | None, str]], set[str]]:
    """The admin-1 regions (country code, region) and the countries the article names: a
    region or a country among its places, or a town of its region's name ("Aleppo", "New
    York"); a region's country is named with it."""
    named = [p for p in record.places if p.mentions]  # as places, not for their states
    regions = {(p.country_code, p.admin1) for p in named if p.admin1 and (
        p.precision == "region" or p.name.casefold() == p.admin1.casefold())}
    countries = {p.country_code for p in named if p.country_code and p.precision == "country"}
    countries |= {code for code, _ in regions if code}
    return regions, countries


def day_gap(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


