"""Claims: who says what — direct, indirect and mixed speech, and "according to".

``quotes.rules.v1`` finds reporting clauses (:mod:`.clauses`) over the quote marks of the
text (:mod:`.marks`), resolves each speaker to an actor entity (the mention that holds the
subject's head word, so "he", "the General Staff chief" and "who" reach the person the actor
extractor linked them to), and records the cue with its polarity (assert/deny) and strength
(claim/confirm/report). A quoted paragraph with no cue of its own that continues a speaker's
quote is given to that speaker.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from wirescope.extract.quotes.clauses import (
    Claim,
    according_to,
    colon_lines,
    reporting,
    signed_quotes,
)
from wirescope.extract.quotes.marks import Segment, segments
from wirescope.extract.registry import State, register
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


def _continued(claim: Claim, segs: list[Segment], claims: list[Claim], text: str) -> Claim:
    """“A,” said X. “B.” — a direct quote resumed after its cue, in the same paragraph and
    before any other cue, is one claim."""
    if claim.kind != "direct":
        return claim
    end = claim.content[1]
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    later = [s for s in segs if s.start > max(end, claim.cue_start) and s.open_at < paragraph_end]
    if not later:
        return claim
    nxt = later[0]
    if any(claim.cue_start < c.cue_start < nxt.open_at or nxt.start <= c.cue_start < nxt.end
           for c in claims if c is not claim):
        return claim
    if len(text[nxt.start : nxt.end].split()) < MIN_QUOTE_WORDS:
        return claim
    return dataclasses.replace(claim, content=(claim.content[0], nxt.end))


def _continuations(segs: list[Segment], quotes: list[Quote], text: str) -> Iterator[Quote]:
    """A quoted paragraph without a cue, right after a paragraph quoting one speaker."""
    covered = [(q.span.start, q.span.end) for q in quotes]
    for seg in segs:
        if any(s <= seg.start < e or seg.start <= s < seg.end for s, e in covered):
            continue
        if len(text[seg.start : seg.end].split()) < MIN_QUOTE_WORDS:
            continue
        line_start = text.rfind("\n", 0, seg.open_at) + 1
        if text[line_start : seg.open_at].strip():
            continue
        previous = [q for q in quotes if q.span.end <= seg.open_at and q.kind != "indirect"]
        if not previous or text.count("\n", previous[-1].span.end, seg.open_at) != 1:
            continue
        last = previous[-1]
        yield Quote(
            id="", document_id=last.document_id, extractor=NAME, speaker=last.speaker,
            speaker_text=last.speaker_text, speaker_span=None, cue=None, kind="direct",
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
    claims = [*reporting(doc, segs, frozenset(lexicon), stance_verbs()),
              *according_to(doc, segs),
              *colon_lines(doc, names), *signed_quotes(doc, segs)]
    claims = [_continued(c, segs, claims, text) for c in claims]
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
