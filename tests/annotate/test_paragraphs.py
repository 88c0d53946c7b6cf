"""Sentences never run across paragraphs; hard-wrapped lines inside a sentence stay one."""

from __future__ import annotations

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
