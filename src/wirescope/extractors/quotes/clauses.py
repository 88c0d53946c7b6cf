"""Reporting clauses: who says what, and through which cue.

A claim is a cue (a reporting verb from ``data/reporting_verbs.json``, or "according to"),
a speaker phrase and a content span. Content comes from the verb's clausal complement
("X said (that) …", "…, X said."), else from a quote right beside the cue ("“…,” X said",
"X said: “…”"); a quote that runs past the clause (several sentences, paragraphs) is taken
whole. The kind says how the words are given: direct (all quoted), mixed (partly quoted),
indirect, or according_to.

A verb's object is its content when there is no clause ("urged supporters to monitor
polls", "blamed X for Y"); a passive gives the agent's words ("was reported by the monitor")
or, with no agent, a claim without speaker ("was accused of …"). Claims framed otherwise
("according to", colons, claim nouns, signed quotes) are in :mod:`.frames`, who speaks in
:mod:`.speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from wirescope.annotate.structure import paragraph
from wirescope.extractors.quotes.lexicon import topic_nouns
from wirescope.extractors.quotes.marks import Segment, inside, is_title
from wirescope.extractors.quotes.speakers import (
    RELATIVE,
    TRAILING,
    name_span,
    nearest_name,
    parenthetical,
    speaker_of,
    speaker_span,
    subtree_span,
)
from wirescope.records import QuoteKind

LEADING = frozenset({"that", ",", ":", "-", "—", "–"})
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


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without edge punctuation, a leading "that" or a dateline."""
    end = max(start, end)
    while start < end and text[start] in " \t\n,:;—–-":
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    if text[start : start + 5] == "that " and end - start > 5:  # not "That makes me smart"
        start += 5
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    return start, end


def _adjacent_quote(verb: Token, speaker: tuple[int, int] | None, sent: Span,
                    segs: list[Segment], text: str) -> Segment | None:
    """A quote closing right before the speaker or cue, or opening right after the cue."""
    anchor = min(verb.idx, speaker[0]) if speaker else verb.idx
    for seg in segs:
        if is_title(text[seg.start : seg.end]):
            continue  # "In his book, ''Make Your Kid a Millionaire,'' he suggested …"
        if seg.close_at is not None and seg.outer_end <= anchor:
            gap = text[seg.outer_end : anchor]
            # “…,” he said — not “… Lyin' Ted.” Trump called …, a sentence of its own
            ended = text[seg.start : seg.end].rstrip().endswith(".")
            if len(gap) <= 3 and gap.strip(" ,") == "" and not ended:
                return seg
        after = verb.idx + len(verb.text)
        end_of_clause = max(after, speaker[1] if speaker else after)
        gap = text[end_of_clause : seg.open_at]
        near = seg.open_at >= end_of_clause and len(gap) <= 16 and seg.open_at < sent.end_char + 2
        if near and gap.strip(" ,:").lower() in ("", "that", "reporters", "journalists"):
            return seg
    return None


# Speech acts whose bare object is not what is said: a plan or an act ("proposed a 72-hour
# ceasefire", "announced new strikes": an event to code) or the one spoken to ("briefed
# reporters", "told the crowd"), or a thing handled ("disclosed his returns", "wrote letters",
# "maintains a program", "appealed the ruling", "find themselves in debt", "issued a
# statement"). A clause or "X to Y" after them still is a claim.
_NO_BARE_OBJECT = frozenset({"propose", "announce", "offer", "promise", "pledge", "vow",
                             "guarantee", "recommend", "request", "order", "brief", "tell",
                             "inform", "ask", "assure", "advise", "instruct", "beg", "implore",
                             "answer", "remind", "notify", "learn", "write", "disclose",
                             "maintain", "observe", "appeal", "find", "issue", "reveal"})
_HELD_PREPS = frozenset({"for", "on", "against", "to", "about", "of", "as", "over"})
# Verbs that give a feeling or a view ("expressed concern about …", "voiced doubts over …",
# "added a note of caution"): what it is about is what they say.
_EXPRESS = frozenset({"express", "voice", "raise", "air", "add", "share", "register"})
_TOPIC_PREPS = frozenset({"about", "of", "on", "over", "for", "against", "toward", "towards"})


_BLOCK = re.compile(r"[ \t]*:[ \t\u00a0]*\n\s*")


def _distance(verb: Token, clause: Token) -> tuple[int, int]:
    """How far a complement clause is from its verb (the nearer one is what it reports:
    "It's unlikely; the team says she'll continue"), after it first when as near."""
    if clause.i > verb.i:
        return clause.left_edge.i - verb.i, 0
    return verb.i - clause.right_edge.i, 1


def that_clause(verb: Token) -> bool:
    """A clause opened by "that" with a subject of its own."""
    kids = list(verb.children)
    return any(k.dep_ == "mark" and k.lower_ == "that" and k.i < verb.i for k in kids) and \
        any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in kids)


def _misattached(verb: Token) -> list[Token]:
    """ "told a meeting of leaders that few people understood …": a that-clause with its own
    subject parsed as a relative clause of the object (or as an adverbial clause) is the
    verb's complement."""
    for child in verb.children:
        if child.dep_ == "advcl" and child.i > verb.i and (that_clause(child) or (
                any(k.dep_ == "nsubj" for k in child.children) and not any(
                    k.dep_ in ("mark", "advmod") and k.i < child.i for k in child.children))):
            # "tweeted in the early morning hours that Machado was …", "said after the
            # convention he would not accept …"
            return [child]
        if child.dep_ not in ("dobj", "dative"):
            continue
        for token in child.subtree:
            kids = list(token.children)
            if token.dep_ in ("relcl", "acl") and token.pos_ in ("VERB", "AUX") and any(
                    k.dep_ == "mark" and k.lower_ == "that" and k.i < token.i for k in kids) \
                    and any(k.dep_ in ("nsubj", "nsubjpass") for k in kids):
                return [token]
    return []


def _coordinated(verb: Token, content: tuple[int, int], cues: frozenset[str],
                 text: str) -> tuple[int, int]:
    """ "wants to triple AmeriCorps, grow the Peace Corps and create …": a part coordinated
    with what the verb reports, parsed as a second verb of its own, is reported too (not
    when it is a cue itself: "said … and warned …")."""
    start, end = content
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > verb.i):
        left = conj.left_edge.idx
        gap = text[end:left].strip(" ,;")
        if left < end or gap.lower() not in ("", "and", "or", "and then"):
            continue
        if conj.lemma_.lower() in cues or conj.tag_ != "VB" or any(
                c.dep_.startswith(("nsubj", "aux")) for c in conj.children):
            break  # a cue, or a verb of the speaker's own ("… but has been met with")
        end = conj.right_edge.idx + len(conj.right_edge.text)
    return start, end


def _announced_block(verb: Token, speaker: tuple[int, int] | None,
                     text: str) -> tuple[int, int] | None:
    """ "Limbaugh added:⏎⏎And from a supposed front-runner …": a cue closing its paragraph
    with a colon announces the next paragraph, quoted or not."""
    after = max(verb.idx + len(verb.text), speaker[1] if speaker else 0)
    match = _BLOCK.match(text, after)
    if match is None:
        return None
    end = text.find("\n", match.end())
    end = len(text) if end < 0 else end
    content = trim(text, match.end(), end)
    return content if len(text[content[0] : content[1]].split()) >= 3 else None


def _held(child: Token) -> bool:
    return child.dep_ in ("dobj", "xcomp", "oprd", "ccomp") or (
        child.dep_ == "prep" and child.lower_ in _HELD_PREPS)


def _object(verb: Token, bare: bool = True) -> tuple[int, int] | None:
    """What a cue verb is about: its object with what is said of it ("urged supporters to
    monitor polls", "blamed X for Y", "described X as Y"), or "for/on/against X" ("agreed on
    the need", "commented on his death"). A lone object or phrase is no claim unless
    ``bare`` ("proposed a ceasefire", "asked about the bomb")."""
    held = [c for c in verb.children if c.i > verb.i and _held(c)]
    if not held:
        return None
    first, last = held[0], held[-1]
    if first is last and not bare and first.dep_ in ("dobj", "prep"):
        return None
    if first is last and first.dep_ == "dobj" and verb.lemma_.lower() in _EXPRESS and (
            first.lemma_.lower() in topic_nouns()):
        # "expressed misgivings about Clinton": what the misgivings are about
        prep = next((c for c in first.children if c.dep_ == "prep" and c.i > first.i
                     and c.lower_ in _TOPIC_PREPS), None)
        topic = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) \
            if prep is not None else None
        if topic is not None:
            first = last = topic
    return first.left_edge.idx, last.right_edge.idx + len(last.right_edge.text)


# "…, although he again refused to release his returns": a concession set after the report
# is the writer's.
_CONCESSIVE = frozenset({"although", "though", "while", "whereas"})
# "…, after the administration set the goals": when it was said or done is the writer's too.
_SEQUEL = frozenset({"after", "before"})


def _without_tail(root: Token, verbs: frozenset[str], end: int, relative: bool = False) -> int:
    """Where a complement clause ends when its last part is not reported: an apposition
    after a comma (", the presumed favourite"), a participle hung on it (", citing …"), a
    concession (", although …") or a time set by the writer (", after the vote"), a second
    reporting verb ("… and warned"), and with ``relative`` a non-restrictive relative clause
    (", which makes him an outlier")."""
    for token in root.subtree:
        if token.idx >= end or token.i == root.i:
            continue
        before = token.doc[token.left_edge.i - 1] if token.left_edge.i else None
        after_comma = before is not None and before.text in (",", "—", "–", "--", "―")
        tail = (
            (token.dep_ == "appos" and after_comma)
            or (relative and token.dep_ == "relcl" and after_comma
                and token.left_edge.lower_ in ("which", "who", "where", "whose"))
            or (token.dep_ == "advcl" and after_comma and token.tag_ == "VBG"
                and all(t.dep_ == "advmod" for t in token.doc[token.left_edge.i : token.i]))
            or (token.dep_ == "advcl" and before is not None and before.text == ","
                and token.left_edge.lower_ in _CONCESSIVE)
            or (token.dep_ == "prep" and before is not None and before.text == ","
                and token.lower_ in _SEQUEL)
            or (token.dep_ == "conj" and token.pos_ == "VERB" and token.lemma_.lower() in verbs
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))
        )
        if not tail:
            continue
        right = token.right_edge
        if right.idx + len(right.text) < end - 2 and token.dep_ != "conj":
            continue  # not the end of the clause
        cut = token.left_edge.i
        if token.dep_ == "conj":
            cut = min([cut, *(c.i for c in token.head.children if c.dep_ == "cc"
                                and token.head.i < c.i < token.i)])
        end = min(end, token.doc[cut].idx)
    return end


_INCLUDING = re.compile(r",\s+including\b(?!:)")


def _including(content: tuple[int, int], sent: Span, text: str) -> tuple[int, int]:
    """ "condemning Russia's invasion of Ukraine, including its annexation of Crimea": the
    examples closing the sentence belong to what is reported (the parse often hangs them on
    the cue)."""
    start, end = content
    if _INCLUDING.match(text, end) is None:
        return content
    last = sent.end_char
    paragraph = text.find("\n", end)
    if paragraph >= 0:
        last = min(last, paragraph)
    return trim(text, start, last)


def _colon_tail(verb: Token, sent: Span, text: str, end: int) -> int:
    """ "said she has the quality for the job: “Steadiness …”": what a colon right after a
    reported clause opens is said too, to the end of its sentence (the next one when the
    colon closes the sentence), within the paragraph."""
    rest = text[end:]
    stripped = rest.lstrip(" ”\"'’")
    if not stripped.startswith(":"):
        return end
    colon = end + len(rest) - len(stripped)
    last = sent.end_char
    if last <= colon + 1:
        if sent.end >= len(verb.doc):
            return end
        last = verb.doc[sent.end].sent.end_char
    paragraph = text.find("\n", colon)
    if paragraph >= 0:
        last = min(last, paragraph)
    return last if last - colon >= 8 else end


def _content(verb: Token, speaker: tuple[int, int] | None, sent: Span, segs: list[Segment],
             text: str, stance: frozenset[str] = frozenset(),
             verbs: frozenset[str] = frozenset(), lemma: str = "",
             construed: bool = False) -> tuple[int, int] | None:
    complements = sorted((c for c in verb.children if c.dep_ == "ccomp"),
                         key=lambda c: _distance(verb, c)) or _misattached(verb)
    if complements:
        start, end = subtree_span(complements[0])
        end = _without_tail(complements[0], verbs, end)
        if speaker and start < speaker[0] < end:  # never swallow the speaker
            end = speaker[0]
        if end <= verb.idx and (speaker is None or end <= speaker[0]):
            # "…, the source added.": what is reported is the whole clause before the cue.
            start = min(start, sent.start_char)
        elif end > verb.idx:
            end = _colon_tail(verb, sent, text, end)
        return trim(text, start, end)
    seg = _adjacent_quote(verb, speaker, sent, segs, text)
    if seg is not None:
        return trim(text, seg.start, seg.end)
    block = _announced_block(verb, speaker, text)
    if block is not None:
        return block
    lemma = lemma or verb.lemma_.lower()
    named = _naming(verb, "call" if construed else lemma)
    if named is not None:
        return trim(text, *named)
    if lemma in stance or lemma in verbs:
        held = _object(verb, bare=lemma not in _NO_BARE_OBJECT)
        if held is not None:
            start, end = held
            for child in verb.children:
                if start <= child.idx < end:
                    end = _without_tail(child, verbs, end, relative=True)
            return trim(text, start, end)
    # "…, the ministry said." parsed without a complement: the clause before the speaker.
    first = speaker[0] if speaker else verb.idx
    before = text[sent.start_char : first].rstrip()
    if before.endswith(",") and len(before.split()) > 3 and is_clause(
            [t for t in sent if t.idx < sent.start_char + len(before) - 1]):
        return trim(text, sent.start_char, sent.start_char + len(before) - 1)
    return None


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def is_clause(tokens: list[Token]) -> bool:
    """Whether words set before a cue make a statement ("Strikes will continue, …"), not a
    fronted phrase ("In Honolulu last week, …", "But when Congress cut funding, …")."""
    words = [t for t in tokens if not (t.is_punct or t.is_space)]
    while words and (words[0].dep_ in ("cc", "advmod") and words[0].pos_ in ("CCONJ", "ADV")):
        words = words[1:]
    if not words or words[0].pos_ in ("ADP", "SCONJ") or words[0].dep_ == "mark":
        return False
    if words[0].tag_ in _FINITE and words[0].pos_ == "AUX":
        return False  # "Should X run into trouble, …": a condition
    return any(t.tag_ in _FINITE for t in words)


_NAMING = frozenset({"call", "describe", "label", "brand", "dub", "term"})


def lemma_of(token: Token, known: frozenset[str]) -> str:
    """The token's lemma, mended when the tagger's is no lexicon word but the word is an
    inflection of one ("hopes", "hoped" → hope, not "hop"; "rated" → rate, not "rat")."""
    lemma = token.lemma_.lower()
    if lemma in known:
        return lemma
    word = token.lower_
    stems = {"s": (word[:-1], word[:-2]), "d": (word[:-1], word[:-2]),
             "ing": (word[:-3] + "e", word[:-3])}
    for suffix, candidates in stems.items():
        if word.endswith(suffix):
            return next((stem for stem in candidates if len(stem) > 2 and stem in known), lemma)
    return lemma


def construes(verb: Token, lemma: str, construal: frozenset[str]) -> bool:
    """ "sees the program as an opportunity", "painted Trump as a caricature": a verb of
    seeing or depicting is a claim with what its object is seen "as"."""
    return lemma in construal and any(c.dep_ == "prep" and c.lower_ == "as"
                                      for c in verb.children)


def _naming(verb: Token, lemma: str) -> tuple[int, int] | None:
    """ "called X a liar", "called for an inquiry", "called on Washington to act": the
    object with what is said of it."""
    if lemma not in _NAMING:
        return None
    kids = [c for c in verb.children if c.i > verb.i]  # not "Wednesday, he called for …"
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


def widen(content: tuple[int, int], segs: list[Segment],
          text: str) -> tuple[tuple[int, int], QuoteKind]:
    """Take a quote crossing the content's edge whole; say how the words are given."""
    start, end = content
    touched = [s for s in segs if s.start < end and start < s.end]
    if not touched:
        return content, "indirect"
    first, last = touched[0], touched[-1]
    if first.open_at - 2 <= start and end <= last.outer_end + 2:
        return trim(text, first.start, last.end), "direct"
    new_start = min(start, first.open_at)
    new_end = max(end, last.outer_end)
    return (new_start, new_end), "mixed"


def _interposed(verb: Token, speaker: tuple[int, int] | None, sent: Span,
                text: str) -> tuple[int, int] | None:
    """ "But to prevent problems, he said, officials should be vigilant": a cue set off by
    commas inside the sentence reports the whole sentence, but for a concession closing it
    (", although …")."""
    first = min(verb.idx, speaker[0]) if speaker else verb.idx
    last = max(verb.idx + len(verb.text), speaker[1] if speaker else 0)
    before = text[sent.start_char : first].rstrip()
    after_tokens = [t for t in sent if t.idx >= last]
    # the cue may carry a short tail ("said Friday", "said in an interview")
    comma = next((t for t in after_tokens[:6] if t.text == ","), None)
    if not before.endswith(",") or comma is None or not before[:-1].strip():
        return None
    rest = text[comma.idx + 1 : sent.end_char].strip()
    if len(rest.split()) < 3 or not _resumes(sent.doc[comma.i + 1 :]):
        return None
    end = sent.end_char
    for token in sent:  # "…, North Korea said, was its biggest yet, although …"
        left = token.left_edge
        if token.dep_ == "advcl" and left.i > comma.i and left.lower_ in ("although", "though") \
                and sent.doc[left.i - 1].text == "," and not text[
                    token.right_edge.idx + len(token.right_edge.text) : end].strip(TRAILING):
            end = min(end, sent.doc[left.i - 1].idx)
    return trim(text, sent.start_char, end)


# "…, officials said Friday, as they bristled …": what follows the cue's comma is an
# adjunct of the cue (a subordinate clause, a participle), not the rest of the report.
_ADJUNCT_OPENERS = frozenset({"as", "while", "when", "after", "before", "because", "since",
                              "although", "though", "but", "and", "or", "adding", "saying",
                              "which", "who", "where", "whose", "in", "at", "on", "during",
                              "according", "if", "even", "noting", "citing"})


def _resumes(rest: Span) -> bool:
    """Whether the words after an interposed cue continue the reported sentence (not a
    quote of their own, not a clause or phrase hanging on the cue)."""
    words = [t for t in rest if not t.is_space]
    if not words:
        return False
    first = words[0]
    if first.text in ('"', "“", "‘", "'", "«") or first.is_punct:
        return False
    if first.tag_ in ("VBG", "VBN"):  # "…, adding …" hangs on the cue; "replacing X would
        return first.dep_ in ("csubj", "nsubj")  # be …" is the rest of the report
    return first.lower_ not in _ADJUNCT_OPENERS


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


def _passive(verb: Token, segs: list[Segment], lemma: str) -> Claim | None:
    """ "The registration issue was first reported by The Washington Post", "His views were
    echoed by tax experts": what is said is the subject, the speaker the agent. Without an
    agent ("Quiros was accused of using $50 million …") the subject with what is said of it
    is a claim nobody in the sentence makes."""
    text = verb.doc.text
    subject = next(c for c in verb.children if c.dep_ == "nsubjpass")
    if subject.lower_ in RELATIVE or subject.pos_ == "PRON":
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if source is None:
        said = [c for c in verb.children if c.i > verb.i and (c.dep_ in ("xcomp", "oprd") or (
            c.dep_ == "prep" and c.lower_ in ("of", "for", "as")))]
        if not said:
            return None
        last = said[-1].right_edge
        content = trim(text, subject.left_edge.idx, last.idx + len(last.text))
        (start, end), kind = widen(content, segs, text)
        return Claim(verb.text, lemma, verb.idx, None, None, (start, end), kind)
    content = trim(text, *subtree_span(subject))
    speaker = trim(text, *subtree_span(source))
    if content[1] - content[0] < 3 or speaker[1] <= speaker[0]:
        return None
    (start, end), kind = widen(content, segs, text)
    return Claim(verb.text, lemma, verb.idx, source, speaker, (start, end), kind)


def _not_a_cue(verb: Token, cues: frozenset[str]) -> bool:
    """ "known as X", "compared with X"; "refused to disclose his returns", "a plan to
    tell": an infinitive under another cue (which reports it) or a noun (while "took to
    Twitter to accuse X", "appeared to suggest that …" are claims of their own)."""
    if verb.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in verb.children):
        # "…, compared with 32 percent": a participle used as a preposition
        return verb.dep_ in ("acl", "amod", "prep") or any(c.lower_ == "as"
                                                           for c in verb.children)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if not infinitive or verb.dep_ not in ("xcomp", "advcl", "acl", "relcl"):
        return False
    return verb.dep_ in ("acl", "relcl") or verb.head.lemma_.lower() in cues


def reporting(doc: Doc, segs: list[Segment], verbs: frozenset[str],
              stance: frozenset[str] = frozenset(),
              construal: frozenset[str] = frozenset()) -> Iterator[Claim]:
    text = doc.text
    known = verbs | stance | construal
    for token in doc:
        if token.pos_ != "VERB" or inside(segs, token.idx):
            continue
        lemma = lemma_of(token, known)
        construed = construes(token, lemma, construal)
        if lemma not in verbs and lemma not in stance and not construed and not _stance(token):
            continue
        if token.dep_ in ("amod", "compound") or (token.i and doc[token.i - 1].lower_ in
                                                   ("so", "so-", "-")):
            continue  # "so-called", "the reported deaths": an adjective, not a cue
        if any(c.dep_ == "nsubjpass" for c in token.children):
            passive = _passive(token, segs, lemma)
            if passive is not None:
                yield passive
            continue
        if _not_a_cue(token, verbs | stance):
            continue
        sent = token.sent
        subject = speaker_of(token, segs)
        if subject is not None:
            phrase = speaker_span(subject, token, text)
            paragraph_start = paragraph(text, token.idx)[0]
            if phrase[0] < paragraph_start <= phrase[1]:
                phrase = trim(text, paragraph_start, phrase[1])
            speaker: tuple[int, int] | None = phrase
        else:
            subject = parenthetical(token, sent)
            speaker = None
            if subject is not None:
                comma = [t for t in sent if t.text == "," and t.i < token.i][-1]
                speaker = (comma.idx + 1, token.idx)
                speaker = trim(text, *speaker)
            elif (subject := nearest_name(token, segs)) is not None:
                speaker = name_span(subject)
        content = _content(token, speaker, sent, segs, text, stance, verbs, lemma, construed)
        if content is not None and content[1] > token.idx:
            content = _including(content, sent, text)
        if content is not None:
            content = _coordinated(token, content, verbs | stance, text)
        interposed = _interposed(token, speaker, sent, text)
        if interposed is not None:
            content = interposed
        if content is None or content[1] - content[0] < 3:
            continue
        low, high = paragraph(text, token.idx)
        if content[0] < high:  # not a paragraph announced by the cue ("X said:⏎…")
            content = trim(text, max(content[0], low), min(content[1], high))
        if content[1] - content[0] < 3:
            continue
        (start, end), kind = widen(content, segs, text)
        if speaker and start <= speaker[0] < end and interposed is None:
            continue  # the "speaker" is inside what is said: a misparse
        yield Claim(token.text, lemma, token.idx, subject, speaker, (start, end), kind)
