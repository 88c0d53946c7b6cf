from __future__ import annotations

import pytest

from wirescope.evaluate.metrics import PRF, Accuracy


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        # (gold, predicted, matched) per document -> (precision, recall, f1)
        ([(4, 2, 2)], (1.0, 0.5, 2 / 3)),
        ([(2, 4, 1)], (0.25, 0.5, 1 / 3)),
        ([(3, 0, 0)], (0.0, 0.0, 0.0)),  # no predictions
        ([(0, 3, 0)], (0.0, 0.0, 0.0)),  # no gold
        ([(0, 0, 0)], (0.0, 0.0, 0.0)),  # nothing at all: undefined ratios are 0
        ([(2, 2, 2), (2, 0, 0)], (1.0, 0.5, 2 / 3)),  # summed over documents (micro)
    ],
)
def test_metrics_prf(counts: list[tuple[int, int, int]], expected: tuple[float, float, float]
                     ) -> None:
    prf = PRF()
    for gold, predicted, matched in counts:
        prf.add_matched(gold, predicted, matched)
    assert (prf.precision, prf.recall, prf.f1) == pytest.approx(expected)


def test_metrics_prf_reports_supports_and_gates_only_f1() -> None:
    prf = PRF(tp=1, fp=2, fn=3)
    by = {m.measure: m for m in prf.metrics("place")}
    assert (by["precision"].support, by["recall"].support, by["f1"].support) == (3, 4, 4)
    assert [m.key for m in by.values() if m.gated] == ["place.f1"]


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [([True, False, True, True], 0.75), ([False], 0.0), ([], 0.0)],
)
def test_metrics_accuracy(outcomes: list[bool], expected: float) -> None:
    acc = Accuracy()
    for ok in outcomes:
        acc.add(ok)
    metric = acc.metric("date")
    assert (metric.value, metric.support, metric.key) == (expected, len(outcomes),
                                                          "date.accuracy")
