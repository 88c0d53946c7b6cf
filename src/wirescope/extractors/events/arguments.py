"""An event's arguments: who acted and on whom (as canonical entities), where and when,
and which claim reports it.

Agents are the subject of the lowest word on the trigger's path that has one (the passive
"by" phrase, a noun's possessor, "by" phrase or national adjective: "Russia's strikes",
"strikes by government forces", "Turkish shelling"), the same of an attack noun the trigger
took in ("killed in shelling by regime forces", "Syrian government air strikes killed"), or
the user a clause after the weapon names ("shelling carried out by regime forces", "a car
bomb belonging to ISIS"); a verb that hands its object the
action ("urged X to withdraw", "accused X of killing") gives that object. Patients are
objects, passive subjects and "on/against/at/of" phrases ("strikes on oil sites", "shelling
of Damascus"); in a clash, "with X" names the other side. An argument's entities are the
actor mentions inside its noun phrase.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from wirescope.annotate.context import place_noun
from wirescope.annotate.lexicon import lexicon
from wirescope.extractors.events.lexicon import triggers
from wirescope.extractors.events.nesting import Path
from wirescope.extractors.events.triggers import Mention, lemma
from wirescope.records import Entity, Place, Quote, Span

_RELATIVE = frozenset({"who", "which", "that", "whom"})
_ACTOR_LABELS = frozenset({"NORP", "GPE", "ORG"})
_CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "mark",
                      "appos"})
_PATIENT_PREPS = frozenset({"on", "against", "at", "upon", "targeting", "into", "toward",
                            "towards"})
_RECIPIENT_PREPS = frozenset({"to", "for"})
_RECIPIENT_TYPES = frozenset({"AID", "SUPPORT", "AGREE", "CONCEDE", "REQUEST", "CONSULT",
                              "COOPERATE", "ACCUSE", "THREATEN", "SANCTION"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "across", "inside", "around", "into",
                          "throughout", "through", "on", "from", "within", "over", "off",
                          "along"})
_AGENT_PLACE_PREPS = frozenset({"in", "at", "inside", "near"})
_CIRCUMSTANCE_MARKS = frozenset({"when", "as", "while", "after", "since", "once"})
# Prepositions of an operation something happened during ("amid protests in Oaxaca City").
DURING_PREPS = frozenset({"amid", "amidst", "during"})
# A place behind one of these inside a patient's phrase is a destination or purpose, not
# where the event happens ("airstrikes against smuggling routes to Turkey").
_AWAY_PREPS = frozenset({"to", "toward", "towards"})
_BOUND = frozenset({"bound", "head", "headed", "destine", "destined"})  # "bound for Idlib"


def _directional(obj: Token, start: int, end: int) -> bool:
    """True when the place at ``[start, end)`` hangs off ``obj`` through a destination
    preposition."""
    span = obj.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.i != obj.i and token.head.i != token.i:
        if token.dep_ == "prep" and (
            token.lower_ in _AWAY_PREPS
            or (token.lower_ == "for" and token.head.lemma_.lower() in _BOUND)
        ):
            return True
        token = token.head
    return False


@dataclass(frozen=True, slots=True)
class Roles:
    agents: tuple[Token, ...]
    patients: tuple[Token, ...]
    users: tuple[Token, ...] = ()  # agents named as the weapon's users (:func:`_users`):
    # where they are is not where the event is ("strikes carried out by the regime in Syria")


def _passive(word: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in word.children)


def with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    found: list[Token] = []
    for token in tokens:
        for t in (token, *token.conjuncts):
            if t not in found:
                found.append(t)
    return found


def prep_objects(word: Token, preps: frozenset[str]) -> list[Token]:
    return [g for c in word.children if c.dep_ in ("prep", "agent") and c.lower_ in preps
            for g in c.children if g.dep_ in ("pobj", "pcomp")]


# A participle that says who used a weapon or carried out an attack through its "by" phrase
# ("shelling carried out by regime forces", "barrel bombs dropped by regime helicopters");
# "belonging to" names its owner ("a car bomb belonging to ISIS").
_OWNING = frozenset({"belong"})


def _users(noun: Token) -> list[Token]:
    """Who used a weapon or carried out an attack a noun names, when a participle clause
    after it says so: "killed by shelling carried out by regime forces", "bombs dropped by
    regime helicopters", "a car bomb belonging to ISIS" (the clause lies outside the noun's
    phrase, where its entities are read)."""
    if not (noun.tag_.startswith("NN") or noun.tag_ == "VBG"):  # "by shelling carried out"
        return []
    found: list[Token] = []
    for clause in noun.children:
        if clause.dep_ in ("acl", "xcomp") and clause.tag_ in ("VBN", "VBG"):
            found += prep_objects(clause, frozenset({"by"}))
            if lemma(clause) in _OWNING:
                found += prep_objects(clause, frozenset({"to"}))
    return found


_MODIFIERS = frozenset({"compound", "amod", "nmod"})
_NOMINAL = frozenset({"pcomp", "pobj", "nsubj", "nsubjpass", "dobj"})  # a gerund as a noun


def _modifier_words(noun: Token) -> list[Token]:
    """The modifiers of an attack noun that may name who carried it out: a name or an
    actor's label ("Turkish shelling", "IS attack"), or any modifier a name spans ("Syrian
    government air strikes", "a US-led coalition air strike"; which of them are actors is
    read from the entities there)."""
    return [c for c in noun.children if c.dep_ in _MODIFIERS]


def roles(mention: Mention, path: Path) -> Roles:
    """The agent and patient words of ``mention`` (heads of noun phrases)."""
    heads = set(mention.heads)
    path_words = set(path.words)
    agents: list[Token] = []
    patients: list[Token] = []
    for word in path.words:  # the subject of the lowest word that has one
        subjects = [c for c in word.children if c.dep_ == "nsubj" and c not in path_words]
        if subjects:
            agents += [word.head if s.lower_ in _RELATIVE and word.dep_ == "relcl" else s
                       for s in subjects]
            break
    for word in path.words:
        if word in heads:
            patients += [c for c in word.children if c.dep_ == "nsubjpass"]
        if _passive(word) or word.tag_.startswith("NN"):
            agents += prep_objects(word, frozenset({"by"}))
        if word.tag_.startswith("NN"):
            agents += [c for c in word.children if c.dep_ == "poss"]
        if word in heads and word.tag_.startswith("NN"):  # "Turkish shelling", "IS attack"
            agents += _modifier_words(word)
    for word in mention.words:  # an attack noun the trigger took in: "killed in shelling by
        # regime forces", "Syrian government air strikes killed"
        if word.tag_.startswith("NN") or (word.tag_ == "VBG" and word.dep_ in _NOMINAL):
            agents += prep_objects(word, frozenset({"by"}))
            agents += [c for c in word.children if c.dep_ == "poss"]
            agents += _modifier_words(word)
    users = [owner for word in (*agents, *mention.heads) for owner in _users(word)]
    agents += users
    if not agents and path.stop is not None and not path.coordinated and path.stop_dep in (
            "xcomp", "pcomp", "prep", "pobj", "ccomp"):
        agents += [c for c in path.stop.children if c.dep_ in ("dobj", "dative")]
    is_clash = mention.sense.role == "battle"
    light = triggers().light_verbs
    for word in (*mention.heads, *(w for w in path.words if lemma(w) in light)):
        for child in word.children:
            if child.dep_ in ("dobj", "dative", "iobj") and child not in heads:
                patients.append(child)
        patients += prep_objects(word, _PATIENT_PREPS)
        if word.tag_.startswith("NN"):
            patients += prep_objects(word, frozenset({"of"}))
        agents += prep_objects(word, frozenset({"between"}))
        (agents if is_clash else patients).extend(prep_objects(word, frozenset({"with"})))
        if mention.sense.plover in _RECIPIENT_TYPES:
            patients += prep_objects(word, _RECIPIENT_PREPS)
    consumed = set(mention.consumed)
    return Roles(agents=tuple(with_conjuncts(a for a in agents if a not in heads)),
                 patients=tuple(with_conjuncts(p for p in patients
                                                if p not in heads and p not in consumed)),
                 users=tuple(with_conjuncts(users)))


def phrase(token: Token) -> tuple[int, int]:
    """Character range of the noun phrase headed by ``token``, without its clauses and
    appositions (at any depth)."""
    start, end = token.idx, token.idx + len(token.text)
    todo = [c for c in token.children if c.dep_ not in _CLAUSAL]
    while todo:
        word = todo.pop()
        start, end = min(start, word.idx), max(end, word.idx + len(word.text))
        todo += [c for c in word.children if c.dep_ not in _CLAUSAL]
    return start, end


class EntityIndex:
    """The document's entity mentions by position."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        spans = sorted((m.start, m.end, e) for e in entities for m in e.mentions)
        self._spans = spans
        self._starts = [s for s, _, _ in spans]

    def within(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        lo = bisect.bisect_left(self._starts, start)
        return [(s, e, ent) for s, e, ent in self._spans[lo:] if s < end and e <= end]

    def at(self, token: Token) -> Entity | None:
        i = bisect.bisect_right(self._starts, token.idx) - 1
        while i >= 0 and self._spans[i][0] <= token.idx:
            s, e, ent = self._spans[i]
            if s <= token.idx < e:
                return ent
            i -= 1
        return None

    def covers(self, token: Token) -> bool:
        return self.at(token) is not None

    def of(self, tokens: Iterable[Token], skip: Iterable[tuple[int, int]] = ()) -> list[Entity]:
        """Entities mentioned in the noun phrases of ``tokens``, head's own entity first;
        mentions at a range in ``skip`` (place names used as places) are left out."""
        avoid = set(skip)
        found: list[Entity] = []
        for token in tokens:
            own = self.at(token)
            start, end = phrase(token)
            if own is not None and token.dep_ in _MODIFIERS:
                # a name over the noun's modifiers: "Syrian government" in "Syrian
                # government air strikes" (both modify "strikes")
                start, end = min(start, phrase(token.head)[0]), max(end, token.head.idx)
            inner = [ent for s, e, ent in self.within(start, end) if (s, e) not in avoid]
            for ent in ([own] if own is not None and own in inner else []) + inner:
                if ent not in found:
                    found.append(ent)
        return found


_FINER = {"point": 0, "town": 0, "district": 1, "region": 2, "country": 3}
_NAMED_AFTER = frozenset({"point", "town", "district"})


def _holiday(word: Token) -> bool:
    """Is the word before an event noun (with its own modifiers) a day's name: "Independence
    Day", "New Year's Eve"?"""
    return any(t.ent_type_ in ("DATE", "TIME", "EVENT") for t in word.subtree)


# How a word before an event noun can name it after a place ("Lacey-area shooting"); not a
# possessive, which names its victim ("Ariana's shooting": a girl, not Aryanah in Tunisia).
_NAMING_DEPS = frozenset({"compound", "amod", "nmod"})


# (rank by precision, distance to the event, place, mention start, mention end)
_Ranked = tuple[int, int, Place, int, int]
# Between a place and one that only locates it: "Amara, south of Baghdad", "Fallujah, 50
# kilometers (30 miles) west of Baghdad", "Al-Gurah, 30 km southeast of Al-Arish".
_LOCATES = re.compile(r"^,? (?:(?:some |about )?[\d.,]+ ?(?:km|kilometers|kilometres|miles)"
                      r"(?: \([^)]*\))? )?(?:north|south|east|west|northeast|northwest"
                      r"|southeast|southwest)(?:ern)? of (?:the )?(?:(?:city|town) of )?$",
                      re.IGNORECASE)


def _patient_place(patient: Token, start: int, end: int, place: Place) -> bool:
    """Is the place at ``start``..``end`` inside a patient's phrase where the event happened,
    not a name that only says whose someone or something is? Not a country naming a
    nationality ("killed a U.S. adviser", "a bomb hit a U.S. patrol"), nor where a person
    is from ("Americans of North Carolina were killed") — but "shelled Damascus", "captured
    the towns of Nyabibwe", "hit a market in Idlib", "the owner of a Sofia restaurant"."""
    root = next((t for t in patient.subtree if start <= t.idx < end
                 and not start <= t.head.idx < end), None)
    if root is None or root.i == patient.i:
        return True
    if (root.dep_ in ("compound", "amod", "nmod") and place.precision == "country"
            and not place_noun(root.head, lexicon())):
        return False
    return not (root.dep_ == "pobj" and root.head.lower_ == "of"
                and root.head.head.i == patient.i and patient.ent_type_ in ("PERSON", "NORP"))


def _rank(place: Place) -> int:
    """Finer places first; a toponym the gazetteer could not place comes last."""
    return _FINER.get(place.precision or "", 4)


def place_for(mention: Mention, path: Path, roles_: Roles, places: Sequence[Place],
              clause: tuple[int, int], sentence: tuple[int, int],
              unplaced: Iterable[tuple[int, int]], text: str) -> Place | None:
    """The nearest governing toponym (``text`` is the document's): a place mention attached
    to the event's words or its patients by a locative preposition, or a patient itself
    ("shelled Damascus") — not a name inside a patient's phrase that only says whose it is
    ("killed a U.S. adviser": :func:`_patient_place`); among several, the finest ("in
    Syria's Homs province": Homs), then the nearest. A country is refined by a place of the
    sentence inside it; a country alone is the event's place at country precision (an event
    "in Syria" is placed in Syria, and says no more). A place mention that governs nothing
    is not the event's (no guess from proximity), and a mention inside the ``unplaced``
    ranges is never a place: the agents' mentions (metonymy: "Moscow offered" is an actor,
    not a place) and a page's keyword list; nor is a place that only locates the one before
    it ("in Amara, south of Baghdad"; alone, "north of Karbala", it is the event's). A
    toponym the gazetteer could not place at all is the event's place only when no place it
    knows governs the event too ("killed in Rumaila": Rumaila, without coordinates — where
    the text says it happened, for a coder to locate; "in Kheshkhash and Aleppo": Aleppo).

    With no locative of its own, the event is at the place a verb coordinated with it gives
    ("shot and left for dead in a ditch outside Karachi"), else where the operation it
    happened during was ("shot during the occupation of Latvia"), else at the place of a
    "where" clause it stands in ("the city of Aleppo, where the government reported an
    attack"), else of its clause of circumstance ("killed while shopping at a market in
    Raqqa"), else where its agents are ("Iraqis in Tikrit demonstrated") — not those named as
    a weapon's users, based anywhere — else where a clause about its scene or participants
    puts them ("at a shop they ran in Colombo", "near troops who were operating in the
    Balata camp")."""
    unplaced_ranges = list(unplaced)
    everywhere: list[tuple[int, int, Place]] = [
        (m.start, m.end, p) for p in places for m in p.mentions
        if sentence[0] <= m.start and m.end <= sentence[1]
        and not any(a <= m.start and m.end <= b for a, b in unplaced_ranges)]
    candidates = [c for c in everywhere if clause[0] <= c[0] and c[1] <= clause[1]]
    if not everywhere:
        return None
    own = {t.i for t in (*mention.heads, *mention.words)}

    def places_in(obj: Token, wide: bool = False) -> list[_Ranked]:
        lo, hi = phrase(obj)
        return [(_rank(place), abs(s - mention.head.idx), place, s, e)
                for s, e, place in (everywhere if wide else candidates)
                if lo <= s and e <= hi and not _directional(obj, s, e)]

    def governed_by(anchors: Iterable[Token], preps: frozenset[str]) -> list[_Ranked]:
        found: list[_Ranked] = []
        for word in anchors:
            located = prep_objects(word, preps)
            objs = located + [p for p in roles_.patients if p == word]
            # An attack noun in a locative phrase ("killed in U.S. raids") is no place.
            # A locative on the trigger itself counts across the comma that sets it apart
            # ("In Vienna, some 200,000 people marched"); deeper ones in its clause only.
            wide = word in mention.heads
            for obj in (o for o in with_conjuncts(objs) if o.i not in own):
                # A place noun without a name takes its apposition's ("the capital, Baku").
                here = places_in(obj, wide) or [r for c in obj.children if c.dep_ == "appos"
                                                for r in places_in(c, wide)]
                if obj not in located:  # a patient: the place it is, or where it is
                    here = [r for r in here if _patient_place(obj, r[3], r[4], r[2])]
                found += here
        return found

    def where_clause() -> list[_Ranked]:
        """'the city of Aleppo, where the government reported an attack': the place the
        relative clause of the event (or of the verb that reports it) describes."""
        found: list[_Ranked] = []
        for word in (*mention.heads, *path.words, path.stop):
            if word is None or word.dep_ != "relcl" or not any(
                    c.dep_ == "advmod" and c.lower_ == "where" for c in word.children):
                continue
            found += places_in(word.head, wide=True)
        return found

    governed = governed_by([*mention.heads, *path.words, *roles_.patients], _PLACE_PREPS)
    # Else a place the event noun is named by: "the Oklahoma City shooting", "a deadly
    # Lacey-area shooting" — a town or district: not a country ("a U.S. airstrike" names who
    # struck, not where) nor a state ("a New York quadruple murder": the incident's finer
    # place is told elsewhere), not a possessive ("Ariana's shooting": her shooting), not a
    # day's name ("the Independence Day shooting" in Pontiac, not Independence, Ohio).
    governed = governed or [
        r for h in mention.heads if h.pos_ in ("NOUN", "PROPN")
        for c in h.lefts if c.dep_ in _NAMING_DEPS and not _holiday(c)
        for r in places_in(c) if r[2].precision in _NAMED_AFTER]
    # Else a verb the trigger is coordinated with, or the participle that continues it, says
    # where ("shot five times and left for dead in a ditch on the outskirts of Karachi").
    governed = governed or governed_by(
        [c for h in mention.heads for c in h.children
         if c.dep_ in ("conj", "xcomp") and c.pos_ in ("VERB", "AUX")], _PLACE_PREPS)
    # Else where the operation it happened during was ("shot during the German occupation
    # of Latvia") — an operation that is an event of its own ("captured during the
    # offensive in Afghanistan") lends its place as that event's (``place_from``).
    if not governed and not any(lemma(o) in triggers().nouns for h in mention.heads
                                for o in prep_objects(h, DURING_PREPS)):
        governed = governed_by(mention.heads, DURING_PREPS)
    governed = governed or where_clause()
    # Else the place of a subordinate clause that says when or how it happened ("killed
    # during the fighting since the militants launched a campaign in Deir Ezzor").
    circumstances = [c for h in mention.heads for c in h.children if c.dep_ == "advcl" and any(
        g.dep_ in ("mark", "advmod") and g.lower_ in _CIRCUMSTANCE_MARKS for g in c.children)]
    # ("captured while carrying out an attack in northern Israel": the clause's object too)
    governed = governed or governed_by(
        [*circumstances, *(o for c in circumstances for o in c.children if o.dep_ == "dobj")],
        _PLACE_PREPS | DURING_PREPS)  # "… while filming amid protests in Oaxaca City"
    # Else where the agents are: "Iraqis in Tikrit demonstrated".
    governed = governed or governed_by([a for a in roles_.agents if a not in roles_.users],
                                       _AGENT_PLACE_PREPS)
    # Else where a clause about its participants or its scene puts them: "at a shop they
    # ran in Colombo", "near troops who were operating in the Balata refugee camp".
    scene = [o for h in mention.heads for o in prep_objects(h, _PLACE_PREPS)]
    governed = governed or governed_by(
        [c for w in (*scene, *roles_.patients, *(a for a in roles_.agents
                                                 if a not in roles_.users))
         for c in w.children if c.dep_ in ("relcl", "acl")], _PLACE_PREPS)
    if not governed:
        return None
    located = [g for g in governed if not any(
        h[4] <= g[3] and _LOCATES.match(text[h[4] : g[3]]) for h in governed)]
    best = min(located or governed, key=lambda g: (g[0], g[1]))[2]
    if best.precision == "country":  # "killed in Syria … Idlib": the finer place inside
        inside = [(abs(s - mention.head.idx), p) for s, _, p in everywhere
                  if p.country_code == best.country_code and _rank(p) < 3]
        # Only the country: the event is placed at country precision, never finer.
        return min(inside, key=lambda c: c[0])[1] if inside else best
    return best


def claim_of(span: Span, quotes: Sequence[Quote]) -> Quote | None:
    """The innermost claim whose content contains ``span``."""
    holding = [q for q in quotes if q.span.start <= span.start and span.end <= q.span.end]
    return min(holding, key=lambda q: q.span.end - q.span.start, default=None)
