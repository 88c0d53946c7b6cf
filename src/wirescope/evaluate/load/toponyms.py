"""Gold items shared by the geoparsing loaders (LGL and GeoVirus)."""

from __future__ import annotations

from dataclasses import dataclass

from wirescope.evaluate.spans import Range
from wirescope.records import Document


@dataclass(frozen=True, slots=True, kw_only=True)
class Toponym:
    span: Range
    name: str
    lat: float | None
    lon: float | None

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True, kw_only=True)
class GeoItem:
    document: Document
    toponyms: tuple[Toponym, ...]
    unaligned: int = 0  # gold toponyms dropped because their offsets do not fit the text


def coordinate(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None
