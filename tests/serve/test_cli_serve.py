"""``wirescope serve`` refuses what would expose or break the server before it starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from wirescope.cli.main import cli
from wirescope.cli.serve import _is_loopback
from wirescope.store import SQLiteStore


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
     ("0.0.0.0", False), ("192.168.1.4", False), ("example.org", False)],
)
def test_serve_loopback_hosts(host: str, loopback: bool) -> None:
    assert _is_loopback(host) is loopback


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    SQLiteStore.open(path).close()
    return path


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["serve", "--host", "0.0.0.0"], "add --public"),
        (["serve", "--token", "short"], "at least 16 characters"),
    ],
)
def test_serve_refuses_before_starting(db: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_serve_needs_an_existing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "serve"])
    assert result.exit_code == 2
    assert "wirescope demo" in result.output
    assert not (tmp_path / "none.db").exists()
