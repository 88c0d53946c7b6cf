"""How the triggers of a sentence hang together: which words govern a trigger, which
trigger is the content of a speech act, and which casualty belongs to which attack.

From a trigger the parse is climbed through words that do not change what happened but
how it is reported: light verbs ("conduct strikes"), aspect and attempt verbs ("continue to
shell", "tried to capture"), plans and rights ("preparations for an offensive", "reserve
the right to conduct airstrikes"), prepositions. The climb stops at a reporting verb, at
another trigger, or at any other word. A trigger reached through a complement of a speech
act (demand, refuse, agree, threaten, promise) is that act's content and no event of its
own; a casualty ("killed", "dead") whose cause the sentence names ("killed in clashes",
"air strikes killed", "shelled the town, killing") joins the cause.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from wirescope.extractors.events.lexicon import Cues, Triggers, cues, triggers
from wirescope.extractors.events.triggers import Mention, at, lemma

# Dependencies through which a word is the complement or argument of the word above it.
_UP = frozenset({"xcomp", "ccomp", "dobj", "nsubj", "nsubjpass", "acl", "pcomp", "pobj",
                 "attr", "oprd", "relcl", "prep", "agent", "dative"})
# Dependencies through which a trigger is the content of a speech act above it.
_CONTENT = frozenset({"xcomp", "ccomp", "dobj", "acl", "pcomp", "pobj", "attr", "oprd",
                      "nsubjpass", "prep", "dative"})
# Prepositions that place or date a trigger rather than make it the content of a speech act.
_CIRCUMSTANCE = frozenset({"in", "at", "near", "during", "after", "before", "since", "until",
                           "amid", "despite", "following", "across", "inside", "outside",
                           "around", "throughout", "within"})
# Prepositions that name a casualty's cause.
_CAUSE = frozenset({"in", "during", "by", "from", "after", "under", "amid", "following", "of",
                    "as", "with", "through", "when", "since", "due"})
_METHOD_ROLES = frozenset({"act", "battle", "territory", "regain"})
_NOT_CAUSES = frozenset({"destroy", "abduct"})  # "trucks were destroyed and 120 killed"


@dataclass(slots=True)
class Path:
    """The words above a trigger that carry its predicate, up to where the climb stopped."""

    steps: list[tuple[Token, bool]] = field(default_factory=list)  # (word, its cues apply)
    governor: Mention | None = None  # the speech act whose content the trigger is
    stop: Token | None = None  # the word the climb stopped at
    stop_dep: str = ""  # the dependency that led there
    reporting: Token | None = None  # a reporting verb the climb stopped at
    coordinated: bool = False  # the climb passed a coordination ("… and tried to block")

    @property
    def words(self) -> list[Token]:
        return [t for t, _ in self.steps]

    @property
    def cue_words(self) -> list[Token]:
        return [t for t, applies in self.steps if applies]


def _transparent(token: Token, lex: Triggers, cue: Cues) -> bool:
    key = lemma(token)
    return key in lex.light_verbs or key in cue.governors or token.dep_ == "prep" or (
        token.tag_ in ("IN", "TO"))


def climb(mention: Mention, index: dict[int, Mention], reporting: frozenset[str],
          bounds: tuple[int, int]) -> Path:
    """Climb from ``mention``'s head through transparent words (see the module), within
    the token range ``bounds`` (a sentence, or a line of one the parser joined)."""
    lex, cue = triggers(), cues()
    path = Path(steps=[(mention.head, True)])
    node, coordinated = mention.head, False
    while node.head != node and node.dep_ != "ROOT":
        dep, parent = node.dep_, node.head
        if not bounds[0] <= parent.i < bounds[1]:
            break
        owner = index.get(parent.i)
        if dep == "conj":
            # A coordinated word shares what governs the first conjunct, not its own cues.
            path.steps.append((parent, False))
            node, coordinated, path.coordinated = parent, True, True
            continue
        if dep not in _UP:
            path.stop, path.stop_dep = parent, dep
            break
        if owner is not None and owner is not mention:
            speech = ("absorbs", "commissive")
            # A speech act coordinated below another is a second act, not its content.
            second = coordinated and mention.sense.role in speech
            if owner.sense.role in speech and dep in _CONTENT and not second and not (
                    node.tag_ in ("IN", "TO") and node.lower_ in _CIRCUMSTANCE):
                path.governor = owner
            path.stop, path.stop_dep = parent, dep
            return path
        if dep == "prep" and node.lower_ in _CIRCUMSTANCE:
            path.stop, path.stop_dep = parent, "circumstance"
            break
        if _transparent(parent, lex, cue):
            path.steps.append((parent, True))
            node = parent
            continue
        if lemma(parent) in reporting:
            path.reporting = parent
        path.stop, path.stop_dep = parent, dep
        return path
    return path


def _method(token: Token, index: dict[int, Mention]) -> Mention | None:
    for candidate in (token, *token.conjuncts):
        found = index.get(candidate.i)
        if found is not None and found.sense.role in _METHOD_ROLES and (
                found.sense.plover == "ASSAULT") and found.sense.mode not in _NOT_CAUSES:
            return found
    return None


def _cause_of(casualty: Mention, index: dict[int, Mention]) -> Mention | None:
    found = _own_cause(casualty, index)
    if found is not None:
        return found
    # "13 were killed and 30 wounded when forces bombed a market": the cause the parse
    # hangs on the last of coordinated casualties is the cause of them all.
    for child in casualty.head.children:
        if child.dep_ == "conj" and (other := index.get(child.i)) is not None and (
                other.sense.role == "casualty") and (found := _own_cause(other, index)):
            return found
    return None


def _own_cause(casualty: Mention, index: dict[int, Mention]) -> Mention | None:
    head = casualty.head
    for child in head.children:
        if child.dep_ in ("nsubj", "csubj", "advcl") and (found := _method(child, index)):
            return found
        if child.dep_ == "advcl":  # "… killed as the clashes intensified"
            for subject in (g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")):
                if found := _method(subject, index):
                    return found
        if child.dep_ in ("agent", "prep") and child.lower_ in (_CAUSE | {"by"}):
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp") and (found := _method(obj, index)):
                    return found
                # "injured by rocket shells fired by terrorist groups on …"
                for clause in (g for g in obj.children if g.dep_ == "acl"):
                    if obj.dep_ == "pobj" and (found := _method(clause, index)):
                        return found
    if head.dep_ in ("advcl", "xcomp", "conj", "acl", "ccomp", "relcl"):
        above = head.head
        if found := _method(above, index):
            return found
        for obj in above.children:  # "launched an attack, killing …"
            if obj.dep_ in ("dobj", "nsubj") and (found := _method(obj, index)):
                return found
    return None


def _subject(head: Token) -> bool:
    return any(c.dep_ in ("nsubj", "agent") for c in head.children)


_GENERIC = frozenset({"strike_at", "attack"})
_RELATIVE = frozenset({"which", "that"})


def _subject_event(verb: Mention, index: dict[int, Mention]) -> Mention | None:
    """'Air strikes hit a school', 'an airstrike which hit the district': the generic verb
    is the subject noun's event (the noun a relative pronoun subject stands for)."""
    head = verb.head
    for child in head.children:
        if child.dep_ != "nsubj":
            continue
        subject = head.head if (head.dep_ == "relcl" and child.lower_ in _RELATIVE) else child
        if (found := _method(subject, index)) is not None and found.sense.mode is not None:
            return found
    return None


def merge_casualties(mentions: list[Mention],
                     alone: Callable[[Mention], bool] = lambda m: False) -> list[Mention]:
    """Casualties join the attack that caused them (or a casualty they are coordinated
    with); a casualty with no named cause and no subject joins the sentence's only attack;
    a generic verb ("hit", "struck") joins the attack noun that is its subject. A casualty
    ``alone`` says must stay apart (a war's running toll) joins nothing."""
    index = at(mentions)
    merged: set[int] = set()
    for verb in mentions:
        if verb.sense.name in _GENERIC and verb.head.tag_.startswith("VB") and (
                (found := _subject_event(verb, index)) is not None):
            found.members.extend(verb.heads)
            merged.add(id(verb))
    index = at(m for m in mentions if id(m) not in merged)
    for casualty in mentions:
        if casualty.sense.role != "casualty" or id(casualty) in merged or alone(casualty):
            continue
        target = _cause_of(casualty, index)
        if target is None and casualty.head.dep_ == "conj":
            first = index.get(casualty.head.head.i)
            if first is not None and first.sense.role == "casualty":
                target = first
        if target is None and not _subject(casualty.head):
            methods = [m for m in mentions if m.sense.role in _METHOD_ROLES
                       and m.sense.plover == "ASSAULT" and id(m) not in merged]
            target = methods[0] if len(methods) == 1 else None
        if target is None or target is casualty:
            continue
        while id(target) in merged:  # the casualty it joins has joined an attack itself
            target = next(m for m in mentions if target.head in m.members)
        target.members.extend(casualty.heads)
        target.content.extend(casualty.content)
        merged.add(id(casualty))
        index = at(m for m in mentions if id(m) not in merged)
    return [m for m in mentions if id(m) not in merged]


def absorb(mentions: list[Mention], reporting: frozenset[str], bounds: tuple[int, int]
           ) -> tuple[list[Mention], dict[int, Path]]:
    """Drop the mentions that are the content of a speech act (kept as its ``content``);
    return the rest with the path of every mention (by ``id``)."""
    index = at(mentions)
    paths = {id(m): climb(m, index, reporting, bounds) for m in mentions}
    for mention in mentions:
        for member in mention.members:  # a merged casualty's own governors count too
            extra = climb(Mention(head=member, sense=mention.sense, words=[member]), index,
                          reporting, bounds)
            paths[id(mention)].steps.extend(s for s in extra.steps
                                            if s not in paths[id(mention)].steps)
    absorbed: set[int] = set()
    for mention in mentions:
        path = paths[id(mention)]
        governor = path.governor or _purpose_of(mention, path, index)
        if governor is not None:
            governor.content.append(mention)
            absorbed.add(id(mention))
    return [m for m in mentions if id(m) not in absorbed], paths


_PURPOSE = frozenset({"advcl", "xcomp", "acl"})


def _purpose_clause(word: Token) -> bool:
    """A to-infinitive ("to demand") or a bare participle ("demanding") without a
    subordinator: a purpose or manner, not a time or a reason."""
    if any(c.dep_ == "mark" for c in word.children):
        return False
    return word.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to"
                                     for c in word.children)


def _purpose_of(mention: Mention, path: Path, index: dict[int, Mention]) -> Mention | None:
    """The event a demand or protest is the purpose of ("blocked roads to demand reforms",
    "a hunger strike in protest of …"; PLOVER codes the protest, not its topic), or an
    event of the same type it elaborates ("telephoned X to discuss …")."""
    if path.stop is None:
        return None
    owner = index.get(path.stop.i)
    light = triggers().light_verbs
    if owner is None and (lemma(path.stop) in light or path.stop.lower_ in light):
        # "staged a hunger strike to demand …": the event is the light verb's object.
        owner = next((found for c in path.stop.children if c.dep_ in ("dobj", "nsubjpass")
                      and (found := index.get(c.i)) is not None), None)
    if owner is None or owner is mention:
        return None
    kind, dep = mention.sense.plover, path.stop_dep
    clause = path.words[-1]  # the word that hangs on the owner
    if dep in _PURPOSE and not _purpose_clause(clause):
        dep = "clause"  # "Since Moscow started its air operation, …" is no purpose
    if kind == "REQUEST" and dep in _PURPOSE:
        return owner
    if kind == "PROTEST" and owner.sense.plover == "PROTEST" and (
            dep in _PURPOSE or dep == "circumstance"):
        return owner
    if kind == owner.sense.plover and dep in _PURPOSE and mention.sense.role != "casualty":
        return owner
    return None
