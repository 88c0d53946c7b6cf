"""Run evaluation sets: load the gold, sample it, run the real pipeline (or reuse cached
output), score. The library entry point behind ``wirescope evaluate``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from wirescope.errors import MISSING_PATH, STORE_REFUSED, SourceError
from wirescope.evaluate.cache import RecordCache
from wirescope.evaluate.results import Metric, SetResult
from wirescope.evaluate.sets import EvalSet
from wirescope.pipeline import Pipeline
from wirescope.records import Document, DocumentRecord, Failure, Incident
from wirescope.store import SQLiteStore


def sample(items: Sequence[Any], limit: int | None,
           group: Callable[[Any], str] | None = None) -> list[Any]:
    """``limit`` items spread evenly over the set (deterministic); all when no limit. With
    ``group``, whole groups are taken (spread evenly over the groups), so that a corpus
    sample keeps every article of the incidents it holds."""
    if limit is None or limit >= len(items):
        return list(items)
    if limit <= 0:
        return []
    if group is None:
        step = len(items) / limit
        return [items[int(i * step)] for i in range(limit)]
    groups: dict[str, list[Any]] = {}
    for item in items:
        groups.setdefault(group(item), []).append(item)
    ordered = list(groups.values())
    chosen: list[Any] = []
    for i, members in enumerate(ordered):
        if len(chosen) < (i + 1) * limit / len(ordered):  # behind an even spread: take it
            chosen.extend(members)
    return chosen


def records_for(
    documents: Sequence[Document],
    pipeline: Pipeline,
    *,
    cache: RecordCache | None = None,
    set_name: str = "",
) -> tuple[dict[str, DocumentRecord], list[Failure], int]:
    """Records by document id (failed documents are missing), failures, and how many
    records came from the cache."""
    found = cache.get(set_name, documents) if cache else {}
    cached = len(found)
    todo = [d for d in documents if d.id not in found]
    failures: list[Failure] = []
    fresh: list[DocumentRecord] = []
    for outcome in pipeline.run(todo):
        if isinstance(outcome, Failure):
            failures.append(outcome)
        else:
            fresh.append(outcome)
            found[outcome.document.id] = outcome
    if cache and fresh:
        cache.put(set_name, fresh)
    return found, failures, cached


def as_corpus(records: Iterable[DocumentRecord]
              ) -> tuple[dict[str, DocumentRecord], list[Incident], list[Failure]]:
    """Ingest records into a fresh in-memory store, in publication order, as ``wirescope
    ingest`` would (linking each into incidents); the stored records, the incidents, and a
    failure for each record the store refused (it is then scored as finding nothing)."""
    store = SQLiteStore.open(":memory:")
    failures = []
    try:
        ordered = sorted(records, key=lambda r: (r.document.published is None,
                                                 r.document.published or dt.date.min,
                                                 r.document.id))
        for record in ordered:
            try:
                store.put(record, signature="evaluate", run_id=None)
            except sqlite3.Error as exc:
                failures.append(Failure(origin=record.document.origin, stage="store",
                                        code=STORE_REFUSED, reason=str(exc),
                                        document_id=record.document.id))
        stored = {r.document.id: r for r in store.records()}
        return stored, list(store.incidents()), failures
    finally:
        store.close()


def evaluate_set(
    spec: EvalSet,
    pipeline: Pipeline,
    folder: Path,
    *,
    limit: int | None = None,
    cache: RecordCache | None = None,
) -> SetResult:
    """Score one set. Documents the pipeline fails on are scored as finding nothing, and
    their share is the gated metric ``documents.failed`` (a crash is a regression)."""
    started = time.perf_counter()
    path = folder / spec.path
    if not path.exists():
        raise SourceError(f"evaluation set {spec.name!r} not found at {path}",
                          hint="check the eval folder (WIRESCOPE_EVAL)", code=MISSING_PATH)
    gold = spec.load(path)
    chosen = sample(gold, limit, spec.group)
    documents = [item.document for item in chosen]
    records, failures, cached = records_for(documents, pipeline, cache=cache,
                                            set_name=spec.name)
    if spec.corpus:
        records, incidents, refused = as_corpus(records.values())
        failures += refused
    pairs = [(item, records.get(item.document.id) or DocumentRecord(document=item.document))
             for item in chosen]
    scored = spec.score(pairs, incidents) if spec.corpus else spec.score(pairs)
    failed = Metric(field="documents", measure="failed",
                    value=len(failures) / len(chosen) if chosen else 0.0, support=len(chosen),
                    higher_is_better=False)
    scored = dataclasses.replace(scored, metrics=(*scored.metrics, failed))
    return SetResult(
        name=spec.name, path=spec.path, items=len(chosen), total=len(gold),
        failures=tuple(f.describe() for f in failures),
        seconds=time.perf_counter() - started, scored=scored, cached=cached, limit=limit,
    )


def evaluate(
    specs: Iterable[EvalSet],
    pipeline: Pipeline,
    folder: Path,
    *,
    limits: dict[str, int | None] | None = None,
    cache: RecordCache | None = None,
    on_result: Callable[[SetResult], None] | None = None,
) -> list[SetResult]:
    results = []
    for spec in specs:
        result = evaluate_set(spec, pipeline, folder, limit=(limits or {}).get(spec.name),
                              cache=cache)
        if on_result:
            on_result(result)
        results.append(result)
    return results
