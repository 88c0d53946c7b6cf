"""Toponym resolution: which gazetteer place each toponym names, or which place contains it.

Each candidate is scored on what the text says and what the document is about:

* the kind a cue gives ("Aleppo province" -> the governorate; "Aleppo" alone -> the city,
  because a town and the admin-1 region named after it read as the town);
* population (log scale), countries and admin-1 regions above towns when nothing else
  tells;
* document context: the countries and admin-1 regions of the toponyms that resolve without
  doubt (*anchors*) lift candidates in the same country and region;
* an exact name over a transliteration variant, a curated supplement entry over a guess.

A name the gazetteer lacks, or whose candidates are all too weak, is *placed* when the text
places it: the place after "in/of/near" in its sentence ("neighborhoods in northern
Aleppo"), else the admin-1 region shared by the places listed with it. Otherwise it stays
unresolved.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from wirescope.extract.places.recognize import PLACE_LABELS, Toponym
from wirescope.gazetteer import Candidate, Gazetteer
from wirescope.gazetteer.model import Entry

KIND_PRIOR = {"country": 4.0, "admin1": 3.0, "admin2": 1.0, "town": 0.0, "section": 0.5,
              "area": 1.0, "spot": -0.5}
ANCHOR_MARGIN = 2.5
MIN_SCORE = 3.2  # below this an unsupported gazetteer match is not taken as a place
_CONTAINER_CUE = re.compile(
    r"\b(?:in|of|near|outside|around|inside|across)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|"
    r"north-?western|south-?eastern|south-?western)\s+(?:part\s+of\s+)?)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Resolution:
    toponym: Toponym
    entry: Entry | None  # the place, or the container of a place the gazetteer cannot point
    contained: bool  # ``entry`` contains the place named (the place has no own point)
    via: str  # gazetteer | supplement | imported | container | unresolved


@dataclass(frozen=True, slots=True)
class Context:
    countries: dict[str, float]  # share of anchors per country
    regions: frozenset[tuple[str, str]]  # (country, admin1) of anchors

    @classmethod
    def empty(cls) -> Context:
        return cls({}, frozenset())


def score(candidate: Candidate, toponym: Toponym, context: Context,
          rivals: Sequence[Candidate]) -> float:
    e = candidate.entry
    s = KIND_PRIOR[e.kind] + 0.6 * math.log10(e.population + 1)
    if not candidate.exact:
        s -= 3.0
    if e.source == "supplement":
        s += 1.0
    hint = toponym.hint
    if hint is not None:
        if e.kind == hint:
            s += 4.0
        elif hint in ("town", "section") and e.kind in ("town", "section"):
            s += 1.0
        elif hint == "admin1" and e.kind == "area":
            s += 2.0
        elif hint in ("town", "section") and e.kind in ("admin1", "country"):
            s -= 4.0  # "Zahraa neighborhoods" is not a province
    if e.kind == "admin1" and hint != "admin1" and any(
            r.exact and r.entry.kind == "town" and r.entry.country_code == e.country_code
            and r.entry.admin1_code == e.admin1_code and r.entry.population > 50000
            for r in rivals):
        s -= 6.0  # "Aleppo" alone is the city, "Aleppo province" the governorate
    if e.kind == "admin2" and hint != "admin2" and any(
            r.exact and r.entry.kind == "town" and r.entry.country_code == e.country_code
            and r.entry.population > 20000 for r in rivals):
        s -= 6.0  # "Buffalo" alone is the city, "Buffalo County" the county
    if e.country_code:
        share = context.countries.get(e.country_code, 0.0)
        s += 3.0 * share + (1.0 if share else 0.0)
        if (e.country_code, e.admin1_code or "") in context.regions:
            s += 1.5
    if toponym.ner == "PERSON" and e.kind == "town" and e.population < 100000:
        s -= 1.0
    return s


def ranked(toponym: Toponym, context: Context) -> list[tuple[float, Candidate]]:
    return sorted(((score(c, toponym, context, toponym.candidates), c)
                   for c in toponym.candidates), key=lambda p: (-p[0], p[1].entry.id))


def anchors(toponyms: Sequence[Toponym]) -> Context:
    """Document context from the toponyms that resolve without doubt."""
    countries: Counter[str] = Counter()
    regions: set[tuple[str, str]] = set()
    for toponym in toponyms:
        best = ranked(toponym, Context.empty())
        if not best:
            continue
        top = best[0]
        clear = len(best) == 1 or top[0] - best[1][0] >= ANCHOR_MARGIN
        if not clear or top[0] < MIN_SCORE or not top[1].exact:
            continue
        entry = top[1].entry
        if entry.country_code:
            countries[entry.country_code] += 1
            if entry.admin1_code and entry.kind != "country":
                regions.add((entry.country_code, entry.admin1_code))
    total = sum(countries.values())
    return Context({cc: n / total for cc, n in countries.items()} if total else {},
                   frozenset(regions))


def _supported(toponym: Toponym, best: float, candidate: Candidate, context: Context) -> bool:
    """Is a gazetteer match strong enough to be a place?"""
    entry = candidate.entry
    if not candidate.exact and entry.source != "supplement" and (
            toponym.ner == "NORP" or entry.country_code not in context.countries):
        return False  # a transliteration variant of a place abroad: a coincidence
    if toponym.ner in PLACE_LABELS:
        return best >= MIN_SCORE - 2.0
    if toponym.placed:
        return best >= MIN_SCORE - 1.0 and (candidate.exact or toponym.hint is not None)
    # Neither NER nor context says "place": only a name that can hardly be anything else.
    if not candidate.exact:
        return False
    if entry.kind in ("country", "admin1"):
        return True
    return entry.population >= 100000 or (
        entry.country_code in context.countries and entry.population >= 5000)


def _resolved(entry: Entry, gazetteer: Gazetteer, toponym: Toponym) -> Resolution:
    via = "supplement" if entry.source == "supplement" else (
        "imported" if entry.source.startswith("import") else "gazetteer")
    if entry.located:
        return Resolution(toponym, entry, False, via)
    container = gazetteer.get(entry.within) if entry.within is not None else None
    if container is None:
        container = gazetteer.admin1_entry(entry.country_code, entry.admin1_code)
    if container is None or not container.located:
        return Resolution(toponym, None, False, "unresolved")
    named = Entry(id=entry.id, name=entry.name, lat=container.lat, lon=container.lon,
                  country_code=container.country_code, admin1_code=container.admin1_code,
                  kind=container.kind, population=entry.population, source=entry.source)
    return Resolution(toponym, named, True, via)


def _container(toponym: Toponym, text: str, done: Sequence[Resolution],
               gazetteer: Gazetteer) -> Entry | None:
    same = [r for r in done if r.entry is not None and not r.contained
            and r.toponym.sentence == toponym.sentence and r.toponym is not toponym]
    for r in sorted(same, key=lambda r: r.toponym.start):
        if r.toponym.start > toponym.end and _CONTAINER_CUE.search(
                text[toponym.end : r.toponym.start][-60:]) and r.entry is not None \
                and r.entry.kind not in ("section", "spot"):
            return r.entry
    # "In northern Aleppo, militants attack … Zahraa": the place the sentence opens in.
    for r in sorted(same, key=lambda r: -r.toponym.start):
        if r.toponym.end < toponym.start and _CONTAINER_CUE.search(
                text[max(0, r.toponym.start - 30) : r.toponym.start]) and \
                r.entry is not None and r.entry.kind not in ("section", "spot", "country"):
            return r.entry
    # Listed with places of one admin-1 region: "al-Eis, Khan Tuman and Zerba".
    listed = [r.entry for r in same if r.entry is not None and _adjacent(toponym, r.toponym,
                                                                           text)]
    regions = {(e.country_code, e.admin1_code) for e in listed}
    if len(regions) == 1:
        cc, code = next(iter(regions))
        return gazetteer.admin1_entry(cc, code)
    return None


def _adjacent(a: Toponym, b: Toponym, text: str) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    between = text[first.end : second.start]
    return bool(re.fullmatch(r"\s*(?:,|and|or|&|,\s*and)\s*", between))


def resolve(toponyms: Sequence[Toponym], text: str, gazetteer: Gazetteer) -> list[Resolution]:
    context = anchors(toponyms)
    done: list[Resolution] = []
    pending: list[Toponym] = []
    for toponym in toponyms:
        best = ranked(toponym, context)
        if best and _supported(toponym, best[0][0], best[0][1], context):
            done.append(_resolved(best[0][1].entry, gazetteer, toponym))
        elif (toponym.placed or toponym.ner in PLACE_LABELS) and toponym.ner != "NORP":
            pending.append(toponym)
    for toponym in pending:
        container = _container(toponym, text, done, gazetteer)
        if container is None:
            done.append(Resolution(toponym, None, False, "unresolved"))
            continue
        named = Entry(id=0, name=" ".join(text[toponym.start : toponym.end].split()),
                      lat=container.lat, lon=container.lon,
                      country_code=container.country_code, admin1_code=container.admin1_code,
                      kind=container.kind, source="container", within=container.id)
        done.append(Resolution(toponym, named, True, "container"))
    return sorted(done, key=lambda r: r.toponym.start)
