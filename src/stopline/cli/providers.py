"""Provider commands: ``senders add|list|remove``, ``worker``, ``outbox``, ``send`` and
``fake-providers`` (local fakes of the providers' REST APIs)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from stopline.cli.base import app, database, err, graph_for, now, out, settings
from stopline.config import Settings

senders_app = typer.Typer(
    help="The sender registry: numbers, short codes, services.", no_args_is_help=True
)
outbox_app = typer.Typer(help="The outbox of REST replies.", no_args_is_help=True)
app.add_typer(senders_app, name="senders")
app.add_typer(outbox_app, name="outbox")

ProviderUrl = Annotated[
    list[str] | None,
    typer.Option(
        "--provider-url",
        help="Base URL for provider REST calls (a local fake): URL for all, or NAME=URL",
    ),
]


def with_provider_urls(config: Settings, values: list[str] | None) -> Settings:
    """Apply ``--provider-url`` values (also exported, for server worker processes)."""
    if not values:
        return config
    urls = dict(config.provider_urls)
    default = config.provider_url
    for value in values:
        name, sep, url = value.partition("=")
        if sep and not name.startswith("http"):
            urls[name.strip().lower()] = url.strip()
        else:
            default = value.strip()
    os.environ["STOPLINE_PROVIDER_URLS"] = json.dumps(urls)
    if default:
        os.environ["STOPLINE_PROVIDER_URL"] = default
    return config.model_copy(update={"provider_urls": urls, "provider_url": default})


@senders_app.command("add")
def senders_add(
    address: Annotated[str, typer.Argument(help="Number, short code or messaging service id")],
    provider: Annotated[
        str, typer.Option(help="twilio, telnyx, vonage, plivo, bandwidth, sinch, console")
    ],
    brand: Annotated[
        str | None, typer.Option(help="Brand named in replies from this sender")
    ] = None,
    topic: Annotated[
        list[str] | None, typer.Option(help="Topic this sender sends (repeatable)")
    ] = None,
    locale: Annotated[str | None, typer.Option(help="e.g. en-US, fr-CA")] = None,
    account: Annotated[
        str | None,
        typer.Option(
            help="Credentials name: \\[accounts.NAME] in the secrets file or "
            "STOPLINE_ACCOUNT_NAME_* variables (default: the provider's STOPLINE_* account)"
        ),
    ] = None,
    rate: Annotated[
        float | None,
        typer.Option(
            help="Broadcast messages per second from it (your provider's limit), shared by "
            "its campaigns that set no rate of their own"
        ),
    ] = None,
) -> None:
    """Register a sending address."""
    from stopline.services import senders

    config = settings()
    try:
        row = senders.new_sender(
            address,
            provider,
            brand=brand,
            topics=topic,
            locale=locale,
            account=account,
            region=config.default_region,
            rate_per_second=rate,
        )
    except senders.InvalidSender as exc:
        err.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2) from None
    engine = database(config)
    try:
        senders.add(engine, row, now())
    except senders.AlreadyRegistered as exc:
        err.print(f"[red]{escape(str(exc))}[/red] (remove it first)")
        raise typer.Exit(1) from None
    out.print(f"sender {escape(str(row.address))} registered with {row.provider}")
    from stopline.providers.accounts import AccountBook

    warning = senders.credentials_warning(AccountBook(config), row)
    if warning is not None:
        err.print(f"[yellow]warning:[/yellow] {escape(warning)}")


@senders_app.command("list")
def senders_list() -> None:
    """List registered senders (credential names only, never values)."""
    from stopline.storage import senders as repo

    engine = database(settings())
    table = Table("address", "provider", "brand", "topics", "locale", "account", "rate/s")
    with engine.connect() as conn:
        for s in repo.all_senders(conn):
            table.add_row(
                escape(s.address),
                s.provider,
                escape(s.brand or ""),
                escape(",".join(s.topics)),
                escape(s.locale or ""),
                escape(s.account or "default"),
                f"{s.rate_per_second:g}" if s.rate_per_second else "default",
            )
    out.print(table)


@senders_app.command("remove")
def senders_remove(address: str) -> None:
    """Unregister a sending address."""
    from stopline.services import senders

    config = settings()
    engine = database(config)
    try:
        removed = senders.remove(engine, address, config.default_region)
    except senders.SenderInUse as exc:
        err.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(1) from None
    if removed is None:
        err.print(f"[red]no sender {escape(address)}[/red]")
        raise typer.Exit(1)
    out.print(f"sender {escape(removed)} removed")


@app.command()
def worker(
    provider_url: ProviderUrl = None,
    once: Annotated[bool, typer.Option(help="Deliver what is due, then exit")] = False,
) -> None:
    """Deliver outbox rows (REST replies), send broadcasts and push consent events
    (STOPLINE_SYNC_URL) until stopped. Run as many as you like on PostgreSQL: rows are
    claimed with FOR UPDATE SKIP LOCKED, the push target with a lease."""
    from stopline import logs

    config = with_provider_urls(settings(), provider_url)
    logs.configure(config.log_level, config.log_format)
    graph = graph_for(config)
    try:
        if once:
            stats = graph.messaging.outbox.drain()
            out.print(f"sent {stats.sent}, retried {stats.retried}, dead-lettered {stats.dead}")
            sent = graph.messaging.broadcasts.drain()
            out.print(
                f"broadcasts: sent {sent.sent}, blocked {sent.blocked}, deferred {sent.deferred}"
            )
            if graph.sync is not None:
                out.print(f"consent sync: pushed {graph.sync.drain()} events")
            return
        worker_ = graph.messaging.outbox
        signal.signal(signal.SIGTERM, lambda *_: worker_.stop(0))
        graph.messaging.broadcasts.start()
        if graph.sync is not None:
            graph.sync.start()
        err.print("outbox, broadcast and sync workers running; Ctrl-C to stop")
        with contextlib.suppress(KeyboardInterrupt):
            worker_.run_forever()
    finally:
        graph.close()


@outbox_app.command("status")
def outbox_status(
    status: Annotated[str | None, typer.Option(help="pending, sending, sent or dead")] = None,
    limit: int = 20,
) -> None:
    """Counts by state and the latest rows."""
    from stopline.domain.phone import mask
    from stopline.storage import outbox as repo

    engine = database(settings())
    with engine.connect() as conn:
        counts = repo.counts(conn)
        rows = repo.recent(conn, status, limit)
    out.print("  ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "outbox empty")
    table = Table("id", "provider", "to", "status", "attempts", "next attempt", "last error")
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["provider"],
            mask(r["to_number"]),
            r["status"],
            str(r["attempts"]),
            r["next_attempt_at"].isoformat(timespec="seconds"),
            escape((r["last_error"] or "")[:60]),
        )
    out.print(table)


@outbox_app.command("retry-dead")
def outbox_retry_dead() -> None:
    """Give dead-lettered rows a fresh set of attempts."""
    from stopline.storage import outbox as repo

    engine = database(settings())
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        count = repo.requeue_dead(conn, now())
    out.print(f"{count} row(s) queued again")


@app.command()
def send(
    to: str,
    text: str,
    sender: Annotated[str, typer.Option(help="Registered sending address")],
    topic: Annotated[str | None, typer.Option(help="Topic, for the send gate")] = None,
    provider_url: ProviderUrl = None,
) -> None:
    """Send one SMS through the sender's provider, after the send gate. Exit 1 if blocked."""
    from stopline.services.outbound import SendError, SendStatus

    config = with_provider_urls(settings(), provider_url)
    graph = graph_for(config)
    try:
        linted = graph.messaging.campaigns.one_off_text(sender, topic, text)
        if linted is not None and linted.refused:
            problems = "; ".join(f.message for f in linted.findings if f.severity == "refused")
            err.print(f"[red]text refused:[/red] {escape(problems)}")
            raise typer.Exit(2)
        for finding in linted.findings if linted is not None else ():
            if finding.severity == "fixed":
                err.print(f"[yellow]{escape(finding.message)}[/yellow]")
        text = linted.text if linted is not None else text
        outcome = graph.messaging.outbound.send(to, text, sender, topic=topic)
    except SendError as exc:
        err.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2) from None
    finally:
        graph.close()
    result = outcome.result
    if outcome.status is SendStatus.SENT and result is not None:
        out.print(f"[green]sent[/green] via {outcome.provider}: {result.provider_message_id}")
        return
    if outcome.status is SendStatus.DEFERRED and outcome.not_before is not None:
        detail = f"{outcome.why_deferred}: send it from {outcome.not_before.isoformat()} (not sent)"
    elif result is not None:
        detail = (
            f"{result.error_code}: {result.detail}" if result.error_code else str(result.detail)
        )
    else:
        detail = "opted out (send gate)"
    out.print(f"[red]{outcome.status.value}[/red] {escape(detail)}")
    raise typer.Exit(1)


@app.command("fake-providers")
def fake_providers(
    port: Annotated[int, typer.Option(min=1, max=65535, help="Loopback port")] = 8900,
) -> None:
    """Serve local fakes of every provider's REST API on 127.0.0.1 (for development:
    point Stopline at it with --provider-url http://127.0.0.1:PORT)."""
    from stopline.providers.fakes.server import FakeProviders

    try:
        fake = FakeProviders(port=port).start()
    except RuntimeError:
        err.print(
            f"[red]Cannot listen on 127.0.0.1:{port}[/red] (is another server using it?)",
            highlight=False,
        )
        raise typer.Exit(1) from None
    err.print(f"fake provider APIs on {fake.url} (requests: {fake.url}/_fake/requests)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.stop()


@app.command("providers")
def providers_cmd() -> None:
    """Which providers are ready: the webhook URL to give each, whether its webhooks can be
    verified (else they answer 503), and how its replies leave (inline in the webhook's
    answer, or by REST with the account configured here). Reads settings only."""
    from stopline.providers.accounts import REQUIRED, AccountBook
    from stopline.providers.registry import WEBHOOK_PROVIDERS, build_providers

    config = settings()
    try:
        built = build_providers(config, config.default_region)
    except ValueError as exc:
        err.print(f"[red]Configuration error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    accounts = AccountBook(config)
    from stopline.services.consent_sync import shown_url

    # a password in the URL (HTTP basic auth at a proxy) is not printed
    base = shown_url(config.public_url).rstrip("/") if config.public_url else "http://HOST:PORT"
    table = Table("provider", "webhooks", "replies")
    # the URL is what people copy: never split, the other columns wrap instead
    longest = max(len(f"{base}/webhooks/{name}") for name in WEBHOOK_PROVIDERS)
    table.add_column("webhook URL", no_wrap=True, min_width=longest)
    for name in WEBHOOK_PROVIDERS:
        provider = built[name]
        hooks = (
            "[green]verified[/green]" if provider.webhooks_configured else "[red]no key: 503[/red]"
        )
        if name in config.silent():
            replies = "the provider's own (silent)"
        elif provider.inline_replies:
            replies = "inline"
        else:
            missing = accounts.missing(name)
            if not missing:
                replies = "REST"
            elif len(missing) == len(REQUIRED[name]):
                replies = "[yellow]REST: no credentials[/yellow]"
            else:
                replies = f"[yellow]REST: lacks {escape(', '.join(missing))}[/yellow]"
        table.add_row(name, hooks, replies, escape(f"{base}/webhooks/{name}"))
    table.caption = "and console: sends go to the server's log, for development (no webhooks)"
    out.print(table)
    if not config.public_url:
        err.print(
            "[yellow]STOPLINE_PUBLIC_URL is not set[/yellow]: set it to the base URL providers "
            "call (signatures cover it)"
        )
