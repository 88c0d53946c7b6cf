from __future__ import annotations

from pathlib import Path

import pytest

from tests.evaluate import fake
from wirescope.errors import SourceError
from wirescope.evaluate.cache import RecordCache
from wirescope.evaluate.run import evaluate, evaluate_set, sample
from wirescope.evaluate.sets import get


@pytest.mark.parametrize(
    ("size", "limit", "expected"),
    [(10, 3, [0, 3, 6]), (10, None, list(range(10))), (3, 5, [0, 1, 2]), (3, 0, []),
     (7, 2, [0, 3])],
)
def test_run_sample_is_spread_and_deterministic(size: int, limit: int | None,
                                                expected: list[int]) -> None:
    assert sample(list(range(size)), limit) == expected


def test_run_evaluate_set_records_failures_and_scores_them_as_empty(tmp_path: Path) -> None:
    result = evaluate_set(get("petrarch"), fake.pipeline(), fake.eval_folder(tmp_path))
    assert (result.items, result.total, result.limit) == (3, 3, None)
    assert len(result.failures) == 1 and "boom" in result.failures[0]
    assert result.metric("type.recall") is not None
    recall, failed = result.metric("type.recall"), result.metric("documents.failed")
    assert recall is not None and recall.support == 2
    assert failed is not None and (failed.value, failed.higher_is_better) == (1 / 3, False)


def test_run_evaluate_set_reuses_the_cache(tmp_path: Path) -> None:
    folder = fake.eval_folder(tmp_path / "eval")
    pipeline = fake.pipeline()
    cache = RecordCache(tmp_path / "cache", pipeline.signature)
    first = evaluate_set(get("petrarch"), pipeline, folder, cache=cache)
    second = evaluate_set(get("petrarch"), pipeline, folder, cache=cache)
    assert (first.cached, second.cached) == (0, 2)  # the failed document is never cached
    assert [m.as_json() for m in first.metrics] == [m.as_json() for m in second.metrics]
    other = RecordCache(tmp_path / "cache", pipeline.signature + "|entities.other.v1")
    assert evaluate_set(get("petrarch"), pipeline, folder, cache=other).cached == 0


def test_run_evaluate_limits_per_set_and_reports_each(tmp_path: Path) -> None:
    seen: list[str] = []
    results = evaluate([get("petrarch")], fake.pipeline(), fake.eval_folder(tmp_path),
                       limits={"petrarch": 1}, on_result=lambda r: seen.append(r.name))
    assert [r.items for r in results] == [1] and seen == ["petrarch"]


def test_run_evaluate_set_missing_data(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not found"):
        evaluate_set(get("timeml"), fake.pipeline(), tmp_path)
