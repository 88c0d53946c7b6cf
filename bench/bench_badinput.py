"""Benchmark: time and peak memory of each kind of bad input (``tests/badinput/kinds.py``).

Each kind's files are read and run through the default pipeline in a child process of its
own (so that peak RSS is that kind's, not the largest so far): wall time of reading plus
extraction, and the child's peak resident memory. The worst kinds are printed first; with
``--update-baseline`` the figures go to ``bench/badinput_baseline.json``.

    .venv/bin/python bench/bench_badinput.py                   # every kind
    .venv/bin/python bench/bench_badinput.py --kinds 25        # the 25 largest inputs
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "bench" / "badinput_baseline.json"

CHILD = """
import json, resource, sys, time
from pathlib import Path
from wirescope.batch import extract
from wirescope.config import Settings
from wirescope.ingest import IngestOptions, read_paths
from wirescope.pipeline import Pipeline
pipeline = Pipeline.from_settings(Settings())
list(extract(read_paths([str(Path(sys.argv[1]) / "warm.txt")]), pipeline))  # model warm
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
outcomes = [type(o).__name__ for o in extract(read_paths([sys.argv[2]], IngestOptions()),
                                              pipeline)]
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": round(seconds, 3), "peak_rss_mib": round(peak / 1024, 1),
                  "over_warm_mib": round((peak - base) / 1024, 1), "outcomes": outcomes}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", type=int, default=0, help="Only the N largest inputs.")
    parser.add_argument("--update-baseline", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.badinput.kinds import ARTICLE, kinds, write

    chosen = sorted(kinds(), key=lambda k: -sum(map(len, k.files.values())))
    chosen = chosen[: args.kinds] if args.kinds else chosen
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "warm.txt").write_text(ARTICLE, encoding="utf-8")
        for kind in chosen:
            folder = Path(tmp) / kind.name
            write(kind, folder)
            run = subprocess.run([sys.executable, "-c", CHILD, tmp, str(folder)],
                                 capture_output=True, text=True, check=False)
            if run.returncode != 0:
                figures[kind.name] = {"crash": run.stderr.strip().splitlines()[-1:]}
                continue
            result = json.loads(run.stdout.strip().splitlines()[-1])
            result["bytes"] = sum(map(len, kind.files.values()))
            figures[kind.name] = result
    worst = sorted(figures.items(), key=lambda kv: -kv[1].get("seconds", 1e9))
    print(f"{'kind':<32} {'bytes':>10} {'seconds':>8} {'peak MiB':>9} {'+MiB':>6}  outcomes")
    for name, f in worst:
        if "crash" in f:
            print(f"{name:<32} CRASH {f['crash']}")
            continue
        print(f"{name:<32} {f['bytes']:>10,} {f['seconds']:>8.2f} {f['peak_rss_mib']:>9.1f} "
              f"{f['over_warm_mib']:>6.1f}  {' '.join(f['outcomes'])}")
    if args.update_baseline:
        BASELINE.write_text(json.dumps({"machine": platform.platform(), "kinds": figures},
                                        indent=1) + "\n", encoding="utf-8")
    return 1 if any("crash" in f for f in figures.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
