"""The same input gives the same record in every run: nothing may depend on the
interpreter's hash seed (the order of a set of strings)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = ("Angela Ruiz was shot on Main Street in Tulsa on Sunday night, police said. Ruiz was "
        "taken to a hospital. Tulsa Police said Officer Mark Dane and Dane's partner found "
        "her. Ruiz's brother Tony Ruiz, 19, was also shot.\n")


@pytest.mark.model
def test_records_do_not_depend_on_the_hash_seed(samples_dir: Path, tmp_path: Path) -> None:
    article = tmp_path / "ruiz.txt"
    article.write_text(TEXT, encoding="utf-8")
    paths = [str(article), *sorted(str(p) for p in samples_dir.glob("*.txt"))]
    outputs = []
    for seed in ("1", "2", "3"):
        run = subprocess.run(
            [sys.executable, "-m", "wirescope.cli.main", "extract", *paths, "--format", "jsonl"],
            env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True,
            check=True)
        outputs.append(run.stdout)
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]
