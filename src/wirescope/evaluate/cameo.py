"""CAMEO and PLOVER labels, and the countries behind CAMEO actor codes.

wirescope types events in PLOVER (the current ontology: AGREE, CONSULT, SUPPORT, CONCEDE,
COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE,
COERCE, ASSAULT). Gold sets use older codes:

* PETRARCH2 codes CAMEO; the root (first two digits) maps to the PLOVER type below. CAMEO 01
  (make a public statement) has no PLOVER type: such gold events are not scored for type.
* The PLOVER GSR uses PLOVER 0.5 names; DEMAND, DISAPPROVE, INVESTIGATE and FIGHT were later
  folded into REQUEST, ACCUSE, ACCUSE and ASSAULT. A prediction is right when it equals the
  gold label or its current name.

This is an approximation at the root level (e.g. CAMEO 057 "sign formal agreement" is
AGREE in PLOVER, but its root 05 maps to COOPERATE); it is documented in EVALUATION.md.
"""

from __future__ import annotations

import re

CAMEO_ROOT_TO_PLOVER: dict[str, str | None] = {
    "01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "COOPERATE",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST",
    "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}

PLOVER_LEGACY: dict[str, str] = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}

# CAMEO country codes (ISO 3166 alpha-3) -> names, demonyms and capitals used for them.
COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "USA": ("united states", "u.s.", "us", "usa", "america", "american", "americans",
            "washington", "white house", "pentagon", "obama", "bush", "trump"),
    "RUS": ("russia", "russian", "russians", "moscow", "kremlin", "putin"),
    "GEO": ("georgia", "georgian", "georgians", "tbilisi", "saakashvili"),
    "SYR": ("syria", "syrian", "syrians", "damascus", "assad"),
    "ISR": ("israel", "israeli", "israelis", "jerusalem", "tel aviv"),
    "CHE": ("switzerland", "swiss", "bern", "geneva"),
    "PSE": ("palestine", "palestinian", "palestinians", "gaza", "hamas", "west bank"),
    "IRQ": ("iraq", "iraqi", "iraqis", "baghdad"),
    "UKR": ("ukraine", "ukrainian", "ukrainians", "kiev", "kyiv"),
    "IRN": ("iran", "iranian", "iranians", "tehran"),
    "EGY": ("egypt", "egyptian", "egyptians", "cairo"),
    "CHN": ("china", "chinese", "beijing"),
    "RWA": ("rwanda", "rwandan", "rwandans", "kigali"),
    "NGA": ("nigeria", "nigerian", "nigerians", "abuja", "boko haram"),
    "BRA": ("brazil", "brazilian", "brazilians", "brasilia"),
    "TUN": ("tunisia", "tunisian", "tunisians", "tunis"),
    "PHL": ("philippines", "philippine", "filipino", "filipinos", "manila"),
    "LBN": ("lebanon", "lebanese", "beirut", "hezbollah"),
    "FRA": ("france", "french", "paris"),
    "SOM": ("somalia", "somali", "somalis", "mogadishu"),
    "QAT": ("qatar", "qatari", "doha"),
    "MYS": ("malaysia", "malaysian", "malaysians", "kuala lumpur"),
    "MMR": ("myanmar", "burma", "burmese", "yangon"),
    "KEN": ("kenya", "kenyan", "kenyans", "nairobi"),
    "GUY": ("guyana", "guyanese", "georgetown"),
    "GBR": ("united kingdom", "britain", "british", "uk", "u.k.", "london"),
    "TUR": ("turkey", "turkish", "turks", "ankara", "erdogan"),
    "JOR": ("jordan", "jordanian", "jordanians", "amman"),
    "SAU": ("saudi arabia", "saudi", "saudis", "riyadh"),
    "DEU": ("germany", "german", "germans", "berlin"),
    "AFG": ("afghanistan", "afghan", "afghans", "kabul"),
    "PAK": ("pakistan", "pakistani", "pakistanis", "islamabad"),
}

# ISO 3166-1 alpha-2 (``Entity.country``) -> the alpha-3 codes CAMEO uses.
ALPHA2: dict[str, str] = {
    "US": "USA", "RU": "RUS", "GE": "GEO", "SY": "SYR", "IL": "ISR", "CH": "CHE", "PS": "PSE",
    "IQ": "IRQ", "UA": "UKR", "IR": "IRN", "EG": "EGY", "CN": "CHN", "RW": "RWA", "NG": "NGA",
    "BR": "BRA", "TN": "TUN", "PH": "PHL", "LB": "LBN", "FR": "FRA", "SO": "SOM", "QA": "QAT",
    "MY": "MYS", "MM": "MMR", "KE": "KEN", "GY": "GUY", "GB": "GBR", "TR": "TUR", "JO": "JOR",
    "SA": "SAU", "DE": "DEU", "AF": "AFG", "PK": "PAK",
}

_WORD = re.compile(r"[\w.]+")


def plover_of_cameo(code: str) -> str | None:
    return CAMEO_ROOT_TO_PLOVER.get(code.strip()[:2])


def plover_names(label: str) -> frozenset[str]:
    """The labels a prediction may carry for gold ``label``: itself and its current name."""
    upper = label.upper()
    return frozenset({upper, PLOVER_LEGACY.get(upper, upper)})


def country_of_actor(code: str) -> str | None:
    """``USAGOV`` -> ``USA``; codes without a known country (``---REB``, ``IGO…``) -> None."""
    root = code.strip()[:3].upper()
    return root if root in COUNTRY_NAMES else None


def countries_in(name: str) -> frozenset[str]:
    """Countries whose name, demonym or capital occurs as whole words in ``name``. Short
    aliases (US, UK, U.S.) count only in upper case, so that the pronoun "us" does not."""
    words = _WORD.findall(name.casefold())
    text = " " + " ".join(words) + " " + " ".join(w.strip(".") for w in words) + " "
    upper = {w.replace(".", "") for w in _WORD.findall(name) if w.strip(".").isupper()}
    found = set()
    for code, aliases in COUNTRY_NAMES.items():
        for alias in aliases:
            short = alias.replace(".", "")
            if len(short) <= 3 and " " not in alias:
                hit = short.upper() in upper
            else:
                hit = f" {alias} " in text
            if hit:
                found.add(code)
                break
    return frozenset(found)
