from __future__ import annotations

from pathlib import Path

import pytest

from wirescope.errors import SourceError
from wirescope.evaluate.locate import ENV, find_folder, require_folder


def test_locate_env_var_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, str(tmp_path))
    assert find_folder() == tmp_path
    assert require_folder() == tmp_path


def test_locate_finds_shared_eval_in_an_ancestor_of_cwd(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV, raising=False)
    (tmp_path / "shared" / "eval").mkdir(parents=True)
    (tmp_path / "shared" / "eval" / "README.md").write_text("x", "utf-8")
    (tmp_path / "checkout" / "sub").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "checkout" / "sub")
    assert find_folder() == tmp_path / "shared" / "eval"


def test_locate_require_folder_says_how_to_fix(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, str(tmp_path / "missing"))
    with pytest.raises(SourceError, match=ENV):
        require_folder()
