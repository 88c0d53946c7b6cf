"""Benchmark: storing articles with cross-article incident linking on, against storing them
with it off, at growing store sizes — does linking stay near-linear?

The articles are the gun-violence development set of ``../shared/eval/incidents`` (2,964 US
local-news articles, 2013–2017), extracted once with the default pipeline (the evaluation
cache is reused). A corpus of N articles repeats the set, each copy under new ids,
shifted by six years and with its people renamed (a copy's victims are not the original's:
the people block has no day window), so the number of articles per day — what a block
holds — stays that of the real set while the store grows. Each N runs in its own process,
twice: ``SQLiteStore.put`` of every record with ``link=False``, then with ``link=True`` (a
fresh store each time). It
prints documents/s, the linking cost per article (the difference), that cost as a share of
extraction time (measured here on 100 articles), and peak RSS. Compare with
``bench/incidents_baseline.json`` (``--update-baseline`` rewrites it).

    .venv/bin/python bench/bench_incidents.py                 # 1k, 5k, 20k
    .venv/bin/python bench/bench_incidents.py --sizes 1000    # one size
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from wirescope.config import Settings
from wirescope.evaluate.cache import DEFAULT_DIR, RecordCache
from wirescope.evaluate.load.incidents import load
from wirescope.evaluate.run import records_for
from wirescope.export import dumps, from_contract
from wirescope.pipeline import Pipeline
from wirescope.records import DocumentRecord
from wirescope.store import SQLiteStore

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BASELINE = HERE / "incidents_baseline.json"
SHIFT_YEARS = 6


def _shifted(record: DocumentRecord, copy: int) -> DocumentRecord:
    """The record under new ids, its publication day and every stated day moved by whole
    years (the same weekday pattern does not matter to linking)."""
    if copy == 0:
        return record
    doc = record.document
    published = doc.published.replace(year=doc.published.year + SHIFT_YEARS * copy) if (
        doc.published and not (doc.published.month == 2 and doc.published.day == 29)) else (
        doc.published)
    years = SHIFT_YEARS * copy

    def move(value: str | None) -> str | None:
        if value and len(value) >= 10 and value[:4].isdigit() and value[4] == "-":
            try:
                return dt.date.fromisoformat(value[:10]).replace(
                    year=int(value[:4]) + years).isoformat() + value[10:]
            except ValueError:
                return value
        return value

    times = tuple(dataclasses.replace(t, value=move(t.value), start=move(t.start),
                                      end=move(t.end)) for t in record.times)
    new_id = f"{doc.id}~{copy}"
    return dataclasses.replace(
        record, document=dataclasses.replace(doc, id=new_id, published=published),
        times=times,
        entities=tuple(dataclasses.replace(
            x, document_id=new_id, name=f"{x.name} {copy}" if x.type == "person" else x.name)
            for x in record.entities),
        places=tuple(dataclasses.replace(x, document_id=new_id) for x in record.places),
        quotes=tuple(dataclasses.replace(x, document_id=new_id) for x in record.quotes),
        events=tuple(dataclasses.replace(x, document_id=new_id) for x in record.events))


def child(source: Path, size: int, link: bool) -> None:
    base = [from_contract(json.loads(line)) for line in source.open(encoding="utf-8")]
    corpus = [_shifted(base[i % len(base)], i // len(base)) for i in range(size)]
    corpus.sort(key=lambda r: (r.document.published or dt.date.min, r.document.id))
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore.open(Path(tmp) / "bench.db")
        started = time.perf_counter()
        for record in corpus:
            store.put(record, signature="bench", run_id=None, link=link)
        seconds = time.perf_counter() - started
        incidents = store.counts()["incidents"]
        store.close()
    print(json.dumps({"seconds": seconds, "incidents": incidents}))


def run_child(source: Path, size: int, link: bool) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", str(source), "--size", str(size),
           "--link" if link else "--no-link"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    out = proc.stdout.read() if proc.stdout else ""
    if status != 0:
        err = proc.stderr.read() if proc.stderr else ""
        raise SystemExit(f"benchmark child failed: {' '.join(cmd)}\n{err}")
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    result["rss_mib"] = usage.ru_maxrss / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--update-baseline", action="store_true")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--link", action=argparse.BooleanOptionalAction, default=True,
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.size, args.link)
        return
    path = args.eval / "incidents" / "gva_dev.jsonl"
    if not path.is_file():
        print(f"bench_incidents: skipped, {path} not found (the evaluation data)")
        return
    items = load(path)
    pipeline = Pipeline.from_settings(Settings())
    cache = RecordCache(ROOT / DEFAULT_DIR, pipeline.signature)
    documents = [i.document for i in items]
    records, _, _ = records_for(documents, pipeline, cache=cache, set_name="incidents")
    sample = documents[:: len(documents) // 100][:100]
    started = time.perf_counter()
    for _ in pipeline.run(sample):
        pass
    extract_ms = (time.perf_counter() - started) * 1000 / len(sample)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "records.jsonl"
        source.write_text("".join(dumps(r) + "\n" for r in records.values()), "utf-8")
        for size in args.sizes:
            off = run_child(source, size, link=False)
            on = run_child(source, size, link=True)
            link_ms = (on["seconds"] - off["seconds"]) * 1000 / size
            rows.append({
                "articles": size, "store_s": round(off["seconds"], 2),
                "store_and_link_s": round(on["seconds"], 2),
                "articles_per_s": round(size / on["seconds"], 1),
                "link_ms_per_article": round(link_ms, 2),
                "link_share_of_extraction": round(link_ms / extract_ms, 3),
                "incidents": int(on["incidents"]), "peak_rss_mib": round(on["rss_mib"]),
            })
            print(json.dumps(rows[-1]), flush=True)
    print(f"extraction: {extract_ms:.1f} ms per article (100 articles, one process)")
    if BASELINE.is_file():
        print("baseline:", BASELINE.read_text("utf-8").strip())
    if args.update_baseline:
        BASELINE.write_text(json.dumps({
            "date": dt.date.today().isoformat(), "machine": platform.machine(),
            "python": platform.python_version(), "extract_ms_per_article": round(extract_ms, 1),
            "rows": rows}, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
