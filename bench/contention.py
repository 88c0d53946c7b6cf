"""Two writers and a reader on one store at once: does anyone see "database is locked"?

Two ``wirescope ingest`` processes store the two halves of N articles (the first N of the
gun-violence development set) into one new store at the same time — both create it, so
their migrations race too — while a reader process runs the explorer's queries (documents,
events, incidents, stats) in a loop until both are done. Counts: writer exit codes and
error lines, reader errors, and whether the store then holds every article once.

    .venv/bin/python bench/contention.py                  # 200 articles
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GVA = ROOT.parent / "shared" / "eval" / "incidents" / "gva_dev.jsonl"
WIRESCOPE = [sys.executable, "-m", "wirescope.cli.main"]

READER = """
import sys, time
from wirescope.store import SQLiteStore
from wirescope.store import queries
path, stop = sys.argv[1], sys.argv[2]
import os
errors = reads = 0
while not os.path.exists(path):
    time.sleep(0.05)
while not os.path.exists(stop):
    try:
        store = SQLiteStore.open(path)
        try:
            queries.list_documents(store.conn, limit=50, offset=0)
            store.counts()
            reads += 1
        finally:
            store.close()
    except Exception as exc:  # any error a reader meets is counted, none ends the loop
        errors += 1
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
    time.sleep(0.02)
print(reads, errors)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    if not GVA.exists():
        print(f"contention: {GVA} is absent (../shared/eval)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        halves = [Path(tmp) / "a.jsonl", Path(tmp) / "b.jsonl"]
        ids = []
        with GVA.open(encoding="utf-8") as lines:
            rows = [json.loads(line) for line, _ in zip(lines, range(args.articles),
                                                         strict=False)]
        for i, half in enumerate(halves):
            with half.open("w", encoding="utf-8") as out:
                for row in rows[i::2]:
                    ids.append(row["id"])
                    out.write(json.dumps({k: row[k] for k in ("id", "title", "text",
                                                              "published")}) + "\n")
        db, stop = Path(tmp) / "store.db", Path(tmp) / "stop"
        reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started = time.perf_counter()
        writers = [subprocess.Popen([*WIRESCOPE, "--db", str(db), "ingest", "--no-progress",
                                     str(half)], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True) for half in halves]
        outputs = [w.communicate() for w in writers]
        seconds = time.perf_counter() - started
        stop.touch()
        read_out, read_err = reader.communicate()
        conn = sqlite3.connect(db)
        stored = [r[0] for r in conn.execute("SELECT id FROM documents")]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()
    reads, read_errors = (int(x) for x in read_out.split())
    writer_errors = [line for _, err in outputs for line in err.splitlines()
                     if "error" in line.lower() or "locked" in line.lower()
                     or "Traceback" in line]
    result = {
        "articles": len(ids), "seconds": round(seconds, 1),
        "writer_exit_codes": [w.returncode for w in writers],
        "writer_error_lines": writer_errors[:10], "reads": reads, "reader_errors": read_errors,
        "reader_error_lines": read_err.splitlines()[:10],
        "stored": len(stored), "lost": len(set(ids) - set(stored)),
        "duplicates": len(stored) - len(set(stored)), "integrity": integrity,
    }
    print(json.dumps(result, indent=2))
    ok = (not writer_errors and read_errors == 0 and result["lost"] == 0
          and integrity == "ok" and all(w.returncode in (0, 3) for w in writers))
    print("contention:", "ok" if ok else "FAILED", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
