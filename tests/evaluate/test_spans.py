from __future__ import annotations

import pytest

from wirescope.evaluate.spans import Fragments, align, find, match, overlap, overlap_ratio


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (((0, 5),), ((0, 5),), 5),
        (((0, 5),), ((5, 9),), 0),  # touching is not overlapping
        (((0, 5),), ((3, 9),), 2),
        (((0, 5), (10, 15)), ((3, 12),), 4),  # discontinuous
        ((), ((0, 5),), 0),
    ],
)
def test_spans_overlap(a: Fragments, b: Fragments, expected: int) -> None:
    assert overlap(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (((0, 10),), ((0, 10),), 1.0),
        (((0, 10),), ((0, 5),), 0.5),
        (((0, 10),), ((0, 40),), 0.25),  # a long prediction covering the gold is not a match
        (((0, 10),), ((20, 30),), 0.0),
        ((), (), 0.0),
    ],
)
def test_spans_overlap_ratio(a: Fragments, b: Fragments, expected: float) -> None:
    assert overlap_ratio(a, b) == expected


def test_spans_match_is_one_to_one_and_prefers_the_best_pair() -> None:
    gold = [(0, 10), (12, 20)]
    pred = [(0, 4), (2, 10), (12, 13)]
    pairs = match(gold, pred, lambda g, p: overlap((g,), (p,)))
    assert pairs == [(0, 1), (1, 2)]


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [([], [(0, 1)], []), ([(0, 1)], [], []), ([(0, 1)], [(5, 6)], [])],
)
def test_spans_match_edge_cases(
    gold: list[tuple[int, int]], pred: list[tuple[int, int]], expected: list[tuple[int, int]]
) -> None:
    assert match(gold, pred, lambda g, p: overlap((g,), (p,))) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(4, 9, (4, 9)), (5, 10, (4, 9)), (3, 8, (4, 9)), (20, 25, None)],
)
def test_spans_align_repairs_off_by_one(
    start: int, end: int, expected: tuple[int, int] | None
) -> None:
    assert align("the Homs area", start, end, "Homs ") == expected


def test_spans_find_prefers_occurrence_after_offset() -> None:
    assert find("Iraq and Iraq", "Iraq", after=1) == (9, 13)
    assert find("Iraq", "Iraq", after=3) == (0, 4)
    assert find("Iraq", "Syria") is None
