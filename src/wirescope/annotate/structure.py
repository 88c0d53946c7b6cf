"""The structure of a document that every extractor reads, worked out here once: its
paragraphs (lines), its segments (sentences cut at line breaks), the clauses of a sentence, and
its page furniture (keyword lists and link lists that are not the article's text:
:mod:`wirescope.annotate.furniture`). Sentence boundaries themselves are set while the text is
parsed (:func:`wirescope.annotate.nlp.paragraphs`: a sentence never runs across a paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from wirescope.annotate.furniture import inside, keyword_lists, link_lists, site_notices
from wirescope.records import Span

__all__ = ["clauses", "inside", "keyword_lists", "link_lists", "paragraph", "segments",
           "site_notices"]


def paragraph(text: str, index: int) -> tuple[int, int]:
    """The ``[start, end)`` of the line (paragraph) holding ``index``."""
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return start, len(text) if end < 0 else end


def segments(doc: Doc) -> Iterator[SpacySpan]:
    """The sentences, cut at line breaks: a headline run into the next line by the parser
    is a sentence of its own."""
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    yield doc[start : token.i]
                start = token.i + 1
        if sentence.end > start:
            yield doc[start : sentence.end]


# Clause boundaries inside a sentence: strong punctuation, quotation marks, dashes, and a
# comma before a conjunction or a relative/subordinating word.
_CLAUSE_BREAK = re.compile(
    r"[;:\"“”«»]|\s[—–]\s|\s-\s|,\s+(?=(?:and|but|while|whereas|which|who|whom|where|when|"
    r"after|before|as|because|although|though|since|until|if|saying|adding|according)\b)"
)


@lru_cache(maxsize=512)
def clauses(text: str, sentence: Span) -> tuple[Span, ...]:
    """Split a sentence into clause-like stretches at the boundaries above (computed once per
    sentence: every event of a long sentence asks, and each split reads it whole)."""
    pieces: list[Span] = []
    at = sentence.start
    for brk in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        if text[at : brk.start()].strip():
            pieces.append(Span(start=at, end=brk.start()))
        at = brk.end()
    if text[at : sentence.end].strip():
        pieces.append(Span(start=at, end=sentence.end))
    return tuple(pieces) or (sentence,)
