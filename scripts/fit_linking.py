"""Fit the weights of cross-article incident linking (``src/wirescope/resolve/linking.json``).

Reads the development split of ``../shared/eval/incidents`` (articles labelled with the
incident they report), extracts them with the default pipeline (or reuses the evaluation
cache), and takes every pair of article lead reports that blocking would compare (the same
family, reference days within the window, or a person in common) and no cannot-link rule
keeps apart. A logistic regression (Newton's method, a ridge of :data:`RIDGE` on every weight
but the bias) over the features of :func:`wirescope.resolve.link.features` then gives the
log-odds: a weight for each feature that is there or not (:data:`NAMES`); a piecewise-linear
curve for each graded one (:data:`CURVES`: the cosines and the days between the reports,
fitted as one weight per step between two knots, each step weighing the same way — more
alike words never count against a link, more days apart never for it); and a weight for
each pair of features that says more together than apart (:data:`PAIRS`). The curves'
knots and the pairs are chosen here, once, not per run.

    .venv/bin/python scripts/fit_linking.py            # print the fitted weights
    .venv/bin/python scripts/fit_linking.py --write    # and write linking.json
    .venv/bin/python scripts/fit_linking.py --folds 5  # and score each model on held-out
                                                       # incidents (average precision)
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
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
NAMES = ("place", "setting", "day", "day_near", "killed", "age", "place_apart", "day_apart",
         "published_before", "name")
_COSINE = (0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0)
CURVES = {"terms": _COSINE, "core": _COSINE, "emb": (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 1.0),
          "gap": (0.0, 1.0, 2.0, 3.0, 5.0, 7.0, 14.0, 30.0)}
PAIRS = ("setting&name", "setting&day_apart", "setting&place")
RIDGE = 0.1

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


def ramps(value: float | None, knots: tuple[float, ...]) -> list[float]:
    """The value as how far it has climbed each step between two knots (0..1): a curve is
    the sum of its steps' weights times these, so a curve whose steps all weigh the same
    way is monotone; none for a feature the pair does not have."""
    if value is None:
        return [0.0] * (len(knots) - 1)
    return [min(max((value - knots[i - 1]) / (knots[i] - knots[i - 1]), 0.0), 1.0)
            for i in range(1, len(knots))]


def design(table: list[dict[str, float]], embedded: bool) -> np.ndarray:
    rows = []
    for f in table:
        row = [f.get(n, 0.0) for n in NAMES]
        for c in curves(embedded):
            row += ramps(f.get(c), CURVES[c])
        for p in pairs_of(embedded):
            first, second = p.split("&")
            row.append(f.get(first, 0.0) * f.get(second, 0.0))
        rows.append(row)
    return np.array(rows)


def fit(x: np.ndarray, y: np.ndarray, signs: np.ndarray, ridge: float = RIDGE) -> np.ndarray:
    """Weights and, last, the bias (not penalised). ``signs``: per column, +1 or -1 where
    the weight may not have the other sign (a curve's steps: more alike words never count
    against a link, more days apart never for it), 0 where it is free. A step fitted the
    wrong way is held at 0 and the rest refitted, until none is."""
    x = np.hstack([x, np.ones((len(x), 1))])
    signs = np.append(signs, 0.0)
    held = np.zeros(x.shape[1], dtype=bool)
    while True:
        w = _newton(x, y, ridge, held)
        wrong = (signs * w < 0) & ~held
        if not wrong.any():
            return w
        held |= wrong


def _newton(x: np.ndarray, y: np.ndarray, ridge: float, held: np.ndarray) -> np.ndarray:
    free = ~held
    xs = x[:, free]
    penalty = ridge * np.eye(xs.shape[1])
    penalty[-1, -1] = 0.0  # the bias (always free, always last)
    v = np.zeros(xs.shape[1])
    for _ in range(100):
        p = 1 / (1 + np.exp(-xs @ v))
        hessian = xs.T @ (xs * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, xs.T @ (p - y) + penalty @ v)
        v -= step
        if np.abs(step).max() < 1e-8:
            break
    w = np.zeros(x.shape[1])
    w[free] = v
    return w


def signs(embedded: bool) -> np.ndarray:
    """The sign each column's weight must keep (see :func:`fit`)."""
    out = [0.0] * len(NAMES)
    for c in curves(embedded):
        out += [-1.0 if c == "gap" else 1.0] * (len(CURVES[c]) - 1)
    return np.array(out + [0.0] * len(pairs_of(embedded)))


def curves(embedded: bool) -> list[str]:
    return [c for c in CURVES if embedded or c != "emb"]


def pairs_of(embedded: bool) -> list[str]:
    return [p for p in PAIRS if embedded or "emb" not in p]


def as_weights(w: np.ndarray, embedded: bool) -> dict:
    """The fitted vector as ``linking.json`` holds it."""
    values = iter(float(v) for v in w[:-1])
    out: dict = {"bias": round(float(w[-1]), 3)}
    out["weights"] = {n: round(next(values), 3) for n in NAMES}
    out["curves"] = {}
    for c in curves(embedded):
        steps = [next(values) for _ in CURVES[c][1:]]
        out["curves"][c] = {"knots": list(CURVES[c]),
                            "values": [0.0, *(round(v, 3) for v in np.cumsum(steps))]}
    out["pairs"] = {p: round(next(values), 3) for p in pairs_of(embedded)}
    return out


def held_out(x: np.ndarray, y: np.ndarray, sign: np.ndarray, groups: list[tuple[str, str]],
             folds: int) -> float:
    """Average precision of the model on pairs whose incidents it was not fitted on (each
    pair's fold is its first report's gold incident's)."""
    def fold(g: str) -> int:
        return int(hashlib.md5(g.encode()).hexdigest(), 16) % folds
    first = np.array([fold(a) for a, _ in groups])
    second = np.array([fold(b) for _, b in groups])
    scores = np.zeros(len(y))
    for f in range(folds):
        train, test = (first != f) & (second != f), first == f
        w = fit(x[train], y[train], sign)
        scores[test] = x[test] @ w[:-1] + w[-1]
    order = np.argsort(-scores)
    hits = y[order]
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float((precision * hits).sum() / max(hits.sum(), 1.0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--write", action="store_true", help="write linking.json")
    parser.add_argument("--folds", type=int, default=0,
                        help="also score the model on held-out incidents, in this many folds")
    args = parser.parse_args()
    leads, gold = lead_reports(args.eval)
    index = MemoryIndex()
    for report in leads:
        index.add(report.local, report)  # document frequencies over the whole set
    found = pairs(leads)
    table = [features(a, b, index.similarity) for a, b in found]
    y = np.array([1.0 if gold[a.document] == gold[b.document] else 0.0 for a, b in found])
    groups = [(gold[a.document], gold[b.document]) for a, b in found]
    data = json.loads(TARGET.read_text("utf-8"))
    print(f"{int(y.sum())} same-incident and {int(len(y) - y.sum())} other pairs")
    fitted = {}
    for embedded in (False, True):
        if embedded and not all("emb" in f for f in table):
            print("no embedder installed: the weights with embeddings are left as they are")
            continue
        x = design(table, embedded)
        fitted[embedded] = as_weights(fit(x, y, signs(embedded)), embedded)
        print("with embeddings:" if embedded else "without embeddings:",
              json.dumps(fitted[embedded], indent=2))
        if args.folds:
            precision = held_out(x, y, signs(embedded), groups, args.folds)
            print(f"held-out average precision: {precision:.4f}")
    if args.write:
        if False in fitted:
            data.update(fitted[False])
        if True in fitted:
            data["embedded"] = fitted[True]
        data["version"] = 2
        TARGET.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
