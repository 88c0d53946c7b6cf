"""How a name is used where it stands: as a place ("in Aleppo", "the siege of Manbij", "the
town of Knin") or as an actor ("Moscow said", "attacks by Russia") — read from the parse and
the actor lexicon's word lists; shared by the actor and place extractors."""

from __future__ import annotations

from spacy.tokens import Span, Token

from wirescope.annotate.lexicon import Lexicon


def first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


TOPONYM = frozenset({"GPE", "LOC", "FAC"})


def place_noun(token: Token, lex: Lexicon) -> bool:
    """A place noun, by its lemma or its surface ("outskirts" lemmatised "outskirt")."""
    return token.lemma_.lower() in lex.place_nouns or token.lower_ in lex.place_nouns


def place_context(span: Span, lex: Lexicon) -> bool:
    """Is this name used as a place (object of a locative preposition or territorial verb,
    or modifying a place noun), judged on the first conjunct of a list?"""
    root = span.root
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in ("-bound", "-based"):
        return True
    # "Aleppo, Syria", "Philippi, West Virginia, United States": a toponym in apposition to
    # a place says where that place is.
    if root.dep_ == "appos" and root.ent_type_ in TOPONYM and root.head.ent_type_ in TOPONYM:
        return True
    # "in the capital Baku", "the town of Knin": a name in apposition to a place noun.
    if root.dep_ in ("compound", "amod", "nmod", "poss", "appos") and place_noun(root.head, lex):
        return True
    first = first_conjunct(root)
    head = first.head
    if first.dep_ == "pobj" and head.lower_ in lex.place_prepositions:
        return True
    if first.dep_ == "pobj" and head.lower_ == "of" and place_noun(head.head, lex):
        return True
    # "the fight for Hasakeh", "the siege of/on Manbij": the place fought over.
    if first.dep_ == "pobj" and head.lower_ in ("for", "of", "on") and \
            head.head.lemma_.lower() in lex.contest_nouns:
        return True
    # "an air strike on Aleppo", "raids on Idlib", "the attack on Jisr al-Shughur": where an
    # attack falls — a person it falls on ("the attack on Jane Smith") is its target.
    if first.dep_ == "pobj" and head.lower_ == "on" and not personal_name(span) and \
            head.head.lemma_.lower() in lex.attack_nouns:
        return True
    if first.dep_ in ("dobj", "pobj") and (
        head.lemma_.lower() in lex.territory_verbs
        or (head.dep_ == "prt" and head.head.lemma_.lower() in lex.territory_verbs)
        or (head.dep_ == "prep" and head.head.lemma_.lower() in lex.territory_verbs
            and head.lower_ in ("over", "into"))
    ):
        return True
    return any(
        c.dep_ in ("compound", "nmod", "amod") and place_noun(c.head, lex)
        for c in (first, *first.conjuncts)
    )


def personal_name(span: Span) -> bool:
    """Whether the span is (part of) a name the tagger calls a person's and that reads as
    one: two or more capitalised words and no lower-case particle ("Jane Smith", and its
    "Smith"; not "Douma", nor "Maarat al-Numan", which the tagger also calls people)."""
    root = span.root
    name = next((e for e in span.doc.ents if e.start <= root.i < e.end), None)
    if name is None or name.label_ != "PERSON":
        return False
    words = [t for t in name if t.is_alpha]
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words)


def actor_context(span: Span, lex: Lexicon) -> bool:
    """Is this name in an actor position: subject, object of a non-territorial verb,
    possessor of a non-place noun, agent, or object of "by/with/against/between…"?"""
    root = first_conjunct(span.root)
    if root.dep_ in ("nsubj", "nsubjpass", "agent", "dative", "iobj", "appos"):
        return True
    if root.dep_ == "poss":
        return not place_noun(root.head, lex)
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() not in lex.territory_verbs
    if root.dep_ == "pobj":
        return root.head.lower_ in lex.actor_prepositions or root.head.lower_ == "on"
    return root.dep_ in ("amod", "compound") and root.head.lemma_.lower() in lex.force_nouns
