"""The bad-input corpus (:mod:`tests.badinput.kinds`, 80 kinds) ingested in one batch, each
kind in its own folder beside a good article: every item ends as stored or as a failure
with the right code, every good article is stored, nothing crashes, and the books balance
(no input without an outcome)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.badinput.kinds import ARTICLE, STORED, kinds, write
from wirescope.cli.main import cli


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, int]:
    root = tmp_path_factory.mktemp("bad")
    corpus = root / "corpus"
    for number, kind in enumerate(kinds(), start=1):
        folder = corpus / f"{number:02d}-{kind.name}"
        write(kind, folder)
        (folder / "good.txt").write_text(f"{ARTICLE} Good article {number}.", encoding="utf-8")
    db = root / "bad.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", "--no-progress", str(corpus)])
    return corpus, db, result.output, result.exit_code


def _outcomes(db: Path) -> dict[str, set[str]]:
    conn = sqlite3.connect(db)
    found: dict[str, set[str]] = {}
    for origin, notes in conn.execute("SELECT origin, notes FROM documents"):
        found.setdefault(origin, set()).add(STORED)
        found[origin].update(note["code"] for note in json.loads(notes))  # caveats: W214
    for origin, code in conn.execute("SELECT origin, code FROM failures"):
        found.setdefault(origin, set()).add(code)
    conn.close()
    return found


def test_badinput_corpus_has_at_least_seventy_kinds() -> None:
    assert len(kinds()) >= 70
    assert len({k.name for k in kinds()}) == len(kinds())


def test_badinput_no_crash_and_partial_failure_exit(ingested: tuple[Path, Path, str, int]
                                                    ) -> None:
    _, _, output, exit_code = ingested
    assert exit_code == 3, output  # some inputs failed and were recorded; the rest went in
    assert "Traceback" not in output and "do not balance" not in output
    items = sum(len(k.expected) for k in kinds()) + len(kinds())  # and one good article each
    stored, failed = (int(n) for n in re.search(
        r"stored (\d+), replaced 0, unchanged 0, failed (\d+)", output).groups())
    assert stored + failed == items


@pytest.mark.parametrize("number,kind", list(enumerate(kinds(), start=1)),
                         ids=[k.name for k in kinds()])
def test_badinput_each_kind_ends_as_expected_and_its_neighbour_is_stored(
        ingested: tuple[Path, Path, str, int], number: int, kind: object) -> None:
    corpus, db, _, _ = ingested
    folder = corpus / f"{number:02d}-{kind.name}"  # type: ignore[attr-defined]
    outcomes = _outcomes(db)
    assert outcomes.get(str(folder / "good.txt")) == {STORED}
    got = {key: outcomes.get(str(folder / key), set())
           for key in kind.expected}  # type: ignore[attr-defined]
    assert got == {key: set(want.split())
                   for key, want in kind.expected.items()}  # type: ignore[attr-defined]


def test_badinput_books_balance(ingested: tuple[Path, Path, str, int]) -> None:
    """Every item the corpus holds has an outcome, and no outcome names anything else."""
    corpus, db, _, _ = ingested
    expected = {str(corpus / f"{n:02d}-{k.name}" / key)
                for n, k in enumerate(kinds(), start=1) for key in k.expected}
    expected |= {str(corpus / f"{n:02d}-{k.name}" / "good.txt")
                 for n, k in enumerate(kinds(), start=1)}
    assert set(_outcomes(db)) == expected
