"""Kill -9 at random moments of an ingest, then resume: is anything lost or doubled?

The input is the first N articles of the gun-violence development set (``../shared/eval/
incidents/gva_dev.jsonl``, real local news) as one JSON Lines file. ``wirescope ingest`` is
started on it, killed with SIGKILL after a random delay, started again, and so on
(``--kills`` times); a last run is let finish. Then the store is checked: every input id is
stored exactly once, nothing else is, ``PRAGMA integrity_check`` says ok, every killed run
is shown unfinished (``wirescope stats``), and incidents hold only stored documents.

    .venv/bin/python bench/crash_resume.py                 # 400 articles, 8 kills
    .venv/bin/python bench/crash_resume.py --articles 100 --kills 3 --seed 7
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GVA = ROOT.parent / "shared" / "eval" / "incidents" / "gva_dev.jsonl"
WIRESCOPE = [sys.executable, "-m", "wirescope.cli.main"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--kills", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=25.0,
                        help="Longest wait before a kill, seconds (model load included).")
    args = parser.parse_args()
    if not GVA.exists():
        print(f"crash_resume: {GVA} is absent (../shared/eval)", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        ids = []
        with GVA.open(encoding="utf-8") as lines, source.open("w", encoding="utf-8") as out:
            for line, _ in zip(lines, range(args.articles), strict=False):
                row = json.loads(line)
                ids.append(row["id"])
                out.write(json.dumps({k: row[k] for k in ("id", "title", "text", "published",
                                                          "url")}) + "\n")
        db = Path(tmp) / "store.db"
        command = [*WIRESCOPE, "--db", str(db), "ingest", "--no-progress", str(source)]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        kills = []
        for _ in range(args.kills):
            delay = rng.uniform(1.0, args.max_delay)
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, env=env)
            time.sleep(delay)
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                process.wait()
                kills.append(round(delay, 1))
        started = time.perf_counter()
        final = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        seconds = time.perf_counter() - started
        conn = sqlite3.connect(db)
        stored = [r[0] for r in conn.execute("SELECT id FROM documents")]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        unfinished = conn.execute(
            "SELECT count(*) FROM runs WHERE finished_at IS NULL").fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM incident_reports WHERE document_id NOT IN "
            "(SELECT id FROM documents)").fetchone()[0]
        failures = conn.execute("SELECT count(DISTINCT document_id) FROM failures").fetchone()[0]
        conn.close()
    distinct = set(ids)
    result = {
        "articles": len(ids), "distinct_ids": len(distinct), "kills": kills,
        "last_run_exit": final.returncode, "last_run_s": round(seconds, 1),
        "stored": len(stored), "duplicates": len(stored) - len(set(stored)),
        "lost": len(distinct - set(stored)), "extra": len(set(stored) - distinct),
        "failed_documents": failures, "integrity": integrity,
        "runs_shown_unfinished": unfinished, "orphan_incident_reports": orphans,
    }
    print(json.dumps(result, indent=2))
    ok = (result["duplicates"] == 0 and result["lost"] <= failures and result["extra"] == 0
          and integrity == "ok" and orphans == 0 and unfinished == len(kills))
    print("crash_resume:", "ok" if ok else "FAILED", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
