"""Every command's --help renders, and docstrings wrap to the terminal (no line broken where
the source happened to break it)."""

from __future__ import annotations

from typing import Any

import typer
from typer.testing import CliRunner

from stopline.cli import app

runner = CliRunner()


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if hasattr(command, "commands"):  # a group of its own
            found.extend(_commands(command, (*prefix, name)))
    return found


def test_every_command_has_readable_help() -> None:
    commands = _commands(typer.main.get_command(app))
    assert len(commands) > 30
    for path in commands:
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, (path, result.output)
        assert "Usage: " in result.output and path[-1] in result.output
    wide = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).output
    # audit-inbound's summary spans several source lines: at 200 columns it is one line
    line = next(x for x in wide.splitlines() if "audit-inbound" in x)
    assert "missed" in line, line


def test_the_version_is_one_line() -> None:
    from stopline import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"stopline {__version__}\n"
