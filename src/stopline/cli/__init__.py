"""The ``stopline`` command line (Typer + Rich). Each module registers its commands on `app`.

`main` imports only the module of the command it is asked to run (`stopline scrub` needs
neither the language tables nor the server's wiring, about a second of imports); help, a
mistyped command and ``from stopline.cli import app`` get every command."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stopline.cli.base import app

# Where each top-level command lives. tests/unit/test_cli_commands.py fails when a command is
# added without its line here.
HOME: dict[str, str] = {
    "audit-inbound": "audit",
    "campaigns": "campaigns",
    "check": "commands",
    "classify": "commands",
    "consent": "commands",
    "db": "commands",
    "keys": "commands",
    "ledger": "commands",
    "serve": "commands",
    "suppressions": "commands",
    "eval": "evaluate",
    "report": "insight",
    "lint": "lint",
    "fake-providers": "providers",
    "outbox": "providers",
    "providers": "providers",
    "send": "providers",
    "senders": "providers",
    "worker": "providers",
    "review": "review",
    "scrub": "scrub",
    "sync": "sync",
}
MODULES = tuple(dict.fromkeys(HOME.values()))


def register(args: Sequence[str] | None = None) -> None:
    """Register the command that ``args`` (the command line after ``stopline``) runs, or
    every command when they name none this table knows."""
    given = list(args or ())
    at = next((i for i, arg in enumerate(given) if not arg.startswith("-")), len(given))
    named, before = (given[at] if at < len(given) else None), given[:at]
    if named is None and "--version" in before and "--help" not in before:
        return  # answered before any command is looked at
    home = HOME.get(named) if named and "--help" not in before else None
    for module in (home,) if home else MODULES:
        importlib.import_module(f"stopline.cli.{module}")


def __getattr__(name: str) -> Any:
    if name == "app":
        register()
        from stopline.cli.base import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Run the CLI; a file or folder that cannot be read or written (an output path in a
    folder that does not exist, a full disk) is one line and exit code 1, and a database
    that cannot be reached (wherever a command first touches it) one line and exit code 3,
    not a traceback."""
    from rich.markup import escape
    from sqlalchemy.exc import OperationalError

    from stopline.cli.base import app, err

    register(sys.argv[1:])
    try:
        app()
    except OperationalError as exc:
        from stopline.cli.base import NO_DATABASE
        from stopline.storage.engine import driver_error

        reason = driver_error(exc)
        err.print(f"[red]Cannot reach the database:[/red] {escape(reason)}", highlight=False)
        raise SystemExit(NO_DATABASE) from None
    except OSError as exc:
        what = escape(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""))
        err.print(f"[red]{what}[/red]", highlight=False)
        raise SystemExit(1) from None


__all__ = ["app", "main"]
