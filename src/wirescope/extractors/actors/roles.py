"""Role descriptions ("the head of the Russian General Staff") and the titles people hold.

A role is reduced to comparable features: its class (head, minister, envoy …), whether it
is a deputy, and its qualifiers (other content words, with nationality adjectives and country
names folded to a country code). A description matches a holder's role when the class and the
deputy flag agree and the description's qualifiers are a subset of the role's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirescope.annotate.lexicon import Lexicon
from wirescope.extractors.actors.kb import KnowledgeBase, fold

_STOP = frozenset({"the", "a", "an", "of", "for", "and", "s", "in", "to", "on", "its", "his",
                   "her", "their"})
_SPELLING = {"defence": "defense", "centre": "center", "organisation": "organization"}


@dataclass(frozen=True, slots=True)
class RoleFeatures:
    role_class: str
    deputy: bool
    qualifiers: frozenset[str]

    def fits(self, holder: RoleFeatures) -> bool:
        """Could someone holding ``holder`` be described by this description?"""
        return (
            self.role_class == holder.role_class
            and self.deputy == holder.deputy
            and self.qualifiers <= holder.qualifiers
        )


def features(text: str, kb: KnowledgeBase, lex: Lexicon,
             country: str | None = None) -> RoleFeatures | None:
    """Features of a title or description; ``None`` when it holds no role noun."""
    words = [w for w in re.split(r"[\s,]+", fold(text)) if w]
    head_zone = words[: words.index("of")] if "of" in words else words
    if "for" in head_zone:
        head_zone = head_zone[: head_zone.index("for")]
    heads = [i for i, w in enumerate(head_zone) if w in lex.role_class]
    if not heads:
        return None
    head = heads[-1]
    quals: set[str] = set()
    for i, word in enumerate(words):
        if i == head or word in _STOP or word == "deputy":
            continue
        quals.add(_qualifier(word, kb, lex))
    if country:
        quals.add(country.lower())
    return RoleFeatures(lex.role_class[words[head]], "deputy" in words, frozenset(quals))


def _qualifier(word: str, kb: KnowledgeBase, lex: Lexicon) -> str:
    for demonym, actor_id in lex.demonyms.items():
        if fold(demonym) == word:
            actor = kb.actors.get(actor_id)
            if actor is not None and actor.country:
                return actor.country.lower()
    actor = kb.lookup(word)
    if actor is not None and actor.type == "state" and actor.country:
        return actor.country.lower()
    return _SPELLING.get(word, word)
