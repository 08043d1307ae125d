"""``stopline audit-inbound``: opt-outs missed in past inbound messages."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from stopline import bootstrap
from stopline.cli.base import app, database, err, now, out, progress, sends_settled, settings
from stopline.domain.language import classify
from stopline.domain.phone import normalise_address
from stopline.services.audit import (
    AuditError,
    AuditReport,
    InboundRecord,
    Outbound,
    Problem,
    audit,
    read_records,
)
from stopline.services.imports import head_of, text_encoding


@app.command("audit-inbound")
def audit_inbound(
    file: Annotated[
        Path,
        typer.Argument(
            exists=True, dir_okay=False, help="CSV with a header (from, to, body, date) or JSONL"
        ),
    ],
    apply: Annotated[
        bool, typer.Option("--apply", help="Record the missed opt-outs on the ledger")
    ] = False,
    jsonl: Annotated[
        bool | None, typer.Option("--jsonl/--csv", help="File format (default: by extension)")
    ] = None,
    timezone: Annotated[str, typer.Option(help="Time zone of dates written without one")] = "UTC",
    report_file: Annotated[
        Path | None, typer.Option("--report", help="Write every finding to this CSV file")
    ] = None,
    show: Annotated[int, typer.Option(help="Missed opt-outs to list on screen")] = 20,
) -> None:
    """Read an export of past inbound messages (Twilio's message-log CSV included) and report
    the opt-outs that were missed: messages Stopline reads as opt-outs from numbers that are
    not suppressed now (a later START in the file cancels an earlier opt-out). With --apply
    they are recorded (source keyword or intent, actor audit-inbound, at the message's time)."""
    config = settings()
    default_context = bootstrap.context_from(config)
    contexts = {
        normalise_address(address, config.default_region): bootstrap.context_from(config, sender)
        for address, sender in config.senders.items()
    }
    is_jsonl = jsonl if jsonl is not None else file.suffix.lower() in (".jsonl", ".ndjson", ".json")
    engine = database(config)
    size = file.stat().st_size
    try:
        with file.open("rb") as raw, progress() as bar:
            encoding = text_encoding(head_of(raw))
            # a byte the encoding lacks (a cp1250 file read as cp1252) is one odd letter in a
            # message, not a reason to refuse the whole export
            stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
            task = bar.add_task("reading", total=size or None)

            def tracked() -> Iterator[InboundRecord | Problem | Outbound]:
                for count, item in enumerate(
                    read_records(
                        stream, jsonl=is_jsonl, region=config.default_region, zone=timezone
                    ),
                    start=1,
                ):
                    if count % 500 == 0:
                        bar.update(task, completed=raw.tell())
                    yield item
                bar.update(task, completed=size)

            with sends_settled(config.database_url, engine) as settle:
                report = audit(
                    tracked(),
                    engine,
                    classify,
                    lambda sender: contexts.get(sender, default_context),
                    apply=apply,
                    now=now,
                    source_name=file.name,
                    settled=settle,
                )
    except (AuditError, UnicodeDecodeError, csv.Error) as exc:
        err.print(f"[red]Cannot read {escape(str(file))}:[/red] {escape(str(exc))}")
        raise typer.Exit(2) from None
    _print(report, show, apply)
    if report_file is not None:
        _write(report, report_file)
        err.print(f"findings written to {escape(str(report_file))}")


def _print(report: AuditReport, show: int, applied: bool) -> None:
    missed = [f for f in report.findings if f.status == "missed"]
    table = Table("line", "date", "number", "message", "rule", "provider rule")
    for finding in missed[:show]:
        r = finding.record
        body = r.body if len(r.body) <= 50 else r.body[:47] + "…"
        table.add_row(
            str(r.line),
            r.at.strftime("%Y-%m-%d %H:%M"),
            escape(r.number),
            escape(body),
            escape(finding.reading.rule),
            "caught" if finding.provider_caught else "[red]missed[/red]",
        )
    if missed:
        out.print(table)
    skipped = f" ({report.outbound} outbound, not read)" if report.outbound else ""
    out.print(
        f"{report.rows} rows, {report.inbound} inbound{skipped}: "
        f"[bold]{len(missed)} missed opt-outs[/bold]"
        f" ({sum(1 for f in missed if not f.provider_caught)} that the provider's keyword rule "
        f"would not catch), {report.count('already_suppressed')} already suppressed, "
        f"{report.count('resubscribed')} re-subscribed later, {report.count('unclear')} unclear "
        f"(review), {len(report.problems)} unreadable rows"
    )
    for problem in report.problems[:10]:
        err.print(f"  line {problem.line}: {problem.reason}")
    if applied:
        plural = "" if report.recorded == 1 else "s"
        out.print(f"[green]{report.recorded} opt-out{plural} recorded on the ledger[/green]")
    elif missed:
        err.print("Run again with --apply to record them.")


def _write(report: AuditReport, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "status",
                "line",
                "date",
                "number",
                "to",
                "message_id",
                "text",
                "action",
                "rule",
                "confidence",
                "provider_rule_caught",
            ]
        )
        for f in report.findings:
            r = f.record
            writer.writerow(
                [
                    f.status,
                    r.line,
                    r.at.isoformat(),
                    r.number,
                    r.to,
                    r.sid or "",
                    r.body,
                    f.reading.action.value,
                    f.reading.rule,
                    f.reading.confidence,
                    "yes" if f.provider_caught else "no",
                ]
            )
