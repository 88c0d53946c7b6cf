"""Benchmark: how fast records go out and back — the contract (to and from), the store (put and
get, linking off) and the CSV tables — on the bundled samples' records.

The samples are extracted once; each step then runs over them repeatedly and is reported in
records per second (the best of five one-second runs). With ``--update-baseline`` the figures go to
``bench/records_baseline.json``.

    .venv/bin/python bench/bench_records.py
"""

from __future__ import annotations

import argparse
import io
import json
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "bench" / "records_baseline.json"


def _rate(step: Callable[[], int], seconds: float = 1.0, repeats: int = 5) -> float:
    """Records per second of ``step`` (which handles some records and says how many): the
    best of ``repeats`` runs of ``seconds`` each, as the machine's noise only slows a run."""
    best = 0.0
    for _ in range(repeats):
        done, started = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - started) < seconds:
            done += step()
        best = max(best, done / elapsed)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--update-baseline", action="store_true")
    args = parser.parse_args()

    from wirescope import samples
    from wirescope.config import Settings
    from wirescope.export.contract import dumps, from_contract, to_contract
    from wirescope.export.tables import TABLES, write_csv
    from wirescope.pipeline import Pipeline
    from wirescope.records import DocumentRecord
    from wirescope.store import SQLiteStore

    pipeline = Pipeline.from_settings(Settings())
    records = [r for r in pipeline.run(samples.load()) if isinstance(r, DocumentRecord)]
    lines = [json.loads(dumps(r)) for r in records]
    items = sum(len(r.entities) + len(r.places) + len(r.times) + len(r.quotes) + len(r.events)
                for r in records)

    def contract_out() -> int:
        for r in records:
            to_contract(r)
        return len(records)

    def contract_in() -> int:
        for data in lines:
            from_contract(data)
        return len(records)

    def csv_out() -> int:
        for table in TABLES:
            write_csv(records, table, io.StringIO())
        return len(records)

    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore.open(Path(tmp) / "bench.sqlite")
        serial = iter(range(10**9))

        def store_put() -> int:
            for r in records:  # a new signature each time: always written
                store.put(r, signature=f"s{next(serial)}", run_id=None, link=False)
            return len(records)

        def store_get() -> int:
            for r in records:
                store.get(r.document.id)
            return len(records)

        figures = {
            "contract_out": _rate(contract_out), "contract_in": _rate(contract_in),
            "csv_out": _rate(csv_out), "store_put": _rate(store_put),
            "store_get": _rate(store_get),
        }
        store.close()
    print(f"{len(records)} records, {items} items each pass")
    for name, rate in figures.items():
        print(f"{name:<14} {rate:>10.1f} records/s")
    if args.update_baseline:
        BASELINE.write_text(json.dumps(
            {"machine": platform.platform(), "records": len(records), "items": items,
             "records_per_s": {k: round(v, 1) for k, v in figures.items()}}, indent=1) + "\n",
            encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
