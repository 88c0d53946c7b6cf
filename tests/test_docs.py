"""The README documents what really runs: every command and option, and its Python example."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from wirescope.cli.main import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, click.Command]:
    """Every command, those loaded on demand too."""
    ctx = click.Context(cli)
    found = {name: cli.get_command(ctx, name) for name in cli.list_commands(ctx)}
    return {name: cmd for name, cmd in found.items() if cmd is not None}


def _options(command: click.Command) -> list[str]:
    found = []
    for param in command.params:
        if isinstance(param, click.Option):
            longs = [o for o in (*param.opts, *param.secondary_opts) if o.startswith("--")]
            found.extend(longs[:1])
    return found


@pytest.mark.parametrize("name", sorted(_commands()))
def test_docs_every_command_documented(name: str) -> None:
    assert f"wirescope {name}" in README, f"README does not document `wirescope {name}`"


@pytest.mark.parametrize(
    ("name", "option"),
    [(name, opt) for name, cmd in sorted(_commands().items()) for opt in _options(cmd)]
    + [("(global)", opt) for opt in _options(cli)],
)
def test_docs_every_option_documented(name: str, option: str) -> None:
    if option in ("--help", "--version"):
        return
    assert f"`{option}" in README or f"{option} " in README, (
        f"README does not document {option} of `wirescope {name}`"
    )


def test_docs_readme_opens_with_the_two_commands() -> None:
    first_block = re.search(r"```bash\n(.*?)```", README, re.S)
    assert first_block is not None
    commands = [line.split("#")[0].strip() for line in first_block[1].splitlines()]
    assert commands == ["make demo", "make test"]


_EXAMPLES = re.findall(r"```python\n(.*?)```", README, re.S)


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, ["Shelling/artillery/missile attack ['at least 12 civilians']", "wirescope/1"]),
        (1, ["ASSAULT Shelling/artillery/missile attack | Government forces shelled a market "
             "in Homs on Monday, killing five people, SANA reported.", "['kb-sana']"]),
        (2, ["person 'Sergey Rudskoy'"]),
    ],
)
def test_docs_python_examples_run(capsys: pytest.CaptureFixture[str], index: int,
                                  expected: list[str]) -> None:
    """Every Python example of the README runs and prints what it shows."""
    assert len(_EXAMPLES) == 3
    exec(compile(_EXAMPLES[index], f"README.md example {index + 1}", "exec"), {})
    out = capsys.readouterr().out.splitlines()
    assert set(expected) <= set(out), out
