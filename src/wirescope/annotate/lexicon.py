"""The word lists the actor extractor reasons with, loaded once from ``data/actors/lexicon.json``
and ``data/reporting_verbs.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Lexicon:
    role_class: dict[str, str]  # title noun -> role class ("chief" -> "head")
    role_modifiers: frozenset[str]
    ranks: frozenset[str]
    force_nouns: frozenset[str]
    place_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    territory_verbs: frozenset[str]
    contest_nouns: frozenset[str]  # "the battle for Aleppo": the object is a place
    attack_nouns: frozenset[str]  # "an air strike on Aleppo": the object of "on" is a place
    actor_prepositions: frozenset[str]
    demonyms: dict[str, str]  # adjective -> actor id
    reporting_verbs: frozenset[str]
    not_before_context: frozenset[str]  # "the sanctions regime": no context alias after
    not_after_context: frozenset[str]  # "regime change": ... nor before


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = resources.files("wirescope.data")
    words = json.loads(data.joinpath("actors", "lexicon.json").read_text("utf-8"))
    verbs = json.loads(data.joinpath("reporting_verbs.json").read_text("utf-8"))
    return Lexicon(
        role_class={w: cls for cls, ws in words["role_heads"].items() for w in ws},
        role_modifiers=frozenset(words["role_modifiers"]),
        ranks=frozenset(words["ranks"]),
        force_nouns=frozenset(words["force_nouns"]),
        place_prepositions=frozenset(words["place_prepositions"]),
        place_nouns=frozenset(words["place_nouns"]),
        territory_verbs=frozenset(words["territory_verbs"]),
        contest_nouns=frozenset(words["contest_nouns"]),
        attack_nouns=frozenset(words["attack_nouns"]),
        actor_prepositions=frozenset(words["actor_prepositions"]),
        demonyms=dict(words["demonyms"]),
        reporting_verbs=frozenset(verbs["verbs"]),
        not_before_context=frozenset(words["not_in_context"]["before"]),
        not_after_context=frozenset(words["not_in_context"]["after"]),
    )
