"""``wirescope evaluate`` (src/wirescope/cli/evaluate.py), on a tiny eval folder with the fast
stand-in pipeline, so that the exit codes and the baseline edits are checked exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.evaluate import fake
from wirescope.cli import evaluate as command
from wirescope.cli.main import cli
from wirescope.evaluate import gate


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(command.Pipeline, "from_settings", lambda settings: fake.pipeline())
    return fake.eval_folder(tmp_path / "eval")


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["evaluate", *args, "--no-cache"])


def _baseline(path: Path, floor: float) -> Path:
    gate.write(path, gate.Baseline(sets={"petrarch": gate.SetBaseline(limit=3, bounds={
        "type.f1": gate.Bound(kind="floor", value=floor)})}))
    return path


def test_cli_evaluate_json(folder: Path) -> None:
    result = _run("petrarch", "--data", str(folder), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (only,) = data["sets"]
    assert (only["set"], only["items"], len(only["failures"])) == ("petrarch", 3, 1)
    assert {m["key"] for m in only["metrics"]} >= {"type.f1", "actor.accuracy"}


def test_cli_evaluate_table_markdown_and_errors(folder: Path) -> None:
    table = _run("petrarch", "--data", str(folder), "--limit", "2", "--show-errors", "1")
    assert table.exit_code == 0, table.output
    assert "petrarch (events/PETR2_GSR_validation.xml): 2 of 3 items" in table.stdout
    assert "petrarch: 1 of " in table.stdout and "expected 'CONSULT (CAMEO 042)'" in table.stdout
    page = _run("petrarch", "--data", str(folder), "--markdown")
    assert page.stdout.startswith("# Evaluation scoreboard")
    assert "wirescope evaluate --all --markdown > EVALUATION.md" in page.stdout


def test_cli_evaluate_gate_fails_on_a_broken_floor(folder: Path, tmp_path: Path) -> None:
    baseline = _baseline(tmp_path / "b.json", floor=0.5)  # above what the pipeline scores
    result = _run("--gate", "--baseline", str(baseline), "--data", str(folder))
    assert result.exit_code == 1
    assert "petrarch.type.f1 = 0.0000, floor is >= 0.5" in result.stderr
    held = _run("--gate", "--baseline", str(_baseline(tmp_path / "ok.json", 0.0)),
                "--data", str(folder))
    assert held.exit_code == 0 and "all 1 floors hold" in held.stderr


def test_cli_evaluate_lower_floor_needs_a_reason(folder: Path, tmp_path: Path) -> None:
    baseline = _baseline(tmp_path / "b.json", floor=0.5)
    refused = _run("--lower-floor", "petrarch.type.f1", "--baseline", str(baseline),
                   "--data", str(folder))
    assert refused.exit_code == 2 and "--reason" in refused.stderr
    lowered = _run("--lower-floor", "petrarch.type.f1", "--reason", "events extractor off",
                   "--baseline", str(baseline), "--data", str(folder))
    assert lowered.exit_code == 0, lowered.output
    data = json.loads(baseline.read_text("utf-8"))
    assert data["sets"]["petrarch"]["floors"] == {"type.f1": 0.0}
    assert data["changes"][-1]["reason"] == "events extractor off"


def test_cli_evaluate_raise_floors_creates_the_baseline(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "new.json"
    result = _run("petrarch", "--raise-floors", "--baseline", str(baseline),
                  "--data", str(folder))
    assert result.exit_code == 0, result.output
    entry = gate.read(baseline).sets["petrarch"]
    assert entry.limit == 80 and set(entry.bounds) == {"type.f1", "actor.accuracy",
                                                       "target.accuracy", "documents.failed"}
    assert entry.bounds["documents.failed"] == gate.Bound(kind="ceiling", value=0.3334)


@pytest.mark.parametrize(
    "args",
    [(), ("--all", "petrarch"), ("--gate", "--limit", "3"), ("nosuchset",),
     ("--gate", "--extractor", "entities.spacy_ner.v1"),
     ("petrarch", "--json", "--markdown")],
)
def test_cli_evaluate_usage_errors(folder: Path, args: tuple[str, ...]) -> None:
    result = _run(*args, "--data", str(folder))
    assert result.exit_code == 2, result.output
