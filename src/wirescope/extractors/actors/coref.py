"""Within-document coreference for actors: which mentions are the same actor.

Rules, in order: the same knowledge-base actor; person names that agree up to spelling
(fuzzy, rapidfuzz) or by surname; "the Center" with the organisation ending in "Center";
a role description with the person who holds that role in this document (an in-text title,
or a knowledge-base role of someone named here) — else the description stands alone; a
reporting pronoun with the nearest earlier actor of its kind within a few sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from wirescope.annotate.lexicon import Lexicon
from wirescope.extractors.actors.kb import Actor, KnowledgeBase, fold
from wirescope.extractors.actors.mentions import Mention
from wirescope.extractors.actors.roles import RoleFeatures, features

PERSON_FUZZ = 88.0  # rapidfuzz ratio above which two full person names are one person
PRONOUN_WINDOW = 3  # sentences back a reporting pronoun may look for its antecedent


@dataclass(slots=True)
class Cluster:
    key: str
    mentions: list[Mention] = field(default_factory=list)
    actor: Actor | None = None
    titles: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        names = [m.label for m in self.mentions if m.kind == "name"]
        # the most common name, the first given on a tie (not a set's order: a run must not
        # depend on the interpreter's hash seed)
        return max(names, key=names.count) if names else self.mentions[0].label


def _kb_person(name: str, kb: KnowledgeBase) -> Actor | None:
    """A knowledge-base person whose full-name alias is spelled almost like ``name``."""
    folded = fold(name)
    if len(folded.split()) < 2:
        return None
    best = process.extractOne(folded, kb.full_names.keys(), scorer=fuzz.ratio,
                              score_cutoff=PERSON_FUZZ)
    return kb.actors[kb.full_names[best[0]]] if best else None


def cluster(mentions: Sequence[Mention], text: str, sentence_of: Sequence[int],
            kb: KnowledgeBase, lex: Lexicon) -> list[Cluster]:
    """Group ``mentions`` (sorted by start) into clusters; ``sentence_of[i]`` is mention i's
    sentence number."""
    clusters: dict[str, Cluster] = {}
    of_mention: dict[int, Cluster] = {}

    def join(i: int, key: str, actor: Actor | None = None) -> Cluster:
        found = clusters.setdefault(key, Cluster(key, actor=actor))
        found.mentions.append(mentions[i])
        of_mention[i] = found
        return found

    # 1. names: knowledge-base actors, then people by spelling, organisations by name.
    for i, m in enumerate(mentions):
        if m.kind != "name":
            continue
        surface = text[m.start : m.end]
        actor = m.actor or (_kb_person(surface, kb) if m.label == "PERSON" else None)
        if actor is not None:
            join(i, f"kb:{actor.id}", actor)
            continue
        key = f"{m.label.lower()}:{fold(surface)}"
        if m.label == "PERSON":
            key = _similar_person(fold(surface), clusters) or key
        join(i, key)
    # 2. short names: surnames and "the Center".
    for i, m in enumerate(mentions):
        if m.kind == "short":
            target = _by_last_word(i, mentions, of_mention, text, fold(text[m.start : m.end]))
            join(i, target.key if target else f"{m.label.lower()}:{fold(text[m.start:m.end])}")
    # 3. single-word names that are a person's surname ("Rudskoy" tagged NORP).
    for i, m in enumerate(mentions):
        if m.kind == "name" and m.actor is None and len(text[m.start : m.end].split()) == 1:
            target = _by_last_word(i, mentions, of_mention, text, fold(text[m.start : m.end]),
                                   person_only=True)
            if target is not None and target is not of_mention[i]:
                emptied = of_mention[i]
                emptied.mentions.remove(m)
                if not emptied.mentions:
                    del clusters[emptied.key]
                target.mentions.append(m)
                of_mention[i] = target
    # 4. titles attached to names, then descriptions matched to role holders.
    index_at = {m.start: i for i, m in enumerate(mentions) if m.kind == "name"}
    for i, m in enumerate(mentions):
        named = index_at.get(m.title_for) if m.title_for is not None else None
        if m.kind == "description" and named is not None and named in of_mention:
            holder = of_mention[named]
            holder.titles.append(text[m.start : m.end])
            holder.mentions.append(m)
            of_mention[i] = holder
    holders = _holders(clusters, text, kb, lex)
    for i, m in enumerate(mentions):
        if m.kind == "description" and i not in of_mention:
            desc = features(text[m.start : m.end], kb, lex)
            target = _holder_for(i, desc, holders, mentions, of_mention)
            if target is not None:
                target.mentions.append(m)
                of_mention[i] = target
            else:
                join(i, "description:" + fold(text[m.start : m.end]).removeprefix("the "))
    # 5. reporting pronouns: the nearest earlier subject of the right kind, else the nearest.
    for i, m in enumerate(mentions):
        if m.kind != "pronoun":
            continue
        candidates = [
            j for j in range(i - 1, -1, -1)
            if sentence_of[i] - sentence_of[j] <= PRONOUN_WINDOW and j in of_mention
            and mentions[j].kind != "pronoun"
            and (m.label == "PERSON") == (of_mention[j].label == "PERSON")
        ]
        subjects = [j for j in candidates if mentions[j].subject]
        if subjects or candidates:
            chosen = (subjects or candidates)[0]
            of_mention[chosen].mentions.append(m)
            of_mention[i] = of_mention[chosen]
    for found in clusters.values():
        found.mentions.sort(key=lambda x: x.start)
    return [c for c in clusters.values() if any(x.kind != "pronoun" for x in c.mentions)]


def _similar_person(folded: str, clusters: dict[str, Cluster]) -> str | None:
    for key in clusters:
        if key.startswith("person:") and fuzz.ratio(folded, key[7:]) >= PERSON_FUZZ:
            return key
    return None


def _by_last_word(i: int, mentions: Sequence[Mention], of_mention: dict[int, Cluster],
                  text: str, word: str, person_only: bool = False) -> Cluster | None:
    """The cluster of the nearest other multi-word name ending in ``word`` (earlier first)."""
    for j in [*range(i - 1, -1, -1), *range(i + 1, len(mentions))]:
        other = mentions[j]
        if other.kind != "name" or j not in of_mention:
            continue
        found = of_mention[j]
        if person_only and found.label != "PERSON":
            continue
        words = fold(text[other.start : other.end]).split()
        if len(words) > 1 and words[-1] == word:
            return found
    return None


def _holders(clusters: dict[str, Cluster], text: str, kb: KnowledgeBase,
             lex: Lexicon) -> list[tuple[Cluster, RoleFeatures]]:
    """Every (person, role) pair this document supports: in-text titles and KB roles."""
    pairs = []
    for found in clusters.values():
        if found.label != "PERSON":
            continue
        roles = [features(t, kb, lex) for t in found.titles]
        if found.actor is not None:
            roles += [features(r.describe(), kb, lex, r.country) for r in found.actor.roles]
        pairs += [(found, r) for r in roles if r is not None]
    return pairs


def _holder_for(i: int, desc: RoleFeatures | None,
                holders: list[tuple[Cluster, RoleFeatures]], mentions: Sequence[Mention],
                of_mention: dict[int, Cluster]) -> Cluster | None:
    if desc is None:
        return None
    fitting = {id(c): c for c, role in holders if desc.fits(role)}
    if not fitting:
        return None
    for j in [*range(i - 1, -1, -1), *range(i + 1, len(mentions))]:
        holder = of_mention.get(j)
        if holder is not None and id(holder) in fitting:
            return holder
    return None
