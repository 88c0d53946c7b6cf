"""Typing: an event's PLOVER type and mode and its ACLED event type and sub-event type.

The trigger's sense gives a first answer; the sentence refines it:

* the weapon ("warplanes struck", "attack … using mortars") gives an attack's mode, and the
  mode its ACLED sub-event type (``acled_by_mode``);
* the sides decide what the sense leaves open: ground taken by government forces is ACLED's
  "Government regains territory", by rebels "Non-state actor overtakes territory"; a bombing
  by an air force is aerial, by an armed group an explosive; an attack on civilians is
  violence against civilians, on protesters excessive force, else an armed clash;
* a speech act's content gives its mode (THREATEN violence, REQUEST yield), and a promise
  of violence is a threat (PLOVER codes the single category, not ASSAULT + future);
* factuality retypes as PLOVER prescribes: a threatened act is THREATEN; a planned
  consultation, support, cooperation or aid is AGREE; a planned retreat is CONCEDE.

Each typing says which rule decided it (``via``, kept on the event for a coder to audit):
``sense:<name>`` (the trigger's sense in ``triggers.json``), ``weapon:<mode>`` (the weapon
named around it gave the mode and the sub-event type), ``grenade``, ``aerial:state`` (a
government's bombing, raid or strike), ``territory:<side>`` (ground taken, typed by who
took it: ``state``, ``non_state`` or ``regain``), ``abduction`` (people taken),
``agents:protester`` (demonstrators who attack: a violent demonstration), ``agents:mob``
(a mob or an angry crowd: mob violence),
``victims:<side>`` (an attack on ``civilian`` people or on ``protester`` s), ``clash`` (a
battle or a firefight between sides), ``commissive:threat`` / ``commissive:promise``,
``content`` (a threat's or a request's content gave its mode), ``protesters`` (coercion of
protesters: protest with intervention), ``mobilize:<mode>``, ``withdraw:territory``,
``block:protest``, and the retypings by factuality: ``threatened``, ``planned:agree``,
``planned:concede``, ``refusal``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from wirescope.extractors.events.arguments import Roles, prep_objects, with_conjuncts
from wirescope.extractors.events.lexicon import Nouns, Sense, nouns, triggers
from wirescope.extractors.events.nesting import Path
from wirescope.extractors.events.triggers import MODIFIER_DEPS, Mention, lemma
from wirescope.records import Factuality

Side = str  # "state", "non_state", "civilian", "protester", "mob"
SideOf = Callable[[Token], Side | None]

_ORDER = ("unconventional", "suicide-attack", "drone", "aerial", "heavy-weapons", "explosives",
          "crowd-control", "firearms", "primitive")
_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "PROTEST"})
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
_COERCIVE = frozenset({"COERCE", "SANCTION"})
_PROTEST_THREATS = frozenset({"boycott", "strike", "obstruct", "hunger"})
_ACCEPTING = frozenset({"AGREE", "CONCEDE", "SUPPORT"})
_YIELD = frozenset({"RETREAT", "CONCEDE"})
_OVERRIDABLE = frozenset({"bombardment", "bombing", "attack", "casualty", "strike_at",
                          "eliminate", "clash", "capture", "regain", "massacre", "destruction",
                          "shooting", "explosion"})
_INSTRUMENT_PREPS = frozenset({"with", "using", "by", "from"})
# Weapons no crowd wields: an attack with them is organised, whoever the text says did it.
_ARMED_MODES = frozenset({"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack",
                          "unconventional"})


@dataclass(frozen=True, slots=True)
class Typing:
    type: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    factuality: Factuality  # as read, or as the retyping makes it (a refusal happened)
    via: str  # the rule that decided the type (see the module's docstring)


def _keys(word: Token) -> list[str]:
    key = lemma(word)
    return [f"{lemma(m)} {key}" for m in word.children if m.dep_ in MODIFIER_DEPS] + [key]


def instrument(mention: Mention, path: Path, roles: Roles) -> tuple[str | None, bool]:
    """The weapon mode named around the event, and whether the weapon is a grenade."""
    lex = nouns()
    words: list[Token] = []
    for head in mention.heads:
        words += [c for c in head.children if c.dep_ in MODIFIER_DEPS]
    for word in (*mention.heads, *path.words):
        words += [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
        words += [g for o in prep_objects(word, _INSTRUMENT_PREPS) for g in o.subtree
                  if g.tag_.startswith("NN")]
        if word.dep_ == "acl" and lemma(word) in lex.weapon_verbs:  # "rocket shells fired"
            words.append(word.head)
    # "fired rockets filled with sarin", "… using rocket launchers", "… that released gas"
    for word in (*mention.heads, *path.words, *roles.patients):
        clauses = [c for c in word.children if c.dep_ in ("advcl", "acl", "relcl")]
        for verb in ([word] if word.tag_.startswith("VB") else []) + clauses:
            if lemma(verb) in lex.weapon_verbs:
                words += [g for c in verb.children if c.dep_ == "dobj" for g in c.subtree
                          if g.tag_.startswith("NN")]
    words += roles.agents
    words += [c for a in roles.agents for c in a.children if c.dep_ == "compound"]
    for patient in roles.patients:  # "killing 1,400 people with chemical weapons"
        words += prep_objects(patient, frozenset({"with"}))
    modes: list[str] = []
    grenade = False
    for word in with_conjuncts(words):
        for key in _keys(word):
            if key in lex.instruments:
                modes.append(lex.instruments[key])
                grenade = grenade or key in lex.grenade
                break
    if not modes:
        return None, False
    return min(modes, key=lambda m: _ORDER.index(m) if m in _ORDER else len(_ORDER)), grenade


def side(token: Token, entity_side: Side | None, lex: Nouns) -> Side | None:
    """The side of an argument: its entity's, else its head noun's, else its modifiers'."""
    if entity_side is not None:
        return entity_side
    key = lemma(token)
    mods = {lemma(c) for c in token.children if c.dep_ in MODIFIER_DEPS}
    if key in lex.protester_heads:
        return "protester"
    if key in lex.mob_heads:
        return "mob"
    if key in lex.non_state_heads:
        return "non_state"
    if key in lex.state_heads:
        return "state"
    if key in lex.civilian_heads:
        return "civilian"
    if mods & lex.non_state_modifiers:
        return "non_state"
    if mods & lex.state_modifiers:
        return "state"
    return None


def threat_mode(sense: Sense) -> str | None:
    """PLOVER THREATEN mode: what is threatened."""
    if sense.plover == "ASSAULT":
        return "territory" if sense.role in ("territory", "regain") else "violence"
    if sense.plover == "MOBILIZE":
        return "violence"
    if sense.plover == "COERCE":
        return {"arrest": "arrest", "deport": "expel"}.get(sense.mode or "", "restrict")
    if sense.plover == "SANCTION":
        return "expel" if sense.mode == "expel" else "relations"
    if sense.plover in ("REJECT", "PROTEST"):
        return "relations" if sense.plover == "REJECT" else "restrict"
    return None


def request_mode(sense: Sense) -> str | None:
    """REQUEST / REJECT mode: what is asked for or refused."""
    if sense.plover in _YIELD or sense.name in ("ease", "release", "observe_ceasefire"):
        return "yield"
    if sense.plover == "CONSULT":
        return "meet"
    if sense.plover in ("AID", "COOPERATE", "SUPPORT"):
        return "assist"
    return None


Acled = tuple[str, str] | None


def _crowd(agents: set[Side], mode: str | None) -> tuple[str, str | None, Acled, str] | None:
    """Violence by people no armed organisation leads (ACLED's riots): demonstrators who
    attack — stones at the police, cars set on fire, a clash with the police — are a violent
    demonstration (PLOVER PROTEST riot); a mob or an angry crowd is mob violence. Not when an
    organised side acts beside them or the weapon is no crowd's (a shelling, a bomb)."""
    if agents & {"state", "non_state"} or mode in _ARMED_MODES:
        return None
    if "protester" in agents:
        return "PROTEST", "riot", ("Riots", "Violent demonstration"), "agents:protester"
    if "mob" in agents:
        return "ASSAULT", mode, ("Riots", "Mob violence"), "agents:mob"
    return None


def _assault(sense: Sense, mode: str | None, grenade: bool, agents: set[Side],
             victims: set[Side], people: bool, via: str) -> tuple[str | None, Acled, str]:
    """An assault's mode, ACLED types and the rule that gave them (``via``: how the mode
    was found, when nothing else decides)."""
    by_mode = triggers().acled_by_mode
    if sense.role in ("territory", "regain"):
        if people:
            return "abduct", (by_mode["abduct"] if "civilian" in victims else None), "abduction"
        if "non_state" in agents:
            return mode, ("Battles", "Non-state actor overtakes territory"), "territory:non_state"
        if "state" in agents or sense.role == "regain":
            return mode, ("Battles", "Government regains territory"), (
                "territory:state" if "state" in agents else "territory:regain")
        return mode, None, via
    if grenade and mode == "explosives":
        return mode, ("Explosions/Remote violence", "Grenade"), "grenade"
    if mode in by_mode and (sense.acled is None or sense.name in _OVERRIDABLE
                            or mode == "unconventional"):
        return mode, by_mode[mode], via
    if sense.acled is not None:
        return mode, sense.acled, f"sense:{sense.name}"
    if "protester" in victims and (not agents or "state" in agents):
        # force on protesters is the state's (or unattributed); gunmen's is an attack
        return mode, ("Protests", "Excessive force against protesters"), "victims:protester"
    if victims & {"civilian", "protester"} and (agents or sense.role != "casualty"):
        return mode, ("Violence against civilians", "Attack"), "victims:civilian"
    if sense.role == "battle" or mode == "firearms":
        return mode, ("Battles", "Armed clash"), "clash"
    return mode, None, via


def classify(mention: Mention, path: Path, roles: Roles, factuality: Factuality,
             side_of: SideOf, territory: Callable[[Token], bool]) -> Typing:
    sense = mention.sense
    lex = nouns()
    plover, mode, acled = sense.plover, sense.mode, sense.acled
    agents = {s for a in roles.agents if (s := side_of(a)) is not None}
    victims = {s for p in roles.patients if (s := side_of(p)) is not None}
    victims |= {s for m in mention.members for c in m.children
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and (s := side_of(c)) is not None}
    content = mention.content[0].sense if mention.content else None
    via = f"sense:{sense.name}"
    if sense.role == "commissive":
        if content is not None and content.plover in _CONFLICT:
            plover, mode, via = "THREATEN", threat_mode(content), "commissive:threat"
        else:
            plover, mode, via = "AGREE", None, "commissive:promise"
    elif plover == "THREATEN":
        mode = threat_mode(content) if content is not None else None
        via = "content" if content is not None else via
    elif plover in ("REQUEST", "REJECT") and content is not None:
        mode, via = request_mode(content), "content"
    if plover == "ASSAULT":
        found, grenade = instrument(mention, path, roles)
        if found is not None and (mode is None or sense.name in _OVERRIDABLE
                                  or found == "unconventional"):
            mode, via = found, f"weapon:{found}"
        if mode is None and sense.name in ("bombing", "raid", "strike_at"):
            # A government's bombing, raid or strike comes from the air; an armed group's
            # bombing is an explosive, its raid or strike a ground attack.
            mode = ("aerial" if "state" in agents else
                    "explosives" if agents and sense.name == "bombing" else None)
            via = "aerial:state" if mode == "aerial" else via
        people = any(lemma(p) in lex.people for p in roles.patients)
        # Both sides of a clash are its agents: the state is the one a crowd fights
        # ("demonstrators clashed with police", "police clashed with protesters").
        fighting = agents - {"state"} if sense.role == "battle" else agents
        crowd = _crowd(fighting, mode) if sense.role not in ("territory", "regain") else None
        if crowd is not None:
            plover, mode, acled, via = crowd
        else:
            mode, acled, via = _assault(sense, mode, grenade, agents, victims, people, via)
    elif plover == "COERCE" and "protester" in victims:
        acled, via = ("Protests", "Protest with intervention"), "protesters"
    elif plover == "MOBILIZE" and mode is None:
        weapons = any(lemma(p) in lex.instruments for p in roles.patients)
        mode = ("weapons" if weapons else "militia" if "non_state" in agents
                else "troops")
        via = f"mobilize:{mode}"
    elif sense.name == "withdraw" and any(territory(p) for p in _targets(mention, roles)):
        acled = ("Strategic developments", "Non-violent transfer of territory")
        via = "withdraw:territory"
    if plover == "COERCE" and sense.name == "block" and not agents & {"state", "non_state"}:
        plover, mode, acled = "PROTEST", "obstruct", ("Protests", "Peaceful protest")
        via = "block:protest"
    condition = _condition(path)
    coercive = plover in _COERCIVE or (plover == "PROTEST" and mode in _PROTEST_THREATS)
    if factuality in ("planned", "hypothetical") and plover in _CONFLICT and (
            condition == "unless" or (factuality == "planned" and (
                coercive or condition == "if"))):
        # An announced coercive act ("will extend the curfew"), or a hostile act someone
        # will do on a condition ("will withdraw … unless", "would strike if …").
        factuality = "threatened"
    if factuality == "threatened" and plover != "THREATEN":
        plover, mode, acled, via = "THREATEN", threat_mode(sense), None, "threatened"
    elif factuality == "planned" and plover in _COOPERATIVE:
        plover, mode, acled, via = "AGREE", None, None, "planned:agree"
    elif factuality == "planned" and plover == "RETREAT":
        plover, mode, via = "CONCEDE", None, "planned:concede"
    elif factuality == "negated" and plover in _ACCEPTING:
        # "will not accept", "has not been agreed": a refusal, and it did happen.
        content_sense = mention.content[0].sense if mention.content else sense
        plover, mode, acled = "REJECT", request_mode(content_sense), None
        factuality, via = "asserted", "refusal"
    if plover == "THREATEN" and factuality in ("asserted", "planned", "ongoing"):
        factuality = "threatened"  # a threat: the act it names is threatened, not done
    return Typing(type=plover, mode=mode, acled_event_type=acled[0] if acled else None,
                  acled_sub_event_type=acled[1] if acled else None, factuality=factuality,
                  via=via)


def _condition(path: Path) -> str | None:
    """The subordinator of an 'if' / 'unless' clause on a path word ("… unless Baghdad
    accepts"), if any."""
    for word in path.words:
        for clause in (c for c in word.children if c.dep_ == "advcl"):
            for mark in clause.children:
                if mark.dep_ == "mark" and mark.lower_ in ("if", "unless"):
                    return mark.lower_
    return None


def _targets(mention: Mention, roles: Roles) -> Iterable[Token]:
    yield from roles.patients
    for head in mention.heads:
        yield from prep_objects(head, frozenset({"from"}))
