"""Incidents across sentences: cumulative tolls are no events, and a casualty report or a
definite "the attack" that names no weapon is the attack mentioned just before.

* "More than 230,000 people have been killed since the war began", "the conflict has killed
  …", "… so far this year", "since Thursday bombing has killed …", "killed in 2014" count
  a war or a period, not an incident: no event (an event noun as subject names no actor).
* "An air strike hit a market in Idlib. At least 12 people were killed." — the killing is
  the air strike's: its mode and ACLED type are taken from the nearest preceding event of
  the same paragraph that has one (a few sentences back at most), else from the next one.
  So is a generic "the attack" or "raids" (news names the weapon once, then the incident);
  a report that names no place is at the antecedent's place (``place_from`` names it).
* "At least four people were killed in airstrikes … four civilians were killed in an
  airstrike which hit the Sermin district": a lead sentence and its detail a few sentences
  on are one incident told twice, known by the same count of killed or injured; the
  telling that names no place takes the other's (and says which: ``place_from``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from wirescope.extractors.events.lexicon import numbers, triggers
from wirescope.extractors.events.triggers import Mention, lemma
from wirescope.records import Event

BACK, AHEAD = 3, 1  # how many segments an antecedent may lie before / after
RETOLD = 4  # how many sentences apart two tellings of one incident may lie
_CASUALTIES = frozenset({"killed", "injured"})
# Modes that name how people were hurt (a destruction or an abduction lends nothing).
WEAPONS = frozenset({"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack",
                     "unconventional", "firearms", "primitive", "targeted"})


def cumulative(mention: Mention, bounds: tuple[int, int]) -> bool:
    """Is this casualty-only mention a running total of a war rather than an incident — or
    an attack told as the sum of several ("six shot in three separate incidents")? A
    total someone claims for its own campaign ("Russia has killed 28,000 since …") is that
    actor's event and stays. Only words inside ``bounds`` (the segment) count."""
    if _agent(mention):
        return False
    if any(_of_several(h, bounds) for h in mention.heads):
        return True  # "the five shootings that wounded 15 people over the weekend"
    if mention.sense.role != "casualty":  # "six people were shot in three separate incidents",
        # "18 people shot in Philly in 48-hour span"; "so far this year, 1,200 people have
        # been shot in Chicago", "since January, 41 children have been shot", "40 people
        # were shot across the city"
        if mention.sense.plover != "ASSAULT":
            return False
        return any(
            c.dep_ == "prep" and bounds[0] <= c.i < bounds[1] and (c.lower_ == "since" or (
                c.lower_ in _OVER and any(
                    _several(g) or g.lower_ in triggers().cumulative_periods
                    or (c.lower_ == "across" and (g.lower_ in _EXPANSES or g.ent_type_ == "GPE"))
                    for g in c.children if g.dep_ == "pobj")))
            for h in mention.heads for c in h.children) or any(
            f" {phrase} " in words for words in (_words(h, bounds) for h in mention.heads)
            for phrase in triggers().cumulative_running)
    lex = triggers()
    heads = [*mention.heads, *(h.head for h in mention.heads
                                if h.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "conj")),
             *(c for h in mention.heads for c in h.children if c.dep_ == "conj")]
    for head in mention.heads:  # "the war, which has killed …"
        if head.dep_ == "relcl" and lemma(head.head) in lex.cumulative_subjects:
            return True
        if head.dep_ == "relcl" and any(  # "bombardment since mid-February, which has killed"
                c.dep_ == "prep" and bounds[0] <= c.i < bounds[1] and _scope(c)
                for c in head.head.children):
            return True
    for head in heads:
        for child in (c for c in head.children if bounds[0] <= c.i < bounds[1]):
            if child.dep_ in ("nsubj", "agent") and (
                    lemma(child) in lex.cumulative_subjects or any(
                        lemma(g) in lex.cumulative_subjects for g in child.subtree
                        if g.dep_ == "pobj")):
                return True
            if child.dep_ == "prep" and _scope(child):
                return True
            if child.lower_ in _WIDE:
                return True  # "15 wounded in shootings citywide"
            if child.lower_ == "since" or (child.dep_ == "advcl" and any(
                    g.dep_ == "mark" and g.lower_ == "since" for g in child.children)):
                return True  # "has since killed", "… since the conflict began"
        words = _words(head)
        if any(f" {phrase} " in words for phrase in lex.cumulative_adverbs):
            return True
        if any(t.dep_ == "prep" and t.lower_ in ("in", "across") and bounds[0] <= t.i < bounds[1]
               and any(_several(g) for g in t.children if g.dep_ == "pobj")
               for t in head.subtree):
            return True  # "4 Killed, 53 Wounded In Weekend Shootings Across Chicago": the
            # shootings scope every count of the list, however it is parsed
    return False


def _words(head: Token, bounds: tuple[int, int] | None = None) -> str:
    """The words of the head's clause (inside ``bounds``, the segment, when given), lower
    case and spaced, for phrases to be looked up in."""
    return " " + " ".join(t.lower_ for t in head.subtree
                          if bounds is None or bounds[0] <= t.i < bounds[1]) + " "


def _of_several(head: Token, bounds: tuple[int, int]) -> bool:
    """Is this the clause of several incidents' noun: "three separate shootings that left four
    people wounded", "the five shootings that wounded 15"?"""
    if _several(head) and any(c.dep_ in ("relcl", "acl") and c.tag_.startswith("VB")
                              for c in head.children):
        return True  # the noun itself, its clause read as an event of its own
    steps = 0
    while head.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "conj") and steps < 3:
        head, steps = head.head, steps + 1
    return head.dep_ == "relcl" and bounds[0] <= head.head.i and _several(head.head)


def _agent(mention: Mention) -> bool:
    """Does someone do the killing ("Russia killed", "killed by the army")?"""
    lex = triggers()
    for head in mention.heads:
        for child in head.children:
            if child.dep_ == "nsubj" and not _headline_patient(head) and (
                    lemma(child) not in lex.cumulative_subjects) and (
                    lemma(child) not in lex.nouns) and (  # "bombing has killed" names no one
                    child.lower_ not in ("who", "which", "that")):
                return True
            if child.dep_ == "agent":
                return True
    return False


def _headline_patient(verb: Token) -> bool:
    """Is the subject of this participle the one it befell — a headline's passive without its
    auxiliary ("16 wounded in shootings across Chicago", "Man shot on Elm Street")? A
    participle with an auxiliary or an object has an agent for its subject ("Police have
    killed 4", "Gunmen killed 4")."""
    return verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass", "dobj") for v in (verb, *_coordinated_above(verb))
        for c in v.children)  # ("have been killed and six others wounded": the auxiliary
    # the coordination shares makes a clause of the body, not a headline)


def _coordinated_above(verb: Token) -> list[Token]:
    """The verbs ``verb`` is a conjunct of, up the chain."""
    found: list[Token] = []
    while verb.dep_ == "conj" and verb.head != verb and len(found) < 8:
        verb = verb.head
        found.append(verb)
    return found


def _scope(prep: Token) -> bool:
    """Does this preposition set a period, not a day: "since …", "in the war", "over the
    past five years", "in a 48-hour span", "as of June 15" (a total that stands at a date),
    "between December 2012 and December 2013" (from one year to another)?"""
    lex = triggers()
    if prep.lower_ == "since":
        return True
    if prep.lower_ == "as" and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(
                g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in c.children)
            for c in prep.children):
        return True
    if prep.lower_ == "between" and any(_year(t) for t in prep.subtree):
        return True
    if prep.lower_ in _OVER:
        direct = [g for g in prep.children if g.dep_ == "pobj"]
        return any(o.lower_ in lex.cumulative_periods or lemma(o) in lex.cumulative_periods
                   or _year(o) or _several(o) for o in direct)
    return False


_OVER = frozenset({"in", "during", "throughout", "over", "across"})  # … a period, … several
# Across what a count of attacks is spread over a whole area ("shot across the city").
_EXPANSES = frozenset({"city", "town", "state", "country", "region", "county", "nation",
                       "area", "metro"})
_SEVERAL = frozenset({"separate", "several", "multiple", "different", "various", "unrelated"})
# What spreads plural attacks over days or a whole city: "weekend shootings", "shootings
# citywide", "shootings across Chicago" (not "airstrikes on Douma": one raid's strikes).
_WIDE = frozenset({"citywide", "statewide", "nationwide"})
_SPREAD = _WIDE | {"weekend"}


def _several(noun: Token) -> bool:
    """'in three separate attacks', 'in 12 incidents across the city', 'in four shootings',
    'in Labor Day weekend shootings', 'in shootings citywide', 'in shootings across the South
    Side', 'in Chicago shootings Sunday': a toll spread over several incidents is their
    sum, no one incident's. (A number of bombings or strikes alone may be one coordinated
    attack: "killed in three suicide bombings".)"""
    key = lemma(noun)
    plural = noun.tag_ in ("NNS", "NNPS") or (  # a title-case headline's "Weekend Shootings"
        noun.tag_ == "NNP" and noun.is_title and noun.lower_ != key)
    if not plural or not (key in triggers().nouns or key == "incident"):
        return False
    if any(child.lower_ in _SEVERAL or child.lower_ in _SPREAD
           or (child.dep_ == "prep" and child.lower_ == "across") for child in noun.children):
        return True
    if key in numbers().crimes and not any(c.dep_ in ("det", "poss") for c in noun.children):
        return True  # "wounded in Chicago shootings Sunday", "in shootings on Sunday": crimes
        # in the plural with no article are several ("in the shootings" may be one spree's)
    return (key == "incident" or key in numbers().crimes) and any(
        c.dep_ == "nummod" and c.like_num and c.lower_ not in ("one", "1")
        for c in noun.children)


def _year(token: Token) -> bool:
    """A bare year ("killed in 2014") is a year's toll, not a day's incident."""
    return token.text.isdigit() and len(token.text) == 4 and 1900 <= int(token.text) <= 2100


GENERIC = frozenset({"attack", "raid", "strike_at", "bombing"})


def refers_back(mention: Mention) -> bool:
    """A weaponless casualty report or generic attack ("the attack", "raids")."""
    return mention.sense.role == "casualty" or mention.sense.name in GENERIC


@dataclass(frozen=True, slots=True)
class Typed:
    """What an antecedent lends: its mode and ACLED types."""

    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    source: int = -1  # the antecedent's position among the events


def antecedent(position: int, segments: Sequence[int], paragraphs: Sequence[int],
               typed: Sequence[Typed | None]) -> Typed | None:
    """The typing of the nearest event before ``position`` (in the same paragraph, at most
    ``BACK`` segments back) that has a mode; else of the nearest one after (``AHEAD``)."""
    here, paragraph = segments[position], paragraphs[position]
    for i in range(position - 1, -1, -1):
        if paragraphs[i] != paragraph or here - segments[i] > BACK:
            break
        if typed[i] is not None:
            return typed[i]
    for i in range(position + 1, len(typed)):
        if paragraphs[i] != paragraph or segments[i] - here > AHEAD:
            break
        if typed[i] is not None:
            return typed[i]
    return None


def _casualty_counts(event: Event) -> set[tuple[str, float]]:
    """(unit, value) of the event's exact casualty counts of two or more (one is too common
    a number to tell an incident by)."""
    return {(q.unit, q.value) for q in event.quantities
            if q.unit in _CASUALTIES and q.value is not None and q.value >= 2}


def retold(events: Sequence[Event], sentence_of: Sequence[int]) -> dict[int, int]:
    """Index of each event that names no place -> index of the nearest other telling of the
    same incident that does: the same type, a shared exact count of killed or injured,
    at most ``RETOLD`` sentences away (``sentence_of`` gives each event's sentence)."""
    found: dict[int, int] = {}
    for i, event in enumerate(events):
        counts = _casualty_counts(event)
        if event.place is not None or not counts:
            continue
        others = [j for j, other in enumerate(events)
                  if j != i and other.place is not None and other.type == event.type
                  and abs(sentence_of[j] - sentence_of[i]) <= RETOLD
                  and counts & _casualty_counts(other)]
        if others:
            found[i] = min(others, key=lambda j: (abs(sentence_of[j] - sentence_of[i]), j))
    return found
