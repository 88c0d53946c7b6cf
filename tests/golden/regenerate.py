"""Regenerate the golden digests of the sample articles: `make golden`, then review the diff."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.golden.digest import digest, golden_path
from wirescope import samples
from wirescope.config import Settings
from wirescope.pipeline import Pipeline
from wirescope.records import DocumentRecord


def main() -> None:
    pipeline = Pipeline.from_settings(Settings())
    for outcome in pipeline.run(samples.load()):
        if not isinstance(outcome, DocumentRecord):
            raise SystemExit(f"sample failed: {outcome.describe()}")
        path = golden_path(outcome.document.id)
        path.write_text("\n".join(digest(outcome)) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
