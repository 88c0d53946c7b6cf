"""Event locations (Halterman 2019, ahalterman/event_location): JSON Lines exported from
Prodigy, one sentence per line with ``spans`` labelled ``VERB`` (the event) and
``LOCATION`` (where that event happened; none when it happened nowhere named).

A span's character offsets are read from its tokens (``token_start``/``token_end`` into the
row's ``tokens``) when it has them: in 215 relabelled spans of the file ``start``/``end``
hold the token index instead of a character offset ("Vienna" at ``1:1``), while the token
offsets always give the span's own ``text``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirescope.evaluate.spans import Range
from wirescope.records import Document


@dataclass(frozen=True, slots=True, kw_only=True)
class EventLocationItem:
    document: Document
    verb: Range | None
    locations: tuple[Range, ...]


def _range(span: dict[str, Any], tokens: list[Any]) -> Range:
    first, last = span.get("token_start"), span.get("token_end")
    if isinstance(first, int) and isinstance(last, int) and 0 <= first <= last < len(tokens):
        return int(tokens[first]["start"]), int(tokens[last]["end"])
    return int(span["start"]), int(span["end"])


def read(data: str, origin: str = "event_location") -> list[EventLocationItem]:
    items = []
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("answer", "accept") != "accept" or not str(row.get("text", "")).strip():
            continue
        spans = [s for s in row.get("spans") or [] if isinstance(s, dict)]
        tokens = [t for t in row.get("tokens") or [] if isinstance(t, dict)]
        verbs = [_range(s, tokens) for s in spans if s.get("label") == "VERB"]
        locations = tuple(_range(s, tokens) for s in spans if s.get("label") == "LOCATION")
        name = row.get("_id") or row.get("doc_id") or "row"
        items.append(
            EventLocationItem(
                document=Document(id=f"el-{number:04d}-{name}", text=row["text"],
                                  origin=f"{origin}:{number}"),
                verb=verbs[0] if verbs else None,
                locations=locations,
            )
        )
    return items


def load(path: Path) -> list[EventLocationItem]:
    return read(path.read_text("utf-8"), str(path))
