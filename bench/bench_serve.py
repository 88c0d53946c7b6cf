"""Benchmark: the explorer API's latency over a store of N articles.

The two sample articles are extracted once; their records are stored N/2 times each under
distinct ids, every day they hold (publication, times) moved by eight days a copy, so the
store holds N articles with their real entities, places, times, claims and events, linked
into incidents as ingest links them — each copy its own (days more than a week apart are
never one incident), as distinct stories are. A uvicorn server runs in a thread and
each endpoint is requested ``--requests`` times over HTTP (after one warm-up request) by
``--concurrency`` clients at once; the script prints the median and 95th-percentile latency
in milliseconds and the store's size.

The store is a SQLite file, or with ``--postgres URL`` (a server's connection string) a new
PostgreSQL database on that server, dropped afterwards.

Run: `.venv/bin/python bench/bench_serve.py [--articles 1000] [--requests 40]
[--concurrency 1] [--postgres URL] [--update-baseline]`; the baseline is
`bench/serve_baseline.json` (`serve_baseline_postgres.json` with --postgres).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


def build_store(path: Path | str, articles: int) -> None:
    from wirescope import samples
    from wirescope.config import Settings
    from wirescope.export.contract import from_contract, to_contract
    from wirescope.pipeline import Pipeline
    from wirescope.records import DocumentRecord
    from wirescope.store import open_store

    records = [r for r in Pipeline.from_settings(Settings()).run(samples.load())
               if isinstance(r, DocumentRecord)]
    store = open_store(path)
    for i in range(articles):
        data = to_contract(records[i % len(records)])
        data["id"] = f"{data['id']}-{i:05d}"
        _shift(data, 8 * (i // len(records)))
        store.put(from_contract(data), signature="bench", run_id=None)
    store.close()


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _shift(data: dict[str, Any], days: int) -> None:
    """Move every day a contract record holds (its publication, its times) by ``days``."""
    def moved(value: Any) -> Any:
        if isinstance(value, str) and _DAY.match(value):
            return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
        return value

    data["published"] = moved(data.get("published"))
    for time_ in data["times"]:
        for key in ("value", "start", "end"):
            time_[key] = moved(time_.get(key))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def measure(path: Path | str, requests: int, concurrency: int = 1,
            endpoints: dict[str, str] | None = None) -> dict[str, dict[str, float]]:
    """p50 and p95 milliseconds of each endpoint (``{doc}`` and ``{incident}`` in a path
    are the store's first document and incident), and how many items it matched. The
    server is `wirescope serve` in a process of its own, as a user runs it: the clients'
    threads do not share its interpreter."""
    import httpx

    port = _free_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below)
    server = subprocess.Popen(
        [sys.executable, "-m", "wirescope.cli.main", "--db", str(path), "serve",
         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    figures: dict[str, dict[str, float]] = {}
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            _wait_for(client, server, log)
            doc = client.get("/api/documents?limit=1").json()["items"][0]["id"]
            incidents = client.get("/api/incidents?limit=1").json()["items"]
            incident = incidents[0]["id"] if incidents else "none"
            for name, url in (endpoints or ENDPOINTS).items():
                url = url.format(doc=doc, incident=incident)
                response = client.get(url)
                response.raise_for_status()
                times = _timed(f"{base}{url}", requests, concurrency)
                figures[name] = {
                    "p50_ms": round(statistics.median(times), 1),
                    "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
                    "total": response.json().get("total", 1),
                }
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return figures


def _wait_for(client: Any, server: subprocess.Popen[bytes], log: Any) -> None:
    """Until the server answers /api/health (or says why it stopped)."""
    import httpx

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise SystemExit("the server stopped: " + log.read().decode(errors="replace"))
        try:
            if client.get("/api/health").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer within 120 s")


def _timed(url: str, requests: int, concurrency: int) -> list[float]:
    """Milliseconds of each of ``requests`` GETs of ``url``, ``concurrency`` at a time (each
    client its own connection), sorted."""
    import httpx

    def one_client(n: int) -> list[float]:
        found = []
        with httpx.Client(timeout=120) as client:
            for _ in range(n):
                t = time.perf_counter()
                client.get(url).raise_for_status()
                found.append((time.perf_counter() - t) * 1000)
        return found

    shares = [requests // concurrency + (i < requests % concurrency)
              for i in range(concurrency)]
    with ThreadPoolExecutor(concurrency) as pool:
        times = [t for part in pool.map(one_client, shares) for t in part]
    return sorted(times)


@contextmanager
def _database(server: str | None, folder: str) -> Iterator[Path | str]:
    """Where the bench store lives: a SQLite file in ``folder``, or a new database on the
    PostgreSQL ``server`` (dropped afterwards)."""
    if server is None:
        yield Path(folder) / "bench.db"
        return
    from wirescope.store.postgres import scratch_database

    with scratch_database(server, "wirescope_bench") as url:
        yield url


def _size_mib(where: Path | str) -> float:
    if isinstance(where, Path):
        return round(where.stat().st_size / 2**20, 1)
    import psycopg

    with psycopg.connect(where) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    return round(row[0] / 2**20, 1) if row else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--postgres", metavar="URL", default=None,
                        help="a PostgreSQL server: the store is a new database on it")
    parser.add_argument("--update-baseline", action="store_true")
    args = parser.parse_args()
    baseline_file = BASELINE if args.postgres is None else BASELINE.with_name(
        "serve_baseline_postgres.json")
    with tempfile.TemporaryDirectory() as tmp, _database(args.postgres, tmp) as where:
        t = time.perf_counter()
        build_store(where, args.articles)
        built = time.perf_counter() - t
        result = {
            "articles": args.articles, "requests": args.requests,
            "concurrency": args.concurrency,
            "backend": "sqlite" if args.postgres is None else "postgresql",
            "store_mib": _size_mib(where),
            "build_seconds": round(built, 1),
            "figures": measure(where, args.requests, args.concurrency),
            "machine": f"{platform.machine()} {len(os.sched_getaffinity(0))} cpu, "
                       f"Python {platform.python_version()}",
            "recorded": dt.date.today().isoformat(),
        }
    baseline = json.loads(baseline_file.read_text()) if baseline_file.exists() else None
    print(f"{'endpoint':<20} {'p50 ms':>8} {'p95 ms':>8} {'matches':>8}   baseline p50")
    for name, fig in result["figures"].items():
        before = baseline["figures"].get(name, {}).get("p50_ms") if baseline else None
        print(f"{name:<20} {fig['p50_ms']:>8} {fig['p95_ms']:>8} {fig['total']:>8}   "
              f"{before if before is not None else '-'}")
    print(f"store: {result['articles']} articles, {result['store_mib']} MiB "
          f"(built in {result['build_seconds']} s)")
    if args.update_baseline:
        baseline_file.write_text(json.dumps(result, indent=2) + "\n")
        print(f"baseline written to {baseline_file}")


if __name__ == "__main__":
    main()
