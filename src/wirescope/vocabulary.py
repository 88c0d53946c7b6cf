"""What a filter value means: the knowledge behind the names a user types.

A user filters by the names they know, not by the store's canonical spelling: ``actor=Daesh``
means the Islamic State, ``place=Dayr az Zawr`` the governorate and the city of Deir ez-Zor,
``sub_type=air strike`` ACLED's "Air/drone strike", ``factuality=Asserted`` asserted. Each
function here turns a typed value into what the store holds:

* :func:`actor_ids` — the knowledge-base actors (the seed merged with the plugins' and the
  user's actor files) one of whose names or aliases the value is;
* :func:`places` — the gazetteer places the value names exactly (a name, an alternate name
  or a transliteration the gazetteer holds): their GeoNames ids and canonical names, and
  the admin-1 regions among them;
* :func:`sub_types` — the ACLED sub-event types (``data/acled_types.json``) the value
  names: the name in any case and punctuation, or words each of which begins a word of the
  name ("air strike", "IED", "shelling");
* :func:`factuality`, :func:`grade` and :func:`plover_type` — the canonical value of a
  closed vocabulary, in any case.

A value outside a closed vocabulary is a :class:`~wirescope.errors.UsageError`
(``W401``) that lists the allowed values — never a silent empty answer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import get_args

from wirescope.errors import BAD_FILTER, UsageError
from wirescope.records import Factuality, Grade


@lru_cache(maxsize=1)
def acled_types() -> dict[str, tuple[str, ...]]:
    """ACLED event type -> its sub-event types, in the codebook's order."""
    data = json.loads(resources.files("wirescope.data").joinpath("acled_types.json").read_text(
        encoding="utf-8"))
    return {kind: tuple(subs) for kind, subs in data["types"].items()}


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[a-z0-9]+", text.casefold()))


def _refuse(field: str, value: str, allowed: tuple[str, ...]) -> UsageError:
    return UsageError(f"{field}={value!r} is none of the allowed values",
                      hint="use one of: " + ", ".join(allowed), code=BAD_FILTER)


def sub_types(value: str) -> tuple[str, ...]:
    """The ACLED sub-event types ``value`` names: the one it spells (in any case or
    punctuation), else every one each of whose words the value's words begin, in order
    ("air strike" -> Air/drone strike; "IED" -> Remote explosive/landmine/IED)."""
    every = tuple(s for subs in acled_types().values() for s in subs)
    wanted = _words(value)
    if not wanted:
        raise _refuse("sub_type", value, every)
    exact = tuple(s for s in every if _words(s) == wanted)
    if exact:
        return exact
    found = tuple(s for s in every if _begins(wanted, _words(s)))
    if not found:
        raise _refuse("sub_type", value, every)
    return found


def _begins(wanted: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Does each wanted word begin a word of ``words``, in order?"""
    at = 0
    for word in wanted:
        while at < len(words) and not words[at].startswith(word):
            at += 1
        if at == len(words):
            return False
        at += 1
    return True


FACTUALITIES: tuple[str, ...] = get_args(Factuality)
GRADES: tuple[str, ...] = get_args(Grade)


def _one_of(field: str, value: str, allowed: tuple[str, ...]) -> str:
    """The value of a closed vocabulary ``value`` names, in any case."""
    key = value.strip().casefold()
    found = next((a for a in allowed if a.casefold() == key), None)
    if found is None:
        raise _refuse(field, value, allowed)
    return found


def factuality(value: str) -> str:
    """The factuality ``value`` names, in any case."""
    return _one_of("factuality", value, FACTUALITIES)


def grade(value: str) -> str:
    """The incident grade ``value`` names, in any case."""
    return _one_of("grade", value, GRADES)


def plover_type(value: str) -> str:
    """The PLOVER event type ``value`` names, in any case."""
    from wirescope.extractors.events.lexicon import PLOVER_TYPES

    return _one_of("type", value, tuple(sorted(PLOVER_TYPES)))


def actor_ids(value: str, actor_files: tuple[Path, ...] = ()) -> tuple[str, ...]:
    """The entity ids of the knowledge-base actors named ``value`` (a name or an alias)."""
    from wirescope.extractors.actors.kb import load

    actor = load(actor_files).lookup(value.strip())
    return (actor.entity_id,) if actor is not None else ()


@dataclass(frozen=True, slots=True)
class Places:
    """What a place name means in the gazetteer: the places it names exactly, and the
    admin-1 regions among them (by their canonical name, as records hold ``admin1``)."""

    geonameids: tuple[int, ...] = ()
    names: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()


def places(value: str) -> Places:
    from wirescope.gazetteer import load

    gazetteer = load()
    exact = [c.entry for c in gazetteer.lookup(value.strip()) if c.exact]
    regions = sorted({name for e in exact if e.kind == "admin1" and (
        name := gazetteer.admin1_name(e.country_code, e.admin1_code))})
    return Places(geonameids=tuple(sorted({e.geonameid for e in exact if e.geonameid})),
                  names=tuple(sorted({e.name for e in exact})), regions=tuple(regions))
