"""Geocoding error measures after Gritta et al. (2018, "What's missing in geoparsing?"):
accuracy within 161 km (100 miles), median error, and the area under the curve of the
log-scaled error (0 is perfect, 1 is every answer on the far side of the Earth)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from itertools import pairwise

from wirescope.evaluate.results import Metric

MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the worst possible answer
WITHIN_KM = 161.0


def accuracy_within(errors: Sequence[float], km: float = WITHIN_KM) -> float:
    return sum(1 for e in errors if e <= km) / len(errors) if errors else 0.0


def median_error(errors: Sequence[float]) -> float | None:
    return statistics.median(errors) if errors else None


def auc(errors: Sequence[float]) -> float | None:
    """Area under the sorted curve of ``ln(1 + error) / ln(1 + MAX_ERROR_KM)`` over [0, 1]
    (trapezoids). Lower is better; one error gives its own scaled value."""
    if not errors:
        return None
    scale = math.log1p(MAX_ERROR_KM)
    ys = [math.log1p(min(e, MAX_ERROR_KM)) / scale for e in sorted(errors)]
    if len(ys) == 1:
        return ys[0]
    return sum((a + b) / 2 for a, b in pairwise(ys)) / (len(ys) - 1)


def metrics(field: str, errors: Sequence[float]) -> tuple[Metric, ...]:
    n = len(errors)
    return (
        Metric(field=field, measure="acc161", value=accuracy_within(errors), support=n),
        Metric(field=field, measure="median_km", value=median_error(errors), support=n,
               higher_is_better=False),
        Metric(field=field, measure="auc", value=auc(errors), support=n,
               higher_is_better=False),
    )
