"""Entity names and ids: a name's surface trimmed of a leading article and a possessive, its
comparison key, and the id an entity gets from its type and name (stable across documents)."""

from __future__ import annotations

import hashlib
import re

from wirescope.records import Span

_LEADING = re.compile(r"^(?:the|The|THE)(?:\s+|$)")
_TRAILING = re.compile(r"(?:['’]s?|\s)+$")


def trim(text: str, start: int, end: int) -> Span | None:
    """Drop a leading article and a trailing possessive; ``None`` if nothing is left."""
    surface = text[start:end]
    lead = _LEADING.match(surface)
    if lead:
        start += lead.end()
        surface = surface[lead.end() :]
    tail = _TRAILING.search(surface)
    if tail:
        end -= len(surface) - tail.start()
    return Span(start=start, end=end) if end > start else None


def name_key(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


def entity_id(type_: str, name: str) -> str:
    digest = hashlib.sha1(f"{type_}|{name_key(name)}".encode()).hexdigest()[:12]
    return f"ent-{digest}"
