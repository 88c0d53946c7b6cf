"""Who speaks for whom: a person is linked to the organisation (or state, or armed group) they
speak for, so that an organisation's claims include its spokespeople's.

A person speaks for an actor of the document when

* the knowledge base gives them a role in it, current on the publication day (Igor
  Konashenkov, spokesman of the Russian Defence Ministry; a head of state for the state);
* or the text puts them in a role of it, the organisation's name and the role words side by
  side: "Syrian Observatory for Human Rights director Rami Abdel Rahman", "the ministry's
  spokesman Igor Konashenkov", "Igor Konashenkov, a spokesman for the Russian Defence
  Ministry", "a spokesman for the US-led coalition, Colonel Steve Warren", or a role
  description of the person that names it ("…, said Rami Abdel Rahman, head of the Syrian
  Observatory for Human Rights").

The role words are the actor lexicon's role heads (spokesman, director, head, commander …),
with its modifiers (deputy, senior, chief …) and ranks (Colonel, Maj. Gen. …).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from functools import lru_cache

from wirescope.annotate.lexicon import Lexicon, lexicon
from wirescope.extractors.actors.kb import KnowledgeBase
from wirescope.records import Entity, Span

SPOKEN_FOR = frozenset({"organization", "armed_group", "state"})
GAP = 80  # characters between the two names at most


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex: Lexicon = lexicon()

    def words(items: Iterable[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))

    role = (rf"(?:(?:{words(lex.role_modifiers)}|press|media)\s+)*"
            rf"(?:{words(lex.role_class)})")
    ranks = rf"(?:(?:{words(lex.ranks)})\s+)*"
    article = r"(?:a|an|the|its|their)\s+"
    return (
        # ORG [’s] ROLE [RANK] PERSON
        re.compile(rf"(?:['’]s)?\s+{role}\s*,?\s+{ranks}$", re.I),
        # PERSON, a ROLE for/of [the] ORG
        re.compile(rf"^\s*,\s+{article}?{role}\s+(?:for|of|at|with)\s+(?:the\s+)?$", re.I),
        # a ROLE for/of [the] ORG, [RANK] PERSON — the words before the organisation
        re.compile(rf"\b{role}\s+(?:for|of|at|with)\s+(?:the\s+)?$", re.I),
        re.compile(rf"^\s*,\s+{ranks}$", re.I),
    )


def speaks_for(entities: list[Entity], text: str, kb: KnowledgeBase,
               published: str | None) -> list[Entity]:
    """The entities, each person who speaks for an actor of the document with
    ``speaks_for`` set to that actor's id."""
    spoken = [e for e in entities if e.type in SPOKEN_FOR]
    held = {e.id for e in spoken}
    found = []
    for entity in entities:
        if entity.type == "person":
            organisation = _by_knowledge(entity, kb, held, published) or _by_text(
                entity, spoken, text)
            if organisation is not None and organisation != entity.id:
                entity = dataclasses.replace(entity, speaks_for=organisation)
        found.append(entity)
    return found


def _by_knowledge(person: Entity, kb: KnowledgeBase, held: set[str],
                  published: str | None) -> str | None:
    actor = kb.actors.get(person.id.removeprefix("kb-")) if person.id.startswith("kb-") else None
    if actor is None:
        return None
    for role in actor.roles:
        current = published is None or (
            (role.since or "") <= published and (role.until is None or published <= role.until))
        organisation = kb.lookup(role.organization) if role.organization and current else None
        if organisation is not None and organisation.entity_id in held:
            return organisation.entity_id
    return None


def _by_text(person: Entity, spoken: list[Entity], text: str) -> str | None:
    before_role, after_role, role_then, rank_only = _patterns()
    for m in person.mentions:
        for organisation in spoken:
            for o in organisation.mentions:
                if _close(o, m) and o.end <= m.start and before_role.fullmatch(
                        text[o.end:m.start]) is not None:
                    return organisation.id
                if _close(m, o) and m.end <= o.start and after_role.match(
                        text[m.end:o.start]) is not None:
                    return organisation.id
                if m.start <= o.start and o.end <= m.end and role_then.search(
                        text[m.start:o.start]) is not None:  # "head of the Observatory"
                    return organisation.id
                if _close(o, m) and o.end <= m.start and rank_only.match(
                        text[o.end:m.start]) and role_then.search(
                        text[max(0, o.start - GAP):o.start]) is not None:
                    return organisation.id
    return None


def _close(first: Span, second: Span) -> bool:
    return 0 <= second.start - first.end <= GAP
