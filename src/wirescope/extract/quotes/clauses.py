"""Reporting clauses: who says what, and through which cue.

A claim is a cue (a reporting verb from ``data/reporting_verbs.json``, or "according to"),
a speaker phrase and a content span. Content comes from the verb's clausal complement
("X said (that) …", "…, X said."), else from a quote right beside the cue ("“…,” X said",
"X said: “…”"); a quote that runs past the clause (several sentences, paragraphs) is taken
whole. The kind says how the words are given: direct (all quoted), mixed (partly quoted),
indirect, or according_to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from wirescope.extract.quotes.marks import Segment, inside
from wirescope.records import QuoteKind

RELATIVE = frozenset({"who", "which", "that", "whom"})
LEADING = frozenset({"that", ",", ":", "-", "—", "–"})
TRAILING = " \t\n,.;:—–-"
# "WASHINGTON ― ", "KABUL, Afghanistan (AP) — ": a dateline is not part of what is said.
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:, [A-Z][\w .]+)?(?: \([\w .]+\))? ?[―—–-] ")


@dataclass(frozen=True, slots=True)
class Claim:
    cue: str
    cue_lemma: str
    cue_start: int
    speaker_token: Token | None
    speaker: tuple[int, int] | None
    content: tuple[int, int]
    kind: QuoteKind


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    end = max(start, end)
    while start < end and text[start] in " \t\n,:;—–-":
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    if text[start : start + 5].lower() == "that " and end - start > 5:
        start += 5
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    return start, end


def _subtree(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def _speaker(verb: Token) -> Token | None:
    """The subject of a reporting verb, looking through "who" and participles ("stressing")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        subject = subjects[0]
        if subject.lower_ in RELATIVE and verb.head is not verb:
            return verb.head
        return subject
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head is not verb:
        return _speaker(verb.head)
    if verb.dep_ == "pcomp" and verb.head.head is not verb.head:
        return _speaker(verb.head.head)  # "… by telling them": the one who tells
    return None


def _speaker_span(token: Token, verb: Token, text: str) -> tuple[int, int]:
    """The speaker phrase: the subject's subtree up to the verb, without a relative pronoun
    or trailing punctuation."""
    start, end = _subtree(token)
    if verb.idx >= start:
        end = min(end, verb.idx)
    words = text[start:end].rstrip(TRAILING + " ")
    for pronoun in RELATIVE:
        if words.endswith(" " + pronoun):
            words = words[: -len(pronoun) - 1]
    return start, max(start, start + len(words.rstrip(TRAILING)))


def _adjacent_quote(verb: Token, speaker: tuple[int, int] | None, sent: Span,
                    segs: list[Segment], text: str) -> Segment | None:
    """A quote closing right before the speaker or cue, or opening right after the cue."""
    anchor = min(verb.idx, speaker[0]) if speaker else verb.idx
    for seg in segs:
        if seg.close_at is not None and seg.outer_end <= anchor:
            gap = text[seg.outer_end : anchor]
            if len(gap) <= 3 and gap.strip(" ,") == "":
                return seg
        after = verb.idx + len(verb.text)
        end_of_clause = max(after, speaker[1] if speaker else after)
        gap = text[end_of_clause : seg.open_at]
        near = seg.open_at >= end_of_clause and len(gap) <= 16 and seg.open_at < sent.end_char + 2
        if near and gap.strip(" ,:").lower() in ("", "that", "reporters", "journalists"):
            return seg
    return None


def _object(verb: Token) -> tuple[int, int] | None:
    """What a stance verb is about: its object, infinitive complement or "for/on/against X"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "xcomp") or (
            child.dep_ == "prep" and child.lower_ in ("for", "on", "against", "to", "about")
        ):
            left, right = child.left_edge, child.right_edge
            return left.idx, right.idx + len(right.text)
    return None


def _content(verb: Token, speaker: tuple[int, int] | None, sent: Span, segs: list[Segment],
             text: str, stance: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    complements = [c for c in verb.children if c.dep_ == "ccomp"]
    if complements:
        start, end = _subtree(complements[0])
        if speaker and start < speaker[0] < end:  # never swallow the speaker
            end = speaker[0]
        if end <= verb.idx and (speaker is None or end <= speaker[0]):
            # "…, the source added.": what is reported is the whole clause before the cue.
            start = min(start, sent.start_char)
        return _trim(text, start, end)
    seg = _adjacent_quote(verb, speaker, sent, segs, text)
    if seg is not None:
        return _trim(text, seg.start, seg.end)
    named = _naming(verb)
    if named is not None:
        return _trim(text, *named)
    if verb.lemma_.lower() in stance:
        held = _object(verb)
        if held is not None:
            return _trim(text, *held)
    # "…, the ministry said." parsed without a complement: the clause before the speaker.
    first = speaker[0] if speaker else verb.idx
    before = text[sent.start_char : first].rstrip()
    if before.endswith(",") and len(before.split()) > 3:
        return _trim(text, sent.start_char, sent.start_char + len(before) - 1)
    return None


_NAMING = frozenset({"call", "describe", "label", "brand", "dub", "term"})


def _naming(verb: Token) -> tuple[int, int] | None:
    """ "called X a liar", "called for an inquiry", "called on Washington to act": the
    object with what is said of it."""
    if verb.lemma_.lower() not in _NAMING:
        return None
    kids = list(verb.children)
    objects = [c for c in kids if c.dep_ in ("dobj", "obj")]
    said = [c for c in kids if c.dep_ in ("oprd", "xcomp", "attr", "npadvmod")
            or (c.dep_ == "prep" and c.lower_ in ("as", "for", "on"))]
    if not said:
        return None
    first = objects[0] if objects and objects[0].i < said[0].i else said[0]
    last = said[-1]
    start = first.left_edge.idx if first is not said[0] or first.dep_ != "prep" else \
        next(iter(first.children), first).left_edge.idx
    return start, last.right_edge.idx + len(last.right_edge.text)


def _widen(content: tuple[int, int], segs: list[Segment],
           text: str) -> tuple[tuple[int, int], QuoteKind]:
    """Take a quote crossing the content's edge whole; say how the words are given."""
    start, end = content
    touched = [s for s in segs if s.start < end and start < s.end]
    if not touched:
        return content, "indirect"
    first, last = touched[0], touched[-1]
    if first.open_at - 2 <= start and end <= last.outer_end + 2:
        return _trim(text, first.start, last.end), "direct"
    new_start = min(start, first.open_at)
    new_end = max(end, last.outer_end)
    return (new_start, new_end), "mixed"


def _interposed(verb: Token, speaker: tuple[int, int] | None, sent: Span,
                text: str) -> tuple[int, int] | None:
    """ "But to prevent problems, he said, officials should be vigilant": a cue set off by
    commas inside the sentence reports the whole sentence."""
    first = min(verb.idx, speaker[0]) if speaker else verb.idx
    last = max(verb.idx + len(verb.text), speaker[1] if speaker else 0)
    before = text[sent.start_char : first].rstrip()
    after_tokens = [t for t in sent if t.idx >= last]
    # the cue may carry a short tail ("said Friday", "said in an interview")
    comma = next((t for t in after_tokens[:6] if t.text == ","), None)
    if not before.endswith(",") or comma is None or len(before.split()) < 2:
        return None
    rest = text[comma.idx + 1 : sent.end_char].strip()
    if len(rest.split()) < 3:
        return None
    return _trim(text, sent.start_char, sent.end_char)


def _paragraph(text: str, index: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return start, len(text) if end < 0 else end


def _parenthetical(verb: Token, sent: Span) -> Token | None:
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


def _stance(verb: Token) -> bool:
    """A verb outside the lexicon that still attributes a proposition to someone: a named or
    pronominal subject and a complement clause with its own subject ("X warns that Y will")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in ("it", "this", "that", "there", "which"):
        return False
    if subjects[0].pos_ not in ("PROPN", "PRON", "NOUN"):
        return False
    return any(
        c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in verb.children
    )


def reporting(doc: Doc, segs: list[Segment], verbs: frozenset[str],
              stance: frozenset[str] = frozenset()) -> Iterator[Claim]:
    text = doc.text
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or inside(segs, token.idx):
            continue
        if lemma not in verbs and lemma not in stance and not _stance(token):
            continue
        if token.dep_ in ("amod", "compound") or (token.i and doc[token.i - 1].lower_ in
                                                   ("so", "so-", "-")):
            continue  # "so-called", "the reported deaths": an adjective, not a cue
        if any(c.dep_ == "nsubjpass" for c in token.children):
            continue
        sent = token.sent
        subject = _speaker(token)
        if subject is not None:
            phrase = _speaker_span(subject, token, text)
            paragraph_start = _paragraph(text, token.idx)[0]
            if phrase[0] < paragraph_start <= phrase[1]:
                phrase = _trim(text, paragraph_start, phrase[1])
            speaker: tuple[int, int] | None = phrase
        else:
            subject = _parenthetical(token, sent)
            speaker = None
            if subject is not None:
                comma = [t for t in sent if t.text == "," and t.i < token.i][-1]
                speaker = (comma.idx + 1, token.idx)
                speaker = _trim(text, *speaker)
        content = _content(token, speaker, sent, segs, text, stance)
        if content is None or content[1] - content[0] < 3:
            continue
        interposed = _interposed(token, speaker, sent, text)
        if interposed is not None:
            content = interposed
        low, high = _paragraph(text, token.idx)
        content = (max(content[0], low), min(content[1], high))
        if content[1] - content[0] < 3:
            continue
        (start, end), kind = _widen(content, segs, text)
        if speaker and start <= speaker[0] < end and interposed is None:
            continue  # the "speaker" is inside what is said: a misparse
        yield Claim(token.text, lemma, token.idx, subject, speaker, (start, end), kind)


def according_to(doc: Doc, segs: list[Segment]) -> Iterator[Claim]:
    """ "According to X, …" and "…, according to X." """
    text = doc.text
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ \
                != "to":
            continue
        to = doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:
            continue
        subject = objects[0]
        speaker = _subtree(subject)
        sent = token.sent
        phrase_start, phrase_end = token.idx, speaker[1]
        if phrase_start - sent.start_char < sent.end_char - phrase_end:
            content = _trim(text, phrase_end, sent.end_char)
        else:
            content = _trim(text, sent.start_char, phrase_start)
        if content[1] - content[0] < 3:
            continue
        (start, end), _ = _widen(content, segs, text)
        yield Claim("according to", "according to", token.idx, subject, speaker, (start, end),
                    "according_to")


_COLON_STOP = frozenset({"note", "update", "updated", "editor", "editors", "photo", "video",
                         "read", "watch", "related", "source", "sources", "see", "also",
                         "warning", "correction", "disclaimer", "caption", "credit", "via",
                         "q", "a", "question", "answer", "transcript", "breaking", "exclusive",
                         "live", "opinion", "analysis", "background"})
_COLON = re.compile(r"(?m)^[\"“]?(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)")


def colon_lines(doc: Doc, names: list[tuple[int, int]]) -> Iterator[Claim]:
    """Transcript and headline attributions: "PENCE: …", "Pat Caddell: Democrat voters …".
    The label must be a known name (an entity mention) or an all-capitals speaker tag."""
    text = doc.text
    for match in _COLON.finditer(text):
        start, end = match.span("name")
        label = match["name"]
        if label.casefold() in _COLON_STOP:
            continue
        known = any((s <= start and end <= e) or (start <= s and e <= end) for s, e in names)
        if not (known or (label.isupper() and len(label) >= 3)):
            continue
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        content = _trim(text, match.end(), line_end)
        if len(text[content[0] : content[1]].split()) < 3:
            continue
        token = doc.char_span(start, end, alignment_mode="expand")
        yield Claim(":", ":", end, token.root if token is not None else None, (start, end),
                    content, "direct")


_SIGNED = re.compile(r"[ \t\u00a0]*[―—–-][ \t\u00a0]*(?P<name>[A-Z][\w.'’-]*(?:[ \u00a0]"
                     r"[A-Z][\w.'’-]*){0,3})[ \t\u00a0.]*(?:\n|$)")


def signed_quotes(doc: Doc, segs: list[Segment]) -> Iterator[Claim]:
    """ “…” ― Sonya Herridge: a quote signed with a dash and a name at the end of its line."""
    text = doc.text
    for seg in segs:
        if seg.close_at is None:
            continue
        match = _SIGNED.match(text, seg.outer_end)
        if match is None:
            continue
        start, end = match.span("name")
        span = doc.char_span(start, end, alignment_mode="expand")
        yield Claim("―", "―", start, span.root if span is not None else None, (start, end),
                    _trim(text, seg.start, seg.end), "direct")
