"""PLOVER gold-standard records (openeventdata/PLOVER, ``PLOVER_GSR_CAMEO.txt``): a JSON
array of example sentences, each coded with one PLOVER event (``event``, optional ``mode``)
and its ``source``/``target`` actors (lists of ``{"actorText", "code"}``, or empty).

Actor spans are not given; each ``actorText`` is located in the sentence (first occurrence;
``span`` is ``None`` when it is not found verbatim). The ``date`` field is a placeholder
(2000-01-01) and is not used.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirescope.evaluate.spans import Range, find
from wirescope.records import Document


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    text: str
    code: str
    span: Range | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PloverItem:
    document: Document
    type: str
    mode: str | None
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]


def _actors(value: Any, text: str) -> tuple[Actor, ...]:
    if not isinstance(value, list):
        return ()
    actors = []
    for entry in value:
        if not isinstance(entry, dict) or not entry.get("actorText"):
            continue
        surface = str(entry["actorText"])
        actors.append(Actor(text=surface, code=str(entry.get("code") or ""),
                            span=find(text, surface)))
    return tuple(actors)


def read(data: str, origin: str = "plover") -> list[PloverItem]:
    items = []
    for number, record in enumerate(json.loads(data), start=1):
        text = record.get("text")
        event = record.get("event")
        if not isinstance(text, str) or not text.strip() or not event or event == "DOCUMENT":
            continue
        doc_id = str(record.get("id") or f"record-{number}")
        items.append(
            PloverItem(
                document=Document(id=f"plover-{doc_id}", text=text, origin=f"{origin}#{doc_id}"),
                type=str(event).upper(),
                mode=str(record["mode"]) if record.get("mode") else None,
                sources=_actors(record.get("source"), text),
                targets=_actors(record.get("target"), text),
            )
        )
    return items


def load(path: Path) -> list[PloverItem]:
    return read(path.read_text("utf-8"), str(path))
