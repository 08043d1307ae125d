"""``stopline review``: the queue of unclear inbound messages."""

from __future__ import annotations

from datetime import UTC
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from stopline import bootstrap
from stopline.cli.base import (
    app,
    database,
    err,
    now,
    out,
    sends_settled,
    settings,
    wait_for_sends_in_flight,
    within,
)
from stopline.domain.consent import MAX_ACTOR_LENGTH, MAX_NOTE_LENGTH, Scope
from stopline.domain.review import Decision
from stopline.services.review import ReviewDecision, decide, log_report, sweep
from stopline.storage import review as repo

review_app = typer.Typer(
    help="The review queue: messages whose intent is unclear.", no_args_is_help=True
)
app.add_typer(review_app, name="review")

_STATUSES = {
    "open": ["open"],
    "closed": ["decided", "defaulted"],
    "decided": ["decided"],
    "defaulted": ["defaulted"],
    "all": None,
}
_DECISIONS = {
    "opt-out": Decision.OPT_OUT,
    "opt_out": Decision.OPT_OUT,
    "no-action": Decision.NO_ACTION,
    "no_action": Decision.NO_ACTION,
    "opt-in": Decision.OPT_IN,
    "opt_in": Decision.OPT_IN,
}


@review_app.command("list")
def review_list(
    status: Annotated[str, typer.Option(help="open, closed, decided, defaulted or all")] = "open",
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="Most items to show")] = 100,
) -> None:
    """List review items, oldest first, with their legal due dates."""
    if status not in _STATUSES:
        err.print(f"[red]Unknown status {status!r}:[/red] use {', '.join(_STATUSES)}")
        raise typer.Exit(2)
    engine = database(settings())
    with engine.connect() as conn:
        items = repo.page(conn, statuses=_STATUSES[status], limit=limit)[:limit]
        totals = repo.counts(conn)
    # the number and dates whole on a narrow terminal: the message wraps instead
    table = Table(caption="times in UTC")
    for name in ("id", "received", "number"):
        table.add_column(name, no_wrap=True)
    table.add_column("message", ratio=1, min_width=12)
    table.add_column("due")
    table.add_column("status")
    table.add_column("decision")
    moment = now()
    for item in items:
        due = item.due_at.astimezone(UTC).strftime("%m-%d %H:%M")
        if item.status == "open" and item.due_at <= moment:
            due = f"[red]{due} (overdue)[/red]"
        elif item.escalated_at is not None and item.status == "open":
            due = f"[yellow]{due} (escalated)[/yellow]"
        table.add_row(
            str(item.id),
            item.received_at.astimezone(UTC).strftime("%m-%d %H:%M"),
            item.number,
            escape(item.body if len(item.body) <= 60 else item.body[:57] + "…"),
            due,
            item.status,
            escape(f"{item.decision} by {item.decided_by}") if item.decision else "",
        )
    out.print(table)
    summary = ", ".join(f"{n} {s}" for s, n in sorted(totals.items())) or "empty"
    err.print(f"queue: {summary}")


@review_app.command("decide")
def review_decide(
    item_id: Annotated[int, typer.Argument(help="The review item's id (see `review list`)")],
    decision: Annotated[str, typer.Argument(help="opt-out, no-action or opt-in")],
    actor: Annotated[str, typer.Option(help="Who decides (recorded on the ledger event)")],
    note: Annotated[str | None, typer.Option(help="Why")] = None,
    scope: Annotated[str, typer.Option(help="organisation, topic:KEY or sender:ADDRESS")] = (
        "organisation"
    ),
) -> None:
    """Decide a review item. opt-out records an opt-out (source review, actor you); opt-in
    honours a START that could not be honoured unseen (its body was not signed)."""
    chosen = _DECISIONS.get(decision.lower())
    if chosen is None:
        err.print(f"[red]Unknown decision {decision!r}:[/red] use opt-out, no-action or opt-in")
        raise typer.Exit(2)
    within("--actor", actor, MAX_ACTOR_LENGTH)
    within("--note", note, MAX_NOTE_LENGTH)
    if not actor.strip():
        err.print("[red]--actor must name who decides[/red]")
        raise typer.Exit(2)
    config = settings()
    try:
        parsed = Scope.canonical(scope, config.default_region)
    except ValueError as exc:
        err.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2) from None
    engine = database(config)
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        [result] = decide(
            conn, [ReviewDecision(item_id, chosen, actor.strip(), note, parsed)], now()
        )
    if result.outcome == "not_found" or result.item is None:
        err.print(f"[red]No review item #{item_id}[/red]")
        raise typer.Exit(1)
    if result.outcome == "already_decided":
        err.print(
            f"[red]Review item #{item_id} was already {result.item.status}[/red] "
            f"({result.item.decision} by {result.item.decided_by})"
        )
        raise typer.Exit(1)
    if chosen is Decision.OPT_OUT and result.changed:
        wait_for_sends_in_flight(config.database_url, engine, result.item.number)
        out.print(
            f"item #{item_id}: opt-out recorded for {result.item.number}, event #{result.event_id}"
        )
    elif chosen is Decision.OPT_OUT:
        out.print(f"item #{item_id}: {result.item.number} was already opted out; nothing recorded")
    elif chosen is Decision.OPT_IN and result.changed:
        out.print(
            f"item #{item_id}: opt-in recorded for {result.item.number}, event #{result.event_id}"
        )
    elif chosen is Decision.OPT_IN:
        why = "a later statement stands" if result.superseded_by else "it was not opted out"
        out.print(f"item #{item_id}: closed, nothing recorded ({why})")
    else:
        out.print(f"item #{item_id}: closed, no action")


@review_app.command("sweep")
def review_sweep() -> None:
    """Escalate items near their due date and apply the default to those out of time.
    The server does this every STOPLINE_REVIEW_SWEEP_SECONDS; run it from cron otherwise."""
    config = settings()
    engine = database(config)
    policy = bootstrap.review_policy_from(config)
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        report = sweep(conn, now(), policy)
    with sends_settled(config.database_url, engine) as settle:
        settle(report.opted_out)
    log_report(report)
    out.print(
        f"{len(report.escalated)} escalated, {len(report.defaulted)} decided by the default "
        f"({policy.default.value})"
    )
    for item_id in report.escalated:
        err.print(f"  escalated: item #{item_id}")
    for result in report.defaulted:
        err.print(f"  defaulted: item #{result.item_id} (event {result.event_id})")
