"""Quoted segments of a text, for every quote mark real articles use.

Handles “curly” and "straight" double quotes, ''typewriter'' pairs, « guillemets »,
„low-high“ quotes, ‘single’ quotes used as the outer mark, nested single quotes inside
double ones, and quotes running over several paragraphs (a paragraph left open whose next
paragraph re-opens the quote).
A closing mark typed as the opening one at the start of a paragraph (”Fear. …”) opens.
Unbalanced marks never raise: a curly opening mark left open closes at the end of its
paragraph, a straight one left open is a stray mark, and a stray closing mark is ignored.
Apostrophes (don’t, Russia’s) are not quote marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“", '"': '"', "‹": "›"}
# What may close each opening mark; a different mark inside is a nested quote.
_CLOSERS = {"“": {"”"}, "«": {"»"}, "„": {"“", "”"}, '"': {'"', "”"}, "‹": {"›"},
            "”": {"”"}}
SINGLE_OPEN = {"‘", "'"}
SINGLE_CLOSE = {"’", "'"}


@dataclass(frozen=True, slots=True)
class Segment:
    """A quoted stretch: ``[start, end)`` is the content inside the marks."""

    open_at: int  # index of the opening mark
    start: int
    end: int
    close_at: int | None  # index of the closing mark, None when left open
    double: bool

    @property
    def outer_end(self) -> int:
        return self.close_at + 1 if self.close_at is not None else self.end


def _is_word(c: str) -> bool:
    return c.isalnum()


def segments(text: str) -> list[Segment]:
    """Top-level quoted segments in order (nested quotes are part of their outer segment)."""
    found: list[Segment] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith(("''", "``"), i) and _opens(text, i):
            paired = _close_paired(text, i)
            if paired is not None:
                found.append(paired)
                i = paired.outer_end
                continue
        if (c in DOUBLE_OPEN and _opens(text, i)) or _reversed_open(text, i):
            seg = _close_double(text, i)
            found.append(seg)
            i = seg.outer_end
            continue
        if c in SINGLE_OPEN and _opens_single(text, i):
            single = _close_single(text, i)
            if single is not None:
                found.append(single)
                i = single.outer_end
                continue
        i += 1
    return _join_paragraphs(found, text)


def _reversed_open(text: str, i: int) -> bool:
    """ ”Fear. I am truly afraid …” ― a closing mark typed as the opening one, at the start of
    a paragraph and before a word."""
    return (text[i] == "”" and (i == 0 or text[i - 1] == "\n") and i + 1 < len(text)
            and text[i + 1].isalnum())


def _opens(text: str, i: int) -> bool:
    c = text[i]
    if c in ("“", "«", "„", "‹"):
        return True
    # A straight quote opens when not glued to a preceding word.
    return i == 0 or not _is_word(text[i - 1]) or text[i - 1] in "([-—–"


def _close_double(text: str, i: int) -> Segment:
    opener = text[i]
    j = i + 1
    while j < len(text):
        c = text[j]
        if c == "\n":
            return Segment(i, i + 1, j, None, True)
        if c in _CLOSERS[opener]:
            return Segment(i, i + 1, j, j, True)
        j += 1
    return Segment(i, i + 1, len(text), None, True)


def _close_paired(text: str, i: int) -> Segment | None:
    """Typewriter double quotes written as two marks: ``''quoted''`` or ``` ``quoted'' ```."""
    end_of_paragraph = text.find("\n", i)
    end_of_paragraph = len(text) if end_of_paragraph < 0 else end_of_paragraph
    j = text.find("''", i + 2, end_of_paragraph)
    return Segment(i, i + 2, j, j + 1, True) if j > i + 2 else None


def _opens_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not _is_word(before) and (_is_word(after) or after in "“\"")


def _close_single(text: str, i: int) -> Segment | None:
    j = i + 1
    while j < len(text) and text[j] != "\n":
        if text[j] in SINGLE_CLOSE:
            after = text[j + 1] if j + 1 < len(text) else " "
            before = text[j - 1]
            if not _is_word(after) and before != " ":
                return Segment(i, i + 1, j, j, False)
        j += 1
    return None  # an apostrophe-like mark that never closes: not a quote


def _join_paragraphs(found: list[Segment], text: str) -> list[Segment]:
    """Merge a quote left open at a paragraph's end with the quote opening the next one."""
    joined: list[Segment] = []
    for seg in found:
        if joined:
            last = joined[-1]
            between = text[last.end : seg.open_at]
            same_mark = text[last.open_at] == text[seg.open_at]
            if last.close_at is None and seg.double and same_mark and between.strip() == "":
                joined[-1] = Segment(last.open_at, last.start, seg.end, seg.close_at, True)
                continue
        joined.append(seg)
    # A straight mark left open and not continued is a stray mark, not a quote.
    return [s for s in joined if s.close_at is not None or text[s.open_at] != '"']


def inside(segs: Sequence[Segment], index: int) -> Segment | None:
    for seg in segs:
        if seg.open_at <= index < seg.outer_end:
            return seg
    return None


def is_title(words: str) -> bool:
    """ “Legend in the Coal Fields.”, ''Make Your Kid a Millionaire'': a quoted title or
    heading (every longer word capitalised), not someone's words."""
    split = words.split()
    longer = [w for w in split if len(w.strip(".,:;!?'’\"”“")) > 3]
    if len(split) > 10 or not all(w[0].isupper() for w in longer):
        return False
    return len(longer) >= 2 or (len(split) >= 3 and all(w[0].isupper() for w in split))
