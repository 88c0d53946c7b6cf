"""Counters for precision/recall/F1 and accuracy, and the metrics they report.

Undefined ratios (precision with no prediction, recall with no gold) are 0.0, as in most
evaluation scripts; the supports printed beside them show why.
"""

from __future__ import annotations

from dataclasses import dataclass

from wirescope.evaluate.results import Metric


def ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


@dataclass(slots=True)
class PRF:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, *, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def add_matched(self, gold: int, pred: int, matched: int) -> None:
        """Count one document: ``matched`` of ``gold`` items were found among ``pred``."""
        self.add(tp=matched, fp=pred - matched, fn=gold - matched)

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.gold)

    @property
    def f1(self) -> float:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def metrics(self, field: str) -> tuple[Metric, ...]:
        return (
            Metric(field=field, measure="precision", value=self.precision,
                   support=self.predicted, gated=False),
            Metric(field=field, measure="recall", value=self.recall, support=self.gold,
                   gated=False),
            Metric(field=field, measure="f1", value=self.f1, support=self.gold),
        )


@dataclass(slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def value(self) -> float:
        return ratio(self.correct, self.total)

    def metric(self, field: str, measure: str = "accuracy") -> Metric:
        return Metric(field=field, measure=measure, value=self.value, support=self.total)
