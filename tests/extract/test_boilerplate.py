"""Keyword lists of a scraped page: where they start and end."""

from __future__ import annotations

import pytest

from wirescope.extract.boilerplate import inside, keyword_lists


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Runs into the first sentence: ends at the word that opens the body.
        ("Tags Syria Raqqa Aleppo human rights Islamic State ISIS At least 30 people were "
         "killed.", ["Tags Syria Raqqa Aleppo human rights Islamic State ISIS"]),
        ("Tags Syria Islamic State activists murder video Palmyra The Islamic State group "
         "released a video.", ["Tags Syria Islamic State activists murder video Palmyra"]),
        # Ends at punctuation, at a function word, at a number.
        ("Tags Nusra Front Aleppo Syria war. A suicide bomber blew himself up.",
         ["Tags Nusra Front Aleppo Syria war"]),
        ("Tags: Syria Idlib rebels launched an offensive on government areas.",
         ["Tags: Syria Idlib rebels launched an offensive"]),
        ("Tags Syria Aleppo 16 people were killed.", ["Tags Syria Aleppo"]),
        # Parentheses belong to a keyword.
        ("Tags Syrian Democratic Forces (SDF) Raqqa Syria",
         ["Tags Syrian Democratic Forces (SDF) Raqqa Syria"]),
        # No list: "Tags" as a word of a sentence, or lower case after it.
        ("The price tags were high in Aleppo.", []),
        ("Tags were printed in Aleppo.", []),
    ],
)
def test_keyword_lists(text: str, expected: list[str]) -> None:
    spans = keyword_lists(text)
    assert [text[s.start : s.end] for s in spans] == expected
    for s in spans:
        assert inside(spans, s.start + 5, s.end)
        assert not inside(spans, s.start, s.end + 1)
