"""The shipped place data: the sourced supplement, Syria's governorate names and the
representative points of countries and admin-1 regions."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from wirescope.errors import SourceError
from wirescope.gazetteer.model import KINDS, Entry, EntryKind


@dataclass(frozen=True, slots=True)
class Governorate:
    code: str
    name: str
    iso: str
    aliases: tuple[str, ...]


FILES = ("supplement.json", "syria_admin1.json", "country_points.json", "admin1_points.json")


def data_digest() -> str:
    """A short digest of the place data files the default index is built from."""
    folder = resources.files("wirescope.data").joinpath("places")
    digest = hashlib.sha1()
    for name in FILES:
        digest.update(folder.joinpath(name).read_bytes())
    return digest.hexdigest()[:8]


def _read(name: str) -> dict[str, Any]:
    folder = resources.files("wirescope.data").joinpath("places")
    data: dict[str, Any] = json.loads(folder.joinpath(name).read_text("utf-8"))
    return data


@lru_cache(maxsize=1)
def syria_governorates() -> dict[str, Governorate]:
    """GeoNames admin1 code -> governorate (``"09"`` -> Aleppo)."""
    raw = _read("syria_admin1.json")["governorates"]
    return {code: Governorate(code, g["name"], g["iso"], tuple(g.get("aliases", ())))
            for code, g in raw.items()}


@lru_cache(maxsize=1)
def country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> GeoNames' point of the country (``data/places/country_points.json``)."""
    raw: dict[str, list[float]] = _read("country_points.json")["points"]
    return {iso: (float(lat), float(lon)) for iso, (lat, lon) in raw.items()}


@lru_cache(maxsize=1)
def admin1_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(country, GeoNames admin1 code) -> a representative point of the region
    (``data/places/admin1_points.json``: ``"CA.08"`` -> Ontario's point)."""
    raw: dict[str, list[float]] = _read("admin1_points.json")["points"]
    found: dict[tuple[str, str], tuple[float, float]] = {}
    for code, (lat, lon) in raw.items():
        cc, a1 = code.split(".", 1)
        found[(cc, a1)] = (float(lat), float(lon))
    return found


@lru_cache(maxsize=1)
def supplement() -> tuple[tuple[Entry, tuple[str, ...]], ...]:
    """The supplement's places with their aliases. Local ids become negative ints; an
    entry ``within`` another points at it, one ``within`` an admin1 code keeps the code."""
    raw: list[dict[str, Any]] = _read("supplement.json")["places"]
    ids = {p["id"]: -(i + 1) for i, p in enumerate(raw)}
    found = []
    for place in raw:
        kind: EntryKind = place.get("kind", "town")
        if kind not in KINDS or not place.get("source"):
            raise SourceError(f"supplement place {place.get('id')!r} needs a known kind and a "
                              "source", hint="fix src/wirescope/data/places/supplement.json")
        within = place.get("within")
        entry = Entry(
            id=ids[place["id"]], name=place["name"], lat=place.get("lat"),
            lon=place.get("lon"), country_code=place.get("country_code"),
            admin1_code=place.get("admin1_code"), kind=kind,
            population=int(place.get("population", 0)), source="supplement",
            within=ids.get(within) if within else None,
        )
        found.append((entry, tuple(place.get("aliases", ()))))
    return tuple(found)
