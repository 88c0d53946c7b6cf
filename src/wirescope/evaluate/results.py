"""What scoring produces: metrics, misses (for error analysis) and one result per set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from wirescope.evaluate.spans import Range


@dataclass(frozen=True, slots=True, kw_only=True)
class Metric:
    """One number: ``field`` is what is scored (``toponyms.overlap``), ``measure`` how
    (``f1``). ``value`` is ``None`` when undefined (a median over nothing). ``support`` is
    the count the value is computed over. ``gated`` metrics get floors in the baseline."""

    field: str
    measure: str
    value: float | None
    support: int
    higher_is_better: bool = True
    gated: bool = True

    @property
    def key(self) -> str:
        return f"{self.field}.{self.measure}"

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key, "field": self.field, "measure": self.measure,
            "value": self.value, "support": self.support,
            "higher_is_better": self.higher_is_better, "gated": self.gated,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Miss:
    """A gold item the pipeline got wrong (or a prediction with no gold), with where it is.

    ``severity`` orders misses for ``--show-errors``: larger is worse."""

    document_id: str
    text: str
    field: str
    expected: str
    got: str
    span: Range | None = None
    severity: float = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Scored:
    metrics: tuple[Metric, ...]
    misses: tuple[Miss, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class SetResult:
    name: str
    path: str
    items: int
    total: int
    failures: tuple[str, ...]
    seconds: float
    scored: Scored
    cached: int = 0
    limit: int | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def metrics(self) -> Sequence[Metric]:
        return self.scored.metrics

    def metric(self, key: str) -> Metric | None:
        return next((m for m in self.scored.metrics if m.key == key), None)

    def as_json(self) -> dict[str, Any]:
        return {
            "set": self.name, "path": self.path, "items": self.items, "total": self.total,
            "limit": self.limit, "failures": list(self.failures), "cached": self.cached,
            "seconds": round(self.seconds, 2),
            "metrics": [m.as_json() for m in self.metrics],
            "notes": [*self.notes, *self.scored.notes],
        }
