"""GeoVirus (Gritta et al. 2018): WikiNews outbreak articles, ``<article>`` with ``<source>``
(URL), ``<text>`` and ``<locations>``; each ``<location>`` has ``name``, ``start``, ``end``,
``lat``, ``lon``. The distributed offsets are one-based, so every span is re-aligned on its
name (see :func:`wirescope.evaluate.spans.align`)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from wirescope.evaluate.load.toponyms import GeoItem, collect
from wirescope.records import Document


def read(data: bytes | str, origin: str = "geovirus") -> list[GeoItem]:
    root = ET.fromstring(data)
    items = []
    for number, article in enumerate(root.iter("article"), start=1):
        text = article.findtext("text") or ""
        if not text.strip():
            continue
        toponyms, unaligned = collect(text, article.iter("location"), "name",
                                      lambda node: node)
        items.append(
            GeoItem(
                document=Document(
                    id=f"geovirus-{number:04d}", text=text, url=article.findtext("source"),
                    origin=f"{origin}#{number}",
                ),
                toponyms=toponyms,
                unaligned=unaligned,
            )
        )
    return items


def load(path: Path) -> list[GeoItem]:
    return read(path.read_bytes(), str(path))
