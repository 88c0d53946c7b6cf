"""The event lexicons, loaded once from ``wirescope/data/events/*.json`` into typed tables.

``triggers.json`` holds senses (PLOVER type and mode, ACLED type and sub-type, how the
trigger behaves) and the words that evoke them; ``nouns.json`` weapons, sides and targets;
``factuality.json`` the cues of factuality; ``quantities.json`` number words, bounds, units
and victim categories. A malformed entry fails loudly when the file is first read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal, cast

from wirescope.errors import SourceError
from wirescope.records import Factuality

Role = Literal["act", "absorbs", "commissive", "casualty", "territory", "regain", "battle"]
ROLES: frozenset[str] = frozenset(
    {"act", "absorbs", "commissive", "casualty", "territory", "regain", "battle"}
)
PLOVER_TYPES: frozenset[str] = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
FACTUALITY: tuple[Factuality, ...] = (
    "asserted", "planned", "threatened", "attempted", "ongoing", "denied", "negated",
    "hypothetical",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Sense:
    """What a trigger means."""

    name: str
    plover: str
    mode: str | None
    acled: tuple[str, str] | None
    role: Role
    needs_object: bool = False  # an object it has must be concrete ("hit a convoy")
    transitive: bool = False  # it must have an object or a complement ("allow X to")
    complement: bool = False  # it must have a complement ("pressed X to withdraw")


@dataclass(frozen=True, slots=True, kw_only=True)
class Triggers:
    verbs: dict[str, Sense]
    nouns: dict[str, Sense]
    adjectives: dict[str, Sense]  # predicative only ("48 people dead")
    particles: dict[tuple[str, str], Sense]  # (verb, particle or object) -> sense
    compounds: dict[tuple[str, str], Sense]  # (modifier, head noun) -> sense
    frames: dict[tuple[str, str], Sense]  # (verb, object head or modifier) -> sense
    blocked_compounds: frozenset[tuple[str, str]]  # (modifier, head) that is no event
    cumulative_subjects: frozenset[str]  # "the war has killed …"
    cumulative_count: int  # a weaponless death toll this large is a war's
    cumulative_periods: frozenset[str]  # "… during the war", "over the past five years"
    cumulative_adverbs: frozenset[str]  # "so far", "to date"
    cumulative_running: frozenset[str]  # those that count up to the day of writing ("so far
    # this year, 1,200 people have been shot"), unlike "last month", which dates one attack too
    event_heads: frozenset[str]  # generic nouns a trigger may modify ("mediation effort")
    labour_context: frozenset[str]  # words that make a bare "strike" a labour strike
    light_verbs: frozenset[str]
    abstract_objects: frozenset[str]
    acled_by_mode: dict[str, tuple[str, str]]
    headline_participles: dict[str, str]  # "4 shot", "Five Shot": participle -> verb lemma
    discharge_verbs: frozenset[str]  # "released from the hospital": a patient, no captive
    later_acts: frozenset[str]  # "arrested Sunday in the shooting": the arrest's day only
    self_killing: Sense  # "took his own life": a verb its object makes its subject's death


@dataclass(frozen=True, slots=True, kw_only=True)
class Nouns:
    instruments: dict[str, str]  # lemma or "modifier head" -> ASSAULT mode
    grenade: frozenset[str]
    weapon_verbs: frozenset[str]
    state_heads: frozenset[str]
    state_modifiers: frozenset[str]
    non_state_heads: frozenset[str]
    non_state_modifiers: frozenset[str]
    civilian_heads: frozenset[str]
    protester_heads: frozenset[str]
    mob_heads: frozenset[str]  # unorganised attackers: "a mob", "an angry crowd"
    territory: frozenset[str]
    people: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class Cues:
    precedence: tuple[Factuality, ...]
    governors: dict[str, Factuality]
    modifiers: dict[str, Factuality]
    auxiliaries: dict[str, Factuality]
    would: frozenset[str]
    marks: dict[str, Factuality]
    negations: frozenset[str]
    warning_cues: frozenset[str]
    denial_cues: frozenset[str]
    reporting_past: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class Numbers:
    units: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, int]
    indefinite: frozenset[str]
    qualifiers: dict[str, str]
    bounds: dict[str, str]
    not_counts: frozenset[str]
    fractions: frozenset[str]
    predicates: dict[str, str]  # predicate lemma -> unit
    among: dict[str, str]
    unit_nouns: dict[str, str]  # counted noun lemma -> unit
    categories: dict[str, str]  # counted noun lemma -> victim category
    armed_members: frozenset[str]
    continuation: frozenset[str]
    fatal_adverbs: frozenset[str]  # "fatally shot", "mortally wounded": killed
    victim_subject_verbs: frozenset[str]  # "a woman died": the active subject is the victim
    collective_nouns: frozenset[str]  # "the family was killed": a group, not one person
    copulas: frozenset[str]  # "a man was dead": the subject takes the predicate adjective
    undirected: frozenset[str]  # "shot at", "shot back": fired, no one named as hit
    multiples: dict[str, int]  # "double", "triple": a crime named by its count of victims
    crimes: dict[str, str]  # crime noun -> unit of its victims ("homicide" -> killed)
    fatal_adjectives: frozenset[str]  # "a double fatal shooting": killed
    suicides: frozenset[str]  # "murder-suicide": the killer dies too
    self_killings: dict[str, tuple[tuple[str, ...], ...]]  # verb -> the object words that
    # make it its subject's own death ("took his own life": take -> ("own", "life"))
    undergo_verbs: frozenset[str]  # "suffered a wound": the subject takes the noun's unit
    patient_states: frozenset[str]  # "in critical condition": injured
    weapon_wounds: frozenset[str]  # "a gunshot wound": hit, the outcome unsaid
    projectile_verbs: frozenset[str]  # "struck by a stray bullet": hit ...
    projectiles: frozenset[str]  # ... by these
    care_verbs: frozenset[str]  # "taken (rushed, flown) to a hospital": injured
    survivor_verbs: frozenset[str]  # "a man is recovering after being shot": injured
    parent_nouns: frozenset[str]  # "a father of three": his children, not a count
    hospitals: frozenset[str]  # where the injured are taken ("hospital", "trauma center")
    venues: frozenset[str]  # "shot at a party": where, not what was fired at
    body_parts: frozenset[str]  # "man shot in leg": where the victim was hit
    numbered_names: frozenset[str]  # "Interstate 78", "Route 9", "Apartment 4": a name
    numbered_rooms: frozenset[str]  # "killed in apartment 304": in lower case too
    street_words: frozenset[str]  # "427 Wilclay Dr": a house number before a street
    compass_points: frozenset[str]  # "4601 SE 79"


def _read(name: str) -> dict[str, Any]:
    path = resources.files("wirescope.data").joinpath("events").joinpath(name)
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SourceError(f"cannot read event lexicon {name}: {exc}",
                          hint="reinstall wirescope or fix the JSON file") from exc
    return data


def _bad(name: str, what: str) -> SourceError:
    return SourceError(f"bad entry in event lexicon {name}: {what}",
                       hint="see the 'about' text at the top of the file")


def _sense(name: str, entry: dict[str, Any]) -> Sense:
    plover, role = entry.get("plover"), entry.get("role")
    if plover not in PLOVER_TYPES or role not in ROLES:
        raise _bad("triggers.json", f"sense {name!r} needs a PLOVER type and a role")
    acled = entry.get("acled")
    if acled is not None and (not isinstance(acled, list) or len(acled) != 2):
        raise _bad("triggers.json", f"sense {name!r}: acled is [event type, sub-event type]")
    return Sense(name=name, plover=plover, mode=entry.get("mode"),
                 acled=(acled[0], acled[1]) if acled else None, role=cast(Role, role),
                 needs_object=bool(entry.get("needs_object", False)),
                 transitive=bool(entry.get("transitive", False)),
                 complement=bool(entry.get("complement", False)))


def _pairs(table: dict[str, str], senses: dict[str, Sense]) -> dict[tuple[str, str], Sense]:
    found: dict[tuple[str, str], Sense] = {}
    for words, sense in table.items():
        parts = words.split()
        found[(parts[-2], parts[-1])] = senses[sense]
    return found


@lru_cache(maxsize=1)
def triggers() -> Triggers:
    data = _read("triggers.json")
    senses = {name: _sense(name, entry) for name, entry in data["senses"].items()}
    try:
        verbs = {lemma: senses[s] for lemma, s in data["verbs"].items()}
        nouns = {lemma: senses[s] for lemma, s in data["nouns"].items()}
        adjectives = {lemma: senses[s] for lemma, s in data["adjectives"].items()}
        particles = _pairs(data["particles"], senses)
        compounds = _pairs(data["compounds"], senses)
        frames = {(verb, obj): senses[frame["sense"]]
                  for frame in data["frames"] for verb in frame["verbs"]
                  for obj in frame["objects"]}
    except KeyError as exc:
        raise _bad("triggers.json", f"unknown sense {exc}") from exc
    by_mode = {mode: (pair[0], pair[1]) for mode, pair in data["acled_by_mode"].items()}
    blocked = frozenset((w.split()[0], w.split()[-1]) for w in data["blocked_compounds"])
    cumulative = data["cumulative"]
    return Triggers(verbs=verbs, nouns=nouns, adjectives=adjectives, particles=particles,
                    compounds=compounds, frames=frames, blocked_compounds=blocked,
                    cumulative_subjects=frozenset(cumulative["subjects"]),
                    cumulative_count=int(cumulative["count"]),
                    cumulative_periods=frozenset(cumulative["periods"]),
                    cumulative_adverbs=frozenset(cumulative["adverbs"]),
                    cumulative_running=frozenset(cumulative["running"]),
                    event_heads=frozenset(data["event_heads"]),
                    labour_context=frozenset(data["labour_context"]),
                    light_verbs=frozenset(data["light_verbs"]),
                    abstract_objects=frozenset(data["abstract_objects"]), acled_by_mode=by_mode,
                    headline_participles=dict(data["headline_participles"]),
                    discharge_verbs=frozenset(data["discharge_verbs"]),
                    later_acts=frozenset(data["later_acts"]),
                    self_killing=senses[data["self_killing"]])


@lru_cache(maxsize=1)
def nouns() -> Nouns:
    data = _read("nouns.json")
    classes = data["actor_classes"]
    return Nouns(
        instruments=dict(data["instruments"]), grenade=frozenset(data["grenade"]),
        weapon_verbs=frozenset(data["weapon_verbs"]),
        state_heads=frozenset(classes["state_heads"]),
        state_modifiers=frozenset(classes["state_modifiers"]),
        non_state_heads=frozenset(classes["non_state_heads"]),
        non_state_modifiers=frozenset(classes["non_state_modifiers"]),
        civilian_heads=frozenset(classes["civilian_heads"]),
        protester_heads=frozenset(classes["protester_heads"]),
        mob_heads=frozenset(classes["mob_heads"]),
        territory=frozenset(data["territory"]), people=frozenset(data["people"]),
    )


def _classes(table: dict[str, list[str]], name: str) -> dict[str, Factuality]:
    found: dict[str, Factuality] = {}
    for cls, words in table.items():
        if cls not in FACTUALITY:
            raise _bad(name, f"unknown factuality {cls!r}")
        for word in words:
            found.setdefault(word, cast(Factuality, cls))
    return found


@lru_cache(maxsize=1)
def cues() -> Cues:
    data = _read("factuality.json")
    precedence = tuple(data["precedence"])
    if any(p not in FACTUALITY for p in precedence):
        raise _bad("factuality.json", "precedence names an unknown factuality")
    auxiliaries = dict(data["auxiliaries"])
    would = frozenset(auxiliaries.pop("would"))
    return Cues(
        precedence=cast(tuple[Factuality, ...], precedence),
        governors=_classes(data["governors"], "factuality.json"),
        modifiers=_classes(data["modifiers"], "factuality.json"),
        auxiliaries=_classes(auxiliaries, "factuality.json"), would=would,
        marks=_classes(data["marks"], "factuality.json"),
        negations=frozenset(data["negations"]), warning_cues=frozenset(data["warning_cues"]),
        denial_cues=frozenset(data["denial_cues"]),
        reporting_past=frozenset(data["reporting_past"]),
    )


def _inverse(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: key for key, words in table.items() for word in words}


@lru_cache(maxsize=1)
def numbers() -> Numbers:
    data = _read("quantities.json")
    bounds = dict(data["bounds"])
    if any(b not in ("low", "high") for b in bounds.values()):
        raise _bad("quantities.json", "a bound is 'low' or 'high'")
    known = {"at_least", "more_than", "about", "nearly", "up_to", "less_than"}
    if any(q not in known for q in data["qualifiers"].values()):
        raise _bad("quantities.json", f"a qualifier is one of {sorted(known)}")
    return Numbers(
        units=dict(data["units_of_number"]), multipliers=dict(data["multipliers"]),
        vague=dict(data["vague"]), indefinite=frozenset(data["indefinite"]),
        qualifiers=dict(data["qualifiers"]), bounds=bounds,
        not_counts=frozenset(data["not_counts"]), fractions=frozenset(data["fractions"]),
        predicates=_inverse(data["predicates"]), among=dict(data["among"]),
        unit_nouns=_inverse(data["nouns"]), categories=_inverse(data["categories"]),
        armed_members=frozenset(data["armed_members"]),
        continuation=frozenset(data["continuation"]),
        fatal_adverbs=frozenset(data["fatal_adverbs"]),
        victim_subject_verbs=frozenset(data["victim_subject_verbs"]),
        collective_nouns=frozenset(data["collective_nouns"]),
        copulas=frozenset(data["copulas"]),
        undirected=frozenset(data["undirected"]),
        multiples={k: int(v) for k, v in data["multiples"].items()},
        crimes=_inverse(data["crimes"]),
        fatal_adjectives=frozenset(data["fatal_adjectives"]),
        suicides=frozenset(data["suicides"]),
        self_killings={verb: tuple(tuple(words.split()) for words in objects)
                       for verb, objects in data["self_killings"].items()},
        undergo_verbs=frozenset(data["undergo_verbs"]),
        patient_states=frozenset(data["patient_states"]),
        weapon_wounds=frozenset(data["weapon_wounds"]),
        projectile_verbs=frozenset(data["projectile_verbs"]),
        projectiles=frozenset(data["projectiles"]),
        care_verbs=frozenset(data["care_verbs"]),
        survivor_verbs=frozenset(data["survivor_verbs"]),
        parent_nouns=frozenset(data["parent_nouns"]),
        hospitals=frozenset(data["hospitals"]),
        venues=frozenset(data["venues"]),
        body_parts=frozenset(data["body_parts"]),
        numbered_names=frozenset(data["numbered_names"]),
        numbered_rooms=frozenset(data["numbered_rooms"]),
        street_words=frozenset(data["street_words"]),
        compass_points=frozenset(data["compass_points"]),
    )


def own_death_said(surface: str) -> bool:
    """Do these words — a count's own, as the text gives them — count one who died by his
    own hand: "himself", "his own life", "suicide" (an object of the ``self_killings``, with
    at most a possessive before it; not a list that ends with him, "his wife and then
    himself")?"""
    words = tuple(surface.casefold().split())
    return any(words[-len(own):] == own and len(words) <= len(own) + 1
               for told in numbers().self_killings.values() for own in told)
