"""`stopline` imports only the module of the command it runs (`stopline.cli.HOME`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import typer.main

import stopline.cli as cli
from stopline.storage import migrate
from stopline.storage.engine import create_database_engine


def test_every_command_has_its_home() -> None:
    registered = set(typer.main.get_command(cli.app).commands)  # type: ignore[attr-defined]
    assert registered == set(cli.HOME)


def test_each_home_registers_its_commands() -> None:
    """Registering one command's module alone is enough to run it (no command's module
    depends on another having registered first)."""
    probe = (
        "import sys, typer.main, stopline.cli as c; "
        "c.register(sys.argv[1:2]); "
        "from stopline.cli.base import app; "
        "print(' '.join(typer.main.get_command(app).commands))"
    )
    first = {module: name for name, module in reversed(cli.HOME.items())}
    runs = {
        module: subprocess.Popen(
            [sys.executable, "-c", probe, name], stdout=subprocess.PIPE, text=True
        )
        for module, name in first.items()
    }
    for module, run in runs.items():
        shown = set(run.communicate(timeout=120)[0].split())
        wanted = {name for name, home in cli.HOME.items() if home == module}
        assert wanted <= shown, (module, shown)


def _modules_loaded_by(*args: str, env: dict[str, str] | None = None) -> set[str]:
    probe = (
        "import sys; "
        f"sys.argv = ['stopline', *{list(args)!r}]; "
        "from stopline.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sys.modules), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    return set(done.stderr.split())


def test_a_scrub_loads_neither_the_server_nor_the_language_engine(tmp_path: Path) -> None:
    """A scrub on a migrated database: no Alembic, no language tables, no server wiring."""
    url = f"sqlite:///{tmp_path / 'scrub.db'}"
    migrate.upgrade(create_database_engine(url))
    (tmp_path / "in.csv").write_text("phone\n+14155550100\n")
    env = {**os.environ, "STOPLINE_DATABASE_URL": url}
    loaded = _modules_loaded_by(
        "scrub", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"), env=env
    )
    assert (tmp_path / "out.csv").read_text() == "phone\n+14155550100\n"
    assert "stopline.services.scrub" in loaded
    assert not {"stopline.bootstrap", "stopline.domain.language", "alembic"} & loaded


def test_help_lists_every_command() -> None:
    loaded = _modules_loaded_by("--help")
    assert {f"stopline.cli.{module}" for module in cli.MODULES} <= loaded


def test_help_beside_version_still_lists_every_command() -> None:
    every = {f"stopline.cli.{module}" for module in cli.MODULES}
    for args in (("--help", "--version"), ("--help", "check")):  # a tester: only check's
        assert every <= _modules_loaded_by(*args), args
    assert not {f"stopline.cli.{m}" for m in cli.MODULES} & _modules_loaded_by("--version")
