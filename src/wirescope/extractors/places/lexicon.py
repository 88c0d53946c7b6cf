"""The cue words the place extractor reads, from ``data/places/cues.json`` (place-specific)
and the actor lexicon (place prepositions, place nouns, territorial verbs), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from wirescope.annotate.lexicon import Lexicon as ActorLexicon
from wirescope.annotate.lexicon import lexicon as actor_lexicon
from wirescope.gazetteer.build import ABBREVIATIONS, ADMIN1_ABBREVIATIONS
from wirescope.gazetteer.model import KINDS, EntryKind


@dataclass(frozen=True, slots=True)
class Cues:
    kind_nouns: dict[str, EntryKind]
    rural_prefixes: frozenset[str]
    directions: frozenset[str]
    abbreviations: frozenset[str]
    not_places: frozenset[str]
    title_heads: frozenset[str]
    feature_tails: frozenset[str]
    street_tails: frozenset[str]
    agency_heads: frozenset[str]  # "Police", "Sheriff's": a local agency named for a place
    building_tails: frozenset[str]
    part_heads: frozenset[str]
    part_tails: frozenset[str]
    section_tails: frozenset[str]
    section_names: frozenset[str]  # "Downtown", "Midtown": a section of the story's town
    actors: ActorLexicon


@lru_cache(maxsize=1)
def cues() -> Cues:
    folder = resources.files("wirescope.data").joinpath("places")
    raw = json.loads(folder.joinpath("cues.json").read_text("utf-8"))
    kinds: dict[str, EntryKind] = {}
    for noun, kind in raw["kind_nouns"].items():
        if kind not in KINDS:
            raise ValueError(f"cues.json: unknown kind {kind!r} for {noun!r}")
        kinds[noun] = kind
    return Cues(
        kind_nouns=kinds,
        rural_prefixes=frozenset(raw["rural_prefixes"]),
        directions=frozenset(raw["directions"]),
        # ... and every abbreviation the gazetteer indexes ("Kan.", "N.Y.", "UAE")
        abbreviations=frozenset(raw["abbreviations"]).union(
            *ABBREVIATIONS.values(), *ADMIN1_ABBREVIATIONS.values()),
        not_places=frozenset(raw["not_places"]),
        title_heads=frozenset(raw["title_heads"]),
        feature_tails=frozenset(raw["feature_tails"]),
        street_tails=frozenset(raw["street_tails"]),
        agency_heads=frozenset(raw["agency_heads"]),
        building_tails=frozenset(raw["building_tails"]),
        part_heads=frozenset(raw["part_heads"]),
        part_tails=frozenset(raw["part_tails"]),
        section_tails=frozenset(raw["section_tails"]),
        section_names=frozenset(raw["section_names"]),
        actors=actor_lexicon(),
    )


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Nationality adjective -> ISO country code ("Indonesian" -> "ID")."""
    return {word: code for word, (_, code) in demonym_countries().items()}


@lru_cache(maxsize=1)
def demonym_countries() -> dict[str, tuple[str, str]]:
    """Nationality adjective -> (country name, ISO code) ("Syrian" -> ("Syria", "SY")), from
    the ``countryinfo`` package's country records; a word several share is the most
    populous one's ("American": the United States, not the Northern Mariana Islands;
    "Indian": India, not the British Indian Ocean Territory)."""
    from countryinfo import CountryInfo

    found: dict[str, tuple[str, str]] = {}
    people: dict[str, int] = {}
    for country in CountryInfo.all().values():
        if not (isinstance(country, dict) and country.get("demonym") and country.get("ISO")
                and country.get("name")):
            continue
        word, population = str(country["demonym"]), int(country.get("population") or 0)
        if word not in found or population > people[word]:
            found[word] = (str(country["name"]), str(country["ISO"]["alpha2"]))
            people[word] = population
    return found


def names_a_building(text: str, end: int) -> bool:
    """Does the name ending at ``end`` begin a building's or site's name ("Mount Sinai
    Hospital", "Hofstra University", "Lake Shore Apartments")?"""
    following = text[end : end + 30].split(None, 1)
    return bool(following) and following[0].rstrip(".,;:") in cues().building_tails
