"""The root ``stopline`` Typer application and what every command module shares."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.errors import MarkupError
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.text import Text
from sqlalchemy import Engine

from stopline.config import Settings

if TYPE_CHECKING:  # the application loads only for the commands that need it
    from stopline.bootstrap import Stopline

app = typer.Typer(
    help="Stopline: SMS opt-out and consent system. Settings come from STOPLINE_* variables.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="markdown",  # docstrings wrap to the terminal, paragraphs kept
)


def _show_version(value: bool) -> None:
    if value:
        from stopline import __version__

        print(f"stopline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the version and exit"
        ),
    ] = False,
) -> None:
    """Stopline: SMS opt-out and consent system. Settings come from STOPLINE_* variables."""


# The only markup tags Stopline's own messages use; any other bracketed text is shown as it
# was written ("[link=...]" in a stored message must not become a link in a terminal).
_OWN_TAGS = frozenset({"red", "green", "yellow", "cyan", "white", "bold", "dim"})
_TAG = re.compile(r"(?<!\\)\[([^\[\]\n]*)\]")


def _only_own_tags(text: str) -> str:
    def keep(match: re.Match[str]) -> str:
        tag = match.group(1).removeprefix("/")
        own = (
            tag.startswith("progress.")
            or match.group(1) == "/"
            or (bool(tag) and all(word in _OWN_TAGS for word in tag.split()))
        )
        return match.group(0) if own else "\\" + match.group(0)

    return _TAG.sub(keep, text)


class SafeConsole(Console):
    """A console whose markup is Stopline's own style tags only.

    Stored text (an SMS, a campaign or key name, a brand) is escaped where it is printed
    (`rich.markup.escape`); this is the net under that: a tag that is not one of ours is
    printed literally, and a line whose tags do not balance is printed without markup
    rather than raising (a texted "[/]" crashed `stopline review list`)."""

    def render_str(self, text: str, *, markup: bool | None = None, **options: Any) -> Text:
        if markup is False or (markup is None and not self._markup):
            return super().render_str(text, markup=markup, **options)
        try:
            return super().render_str(_only_own_tags(text), markup=True, **options)
        except MarkupError:
            return super().render_str(text, markup=False, **options)


# No emoji codes (a scope "topic:gift" is not 🎁) and no wrapping (a piped line stays one
# line for whatever reads it); stored text printed with markup goes through `escape`.
out = SafeConsole(emoji=False, soft_wrap=True)
err = SafeConsole(stderr=True, emoji=False, soft_wrap=True)


def settings() -> Settings:
    """Settings from the environment, or a clear error and exit code 2."""
    from pydantic import ValidationError

    try:
        return Settings()
    except ValidationError as exc:
        for problem in exc.errors():
            where = [str(p) for p in problem.get("loc", ())]
            message = str(problem.get("msg", "invalid")).removeprefix("Value error, ")
            label = ""
            if where:
                label = f"STOPLINE_{where[0].upper()}" + "".join(f".{p}" for p in where[1:])
                label += ": "
            err.print(f"[red]Configuration error:[/red] {label}{message}", highlight=False)
        raise typer.Exit(2) from None
    except Exception as exc:
        err.print(f"[red]Configuration error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from None


NO_DATABASE = 3  # exit code: no answer, the database is missing or cannot be opened


def database(config: Settings, *, create: bool = False, upgrade: bool = True) -> Engine:
    """The database engine for a command. A SQLite file that does not exist is an error
    (exit code 3, `NO_DATABASE`) unless ``create`` (`serve`, `db upgrade`, `keys create`):
    not a new empty database silently answering that every number may be texted, nor one
    that records an opt-out no server will ever read. A database that cannot be opened is
    one line and the same exit code, not a traceback."""
    from sqlalchemy.exc import OperationalError

    from stopline.storage.database import open_database
    from stopline.storage.engine import driver_error, sqlite_file
    from stopline.storage.migrate import EmptyDatabase, SchemaError

    if not create:
        require_database(config)
    elif (path := sqlite_file(config.database_url)) is not None and not path.exists():
        where = escape(str(path))
        err.print(f"[yellow]No database at {where}: creating it[/yellow]", highlight=False)
    try:
        return open_database(config.database_url, upgrade=upgrade, existing=upgrade and not create)
    except EmptyDatabase as exc:
        err.print(
            f"[red]No Stopline database at {escape(masked_url(config.database_url))}[/red]: "
            f"{exc} (check STOPLINE_DATABASE_URL; create the tables with `stopline db "
            "upgrade`, or start `stopline serve`, which does)",
            highlight=False,
        )
        raise typer.Exit(NO_DATABASE) from None
    except OperationalError as exc:
        err.print(f"[red]Cannot open the database:[/red] {driver_error(exc)}", highlight=False)
        raise typer.Exit(NO_DATABASE) from None
    except SchemaError as exc:  # migrated by a newer Stopline: no answer from this one
        err.print(
            f"[red]Cannot use the database:[/red] {escape(str(exc))}; a newer Stopline "
            "migrated it (`stopline db current` shows its revision): run that version",
            highlight=False,
        )
        raise typer.Exit(NO_DATABASE) from None


def graph_for(config: Settings) -> Stopline:
    """The whole application for a command that sends or runs workers, after the checks and
    one-line refusals of `database` (exit 3: a missing or never migrated database, one a
    newer Stopline migrated, one that cannot be opened)."""
    from stopline import bootstrap

    return bootstrap.build(config, engine=database(config))


def masked_url(url: str) -> str:
    """A database URL as it may be shown: its password hidden."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def require_database(config: Settings) -> None:
    """Exit with `NO_DATABASE` when the settings name a SQLite file that does not exist."""
    from stopline.storage.engine import sqlite_file

    path = sqlite_file(config.database_url)
    if path is not None and not path.exists():
        err.print(
            f"[red]No database at {escape(str(path))}[/red] "
            f"(STOPLINE_DATABASE_URL={escape(config.database_url)}; a relative path is read "
            "from the current folder): run this where Stopline runs, give an absolute path "
            "such as sqlite:////srv/stopline/stopline.db, or create a new database with "
            "`stopline db upgrade`",
            highlight=False,
        )
        raise typer.Exit(NO_DATABASE)


def now() -> datetime:
    return datetime.now(UTC)


def progress() -> Progress:
    """A progress bar on stderr, for long work; it disappears when the work ends (no "0%"
    line left under an error message)."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def within(option: str, value: str | None, longest: int) -> None:
    """Refuse an option longer than what the API accepts (PostgreSQL would refuse it with
    a traceback, SQLite would store it)."""
    if value is not None and len(value) > longest:
        err.print(f"[red]{option} is {len(value):,} characters long[/red]: at most {longest:,}")
        raise typer.Exit(2)


def sender_option(sender: str | None, region: str) -> str | None:
    """``--sender`` as `phone.named_sender` reads it; one that can be no address is refused
    (exit 2), as the API refuses it."""
    from stopline.domain.phone import named_sender

    try:
        return named_sender(sender, region)
    except ValueError as exc:
        err.print(f"[red]--sender: {escape(str(exc))}[/red]")
        raise typer.Exit(2) from None


def wait_for_sends_in_flight(database_url: str, engine: Engine, number: str) -> None:
    """As the API does before it answers an opt-out: wait until no broadcast send to the
    number, in any process on this database, is still on its way to the provider."""
    with sends_settled(database_url, engine) as settle:
        settle([number])


@contextmanager
def sends_settled(database_url: str, engine: Engine) -> Iterator[Callable[[Sequence[str]], None]]:
    """A function to call with the numbers of each committed batch of opt-outs: it waits, as
    the API does before it answers, until no broadcast send to them, in any process on this
    database, is still on its way to the provider. A warning at the end names how many
    batches still had a send in flight when the wait gave up."""
    from stopline.services.send_fence import FENCE_TIMEOUT, SendFence
    from stopline.storage.send_locks import send_locks

    fence = SendFence(shared=send_locks(database_url, engine))
    late: list[int] = []

    def settle(numbers: Sequence[str]) -> None:
        if numbers and not fence.wait_clear(numbers):
            late.append(len(numbers))

    try:
        yield settle
    finally:
        fence.close()
    if late == [1]:
        err.print(
            f"[yellow]warning:[/yellow] a broadcast send to this number was still in flight "
            f"after {FENCE_TIMEOUT:.0f} s; it may still arrive"
        )
    elif late:
        err.print(
            f"[yellow]warning:[/yellow] a broadcast send to one of {sum(late):,} numbers just "
            f"opted out was still in flight after {FENCE_TIMEOUT:.0f} s; it may still arrive"
        )
