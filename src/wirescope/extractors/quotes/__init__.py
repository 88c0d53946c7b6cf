"""Claims: who says what — direct, indirect and mixed speech, and "according to".

``quotes.rules.v1`` finds reporting clauses (:mod:`.clauses`) over the quote marks of the
text (:mod:`.marks`), resolves each speaker to an actor entity (the mention that holds the
subject's head word, so "he", "the General Staff chief" and "who" reach the person the actor
extractor linked them to), and records the cue with its polarity (assert/deny) and strength
(claim/confirm/report). A quote resumed after its cue in the same paragraph is one claim; a
quoted paragraph with no cue of its own that continues a speaker's quote is given to that
speaker. A claim inside another claim's content is part of it (she said she thinks …),
unless someone named says something there (the ministry said Rudskoy told reporters …).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from wirescope.extractors.quotes.clauses import Claim, reporting
from wirescope.extractors.quotes.frames import (
    according_to,
    as_put,
    attitudes,
    colon_lines,
    colon_quotes,
    impersonal,
    nominal,
    signed_quotes,
    topics,
)
from wirescope.extractors.quotes.lexicon import word_list
from wirescope.extractors.quotes.marks import Segment, is_title, segments
from wirescope.extractors.registry import State, register
from wirescope.records import Entity, Polarity, Quote, Span, Strength

NAME = "quotes.rules.v1"
MIN_QUOTE_WORDS = 4


_POLARITY: dict[str, Polarity] = {"assert": "assert", "deny": "deny"}
_STRENGTH: dict[str, Strength] = {"claim": "claim", "confirm": "confirm", "report": "report"}


# Cues that are not verbs relay what a source says; a verb outside the lexicon takes a stance.
_NON_VERB_CUES: dict[str, tuple[Polarity, Strength]] = {
    "according to": ("assert", "report"), ":": ("assert", "report"), "―": ("assert", "report"),
}


@lru_cache(maxsize=1)
def stance_verbs() -> frozenset[str]:
    """Verbs of position (condemn, blame, pledge …) whose object can be the content."""
    data = resources.files("wirescope.data").joinpath("reporting_verbs.json")
    return frozenset(json.loads(data.read_text("utf-8")).get("stance_verbs", ()))


def claim_nouns() -> frozenset[str]:
    """Nouns of saying or believing whose that-clause is a claim ("the claim that …")."""
    return word_list("claim_nouns")


def attitude_verbs() -> frozenset[str]:
    """Lexicon verbs of thinking, wanting, showing and promising: inside another claim they
    are part of it, not a report of their own."""
    return word_list("attitude_verbs")


@lru_cache(maxsize=1)
def verb_lexicon() -> dict[str, tuple[Polarity, Strength]]:
    """Reporting verb lemma -> (polarity, strength); a bad entry fails loudly here."""
    data = resources.files("wirescope.data").joinpath("reporting_verbs.json")
    verbs: dict[str, list[str]] = json.loads(data.read_text("utf-8"))["verbs"]
    return {lemma: (_POLARITY[v[0]], _STRENGTH[v[1]]) for lemma, v in verbs.items()}


def speaker_entity(claim: Claim, entities: tuple[Entity, ...]) -> Entity | None:
    """The entity with a mention at the speaker's head word; else the one whose mention
    overlaps the speaker phrase most (people before organisations)."""
    if claim.speaker is None:
        return None
    start, end = claim.speaker
    head: Token | None = claim.speaker_token
    best: tuple[int, int, Entity] | None = None
    for entity in entities:
        for m in entity.mentions:
            if head is not None and m.start <= head.idx < m.end:
                return entity
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0:
                rank = (int(entity.type == "person"), overlap)
                if best is None or rank > best[:2]:
                    best = (*rank, entity)
    return best[2] if best else None


_CUE_SENTENCE_REST = re.compile(r"[^.!?\n]*[.!?:]\s*")


def _hangs_on(other: Claim, claim: Claim, cues: dict[int, Token]) -> bool:
    """ "said Caddell, speaking of Clinton's health": a participle hung on the cue is a claim
    of its own that neither ends a quote resumed after it nor is part of that quote."""
    token = cues.get(other.cue_start)
    return token is not None and token.tag_ == "VBG" and token.head.idx == claim.cue_start \
        and token.i > token.head.i


def _continued(claim: Claim, segs: list[Segment], claims: list[Claim], text: str,
               cues: dict[int, Token]) -> Claim:
    """“A,” said X. “B.” — a quote resumed after its cue in the same paragraph (in the next
    sentence, or later with a few words), before any other cue, is one claim; so is a quote
    right after the sentence that ends with the cue of what it reports ("A, X said. “B.”").
    The content becomes the stretch from A to B when most of it is quoted words (not a long
    description of the speaker between the two parts)."""
    start, end = claim.content
    if claim.kind == "according_to":
        return claim
    if not any(s.start <= end <= s.outer_end for s in segs) and not (
            claim.kind == "indirect" and end <= claim.cue_start):
        return claim
    quoted = end - start
    others = [c for c in claims if c is not claim]
    for nxt in (s for s in segs if s.start > max(end, claim.cue_start)):
        after = max(end, claim.cue_start)
        if any((after < c.cue_start < nxt.end and not _hangs_on(c, claim, cues)) or (
                c.content[0] < nxt.end and nxt.start < c.content[1]) for c in others):
            break  # another cue comes first, or the quote has a cue of its own
        between = text[after : nxt.open_at]
        adjacent = between.strip(" \t\n\u00a0\"”’'»") == "" or bool(
            _CUE_SENTENCE_REST.fullmatch(between))
        if "\n" in between or not (adjacent or len(text[nxt.start : nxt.end].split())
                                    >= MIN_QUOTE_WORDS):
            break
        longer = quoted + nxt.end - nxt.start
        if longer / (nxt.end - start) < quoted / longer:
            break
        end, quoted = nxt.end, longer
    kind = "mixed" if claim.kind == "indirect" and end != claim.content[1] else claim.kind
    return dataclasses.replace(claim, content=(start, end), kind=kind)


def _nested(claim: Claim, claims: list[Claim], cues: dict[int, Token]) -> bool:
    """ "She said she thinks America is strongest …", "Police said videos show …": a claim
    inside what another claim reports is part of that claim, unless it is someone named
    saying something ("the ministry said Rudskoy told reporters …" keeps Rudskoy's; not a
    description, "… said officials told reporters …", nor a noun or a participle: "… cited
    Trump's comments", "… accusing X of Y")."""
    start, end = claim.content
    cue = cues.get(claim.cue_start)
    verbal = cue is not None and cue.pos_ == "VERB" and cue.tag_ != "VBG"
    speech = verbal and claim.cue_lemma in verb_lexicon() and (
        claim.cue_lemma not in attitude_verbs())
    named = claim.speaker_token is not None and claim.speaker_token.pos_ == "PROPN"
    if speech and named:
        return False
    return any(outer.cue_start != claim.cue_start  # one cue found twice is no nesting
               and not _hangs_on(claim, outer, cues)  # “A,” said X, speaking of Y. “B.”
               and outer.content[0] <= claim.cue_start < outer.content[1]
               and outer.content[0] <= start and end <= outer.content[1] + 2
               for outer in claims)


def _one_per_content(claims: list[Claim], cues: dict[int, Token]) -> list[Claim]:
    """ "she said, reading from a card: “…”", "Trump told the crowd, reciting “…”": one
    content found through two cues is one claim, the finite verb's (else the first cue's)."""
    def rank(claim: Claim) -> tuple[int, int, int]:
        cue = cues.get(claim.cue_start)
        participle = cue is not None and cue.tag_ == "VBG"
        return int(participle), int(claim.speaker is None), claim.cue_start

    kept: dict[tuple[int, int], Claim] = {}
    for claim in sorted(claims, key=rank):
        start, end = claim.content
        if not any(abs(start - s) <= 2 and abs(end - e) <= 2 for s, e in kept):
            kept[claim.content] = claim
    return [c for c in claims if any(c is k for k in kept.values())]


def _continuations(segs: list[Segment], quotes: list[Quote], text: str) -> Iterator[Quote]:
    """A quoted paragraph without a cue, right after a paragraph quoting one speaker: that
    speaker's, with the speaker span where they were named."""
    covered = [(q.span.start, q.span.end) for q in quotes]
    for seg in segs:
        if any(s <= seg.start < e or seg.start <= s < seg.end for s, e in covered):
            continue
        if len(text[seg.start : seg.end].split()) < MIN_QUOTE_WORDS or is_title(
                text[seg.start : seg.end]):
            continue
        line_start = text.rfind("\n", 0, seg.open_at) + 1
        if text[line_start : seg.open_at].strip():
            continue
        previous = [q for q in quotes if q.span.end <= seg.open_at and q.kind != "indirect"]
        if not previous or text[previous[-1].span.end : seg.open_at].strip("\n").count(
                "\n") != 0:
            continue  # not the paragraph right after (blank lines between are fine)
        last = previous[-1]
        yield Quote(
            id="", document_id=last.document_id, extractor=NAME, speaker=last.speaker,
            speaker_text=last.speaker_text, speaker_span=last.speaker_span, cue=None, kind="direct",
            span=Span(start=seg.start, end=seg.end), polarity=last.polarity,
            strength=last.strength,
        )


@register(NAME, kind="quotes", requires=("entities", "token.dep", "token.lemma", "token.tag",
                                         "doc.sents"))
def rule_quotes(doc: Doc, state: State) -> Iterator[Quote]:
    text = doc.text
    lexicon = verb_lexicon()
    segs = segments(text)
    names = [(m.start, m.end) for e in state.entities for m in e.mentions]
    claims = [*reporting(doc, segs, frozenset(lexicon), stance_verbs(),
                         word_list("construal_verbs")),
              *according_to(doc, segs),
              *colon_lines(doc, names), *signed_quotes(doc, segs),
              *nominal(doc, segs, claim_nouns(), word_list("stance_nouns")),
              *colon_quotes(doc, segs),
              *topics(doc, segs, word_list("topic_verbs")), *impersonal(doc, segs),
              *attitudes(doc, segs, word_list("attitude_adjectives")), *as_put(doc, segs)]
    cues = {token.idx: token for token in doc}
    claims = [_continued(c, segs, claims, text, cues) for c in claims]
    claims = [c for c in claims if not _nested(c, claims, cues)]
    claims = _one_per_content(claims, cues)
    seen: set[int] = set()
    quotes: list[Quote] = []
    for claim in sorted(claims, key=lambda c: c.content):
        if claim.cue_start in seen:
            continue
        seen.add(claim.cue_start)
        entity = speaker_entity(claim, state.entities)
        polarity, strength = lexicon.get(claim.cue_lemma, _NON_VERB_CUES.get(
            claim.cue_lemma, ("assert", "claim")))
        speaker = claim.speaker
        quotes.append(Quote(
            id="", document_id=state.document.id, extractor=NAME,
            speaker=entity.id if entity else None,
            speaker_text=text[speaker[0] : speaker[1]] if speaker else None,
            speaker_span=Span(start=speaker[0], end=speaker[1]) if speaker else None,
            cue=claim.cue, kind=claim.kind,
            span=Span(start=claim.content[0], end=claim.content[1]),
            polarity=polarity, strength=strength,
        ))
    quotes += list(_continuations(segs, quotes, text))
    quotes.sort(key=lambda q: (q.span.start, q.span.end))
    for number, quote in enumerate(quotes, start=1):
        yield dataclasses.replace(quote, id=f"q{number}")


__all__ = ["NAME", "rule_quotes", "speaker_entity", "verb_lexicon"]
