"""Actors: canonical entities across spellings, titles, pronouns and descriptions.

``entities.actors.v1`` finds actor mentions (NER corrected by the knowledge base and by
context), groups them within the document (:mod:`.coref`) and gives each group one entity:
a knowledge-base actor keeps its id (``kb-…``) in every document; other names get an id
from their type and folded name; a role description nobody in the text holds stays a
description entity of its own document.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from wirescope.annotate.lexicon import lexicon
from wirescope.annotate.names import entity_id
from wirescope.extractors.actors import mentions as found
from wirescope.extractors.actors.coref import Cluster, cluster
from wirescope.extractors.actors.kb import Actor, KnowledgeBase, fold, load
from wirescope.extractors.actors.speakers import speaks_for
from wirescope.extractors.registry import State, register
from wirescope.gazetteer import Entry, Gazetteer
from wirescope.gazetteer import load as load_gazetteer
from wirescope.records import Entity, Span

NAME = "entities.actors.v1"
_TYPES = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "state"}


class PlaceNames:
    """What the gazetteer says of a name, for names NER misreads as actors."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def _exact(self, name: str) -> list[Entry]:
        return [c.entry for c in self.gazetteer.lookup(name) if c.exact]

    def major(self, word: str) -> bool:
        """Is this word, exactly, the name of a country, a first-level region or a large
        town?"""
        return any(e.well_known for e in self._exact(word))

    def sub_national(self, name: str) -> bool:
        """Is this exactly a place's name, and no country's ("Deir ez-Zor", "Raqqa")?"""
        exact = self._exact(name)
        return bool(exact) and all(e.kind != "country" for e in exact)


def _run_of_places(text: str, m: found.Mention, places: PlaceNames | None) -> bool:
    """"Aleppo Hama" read as a person: a list of places whose commas were stripped, every
    word of it a well-known place."""
    words = text[m.start : m.end].split()
    return (places is not None and m.actor is None and m.label in ("PERSON", "ORG")
            and len(words) > 1 and all(places.major(w) for w in words))


def _town_as_state(text: str, m: found.Mention, places: PlaceNames | None) -> bool:
    """A city or region NER calls GPE in an actor position ("Deir ez-Zor media" with its
    punctuation stripped) is no state: only countries and the capitals the knowledge base
    holds stand for governments."""
    return (places is not None and m.actor is None and m.label == "GPE"
            and places.sub_national(text[m.start : m.end]))


def detect(doc: Doc, kb: KnowledgeBase,
           places: PlaceNames | None = None) -> list[found.Mention]:
    """Every actor mention in ``doc``, sorted by position (a title before its name);
    ``places`` tells place names from actors' (run-on lists, towns read as states)."""
    lex, text = lexicon(), doc.text
    names = [found.norp_as_state(m, doc, text, kb, lex) for m in found.names(doc, text, kb)]
    names = [k for m in names if (k := found.keep(m, doc, lex)) is not None
             and not _run_of_places(text, k, places) and not _town_as_state(text, k, places)]
    names += list(found.short_names(doc, text, names))
    descriptions = list(found.descriptions(doc, names, lex))
    # A nationality or country inside a role description is part of the description.
    names = [m for m in names
             if not (_national(m) and any(m.overlaps(d) for d in descriptions))]
    names += descriptions
    pronouns = list(found.pronouns(doc, lex))
    return sorted([found.with_role(m, doc) for m in names] + pronouns,
                  key=lambda m: (m.start, m.kind != "description"))


def _national(m: found.Mention) -> bool:
    return m.label == "NORP" or (m.actor is not None and m.actor.type == "state")


def _role(actor: Actor, published: str | None) -> str | None:
    for role in actor.roles:
        if published is None or (
            (role.since or "") <= published and (role.until is None or published <= role.until)
        ):
            return role.describe()
    return None


def _entity(group: Cluster, state: State, text: str) -> Entity:
    doc = state.document
    spans = sorted({(m.start, m.end) for m in group.mentions})
    mentions = tuple(Span(start=s, end=e) for s, e in spans)
    actor = group.actor
    if actor is not None:
        published = doc.published.isoformat() if doc.published else None
        return Entity(
            id=actor.entity_id, document_id=doc.id, extractor=NAME, name=actor.name,
            type=actor.type, actor_type=actor.actor_type, mentions=mentions,
            role=group.titles[0] if group.titles else _role(actor, published),
            country=actor.country,
        )
    names = [text[m.start : m.end] for m in group.mentions if m.kind == "name"]
    if group.key.startswith("description:"):
        name = text[group.mentions[0].start : group.mentions[0].end]
        name = name[4:] if name.lower().startswith("the ") else name
        digest = hashlib.sha1(f"{doc.id}|{group.key}".encode()).hexdigest()[:12]
        return Entity(id=f"desc-{digest}", document_id=doc.id, extractor=NAME, name=name,
                      type="person", actor_type=None, mentions=mentions, role=name)
    if not names:
        names = [text[m.start : m.end] for m in group.mentions if m.kind != "pronoun"]
    name = max(names, key=lambda n: (len(n.split()), names.count(n)))
    type_ = _TYPES.get(group.label, "organization")
    return Entity(
        id=entity_id(type_, name), document_id=doc.id, extractor=NAME,
        name=" ".join(name.split()), type=type_, actor_type=None, mentions=mentions,
        role=group.titles[0] if group.titles else None,
    )


@register(NAME, kind="entities",
          requires=("doc.ents", "token.dep", "token.lemma", "token.tag", "doc.sents"))
def actor_entities(doc: Doc, state: State) -> Iterator[Entity]:
    kb = load(state.settings.actor_files)
    mentions = detect(doc, kb, PlaceNames(load_gazetteer(state.settings.gazetteer)))
    sentence_starts = [s.start_char for s in doc.sents]
    sentence_of = [bisect.bisect_right(sentence_starts, m.start) for m in mentions]
    text = doc.text  # spaCy joins every token again on each ``doc.text``
    groups = cluster(mentions, text, sentence_of, kb, lexicon())
    published = state.document.published
    yield from speaks_for(_merged(_entity(g, state, text) for g in groups), text, kb,
                          published.isoformat() if published else None)


def _merged(entities: Iterable[Entity]) -> list[Entity]:
    """One entity per id, in text order: two groups coreference kept apart but that name
    the same actor ("Kyleif Harley" twice, far apart) are one entity with both groups'
    mentions (ids are unique within a document)."""
    by_id: dict[str, Entity] = {}
    for entity in entities:
        first = by_id.get(entity.id)
        if first is None:
            by_id[entity.id] = entity
            continue
        spans = sorted({(m.start, m.end) for m in (*first.mentions, *entity.mentions)})
        by_id[entity.id] = dataclasses.replace(
            first, mentions=tuple(Span(start=a, end=b) for a, b in spans),
            role=first.role or entity.role)
    return sorted(by_id.values(), key=lambda e: e.mentions[0].start)


__all__ = ["NAME", "actor_entities", "detect", "fold"]
