"""Sentences never run across paragraphs; hard-wrapped lines inside a sentence stay one."""

from __future__ import annotations

import itertools

import pytest
from spacy.language import Language


@pytest.mark.parametrize(
    ("text", "first_words"),
    [
        # a blank line ends a sentence, even without punctuation
        ("\u201cWe will win,\u201d the chief said\n\nThe talks resumed on Monday.",
         ["\u201c", "The"]),
        # a line break after sentence-final punctuation or a closing quote ends one
        ("He left.\nThe talks resumed.", ["He", "The"]),
        ("\u201cWe are ready.\u201d\nThe talks resumed.", ["\u201c", "The"]),
        # a hard-wrapped line inside a sentence does not
        ("The ministry said on Monday that the\nconvoy had been stopped.", ["The"]),
    ],
)
def test_paragraphs_bound_sentences(nlp: Language, text: str, first_words: list[str]) -> None:
    assert "wirescope_paragraphs" in nlp.pipe_names
    starts = [s[0].text for s in nlp(text).sents if not s[0].is_space]
    assert starts[: len(first_words)] == first_words
    assert len(starts) == len(first_words)


@pytest.mark.parametrize(("text", "cut_after"), [
    # a run-on stretch with commas is cut after a comma of its second half
    (", ".join(f"item {i} of the list" for i in range(120)) + ".", ","),
    # with no punctuation at all, at the limit
    (" ".join(["rebels shelled the village and troops attacked"] * 60) + ".", None),
    # a page of short lines without stops: still bounded
    ("\n".join(f"Line number {i} without a stop" for i in range(200)), None),
])
def test_paragraphs_no_sentence_runs_past_the_limit(nlp: Language, text: str,
                                                    cut_after: str | None) -> None:
    from wirescope.annotate.nlp import MAX_SENTENCE_TOKENS, cut_notes

    doc = nlp(text)
    sentences = list(doc.sents)
    assert len(sentences) > 1
    assert max(len(s) for s in sentences) <= MAX_SENTENCE_TOKENS
    if cut_after is not None:
        assert all(s[-1].text in (cut_after, ".") for s in sentences)
    # every cut the parser did not make is a W214 note spanning the part before the cut
    notes = cut_notes(doc)
    assert notes and all(n.code == "W214" and n.span is not None for n in notes)
    ends = {s.end_char for s in sentences} | {s[-1].idx for s in sentences if s[-1].is_space}
    for before, after in itertools.pairwise(notes):
        assert before.span is not None and after.span is not None
        assert before.span.end <= after.span.start  # in order, not overlapping
    for note in notes:
        assert note.span is not None and note.span.end in ends
        if cut_after is not None:
            assert text[note.span.start:note.span.end].endswith(cut_after)


def test_paragraphs_ordinary_sentences_are_not_cut(nlp: Language) -> None:
    text = ("Air strikes hit a crowded market in the Sukkari district of Aleppo on Tuesday, "
            "killing at least 12 people, the Syrian Observatory for Human Rights said. " * 3)
    from wirescope.annotate.nlp import cut_notes

    doc = nlp(text)
    assert len(list(doc.sents)) == 3
    assert cut_notes(doc) == ()
