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


@pytest.mark.model
def test_cli_figures_from_a_running_total(tmp_path: Path) -> None:
    """A running total no incident counts (a tally) is stored with its document and found
    by the tracker: 'eliminated since September 30' is a point of its series."""
    article = tmp_path / "toll.txt"
    article.write_text("Russian strikes in Syria\n\nThe Russian Defence Ministry said on "
                       "Friday that 2,500 militants have been eliminated since September 30.\n",
                       encoding="utf-8")
    db = str(tmp_path / "toll.db")
    ingested = CliRunner().invoke(cli, ["--db", db, "ingest", str(article)])
    assert ingested.exit_code == 0, ingested.output
    result = CliRunner().invoke(cli, ["--db", db, "figures"])
    assert result.exit_code == 0, result.output
    assert "Ministry of Defence of Russia — fighters eliminated" in result.output
    assert "2,500  “2,500 militants”" in result.output
