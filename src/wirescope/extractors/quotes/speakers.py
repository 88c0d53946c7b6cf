"""Who speaks: the subject of a cue, looked for through relative pronouns, participles and
coordination, and — where the parse lost it — the name set right before the cue or between
commas ("…, the head of the General Staff said")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from wirescope.extractors.quotes.marks import Segment, inside

RELATIVE = frozenset({"who", "which", "that", "whom"})
TRAILING = " \t\n,.;:—–-"


def subtree_span(token: Token) -> tuple[int, int]:
    """Characters of the token's whole subtree."""
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def speaker_of(verb: Token, segs: Sequence[Segment] = (), controller: bool = False
               ) -> Token | None:
    """The subject of a reporting verb, looking through "who" and participles ("stressing").
    A "subject" inside a quote (“… panic mode,” said X) is a misparse of the quote. For a
    participle, the ``controller`` is the governing verb's subject, passive or not ("After
    saying …, she was whisked off", "she can be heard yelling …")."""
    kinds = ("nsubj", "csubj", "nsubjpass") if controller else ("nsubj", "csubj")
    subjects = [c for c in verb.children if c.dep_ in kinds]
    outside = [c for c in subjects if not inside(segs, c.idx)]
    subjects = outside or subjects
    text = verb.doc.text
    # "5:45 p.m.⏎⏎Gary Johnson’s doctor is calling …": a subject belongs to the verb's paragraph
    subjects = [c for c in subjects if "\n" not in text[c.idx : verb.idx]] or subjects
    if subjects:
        # of two subjects ("The Latest: Trump urges …"), the one next to the verb
        before = [c for c in subjects if c.i < verb.i]
        subject = before[-1] if len(before) > 1 else subjects[0]
        if subject.lower_ in RELATIVE and verb.head.i != verb.i:
            return verb.head
        return subject
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.dep_ == "ccomp":
        return speaker_of(verb.head.head, segs)  # "X said Y would hold, citing …": X cites
    if verb.dep_ == "conj" and verb.tag_ == "VBD" and verb.head.dep_ == "ccomp" and (
            verb.head.head.tag_ == "VBD"):
        return speaker_of(verb.head.head, segs)  # "X said Y would order … and warned …"
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
            c.dep_.startswith("aux") for c in verb.children):
        return None  # "Asked about the bomb, Clinton said …": who asked, the text won't say
    if verb.dep_ in ("advcl", "conj", "xcomp", "acomp") and verb.head.i != verb.i:
        # "he won't be able to brag about …"
        return speaker_of(verb.head, segs, controller=verb.tag_ == "VBG")
    if verb.dep_ == "pcomp" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        # "… by telling them", "stopped short of calling …", "filed papers opposing …":
        # the one who does the governing verb
        head = verb.head
        for _ in range(4):
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i or head.dep_ not in (
                    "prep", "advmod", "acomp", "pcomp", "pobj", "dobj", "conj"):
                break
            head = head.head
        if head.pos_ in ("VERB", "AUX") and head.i != verb.i:
            return speaker_of(head, segs, controller=True)
    return None


def speaker_span(token: Token, verb: Token, text: str) -> tuple[int, int]:
    """The speaker phrase: the subject's subtree up to the verb, without trailing
    punctuation. The pronoun of a restrictive relative clause is dropped ("an architect who
    said" → "an architect"); that of one set off by a comma is the verb's subject, a mention
    of its own, and stays with what it refers to ("Mr. Kamin, who" — PolNeAR's source)."""
    start, end = subtree_span(token)
    if verb.idx >= start:
        end = min(end, verb.idx)
    for dash in ("―", "—", "–", "--", ";"):  # "… made public ― Trump boasted"
        cut = text.rfind(dash, start, token.idx)
        if cut >= 0:
            start = cut + len(dash)
            while start < token.idx and text[start].isspace():
                start += 1
    words = text[start:end].rstrip(TRAILING + " ")
    for pronoun in RELATIVE:
        if words.endswith(" " + pronoun) and not words.endswith(", " + pronoun):
            words = words[: -len(pronoun) - 1]
    return start, max(start, start + len(words.rstrip(TRAILING)))


def parenthetical(verb: Token, sent: Span) -> Token | None:
    """In "…, the head of the General Staff said." parsed without a subject: the phrase
    between the last comma and the verb, if it is a short noun phrase."""
    commas = [t for t in sent if t.text == "," and t.i < verb.i]
    if not commas:
        return None
    phrase = list(sent.doc[commas[-1].i + 1 : verb.i])
    if not 0 < len(phrase) <= 14 or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None
    inside = {t.i for t in phrase}
    roots = [t for t in phrase if t.head.i not in inside and t.pos_ in ("NOUN", "PROPN",
                                                                      "PRON")]
    nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN", "PRON")]
    found = roots or nouns
    return found[0] if found else None


_NOT_SPEAKERS = RELATIVE | {"it", "there", "this", "what"}


def _set_off(doc: Doc, comma: int, floor: int) -> int | None:
    """Where a phrase set off by commas before ``comma`` opens (", the chief executive of
    the League,", ", dedicating the museum on Saturday,"): the index of its opening comma."""
    for k in range(comma - 1, max(floor, comma - 16) - 1, -1):
        if doc[k].text == ",":
            first = doc[k + 1]
            opens = first.tag_ == "VBG" or first.pos_ in ("DET", "NOUN", "PROPN", "ADJ")
            return k if opens and k > floor else None
        if doc[k].pos_ in ("VERB", "AUX") and doc[k].tag_ != "VBG":
            return None
    return None


def nearest_name(verb: Token, segs: Sequence[Segment] = ()) -> Token | None:
    """A subject the parse lost, right before the cue: "the $20 million experts say it
    costs", "Democrats accused …", "Marc Morial, the League's chief, forcefully told …",
    "President Obama, dedicating the museum, said …" — the noun next to the cue, past
    adverbs and a phrase set off by commas."""
    doc, floor = verb.doc, verb.sent.start
    i = verb.i - 1
    while i >= floor:
        token = doc[i]
        if token.pos_ in ("ADV", "PART") or token.tag_ == "MD" or token.is_space:
            i -= 1
        elif token.text == "," and (opening := _set_off(doc, i, floor)) is not None:
            i = opening - 1
        else:
            break
    if i < floor:
        return None
    token = doc[i]
    if token.pos_ not in ("PROPN", "NOUN", "PRON") or token.lower_ in _NOT_SPEAKERS or (
            token.dep_ == "poss" or inside(segs, token.idx)):
        return None
    return token


def name_span(token: Token) -> tuple[int, int]:
    """A noun with the words right before it that belong to it ("President Obama", "the
    experts"), not what the parse hangs further on it ("the $20 million experts")."""
    doc, first = token.doc, token.i
    while first > 0 and doc[first - 1].head.i == token.i and doc[first - 1].dep_ in (
            "compound", "amod", "det", "poss"):
        first -= 1
    return doc[first].idx, token.idx + len(token.text)
