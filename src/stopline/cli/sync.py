"""``stopline sync``: push consent events to another system (STOPLINE_SYNC_URL)."""

from __future__ import annotations

import contextlib
import json
import signal
from datetime import datetime
from enum import StrEnum
from typing import Annotated

import typer
from rich.markup import escape

from stopline.cli.base import app, database, err, graph_for, now, out, settings
from stopline.domain.instants import utc_text
from stopline.services.consent_sync import shown_url
from stopline.storage import sync_targets as repo

sync_app = typer.Typer(
    help="Push every consent event to a CRM or warehouse (signed webhooks, in order, "
    "retried until accepted).",
    no_args_is_help=True,
)
app.add_typer(sync_app, name="sync")


@sync_app.command("secret")
def secret() -> None:
    """Print a new signing secret for STOPLINE_SYNC_SECRET (give the receiver the same)."""
    from stopline.services.sync_secret import new_secret

    out.print(new_secret(), highlight=False)


@sync_app.command("status")
def status(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per target")] = False,
) -> None:
    """Each target's place in the feed: events delivered, events waiting, last error."""
    from stopline.storage import consent_feed

    config = settings()
    engine = database(config)
    try:
        with engine.connect() as conn:
            targets = repo.all_targets(conn)
            waiting = {t.name: consent_feed.count_after(conn, t.cursor or None) for t in targets}
            end = consent_feed.end_cursor(conn)
    finally:
        engine.dispose()
    if config.sync_url is None:
        err.print("STOPLINE_SYNC_URL is not set: nothing is pushed (GET /v1/consent/events)")
    rows = [
        {
            "target": t.name,
            "url": shown_url(config.sync_url) if t.name == "default" and config.sync_url else None,
            "delivered": t.delivered,
            "delivered_at": t.delivered_at.isoformat() if t.delivered_at else None,
            "waiting": waiting[t.name],
            "attempts": t.attempts,
            "next_attempt_at": t.next_attempt_at.isoformat() if t.attempts else None,
            "last_error": t.last_error,
            "cursor": t.cursor,
            "end": end,
        }
        for t in targets
    ]
    if as_json:
        for row in rows:
            print(json.dumps(row))
        return
    if not rows:
        out.print("no push target has run yet")
        return
    for target, row in zip(targets, rows, strict=True):
        _show(target, row["url"], waiting[target.name])


def _show(target: repo.Target, url: object, waiting: int) -> None:
    """One target as labelled lines: readable at any terminal width (a table of six columns
    squeezed its figures to nothing at 80)."""
    out.print(f"[bold]{escape(target.name)}[/bold]  {escape(str(url or ''))}".rstrip())
    out.print(f"  delivered  {target.delivered:,}    waiting  {waiting:,}")
    out.print(f"  last delivery  {_when(target.delivered_at) or 'never'}")
    if target.attempts:
        out.print(f"  retrying  {target.attempts} attempt(s), next {_when(target.next_attempt_at)}")
    if target.last_error:
        out.print(f"  last error  {escape(target.last_error)}")


def _when(moment: datetime | None) -> str:
    return utc_text(moment.replace(microsecond=0)).replace("T", " ") if moment else ""


@sync_app.command("run")
def run(
    once: Annotated[bool, typer.Option(help="Push what is waiting, then exit")] = False,
) -> None:
    """Push consent events to STOPLINE_SYNC_URL until stopped (a server started with
    STOPLINE_SYNC_WORKER=true, the default, does this itself)."""
    from stopline import logs

    config = settings()
    if config.sync_url is None:
        err.print("[red]STOPLINE_SYNC_URL is not set[/red]: nothing to push to")
        raise typer.Exit(2)
    logs.configure(config.log_level, config.log_format)
    graph = graph_for(config)
    try:
        sync = graph.sync
        assert sync is not None
        if once:
            pushed = sync.drain()
            out.print(f"pushed {pushed} events")
            with graph.engine.connect() as conn:
                state = repo.get(conn, sync.target.name)
            if state is not None and state.attempts:  # cron and monitors see the failure
                when = state.next_attempt_at.isoformat(timespec="seconds")
                err.print(
                    f"[red]failing[/red] after {state.attempts} attempt(s): "
                    f"{escape(state.last_error or 'unknown error')}; next attempt {when}"
                )
                raise typer.Exit(1)
            return
        signal.signal(signal.SIGTERM, lambda *_: sync.stop(0))
        err.print(f"pushing consent events to {shown_url(config.sync_url)}; Ctrl-C to stop")
        with contextlib.suppress(KeyboardInterrupt):
            sync.run_forever()
    finally:
        graph.close()


class Place(StrEnum):
    START = "start"
    END = "end"


@sync_app.command("reset")
def reset(
    to: Annotated[
        Place,
        typer.Option(help="start: push the whole ledger again; end: only events from now on"),
    ],
    target: Annotated[str, typer.Option(help="Target name")] = "default",
) -> None:
    """Move a target's place in the feed (e.g. `--to end` for a CRM that imported the
    suppression list already)."""
    from stopline.storage import consent_feed

    engine = database(settings())
    try:
        with engine.execution_options(sqlite_immediate=True).begin() as conn:
            known = sorted({t.name for t in repo.all_targets(conn)} | {"default"})
            if target not in known:  # a typo would make a target nothing ever pushes to
                err.print(
                    f"[red]no target {escape(repr(target))}[/red]: "
                    f"known targets are {escape(', '.join(known))}"
                )
                raise typer.Exit(2)
            cursor = "" if to is Place.START else consent_feed.end_cursor(conn)
            repo.move(conn, target, cursor, now())
    finally:
        engine.dispose()
    out.print(f"{escape(target)}: next push starts at the {to.value} of the consent feed")
