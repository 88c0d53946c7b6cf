"""Actor mentions in one document: names, short names, role descriptions and pronouns.

Names come from spaCy NER corrected by knowledge: knowledge-base aliases win over NER spans
and labels; a "person" or "organisation" in place context (object of "in", "take over", head of
"neighborhoods") is a toponym misread and is dropped; a country or capital counts as an actor
only in actor position (metonymy: "Washington's negative response", "Moscow offered"), not
as the place where something happens.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from wirescope.annotate.context import actor_context, first_conjunct, place_context
from wirescope.annotate.lexicon import Lexicon, lexicon
from wirescope.annotate.names import trim
from wirescope.extractors.actors.kb import Actor, KnowledgeBase, fold

Kind = Literal["name", "short", "description", "pronoun"]
NER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person",
            "they": "group", "them": "group"}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    kind: Kind
    label: str  # PERSON, ORG, NORP, GPE (from NER or the knowledge base's type)
    actor: Actor | None = None
    title_for: int | None = None  # for a title: start offset of the name it introduces
    subject: bool = False  # grammatical subject of its clause (preferred antecedent)

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


_KB_LABEL = {"person": "PERSON", "state": "GPE"}


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _forename(text: str, start: int, end: int, persons: list[tuple[int, int]]) -> bool:
    """A state's name that opens a person's name: "Israel Katz", "Jordan Peterson"."""
    return any(s == start and e > end and text[end:end + 1] == " " and text[end + 1:e][:1].isupper()
               for s, e in persons)


def names(doc: Doc, text: str, kb: KnowledgeBase) -> list[Mention]:
    """Knowledge-base alias hits first, then NER entities that do not overlap them; a
    country or capital that opens a person's name is the person's."""
    found: list[Mention] = []
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    for start, end, actor in sorted(kb.find(text), key=lambda h: (h[0] - h[1], h[0])):
        if actor.type == "state" and _forename(text, start, end, persons):
            continue
        candidate = Mention(start, end, "name", _KB_LABEL.get(actor.type, "ORG"), actor)
        if not any(candidate.overlaps(m) for m in found):
            found.append(candidate)
    for start, end, actor in kb.find_in_context(text, _countries(doc, found, kb)):
        # (an organisation, never a toponym: "regime shelling" is the government's)
        candidate = Mention(start, end, "name", "ORG", actor)
        if not any(candidate.overlaps(m) for m in found) and _in_context(text, start, end):
            found.append(candidate)
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        span = trim(text, ent.start_char, ent.end_char)
        if span is None:
            continue
        candidate = Mention(span.start, span.end, "name", ent.label_, kb.lookup(text[
            span.start : span.end]))
        if not any(candidate.overlaps(m) for m in found):
            found.append(candidate)
    return sorted(found, key=lambda m: m.start)


def _countries(doc: Doc, found: list[Mention], kb: KnowledgeBase) -> frozenset[str]:
    """The countries a document names, by the actors found and its demonyms ("the Syrian
    Observatory" names Syria too) — read only when the knowledge base has context aliases."""
    if kb.context_pattern is None:
        return frozenset()
    demonyms = lexicon().demonyms
    named = [m.actor for m in found] + [kb.actors.get(demonyms[t.text]) for t in doc
                                        if t.text in demonyms]
    return frozenset(a.country for a in named if a is not None and a.country)


def _in_context(text: str, start: int, end: int) -> bool:
    """Is a context alias used as the actor here: not after a name or nationality ("the
    Iranian regime") nor beside a word that makes it something else ("the sanctions regime",
    "regime change", "the former regime")?"""
    lex = lexicon()
    before = text[max(0, start - 40) : start].split()
    after = text[end : end + 40].split()
    word = before[-1].strip("\"'“”(") if before else ""
    if word and word[0].isupper() and len(before) > 1 and not before[-2].endswith(
            (".", ":", "!", "?")):
        return False  # a name or nationality before it (not a sentence's first word)
    if word.casefold() in lex.not_before_context:
        return False
    return not (after and after[0].strip(".,;:").casefold() in lex.not_after_context)


def keep(mention: Mention, doc: Doc, lex: Lexicon) -> Mention | None:
    """Apply context: drop toponyms misread as actors; NORP before a force noun becomes
    the state it names; countries and capitals only count in actor position."""
    span = _span(doc, mention.start, mention.end)
    if span is None:
        return mention
    actor = mention.actor
    if actor is not None and actor.type == "state" and mention.label != "ORG":
        # (a state named as an organisation — "the regime" — is no toponym)
        return mention if not place_context(span, lex) and (
            actor_context(span, lex) or span.root.ent_type_ != "GPE"
        ) else None
    if actor is not None:
        return mention
    if mention.label == "GPE":
        return mention if actor_context(span, lex) and not place_context(span, lex) else None
    if mention.label in ("PERSON", "ORG", "NORP") and place_context(span, lex):
        return None
    return mention


def with_role(mention: Mention, doc: Doc) -> Mention:
    """Mark grammatical subjects: they are preferred antecedents for pronouns."""
    span = _span(doc, mention.start, mention.end)
    if span is None:
        return mention
    return replace(mention, subject=first_conjunct(span.root).dep_ in ("nsubj", "nsubjpass"))


def norp_as_state(mention: Mention, doc: Doc, text: str, kb: KnowledgeBase, lex: Lexicon
                  ) -> Mention:
    """"Russian warplanes" → the Russian state; other nationality adjectives stay groups."""
    if mention.label != "NORP" or mention.actor is not None:
        return mention
    span = _span(doc, mention.start, mention.end)
    actor_id = lex.demonyms.get(text[mention.start : mention.end])
    if span is None or actor_id is None or actor_id not in kb.actors:
        return mention
    root = span.root
    if root.dep_ in ("amod", "compound") and root.head.lemma_.lower() in lex.force_nouns:
        return replace(mention, label="GPE", actor=kb.actors[actor_id])
    return mention


def short_names(doc: Doc, text: str, found: list[Mention]) -> Iterator[Mention]:
    """Surnames of people named in full, and "the Center" for "Russian Reconciliation
    Center", where no mention covers them yet."""
    surnames = {fold(text[m.start : m.end]).split()[-1] for m in found
                if m.label == "PERSON" and len(text[m.start : m.end].split()) > 1}
    org_heads = {fold(text[m.start : m.end]).split()[-1] for m in found
                 if m.label == "ORG" and len(text[m.start : m.end].split()) > 1}
    taken = [(m.start, m.end) for m in found]
    for token in doc:
        if not token.text[:1].isupper() or any(s <= token.idx < e for s, e in taken):
            continue
        word = fold(token.text)
        if word in surnames:
            yield Mention(token.idx, token.idx + len(token.text), "short", "PERSON")
        elif word in org_heads and token.i > 0 and doc[token.i - 1].lower_ == "the":
            yield Mention(token.idx, token.idx + len(token.text), "short", "ORG")


def descriptions(doc: Doc, found: list[Mention], lex: Lexicon) -> Iterator[Mention]:
    """Role descriptions: definite ("the head of the Russian General Staff"), titles right
    before a name ("Special Envoy for Syria, Staffan de Mistura") and appositions after one
    ("Sergey Rudskoy, chief of the Main Operational Directorate …,")."""
    starts = {m.start for m in found if m.label == "PERSON"}
    ends = {m.end: m.start for m in found if m.label == "PERSON"}
    covered = [(m.start, m.end) for m in found if m.label != "NORP"]
    for token in doc:
        if token.lower_ not in lex.role_class or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(s <= token.idx < e for s, e in covered):
            continue
        first = token.i
        while first > 0 and _modifier(doc[first - 1], lex):
            first -= 1
        last = token.i + 1
        if last < len(doc) and doc[last].lower_ in ("of", "for"):
            last = _extend_right(doc, last, starts)
        while last - 1 > token.i and doc[last - 1].text in lex.ranks:
            last -= 1
        definite = first > 0 and doc[first - 1].lower_ == "the"
        start_char = doc[first - 1].idx if definite else doc[first].idx
        end_char = doc[last - 1].idx + len(doc[last - 1].text)
        title_for = _introduced(doc, last, starts, lex)
        if title_for is None:
            before = doc[first - 1] if first > 0 else None
            if before is not None and before.text == "," and first > 1:
                title_for = ends.get(doc[first - 2].idx + len(doc[first - 2].text))
        if definite or title_for is not None:
            yield Mention(start_char, end_char, "description", "PERSON", title_for=title_for)


def _modifier(token: Token, lex: Lexicon) -> bool:
    if token.lower_ in lex.role_modifiers:
        return True
    return token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ", "NOUN") and \
        token.text not in lex.ranks and token.dep_ != "ROOT"


def _extend_right(doc: Doc, i: int, name_starts: set[int]) -> int:
    """From a preposition after the role noun, the end (exclusive) of its phrase: capitalised
    words, "of/the/for/and", possessives; never into a name, a comma or a verb."""
    end = i
    j = i
    while j < len(doc):
        token = doc[j]
        if token.idx in name_starts or (token.is_punct and token.text not in ("'s", "’s")):
            break
        if token.lower_ in ("of", "for", "the", "and", "'s", "’s"):
            j += 1
            continue
        if token.text[:1].isupper() or (token.pos_ in ("ADJ", "NOUN") and j > i):
            if token.pos_ in ("VERB", "AUX"):
                break
            j += 1
            end = j
            continue
        break
    return end if end > i else i


def _introduced(doc: Doc, i: int, name_starts: set[int], lex: Lexicon) -> int | None:
    """Start of the name that a title ending before token ``i`` introduces, if any."""
    while i < len(doc) and (doc[i].text in lex.ranks or doc[i].text in (",", ".")):
        i += 1
    return doc[i].idx if i < len(doc) and doc[i].idx in name_starts else None


def pronouns(doc: Doc, lex: Lexicon) -> Iterator[Mention]:
    """Pronouns that report speech: "he said", "they added", "according to him"."""
    for token in doc:
        kind = PRONOUNS.get(token.lower_)
        if kind is None:
            continue
        reporting = token.dep_ in ("nsubj", "nsubjpass") and \
            token.head.lemma_.lower() in lex.reporting_verbs
        according = token.dep_ == "pobj" and token.head.lower_ == "to" and \
            token.head.head.lower_ == "according"
        if reporting or according:
            label = "PERSON" if kind == "person" else "ORG"
            yield Mention(token.idx, token.idx + len(token.text), "pronoun", label,
                          subject=reporting)
