"""Quantities tied to their event: what a number counts (unit and victim category) and
which event it belongs to.

The counted noun is the noun the number modifies ("sixty armed groups"), its "of" phrase
("dozens of people"), the antecedent of "of whom" ("80,000 fighters, of whom 28,000"), or
what "the number" / "their number" refers to ("the number of settlements … their number
has reached 120"). The unit comes from the predicate (killed, injured, hit — shot or
stabbed, the outcome unsaid —, captured, displaced: "were killed", "killing 14 people", "48
people dead", "among the dead"), else from the counted noun (fighters, groups,
settlements); the category from the counted noun
(civilians, combatants, children, women; "others" continue the category before them;
"members" of an armed group are combatants; "N of them" takes the victims named before
unless they are counted already; a part named "including" or "among" a whole of its own
category is not counted twice). The event is the first one met climbing the parse from
the counted noun (a reporting verb hands it to the first event of its complement); a
casualty count no event holds goes to the nearest attack of the sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirescope.extractors.events.lexicon import Numbers, nouns, numbers, triggers
from wirescope.extractors.events.numbers import Count, aged, counts
from wirescope.extractors.events.triggers import (
    discharged,
    headline_participle,
    hospital,
    lemma,
    verb_of,
)
from wirescope.records import Span

CASUALTY_UNITS = frozenset({"killed", "injured", "hit", "captured", "displaced"})
# A person shot or stabbed ("hit") whose clause also says the outcome counts by the outcome.
_OUTCOME_UNKNOWN = "hit"
_UP = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "prep", "appos", "conj", "attr",
                 "acomp", "npadvmod", "oprd", "dative", "nummod", "amod", "pcomp", "advcl",
                 "xcomp", "acl", "relcl", "ccomp", "advmod", "quantmod", "compound", "agent"})
_TOTALS = frozenset({"number", "total", "tally", "figure", "count", "toll"})
_ARMED = frozenset({"rebel group", "designated terrorist group", "militia", "state forces"})


@dataclass(frozen=True, slots=True)
class Found:
    """A count with what it counts, before it is given to an event."""

    count: Count
    anchor: Token  # the counted noun, else the number itself
    unit: str
    category: str | None
    span: Span


def _of(token: Token) -> Token | None:
    """The object of the token's "of" phrase, unless it is a relative pronoun."""
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.lower_ not in ("whom", "which")),
                None)


def _antecedent_of_number(noun: Token) -> Token | None:
    """'the number of settlements' -> settlements; 'their number' -> the last 'number of X'
    in the two sentences before."""
    if (found := _of(noun)) is not None:
        return found
    if not any(c.dep_ == "poss" for c in noun.children):
        return None
    doc, sentence = noun.doc, noun.sent
    earlier = [t for t in doc[max(0, sentence.start - 120) : sentence.start]
               if t.lemma_.lower() == "number" and _of(t) is not None]
    return _of(earlier[-1]) if earlier else None


def counted(count: Count) -> Token | None:
    number = count.number
    if count.single and number.dep_ != "det":
        return number  # "the boy", "Tre Edwards", "he": the person is the count
    if number.dep_ in ("nummod", "quantmod", "amod", "compound", "det") and (
            number.head.tag_.startswith("NN") and number.head not in count.tokens
            and headline_participle(number.head) is None):  # "4 shot": people, not shots
        return number.head
    if (found := _of(number)) is not None:
        return found
    verb = number.head
    if number.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "relcl" and any(
            c.lower_ in ("whom", "which") for c in verb.subtree):
        return verb.head
    if number.dep_ == "pobj":
        verb = verb.head
    if number.dep_ in ("dobj", "attr", "pobj", "npadvmod", "oprd"):
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            if lemma(subject) in _TOTALS and lemma(subject) != "toll":
                return _antecedent_of_number(subject)
    return None


def _partitive(clause: Token) -> bool:
    """'fighters, of whom 28,000 were eliminated': the clause counts a part, not all."""
    return any(t.lower_ in ("whom", "which") and t.head.lower_ == "of" for t in clause.subtree)


# What is fired at, into or toward is aimed at, not hit.
_AIMED = frozenset({"at", "into", "toward", "towards"})
# Dependencies that leave a clause: a person is a casualty of their own clause's predicate
# ("killed a pilot when he was forced to eject": "he" is not killed again).
_CLAUSES = frozenset({"advcl", "ccomp", "relcl", "acl", "xcomp", "pcomp"})


def _unit(anchor: Token, number: Token, *, single: bool = False,
          last: Token | None = None) -> str | None:
    """The casualty or other unit a count is of (``single``: one person the text names,
    taken only by the predicate of their own clause — never by a noun alone: "paramedics
    wheeled a young victim" counts no one). What describes the counted noun ("wounded
    people", "a woman injured in the blast") gives the unit unless a graver clause has the
    person as its subject: "a woman injured in the blast died" is killed."""
    lex = numbers()
    if anchor is not number and _a_thing(anchor, lex):
        return None  # "fired more than 20 rocket shells, killing …", "wounded in three
        # separate shootings": weapons and events, not victims
    described = _described(anchor, number, lex) or _followed(
        max(anchor, number, last or number), lex)
    if described == "killed":
        return described
    climbed = _climbed(anchor, number, lex, single=single)
    own = lex.unit_nouns.get(lemma(anchor))
    if climbed in CASUALTY_UNITS and own in ("settlements", "groups"):
        return own  # "a shooting case spanning two counties", "shelling hit three villages"
    if described is None:
        return climbed if climbed is not None or single else lex.unit_nouns.get(lemma(anchor))
    if climbed == "killed" and anchor.dep_ in ("nsubj", "nsubjpass"):
        return climbed  # the subject of a graver clause: "a woman injured … died"
    return described


def _described(anchor: Token, number: Token, lex: Numbers) -> str | None:
    for child in (*anchor.children, *number.children):
        if child.dep_ == "relcl" and _done_by(child, lex):
            continue  # "two men who shot a woman": the doers, not victims
        if child.dep_ in ("amod", "acl", "acomp", "appos", "relcl") and not _partitive(child) and (
                unit := (_verb_unit(child, lex) if child.tag_.startswith("VB") else None)
                or lex.predicates.get(lemma(child)) or _undergone(child, lex)
                or _cared(child, lex)):
            return unit  # "wounded people", "victims suffering from gunshot wounds", "a
            # girl who was shot and killed"
        if child.dep_ == "compound" and child is not number and lemma(anchor) == "victim" and (
                unit := lex.crimes.get(lemma(child))):
            return unit  # "shooting victims" (hit), "homicide victims" (killed)
        if child.dep_ == "prep" and child.lower_ == "among":
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and (unit := lex.among.get(lemma(obj))):
                return unit
        if child.dep_ == "advmod" and child.lower_ in lex.fatal_adverbs:
            return "killed"  # "three people were shot, one fatally"
    return None


def _done_by(clause: Token, lex: Numbers) -> bool:
    """Does a relative clause say its noun did the casualty to someone else: an active
    casualty verb with an object ("who shot a woman"), not "who shot himself", "who was
    shot", "who died"?"""
    return lex.predicates.get(lemma(clause)) is not None and any(
        c.dep_ == "nsubj" for c in clause.children) and any(
        c.dep_ == "dobj" and c.lower_ not in _REFLEXIVE for c in clause.children)


def _a_thing(noun: Token, lex: Numbers) -> bool:
    """Does the noun count weapons or events, not people: "20 rocket shells", "three
    separate shootings", "two attacks", "three incidents" — not "12 deaths", "20
    casualties", "two homicides" or "two suicide bombers"?"""
    key = lemma(noun)
    if key in lex.categories or key in lex.unit_nouns or key in lex.among or (
            lex.predicates.get(key) is not None or lex.crimes.get(key) == "killed"):
        return False
    return key in nouns().instruments or key in triggers().nouns or key == "incident"


_AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "being", "be", "has", "have",
                          "had", "got", "gets", "get"})
_GRAVITY = ("killed", "injured", "hit")


def _followed(last: Token, lex: Numbers) -> str | None:
    """The casualty word written right after a count or a person, whatever the parse made
    of it: "1 Dead, 6 Hurt After Shooting", "left one man dead and four seriously wounded",
    "Teen shot dead", "two men shot and killed": adverbs may stand between ("fatally"
    kills), and a chain of such words joined by "and" or a comma gives the gravest. Not a
    word with an object or aimed at something ("two men shot a guard", "shot at police")."""
    doc, end = last.doc, last.sent.end
    participles = triggers().headline_participles
    units: list[str] = []
    i = last.i + (4 if aged(last) else 1)  # "Boy, 14, fatally shot"
    while i < end:
        word = doc[i]
        if word.dep_ == "neg" or word.lower_ in ("not", "never", "n't"):
            return None  # "the officer was not injured"
        if not units and word.lower_ in _AUXILIARIES and last.dep_ == "pobj":
            i += 1  # "after a 4-year-old was shot in the hand": a clause's subject the
            continue  # parser took for the object of "after"
        if word.tag_ == "RB":
            if word.lower_ in lex.fatal_adverbs:
                units.append("killed")
            i += 1
            continue
        verb = participles.get(word.lower_) or ("dead" if word.lower_ == "dead" else None)
        if verb is None and word.lower_ == "to" and i + 1 < end and doc[i + 1].lower_ == "death":
            verb, i = "dead", i + 1
        if verb is None and not units and _in_condition(doc[i:end], lex):
            return "injured"  # "Woman critical after being shot", "a boy in critical condition"
        unit = lex.predicates.get(verb) if verb is not None else None
        if unit is not None and word.tag_.startswith("VB"):
            unit = _verb_unit(word, lex) or unit  # "were shot … and are in critical condition"
        if unit is None or (not _suffers(word, lex) if word.tag_ in ("VBD", "VBN") else any(
                c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in _AIMED
                                                 and not _at_a_venue(c, lex))
                for c in word.children)):
            break  # "the suspect shot first", "two men shot a guard", "shot at police"
        units.append(unit)
        i += 1
        if i + 1 < end and doc[i].lower_ in ("and", ",", "&") and (
                doc[i + 1].lower_ in participles or doc[i + 1].lower_ == "dead"):
            i += 1
    graver = [u for u in _GRAVITY if u in units]
    return graver[0] if graver else units[0] if units else None


_AFTER_STATE = frozenset({"after", "following", "from", "with", "in", "at", ","})


def _in_condition(words: SpacySpan, lex: Numbers) -> bool:
    """Do ``words`` open with a patient's state: "in critical condition", "in a serious
    condition", or the state alone before what caused it ("critical after a shooting")?"""
    lower = [t.lower_ for t in words[:5]]
    if lower[:1] == ["in"]:
        rest = lower[2:] if len(lower) > 1 and lower[1] in ("a", "an") else lower[1:]
        return len(rest) >= 2 and rest[0] in lex.patient_states and rest[1] == "condition"
    return len(lower) >= 2 and lower[0] in lex.patient_states and words[0].tag_ == "JJ" and (
        lower[1] in _AFTER_STATE)


def _own_verb(token: Token, lex: Numbers) -> Token | None:
    """The verb of a count of more people the parser coordinated with the verb before it:
    "three people were killed and at least 12 more were wounded" ("more" read as a conjunct
    of "killed"): the verb whose auxiliary comes right after the count is its own."""
    if token.dep_ != "conj" or token.lower_ not in lex.continuation or token.i + 2 >= len(
            token.doc):
        return None
    aux, verb = token.doc[token.i + 1], token.doc[token.i + 2]
    if aux.dep_ in ("aux", "auxpass") and aux.head == verb and verb.tag_.startswith("VB"):
        return verb
    return None


def _climbed(anchor: Token, number: Token, lex: Numbers, *, single: bool) -> str | None:
    """The unit the predicates above the count give it, climbing the parse."""
    token, steps = number, 0
    while token.dep_ in _UP and token.head != token and steps < 6:
        if single and token.dep_ in _CLAUSES:
            break
        if (own := _own_verb(token, lex)) is not None:
            return _verb_unit(own, lex)
        below, token, steps = token, token.head, steps + 1
        if below.dep_ == "advcl" and lex.predicates.get(lemma(below)) is None and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in below.children):
            return None  # "injured … after a fight broke out between a dozen teens": the
            # clause has its own subject and no casualty; its people are not the victims
        if below.dep_ == "agent":
            return None  # "shot by two men", "killed by three gunmen": the doers
        if below.dep_ == "pobj" and (token.lower_ in _AIMED or (
                single and token.lower_ == "of" and token.head.tag_.startswith("NN")
                and lex.predicates.get(lemma(token.head)) is None
                and lex.crimes.get(lemma(token.head)) is None)):
            return None  # "shot at two men", "the house of Omar Khalil" (but "the killing
            # of his wife"): not who is hit
        if (below.dep_ == "nsubj" and token.tag_.startswith("VB")
                and lex.predicates.get(lemma(token)) is not None
                and not _suffers(token, lex)):
            # "a suicide bomber killed 4 people": the doer, not a victim — unless a passive
            # coordinated with it befalls them ("the suspect shot at officers and was killed")
            return next((u for c in _conjuncts(token) if any(
                g.dep_ == "auxpass" for g in c.children) and (u := _verb_unit(c, lex))), None)
        if token.tag_.startswith("VB") and (unit := _verb_unit(
                token, lex, of_object=below.dep_ == "dobj")) is not None:
            return unit
        if (verb := headline_participle(token)) and (unit := lex.predicates.get(verb)):
            return unit  # "4 shot in northwest Atlanta"
        if (unit := lex.predicates.get(lemma(token))) is not None and token.tag_[:2] in (
                "VB", "JJ", "NN"):
            return unit
        if below.dep_ == "nsubj" and below.head == token and (
                unit := _undergone(token, lex)) is not None:
            return unit
        if below.dep_ == "nsubj" and below.head == token and lemma(token) in lex.copulas:
            for child in token.children:  # "a man was dead in the street"
                if child.dep_ in ("acomp", "attr") and (
                        unit := lex.predicates.get(lemma(child))):
                    return unit
        if below.dep_ == "nsubj" and below.head == token and lemma(token) in ("take", "end") \
                and any(c.dep_ == "dobj" and lemma(c) == "life" and any(
                    g.dep_ == "poss" for g in c.children) for c in token.children):
            return "killed"  # "the suspect later took his own life"
        if below.dep_ == "nsubj" and below.head == token and lemma(token) in lex.survivor_verbs \
                and not any(c.dep_ == "dobj" for c in token.children):
            return "injured"  # "a man is recovering after being shot": hurt, and alive
        if below.dep_ == "nsubj" and below.head == token and token.tag_.startswith("VB") and (
                below.i >= anchor.i or below is anchor):
            break  # "two suicide bombers detonated their trucks, killing …": the doers
        if token.tag_.startswith("VB") and any(  # "put the death toll at 58"
                lemma(c) == "toll" for c in token.children if c.dep_ in ("nsubj", "dobj")):
            return "killed"
        for child in token.children:  # "left 11 people dead", "lost their lives"
            if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and child.tag_[:2] in (
                    "JJ", "VB") and (unit := lex.predicates.get(lemma(child))):
                # "found shot to death": the complement's own outcome
                return (_verb_unit(child, lex) or unit) if child.tag_[:2] == "VB" else unit
            if child.dep_ == "dobj" and lemma(child) == "life" and token.tag_[:2] == "VB":
                return "killed"
        if below.dep_ in ("nsubj", "nsubjpass", "dobj") and below.head == token and (
                token.tag_.startswith("VB")) and (unit := _cared(token, lex)) is not None:
            return unit  # after "found dead … with gunshot wounds": the complement first
        if below.dep_ in ("nsubj", "nsubjpass") and below.head == token and discharged(token):
            return "injured"  # "the boy was released from the hospital"
        if token.dep_ == "prep" and token.lower_ == "among":
            obj = next((g for g in token.children if g.dep_ == "pobj"), None)
            if obj is not None and (unit := lex.among.get(lemma(obj))):
                return unit
    return None


_REFLEXIVE = frozenset({"himself", "herself", "themselves", "self", "myself", "yourself"})


def _suffers(verb: Token, lex: Numbers) -> bool:
    """Does the active subject of this casualty verb suffer it? "three men died", "he shot
    himself", and the passive a headline drops its auxiliary from ("four others shot in
    Harlem", "two soldiers killed in ambush"): a past form aimed at no one — no object (nor one
    of a verb coordinated with it) and nothing it was fired at, into or back."""
    if lemma(verb) in lex.victim_subject_verbs:
        return True
    objects = [g for v in (verb, *(c for c in verb.children if c.dep_ == "conj"))
               for g in v.children if g.dep_ in ("dobj", "dative", "ccomp", "xcomp")
               and g.i > v.i]  # a clause before the verb is no object of it: "deacon
    # killed, boy wounded" (the first clause parsed as the second's complement)
    if objects:
        return all(g.lower_ in _REFLEXIVE for g in objects)
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(
            g.dep_ == "pobj" and (lemma(g) in lex.body_parts or g.lower_ in lex.body_parts)
            for g in c.children) for c in verb.children):
        return True  # "man shot in leg at training facility": where on the body it hit
    aims = [c for c in verb.children if c.dep_ in ("prep", "advmod", "prt", "npadvmod")
            and not _at_a_venue(c, lex)]
    aims += [g for c in aims if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return not any(c.lower_ in lex.undirected or lemma(c) in lex.undirected for c in aims)


def _at_a_venue(prep: Token, lex: Numbers) -> bool:
    """'shot at a birthday party', 'shot at Valencia Park': where it happened, not what was
    fired at — a venue noun or a place the recogniser names."""
    if prep.dep_ != "prep" or prep.lower_ != "at":
        return False
    return any(g.dep_ == "pobj" and (
        lemma(g) in lex.venues or any(f"{c.lower_} {lemma(g)}" in lex.venues
                                      for c in g.children if c.dep_ == "compound")
        or g.ent_type_ in ("GPE", "LOC", "FAC")) for g in prep.children)


# A coordinated verb with arguments of its own is about someone else: "shot two people and
# killed a guard" does not kill the two.
_OWN_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _verb_unit(verb: Token, lex: Numbers, *, of_object: bool = False) -> str | None:
    """What a verb and the verbs coordinated with it do to their subject (``of_object``: to
    its object — a passive or intransitive verb after it is the subject's): the gravest of
    the coordinated predicates ("was shot and killed" kills, "was shot and wounded" injures,
    "was shot" alone hits), "fatally shot" and "mortally wounded" kill; ``None`` when nothing
    here counts a casualty."""
    shared = [c for c in _conjuncts(verb) if c.tag_.startswith("VB")
              and not any(g.dep_ in _OWN_ARGUMENTS and g.lower_ not in _REFLEXIVE
                          for g in c.children)  # "shot and killed himself": his own
              and not (of_object and (lemma(c) in lex.victim_subject_verbs
                                      or lex.predicates.get(lemma(c)) == "displaced"
                                      or any(g.dep_ == "auxpass" for g in c.children)))]
    # (what befalls the subject is not the object's: "shot two men and fled", "… and was
    # wounded by police")
    units = {u for v in (verb, *shared)
             if (u := lex.predicates.get(lemma(v)) or _projectile(v, lex)) is not None}
    units |= {u for v in shared if (u := _undergone(v, lex)) is not None}  # "… and are in
    # critical condition"
    units |= {"injured" for v in shared if discharged(v)}  # "… treated and released from the
    # hospital"
    every = (verb, *shared)
    if "killed" in units and units & {"injured", _OUTCOME_UNKNOWN} and any(
            c.dep_ == "cc" and c.lower_ == "or" for v in every for c in v.children):
        return _OUTCOME_UNKNOWN  # "were killed or injured": hurt, the outcome of each unsaid
    if len(units) > 1:
        units.discard(_OUTCOME_UNKNOWN)  # "shot and wounded": the wounding says the outcome
    if "killed" in units or any(c.dep_ == "advmod" and c.lower_ in lex.fatal_adverbs
                                for v in every for c in v.children) or (
            units and any(_to_death(v) for v in every)):
        return "killed"  # "shot and killed", "fatally shot", "beaten and stabbed to death",
        # "shot dead"
    return next(iter(units), None) if len(units) == 1 else None


def _projectile(verb: Token, lex: Numbers) -> str | None:
    """'struck by a stray bullet', 'hit by gunfire', 'grazed by a round', 'a bullet struck
    a girl': hit (not a car that struck a man, not a storm)."""
    if lemma(verb) not in lex.projectile_verbs:
        return None
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        if any(g.dep_ == "pobj" and lemma(g) in lex.projectiles for g in agent.children):
            return "hit"
    if any(c.dep_ == "nsubj" and lemma(c) in lex.projectiles for c in verb.children) and any(
            c.dep_ == "dobj" and _a_person(c, lex) for c in verb.children):
        return "hit"  # "a stray bullet struck an 11-year-old girl" (not "hit two houses")
    return None


def _a_person(noun: Token, lex: Numbers) -> bool:
    """A word that names a person: "a girl", "the 17-year-old", "him", "Tre Edwards"."""
    return lemma(noun) in lex.categories or aged(noun) or noun.ent_type_ == "PERSON" or (
        noun.tag_ == "PRP" and noun.lower_ in ("him", "her", "them", "me", "us"))


def _conjuncts(token: Token) -> list[Token]:
    """The words coordinated with ``token``: "robbed, beaten and stabbed" (a chain)."""
    found: list[Token] = []
    todo = [token]
    while todo and len(found) < 8:
        for child in todo.pop().children:
            if child.dep_ == "conj":
                found.append(child)
                todo.append(child)
    return found


def _to_death(verb: Token) -> bool:
    """Does the verb say its victim died of it: "beaten to death", "shot dead"?"""
    return any((c.dep_ == "prep" and c.lower_ == "to" and any(
        g.dep_ == "pobj" and g.lower_ == "death" for g in c.children)) or (
        c.lower_ == "dead" and c.dep_ in ("oprd", "acomp", "advmod", "xcomp"))
        for c in verb.children)


def _undergone(verb: Token, lex: Numbers) -> str | None:
    """What a subject undergoes: "suffered a gunshot wound", "sustained injuries" (injured),
    "is in critical condition" (injured: a patient's state)."""
    if lemma(verb) in lex.undergo_verbs:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                    for g in c.children if g.dep_ == "pobj"]  # "suffering from a wound"
        for child in objects:
            if (unit := _wound(child, lex)) is not None:
                return unit
    if lemma(verb) in lex.copulas:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                if hospital(obj) and obj.i > verb.i:
                    return "injured"  # "remains in the hospital", "is in the hospital"
                if lemma(obj) == "condition" and any(
                        a.lower_ in lex.patient_states for a in obj.children
                        if a.dep_ in ("amod", "compound")):
                    return "injured"
    return None


def _wound(noun: Token, lex: Numbers) -> str | None:
    """What a wound or injury says of the one who has it: a fatal one kills; one named by
    its weapon ("a gunshot wound", "stab wounds") says they were hit, not whether they
    lived ("found suffering from a gunshot wound … later pronounced dead"); injuries
    otherwise injure."""
    unit = lex.predicates.get(lemma(noun))
    if unit is None or not noun.tag_.startswith("NN"):
        return None
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound")]
    if any(c.lower_ in lex.fatal_adjectives for c in modifiers):
        return "killed"
    if unit == "injured" and any(lex.predicates.get(lemma(c)) == _OUTCOME_UNKNOWN
                                 or lemma(c) in lex.weapon_wounds for c in modifiers):
        return _OUTCOME_UNKNOWN
    return unit


def _cared(verb: Token, lex: Numbers) -> str | None:
    """What becomes of a person a verb takes to a hospital ("was rushed to a hospital",
    "sent a boy to the trauma center": injured; "taken to a hospital where he died":
    killed) or finds, takes or brings in "with" a wound ("arrived with gunshot wounds")."""
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for place in (g for g in prep.children if g.dep_ == "pobj"):
            if prep.lower_ in ("with", "for") and lex.predicates.get(lemma(place)) == "injured" \
                    and (unit := _wound(place, lex)) is not None:
                return unit  # "treated for injuries"; not "charged with murder"
            if prep.lower_ == "to" and lemma(verb) in lex.care_verbs and hospital(place):
                return "killed" if _died_there(verb, place, lex) else "injured"
    return None


def _died_there(verb: Token, hospital: Token, lex: Numbers) -> bool:
    """Does a clause after the hospital say the person died there: "taken to a hospital
    where he died", "took him to the hospital for treatment where he died", "rushed to the
    hospital, where she was pronounced dead"?"""
    after = [t for p in verb.children if p.dep_ == "prep" for t in p.subtree
             if t.i > hospital.i and t.dep_ in ("relcl", "acl")]
    after += [c for c in verb.children if c.dep_ == "advcl" and c.i > hospital.i
              and any(g.lower_ == "where" for g in c.children)]
    return any(lex.predicates.get(lemma(c)) == "killed" or _verb_unit(c, lex) == "killed"
               or any(g.dep_ in ("oprd", "acomp") and lex.predicates.get(lemma(g)) == "killed"
                      for g in c.children)  # "where he was pronounced dead"
               for c in after)


_MODALS = frozenset({"could", "would", "might", "may", "should"})


def _denied(anchor: Token) -> bool:
    """Is the predicate that takes this person denied or only supposed ("he was not hurt",
    "she was never injured", "she could have been dead")? Climbs to the first verb above the
    person."""
    token, steps = anchor, 0
    while token.head != token and steps < 4:
        token, steps = token.head, steps + 1
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS)
               for c in token.children):
            return True
        if token.tag_.startswith("VB") and token.dep_ not in ("conj", "xcomp"):
            return False
    return False


def _category(anchor: Token, previous: str | None,
              armed: Callable[[Token], bool]) -> str | None:
    lex = numbers()
    key = lemma(anchor)
    if key in lex.continuation or anchor.lower_ in lex.continuation:
        return previous
    category = lex.categories.get(key) or lex.categories.get(anchor.lower_)
    if category in (None, "civilians") and key in lex.armed_members:
        telling = [c for c in anchor.children if c.dep_ in ("compound", "amod", "poss")]
        telling += [g for c in anchor.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                    for g in c.children if g.dep_ == "pobj"]
        if any(armed(t) for t in telling):
            return "combatants"
    return category


_PRONOUNS = frozenset({"them", "those", "these"})


def _antecedent(pronoun: Token, sentence: SpacySpan) -> Token | None:
    """The nearest earlier plural noun of the sentence that names victims ("clashed with
    the terrorists … killing 16 of them" -> terrorists)."""
    lex = numbers()
    for token in reversed(sentence[: pronoun.i - sentence.start]):
        if token.tag_ == "NNS" and (lex.categories.get(lemma(token))
                                    or lex.categories.get(token.lower_)):
            counted_here = any(c.dep_ == "nummod" for c in token.children) or (
                token.head.lower_ == "of" and token.head.head.tag_ == "CD")
            # "1102 people … 234 of them": a part of a count already made adds none
            return None if counted_here else token
    return None


def find(sentence: SpacySpan, skip: Callable[[Token], bool],
         armed: Callable[[Token], bool]) -> list[Found]:
    """The counts of ``sentence`` that count something known (unit) — numbers of casualties,
    fighters, groups, settlements, or of anything an event then holds."""
    found: list[Found] = []
    previous: str | None = None
    for count in counts(sentence, skip):
        noun = counted(count)
        anchor = noun if noun is not None else count.number
        # The article hangs on its noun: the predicate is climbed to from the noun.
        unit = count.unit or _unit(anchor, anchor if count.single else count.number,
                                   single=count.single, last=count.tokens[-1])
        if unit is None and noun is not None:
            unit = noun.lower_
        if unit is None or (count.single and (unit not in CASUALTY_UNITS or _denied(anchor))):
            continue
        who: Token | None = noun
        if noun is not None and noun.lower_ in _PRONOUNS:  # "killing 16 of them"
            who = _antecedent(noun, sentence)
        category = _category(who, previous, armed) if who is not None else None
        if category is None and count.single and who is not None:  # "Officers Montrell
            # Jackson", "Deputy Brad Garafola": the title says
            titles = [*count.tokens, *(c for c in who.children if c.dep_ == "compound")]
            category = next((c for t in titles
                             if t is not who and (c := _category(t, None, armed))), None)
        previous = category or previous
        end = count.tokens[-1]
        if noun is not None and (0 < noun.i - end.i <= 4 or count.single) and (
                noun.sent == end.sent and noun.i > end.i):
            end = noun
        span = Span(start=count.first.idx, end=end.idx + len(end.text))
        found.append(Found(count=count, anchor=anchor, unit=unit, category=category, span=span))
    return _totals(_containers(_one_dead(_died_after(found))))


_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}


def _died_after(found: list[Found]) -> list[Found]:
    """"He was rushed to hospital but police confirmed that he died shortly afterwards": one
    person a sentence takes to hospital (injured) and then says died (killed), both told by
    the same pronoun, is one death — not one injured and one killed."""
    dead = [f for f in found if f.unit == "killed" and f.count.single
            and f.anchor.lower_ in _GENDER]
    return [f for f in found if not (
        f.unit == "injured" and f.count.single and f.anchor.lower_ in _GENDER and any(
            d.anchor.i > f.anchor.i and _GENDER[d.anchor.lower_] == _GENDER[f.anchor.lower_]
            for d in dead))]


def _one_dead(found: list[Found]) -> list[Found]:
    """One who dies by his own hand is one count. "A man fatally shot himself", "a 3-year-old
    killed himself": counted as the subject, whom the casualty verb counts. "He took his own
    life", "the gunman turned the gun on himself": counted by the words of his own death
    (a killer's death adds to his victims', see resolve.summary), with the subject's victim
    category; the verb counts no one."""
    lex = numbers()
    subjects = {_conjoined_root(g.anchor.head).i: g for g in found
                if g.anchor.dep_ == "nsubj"}
    kept = []
    dropped: set[int] = set()
    for f in found:
        own = f.anchor.lower_ in _REFLEXIVE or f.count.self_killing
        verb = _conjoined_root(verb_of(f.anchor) if f.count.self_killing else f.anchor.head)
        subject = subjects.get(verb.i) if own else None
        if subject is None:
            kept.append(f)
        elif f.count.self_killing and lemma(verb) not in lex.predicates:
            kept.append(dataclasses.replace(f, category=f.category or subject.category))
            dropped.add(id(subject))
    return [f for f in kept if id(f) not in dropped]


def _conjoined_root(token: Token) -> Token:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def _totals(found: list[Found]) -> list[Found]:
    """Victims listed together are counted together too: "wounded her brother and
    4-year-old daughter" (2), "injured three adults and an 11-year-old child" (4), "killing
    six children and two adults" (8). The list's total is one more count (no category: the
    parts keep theirs, as "30 people including 24 civilians" does)."""
    groups: dict[tuple[int, str], list[Found]] = {}
    for item in found:
        if item.unit in CASUALTY_UNITS and item.count.value is not None:
            groups.setdefault((_conjoined_root(item.anchor).i, item.unit), []).append(item)
    totals = []
    for items in groups.values():
        if len(items) < 2 or len({i.anchor.i for i in items}) < len(items):
            continue
        first = min(items, key=lambda i: i.span.start)
        if _broken_down(first, [i for i in items if i is not first]):
            continue
        count = dataclasses.replace(
            first.count, value=sum(float(i.count.value or 0) for i in items), low=None,
            high=None, qualifier=None, single=False, unit=None)
        totals.append(Found(count=count, anchor=first.anchor, unit=first.unit, category=None,
                            span=Span(start=first.span.start,
                                      end=max(i.span.end for i in items))))
    return found + totals


_SUBSET = frozenset({"including", "among", "of"})
_GENERIC_PEOPLE = frozenset({"people", "person"})
_SEXES = frozenset({"man", "woman", "male", "female", "boy", "girl"})
# People named by what they are, not by sex: a list of men and women may part them.
_UNSEXED = frozenset({"victim", "adult", "teen", "teenager", "child", "juvenile", "youth",
                      "student", "resident", "individual", "civilian", "officer", "worker"})


def _broken_down(first: Found, rest: list[Found]) -> bool:
    """Are the counts after a count of people its parts: "13 people, 11 males and two
    females" (13, not 26), "two people, a man and a woman", "the five adult victims, three
    men and two women", "the two other teens, one female and one male"? People named
    generically — or by no sex, parted by sex — then two or more parts that add up to them;
    "two men, a woman and a child" are four."""
    if len(rest) < 2 or first.count.value != sum(float(i.count.value or 0) for i in rest):
        return False
    key = lemma(first.anchor)
    return key in _GENERIC_PEOPLE or (key in _UNSEXED and all(
        lemma(i.anchor) in _SEXES for i in rest))


def _containers(found: list[Found]) -> list[Found]:
    """'At least 30 people including 24 civilians', 'six civilians were among 22 people
    killed': the people are a mix, only the named part has a category."""
    out: list[Found] = []
    for item in found:
        if item.category == "civilians" and lemma(item.anchor) in _GENERIC_PEOPLE and any(
                other is not item and _named(other)
                and _linked(item.anchor, other.anchor) for other in found):
            item = Found(count=item.count, anchor=item.anchor, unit=item.unit, category=None,
                         span=item.span)
        elif item.category in ("civilians", "combatants") and not (
                item.category == "civilians" and _named(item)) and any(
                other is not item and other.category == item.category
                and other.unit == item.unit and _linked(other.anchor, item.anchor)
                for other in found):
            # "at least 31 people were killed including two medics", "28 terrorists were
            # killed including one of their leaders": the part is among the whole, not
            # more victims besides it
            item = Found(count=item.count, anchor=item.anchor, unit=item.unit, category=None,
                         span=item.span)
        out.append(item)
    return out


def _named(item: Found) -> bool:
    """Is the category named by the counted noun itself ("civilians", "fighters"), rather
    than read from an unmarked person ("medics", "people")?"""
    return item.category == "combatants" or (
        item.category == "civilians" and lemma(item.anchor) == "civilian")


def _linked(whole: Token, part: Token) -> bool:
    """Is ``part`` named as a subset of ``whole`` ("whole including part", "part … among
    whole", "whole were killed including part")?"""
    if part.dep_ == "pobj" and part.head.lower_ in _SUBSET and part.head.head == whole:
        return True
    if part.dep_ == "pobj" and part.head.lower_ == "including" and (
            whole.left_edge.i <= part.head.head.i <= whole.right_edge.i or (
                part.head.head == whole.head
                and whole.dep_ in ("nsubj", "nsubjpass", "dobj"))):
        return True
    return whole.dep_ == "pobj" and whole.head.lower_ == "among" and (
        whole.head.head == part or whole.head.head == part.head)


def _own_predicate(anchor: Token, at: dict[int, int], bounds: tuple[int, int]) -> int | None:
    """The event of the victims' own predicate, before any verb that governs them: a clause
    on the counted noun ("investigating two people shot this morning", "people who were
    killed"), or the passive that follows them even when the parse hung them elsewhere
    ("investigating after a 4-year-old was shot": the count is the object of "after")."""
    lex = numbers()
    clause = next((c for c in anchor.children if c.dep_ in ("acl", "relcl") and c.i in at
                   and not _partitive(c) and not _done_by(c, lex)
                   and _verb_unit(c, lex) in CASUALTY_UNITS), None)
    if clause is not None:  # (not "eight members fighting alongside the army": no casualty)
        return at[clause.i]
    after = anchor.right_edge.i + 1
    if after < bounds[1]:
        aux = anchor.doc[after]
        if aux.dep_ == "auxpass" and aux.head.i in at and aux.head.i > anchor.i and (
                _verb_unit(aux.head, lex) in CASUALTY_UNITS):
            return at[aux.head.i]
    return None


def owner(found: Found, at: dict[int, int], reporting: frozenset[str],
          starts: Sequence[tuple[int, int]], bounds: tuple[int, int]) -> int | None:
    """The index of the event ``found`` belongs to: ``at`` maps token index -> event
    index (the whole document), ``starts`` lists ``(token index, event index)`` of the events
    of the count's own sentence; the climb stays in the token range ``bounds`` of the
    counted noun's sentence."""
    token, steps = found.anchor, 0
    casualty = found.unit in CASUALTY_UNITS
    if casualty and (own := _own_predicate(token, at, bounds)) is not None:
        return own
    visited: list[Token] = []
    while steps < (8 if casualty else 4) and bounds[0] <= token.i < bounds[1]:
        if token.i in at:
            return at[token.i]
        visited.append(token)
        tolls = [c for c in token.children if c.dep_ in ("nsubj", "dobj") and c.i in at
                 and lemma(c) == "toll"]
        if tolls and casualty:  # "the toll rose to 70"
            return at[tolls[0].i]
        if token.head == token:
            break
        if lemma(token.head) in reporting and token.dep_ in ("nsubj", "nsubjpass"):
            inside = [e for i, e in starts if token.head.left_edge.i <= i
                      <= token.head.right_edge.i and i > token.head.i]
            if inside:
                return inside[0]
        token, steps = token.head, steps + 1
    for token in visited:  # "people who were killed", "settlements to sign the agreement"
        clauses = [c for c in token.children if c.dep_ in ("acl", "relcl") and c.i in at
                   and not _partitive(c)]
        if clauses:
            return at[clauses[0].i]
    if casualty and starts:
        here = found.count.number.i
        return min(starts, key=lambda s: abs(s[0] - here))[1]
    return None
