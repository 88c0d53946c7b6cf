from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirescope.errors import UsageError
from wirescope.evaluate import gate, run
from wirescope.evaluate.locate import find_folder
from wirescope.evaluate.results import Metric, Scored, SetResult
from wirescope.evaluate.sets import NAMES, SETS
from wirescope.pipeline import Pipeline

BASELINE = Path(__file__).resolve().parents[2] / "eval_baseline.json"


def _result(f1: float | None, median: float | None = 120.0, name: str = "re3d") -> SetResult:
    metrics = (
        Metric(field="typed", measure="precision", value=0.9, support=10, gated=False),
        Metric(field="typed", measure="f1", value=f1, support=10),
        Metric(field="geocoding", measure="median_km", value=median, support=10,
               higher_is_better=False),
    )
    return SetResult(name=name, path="x", items=10, total=10, failures=(), seconds=0.0,
                     scored=Scored(metrics=metrics), limit=10)


def _baseline(floor: float = 0.5, ceiling: float = 200.0) -> gate.Baseline:
    return gate.Baseline(sets={"re3d": gate.SetBaseline(limit=10, bounds={
        "typed.f1": gate.Bound(kind="floor", value=floor),
        "geocoding.median_km": gate.Bound(kind="ceiling", value=ceiling),
    })})


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        (Metric(field="f", measure="f1", value=0.4567, support=1), ("floor", 0.44)),
        (Metric(field="f", measure="f1", value=0.0, support=1), ("floor", 0.0)),
        (Metric(field="f", measure="f1", value=1.0, support=1), ("floor", 0.99)),
        (Metric(field="g", measure="median_km", value=100.0, support=1,
                higher_is_better=False), ("ceiling", 106.0)),
        (Metric(field="g", measure="auc", value=0.334, support=1, higher_is_better=False),
         ("ceiling", 0.35)),
        (Metric(field="g", measure="auc", value=1.0, support=1, higher_is_better=False),
         ("ceiling", 1.0)),
        (Metric(field="documents", measure="failed", value=0.0, support=9,
                higher_is_better=False), ("ceiling", 0.0)),
        (Metric(field="documents", measure="failed", value=1 / 3, support=9,
                higher_is_better=False), ("ceiling", 0.3334)),
    ],
)
def test_gate_bound_for_is_a_little_looser(metric: Metric, expected: tuple[str, float]) -> None:
    bound = gate.bound_for(metric)
    assert bound is not None and (bound.kind, bound.value) == expected


def test_gate_bound_for_unmeasured() -> None:
    assert gate.bound_for(Metric(field="g", measure="auc", value=None, support=0)) is None


def test_gate_fails_when_a_score_drops_below_its_floor() -> None:
    assert gate.check(_baseline(), [_result(0.6)]) == []
    (breach,) = gate.check(_baseline(), [_result(0.4)])
    assert breach.describe() == "re3d.typed.f1 = 0.4000, floor is >= 0.5"
    (worse,) = gate.check(_baseline(), [_result(0.6, median=250.0)])
    assert worse.describe() == "re3d.geocoding.median_km = 250.0000, ceiling is <= 200.0"
    (gone,) = gate.check(_baseline(), [_result(None)])
    assert gone.describe() == "re3d.typed.f1 = not measured, floor is >= 0.5"
    assert gate.check(_baseline(), [_result(0.1, name="other")]) == []  # not gated


def test_gate_raise_bounds_only_tightens() -> None:
    baseline = _baseline(floor=0.5, ceiling=200.0)
    changed = gate.raise_bounds(baseline, [_result(0.3, median=50.0)])
    bounds = baseline.sets["re3d"].bounds
    assert bounds["typed.f1"].value == 0.5  # a lower score does not lower the floor
    assert bounds["geocoding.median_km"].value == 54.0
    assert "typed.precision" not in bounds  # precision and recall are not gated
    assert changed == ["re3d.geocoding.median_km: raised from 200.0 to 54.0"]
    gate.raise_bounds(baseline, [_result(0.8)])
    assert bounds["typed.f1"].value == 0.79
    assert [c["reason"] for c in baseline.changes] == ["raised: scores went up"] * 2


def test_gate_lower_bound_needs_a_reason_and_records_it() -> None:
    baseline = _baseline(floor=0.5)
    with pytest.raises(UsageError, match="reason"):
        gate.lower_bound(baseline, [_result(0.3)], "re3d.typed.f1", " ")
    with pytest.raises(UsageError, match="no bound"):
        gate.lower_bound(baseline, [_result(0.3)], "re3d.typed.nothing", "why")
    message = gate.lower_bound(baseline, [_result(0.3)], "re3d.typed.f1", "new tokenizer")
    assert message == "re3d.typed.f1: 0.5 -> 0.29"
    assert baseline.sets["re3d"].bounds["typed.f1"].value == 0.29
    assert baseline.changes[-1]["reason"] == "new tokenizer"
    assert baseline.changes[-1]["from"] == 0.5 and baseline.changes[-1]["to"] == 0.29


def test_gate_write_read_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    baseline = _baseline()
    baseline.changes.append({"metric": "re3d.typed.f1", "reason": "x"})
    gate.write(path, baseline)
    data = json.loads(path.read_text("utf-8"))
    assert data["sets"]["re3d"] == {"limit": 10, "floors": {"typed.f1": 0.5},
                                    "ceilings": {"geocoding.median_km": 200.0}}
    again = gate.read(path)
    assert again.sets["re3d"].bounds == baseline.sets["re3d"].bounds
    assert again.changes == baseline.changes


def test_gate_read_rejects_other_files(tmp_path: Path) -> None:
    path = tmp_path / "other.json"
    path.write_text('{"schema": "something/else"}', "utf-8")
    with pytest.raises(UsageError):
        gate.read(path)
    with pytest.raises(UsageError, match="no baseline"):
        gate.read(tmp_path / "missing.json")


def test_gate_baseline_covers_every_set() -> None:
    baseline = gate.read(BASELINE)
    assert set(baseline.sets) == set(NAMES)
    assert all(entry.limit and entry.bounds for entry in baseline.sets.values())


@pytest.mark.model
def test_gate_holds_on_the_real_data(pipeline: Pipeline) -> None:
    """The CI gate: each set's baseline sample through the real pipeline, every floor held."""
    folder = find_folder()
    if folder is None or not folder.is_dir():
        pytest.skip("evaluation data absent: ../shared/eval not beside the checkout and "
                    "WIRESCOPE_EVAL unset")
    baseline = gate.read(BASELINE)
    limits = {name: entry.limit for name, entry in baseline.sets.items()}
    results = run.evaluate([s for s in SETS if s.name in limits], pipeline, folder,
                           limits=limits)
    breaches = gate.check(baseline, results)
    assert not breaches, "floors broken:\n" + "\n".join(b.describe() for b in breaches)
