"""Trigger words: the verbs, nouns and predicative adjectives of a sentence that name an event.

A trigger is looked up by lemma, most specific first: a verb with its particle ("take over",
"open fire"), a verb with its object ("sign an agreement", "impose a curfew"), a noun with
its modifier ("air strikes", "car bomb"), then the single word. An object that makes a verb
frame ("agreement" in "signed an agreement") is part of that trigger, not an event of its
own. Ambiguous verbs ("hit", "eliminate") count only with a concrete object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from wirescope.extractors.events.lexicon import Sense, Triggers, numbers, triggers

NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
FRAME_PREPS = frozenset({"to", "on", "from", "by", "into", "with", "upon", "out", "of"})
# Modes that say most about an attack, when a noun has several telling modifiers.
_SPECIFIC = ("unconventional", "suicide-attack", "drone", "aerial", "heavy-weapons",
             "explosives")


@dataclass(eq=False, slots=True)
class Mention:
    """One event mention: its trigger and, once merged, the words of the same event."""

    head: Token
    sense: Sense
    words: list[Token]
    members: list[Token] = field(default_factory=list)  # heads of merged casualty predicates
    content: list[Mention] = field(default_factory=list)  # complements a speech act absorbed
    consumed: list[Token] = field(default_factory=list)  # objects that are part of the trigger

    @property
    def heads(self) -> list[Token]:
        return [self.head, *self.members]


def lemma(token: Token) -> str:
    """The lower-case lemma; a capitalised common word the tagger took for a name
    ("Airstrikes", "Bomber" in a headline) is singularised by its ending."""
    if token.tag_ not in ("NNP", "NNPS"):
        return token.lemma_.lower()
    word = token.lower_
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def modifiers(token: Token) -> list[str]:
    return [lemma(c) for c in token.children if c.dep_ in MODIFIER_DEPS]


def objects(verb: Token) -> Iterator[Token]:
    """The verb's object nouns: direct object (or a coordinated verb's shared one: "accepted
    and follow the conditions"), passive subject, the noun a participle modifies
    ("agreements reached"), objects of its prepositions ("abide by"), and the subject of a
    verb without object ("hostilities stopped")."""
    direct = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
    if not direct:
        direct = [c for v in verb.children if v.dep_ == "conj" and v.tag_.startswith("VB")
                  for c in v.children if c.dep_ == "dobj"]
    yield from direct
    for obj in direct:  # "provide 25,000 tons of food aid"
        yield from (g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj")
    for child in verb.children:
        if child.dep_ in ("prep", "prt") and child.lower_ in FRAME_PREPS:
            yield from (g for g in child.children if g.dep_ == "pobj")
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        yield verb.head
    if not direct:
        yield from (c for c in verb.children if c.dep_ == "nsubj")


def _acceptable(verb: Token, sense: Sense, lex: Triggers) -> bool:
    """A sense that needs a concrete object is refused when all its objects are abstract
    ("eliminate the risk"); a transitive one when it has no object or complement."""
    found = [o for o in objects(verb) if o.dep_ not in ("nsubj", "pobj")
             or o.head.lower_ in ("on", "at")]
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    if sense.complement and not clauses and not any(
            c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return False  # "pressed X to …", "pressed for …"
    if sense.transitive and not found and not clauses:
        return False
    if sense.plover == "SUPPORT" and verb.dep_ == "acl" and verb.tag_ == "VBN":
        return False  # "units backed by the air force" describes, it does not report
    return not (sense.needs_object and found
                and all(lemma(o) in lex.abstract_objects for o in found))


def _headline_verb(token: Token) -> bool:
    """A verb of a headline the tagger took for a noun but parsed as a predicate: capitalised
    in a title-case headline ("… Kills over 50 Terrorists in Hama": NNPS with a direct
    object), or a verb in -s with a pronoun for its object ("3-year-old kills herself with
    loaded gun", "Man shoots himself"): a plural noun takes no pronoun object."""
    if token.tag_ in ("NNP", "NNPS") and token.is_title:
        return any(c.dep_ == "dobj" for c in token.children)
    return token.tag_ == "NNS" and token.lower_.endswith("s") and any(
        c.dep_ == "dobj" and c.tag_ == "PRP" for c in token.children) and not any(
        c.dep_ in ("det", "poss") for c in token.children)


_NOMINAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "compound", "poss",
                            "dative"})


def age(token: Token) -> bool:
    """'the 17-year-old', 'a 2-year-old': an age standing for the person."""
    return token.lower_ == "old" and any(
        c.lower_ in ("year", "month") and any(g.dep_ == "nummod" for g in c.children)
        for c in token.children)


def headline_participle(token: Token) -> str | None:
    """The verb of a headline's casualty participle the tagger took for a noun or a name
    ("4 shot in northwest Atlanta", "Five Shot During Party", "Baby shot in DeKalb",
    "16-year-old shot outside club"): a number, a noun or an age ("X-year-old") stands
    right before it and hangs on it."""
    verb = triggers().headline_participles.get(token.lower_)
    if verb is None or token.tag_ not in ("NN", "NNP", "JJ") or token.i == 0 or \
            token.dep_ in _NOMINAL_ROLES:
        return None  # "one shot was fired", "heard a shot": a gunshot, not people shot
    before = token.doc[token.i - 1]
    if before.head == token and before.dep_ in ("nummod", "compound", "amod", "nsubj") and (
            before.tag_ in ("CD", "NN", "NNP", "NNS") or age(before)):
        return verb
    return None


def _verb(token: Token, lex: Triggers) -> Mention | None:
    participle = headline_participle(token)
    if not (token.tag_.startswith("VB") or _headline_verb(token) or participle) or \
            token.dep_ in ("aux", "auxpass"):
        return None
    if token.dep_ in ("amod", "compound") and token.tag_ in ("VB", "VBN", "VBG"):
        return None  # "the besieged town"; a finite verb the parser misattached still counts
    key = participle or lemma(token)
    for child in token.children:
        if child.dep_ in ("prt", "prep", "dobj", "advmod"):
            sense = lex.particles.get((key, lemma(child)))
            if sense is not None:
                return Mention(head=token, sense=sense, words=[token, child])
    if _own_death_object(token):  # "turned the gun on himself", "took his own life"
        return Mention(head=token, sense=lex.self_killing, words=[token])
    for obj in objects(token):
        for word in (lemma(obj), *modifiers(obj)):
            sense = lex.frames.get((key, word))
            if sense is not None:
                return Mention(head=token, sense=sense, words=[token], consumed=[obj])
    # a participle the lemmatiser left as it is ("Boy slain in …" tagged VB): its verb
    sense = lex.verbs.get(key) or lex.verbs.get(token.lower_) or lex.verbs.get(
        lex.headline_participles.get(token.lower_, ""))
    if sense is None or not _acceptable(token, sense, lex) or discharged(token):
        return None
    return Mention(head=token, sense=sense, words=[token])


def verb_of(token: Token) -> Token:
    """The verb an object hangs on: directly ("killed himself"), through a preposition of
    the verb ("turned the gun on himself") or beside another object ("kills wife, self")."""
    if token.dep_ in ("appos", "conj") and token.head.dep_ == "dobj":
        token = token.head
    return token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head


def own_death(token: Token) -> bool:
    """Is the word the object that makes its verb its subject's own death: "killed
    himself", "turned the gun on herself", "took his own life", "committed suicide", a
    headline's "kills wife, self" (the ``self_killings`` of the quantities lexicon: the
    verb, and the object with what must go with it — its modifiers or the preposition it
    hangs on; "turned himself in" is no death)?"""
    if token.dep_ not in ("dobj", "pobj", "appos", "conj", "npadvmod"):
        return False
    told = {c.lower_ for c in token.children}
    if token.dep_ == "pobj":
        told.add(token.head.lower_)
    return any(words[-1] == token.lower_ and told.issuperset(words[:-1])
               for words in numbers().self_killings.get(lemma(verb_of(token)), ()))


def _own_death_object(verb: Token) -> bool:
    """Does the verb take an object of its subject's own death, directly or through one of
    its prepositions?"""
    return any(own_death(o) for c in verb.children
               for o in (c, *(g for g in c.children if c.dep_ == "prep")))


def discharged(verb: Token) -> bool:
    """Is the verb a patient's release from care ("released from the hospital", "discharged
    from the trauma center")? Not a captive's release: no event of its own."""
    return lemma(verb) in triggers().discharge_verbs and any(
        c.dep_ == "prep" and c.lower_ == "from" and any(
            g.dep_ == "pobj" and hospital(g) for g in c.children)
        for c in verb.children)


def hospital(noun: Token) -> bool:
    """A hospital, a trauma center, an emergency room — by the noun with what modifies it
    (the ``hospitals`` of the quantities lexicon)."""
    places = numbers().hospitals
    key = lemma(noun)
    return key in places or any(f"{c.lower_} {key}" in places for c in noun.children
                                if c.dep_ in ("compound", "amod"))


def _noun(token: Token, lex: Triggers) -> Mention | None:
    if token.tag_ not in NOUN_TAGS:
        return None
    if token.dep_ == "compound" and lemma(token.head) not in lex.event_heads:
        return None  # "attack helicopter"; but "mediation effort" is a mediation
    key = lemma(token)
    found: list[tuple[Sense, Token]] = []
    for child in token.children:
        if child.dep_ not in MODIFIER_DEPS:
            continue
        pair = (lemma(child), key)
        if pair in lex.blocked_compounds:
            return None
        sense = lex.compounds.get(pair)
        if sense is not None:  # the modifier's own modifier may say more: "barrel bomb attack"
            inner = [lex.compounds.get((lemma(g), lemma(child))) for g in child.children
                     if g.dep_ in MODIFIER_DEPS]
            sense = next((s for s in inner if s is not None), sense)
        if sense is not None:
            found.append((sense, child))
    # Two modifiers in a row may make the compound: "barrel bomb attack".
    left = [t for t in token.doc[max(token.i - 2, 0) : token.i] if t.head == token
            and t.dep_ in MODIFIER_DEPS]
    if len(left) == 2 and (sense := lex.compounds.get((lemma(left[0]), lemma(left[1])))):
        found.append((sense, left[0]))
    if found:
        def rank(item: tuple[Sense, Token]) -> int:
            mode = item[0].mode
            return _SPECIFIC.index(mode) if mode in _SPECIFIC else len(_SPECIFIC)

        sense, modifier = min(found, key=rank)
        return Mention(head=token, sense=sense, words=sorted([modifier, token], key=lambda t: t.i))
    single = lex.nouns.get(key)
    if single is not None and single.name == "air_strike" and key == "strike" and any(
            lemma(t) in lex.labour_context for t in token.sent):
        single = lex.compounds[("labour", "strike")]  # "workers … an open-ended strike"
    return Mention(head=token, sense=single, words=[token]) if single is not None else None


def _adjective(token: Token, lex: Triggers) -> Mention | None:
    sense = lex.adjectives.get(token.lower_)
    if sense is None or not token.tag_.startswith(("JJ", "VBN")):
        return None
    if token.dep_ == "amod" and token.i < token.head.i:  # "dead bodies", "wounded man"
        return None
    return Mention(head=token, sense=sense, words=[token])


def find(sentence: Span, blocked: Callable[[Token], bool]) -> list[Mention]:
    """The trigger mentions of a sentence, in text order; an object a verb frame consumed
    is not a mention of its own."""
    lex = triggers()
    found: list[Mention] = []
    for token in sentence:
        if blocked(token):
            continue
        mention = _verb(token, lex) or _noun(token, lex) or _adjective(token, lex)
        if mention is not None:
            found.append(mention)
    consumed = {t.i for m in found for t in m.consumed}
    return [m for m in found if m.head.i not in consumed]


def at(mentions: Iterable[Mention]) -> dict[int, Mention]:
    """Token index -> the mention whose trigger, merged predicate or frame object it is."""
    index: dict[int, Mention] = {}
    for mention in mentions:
        for token in (*mention.words, *mention.members, *mention.consumed):
            index.setdefault(token.i, mention)
    return index
