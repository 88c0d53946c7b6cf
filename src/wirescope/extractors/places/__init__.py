"""Places: toponyms resolved to coordinates, country and admin-1, with honest precision.

``places.gazetteer.v1`` recognises toponyms (:mod:`.recognize`), resolves them against the
gazetteer in document context (:mod:`.resolve`) and groups the mentions of each place. Every
place says how precise its point is: ``precision`` (point/town/district/region/country) and
the ACLED-style ``geo_precision`` (1 exact town, 2 part of a region or near a town, 3 only
the admin-1 region or country). A name the text places inside a known place keeps its own
name with the container's point at the container's (coarser) precision; a name nothing
places stays unresolved (no coordinates). Metonymic capitals and countries ("Washington
said", "relations between Israel and Europe") are the actor extractor's entities; their
names are the place's ``uses`` (``metonymy``), never its mentions, so no event takes them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import get_args

from spacy.tokens import Doc

from wirescope.extractors.places.lexicon import cues, demonym_countries, demonyms
from wirescope.extractors.places.recognize import Toponym, recognize
from wirescope.extractors.places.resolve import Resolution, figurative, resolve
from wirescope.extractors.registry import State, register
from wirescope.gazetteer import Candidate, Gazetteer, key, load
from wirescope.gazetteer.model import EntryKind
from wirescope.records import GeoPrecision, Place, PlacePrecision, PlaceUse, ResolvedVia, Span

NAME = "places.gazetteer.v1"
PRECISION: dict[EntryKind, tuple[PlacePrecision, GeoPrecision]] = {
    "country": ("country", 3), "admin1": ("region", 3), "admin2": ("district", 2),
    "area": ("region", 2), "town": ("town", 1), "section": ("point", 1), "spot": ("point", 1),
}
_VIA: tuple[str, ...] = get_args(ResolvedVia)


def precision_of(kind: EntryKind, contained: bool) -> tuple[PlacePrecision, GeoPrecision]:
    """The precision of a point of this kind; a place known only to lie inside it is at
    least "part of a region" (2)."""
    precision, geo = PRECISION[kind]
    if contained and geo == 1:
        return precision, 2
    return precision, geo


def _group_key(r: Resolution, text: str) -> str:
    t = r.toponym
    raw = key(text[t.start : t.end])
    if r.entry is None:
        return f"?|{raw}"
    if r.contained:
        return f"in|{r.entry.within or r.entry.id}|{raw}"
    return f"id|{r.entry.id}"


def _place_id(group: str, r: Resolution) -> str:
    if r.entry is not None and not r.contained and r.entry.geonameid is not None:
        return f"place-{r.entry.geonameid}"
    return "place-" + hashlib.sha1(group.encode()).hexdigest()[:12]


def _place(group: str, members: list[Resolution], state: State, gazetteer: Gazetteer) -> Place:
    first = members[0]
    text = state.document.text
    raw = " ".join(text[first.toponym.start : first.toponym.end].split())
    mentions = tuple(Span(start=m.toponym.start, end=m.toponym.end) for m in members
                     if m.toponym.use is None)
    uses = tuple(PlaceUse(span=Span(start=m.toponym.start, end=m.toponym.end),
                          use=m.toponym.use) for m in members if m.toponym.use is not None)
    via: ResolvedVia = first.via if first.via in _VIA else "unresolved"  # type: ignore[assignment]
    entry = first.entry
    if entry is None:
        return Place(id=_place_id(group, first), document_id=state.document.id, extractor=NAME,
                     name=raw, lat=None, lon=None, country_code=None, admin1=None,
                     geonameid=None, precision=None, mentions=mentions, geo_precision=None,
                     raw_name=raw, resolved_via="unresolved", uses=uses)
    precision, geo = precision_of(entry.kind, first.contained)
    admin1 = None if entry.kind == "country" else gazetteer.admin1_name(
        entry.country_code, entry.admin1_code)
    if entry.kind == "admin1" and not first.contained:
        admin1 = admin1 or entry.name
    return Place(
        id=_place_id(group, first), document_id=state.document.id, extractor=NAME,
        name=entry.name if not first.contained else raw, lat=entry.lat, lon=entry.lon,
        country_code=entry.country_code, admin1=admin1,
        geonameid=None if first.contained else entry.geonameid, precision=precision,
        mentions=mentions, geo_precision=geo, raw_name=raw, resolved_via=via, uses=uses,
    )


def toponyms(doc: Doc, state: State, gazetteer: Gazetteer) -> list[Toponym]:
    return recognize(doc, state.entities, gazetteer, cues())


def adjectives(doc: Doc, found: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """Nationality words ("Syrian forces", "two Palestinians") as uses of their country's
    name (``demonym``): the country is named, not where anything happens."""
    taken = [(t.start, t.end) for t in found]
    known = demonym_countries()
    countries: dict[str, tuple[Candidate, ...]] = {}  # each country looked up once
    out: list[Toponym] = []
    for token in doc:
        word = token.text if token.text in known else token.text[:-1] if (
            token.text.endswith("s") and token.text[:-1] in known) else None
        start, end = token.idx, token.idx + len(token.text)
        if word is None or any(s < end and start < e for s, e in taken):
            continue
        name, code = known[word]
        if name not in countries:
            countries[name] = tuple(c for c in gazetteer.lookup(name) if c.exact and
                                    c.entry.kind == "country" and c.entry.country_code == code)
        if countries[name]:
            out.append(Toponym(start=start, end=end, candidates=countries[name], ner=None,
                               hint=None, placed=False, sentence=0, use="demonym"))
    return out


@register(NAME, kind="places",
          requires=("doc.ents", "token.dep", "token.lemma", "doc.sents", "entities"))
def gazetteer_places(doc: Doc, state: State) -> Iterator[Place]:
    gazetteer = load(state.settings.gazetteer)
    known = demonyms()
    # "Indonesian officials", "the Israeli army": nationality words, in any entity
    nationalities = [known[t.text] for t in doc if t.text in known]
    text = doc.text  # spaCy joins every token again on each ``doc.text``
    found = toponyms(doc, state, gazetteer)
    found += adjectives(doc, found, gazetteer)
    # The literal places are resolved among themselves, with the towns local agencies are
    # named after (where the story is set: its streets lie there); a name used for its
    # state or people is no evidence of where things happen: a metonymic name names a
    # country or a capital.
    resolutions = resolve([t for t in found if t.use in (None, "agency")], text, gazetteer,
                          nationalities)
    resolutions += [r for t in found if t.use in ("metonymy", "demonym")
                    if (r := figurative(t, gazetteer)) is not None]
    groups: dict[str, list[Resolution]] = {}
    for r in resolutions:
        groups.setdefault(_group_key(r, text), []).append(r)
    places = [_place(g, members, state, gazetteer) for g, members in groups.items()]
    yield from sorted(places, key=lambda p: min(
        [m.start for m in p.mentions] + [u.span.start for u in p.uses]))


__all__ = ["NAME", "gazetteer_places", "precision_of", "toponyms"]
