from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirescope.extractors.quotes.marks import is_title, segments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will respond," he said.', ["We will respond,"]),
        ("“We will respond,” he said.", ["We will respond,"]),
        ("«Nous répondrons», a-t-il dit.", ["Nous répondrons"]),
        ("„Wir antworten“, sagte er.", ["Wir antworten"]),
        ("'We will respond,' he said.", ["We will respond,"]),
        ("‘We will respond,’ he said.", ["We will respond,"]),
        ('"Units of the so-called \'moderate opposition\' were there," he said.',
         ["Units of the so-called 'moderate opposition' were there,"]),
        ("Russia’s jets and the rebels’ guns don’t stop.", []),
        ("Preparing ‘massive’ strikes.", ["massive"]),
        ('"One. Two. Three," he said.', ["One. Two. Three,"]),
        ("“Unclosed quote runs to the paragraph end\nNext paragraph.", [
            "Unclosed quote runs to the paragraph end"]),
        ('"Stray straight mark\nNext paragraph.', []),
        ('"Kevin was snoring.\n\n“Here he is, babe,” she said.', ["Here he is, babe,"]),
        ('He said: "First paragraph.\n"Second paragraph," he added.',
         ['First paragraph.\n"Second paragraph,']),
        ("A stray ” closing mark and a “real one”.", ["real one"]),
        ("”Fear. I am afraid.” ― Edwin\n”Hope.” ― Ana", ["Fear. I am afraid.", "Hope."]),
        ("Stray at the end of a paragraph.”\nNext.", []),
        ('Mixed “curly and "straight" inside” marks.', ['curly and "straight" inside']),
        ("", []),
    ],
)
def test_marks_segments(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in segments(text)] == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Legend in the Coal Fields.", True),
        ("Make Your Kid a Millionaire,", True),
        ("All Bets Are Off.", True),
        ("We will respond to any attack,", False),
        ("Shelling has decreased. Peaceful life is returning", False),
        ("Fraud", False),
    ],
)
def test_marks_is_title(words: str, expected: bool) -> None:
    assert is_title(words) is expected


@given(st.text(alphabet=st.sampled_from(list("ab ,.\n\"'“”‘’«»„")), max_size=80))
def test_marks_never_crash_and_stay_in_bounds(text: str) -> None:
    found = segments(text)
    last_end = -1
    for seg in found:
        assert 0 <= seg.open_at < seg.start <= seg.end <= len(text)
        assert seg.open_at >= last_end
        last_end = seg.outer_end
