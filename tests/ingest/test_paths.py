from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from wirescope.errors import BINARY, EMPTY, MISSING_PATH, SourceError
from wirescope.ingest import IngestOptions, check_paths, read_paths
from wirescope.records import Document, Failure


def test_paths_folder_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article.")
    (tmp_path / "a.txt").write_text("First article.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "j", "text": "Third."}) + "\n")
    items = list(read_paths([str(tmp_path)]))
    assert [i.text for i in items if isinstance(i, Document)] == [
        "First article.", "Second article.", "Third."
    ]


def test_paths_bad_files_become_failures_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.bin").write_bytes(b"\x00\x01\x02binary\x00")
    (tmp_path / "good.txt").write_text("Shelling in Homs.")
    items = list(read_paths([str(tmp_path)]))
    docs = [i for i in items if isinstance(i, Document)]
    failures = {Path(f.origin).name: f for f in items if isinstance(f, Failure)}
    assert [d.text for d in docs] == ["Shelling in Homs."]
    assert failures["empty.txt"].code == EMPTY
    assert failures["image.bin"].code == BINARY
    assert all(f.reason for f in failures.values())


def test_paths_stdin_with_format() -> None:
    stream = io.BytesIO(b'{"id": "s1", "text": "From stdin."}\n')
    (doc,) = read_paths(["-"], IngestOptions(stdin_format="jsonl"), stdin=stream)
    assert isinstance(doc, Document) and doc.id == "s1" and doc.origin == "<stdin>:1"


def test_paths_missing_path_checked_up_front(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as caught:
        check_paths([str(tmp_path / "nope.txt")])
    assert caught.value.code == MISSING_PATH
    assert "nope.txt" in str(caught.value)


def test_paths_same_text_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Same text.")
    (tmp_path / "b.txt").write_text("Same text.")
    ids = {i.id for i in read_paths([str(tmp_path)]) if isinstance(i, Document)}
    assert len(ids) == 1
