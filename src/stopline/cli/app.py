"""The root ``stopline`` Typer application and what every command module shares."""

from __future__ import annotations

from datetime import UTC, datetime

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from stopline.config import Settings

app = typer.Typer(
    help="Stopline: SMS opt-out and consent system. Settings come from STOPLINE_* variables.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="markdown",  # docstrings wrap to the terminal, paragraphs kept
)

out = Console()
err = Console(stderr=True)


def settings() -> Settings:
    """Settings from the environment, or a clear error and exit code 2."""
    try:
        return Settings()
    except Exception as exc:
        err.print(f"[red]Configuration error:[/red] {exc}")
        raise typer.Exit(2) from None


def now() -> datetime:
    return datetime.now(UTC)


def progress() -> Progress:
    """A progress bar on stderr, for long work."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=err,
    )
