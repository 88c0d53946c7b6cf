"""Claims framed otherwise than by a reporting verb and its subject: "according to X",
transcript labels ("PENCE: …"), quotes signed with a dash, nouns of saying with a
that-clause ("Trump's claim that …"), quotes announced by a colon after any verb ("Caddell
continued: “…”"), what verbs of talking are about ("spoke of …"), and expectations nobody
in the sentence holds ("is expected to …", "seems to …").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from wirescope.extract.quotes.clauses import (
    RELATIVE,
    Claim,
    speaker_of,
    speaker_span,
    subtree_span,
    that_clause,
    trim,
    widen,
)
from wirescope.extract.quotes.marks import Segment, inside


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
        speaker = subtree_span(subject)
        sent = token.sent
        phrase_start, phrase_end = token.idx, speaker[1]
        if phrase_start - sent.start_char < sent.end_char - phrase_end:
            content = trim(text, phrase_end, sent.end_char)
        else:
            content = trim(text, sent.start_char, phrase_start)
        if content[1] - content[0] < 3:
            continue
        (start, end), _ = widen(content, segs, text)
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
        content = trim(text, match.end(), line_end)
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
                    trim(text, seg.start, seg.end), "direct")


def nominal(doc: Doc, segs: list[Segment], nouns: frozenset[str]) -> Iterator[Claim]:
    """ "Trump's claim that there have been thousands of shootings", "charges that …": a
    noun of saying or believing with a that-clause of its own. The speaker is the noun's
    possessor when there is one."""
    text = doc.text
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns or inside(segs, noun.idx):
            continue
        clause = next((c for c in noun.children if c.i > noun.i and c.dep_ in (
            "acl", "ccomp", "relcl", "appos") and that_clause(c)), None)
        if clause is None:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None and noun.dep_ in ("dobj", "pobj"):
            # "Trump repeated charges that …", "critics voiced concern that …"
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
            owner = next((c for c in verb.children if c.dep_ == "nsubj"
                          and c.lower_ not in RELATIVE and c.lower_ != "it"), None)
        speaker = subtree_span(owner) if owner is not None else None
        if speaker is not None and text[speaker[1] - 2 : speaker[1]] in ("'s", "’s"):
            speaker = (speaker[0], speaker[1] - 2)
        content = trim(text, *subtree_span(clause))
        if content[1] - content[0] < 3:
            continue
        (start, end), kind = widen(content, segs, text)
        yield Claim(noun.text, noun.lemma_.lower(), noun.idx, owner, speaker, (start, end),
                    kind)


def colon_quotes(doc: Doc, segs: list[Segment]) -> Iterator[Claim]:
    """ "Caddell continued: “…”", "Sanders made the following comment:⏎⏎“…”": a quote
    announced by a colon closing a clause with a subject gives that subject's words,
    whatever the verb."""
    text = doc.text
    for seg in segs:
        before = text[: seg.open_at].rstrip(" \t\n\u00a0")
        if not before.endswith(":") or text.count("\n", len(before), seg.open_at) > 2:
            continue
        colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if colon is None:
            continue
        verb = colon[0].head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or inside(segs, verb.idx):
            continue
        subject = speaker_of(verb, segs)
        if subject is None or subject.lower_ in ("there", "which", "that", "this"):
            continue
        speaker = speaker_span(subject, verb, text)
        if speaker[1] <= speaker[0] or speaker[1] > seg.open_at:
            continue
        content = trim(text, seg.start, seg.end)
        if len(text[content[0] : content[1]].split()) < 2:
            continue
        yield Claim(verb.text, verb.lemma_.lower(), verb.idx, subject, speaker, content,
                    "direct")


def topics(doc: Doc, segs: list[Segment], verbs: frozenset[str]) -> Iterator[Claim]:
    """ "Roberts spoke of the legacy of racism", "she talked about her ties to black churches":
    what a verb of talking is about (not "spoke to reporters", "spoke at a rally")."""
    text = doc.text
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs or inside(segs, verb.idx):
            continue
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in (
            "of", "about", "against") and c.i > verb.i), None)
        topic = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) \
            if prep is not None else None
        subject = speaker_of(verb, segs)
        if topic is None or subject is None or subject.lower_ in RELATIVE:
            continue
        content = trim(text, *subtree_span(topic))
        if content[1] - content[0] < 3:
            continue
        (start, end), kind = widen(content, segs, text)
        yield Claim(verb.text, verb.lemma_.lower(), verb.idx, subject,
                    speaker_span(subject, verb, text), (start, end), kind)


def impersonal(doc: Doc, segs: list[Segment]) -> Iterator[Claim]:
    """ "Obama's veto is expected to come before Friday", "Melania seems to have vanished":
    an expectation or appearance nobody in the sentence holds (no speaker)."""
    text = doc.text
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or inside(segs, verb.idx):
            continue
        kids = list(verb.children)
        passive = any(k.dep_ == "auxpass" for k in kids)
        if not ((lemma == "expect" and passive) or lemma == "seem"):
            continue
        subject = next((k for k in kids if k.dep_ in ("nsubj", "nsubjpass")), None)
        clause = next((k for k in kids if k.dep_ == "xcomp" and k.i > verb.i), None)
        if subject is None or clause is None or subject.pos_ == "PRON" or any(
                k.dep_ == "agent" for k in kids):
            continue
        content = trim(text, subject.left_edge.idx,
                       clause.right_edge.idx + len(clause.right_edge.text))
        (start, end), kind = widen(content, segs, text)
        yield Claim(verb.text, lemma, verb.idx, None, None, (start, end), kind)
