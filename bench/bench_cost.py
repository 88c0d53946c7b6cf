"""Benchmark: the cost curve — ingest, store size, memory and every API endpoint as the store
grows (by default 1,000, 5,000 and 20,000 articles).

Real texts: the news articles of ``../shared/eval/incidents`` (about 3,000 local reports of
US shootings from hundreds of outlets; read from there, never copied) and the two sample
articles. The first size is ingested for real — spaCy, every extractor, the store, incident
linking (``batch.ingest``) — so its articles/s is ingest end to end. The store then grows
from those texts' records (extracted once, from the evaluation cache when it holds them):
each round of copies under distinct ids with every day moved by 400 days a round (a copy is
a distinct story, never linked to its original), stored and linked one at a time as ingest
does — ``store_link_per_s`` for each step, the part of ingest that could grow with the
store, and ``ingest_per_s`` from it and the measured extraction rate. At each size: the
store's size, the process's peak RSS, and p50/p95 of each API endpoint over HTTP at
``--concurrency`` clients (4, as the acceptance asks).

Run: `.venv/bin/python bench/bench_cost.py [--sizes 1000,5000,20000] [--postgres URL]
[--keep FILE] [--update-baseline] [--plot]`, or `--measure FILE` to measure the endpoints
again on a kept store after a query change; the baseline is `bench/cost_baseline.json`
(`cost_baseline_postgres.json` with --postgres); `--plot` draws `bench/cost_curve.png` from
both baselines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from bench_serve import _database, _shift, _size_mib, measure

HERE = Path(__file__).parent
BASELINE = HERE / "cost_baseline.json"
PLOT = HERE / "cost_curve.png"
SHIFT_DAYS = 400  # days a round of copies is moved: further than any incident's window

ENDPOINTS = {
    "documents": "/api/documents?limit=50",
    "search": "/api/documents?q=shooting&limit=50",
    "document": "/api/documents/{doc}",
    "events": "/api/events?limit=50",
    "events_by_place": "/api/events?place=Chicago&limit=50",
    "events_bbox_dates": "/api/events?bbox=-88.0,41.6,-87.5,42.1&date_from=2015-01-01"
                         "&date_to=2015-12-31&limit=50",
    "events_by_type": "/api/events?type=ASSAULT&factuality=asserted&limit=50",
    "events_by_speaker": "/api/events?speaker=police&limit=50",
    "claims_by_speaker": "/api/claims?speaker=police&limit=50",
    "actors": "/api/actors?limit=50",
    "places": "/api/places?limit=50",
    "figures": "/api/figures",
    "incidents": "/api/incidents?limit=50",
    "incident": "/api/incidents/{incident}",
}


def texts() -> list[Any]:
    """The real articles: the incidents set's and the samples (documents with their ids)."""
    from wirescope import samples
    from wirescope.evaluate.load.incidents import load

    found = Path(os.environ.get("WIRESCOPE_EVAL", HERE.parent.parent / "shared" / "eval"))
    data = found / "incidents" / "gva_dev.jsonl"
    if not data.is_file():
        sys.exit(f"no real articles to build stores from: {data} is absent (set "
                 "WIRESCOPE_EVAL to the folder holding incidents/gva_dev.jsonl)")
    return [item.document for item in load(data)] + list(samples.load())


def peak_rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def build(where: Path | str, sizes: list[int], requests: int, concurrency: int
          ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    from wirescope import batch
    from wirescope.config import Settings
    from wirescope.evaluate.cache import DEFAULT_DIR, RecordCache
    from wirescope.evaluate.run import records_for
    from wirescope.export.contract import from_contract, to_contract
    from wirescope.pipeline import Pipeline
    from wirescope.store import open_store

    documents = texts()
    pipeline = Pipeline.from_settings(Settings())
    first = min(sizes[0], len(documents))
    store = open_store(where)
    t = time.perf_counter()
    report = batch.ingest(documents[:first], store, pipeline, command="bench")
    ingest_s = time.perf_counter() - t
    extract: dict[str, Any] = {"articles": first, "seconds": round(ingest_s, 1),
               "ingest_per_s": round(first / ingest_s, 2), "failed": len(report.failures)}
    cache = RecordCache(HERE.parent / DEFAULT_DIR, pipeline.signature)
    records = {r.document.id: r for r in store.records()}  # the ingested ones, as stored
    rest = [d for d in documents[: max(sizes)] if d.id not in records]
    t = time.perf_counter()
    extracted, _, cached = records_for(rest, pipeline, cache=cache, set_name="incidents")
    extract_s = time.perf_counter() - t
    records.update(extracted)
    extract["extract_per_s"] = None if cached or not rest else round(
        len(extracted) / extract_s, 2)
    contracts = [to_contract(records[d.id]) for d in documents if d.id in records]
    done = store.counts()["documents"]
    steps = []
    for size in sizes:
        t = time.perf_counter()
        added = 0
        while done < size:
            data = json.loads(json.dumps(contracts[done % len(contracts)]))
            round_ = done // len(contracts)
            data["id"] = f"{data['id']}-r{round_}"
            _shift(data, SHIFT_DAYS * round_)
            store.put(from_contract(data), signature="bench", run_id=None)
            done, added = done + 1, added + 1
        seconds = time.perf_counter() - t
        step: dict[str, Any] = {
            "articles": size,
            "added": added,
            "store_link_per_s": round(added / seconds, 1) if added else None,
            "store_mib": _size_mib(where),
            "peak_rss_mib": peak_rss_mib(),
            "incidents": store.counts().get("incidents"),
        }
        step["figures"] = measure(where, requests, concurrency, ENDPOINTS)
        steps.append(step)
        worst = max(f["p95_ms"] for f in step["figures"].values())
        print(f"{size:>6} articles: +{added} at {step['store_link_per_s']} /s stored and "
              f"linked, {step['store_mib']} MiB, peak RSS {step['peak_rss_mib']} MiB, "
              f"worst p95 {worst} ms", flush=True)
    store.close()
    return steps, extract


def plot(out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    runs = {name: json.loads(path.read_text()) for name, path in (
        ("SQLite", BASELINE), ("PostgreSQL", BASELINE.with_name("cost_baseline_postgres.json")))
        if path.exists()}
    fig, (api, store) = plt.subplots(1, 2, figsize=(11, 4.2))
    for name, run in runs.items():
        sizes = [s["articles"] for s in run["steps"]]
        worst = [max(f["p95_ms"] for f in s["figures"].values()) for s in run["steps"]]
        median = [sorted(f["p50_ms"] for f in s["figures"].values())[len(s["figures"]) // 2]
                  for s in run["steps"]]
        api.plot(sizes, worst, marker="o", label=f"{name}: slowest endpoint p95")
        api.plot(sizes, median, marker=".", linestyle="--", label=f"{name}: median endpoint p50")
        store.plot(sizes, [s["store_mib"] for s in run["steps"]], marker="o",
                   label=f"{name}: store MiB")
        rate = [s["store_link_per_s"] for s in run["steps"]]
        store.plot(sizes, rate, marker="s", linestyle=":", label=f"{name}: stored+linked /s")
    api.axhline(100, color="grey", linewidth=0.8)
    api.set(xscale="log", xlabel="articles in the store", ylabel="ms",
            title=f"API latency, {runs and next(iter(runs.values()))['concurrency']} clients")
    store.set(xscale="log", yscale="log", xlabel="articles in the store",
              title="store size and store+link rate")
    api.legend(fontsize=7)
    store.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    print(f"plot written to {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--postgres", metavar="URL", default=None,
                        help="a PostgreSQL server: the store is a new database on it")
    parser.add_argument("--keep", metavar="FILE", type=Path, default=None,
                        help="build the SQLite store in FILE and keep it (to profile queries "
                             "on it afterwards); the file must not exist")
    parser.add_argument("--measure", metavar="STORE", default=None,
                        help="only measure every endpoint on an existing store (a --keep "
                             "file or a postgresql:// URL), after a query change; records "
                             "nothing")
    parser.add_argument("--update-baseline", action="store_true")
    parser.add_argument("--plot", action="store_true",
                        help="only draw bench/cost_curve.png from the recorded baselines")
    args = parser.parse_args()
    if args.plot:
        plot(PLOT)
        return
    if args.measure:
        figures = measure(args.measure, args.requests, args.concurrency, ENDPOINTS)
        print(f"{'endpoint':<20}{'p50 ms':>9}{'p95 ms':>9}{'matched':>9}")
        for name, got in figures.items():
            print(f"{name:<20}{got['p50_ms']:>9}{got['p95_ms']:>9}{got['total']:>9}")
        return
    sizes = sorted(int(s) for s in args.sizes.split(","))
    baseline_file = BASELINE if args.postgres is None else BASELINE.with_name(
        "cost_baseline_postgres.json")
    if args.keep is not None:
        if args.postgres is not None or args.keep.exists():
            sys.exit("--keep builds a new SQLite store: give a file that does not exist "
                     "(and no --postgres)")
        steps, extract = build(args.keep, sizes, args.requests, args.concurrency)
    else:
        with tempfile.TemporaryDirectory() as tmp, _database(args.postgres, tmp) as where:
            steps, extract = build(where, sizes, args.requests, args.concurrency)
    result = {
        "backend": "sqlite" if args.postgres is None else "postgresql",
        "requests": args.requests, "concurrency": args.concurrency,
        "ingest": extract, "steps": steps,
        "machine": f"{platform.machine()} {len(os.sched_getaffinity(0))} cpu, "
                   f"Python {platform.python_version()}",
        "recorded": dt.date.today().isoformat(),
    }
    print(f"ingest end to end: {extract['articles']} real articles at "
          f"{extract['ingest_per_s']} /s")
    names = list(ENDPOINTS)
    print(f"{'endpoint':<20}" + "".join(f"{s['articles']:>14}" for s in steps)
          + "   (p50/p95 ms)")
    for name in names:
        print(f"{name:<20}" + "".join(
            f"{s['figures'][name]['p50_ms']:>7}/{s['figures'][name]['p95_ms']:<6}"
            for s in steps))
    if args.update_baseline:
        baseline_file.write_text(json.dumps(result, indent=2) + "\n")
        print(f"baseline written to {baseline_file}")


if __name__ == "__main__":
    main()
