"""``wirescope figures`` over the demo store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wirescope.cli.main import cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Path:
    path = tmp_path_factory.mktemp("figures") / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.model
@pytest.mark.parametrize(("args", "present", "absent"), [
    ([], ["Sergei Rudskoy — settlements joined the reconciliation",
          "Sergei Rudskoy — armed groups joined the ceasefire",
          "✓ percentage: 28,000 of 80,000 is 35.0 %"], []),
    (["--speaker", "Sergey Rudskoy", "--measure", "Settlements"],
     ["120  “120”", "1 series"], ["Lukyanov", "Sixty armed groups"]),
    (["--speaker", "nobody we know"], ["no running figures"], ["Rudskoy"]),
])
def test_cli_figures(demo: Path, args: list[str], present: list[str],
                     absent: list[str]) -> None:
    result = CliRunner().invoke(cli, ["--db", str(demo), "figures", *args])
    assert result.exit_code == 0, result.output
    for words in present:
        assert words in result.output
    for words in absent:
        assert words not in result.output
