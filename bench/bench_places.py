"""Benchmark: the place extractor — gazetteer build and open, and resolution per article.

Each figure comes from its own child process (so caches and memory are its own):

  build   build the default gazetteer index from the PyPI packages into a temporary file
          (once per machine in real use; cached under ~/.cache/wirescope)
  open    open the built index and look up one name (what every process pays: the
          index is a SQLite file, nothing is loaded into memory)
  places  annotate the sample articles with spaCy once (not timed), then time
          `places.gazetteer.v1` alone over N copies of them (distinct ids)

Prints seconds, peak RSS (MiB, the child's own) and per-article milliseconds. Run:
`.venv/bin/python bench/bench_places.py [--copies 50] [--skip-build]`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

BUILD = """
import json, sys, time
from pathlib import Path
from wirescope.gazetteer import build
t = time.perf_counter()
count = build.build(Path(sys.argv[1]))
print(json.dumps({"seconds": time.perf_counter() - t, "places": count,
                  "bytes": Path(sys.argv[1]).stat().st_size}))
"""
OPEN = """
import json, time
t = time.perf_counter()
from wirescope.gazetteer import build, load
build.ensure()
gaz = load()
found = gaz.lookup("Deir ez-Zor")
print(json.dumps({"seconds": time.perf_counter() - t, "candidates": len(found)}))
"""
PLACES = """
import dataclasses, json, sys, time
from wirescope import samples
from wirescope.annotate.nlp import load_model
from wirescope.config import Settings
from wirescope.extractors import get
from wirescope.extractors.registry import State
from wirescope.gazetteer import load
settings = Settings()
nlp = load_model(settings.model)
docs = list(samples.load())
actors, places = get("entities.actors.v1"), get("places.gazetteer.v1")
load(None)  # the gazetteer opens once per process, outside the timing
annotated = []
for d in docs:
    doc = nlp(d.text)
    state = State(document=d, settings=settings)
    state = state.add("entities", tuple(actors.func(doc, state)))
    annotated.append((doc, state))
copies = int(sys.argv[1])
t = time.perf_counter()
found = 0
for i in range(copies):
    for doc, state in annotated:
        state = dataclasses.replace(state, document=dataclasses.replace(
            state.document, id=f"{state.document.id}-{i}"))
        found += len(tuple(places.func(doc, state)))
elapsed = time.perf_counter() - t
articles = copies * len(annotated)
print(json.dumps({"seconds": elapsed, "articles": articles, "places": found,
                  "ms_per_article": 1000 * elapsed / articles}))
"""


def _child(code: str, *args: str) -> tuple[dict[str, float], float]:
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"child failed with status {status}")
    return json.loads(out.strip().splitlines()[-1]), usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    if not args.skip_build:
        with tempfile.TemporaryDirectory() as tmp:
            result, rss = _child(BUILD, str(Path(tmp) / "gazetteer.sqlite"))
        print(f"build   {result['seconds']:.1f} s  {int(result['places'])} places  "
              f"{result['bytes'] / 2**20:.0f} MiB file  peak RSS {rss:.0f} MiB")
    result, rss = _child(OPEN)
    print(f"open    {result['seconds'] * 1000:.0f} ms (import, open, first lookup)  "
          f"peak RSS {rss:.0f} MiB")
    result, rss = _child(PLACES, str(args.copies))
    print(f"places  {int(result['articles'])} articles in {result['seconds']:.2f} s = "
          f"{result['ms_per_article']:.1f} ms/article ({int(result['places'])} places)  "
          f"peak RSS {rss:.0f} MiB (includes the spaCy model)")


if __name__ == "__main__":
    main()
