from __future__ import annotations

import math

import pytest

from wirescope.evaluate import geo
from wirescope.geo import distance_km


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((0.0, 0.0), (0.0, 1.0), 111.195),  # one degree of longitude on the equator
        ((36.2021, 37.1343), (36.2021, 37.1343), 0.0),
        ((90.0, 0.0), (-90.0, 0.0), 20015.1),  # pole to pole
    ],
)
def test_geo_distance_km(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert distance_km(*a, *b) == pytest.approx(km, abs=0.1)


@pytest.mark.parametrize(
    ("errors", "acc", "median"),
    [([0.0, 100.0, 161.0, 500.0], 0.75, 130.5), ([1000.0], 0.0, 1000.0), ([], 0.0, None)],
)
def test_geo_accuracy_and_median(errors: list[float], acc: float, median: float | None
                                 ) -> None:
    assert geo.accuracy_within(errors) == acc
    assert geo.median_error(errors) == median


@pytest.mark.parametrize(
    ("errors", "expected"),
    [
        ([], None),
        ([0.0], 0.0),
        ([geo.MAX_ERROR_KM], 1.0),
        ([0.0, geo.MAX_ERROR_KM], 0.5),  # one trapezoid from 0 to 1
        ([99.0, 0.0, 99.0], 0.75 * math.log(100) / math.log1p(geo.MAX_ERROR_KM)),
        ([1e9], 1.0),  # errors beyond the worst possible are capped
    ],
)
def test_geo_auc(errors: list[float], expected: float | None) -> None:
    result = geo.auc(errors)
    assert result == (None if expected is None else pytest.approx(expected))


def test_geo_metrics_directions() -> None:
    by = {m.measure: m for m in geo.metrics("geocoding", [10.0, 300.0])}
    assert by["acc161"].value == 0.5 and by["acc161"].higher_is_better
    assert by["median_km"].value == 155.0 and not by["median_km"].higher_is_better
    assert not by["auc"].higher_is_better
