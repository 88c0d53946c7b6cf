"""`wirescope incidents` and `wirescope export --table incidents` over a small store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from wirescope.cli.main import cli
from wirescope.export.incidents import validate_incident
from wirescope.export.tables import INCIDENT_COLUMNS

FIXTURE = Path(__file__).parents[1] / "fixtures" / "aleppo_market.jsonl"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-incidents") / "fx.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "ingest", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    return path


def _run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.model
def test_cli_incidents_list_show_and_rebuild(db: Path) -> None:
    listed = _run(db, "incidents")
    contested = [line for line in listed.splitlines() if line.endswith("contested")]
    assert len(contested) == 1 and "4 docs/3 independent" in contested[0]
    incident_id = contested[0].split()[0]
    shown = _run(db, "incidents", incident_id)
    assert "'Eight civilians'" in shown and "contradiction: killed (disagreement)" in shown
    assert "origin=wire:reuters" in shown
    assert _run(db, "incidents", "--grade", "single").count("single") >= 1
    assert incident_id not in _run(db, "incidents", "--grade", "single")
    rebuilt = _run(db, "incidents", "--rebuild")
    assert rebuilt.startswith("re-linked 5 documents into")
    assert _run(db, "incidents") == listed  # the same incidents, the same ids


@pytest.mark.model
def test_cli_incidents_unknown_id_is_a_usage_error(db: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), "incidents", "inc-nope"])
    assert result.exit_code == 2 and "no incident 'inc-nope'" in result.output


@pytest.mark.model
def test_cli_export_incidents_jsonl_and_csv(db: Path) -> None:
    lines = _run(db, "export", "--table", "incidents").splitlines()
    assert lines
    for line in lines:
        validate_incident(json.loads(line))
    rows = list(csv.DictReader(io.StringIO(_run(db, "export", "--table", "incidents",
                                                "--format", "csv"))))
    assert len(rows) == len(lines)
    assert tuple(rows[0]) == INCIDENT_COLUMNS
    (contested,) = [r for r in rows if r["grade"] == "contested"]
    assert float(contested["killed_conservative"]) <= float(contested["killed_best"]) <= float(
        contested["killed_high"])
    assert len(json.loads(contested["reports"])) == 4
