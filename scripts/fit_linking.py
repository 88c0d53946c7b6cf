"""Fit the weights of cross-article incident linking (``src/wirescope/resolve/linking.json``).

Reads the development split of ``../shared/eval/incidents`` (articles labelled with the
incident they report), extracts them with the default pipeline (or reuses the evaluation
cache), and takes every pair of article lead reports that blocking would compare (the same
family, reference days within the window, or a person in common) and no cannot-link rule
keeps apart. A logistic regression (Newton's method, a small ridge) over the features of
:func:`wirescope.resolve.link.features` then gives the log-odds weights and bias; ``name``
(a person both reports name in full) is then fitted alone, the others held at their
values: fitted jointly, names and words share their evidence and the weights swing.

    .venv/bin/python scripts/fit_linking.py --name-only  # refit only the name weight

    .venv/bin/python scripts/fit_linking.py            # print the fitted weights
    .venv/bin/python scripts/fit_linking.py --write    # and write linking.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from wirescope.config import Settings
from wirescope.evaluate.cache import DEFAULT_DIR, RecordCache
from wirescope.evaluate.load.incidents import load
from wirescope.evaluate.run import records_for
from wirescope.pipeline import Pipeline
from wirescope.resolve import embed
from wirescope.resolve.index import MemoryIndex
from wirescope.resolve.link import WINDOW, cannot_link, features, names
from wirescope.resolve.reports import Report, reports

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "wirescope" / "resolve" / "linking.json"
# ``people`` is a blocking key, not a weight: the names are among the terms already, and
# fitted beside them its weight comes out below zero.
NAMES = ("place", "setting", "day", "day_near", "killed", "age", "terms", "core", "place_apart",
         "day_apart", "published_before")


def lead_reports(eval_dir: Path) -> tuple[list[Report], dict[str, str]]:
    items = load(eval_dir / "incidents" / "gva_dev.jsonl")
    pipeline = Pipeline.from_settings(Settings())
    cache = RecordCache(ROOT / DEFAULT_DIR, pipeline.signature)
    records, _, _ = records_for([i.document for i in items], pipeline, cache=cache,
                                set_name="incidents")
    gold = {i.document.id: i.incident.id for i in items}
    embedder = embed.default()
    leads = [r for record in records.values() for r in reports(record, embedder) if r.lead]
    return leads, gold


def pairs(leads: list[Report]) -> list[tuple[Report, Report]]:
    by_day: dict[tuple[str, int], list[Report]] = defaultdict(list)
    by_person: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for r in leads:
        if r.reference_day:
            by_day[(r.family, dt.date.fromisoformat(r.reference_day).toordinal())].append(r)
        for person in r.people:
            by_person[(r.family, person)].append(r)
    found: dict[tuple[str, str], tuple[Report, Report]] = {}
    for r in leads:
        others: list[Report] = []
        if r.reference_day:
            center = dt.date.fromisoformat(r.reference_day).toordinal()
            for day in range(center - WINDOW, center + WINDOW + 1):
                others += by_day.get((r.family, day), [])
        for person in r.people:
            others += by_person.get((r.family, person), [])
        for o in others:
            # (every name in full counted as identifying: the fit sees no index)
            if o.document < r.document and not cannot_link(r, o, names(r.people)):
                found[(r.document, o.document)] = (r, o)
    return list(found.values())


def fit(x: np.ndarray, y: np.ndarray, ridge: float = 1e-3) -> np.ndarray:
    x = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + ridge * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, x.T @ (p - y) + ridge * w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fit_offset(score: np.ndarray, x: np.ndarray, y: np.ndarray) -> float:
    """The weight of one feature ``x`` added to a fixed log-odds ``score`` (Newton's method)."""
    v = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(score + v * x)))
        step = float(((p - y) * x).sum() / ((p * (1 - p) * x * x).sum() + 1e-6))
        v -= step
        if abs(step) < 1e-8:
            break
    return v


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--write", action="store_true", help="write linking.json")
    parser.add_argument("--name-only", action="store_true",
                        help="keep the weights of linking.json, refit the name weight")
    args = parser.parse_args()
    leads, gold = lead_reports(args.eval)
    index = MemoryIndex()
    for report in leads:
        index.add(report.local, report)  # document frequencies over the whole set
    found = pairs(leads)
    table = [features(a, b, index.similarity) for a, b in found]
    y = np.array([1.0 if gold[a.document] == gold[b.document] else 0.0 for a, b in found])
    data = json.loads(TARGET.read_text("utf-8"))
    print(f"{int(y.sum())} same-incident and {int(len(y) - y.sum())} other pairs")
    plain = fitted(table, y, NAMES, data, args.name_only)
    print(json.dumps(plain, indent=2))
    embedded = None
    if all("emb" in f for f in table):
        embedded = fitted(table, y, (*NAMES, "emb"), data.get("embedded", {}), args.name_only)
        print("with embeddings:", json.dumps(embedded, indent=2))
    else:
        print("no embedder installed: the weights with embeddings are left as they are")
    if args.write:
        data.update(plain)
        if embedded is not None:
            data["embedded"] = embedded
        TARGET.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")


def fitted(table: list[dict[str, float]], y: np.ndarray, features: tuple[str, ...],
           old: dict, name_only: bool) -> dict:
    """Bias and weights over ``features``; ``name`` fitted alone after them."""
    if name_only:
        bias, weights = float(old["bias"]), dict(old["weights"])
    else:
        w = fit(np.array([[f.get(n, 0.0) for n in features] for f in table]), y)
        bias = round(float(w[-1]), 2)
        weights = {name: round(float(v), 2) for name, v in zip(features, w[:-1], strict=True)}
    score = np.array([bias + sum(weights.get(n, 0.0) * f.get(n, 0.0) for n in features)
                      for f in table])
    weights["name"] = round(fit_offset(score, np.array([f.get("name", 0.0) for f in table]), y), 2)
    return {"bias": bias, "weights": weights}


if __name__ == "__main__":
    main()
