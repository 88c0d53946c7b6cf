"""The gazetteer's record: one place, with what kind of place it is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

EntryKind = Literal["country", "admin1", "admin2", "town", "section", "area", "spot"]
KINDS: tuple[EntryKind, ...] = ("country", "admin1", "admin2", "town", "section", "area", "spot")
WELL_KNOWN = 100_000  # a town this populous is known by its name alone


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """A gazetteer place. ``id`` is the GeoNames id, or negative for a supplement entry
    (which has no GeoNames id). ``within`` names the entry that contains a place whose own
    coordinates are unknown (its ``lat``/``lon`` are then ``None``)."""

    id: int
    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1_code: str | None
    kind: EntryKind
    population: int = 0
    source: str = ""
    within: int | None = None

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None

    @property
    def well_known(self) -> bool:
        """A country, a first-level region or a large town: a place its name alone names."""
        return self.kind in ("country", "admin1") or self.population >= WELL_KNOWN


def kind_of(feature_class: str, feature_code: str) -> EntryKind | None:
    """GeoNames feature class and code -> entry kind (``None``: not a place to keep)."""
    if feature_class == "A":
        if feature_code.startswith("PCL"):
            return "country"
        if feature_code == "ADM1":
            return "admin1"
        if feature_code.startswith("ADM") and not feature_code.endswith("H"):
            return "admin2"
        return None
    if feature_class == "P":
        return "section" if feature_code == "PPLX" else (None if feature_code.endswith(
            ("H", "Q", "W")) else "town")
    if feature_class == "L":
        return "area"
    if feature_class in ("S", "T", "H", "V", "R", "U"):
        return "spot"
    return None
