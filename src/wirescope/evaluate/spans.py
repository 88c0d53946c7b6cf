"""Span arithmetic for scoring: ``[start, end)`` ranges, discontinuous spans (tuples of
ranges, as brat writes them) and one-to-one matching of gold against predicted items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias, TypeVar

Range: TypeAlias = tuple[int, int]
Fragments: TypeAlias = tuple[Range, ...]
G = TypeVar("G")
P = TypeVar("P")


def length(spans: Fragments) -> int:
    return sum(end - start for start, end in spans)


def overlap(a: Fragments, b: Fragments) -> int:
    """Characters shared by two (possibly discontinuous) spans."""
    return sum(max(0, min(ae, be) - max(as_, bs)) for as_, ae in a for bs, be in b)


def overlaps(a: Range, b: Range) -> bool:
    return overlap((a,), (b,)) > 0


def overlap_ratio(a: Fragments, b: Fragments) -> float:
    """Shared characters over the longer of the two spans: 1.0 for identical spans, and at
    least 0.5 only when each span is at least half covered by the other."""
    longest = max(length(a), length(b))
    return overlap(a, b) / longest if longest else 0.0


def match(
    gold: Sequence[G],
    pred: Sequence[P],
    weight: Callable[[G, P], float],
) -> list[tuple[int, int]]:
    """Pair gold and predicted items one-to-one, best pairs first (greedy on ``weight``).

    A pair is allowed when ``weight`` is positive. Ties are broken by position, so the
    result is deterministic. Returns ``(gold_index, pred_index)`` pairs in gold order.
    """
    candidates = [
        (-w, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if (w := weight(g, p)) > 0
    ]
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


def align(text: str, start: int, end: int, surface: str) -> Range | None:
    """The range of ``surface`` at or next to ``[start, end)``: gold files with off-by-one
    offsets are repaired, anything else is ``None`` (and the caller counts it)."""
    for shift in (0, -1, 1):
        s, e = start + shift, end + shift
        if s >= 0 and text[s:e] == surface:
            return s, e
    return None


def find(text: str, surface: str, after: int = 0) -> Range | None:
    """First occurrence of ``surface`` in ``text`` from ``after`` (then from the start)."""
    if not surface:
        return None
    at = text.find(surface, after)
    if at < 0:
        at = text.find(surface)
    return None if at < 0 else (at, at + len(surface))
