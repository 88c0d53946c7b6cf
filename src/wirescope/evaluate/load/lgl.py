"""LGL, Local-Global Lexicon (Lieberman et al. 2010, as distributed by Gritta et al.):
``<article docid>`` with ``<text>``, ``<dltime>`` and ``<toponyms>``; each ``<toponym>``
has ``start``/``end``/``phrase`` and, when resolved, a ``<gaztag>`` with ``lat``/``lon``."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from wirescope.evaluate.load.toponyms import GeoItem, collect
from wirescope.records import Document


def _published(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


def read(data: bytes | str, origin: str = "lgl") -> list[GeoItem]:
    root = ET.fromstring(data)
    items = []
    for number, article in enumerate(root.iter("article"), start=1):
        text = article.findtext("text") or ""
        if not text.strip():
            continue
        toponyms, unaligned = collect(text, article.iter("toponym"), "phrase",
                                      lambda node: node.find("gaztag"))
        doc_id = article.get("docid") or f"article-{number}"
        items.append(
            GeoItem(
                document=Document(
                    id=f"lgl-{doc_id}", text=text, title=article.findtext("title"),
                    url=article.findtext("url"), source=article.findtext("domain"),
                    published=_published(article.findtext("dltime")),
                    origin=f"{origin}#{doc_id}",
                ),
                toponyms=toponyms,
                unaligned=unaligned,
            )
        )
    return items


def load(path: Path) -> list[GeoItem]:
    return read(path.read_bytes(), str(path))
