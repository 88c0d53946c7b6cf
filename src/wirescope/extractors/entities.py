"""Entities, first version: spaCy's named entities grouped by normalised name.

Knows nothing about actors yet (no aliases, no coreference, ``actor_type`` unknown); the
actors work replaces it with a knowledge-based extractor under a new version name.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from wirescope.annotate.names import entity_id, name_key, trim
from wirescope.extractors.registry import State, register
from wirescope.records import Entity, Span

# spaCy label -> wirescope entity type. Places (GPE as location, LOC, FAC) go to places later;
# GPE stays here because states and governments are actors; "norp" is a nationality or
# religious/political group adjective. The actors work refines these types.
TYPES = {"PERSON": "person", "ORG": "organization", "NORP": "norp", "GPE": "gpe"}
NAME = "entities.spacy_ner.v1"

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
