"""Benchmark: the explorer API's latency over a store of N articles.

The two sample articles are extracted once; their records are stored N/2 times each under
distinct ids (and publication days spread over a year), so the store holds N articles with
their real entities, places, times, claims and events. A uvicorn server runs in a thread and
each endpoint is requested ``--requests`` times over HTTP (after one warm-up request); the
script prints the median and 95th-percentile latency in milliseconds and the store's size.

Run: `.venv/bin/python bench/bench_serve.py [--articles 1000] [--requests 40]
[--update-baseline]`; the baseline is `bench/serve_baseline.json`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

BASELINE = Path(__file__).with_name("serve_baseline.json")

ENDPOINTS = {
    "documents": "/api/documents?limit=50",
    "search": "/api/documents?q=Rudskoy&limit=50",
    "document": "/api/documents/{doc}",
    "events": "/api/events?limit=50",
    "events_by_place": "/api/events?place=Aleppo&limit=50",
    "events_bbox_dates": "/api/events?bbox=35,32,39,37&date_from=2016-03-01&date_to=2016-06-30",
    "events_by_speaker": "/api/events?speaker=Rudskoy&type=ASSAULT&limit=50",
    "claims_by_speaker": "/api/claims?speaker=Rudskoy&limit=50",
    "actors": "/api/actors?limit=50",
    "places": "/api/places?limit=50",
}


def build_store(path: Path, articles: int) -> None:
    from wirescope import samples
    from wirescope.config import Settings
    from wirescope.export.contract import from_contract, to_contract
    from wirescope.pipeline import Pipeline
    from wirescope.records import DocumentRecord
    from wirescope.store import SQLiteStore

    records = [r for r in Pipeline.from_settings(Settings()).run(samples.load())
               if isinstance(r, DocumentRecord)]
    store = SQLiteStore.open(path)
    start = dt.date(2016, 1, 1)
    for i in range(articles):
        data = to_contract(records[i % len(records)])
        data["id"] = f"{data['id']}-{i:05d}"
        data["published"] = (start + dt.timedelta(days=i % 366)).isoformat()
        store.put(from_contract(data), signature="bench", run_id=None)
    store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def measure(path: Path, requests: int) -> dict[str, dict[str, float]]:
    import httpx
    import uvicorn

    from wirescope.serve.api import Server, create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(Server(db=path)), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    figures: dict[str, dict[str, float]] = {}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            doc = client.get("/api/documents?limit=1").json()["items"][0]["id"]
            for name, url in ENDPOINTS.items():
                url = url.format(doc=doc)
                response = client.get(url)
                response.raise_for_status()
                times = []
                for _ in range(requests):
                    t = time.perf_counter()
                    client.get(url).raise_for_status()
                    times.append((time.perf_counter() - t) * 1000)
                times.sort()
                figures[name] = {
                    "p50_ms": round(statistics.median(times), 1),
                    "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
                    "total": response.json().get("total", 1),
                }
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--update-baseline", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        t = time.perf_counter()
        build_store(path, args.articles)
        built = time.perf_counter() - t
        result = {
            "articles": args.articles, "requests": args.requests,
            "store_mib": round(path.stat().st_size / 2**20, 1),
            "build_seconds": round(built, 1),
            "figures": measure(path, args.requests),
            "machine": f"{platform.machine()} {len(os.sched_getaffinity(0))} cpu, "
                       f"Python {platform.python_version()}",
            "recorded": dt.date.today().isoformat(),
        }
    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else None
    print(f"{'endpoint':<20} {'p50 ms':>8} {'p95 ms':>8} {'matches':>8}   baseline p50")
    for name, fig in result["figures"].items():
        before = baseline["figures"].get(name, {}).get("p50_ms") if baseline else None
        print(f"{name:<20} {fig['p50_ms']:>8} {fig['p95_ms']:>8} {fig['total']:>8}   "
              f"{before if before is not None else '-'}")
    print(f"store: {result['articles']} articles, {result['store_mib']} MiB "
          f"(built in {result['build_seconds']} s)")
    if args.update_baseline:
        BASELINE.write_text(json.dumps(result, indent=2) + "\n")
        print(f"baseline written to {BASELINE}")


if __name__ == "__main__":
    main()
