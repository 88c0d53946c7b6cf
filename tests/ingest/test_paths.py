from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from wirescope.errors import (
    BINARY,
    EMPTY,
    HIDDEN,
    MISSING_PATH,
    NOT_A_FILE,
    UNREADABLE,
    SourceError,
)
from wirescope.ingest import IngestOptions, check_paths, read_paths
from wirescope.records import Document, Failure


def test_paths_folder_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second article.")
    (tmp_path / "a.txt").write_text("First article.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "j", "text": "Third."}) + "\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    items = list(read_paths([str(tmp_path)]))
    assert [i.text for i in items if isinstance(i, Document)] == [
        "First article.", "Second article.", "Third."
    ]
    # hidden entries are said once each (a hidden folder is not walked)
    assert [(Path(f.origin).name, f.code) for f in items if isinstance(f, Failure)] == [
        (".git", HIDDEN), (".hidden.txt", HIDDEN)]


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


def test_paths_entries_that_are_no_files_are_failures_and_the_walk_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    (tmp_path / "a.txt").write_text("First article.")
    (tmp_path / "b-dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "c-pipe.txt")
    (tmp_path / "d-locked").mkdir()
    (tmp_path / "d-locked" / "inside.txt").write_text("Never read.")
    (tmp_path / "e.txt").write_text("Last article.")
    real = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        if self.name == "d-locked":  # as chmod 000 would, for a user who is not root
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    items = list(read_paths([str(tmp_path)]))
    assert [i.text for i in items if isinstance(i, Document)] == [
        "First article.", "Last article."]
    failures = {Path(f.origin).name: f for f in items if isinstance(f, Failure)}
    assert failures["b-dangling.txt"].code == NOT_A_FILE
    assert "link to nothing" in failures["b-dangling.txt"].reason
    assert failures["c-pipe.txt"].code == NOT_A_FILE
    assert "named pipe" in failures["c-pipe.txt"].reason
    assert failures["d-locked"].code == UNREADABLE
    assert "Permission denied" in failures["d-locked"].reason


def test_paths_a_fifo_named_on_the_command_line_is_skipped_not_waited_for(
        tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "pipe")
    (failure,) = list(read_paths([str(tmp_path / "pipe")]))
    assert isinstance(failure, Failure) and failure.code == NOT_A_FILE


def test_paths_nothing_to_read_is_said(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "only-hidden").mkdir()
    (tmp_path / "only-hidden" / ".DS_Store").write_text("x")
    (tmp_path / "header.csv").write_text("id,title,text\n")
    items = list(read_paths([str(tmp_path / "empty"), str(tmp_path / "only-hidden"),
                             str(tmp_path / "header.csv")]))
    assert [(Path(f.origin).name, f.code) for f in items if isinstance(f, Failure)] == [
        ("empty", EMPTY), (".DS_Store", HIDDEN), ("header.csv", EMPTY)]
    assert "holds only its header" in items[-1].reason  # type: ignore[union-attr]


def test_paths_a_second_file_with_the_same_text_is_skipped_and_says_so(tmp_path: Path) -> None:
    from wirescope.batch import documents_only
    from wirescope.errors import DUPLICATE

    for name, text in (("a.txt", "Same text."), ("b.txt", "Same text."), ("c.txt", "Other.")):
        (tmp_path / name).write_text(text)
    failures: list[Failure] = []
    kept = list(documents_only(read_paths([str(tmp_path)]), failures.append))
    assert [d.origin.rsplit("/", 1)[-1] for d in kept] == ["a.txt", "c.txt"]
    (skipped,) = failures
    assert skipped.code == DUPLICATE and skipped.origin.endswith("b.txt")
    assert "a.txt" in skipped.reason and skipped.text is None
