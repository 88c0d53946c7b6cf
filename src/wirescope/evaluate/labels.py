"""How wirescope's output maps onto the label sets of FA-KES and re3d.

FA-KES labels come from the Violations Documentation Center: governorates, perpetrator
categories and causes of death. A prediction is mapped by name (whole words, case and
punctuation folded); the tables below are the whole mapping.

re3d entity types map to wirescope entity types as follows. ``state`` (``gpe`` in the first
entity extractor) is a country or city acting or located, so it may stand for an
Organisation or a Location; ``group`` (``norp``) is a nationality or religious group:

=============  ==========================================================
re3d           wirescope
=============  ==========================================================
Person         person
Organisation   organization, armed_group, state, gpe
Nationality    group, norp
Location       state, gpe, and every place mention (``places``)
=============  ==========================================================

Other re3d types (Temporal, Quantity, Weapon, MilitaryPlatform, …) are not scored.
"""

from __future__ import annotations

import re
import unicodedata

GOVERNORATES: dict[str, tuple[str, ...]] = {
    "aleppo": ("aleppo", "halab", "alep"),
    "damascus": ("damascus", "dimashq", "rif dimashq", "reef dimashq", "rif damascus",
                 "rural damascus", "damascus countryside"),
    "idlib": ("idlib", "idleb"),
    "deir ezzor": ("deir ezzor", "deir ez zor", "deir ez zour", "deir al zor", "deir al zour",
                   "deir el zour", "deir ezzour", "dayr az zawr", "deir ez zur"),
    "raqqa": ("raqqa", "raqqah", "ar raqqah", "ar raqqa", "al raqqa", "rakka"),
    "homs": ("homs", "hims"),
    "hasakeh": ("hasakeh", "hasakah", "hassakeh", "hasaka", "al hasakah", "al hasakeh",
                "al hassakeh", "hasakah"),
    "hama": ("hama", "hamah"),
    "daraa": ("daraa", "dara", "deraa", "dar a"),
    "lattakia": ("lattakia", "latakia", "al ladhiqiyah", "ladhiqiyah"),
    "quneitra": ("quneitra", "al qunaytirah", "qunaytirah"),
    "tartous": ("tartous", "tartus", "tartous"),
    "sweida": ("sweida", "suwayda", "as suwayda", "al suwayda", "suweida"),
}

# Most specific first: the first category with a matching alias wins.
PERPETRATORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("al-nusra front", ("nusra", "al nusra", "jabhat al nusra", "nusra front",
                        "jabhat fateh al sham", "fatah al sham", "hayat tahrir al sham",
                        "tahrir al sham", "hts")),
    ("the organization of the islamic state in iraq and the levant - isis",
     ("isis", "isil", "islamic state", "daesh", "is")),
    ("self administration forces", ("sdf", "syrian democratic forces", "ypg", "ypj", "pyd",
                                    "kurdish", "kurdish forces", "people s protection units",
                                    "peoples protection units")),
    ("international coalition forces", ("coalition", "international coalition", "us led",
                                        "united states", "u s", "us", "american",
                                        "pentagon")),
    ("armed opposition groups", ("rebels", "rebel", "opposition", "free syrian army", "fsa",
                                 "jaish al islam", "ahrar al sham", "jaish al fatah",
                                 "faylaq al rahman", "nour al din al zenki", "insurgents")),
    ("syrian government or russian troops", ("syrian army", "syrian arab army", "saa",
                                             "syrian government", "government forces",
                                             "regime", "assad", "russia", "russian",
                                             "russians", "syrian air force",
                                             "pro government", "loyalist", "damascus")),
)

# The side of a state's own forces (entity type "state" or actor type "state forces"),
# by the ISO 3166-1 alpha-2 country of the entity.
STATE_SIDES: dict[str, str] = {
    **dict.fromkeys(("SY", "RU", "IR"), "syrian government or russian troops"),
    **dict.fromkeys(("US", "GB", "FR", "AU", "CA", "NL", "BE", "DK", "JO", "SA", "AE"),
                    "international coalition forces"),
}

# Event attributes (ACLED sub-event type, PLOVER mode or type), folded -> FA-KES cause.
CAUSES: dict[str, str] = {
    "shelling artillery missile attack": "shelling",
    "air drone strike": "shelling",
    "heavy weapons": "shelling",
    "aerial": "shelling",
    "shelling": "shelling",
    "airstrike": "shelling",
    "remote explosive landmine ied": "explosion",
    "suicide bomb": "explosion",
    "explosives": "explosion",
    "suicide attack": "explosion",
    "grenade": "explosion",
    "explosion": "explosion",
    "chemical weapon": "chemical and toxic gases",
    "chemical": "chemical and toxic gases",
    "cbrn": "chemical and toxic gases",
    "armed clash": "shooting",
    "firearms": "shooting",
    "shooting": "shooting",
    "assassinate": "execution",
    "targeted": "execution",  # PLOVER 2.0's ASSAULT mode for assassinations and executions
    "execution": "execution",
}

RE3D_TYPES: dict[str, str] = {
    "Person": "person", "Organisation": "organization", "Nationality": "norp",
    "Location": "location",
}
# Gold (mapped) type -> wirescope types that count as right. "place" is a place mention.
COMPATIBLE: dict[str, frozenset[str]] = {
    "person": frozenset({"person"}),
    "organization": frozenset({"organization", "armed_group", "state", "gpe"}),
    "norp": frozenset({"group", "norp"}),
    "location": frozenset({"state", "gpe", "place"}),
}

_NON_WORD = re.compile(r"[^0-9a-z]+")
_SUFFIXES = re.compile(r"\b(governorate|province|muhafazat|mohafazat)\b")


def fold(text: str) -> str:
    """Lowercase ASCII words: ``Deir ez-Zor Governorate`` -> ``deir ez zor governorate``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    plain = plain.casefold().replace("'", "").replace("’", "")
    return " ".join(_NON_WORD.sub(" ", plain).split())


def _has(name: str, words: str, alias: str) -> bool:
    """Whole-word match; a short alias without spaces (IS, US, SDF) must be upper case in
    ``name`` so that the English words "is" and "us" do not count."""
    if len(alias) <= 3 and " " not in alias:
        return alias.upper() in re.findall(r"[A-Za-z]+", name)
    return f" {alias} " in f" {words} "


def governorate(name: str | None) -> str | None:
    if not name:
        return None
    words = " ".join(_SUFFIXES.sub(" ", fold(name)).split())
    for canonical, aliases in GOVERNORATES.items():
        if words in aliases or words == canonical:
            return canonical
    return None


def perpetrator(name: str | None, *, state_of: str | None = None) -> str | None:
    """The FA-KES category of an actor named ``name``; ``state_of`` is the country code of
    an actor known to be a state or its forces, used when the name says nothing."""
    if not name:
        return STATE_SIDES.get(state_of or "")
    words = fold(name)
    for category, aliases in PERPETRATORS:
        if any(_has(name, words, alias) for alias in aliases):
            return category
    return STATE_SIDES.get(state_of or "")


def cause(*attributes: str | None) -> str | None:
    for value in attributes:
        if value and (found := CAUSES.get(fold(value))):
            return found
    return None
