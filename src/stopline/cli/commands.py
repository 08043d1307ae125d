"""Core commands: serve, db, keys, check, classify, consent, suppressions, ledger."""

from __future__ import annotations

import errno
import io
import json
import logging
import os
import shutil
import socket
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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
    progress,
    sender_option,
    sends_settled,
    settings,
    wait_for_sends_in_flight,
    within,
)
from stopline.cli.providers import ProviderUrl, with_provider_urls
from stopline.config import Settings
from stopline.domain.consent import (
    MAX_ACTOR_LENGTH,
    MAX_NOTE_LENGTH,
    ConsentDraft,
    Kind,
    Scope,
    Source,
)
from stopline.domain.inbound import InboundPolicy
from stopline.domain.language import ClassifyContext, classify
from stopline.domain.phone import InvalidNumber, normalise, normalise_address, read_abroad

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from stopline.services.ledger import VerifyReport

db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
keys_app = typer.Typer(help="API keys.", no_args_is_help=True)
consent_app = typer.Typer(help="Record consent changes by hand.", no_args_is_help=True)
suppressions_app = typer.Typer(help="Import and export the suppression list.", no_args_is_help=True)
ledger_app = typer.Typer(help="The consent ledger.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(keys_app, name="keys")
app.add_typer(consent_app, name="consent")
app.add_typer(suppressions_app, name="suppressions")
app.add_typer(ledger_app, name="ledger")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port")] = 8000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=256,
            help="Worker processes (SQLite: on one machine; PostgreSQL: on several hosts too)",
        ),
    ] = 1,
    log_level: Annotated[str | None, typer.Option(help="DEBUG, INFO, WARNING…")] = None,
    provider_url: ProviderUrl = None,
) -> None:
    """Run the HTTP server (webhooks, consent API, /docs, /healthz, /metrics)."""
    import uvicorn

    from stopline import logs
    from stopline.api.app import SERVE_PID, create_app
    from stopline.shared_metrics import METRICS_DIR

    config = with_provider_urls(settings(), provider_url)
    level = (log_level or config.log_level).upper()
    logs.configure(level, config.log_format, access_log=config.access_log)
    # Claim the port first: a second server on a taken port must not start workers (writer,
    # outbox, broadcasts, sync) or touch the database before it finds out.
    listening = _listen(host, port)
    database(config, create=True).dispose()  # migrate once, before any worker starts
    from stopline.providers.registry import build_providers

    try:  # credentials that cannot be read: one clear line, not a traceback from each worker
        build_providers(config, config.default_region)
    except ValueError as exc:
        err.print(f"[red]Configuration error:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    common = {
        "host": host,
        "port": port,
        "log_config": None,
        "log_level": level.lower(),
        "access_log": config.access_log,
        "proxy_headers": True,
        "timeout_graceful_shutdown": 20,
        # a worker builds its whole app (migrations checked, index loaded, writer child
        # started) before it answers uvicorn's health check: 5 s (the default) on a busy
        # small machine had workers killed and restarted in a loop at start-up
        "timeout_worker_healthcheck": 60,
        "server_header": False,
    }
    if workers > 1:
        listening.close()  # uvicorn binds again before it starts the workers
        os.environ[SERVE_PID] = str(os.getpid())  # workers exit if this process dies
        try:  # one /metrics for all workers (`shared_metrics`)
            shared: str | None = tempfile.mkdtemp(prefix="stopline-metrics-")
            os.environ[METRICS_DIR] = str(shared)
        except OSError as exc:
            shared = None
            logging.getLogger("stopline").warning(
                "no temporary folder for shared metrics (%s): /metrics shows one worker", exc
            )
        try:
            factory = "stopline.api.app:create_app_from_env"
            uvicorn.run(factory, factory=True, workers=workers, **common)  # type: ignore[arg-type]
        finally:
            if shared is not None:
                os.environ.pop(METRICS_DIR, None)
                shutil.rmtree(shared, ignore_errors=True)
    else:
        server = uvicorn.Server(uvicorn.Config(create_app(config, freeze_heap=True), **common))  # type: ignore[arg-type]
        shown = f"[{host}]" if ":" in host else host
        logging.getLogger("stopline").info("listening on http://%s:%d (Ctrl-C stops)", shown, port)
        server.run(sockets=[listening])


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (as uvicorn binds it), or exit 1 saying why not."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)  # listening claims the port (bound alone, another may bind it too)
    except OSError as exc:
        sock.close()
        why = exc.strerror or str(exc)
        if exc.errno == errno.EADDRINUSE:
            why += " (another server, perhaps another Stopline, is listening there)"
        err.print(f"[red]Cannot listen on {escape(host)}:{port}:[/red] {escape(why)}")
        raise typer.Exit(1) from None
    sock.set_inheritable(True)
    return sock


@db_app.command("upgrade")
def db_upgrade(revision: str = "head") -> None:
    """Create or migrate the schema (safe to repeat)."""
    from stopline.storage import migrate

    engine = database(settings(), create=True, upgrade=False)
    try:
        migrate.upgrade(engine, revision)
    except migrate.SchemaError as exc:
        err.print(f"[red]Cannot upgrade to {escape(revision)!s}:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    out.print(f"schema at revision {migrate.current(engine)}")


@db_app.command("current")
def db_current() -> None:
    """Show the schema revision."""
    from stopline.storage import migrate

    engine = database(settings(), upgrade=False)
    out.print(f"current: {migrate.current(engine)}  head: {migrate.head()}")


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who or what uses the key")],
    scope: Annotated[
        list[str] | None,
        typer.Option(
            help="check, write or admin (repeatable, or comma-separated; default: check only)",
            metavar="SCOPE",
        ),
    ] = None,
) -> None:
    """Create an API key. The key is printed once, alone on the last line."""
    from stopline.services.keys import KeyScope, create_key, key_name

    given = [part.strip().lower() for s in scope or ["check"] for part in s.split(",")]
    scopes = frozenset(s for s in given if s)
    if not scopes:
        err.print("[red]--scope is empty[/red]; use check, write or admin")
        raise typer.Exit(2)
    unknown = sorted(s for s in scopes if s not in {k.value for k in KeyScope})
    if unknown:
        err.print(f"[red]Unknown scope(s):[/red] {', '.join(unknown)}; use check, write or admin")
        raise typer.Exit(2)
    try:
        name = key_name(name)
    except ValueError as exc:
        err.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2) from None
    engine = database(settings(), create=True)
    new = create_key(engine, name, scopes, now())
    err.print(f"Created key #{new.id} '{escape(name)}' with scopes {', '.join(sorted(scopes))}.")
    err.print("Store it now: only its hash is kept.")
    print(new.key)


@keys_app.command("list")
def keys_list() -> None:
    """List keys (never the keys themselves)."""
    from stopline.storage import keys as repo

    engine = database(settings())
    table = Table("id", "name", "prefix", "scopes", "created", "revoked")
    with engine.connect() as conn:
        for k in repo.all_keys(conn):
            table.add_row(
                str(k.id),
                escape(k.name),
                k.prefix,
                ",".join(sorted(k.scopes)),
                k.created_at.isoformat(timespec="seconds"),
                k.revoked_at.isoformat(timespec="seconds") if k.revoked_at else "",
            )
    out.print(table)


@keys_app.command("revoke")
def keys_revoke(key_id: int) -> None:
    """Revoke a key (takes effect within STOPLINE_KEY_CACHE_SECONDS everywhere)."""
    from stopline.storage import keys as repo

    engine = database(settings())
    with engine.begin() as conn:
        done = repo.revoke(conn, key_id, now())
    if not done:
        err.print(f"[red]No active key #{key_id}[/red]")
        raise typer.Exit(1)
    out.print(f"key #{key_id} revoked")


@app.command()
def check(
    number: str,
    sender: Annotated[str | None, typer.Option(help="Sending number or short code")] = None,
    topic: Annotated[str | None, typer.Option(help="Topic or department")] = None,
) -> None:
    """May NUMBER be texted? Exit code 0 = allowed, 1 = blocked, 2 = invalid number, 3 = no
    answer (the database is missing or cannot be opened)."""
    from stopline.domain.consent import scopes_for_send
    from stopline.domain.policy import may_send
    from stopline.storage import ledger as repo

    config = settings()
    region = config.default_region
    try:
        e164 = normalise(number, region)
    except InvalidNumber as exc:
        err.print(
            f"[red]{escape(repr(number))} is not a valid phone number:[/red] {escape(exc.reason)}"
        )
        raise typer.Exit(2) from None
    sender_address = sender_option(sender, region)
    engine = database(config)
    abroad = read_abroad(number, e164)  # ten bare digits: blocked if either reading is
    readings = [e164] if abroad is None else [e164, abroad]
    with engine.connect() as conn:  # one indexed query: no need for the server's index
        active = repo.active_suppressions(conn, readings, scopes_for_send(sender_address, topic))
    engine.dispose()
    decisions = [(n, may_send(active.get(n, {}), sender_address, topic)) for n in readings]
    e164, d = next(((n, d) for n, d in decisions if not d.allowed), decisions[0])
    if d.allowed:
        out.print(f"[green]allowed[/green] {e164}: no opt-out applies")
        return
    since = d.since.isoformat(timespec="seconds") if d.since else "?"
    why = escape(f"opted out ({d.scope}) since {since} via {d.source}")
    out.print(f"[red]blocked[/red] {e164}: {why}")
    raise typer.Exit(1)


def _classify_context(config: Settings, sender: str | None) -> ClassifyContext:
    """The reading the server gives messages to ``sender``: its settings-file entry, with a
    sender registered at runtime (`stopline senders add`, /v1/senders) laid over it."""
    if sender is None:
        return bootstrap.context_from(config)
    from stopline.services.senders import SenderDirectory
    from stopline.storage.engine import sqlite_file

    policy = InboundPolicy(bootstrap.brand_from(config))
    configured = bootstrap.senders_from(config, policy)
    default = (bootstrap.context_from(config), policy)
    address = normalise_address(sender, config.default_region)
    path = sqlite_file(config.database_url)
    if path is not None and not path.exists():  # no database: the settings file alone
        found = configured.get(address)
        context = found[0] if found is not None else None
    else:
        engine = database(config)
        try:
            directory = SenderDirectory(engine, lambda a: configured.get(a, default))
            profile = directory.profile(address)
        finally:
            engine.dispose()
        known = profile.sender is not None or address in configured
        context = profile.context if known else None
    if context is None:
        err.print(
            f"--sender: {sender} is neither registered (stopline senders list) nor "
            "configured ([senders] in the settings file)",
            markup=False,
            highlight=False,
        )
        raise typer.Exit(2)
    return context


@app.command("classify")
def classify_cmd(
    text: Annotated[str | None, typer.Argument(help="The message text")] = None,
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help='Read {"text": ...} lines on stdin (optional "id" and "locale"), write one JSON '
            'line per message with its "line" number (blank lines are skipped)',
        ),
    ] = False,
    locale: Annotated[
        str | None,
        typer.Option(help="Sender locale, e.g. en-US, fr-CA (default: the configured one)"),
    ] = None,
    sender: Annotated[
        str | None,
        typer.Option(help="Read as this configured sender would (its keywords and languages)"),
    ] = None,
) -> None:
    """Show how Stopline reads a message (opt_out, opt_in, help, review or none), with the
    configured extra keywords, languages and thresholds, as the server reads it."""
    context = _classify_context(settings(), sender)
    if locale is not None:
        context = replace(context, locale=locale)
    if jsonl and text is not None:
        err.print("Give a TEXT or use --jsonl (lines on stdin), not both")
        raise typer.Exit(2)
    if jsonl:
        write = sys.stdout.write
        unreadable = 0
        for line_no, line in enumerate(sys.stdin, start=1):
            if line_no == 1:
                line = line.removeprefix("\ufeff")  # a byte-order mark from some editors
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as exc:
                item, problem = None, f"not JSON: {exc}"
            else:
                problem = 'each line needs a string "text" field'
            body = item.get("text") if isinstance(item, dict) else None
            own_locale = item.get("locale") if isinstance(item, dict) else None
            if isinstance(body, str) and own_locale is not None and not isinstance(own_locale, str):
                body, problem = None, '"locale" must be a string such as "fr-CA"'
            answer: dict[str, Any]
            if not isinstance(body, str):  # its own line, so outputs stay aligned with inputs
                # "review": a message nobody could read needs a person (it may be a STOP),
                # and the action stays one of the five a consumer expects
                answer = {"line": line_no, "error": problem, "action": "review"}
                unreadable += 1
            else:
                read_as = context if own_locale is None else replace(context, locale=own_locale)
                answer = {"line": line_no, **classify(body, read_as).as_dict()}
            if isinstance(item, dict) and "id" in item:  # the caller's key, to match results
                answer = {"id": item["id"], **answer}
            write(json.dumps(answer, ensure_ascii=False) + "\n")
        if unreadable:  # scripts notice; every readable line was still classified
            err.print(f'{unreadable} line(s) could not be read (see their "error")')
            raise typer.Exit(1)
        return
    if text is None:
        err.print("Give a TEXT or use --jsonl")
        raise typer.Exit(2)
    c = classify(text, context)
    colour = {"opt_out": "red", "opt_in": "green", "help": "cyan", "review": "yellow"}.get(
        c.action.value, "white"
    )
    out.print(
        f"[bold {colour}]{c.action.value}[/bold {colour}]  ({c.intent}, confidence "
        f"{c.confidence:.2f}, language {c.language or '-'})"
    )
    if c.span is not None:
        read = escape(repr(text[c.span[0] : c.span[1]]))
        out.print(f"read: {read} (characters {c.span[0]}-{c.span[1]})")
    out.print(escape(f"rule: {c.rule}"))
    out.print(escape(f"why:  {c.explanation}"))


def _record_by_hand(number: str, kind: Kind, scope: str, actor: str, note: str | None) -> None:
    from stopline.services.ledger import record

    within("--actor", actor, MAX_ACTOR_LENGTH)
    within("--note", note, MAX_NOTE_LENGTH)
    config = settings()
    region = config.default_region
    if kind is Kind.OPT_IN and not scope.strip():  # as the API: it would lift every opt-out
        err.print(
            "[red]--scope is empty[/red]: an opt-in needs its scope (organisation, topic:KEY "
            "or sender:ADDRESS); an empty one would lift every opt-out of the number"
        )
        raise typer.Exit(2)
    try:
        e164 = normalise(number, region)
        parsed = Scope.canonical(scope, region)
    except (InvalidNumber, ValueError) as exc:
        err.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2) from None
    engine = database(config)
    moment = now()
    draft = ConsentDraft(e164, kind, Source.MANUAL, moment, parsed, raw_text=note, actor=actor)
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        result = record(conn, [draft], moment)[0]
    if result.changed and kind is Kind.OPT_OUT:
        wait_for_sends_in_flight(config.database_url, engine, e164)
    if result.changed:
        out.print(escape(f"recorded {kind.value} for {e164} ({parsed}), event #{result.event_id}"))
    elif result.superseded_by is not None:
        err.print(
            f"[red]not recorded[/]: this opt-in is older than the opt-out in force for {e164} "
            f"(since {result.superseded_by.isoformat()}); the newer statement stands"
        )
        raise typer.Exit(1)
    else:
        out.print(escape(f"{e164} was already opted out ({parsed}); nothing recorded"))


@consent_app.command("opt-out")
def consent_opt_out(
    number: str,
    scope: Annotated[str, typer.Option(help="organisation, topic:KEY or sender:ADDRESS")] = (
        "organisation"
    ),
    actor: Annotated[str, typer.Option(help="Who is recording this")] = "cli",
    note: Annotated[str | None, typer.Option(help="What the person said, or why")] = None,
) -> None:
    """Record an opt-out by hand (e.g. a request by phone or e-mail)."""
    _record_by_hand(number, Kind.OPT_OUT, scope, actor, note)


@consent_app.command("opt-in")
def consent_opt_in(
    number: str,
    scope: Annotated[str, typer.Option(help="organisation, topic:KEY or sender:ADDRESS")] = (
        "organisation"
    ),
    actor: Annotated[str, typer.Option(help="Who is recording this")] = "cli",
    note: Annotated[str | None, typer.Option(help="Evidence of the new consent")] = None,
) -> None:
    """Record an opt-in by hand (only with the person's express consent)."""
    _record_by_hand(number, Kind.OPT_IN, scope, actor, note)


@suppressions_app.command("import")
def suppressions_import(
    file: Annotated[
        Path,
        typer.Argument(
            exists=True,
            dir_okay=False,
            help="CSV, with a header or without one (then its first line holds a number)",
        ),
    ],
    column: Annotated[
        str | None,
        typer.Option(
            help="Phone column: its header name, or its position from 1 (default: guessed)"
        ),
    ] = None,
    scope: Annotated[
        str | None,
        typer.Option(
            help="organisation, topic:KEY or sender:ADDRESS for every row (default: the "
            "file's scope column, as an export writes it, else organisation)"
        ),
    ] = None,
    actor: Annotated[str, typer.Option(help="Recorded as the actor")] = "import",
) -> None:
    """Import an existing opt-out list: every valid number becomes an opt-out event.

    Exit code 0 when every row was recorded (or was already opted out), 1 when some rows
    could not be read (each is listed; the others are recorded) or another column also holds
    phone numbers and was not imported (name it with --column to record it too), 2 on bad
    input (nothing recorded), 3 when the database is missing or cannot be opened."""
    from stopline.services.imports import head_of, import_csv, text_encoding

    within("--actor", actor, MAX_ACTOR_LENGTH)
    config = settings()
    parsed: Scope | None = None
    if scope is not None:
        try:
            parsed = Scope.canonical(scope, config.default_region)
        except ValueError as exc:
            err.print(f"[red]{escape(str(exc))}[/red]")
            raise typer.Exit(2) from None
    engine = database(config)
    size = file.stat().st_size
    with file.open("rb") as raw, progress() as bar:
        # only the phone column matters, and numbers are ASCII: a file in another encoding
        # (a Windows spreadsheet's cp1252) is read with its other bytes replaced
        encoding = text_encoding(head_of(raw))
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        task = bar.add_task("importing", total=size or None)
        try:
            with sends_settled(config.database_url, engine) as settle:
                report = import_csv(
                    engine,
                    stream,
                    column=column,
                    scope=parsed,
                    source=Source.IMPORT,
                    actor=actor,
                    now=now,
                    region=config.default_region,
                    progress=lambda _rows: bar.update(task, completed=raw.tell()),
                    settled=settle,
                )
        except ValueError as exc:
            err.print(f"[red]{escape(str(exc))}[/red]")
            raise typer.Exit(2) from None
        bar.update(task, completed=size)
    out.print(
        f"{report.rows} rows: {report.recorded} opt-outs recorded, {report.already} already "
        f"opted out, {report.invalid} invalid"
    )
    for line, value, reason in report.invalid_examples:
        err.print(f"  line {line}: {value!r} — {reason}")
    _more(report.invalid, len(report.invalid_examples))
    for note in report.notes:
        err.print(f"[yellow]warning:[/yellow] {escape(note)}")
    if report.undated:
        err.print(
            f"{report.undated} rows had a date that is not ISO 8601 (e.g. 2024-03-15 or "
            "2024-03-15T10:00:00Z), lies before 1970 or in the future: recorded as of now",
            highlight=False,
        )
        for line, value in report.undated_examples:
            err.print(f"  line {line}: {value!r}", highlight=False)
        _more(report.undated, len(report.undated_examples))
    if report.invalid or report.left_columns:
        raise typer.Exit(1)  # a script must see that some rows or numbers were not recorded


def _more(count: int, shown: int) -> None:
    if count > shown:
        err.print(f"  … and {count - shown} more", highlight=False)


@suppressions_app.command("export")
def suppressions_export(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File (default stdout)")
    ] = None,
    scope: Annotated[str | None, typer.Option(help="Only this scope")] = None,
) -> None:
    """Export the current suppression list as CSV."""
    from stopline.services.imports import export_rows, write_csv

    config = settings()
    try:
        scope_name = str(Scope.canonical(scope, config.default_region)) if scope else None
    except ValueError as exc:
        err.print(f"[red]{escape(str(exc))}[/red]")
        raise typer.Exit(2) from None
    engine = database(config)
    if output is None:
        write_csv(export_rows(engine, scope_name), sys.stdout)
        return
    with (
        err.status(f"writing {escape(str(output))}…"),
        output.open("w", newline="", encoding="utf-8") as handle,
    ):
        count = write_csv(export_rows(engine, scope_name), handle)
    err.print(f"{count} suppressions written to {escape(str(output))}")


def _verify_with_progress(conn: Connection) -> VerifyReport:
    """`services.ledger.verify` with a progress bar over the events."""
    from stopline.services.ledger import verify
    from stopline.storage.ledger import count_events

    total = count_events(conn)
    with progress() as bar:
        task = bar.add_task("verifying hash chains", total=total or None)
        report = verify(conn, lambda done: bar.update(task, completed=done))
        bar.update(task, completed=total)
    return report


@ledger_app.command("verify")
def ledger_verify(
    expect: Annotated[
        str | None,
        typer.Option(
            "--expect",
            metavar="DIGEST",
            help="A digest saved earlier (`stopline ledger digest`): also fail if events "
            "it covers were removed since",
        ),
    ] = None,
) -> None:
    """Recompute every hash chain: exit 1 if an event was edited, reordered or removed from
    the middle of a chain, or if the suppression table no longer matches the ledger.
    Removing the newest events is only found with --expect."""
    from stopline.domain.ledger_digest import InvalidDigest, LedgerDigest
    from stopline.services.ledger import check_digest, projection_drift

    expected: LedgerDigest | None = None
    if expect is not None:
        try:
            expected = LedgerDigest.parse(expect)
        except InvalidDigest as exc:
            err.print(f"[red]{escape(str(exc))}[/red]")
            raise typer.Exit(2) from None
    engine = database(settings())
    with engine.connect() as conn:
        report = _verify_with_progress(conn)
        with err.status("comparing the suppression table with the ledger…"):
            mismatch = check_digest(conn, expected) if expected is not None else None
            drift, drifted = (0, []) if report.problems else projection_drift(conn)
    if report.problems:
        err.print(f"[red]ledger verification FAILED: {len(report.problems)} problem(s)[/red]")
        for problem in report.problems[:100]:
            err.print(f"  {escape(str(problem))}")
    if mismatch is not None:
        err.print(f"[red]ledger does not match digest {expected}: {mismatch}[/red]")
    if drift:
        err.print(
            f"[red]the suppression table differs from the ledger in {drift} row(s)[/red] "
            "(the send gate reads the table: run `stopline ledger rebuild`)"
        )
        for problem in drifted:
            err.print(f"  {escape(str(problem))}")
    if report.problems or mismatch is not None or drift:
        raise typer.Exit(1)
    out.print(f"[green]ledger intact[/green]: {report.events} events on {report.numbers} chains")
    if expected is not None:
        out.print(f"[green]matches digest[/green] {expected}")


@ledger_app.command("digest")
def ledger_digest(
    as_json: Annotated[bool, typer.Option("--json", help="Print the parts as JSON")] = False,
) -> None:
    """Print a fingerprint of the whole ledger. Store it elsewhere (e.g. daily) and later run
    `stopline ledger verify --expect DIGEST` to detect removed events."""
    from stopline.services.ledger import digest

    engine = database(settings())
    with engine.connect() as conn:
        result = digest(conn)
    if as_json:
        sys.stdout.write(json.dumps(result.parts()) + "\n")
        return
    sys.stdout.write(f"{result}\n")


@ledger_app.command("rebuild")
def ledger_rebuild(
    force: Annotated[
        bool,
        typer.Option("--force", help="Rebuild even from a ledger whose hash chains do not verify"),
    ] = False,
) -> None:
    """Recompute the suppression table from the ledger (after checking its hash chains: a
    ledger edited by hand is refused unless --force)."""
    from stopline.services.ledger import rebuild

    engine = database(settings())
    with engine.connect() as conn:
        report = _verify_with_progress(conn)
    unreadable = [p for p in report.problems if ": unreadable (" in p]
    if report.problems and (unreadable or not force):
        why = (
            f"{len(unreadable)} event(s) cannot be read, so not even --force can fold them"
            if unreadable and force
            else "rebuilding would turn edited events into the suppression list"
            + ("" if unreadable else " (--force to rebuild anyway)")
        )
        err.print(
            f"[red]refused: the ledger does not verify ({len(report.problems)} problem(s))"
            f"[/red]; {why}"
        )
        for problem in report.problems[:20]:
            err.print(f"  {escape(str(problem))}")
        raise typer.Exit(1)
    with (
        err.status("rebuilding the suppression table…"),
        engine.execution_options(sqlite_immediate=True).begin() as conn,
    ):
        rows = rebuild(conn)
    out.print(f"suppression table rebuilt: {rows} rows")
