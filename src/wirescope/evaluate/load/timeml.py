"""TimeML ``.tml`` (TempEval-3, TBAQ-cleaned AQUAINT): the document text is the content of
``<TEXT>`` with the tags removed; every ``<TIMEX3>`` inside it is a gold time expression
with its ``value``. The creation time (``<DCT><TIMEX3 value=…>``) becomes the
publication date, as the normalisation of relative expressions depends on it."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from wirescope.evaluate.spans import Range
from wirescope.records import Document


@dataclass(frozen=True, slots=True, kw_only=True)
class Timex:
    span: Range
    value: str
    type: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TimemlItem:
    document: Document
    timexes: tuple[Timex, ...]
    creation_time: str | None


def _flatten(node: ET.Element, parts: list[str], timexes: list[Timex], at: int) -> int:
    """Append the text under ``node`` to ``parts``; record TIMEX3 offsets. Returns the new
    offset."""
    if node.text:
        parts.append(node.text)
        at += len(node.text)
    for child in node:
        start = at
        at = _flatten(child, parts, timexes, at)
        if child.tag == "TIMEX3" and at > start:
            timexes.append(Timex(span=(start, at), value=child.get("value", ""),
                                 type=child.get("type", "")))
        if child.tail:
            parts.append(child.tail)
            at += len(child.tail)
    return at


def read(data: bytes | str, name: str = "timeml") -> TimemlItem | None:
    root = ET.fromstring(data)
    body = root.find("TEXT")
    if body is None:
        return None
    parts: list[str] = []
    timexes: list[Timex] = []
    _flatten(body, parts, timexes, 0)
    dct = root.find("DCT/TIMEX3")
    creation = dct.get("value") if dct is not None else None
    try:
        published = dt.date.fromisoformat(creation[:10]) if creation else None
    except ValueError:
        published = None
    doc_id = (root.findtext("DOCID") or name).strip()
    return TimemlItem(
        document=Document(id=f"timeml-{doc_id}", text="".join(parts), published=published,
                          origin=name),
        timexes=tuple(timexes),
        creation_time=creation,
    )


def load(folder: Path) -> list[TimemlItem]:
    items = []
    for path in sorted(folder.glob("*.tml")):
        item = read(path.read_bytes(), str(path))
        if item is not None:
            items.append(item)
    return items
