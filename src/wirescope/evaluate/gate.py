"""The quality gate: floors per set and metric in ``eval_baseline.json``.

A floor holds for a higher-is-better measure (F1, accuracy, acc@161); a *ceiling* for a
lower-is-better one (median km, AUC). Each set records the sample ``limit`` its bounds were
measured on, and the gate re-runs exactly that sample. Bounds only move one way on their own:
:func:`raise_bounds` tightens them when scores went up; loosening one takes
:func:`lower_bound` with a reason, which is kept in the file's ``changes`` log.

Bounds sit a little below (above) the measured value: floored to two decimals, then 0.01
lower, so that harmless platform noise does not break CI.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from wirescope.errors import UsageError
from wirescope.evaluate.geo import MAX_ERROR_KM
from wirescope.evaluate.results import Metric, SetResult

SCHEMA = "wirescope-eval-baseline/1"
DEFAULT_PATH = Path("eval_baseline.json")
ABOUT = (
    "Quality floors (ceilings for lower-is-better measures) per evaluation set and metric, "
    "each measured on the first `limit` items sampled by `wirescope evaluate`. Checked by "
    "`wirescope evaluate --gate` (and by tests/evaluate/test_gate.py in CI). Raise with "
    "`wirescope evaluate --raise-floors`; lower only with `wirescope evaluate --lower-floor "
    "SET.METRIC --reason TEXT`, which records the reason under `changes`."
)
Kind = Literal["floor", "ceiling"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Bound:
    kind: Kind
    value: float

    def holds(self, measured: float | None) -> bool:
        if measured is None:
            return False
        return measured >= self.value if self.kind == "floor" else measured <= self.value

    def tighter(self, other: Bound) -> bool:
        return self.value > other.value if self.kind == "floor" else self.value < other.value


@dataclass(slots=True)
class SetBaseline:
    limit: int | None
    bounds: dict[str, Bound] = field(default_factory=dict)


@dataclass(slots=True)
class Baseline:
    sets: dict[str, SetBaseline] = field(default_factory=dict)
    changes: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class Breach:
    set: str
    key: str
    bound: Bound
    measured: float | None

    def describe(self) -> str:
        got = "not measured" if self.measured is None else f"{self.measured:.4f}"
        word = ">=" if self.bound.kind == "floor" else "<="
        return f"{self.set}.{self.key} = {got}, {self.bound.kind} is {word} {self.bound.value}"


def bound_for(metric: Metric) -> Bound | None:
    """A bound a little looser than the measured value; ``None`` if nothing was measured."""
    if metric.value is None:
        return None
    if metric.higher_is_better:
        value = max(0.0, math.floor(metric.value * 100) / 100 - 0.01)
        return Bound(kind="floor", value=round(value, 2))
    if metric.measure == "failed":  # no slack: one more crash is a regression
        return Bound(kind="ceiling", value=math.ceil(metric.value * 10000) / 10000)
    if metric.measure == "median_km":
        km = min(MAX_ERROR_KM, math.ceil(metric.value * 1.05 + 1))
        return Bound(kind="ceiling", value=float(km))
    return Bound(kind="ceiling",
                 value=min(1.0, round(math.ceil(metric.value * 100) / 100 + 0.01, 2)))


def read(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise UsageError(f"no baseline at {path}",
                         hint="create it with `wirescope evaluate --raise-floors`") from None
    if data.get("schema") != SCHEMA:
        raise UsageError(f"{path} is not a {SCHEMA} file")
    baseline = Baseline(changes=list(data.get("changes", [])))
    for name, entry in data.get("sets", {}).items():
        bounds = {k: Bound(kind="floor", value=float(v))
                  for k, v in entry.get("floors", {}).items()}
        bounds.update({k: Bound(kind="ceiling", value=float(v))
                       for k, v in entry.get("ceilings", {}).items()})
        baseline.sets[name] = SetBaseline(limit=entry.get("limit"), bounds=bounds)
    return baseline


def _entry(entry: SetBaseline) -> dict[str, Any]:
    ordered = sorted(entry.bounds.items())
    return {
        "limit": entry.limit,
        "floors": {k: b.value for k, b in ordered if b.kind == "floor"},
        "ceilings": {k: b.value for k, b in ordered if b.kind == "ceiling"},
    }


def write(path: Path, baseline: Baseline) -> None:
    data = {
        "schema": SCHEMA,
        "about": ABOUT,
        "sets": {name: _entry(entry) for name, entry in baseline.sets.items()},
        "changes": baseline.changes,
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")


def check(baseline: Baseline, results: Sequence[SetResult]) -> list[Breach]:
    """Every bound of every evaluated set that the results break (or no longer measure)."""
    breaches = []
    for result in results:
        entry = baseline.sets.get(result.name)
        if entry is None:
            continue
        for key, bound in entry.bounds.items():
            metric = result.metric(key)
            measured = metric.value if metric else None
            if not bound.holds(measured):
                breaches.append(Breach(set=result.name, key=key, bound=bound,
                                       measured=measured))
    return breaches


def _log(baseline: Baseline, set_name: str, key: str, old: Bound | None, new: Bound,
         reason: str) -> None:
    baseline.changes.append({
        "date": dt.date.today().isoformat(), "metric": f"{set_name}.{key}", "kind": new.kind,
        "from": None if old is None else old.value, "to": new.value, "reason": reason,
    })


def raise_bounds(baseline: Baseline, results: Sequence[SetResult]) -> list[str]:
    """Tighten bounds where scores went up and add bounds for newly measured metrics.
    Returns what changed; never loosens a bound."""
    changed = []
    for result in results:
        entry = baseline.sets.setdefault(result.name, SetBaseline(limit=result.limit))
        for metric in result.metrics:
            new = bound_for(metric)
            if not metric.gated or new is None:
                continue
            old = entry.bounds.get(metric.key)
            if old is None or (old.kind == new.kind and new.tighter(old)):
                entry.bounds[metric.key] = new
                if old is not None:
                    _log(baseline, result.name, metric.key, old, new, "raised: scores went up")
                verb = "added" if old is None else f"raised from {old.value}"
                changed.append(f"{result.name}.{metric.key}: {verb} to {new.value}")
    return changed


def lower_bound(baseline: Baseline, results: Sequence[SetResult], target: str,
                reason: str) -> str:
    """Loosen the bound ``SET.METRIC`` to the measured value, recording ``reason``."""
    if not reason.strip():
        raise UsageError("lowering a floor needs a reason",
                         hint='add --reason "why this score may drop"')
    set_name, _, key = target.partition(".")
    result = next((r for r in results if r.name == set_name), None)
    entry = baseline.sets.get(set_name)
    if result is None or entry is None or key not in entry.bounds:
        raise UsageError(f"no bound {target!r} in the baseline",
                         hint="name it as SET.FIELD.MEASURE, e.g. re3d.typed.f1")
    metric = result.metric(key)
    new = bound_for(metric) if metric else None
    old = entry.bounds[key]
    if new is None:
        del entry.bounds[key]
        baseline.changes.append({"date": dt.date.today().isoformat(), "metric": target,
                                 "kind": old.kind, "from": old.value, "to": None,
                                 "reason": reason})
        return f"{target}: {old.value} -> removed (no longer measured)"
    if not old.tighter(new):
        return f"{target}: {old.value} already holds ({metric.value if metric else None})"
    entry.bounds[key] = new
    _log(baseline, set_name, key, old, new, reason)
    return f"{target}: {old.value} -> {new.value}"
