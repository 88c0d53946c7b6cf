"""re3d (dstl/re3d): one folder per source, each with ``documents.json``,
``entities.json`` and ``relations.json`` written by ``mongoexport`` (one JSON object per
line). Entities have ``begin``/``end``/``type``/``confidence``; relations have
``sourceBegin``/``sourceEnd``, ``targetBegin``/``targetEnd`` and ``type``.

When one span carries several entity types, the most confident one is kept. Confidence is
otherwise not used as a filter: many plainly correct annotations have confidence 0.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirescope.evaluate.spans import Range
from wirescope.records import Document


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldEntity:
    span: Range
    type: str
    confidence: float


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldRelation:
    type: str
    source: Range
    target: Range


@dataclass(frozen=True, slots=True, kw_only=True)
class Re3dItem:
    document: Document
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        return
    for line in path.read_text("utf-8-sig").splitlines():
        if line.strip():
            yield json.loads(line)


def _entities(rows: list[dict[str, Any]], size: int) -> tuple[GoldEntity, ...]:
    best: dict[Range, GoldEntity] = {}
    for row in rows:
        span = (max(0, int(row["begin"])), min(size, int(row["end"])))
        if span[1] <= span[0]:
            continue
        entity = GoldEntity(span=span, type=str(row["type"]),
                            confidence=float(row.get("confidence") or 0.0))
        if span not in best or entity.confidence > best[span].confidence:
            best[span] = entity
    return tuple(sorted(best.values(), key=lambda e: e.span))


def load_source(folder: Path) -> list[Re3dItem]:
    entities: dict[str, list[dict[str, Any]]] = {}
    relations: dict[str, list[GoldRelation]] = {}
    for row in _lines(folder / "entities.json"):
        entities.setdefault(str(row["documentId"]), []).append(row)
    for row in _lines(folder / "relations.json"):
        relations.setdefault(str(row["documentId"]), []).append(
            GoldRelation(
                type=str(row["type"]),
                source=(int(row["sourceBegin"]), int(row["sourceEnd"])),
                target=(int(row["targetBegin"]), int(row["targetEnd"])),
            )
        )
    items = []
    for row in _lines(folder / "documents.json"):
        doc_id = str(row["_id"])
        text = str(row.get("text") or "")
        if not text.strip():
            continue
        items.append(
            Re3dItem(
                document=Document(
                    id=f"re3d-{doc_id}", text=text, title=row.get("title"),
                    source=row.get("sourceName"), url=row.get("sourceUrl"),
                    origin=f"{folder}#{doc_id}",
                ),
                entities=_entities(entities.get(doc_id, []), len(text)),
                relations=tuple(relations.get(doc_id, [])),
            )
        )
    return items


def load(folder: Path) -> list[Re3dItem]:
    items: list[Re3dItem] = []
    for source in sorted(p for p in folder.iterdir() if p.is_dir()):
        items.extend(load_source(source))
    return items
