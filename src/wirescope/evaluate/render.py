"""The scoreboard as a plain-text table, Markdown or JSON, and the worst misses in context."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from wirescope.evaluate.results import Metric, Miss, SetResult

# (column title, measure) in display order; "n" is the support of recall/accuracy.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("P", "precision"), ("R", "recall"), ("F1", "f1"), ("acc", "accuracy"),
    ("acc@161", "acc161"), ("median km", "median_km"), ("AUC", "auc"), ("failed", "failed"),
)


def _fmt(metric: Metric | None) -> str:
    if metric is None:
        return ""
    if metric.value is None:
        return "n/a"
    if metric.measure == "median_km":
        return f"{metric.value:.0f}"
    return f"{metric.value:.3f}"


def rows(result: SetResult) -> tuple[list[str], list[list[str]]]:
    """Header and rows of one set: one row per field, only the columns the set uses."""
    fields: dict[str, dict[str, Metric]] = {}
    for metric in result.metrics:
        fields.setdefault(metric.field, {})[metric.measure] = metric
    used = [(t, m) for t, m in COLUMNS if any(m in by for by in fields.values())]
    header = ["field", *(t for t, _ in used), "n gold", "n pred"]
    body = []
    for field, by in fields.items():
        support = next((by[m].support for m in ("recall", "accuracy", "acc161", "failed")
                        if m in by), 0)
        predicted = by["precision"].support if "precision" in by else None
        body.append([field, *(_fmt(by.get(m)) for _, m in used), str(support),
                     "" if predicted is None else str(predicted)])
    return header, body


def _title(result: SetResult, timed: bool = True) -> str:
    """``name (path): n of N items, k failed`` and, when ``timed``, cache hits and seconds
    (left out of the Markdown page so that regenerating it only changes what changed)."""
    title = (f"{result.name} ({result.path}): {result.items} of {result.total} items, "
             f"{len(result.failures)} failed")
    if not timed:
        return title
    cached = f", {result.cached} cached" if result.cached else ""
    return f"{title}{cached}, {result.seconds:.1f} s"


def _notes(result: SetResult) -> list[str]:
    return [*result.notes, *result.scored.notes, *(f"failed: {f}" for f in result.failures)]


def table(results: Iterable[SetResult]) -> str:
    out = []
    for result in results:
        header, body = rows(result)
        widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
        out.append(_title(result))
        for row in [header, *body]:
            cells = [row[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(
                row[1:], widths[1:], strict=True))]
            out.append("  " + "  ".join(cells).rstrip())
        out += [f"  note: {n}" for n in _notes(result)]
        out.append("")
    return "\n".join(out)


def markdown(results: Sequence[SetResult], *, commands: Sequence[str], about: str,
             pipeline: str = "") -> str:
    out = ["# Evaluation scoreboard", "", about, ""]
    if pipeline:
        out += [f"Pipeline: `{pipeline}`", ""]
    out += ["Produced by:", "", "```", *commands, "```", ""]
    for result in results:
        header, body = rows(result)
        out += [f"## {result.name}", "", _title(result, timed=False), ""]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "|".join(["---", *("---:" for _ in header[1:])]) + "|")
        out += ["| " + " | ".join(row) + " |" for row in body]
        notes = _notes(result)
        if notes:
            out += ["", *(f"- {n}" for n in notes)]
        out.append("")
    return "\n".join(out)


def as_json(results: Sequence[SetResult], **extra: Any) -> str:
    payload = {"schema": "wirescope-eval/1", **extra,
               "sets": [r.as_json() for r in results]}
    return json.dumps(payload, indent=2, ensure_ascii=False)


def context(miss: Miss, width: int = 90) -> str:
    """The text around the miss, the gold span marked »like this«."""
    text = miss.text
    if miss.span is None:
        snippet = text[: 2 * width]
        return " ".join(snippet.split()) + ("…" if len(text) > 2 * width else "")
    start, end = miss.span
    left, right = max(0, start - width), min(len(text), end + width)
    snippet = f"{text[left:start]}»{text[start:end]}«{text[end:right]}"
    return ("…" if left else "") + " ".join(snippet.split()) + ("…" if right < len(text) else "")


def worst(misses: Sequence[Miss], n: int) -> list[Miss]:
    """The ``n`` worst misses, taking turns between fields so that each field shows."""
    by_field: dict[str, list[Miss]] = {}
    for miss in sorted(misses, key=lambda m: -m.severity):  # stable: ties keep their order
        by_field.setdefault(miss.field, []).append(miss)
    queues = list(by_field.values())
    chosen: list[Miss] = []
    while len(chosen) < n and any(queues):
        for queue in queues:
            if queue and len(chosen) < n:
                chosen.append(queue.pop(0))
    return chosen


def errors(result: SetResult, n: int) -> str:
    chosen = worst(result.scored.misses, n)
    if not chosen:
        return f"{result.name}: no misses"
    out = [f"{result.name}: {len(chosen)} of {len(result.scored.misses)} misses"]
    for miss in chosen:
        out.append(f"  [{miss.field}] {miss.document_id}: expected {miss.expected!r}, "
                   f"got {miss.got!r}")
        out.append(f"      {context(miss)}")
    return "\n".join(out)
