"""Benchmark: each default extractor's own cost per article, after spaCy.

The sample articles are annotated by spaCy once (timed apart); then the pipeline's
extractors run in order over N copies of them (distinct ids), each extractor's calls timed
on their own. Warm-up (gazetteer open, lexicon loads) happens on one untimed pass first, as
in a long-running process. Prints milliseconds per article for spaCy and each extractor.

Run: `.venv/bin/python bench/bench_extractors.py [--copies 50]`.
"""

from __future__ import annotations

import argparse
import dataclasses
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50)
    args = parser.parse_args()

    from wirescope import samples
    from wirescope.config import Settings
    from wirescope.extractors import State
    from wirescope.pipeline import Pipeline

    pipeline = Pipeline.from_settings(Settings())
    documents = samples.load()
    t = time.perf_counter()
    docs = [pipeline.nlp(d.text) for d in documents]
    spacy_ms = 1000 * (time.perf_counter() - t) / len(docs)

    spent = {e.name: 0.0 for e in pipeline.extractors}
    articles = 0
    for copy in range(args.copies + 1):  # copy 0 is the untimed warm-up
        for document, doc in zip(documents, docs, strict=True):
            state = State(document=dataclasses.replace(document, id=f"{document.id}-{copy}"),
                          settings=pipeline.settings)
            for extractor in pipeline.extractors:
                t = time.perf_counter()
                found = tuple(extractor.func(doc, state))
                if copy:
                    spent[extractor.name] += time.perf_counter() - t
                state = state.add(extractor.kind, found)
            articles += bool(copy)

    words = sum(len(d) for d in docs) / len(docs)
    print(f"{articles} articles ({words:.0f} tokens each on average)")
    print(f"{'spaCy (annotate, once per article)':<36} {spacy_ms:8.1f} ms/article")
    total = 0.0
    for name, seconds in spent.items():
        ms = 1000 * seconds / articles
        total += ms
        print(f"{name:<36} {ms:8.1f} ms/article")
    print(f"{'all extractors':<36} {total:8.1f} ms/article "
          f"({100 * total / spacy_ms:.0f}% of spaCy)")


if __name__ == "__main__":
    main()
