"""Whole-article golden files: the samples' extractions, reviewed as diffs (`make golden`)."""

from __future__ import annotations

import difflib

import pytest

from tests.golden.digest import digest, golden_path
from wirescope import samples
from wirescope.pipeline import Pipeline
from wirescope.records import DocumentRecord


@pytest.mark.parametrize("doc_id", ["000_8dde5e3359083d7f", "002_78a8e296ec90cd12"])
def test_golden_sample_extraction_unchanged(samples_dir: object, pipeline: Pipeline,
                                            doc_id: str) -> None:
    (document,) = [d for d in samples.load() if d.id == doc_id]
    (record,) = pipeline.run([document])
    assert isinstance(record, DocumentRecord)
    expected = golden_path(doc_id).read_text(encoding="utf-8").splitlines()
    actual = digest(record)
    diff = "\n".join(difflib.unified_diff(expected, actual, "golden", "now", lineterm=""))
    assert actual == expected, f"extraction changed; if intended run `make golden`:\n{diff}"
