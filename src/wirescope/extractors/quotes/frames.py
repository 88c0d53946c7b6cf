"""Claims framed otherwise than by a reporting verb and its subject: "according to X",
transcript labels ("PENCE: …"), quotes signed with a dash, nouns of saying with a
that-clause ("Trump's claim that …"), quotes announced by a colon after any verb ("Caddell
continued: “…”"), what verbs of talking are about ("spoke of …"), and expectations nobody
in the sentence holds ("is expected to …", "seems to …"), "as X put it", and attitudes
said with an adjective ("Democrats are afraid that …", "he is ready to move on", "it's clear
that …").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from wirescope.extractors.quotes.clauses import Claim, is_clause, that_clause, trim, widen
from wirescope.extractors.quotes.marks import Segment, inside
from wirescope.extractors.quotes.speakers import RELATIVE, speaker_of, speaker_span, subtree_span


def according_to(doc: Doc, segs: list[Segment]) -> Iterator[Claim]:
    """ "According to X, …", "…, according to X." and "…, according to X, more than …": the
    source is the phrase after "to" up to the next comma (however the parse hangs it); what
    it says is the clause before it when that clause ends at it, else the rest."""
    text = doc.text
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ \
                != "to":
            continue
        to = doc[token.i + 1]
        sent = token.sent
        words = [t for t in doc[to.i + 1 : sent.end]]
        stop = next((t.i for t in words if t.is_punct and t.text not in ("'", "’", "-")),
                    sent.end)
        phrase = doc[to.i + 1 : stop]
        if not phrase or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in phrase):
            continue
        objects = [c for c in to.children if c.dep_ == "pobj"]
        subject = objects[0] if objects else phrase.root
        before = text[sent.start_char : token.idx].rstrip()
        speaker = trim(text, phrase.start_char, phrase.end_char)
        if objects and before:  # "…, according to Craig Bryan, head of …, and others."
            speaker = trim(text, *subtree_span(subject))
        phrase_start, phrase_end = token.idx, speaker[1]
        clause_before = before.endswith(",") and len(before.split()) > 3 and is_clause(
            [t for t in sent if t.idx < sent.start_char + len(before) - 1])
        interposed = before.endswith(",") and not clause_before and text[
            phrase_end : phrase_end + 1] == ","
        if interposed:  # "In Aleppo, according to the monitor, strikes continued."
            content = trim(text, sent.start_char, sent.end_char)
        elif not clause_before and phrase_start - sent.start_char < sent.end_char - phrase_end:
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
                         "live", "opinion", "analysis", "background", "the latest"})
_COLON = re.compile(r"(?m)^[\"“]?(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+(?=\S)")
# The headline (the text's first line): "Poll: Clinton and Trump in dead heat", "A lesson
# from Loretta Lynch: 'Be the voice …'" — whatever is before its colon says what follows.
_HEADLINE = re.compile(r"\A[\"“]?(?P<name>[A-Z][^\n:]{1,70}):[ \t]+(?=\S)")


def colon_lines(doc: Doc, names: list[tuple[int, int]]) -> Iterator[Claim]:
    """Transcript and headline attributions: "PENCE: …", "Pat Caddell: Democrat voters …".
    The label must be a known name (an entity mention), an all-capitals speaker tag, or the
    headline's label."""
    text = doc.text
    headline = _HEADLINE.match(text) if "\n" in text.strip() else None
    words = doc.char_span(*headline.span("name"), alignment_mode="expand") if headline else None
    if words is not None and any(t.pos_ in ("VERB", "AUX") for t in words):
        headline = None  # "The minister said: …" is a cue, not a headline's label
    matches = [*([headline] if headline else []), *(
        m for m in _COLON.finditer(text) if headline is None or m.start() > headline.start())]
    for match in matches:
        start, end = match.span("name")
        label = match["name"]
        if label.casefold() in _COLON_STOP:
            continue
        known = any((s <= start and end <= e) or (start <= s and e <= end) for s, e in names)
        if not (known or match is headline or (label.isupper() and len(label) >= 3)):
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


_ABOUT = frozenset({"of", "about", "on", "over", "for", "against", "with", "toward",
                    "towards"})


def _noun_content(noun: Token, nouns: frozenset[str], stance: frozenset[str]) -> Token | None:
    """What a noun of saying or of stance holds: a that-clause of its own ("the claim that
    …"), else for a noun of stance a to-infinitive ("his refusal to use the words") or what
    it is about ("criticism of the plan", "questions about his health")."""
    lemma = noun.lemma_.lower()
    after = [c for c in noun.children if c.i > noun.i]
    if lemma in nouns:
        clause = next((c for c in after if c.dep_ in ("acl", "ccomp", "relcl", "appos")
                       and that_clause(c)), None)
        if clause is not None:
            return clause
    if lemma not in stance:
        return None
    infinitive = next((c for c in after if c.dep_ == "acl" and c.tag_ == "VB" and any(
        k.dep_ == "aux" and k.lower_ == "to" for k in c.children)), None)
    if infinitive is not None:
        return infinitive
    prep = next((c for c in after if c.dep_ == "prep" and c.lower_ in _ABOUT), None)
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) \
        if prep is not None else None


def nominal(doc: Doc, segs: list[Segment], nouns: frozenset[str],
            stance: frozenset[str] = frozenset()) -> Iterator[Claim]:
    """ "Trump's claim that there have been thousands of shootings", "charges that …": a
    noun of saying or believing with a that-clause of its own; "his refusal to use the
    words", "Trump's criticism of the deal": a noun of stance with what it holds. The
    speaker is the noun's possessor, or the subject of the verb that has the noun."""
    text = doc.text
    for noun in doc:
        if noun.pos_ != "NOUN" or inside(segs, noun.idx):
            continue
        clause = _noun_content(noun, nouns, stance)
        if clause is None:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        said = that_clause(clause)
        if owner is None and said:
            # "Trump charges that …" parsed as a noun phrase: the name before it speaks
            owner = next((c for c in noun.children if c.i == noun.i - 1 and (
                c.dep_ == "nsubj" or (c.dep_ == "compound" and c.text[:1].isupper()))), None)
        if owner is None and not said:
            continue  # "faced criticism for …", "questions about …": whose, the text won't say
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


_ATTITUDE_PREPS = frozenset({"about", "of", "with", "over", "for", "on"})


def attitudes(doc: Doc, segs: list[Segment], adjectives: frozenset[str]) -> Iterator[Claim]:
    """ "Many Democrats are afraid that turnout may be low", "Republicans weren't too
    concerned about the shift", "he is ready to move on": an adjective of attitude with
    what it holds; the subject holds it ("it's clear that …": nobody in the sentence)."""
    text = doc.text
    for adjective in doc:
        if adjective.dep_ != "acomp" or adjective.lemma_.lower() not in adjectives or inside(
                segs, adjective.idx):
            continue
        verb = adjective.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in ("there", "this", "that", "which"):
            continue
        after = [c for c in adjective.children if c.i > adjective.i]
        if subject.lower_ == "it":  # "it's clear that …": the clause hangs on the verb
            after += [c for c in verb.children if c.i > adjective.i and c.dep_ == "ccomp"]
        held = next((c for c in after if c.dep_ in ("ccomp", "xcomp")), None)
        if held is None:
            prep = next((c for c in after if c.dep_ == "prep" and c.lower_ in _ATTITUDE_PREPS),
                        None)
            held = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) \
                if prep is not None else None
        if held is None:
            continue
        content = trim(text, *subtree_span(held))
        if content[1] - content[0] < 3:
            continue
        impersonal_it = subject.lower_ == "it"
        speaker = None if impersonal_it else speaker_span(subject, verb, text)
        (start, end), kind = widen(content, segs, text)
        yield Claim(adjective.text, adjective.lemma_.lower(), adjective.idx,
                    None if impersonal_it else subject, speaker, (start, end), kind)


def as_put(doc: Doc, segs: list[Segment]) -> Iterator[Claim]:
    """ "…, as a Homeland Security memo put it.", "As Rosenthal recently put it, ''Did Trump
    …''": the rest of the sentence is the subject's words."""
    text = doc.text
    for verb in doc:
        if verb.lemma_.lower() != "put" or inside(segs, verb.idx):
            continue
        kids = list(verb.children)
        if not (any(k.dep_ == "dobj" and k.lower_ == "it" for k in kids) and any(
                k.lower_ == "as" and k.i < verb.i for k in kids)):
            continue
        subject = next((k for k in kids if k.dep_ == "nsubj"), None)
        if subject is None:
            continue
        first, last = verb.left_edge, verb.right_edge
        if text[: first.idx].rstrip().endswith(",") and first.i > 1:
            content = trim(text, doc[first.i - 2].sent.start_char, first.idx)
        elif last.i + 2 < len(doc):
            after = last.idx + len(last.text)
            line_end = text.find("\n", after)
            stop = doc[last.i + 2].sent.end_char
            content = trim(text, after, stop if line_end < 0 else min(stop, line_end))
        else:
            continue
        if len(text[content[0] : content[1]].split()) < 3:
            continue
        (start, end), kind = widen(content, segs, text)
        yield Claim(verb.text, "put", verb.idx, subject, speaker_span(subject, verb, text),
                    (start, end), kind)
