"""Entities, first version: spaCy's named entities grouped by normalised name.

Knows nothing about actors yet (no aliases, no coreference, ``actor_type`` unknown); the
actors work replaces it with a knowledge-based extractor under a new version name.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from spacy.tokens import Doc

from wirescope.extractors.registry import State, register
from wirescope.records import Entity, Span

# spaCy label -> wirescope entity type. Places (GPE as location, LOC, FAC) go to places later;
# GPE stays here because states and governments are actors; "norp" is a nationality or
# religious/political group adjective. The actors work refines these types.
TYPES = {"PERSON": "person", "ORG": "organization", "NORP": "norp", "GPE": "gpe"}
NAME = "entities.spacy_ner.v1"

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


@register(NAME, kind="entities", requires=("doc.ents",))
def spacy_entities(doc: Doc, state: State) -> Iterator[Entity]:
    text = state.document.text
    groups: dict[tuple[str, str], list[Span]] = {}
    names: dict[tuple[str, str], str] = {}
    for ent in doc.ents:
        type_ = TYPES.get(ent.label_)
        if type_ is None:
            continue
        span = trim(text, ent.start_char, ent.end_char)
        if span is None:
            continue
        name = span.surface(text)
        key = (type_, name_key(name))
        groups.setdefault(key, []).append(span)
        names.setdefault(key, " ".join(name.split()))
    for key, spans in groups.items():
        type_, _ = key
        yield Entity(
            id=entity_id(type_, names[key]),
            document_id=state.document.id,
            extractor=NAME,
            name=names[key],
            type=type_,
            actor_type=None,
            mentions=tuple(spans),
        )
