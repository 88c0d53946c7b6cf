"""Context of an expression in its sentence: which way it points (tense and cue words) and
whether it opens or closes an interval ("since May 20", "until Friday")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirescope.extractors.times.grammar import LEX
from wirescope.extractors.times.resolve import Role

_NONFINITE_DEPS = frozenset({"pcomp", "advcl", "xcomp", "acl"})
"""Dependencies by which a bare gerund hangs on the verb whose time it shares."""


def _ends_with(before: str, phrases: tuple[str, ...]) -> bool:
    words = " ".join(before.casefold().split())
    return any(words == p or words.endswith(" " + p) for p in phrases)


def _before(text: str, start: int) -> str:
    """Up to four words right before ``start``, stopping at punctuation."""
    window = text[max(0, start - 40) : start]
    cut = max(window.rfind(c) for c in ".;:!?\"“”()[]\n")
    window = window[cut + 1 :]
    return " ".join(window.split()[-4:])


def role(text: str, start: int) -> Role | None:
    """``start`` for "since/from/starting X", ``end`` for "until/till/by X"."""
    before = _before(text, start)
    if _ends_with(before, LEX.start_openers):
        return "start"
    if _ends_with(before, LEX.end_openers):
        return "end"
    return None


def _verb(token: Token) -> Token | None:
    """The nearest verb governing ``token`` (itself, or up the dependency tree)."""
    for _ in range(6):
        if token.tag_.startswith("VB") or token.tag_ == "MD":
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def tense(verb: Token, depth: int = 0) -> int:
    """-1 past, +1 future, 0 unknown, read from a verb and its auxiliaries."""
    if verb.lemma_ in LEX.scheduling_verbs:
        return 1  # "planned for Saturday", "postponed until Tuesday"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & LEX.future_auxiliaries or {"going", "gon"} & words:
        return 1
    if any(a.tag_ == "TO" for a in auxes):
        # An infinitive points ahead only under a verb of intent ("plans to meet Friday")
        # or a future one; "continues to rise on Tuesday" says nothing.
        head = _verb(verb.head) if verb.head is not verb and depth < 2 else None
        if head is None:
            return 0
        if head.lemma_ in LEX.intent_verbs:
            return 1
        return 1 if tense(head, depth + 1) > 0 else 0
    if any(a.tag_ == "VBD" for a in auxes) or verb.tag_ == "VBD":
        return -1
    if verb.tag_ == "VBN":
        if words & {"has", "have", "'ve", "'s"} or not auxes:
            return -1  # "has increased", "the injunction issued Thursday"
        return 1 if verb.lemma_ in LEX.future_verbs and words & {"is", "are", "am"} else 0
    if verb.tag_ == "VBG":
        if "been" in words:
            return -1  # "have been searching since"
        if words & {"is", "are", "am", "'re", "'m"}:
            return 1
        if not auxes and depth < 2 and verb.dep_ in _NONFINITE_DEPS:
            # A bare gerund clause takes the time of the verb it hangs on: "accused the
            # army of killing 1,000 people on Wednesday", "shelled the town Monday,
            # killing six".
            head = _verb(verb.head) if verb.head is not verb else None
            return tense(head, depth + 1) if head is not None and head is not verb else 0
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ in LEX.future_verbs:
        return 1
    return 0


def direction(doc: Doc | None, text: str, start: int, end: int) -> int:
    """Which way an expression points from the anchor: strong cue words ("since",
    "starting"), then the tense of its verb, then weaker cues ("from", "until")."""
    before = _before(text, start)
    if _ends_with(before, LEX.strong_past):
        return -1
    if _ends_with(before, LEX.strong_future):
        return 1
    if doc is not None and doc.has_annotation("DEP") and doc.has_annotation("TAG"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            verb = _verb(span.root)
            found = tense(verb) if verb is not None else 0
            if found:
                return found
    if _ends_with(before, LEX.weak_future):
        return 1
    if any(w in before.casefold().split() for w in LEX.weak_past):
        return -1
    return 0
