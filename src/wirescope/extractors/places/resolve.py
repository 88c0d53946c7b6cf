"""Toponym resolution: which gazetteer place each toponym names, or which place contains it.

Each candidate is scored on what the text says and what the document is about:

* the kind a cue gives ("Aleppo province" -> the governorate; "Aleppo" alone -> the city,
  because a town and the admin-1 region named after it read as the town);
* population (log scale), countries and admin-1 regions above towns when nothing else
  tells;
* document context: the countries and admin-1 regions of the toponyms that resolve without
  doubt (*anchors*) lift candidates in the same country and region;
* an exact name over a transliteration variant, a close variant ("Idleb"/"Idlib") over a
  loose one that only shares a consonant skeleton ("Midan"/"Mayadin"), which is never
  taken; a curated supplement entry over a guess;
* the document's *home* country: when most anchors lie in one country (an article about
  Syria), a small place abroad is not taken for a name neither NER nor a cue calls a place
  (``Context.foreign_penalty``); a lone small town abroad does not make its country an
  anchor ("Madaya" alone does not make a Syrian article about Myanmar).

A place followed by a comma and a region or country that contains it ("Birmingham,
Alabama", "Buffalo, New York") resolves as that pair: the town in the region, the region
(not the city of the same name).

A transliteration variant the text places elsewhere ("al-Qosour … neighborhoods in Deir
Ezzor" is not al-Qusayr in Homs) yields to the container the text gives.

A *part* ("North Dallas", "Kasai Occidental": a direction word and a known name the gazetteer
lacks as a whole) resolves inside the place it names only when the document supports that
place (its country is among the anchors' — or the document has none —, or it is a country or
a continent): it keeps its own name at that place's point and coarser precision. A part the
context does not support ("West Midlands" in an article about England is not Zimbabwe's
Midlands) is a name the gazetteer lacks.

A small place the text puts directly in a place of another country ("Piccadilly in central
London" is not the Australian hamlet) is that place's part.

A name after "the" that names a feature (an ocean, a region) reads as that feature before a
town of the same name ("the Pacific").

A name the gazetteer lacks, or whose candidates are all too weak, is *placed* when the text
places it: the place after "in/of/near" in its sentence ("neighborhoods in northern
Aleppo"), else the admin-1 region shared by the places listed with it. A street ("Auburn
Avenue", "Hickory View Place": a name ending in a street word) is placed in the town the
document names most, else — a text naming no town — at the place its name starts with
("Yala Road"). Otherwise it stays unresolved.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass

from wirescope.extractors.places.lexicon import names_a_building
from wirescope.extractors.places.recognize import PLACE_LABELS, Toponym, appositive
from wirescope.gazetteer import Candidate, Gazetteer, key
from wirescope.gazetteer.model import Entry
from wirescope.geo import distance_km

KIND_PRIOR = {"country": 4.0, "admin1": 3.0, "admin2": 1.0, "town": 0.0, "section": 0.5,
              "area": 1.0, "spot": -0.5}
ANCHOR_MARGIN = 2.5
LOOSE_VARIANT = 0.75  # below this similarity a skeleton match is a coincidence
HOME_SHARE = 0.5  # share of anchors that makes a country the document's home
FOREIGN_FAR = 6.0  # penalty (times the home share) for a small place abroad, far from home
FOREIGN_NEAR = 3.0  # ... for a small place abroad within NEAR_KM of the home anchors
NEAR_KM = 700.0
NOTABLE = 1_000_000  # population of a place abroad that a home country does not penalise
MAJOR_CITY = 500_000  # "Washington, D.C." is the city, not a list of two regions
PRIMARY_NAME = 0.5  # the place's own name over a namesake's alternate name
ALTERNATE_OF_WELL_KNOWN = 3.0  # ... and a well-known larger place's own name far over it
MIN_SCORE = 3.2  # below this an unsupported gazetteer match is not taken as a place
NEITHER_MIN = MIN_SCORE - 2.0  # ... for a name neither NER nor context calls a place
REGION_SUPPORT = 2.0  # a candidate in the region the document's unclear names point to
PART_KM = 40.0  # a place the text puts in a town further than this from it is the town's part
LIKELY_REGION = 0.3  # the share of its readings in one region that lets a name point there
_CONTAINER_CUE = re.compile(
    r"\b(?:in|of|near|outside|around|inside|across)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|"
    r"north-?western|south-?eastern|south-?western)\s+(?:part\s+of\s+)?)?$", re.IGNORECASE)


_IN = re.compile(r"\s+in\s+(?:the\s+)?")
# A region's abbreviation and the character after it ("Tenn.", "N.Y.", "TX ")
_ABBREVIATED = re.compile(r"[A-Z][a-z]{0,4}\.|(?:[A-Z]\.){2,3}.?|[A-Z]{2}\W?")
_LIST_GOES_ON = re.compile(r",?\s*(?:and|or|&)\s+[A-Z]|,\s*[A-Z][a-z]")
_DIRECTLY_IN = re.compile(
    r"\s+(?:(?:neighbou?rhood|section|district|suburb|area)\s+of|in|near|outside|inside)\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"downtown)\s+)?", re.IGNORECASE)
NATIONALITY = 0.5  # a nationality adjective's weight as evidence of the document's country
ABROAD_CITY = 3.5  # a region's name that is also a large city's abroad
ARTICLE_AREA = 3.0  # "the Pacific": a feature that shares its name with a town …
ARTICLE_TOWN = 2.5  # … before the town (unless the town's own name has the article)


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
    home: str | None = None  # the country most anchors lie in, if they mostly do
    home_points: tuple[tuple[float, float], ...] = ()  # points of the home anchors
    # How likely the names that are no anchor lie in each (country, admin-1) region, summed
    # over the names — and each name's own share, which does not support itself.
    support: dict[tuple[str, str], float] = dataclasses.field(default_factory=dict)
    own: dict[frozenset[int], dict[tuple[str, str], float]] = dataclasses.field(
        default_factory=dict)

    def region_support(self, entry: Entry, toponym: Toponym) -> float:
        """How much the document's other unclear names back ``entry``'s region ("Paris"
        beside "Garland" and "Lamar County": Texas), at most 1."""
        if not self.support or not entry.country_code or not entry.admin1_code:
            return 0.0
        where = (entry.country_code, entry.admin1_code)
        mine = self.own.get(_name_id(toponym), {}).get(where, 0.0)
        return min(1.0, self.support.get(where, 0.0) - mine)

    @classmethod
    def empty(cls) -> Context:
        return cls({}, frozenset())

    def foreign_penalty(self, entry: Entry) -> float:
        """How much a place outside every anchor country loses in a document with a home
        country (nothing for countries themselves: "Turkey" is named, not guessed)."""
        if self.home is None or entry.kind == "country" or not entry.country_code or \
                entry.country_code in self.countries:
            return 0.0
        share = self.countries[self.home]
        if entry.population >= NOTABLE:
            return 0.0  # a world city is as likely named abroad as at home
        scale = 0.5 if entry.population >= 100000 else 1.0
        if entry.lat is not None and entry.lon is not None and any(
                distance_km(entry.lat, entry.lon, lat, lon) <= NEAR_KM
                for lat, lon in self.home_points):
            return FOREIGN_NEAR * share * scale
        return FOREIGN_FAR * share * scale


def score(candidate: Candidate, toponym: Toponym, context: Context,
          rivals: Sequence[Candidate]) -> float:
    e = candidate.entry
    s = KIND_PRIOR[e.kind] + 0.6 * math.log10(e.population + 1)
    if not candidate.exact:
        s -= 3.0 + 4.0 * (1.0 - candidate.similarity)
    elif candidate.primary:
        s += PRIMARY_NAME
    elif toponym.hint is None and any(
            r.exact and r.primary and r.entry.well_known and r.entry.id != e.id
            and r.entry.population > e.population for r in rivals):
        # "Kabul" is Kabul, not Cabool, Missouri, which GeoNames also calls so, whatever the
        # country the text is set in; "Moscow" the city, not the oblast that bears its name
        s -= ALTERNATE_OF_WELL_KNOWN
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
    if e.kind == "admin1" and hint != "admin1":
        s -= _city_rival(candidate, rivals)
    if e.kind == "admin2" and hint != "admin2":
        if any(r.exact and r.entry.kind == "town" and r.entry.country_code == e.country_code
               and r.entry.population > 20000 for r in rivals):
            s -= 6.0  # "Buffalo" alone is the city, "Buffalo County" the county
        elif any(r.exact and r.primary and r.entry.kind == "town"
                 and r.entry.population > 100000 for r in rivals):
            s -= ABROAD_CITY  # "Toledo" alone is a city, not a Colombian municipality
    if e.country_code:
        share = context.countries.get(e.country_code, 0.0)
        s += 3.0 * share + (1.0 if share else 0.0)
        if (e.country_code, e.admin1_code or "") in context.regions:
            s += 1.5
        if not any(r.exact and r.primary and r.entry.well_known and r.entry.id != e.id
                   for r in rivals):
            # (a well-known place keeps its name: "Boston" beside unclear Georgia names)
            s += REGION_SUPPORT * context.region_support(e, toponym)
    if toponym.article and any(r.exact and r.entry.kind == "area" for r in rivals):
        # "the Pacific": the feature (an ocean, a region), not the town of Pacific ("the
        # Hague" keeps its article in its own name)
        if e.kind == "area":
            s += ARTICLE_AREA
        elif e.kind == "town" and not e.name.lower().startswith("the "):
            s -= ARTICLE_TOWN
    if toponym.ner == "PERSON" and e.kind == "town" and e.population < 100000:
        s -= 1.0
    return s


def _city_rival(region: Candidate, rivals: Sequence[Candidate]) -> float:
    """What a region named bare loses to a town of the same name: "Aleppo" alone is the
    city, "Aleppo province" the governorate (a town in the region over 50,000); "Gaza"
    alone is the city, not Mozambique's Gaza province (a town abroad over 100,000). A town
    that has the region's own name only as an alternate (Bihar Sharif, "Bihar") does not
    take it from the region."""
    e = region.entry
    towns = [r.entry for r in rivals if r.exact and r.entry.kind == "town"
             and (r.primary or not region.primary)]
    if any(t.country_code == e.country_code and t.admin1_code == e.admin1_code
           and t.population > 50000 for t in towns):
        return 6.0
    if any(t.country_code != e.country_code and t.population > 100000 for t in towns):
        return ABROAD_CITY
    return 0.0


def _name_id(toponym: Toponym) -> frozenset[int]:
    """One name however often the text repeats it: its candidates."""
    return frozenset(c.entry.id for c in toponym.candidates)


def _readings(best: Sequence[tuple[float, Candidate]]) -> dict[tuple[str, str], float]:
    """How likely an unclear name lies in each admin-1 region: its plausible exact readings'
    scores as odds (a soft-max), summed per region."""
    readings = [(score_, c.entry) for score_, c in best if c.exact and score_ >= NEITHER_MIN
                and c.entry.kind != "country" and c.entry.country_code]
    if not readings:
        return {}
    top = readings[0][0]
    weights = [(math.exp(score_ - top), e) for score_, e in readings]
    total = sum(w for w, _ in weights)
    found: dict[tuple[str, str], float] = {}
    for w, e in weights:
        where = (e.country_code or "", e.admin1_code or "")
        found[where] = found.get(where, 0.0) + w / total
    # Only a name that mostly points to one region backs it: "Franklin" or "Orange County",
    # in many states, back none (many such names would add up to a region by chance).
    likeliest = max(found, key=lambda where: (found[where], where))
    return {likeliest: found[likeliest]} if found[likeliest] >= LIKELY_REGION else {}


def ranked(toponym: Toponym, context: Context) -> list[tuple[float, Candidate]]:
    """The candidates by score; a spelling variant only where no place bears the name."""
    exact = any(c.exact for c in toponym.candidates)
    return sorted(((score(c, toponym, context, toponym.candidates), c)
                   for c in toponym.candidates if c.exact or not exact),
                  key=lambda p: (-p[0], p[1].entry.id))


def anchors(toponyms: Sequence[Toponym], nationalities: Sequence[str] = ()) -> Context:
    """Document context from the toponyms that resolve without doubt, and from the
    countries of the nationality adjectives the text uses ("Indonesian officials"), each
    worth half a place name."""
    clear_entries: list[tuple[Toponym, Entry]] = []
    one_country: list[tuple[str, str | None, frozenset[int]]] = []
    own: dict[frozenset[int], dict[tuple[str, str], float]] = {}
    for toponym in toponyms:
        if toponym.part:
            continue  # "West Midlands" says nothing about Zimbabwe
        best = ranked(toponym, Context.empty())
        if not best:
            continue
        top = best[0]
        clear = len(best) == 1 or top[0] - best[1][0] >= ANCHOR_MARGIN
        if not clear or top[0] < MIN_SCORE or not top[1].exact:
            own.setdefault(_name_id(toponym), _readings(best))
            readings = [c.entry for score_, c in best if c.exact and score_ >= NEITHER_MIN]
            where = {(e.country_code, e.admin1_code if e.kind != "country" else None)
                     for e in readings}
            if readings and len({cc for cc, _ in where}) == 1 and readings[0].country_code:
                # "Garland", "Lamar County": which one is unclear, but every reading lies in
                # one country (and perhaps one region) — the document is about it.
                regions_of = {a1 for _, a1 in where}
                one_country.append((readings[0].country_code,
                                    next(iter(regions_of)) if len(regions_of) == 1 else None,
                                    frozenset(e.id for e in readings)))
            continue
        clear_entries.append((toponym, top[1].entry))
    # A small town is an anchor only when another name backs its country ("Madaya" alone
    # in a Syrian article does not make it about Myanmar).
    backing: dict[str, set[int | frozenset[int]]] = {}
    for _, entry in clear_entries:
        if entry.country_code:
            backing.setdefault(entry.country_code, set()).add(entry.id)
    for cc, _, ids in one_country:
        backing.setdefault(cc, set()).add(ids)
    countries: dict[str, float] = {}
    for cc in nationalities:
        countries[cc] = countries.get(cc, 0.0) + NATIONALITY
    regions: set[tuple[str, str]] = set()
    points: dict[str, list[tuple[float, float]]] = {}
    for cc, a1, _ in one_country:
        if len(backing[cc]) >= 2:
            countries[cc] = countries.get(cc, 0.0) + 1
            if a1:
                regions.add((cc, a1))
    for _, entry in clear_entries:
        if not entry.country_code:
            continue
        if entry.admin1_code and entry.kind != "country":
            regions.add((entry.country_code, entry.admin1_code))
        # A well-known place stands on its own as an anchor.
        if entry.well_known or len(backing[entry.country_code]) >= 2:
            countries[entry.country_code] = countries.get(entry.country_code, 0.0) + 1
            if entry.lat is not None and entry.lon is not None:
                points.setdefault(entry.country_code, []).append((entry.lat, entry.lon))
    total = sum(countries.values())
    shares = {cc: n / total for cc, n in countries.items()} if total else {}
    home = max(sorted(shares), key=lambda cc: shares[cc]) if shares else None
    if home is not None and (shares[home] < HOME_SHARE or countries[home] < 2):
        home = None
    support: dict[tuple[str, str], float] = {}
    for likely in own.values():
        for region, p in likely.items():
            support[region] = support.get(region, 0.0) + p
    return Context(shares, frozenset(regions), home,
                   tuple(points.get(home, ())) if home else (), support, own)


def _supported(toponym: Toponym, best: float, candidate: Candidate, context: Context) -> bool:
    """Is a gazetteer match strong enough to be a place?"""
    entry = candidate.entry
    if not candidate.exact and entry.source != "supplement" and (
            toponym.ner == "NORP" or entry.country_code not in context.countries
            or candidate.similarity < LOOSE_VARIANT):
        return False  # a loose variant, or a transliteration variant abroad: a coincidence
    if toponym.ner in PLACE_LABELS:
        return best >= MIN_SCORE - 2.0
    if toponym.placed:
        return best >= MIN_SCORE - 1.0 and (candidate.exact or toponym.hint is not None)
    # Neither NER nor context says "place": only a name that can hardly be anything else,
    # and not a place abroad in a document about one country ("Sun" is not Anshun).
    if not candidate.exact or best < NEITHER_MIN or context.foreign_penalty(entry) > 0:
        return False
    if entry.well_known or entry.source == "supplement":
        return True  # a country, a region, a large town, or a curated place ("Qalamoun")
    return entry.country_code in context.countries and entry.population >= 5000


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
               gazetteer: Gazetteer, *, explicit: bool = False) -> Entry | None:
    """The place the text puts ``toponym`` in; ``explicit``: only "X … in/of/near Y"."""
    same = [r for r in done if r.entry is not None and not r.contained
            and r.toponym.sentence == toponym.sentence and r.toponym is not toponym]
    for r in sorted(same, key=lambda r: r.toponym.start):
        if r.toponym.start > toponym.end and _CONTAINER_CUE.search(
                text[toponym.end : r.toponym.start][-60:]) and r.entry is not None \
                and r.entry.kind not in ("section", "spot"):
            return r.entry
    if explicit:
        return None
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


def _part_supported(entry: Entry, context: Context) -> bool:
    """Does the document support the place a part ("North Dallas") is a part of?"""
    if entry.kind == "country" or entry.country_code is None:
        return True  # "Northern Nigeria", "Western Europe": named, not guessed
    return not context.countries or entry.country_code in context.countries


def _directly_in(toponym: Toponym, text: str, done: Sequence[Resolution]) -> Entry | None:
    """The place right after "X in/near (the) (central) …", if the text names one."""
    for r in done:
        if r.entry is not None and not r.contained and r.toponym.start > toponym.end and \
                r.entry.kind not in ("section", "spot") and \
                _DIRECTLY_IN.fullmatch(text[toponym.end : r.toponym.start]):
            return r.entry
    return None


def _outside(inner: Entry, outer: Entry) -> bool:
    """Does ``inner`` lie outside ``outer`` (another country; another admin-1 region than a
    region; further than :data:`PART_KM` from a town or district)?"""
    if outer.country_code != inner.country_code:
        return True
    if outer.kind == "admin1":
        return inner.admin1_code != outer.admin1_code
    if outer.kind in ("town", "section", "spot", "admin2") and inner.lat is not None and \
            inner.lon is not None and outer.lat is not None and outer.lon is not None:
        return distance_km(inner.lat, inner.lon, outer.lat, outer.lon) > PART_KM
    return False


def _adjacent(a: Toponym, b: Toponym, text: str) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    between = text[first.end : second.start]
    return bool(re.fullmatch(r"\s*(?:,|and|or|&|,\s*and)\s*", between))


def _contains(outer: Entry, inner: Entry) -> bool:
    if outer.kind == "country":
        return inner.kind != "country" and inner.country_code == outer.country_code
    return outer.kind == "admin1" and inner.kind not in ("country", "admin1") and \
        inner.country_code == outer.country_code and inner.admin1_code == outer.admin1_code


def nested(toponyms: Sequence[Toponym], text: str, context: Context) -> dict[int, Entry]:
    """"Birmingham, Alabama", "Stroud, Ontario", "Warwick in Queensland": a place followed
    by a comma (or "in") and the region or country that contains it. The best-scoring pair
    of exactly named candidates in which the second contains the first fixes both (by
    toponym start). After a comma, a region is only put in a country ("West Virginia,
    United States"), and a country in nothing: "Georgia, Illinois" and "Mexico, China,
    Japan" are lists — unless the first names a major city inside the second ("Washington,
    D.C.")."""
    fixed: dict[int, Entry] = {}
    for inner, outer in itertools.pairwise(toponyms):
        explicit = _IN.fullmatch(text[inner.end : outer.start]) is not None
        if not explicit and not appositive(text, inner.end, outer.start):
            continue
        alone = ranked(inner, context)
        abbreviated = any(_ABBREVIATED.fullmatch(text[outer.start : end]) is not None
                          for end in (outer.end, outer.end + 1))  # "Tenn." or "Tenn" + "."
        if not alone or (alone[0][1].entry.kind == "country" and not abbreviated):
            continue  # ... but "LEBANON, Tenn.": a state abbreviation follows only a town
        region = alone[0][1].entry.kind == "admin1" or inner.hint in ("admin1", "country")
        pairs = [(si + so, ci.entry, co.entry)
                 for si, ci in alone if ci.exact
                 for so, co in ranked(outer, context) if co.exact
                 and _contains(co.entry, ci.entry)
                 and (explicit or not region or co.entry.kind == "country"
                      or (ci.entry.kind == "town" and ci.entry.population >= MAJOR_CITY))]
        if pairs:
            _, entry_in, entry_out = max(pairs, key=lambda p: (p[0], -p[1].id, -p[2].id))
            fixed.setdefault(inner.start, entry_in)
            fixed[outer.start] = entry_out
    return fixed


def outside_named_region(toponyms: Sequence[Toponym], text: str, context: Context,
                         fixed: dict[int, Entry]) -> dict[int, Entry]:
    """"HOWLAND, Ohio": a town the gazetteer knows only elsewhere (Howland, Maine), followed
    by a comma and the region or country the text puts it in, is a place of that region —
    its part, at the region's point — not its namesake elsewhere. By toponym start; the
    region itself is added to ``fixed``."""
    parts: dict[int, Entry] = {}
    for inner, outer in itertools.pairwise(toponyms):
        if inner.start in fixed or inner.part or not appositive(text, inner.end, outer.start):
            continue
        where = ranked(outer, context)
        alone = ranked(inner, context)
        if not where or not where[0][1].exact or where[0][1].entry.kind not in (
                "admin1", "country") or (alone and alone[0][1].entry.kind in (
                    "admin1", "country")):
            continue
        if any(c.exact and c.entry.well_known for c in inner.candidates) or \
                _LIST_GOES_ON.match(text, outer.end):
            continue  # "Aleppo, Hama and Idlib", "Idlib, Hama, Homs": a list
        region = fixed.get(outer.start, where[0][1].entry)
        if not any(c.exact and _contains(region, c.entry) for c in inner.candidates):
            parts[inner.start] = region
            fixed.setdefault(outer.start, region)
    return parts


def _one_sense(fixed: dict[int, Entry], toponyms: Sequence[Toponym], text: str, *,
               skip: Container[int] = (), reading: bool = True) -> dict[int, Entry]:
    """"NORFOLK, Va. (AP) — … in Norfolk": the place a name and its region fixed is the
    place of that name's other mentions in the document (not those at ``skip``) — with
    ``reading``, only where it is one of their readings (a container is none of them)."""
    named: dict[str, Entry] = {}
    for toponym in toponyms:
        if toponym.start in fixed:
            named.setdefault(key(text[toponym.start : toponym.end]), fixed[toponym.start])
    out = dict(fixed)
    for toponym in toponyms:
        entry = named.get(key(text[toponym.start : toponym.end]))
        if toponym.start not in out and toponym.start not in skip and entry is not None and (
                not reading or any(c.exact and c.entry.id == entry.id
                                   for c in toponym.candidates)):
            out[toponym.start] = entry
    return out


def listed_kinds(toponyms: Sequence[Toponym], text: str, context: Context
                 ) -> list[Toponym]:
    """"Ontario, Alberta, New Brunswick and Quebec", "Missouri, New Jersey, New York,
    Ohio": a name listed next to regions (or countries) is read as one too, like a cue noun
    would say ("Quebec" the province, not the city) — a region of the same country as the
    regions beside it: "Savannah, Ga." and "ST. LOUIS, MO" are a town and its state, not a
    list of a Ghanaian or a Senegalese region and a US state."""
    tops = [ranked(t, context) for t in toponyms]
    kinds = [best[0][1].entry.kind if best and best[0][1].exact else None for best in tops]
    found = list(toponyms)
    for i, toponym in enumerate(toponyms):
        if toponym.hint is not None or kinds[i] in ("country", "admin1"):
            continue
        near = [tops[j][0][1].entry for j in (i - 1, i + 1) if 0 <= j < len(toponyms)
                and kinds[j] in ("admin1", "country") and _adjacent(toponym, toponyms[j], text)]
        for kind in ("admin1", "country"):
            if any(c.exact and c.entry.kind == kind and any(
                    n.kind == kind and (kind == "country" or n.country_code == c.entry.country_code)
                    for n in near) for c in toponym.candidates):
                found[i] = dataclasses.replace(toponym, hint=kind)
                break
    return found


def figurative(toponym: Toponym, gazetteer: Gazetteer) -> Resolution | None:
    """A name used for a state or its government ("Moscow said", "talks between Israel and
    Europe") names the country of that name, else the seat of government: the most populous
    town of the name (Moscow, not Moscow Oblast; Washington, D.C., not the state). None when
    the gazetteer has neither by that exact name."""
    exact = [c.entry for c in toponym.candidates if c.exact]
    found = [e for e in exact if e.kind == "country"] or sorted(
        (e for e in exact if e.kind == "town"), key=lambda e: -e.population)
    return _resolved(found[0], gazetteer, toponym) if found else None


def resolve(toponyms: Sequence[Toponym], text: str, gazetteer: Gazetteer,
            nationalities: Sequence[str] = ()) -> list[Resolution]:
    context = anchors(toponyms, nationalities)
    toponyms = listed_kinds(toponyms, text, context)
    fixed = _one_sense(nested(toponyms, text, context), toponyms, text)
    parts = _one_sense(outside_named_region(toponyms, text, context, fixed), toponyms, text,
                       skip=fixed, reading=False)
    done: list[Resolution] = []
    pending: list[Toponym] = []
    variants: list[int] = []  # indexes in ``done`` of names resolved by a variant only
    for toponym in toponyms:
        if toponym.start in parts:
            done.append(_contained(toponym, parts[toponym.start], text))
            continue
        if toponym.start in fixed:
            r = _resolved(fixed[toponym.start], gazetteer, toponym)
            if toponym.part and r.entry is not None and not r.contained:
                r = _contained(toponym, r.entry, text)
            done.append(r)
            continue
        best = ranked(toponym, context)
        if toponym.part:
            if best and best[0][1].exact and _part_supported(best[0][1].entry, context) and \
                    _supported(toponym, best[0][0], best[0][1], context):
                r = _resolved(best[0][1].entry, gazetteer, toponym)
                if r.entry is not None and not r.contained:
                    r = _contained(toponym, r.entry, text)
                done.append(r)
            elif toponym.placed or toponym.ner in PLACE_LABELS:
                pending.append(toponym)
            continue
        if best and _supported(toponym, best[0][0], best[0][1], context):
            if not best[0][1].exact and best[0][1].entry.source != "supplement":
                variants.append(len(done))
            done.append(_resolved(best[0][1].entry, gazetteer, toponym))
        elif (toponym.placed or toponym.ner in PLACE_LABELS) and toponym.ner != "NORP":
            pending.append(toponym)
    for i, r in enumerate(done):
        # "Piccadilly in central London", "the Feltonville neighborhood of Philadelphia": a
        # small place the text puts in a place it does not lie in (another country, another
        # region, a town far away) is that place's part, not its namesake elsewhere.
        if r.entry is None or r.contained or r.toponym.start in fixed or \
                r.entry.kind not in ("town", "section", "spot", "admin2") or \
                r.entry.population >= NOTABLE:
            continue
        outer = _directly_in(r.toponym, text, done)
        if outer is not None and outer.country_code and _outside(r.entry, outer):
            done[i] = _contained(r.toponym, outer, text)
    for i, r in enumerate(done):
        # "the 5300 block of Aberdeen": a street that bears a town's name lies in the town
        # the text puts it in, else the story's town — not in the town of that name; so
        # does "the South Side" (not Eltingville, New York, known by that name).
        if (r.toponym.street or r.toponym.section) and r.entry is not None and (
                not r.contained or r.toponym.part) and r.toponym.start not in fixed:
            container = _container(r.toponym, text, done, gazetteer,
                                   explicit=r.toponym.section) or _main_town(
                [other for other in done if other is not r], text)  # (a section: of a town)
            if container is not None and container.id != r.entry.id:
                done[i] = _contained(r.toponym, container, text)
            elif container is None and r.toponym.section:  # a section of no town named
                done[i] = Resolution(r.toponym, None, False, "unresolved")
    for i in variants:
        # A spelling variant of a place the text puts elsewhere is that other place's part.
        r = done[i]
        container = _container(r.toponym, text, done, gazetteer, explicit=True)
        if container is not None and r.entry is not None and not r.contained and \
                container.country_code == r.entry.country_code and \
                container.admin1_code != r.entry.admin1_code:
            done[i] = _contained(r.toponym, container, text)
    for toponym in pending:
        container = _container(toponym, text, done, gazetteer)
        if container is None and (toponym.street or toponym.section):
            container = _main_town(done, text)  # "on Auburn Avenue": in the story's town
            if container is None and toponym.street:  # no town at all: the place the
                # street is named after
                container = _named_after(toponym, text, gazetteer, context)
        if container is None:
            done.append(Resolution(toponym, None, False, "unresolved"))
            continue
        done.append(_contained(toponym, container, text))
    return sorted(_same_name(done, text), key=lambda r: r.toponym.start)


def _named_after(toponym: Toponym, text: str, gazetteer: Gazetteer,
                 context: Context) -> Entry | None:
    """Where a street lies when the text names no town: the place its name starts with, if
    that is a place by itself ("Yaha Road" in a sentence about Yaha district) — the reading
    before streets were told apart."""
    head = text[toponym.start : toponym.end].rsplit(None, 1)[0]
    candidates = tuple(c for c in gazetteer.lookup(head) if c.exact)
    if not candidates:
        return None
    alone = dataclasses.replace(toponym, end=toponym.start + len(head), candidates=candidates)
    best = ranked(alone, context)
    if best and _supported(alone, best[0][0], best[0][1], context):
        return best[0][1].entry
    return None


def _main_town(done: Sequence[Resolution], text: str) -> Entry | None:
    """The town the document names most (the larger, then the first named, on a tie):
    where its streets are. A name that begins a building's ("Mount Sinai Hospital") names
    the building, not the town."""
    towns = [(r.toponym.start, r.entry) for r in done if r.entry is not None
             and not r.contained and r.entry.kind == "town"
             and not names_a_building(text, r.toponym.end)]
    tally = Counter(entry.id for _, entry in towns)
    return min(towns, key=lambda t: (-tally[t[1].id], -t[1].population, t[0]))[1] \
        if towns else None


def _same_name(done: list[Resolution], text: str) -> list[Resolution]:
    """One name, one place in a document: a mention left unresolved takes the place another
    mention of the same name was resolved to ("the city of Al Quriyah" … "Al-Quriyah
    southeast of Deir Ezzor city")."""
    placed: dict[str, Resolution] = {}
    for r in done:
        if r.entry is not None:
            placed.setdefault(key(text[r.toponym.start : r.toponym.end]), r)
    out = []
    for r in done:
        other = placed.get(key(text[r.toponym.start : r.toponym.end])) \
            if r.entry is None else None
        out.append(dataclasses.replace(other, toponym=r.toponym) if other else r)
    return out


def _contained(toponym: Toponym, container: Entry, text: str) -> Resolution:
    named = Entry(id=0, name=" ".join(text[toponym.start : toponym.end].split()),
                  lat=container.lat, lon=container.lon,
                  country_code=container.country_code, admin1_code=container.admin1_code,
                  kind=container.kind, source="container", within=container.id)
    return Resolution(toponym, named, True, "container")
