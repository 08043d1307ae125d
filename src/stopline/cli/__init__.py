"""The ``stopline`` command line (Typer + Rich). Each module registers its commands on `app`."""

from stopline.cli import commands as _commands  # noqa: F401  (registers the core commands)
from stopline.cli import lint as _lint  # noqa: F401
from stopline.cli import scrub as _scrub  # noqa: F401
from stopline.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
