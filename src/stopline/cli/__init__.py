"""The ``stopline`` command line (Typer + Rich). Each module registers its commands on `app`."""

from rich.markup import escape

from stopline.cli import audit as _audit  # noqa: F401  (stopline audit-inbound)
from stopline.cli import campaigns as _campaigns  # noqa: F401  (stopline campaigns)
from stopline.cli import commands as _commands  # noqa: F401  (registers the core commands)
from stopline.cli import evaluate as _evaluate  # noqa: F401  (stopline eval)
from stopline.cli import insight as _insight  # noqa: F401  (stopline report campaigns)
from stopline.cli import lint as _lint  # noqa: F401
from stopline.cli import providers as _providers  # noqa: F401  (senders, worker, outbox, send)
from stopline.cli import review as _review  # noqa: F401  (stopline review)
from stopline.cli import scrub as _scrub  # noqa: F401
from stopline.cli import sync as _sync  # noqa: F401  (stopline sync)
from stopline.cli.app import app


def main() -> None:
    """Run the CLI; a file or folder that cannot be read or written (an output path in a
    folder that does not exist, a full disk) is one line and exit code 1, and a database
    that cannot be reached (wherever a command first touches it) one line and exit code 3,
    not a traceback."""
    from sqlalchemy.exc import OperationalError

    try:
        app()
    except OperationalError as exc:
        from stopline.cli.app import NO_DATABASE, err
        from stopline.storage.engine import driver_error

        reason = driver_error(exc)
        err.print(f"[red]Cannot reach the database:[/red] {escape(reason)}", highlight=False)
        raise SystemExit(NO_DATABASE) from None
    except OSError as exc:
        from stopline.cli.app import err

        what = escape(f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else ""))
        err.print(f"[red]{what}[/red]", highlight=False)
        raise SystemExit(1) from None


__all__ = ["app", "main"]
