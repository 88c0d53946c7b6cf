"""Gold items shared by the geoparsing loaders (LGL and GeoVirus)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wirescope.evaluate.spans import Range, align
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


def collect(text: str, nodes: Iterable[ET.Element], name_tag: str,
            coordinates: Callable[[ET.Element], ET.Element | None]) -> tuple[
                tuple[Toponym, ...], int]:
    """Gold toponyms from XML ``nodes`` (with ``start``/``end`` and a name under
    ``name_tag``), re-aligned on the text; ``coordinates(node)`` is the element holding
    ``lat``/``lon``. Returns the toponyms and how many did not fit the text."""
    toponyms, unaligned = [], 0
    for node in nodes:
        name = node.findtext(name_tag) or ""
        span = align(text, int(node.findtext("start") or 0), int(node.findtext("end") or 0),
                     name)
        if span is None:
            unaligned += 1
            continue
        where = coordinates(node)
        toponyms.append(Toponym(
            span=span, name=name,
            lat=coordinate(where.findtext("lat")) if where is not None else None,
            lon=coordinate(where.findtext("lon")) if where is not None else None,
        ))
    return tuple(toponyms), unaligned
