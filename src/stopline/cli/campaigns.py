"""``stopline campaigns``: create, fill, preview, send, pause and cancel broadcasts."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Column, Table

from stopline import bootstrap
from stopline.cli.base import app, err, graph_for, out, progress, settings
from stopline.domain.campaigns import CampaignError, CampaignStatus, Preview
from stopline.domain.content import OnMissingOptOut
from stopline.services.campaigns import AudienceResult, Campaigns, numbers_from_csv
from stopline.services.imports import ENCODING_SAMPLE, text_encoding
from stopline.storage.campaigns import CampaignRow

campaigns_app = typer.Typer(
    help="Campaigns: a message from one sender to an audience, sent from a durable queue "
    "with the send gate, quiet hours and frequency caps checked at every send.",
    no_args_is_help=True,
)
app.add_typer(campaigns_app, name="campaigns")


@contextmanager
def _graph() -> Iterator[bootstrap.Stopline]:
    config = settings()
    graph = graph_for(config)
    try:
        yield graph
    except CampaignError as exc:
        err.print(f"[red]{escape(str(exc.field))}:[/red] {escape(str(exc.message))}")
        raise typer.Exit(2) from None
    finally:
        graph.close()


def _audience(campaigns: Campaigns, row: CampaignRow, file: Path, column: str | None) -> None:
    if not file.is_file():
        raise CampaignError("audience", f"no such file: {file}")
    with file.open("rb") as raw:
        head = raw.read(ENCODING_SAMPLE)
        encoding = text_encoding(head)
        rows = head.count(b"\n")
        rows += sum(block.count(b"\n") for block in iter(lambda: raw.read(1 << 20), b""))
    with file.open(newline=None, encoding=encoding, errors="replace") as stream, progress() as bar:
        task = bar.add_task("adding", total=max(rows, 1))

        def counted(numbers: Iterator[str]) -> Iterator[str]:
            for done, number in enumerate(numbers, 1):
                if done % 1000 == 0:
                    bar.update(task, completed=done)
                yield number
            bar.update(task, completed=max(rows, 1))

        result = campaigns.add_audience(
            row.id, counted(numbers_from_csv(stream, column, campaigns.region))
        )
    _print_audience(result)


def _print_audience(result: AudienceResult) -> None:
    out.print(
        f"audience: {result.added} added, {result.duplicates} duplicates, "
        f"{result.invalid_count} invalid"
    )
    for raw, why in result.invalid[:5]:
        out.print(f"  [yellow]invalid[/yellow] {escape(repr(raw))}: {escape(str(why))}")
    if result.invalid_count > 5:
        out.print(f"  … and {result.invalid_count - 5} more")


@campaigns_app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="A unique campaign name")],
    sender: Annotated[str, typer.Option(help="Registered sending address")],
    text: Annotated[str, typer.Option("--text", help="The message template")],
    topic: Annotated[str | None, typer.Option(help="Topic/department, e.g. promo")] = None,
    audience: Annotated[
        Path | None, typer.Option(help="CSV file with a phone column (any common format)")
    ] = None,
    column: Annotated[str | None, typer.Option(help="The phone column's name")] = None,
    locale: Annotated[str | None, typer.Option(help="Message language, e.g. fr-CA")] = None,
    refuse: Annotated[
        bool | None,
        typer.Option("--refuse/--add", help="Without opt-out wording: refuse, or add it"),
    ] = None,
    rate: Annotated[float | None, typer.Option(help="Messages per second")] = None,
) -> None:
    """Create a draft campaign; its text is checked (and fixed where allowed) first."""
    mode = None if refuse is None else (OnMissingOptOut.REFUSE if refuse else OnMissingOptOut.ADD)
    with _graph() as graph:
        campaigns = graph.messaging.campaigns
        if audience is not None:  # a file that cannot be read must not leave a draft behind
            _check_audience(audience, column, campaigns.region)
        created = campaigns.create(
            name,
            sender,
            text,
            topic=topic,
            locale=locale,
            on_missing_opt_out=mode,
            rate_per_second=rate,
        )
        for finding in created.lint.findings:
            out.print(f"  [yellow]{finding.severity.value}[/yellow] {finding.message}")
        out.print(
            f"campaign {created.campaign.id} [bold]{escape(created.campaign.name)}[/bold] (draft)"
        )
        out.print(f"text to send: {escape(str(created.campaign.body))}")
        if audience is not None:
            try:
                _audience(campaigns, created.campaign, audience, column)
            except CampaignError:
                ref = created.campaign.id
                err.print(
                    f"campaign {ref} stays a draft without that audience: fix the file, then "
                    f"`stopline campaigns add {ref} FILE`"
                )
                raise


def _check_audience(file: Path, column: str | None, region: str) -> None:
    """Refuse an audience file that is missing or whose phone column cannot be found."""
    if not file.is_file():
        raise CampaignError("audience", f"no such file: {file}")
    with file.open("rb") as raw:
        encoding = text_encoding(raw.read(ENCODING_SAMPLE))
    with file.open(newline=None, encoding=encoding, errors="replace") as stream:
        first = stream.readline()
    next(numbers_from_csv(io.StringIO(first, newline=None), column, region), None)


@campaigns_app.command("add")
def add(
    campaign: Annotated[str, typer.Argument(help="Campaign id or name")],
    audience: Annotated[Path, typer.Argument(help="CSV file with a phone column")],
    column: Annotated[str | None, typer.Option(help="The phone column's name")] = None,
) -> None:
    """Add recipients from a CSV file (duplicates are skipped, invalid numbers listed)."""
    with _graph() as graph:
        campaigns = graph.messaging.campaigns
        _audience(campaigns, campaigns.find(campaign), audience, column)


@campaigns_app.command("list")
def list_(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON (as the API answers)")
    ] = False,
) -> None:
    """Every campaign with its status."""
    with _graph() as graph:
        campaigns = graph.messaging.campaigns
        rows = campaigns.all()
        if as_json:  # the objects GET /v1/campaigns/{id} answers
            from stopline.api.campaigns import campaign_json
            from stopline.api.errors import dumps

            print(dumps([campaign_json(r, campaigns.counts(r.id)) for r in rows]).decode())
            return
        table = Table(  # a sender cut to "+141555501…" is no use: never wrapped or cut
            "id",
            Column("name", min_width=12, overflow="fold"),
            Column("sender", no_wrap=True, overflow="fold"),
            "topic",
            Column("status", no_wrap=True, overflow="fold"),
            "sent",
            "pending",
            "blocked",
        )
        for row in rows:
            counts = campaigns.counts(row.id)
            if row.status is CampaignStatus.EXTERNAL:  # no queue: its sends were reported
                counts["sent"] = campaigns.reported_sends(row.id)
            table.add_row(
                str(row.id),
                escape(row.name),
                escape(row.sender),
                escape(row.topic or ""),
                row.status.value,
                str(counts["sent"]),
                str(counts["pending"] + counts["sending"]),
                str(counts["blocked"]),
            )
        out.print(table)


@campaigns_app.command("preview")
def preview(
    campaign: Annotated[str, typer.Argument(help="Campaign id or name")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print JSON (as the API answers)")
    ] = False,
) -> None:
    """What sending now would do: suppressed recipients, deferrals, encoding and cost."""
    with _graph() as graph:
        campaigns = graph.messaging.campaigns
        row = campaigns.find(campaign)
        with progress() as bar:
            task = bar.add_task("previewing", total=None)
            figures = campaigns.preview(
                row.id, progress=lambda done, total: bar.update(task, completed=done, total=total)
            )
        if as_json:
            from stopline.api.campaigns import preview_json

            print(json.dumps(preview_json(figures)))
            return
        enc = figures.encoding
        out.print(
            f"[bold]{escape(row.name)}[/bold] from {escape(row.sender)}, "
            f"topic {escape(row.topic or '-')}"
        )
        out.print(f"text: {escape(str(row.body))}")
        out.print(
            f"encoding {enc.name}, {enc.units} {enc.unit_name}, "
            f"{figures.segments_per_message} segment(s) per message"
        )
        if enc.non_gsm:
            out.print(f"  characters forcing UCS-2: {' '.join(enc.non_gsm)}")
        out.print(
            f"recipients {figures.recipients}: {figures.suppressed} suppressed, "
            f"{figures.sendable_now} sendable now, {figures.deferred_quiet_hours} in quiet "
            f"hours, {figures.deferred_cap} over a frequency cap (deferred, not dropped)"
        )
        out.print(
            f"cost estimate: {figures.segments_total} segments; about "
            f"{_duration(figures.seconds_at_rate)} at {figures.rate_per_second:g}/s"
        )
        _print_timeline(figures)


def _print_timeline(figures: Preview) -> None:
    """The send played forward: quiet hours that close before a recipient's turn, and the end."""
    closing, finish = figures.closing_during_send, figures.timeline.finishes_at
    if closing:
        out.print(
            f"[yellow]{closing} of those sendable now reach their quiet hours before their "
            "turn at this rate[/yellow]: they wait until their window opens"
        )
    if finish is None or figures.seconds_to_finish is None:
        return
    floor = "" if figures.timeline.complete else "not before "
    out.print(
        f"last send expected {floor}{finish:%Y-%m-%d %H:%M} UTC "
        f"(in {_duration(figures.seconds_to_finish)})"
    )


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172_800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86_400:.1f} days"


# How long --wait waits for rows another worker claimed while they stop making progress.
_IN_FLIGHT_PATIENCE = 30.0


@campaigns_app.command("send")
def send(
    campaign: Annotated[str, typer.Argument(help="Campaign id or name")],
    wait: Annotated[
        bool,
        typer.Option(help="Send from this process, with a progress bar, until nothing is due now"),
    ] = False,
) -> None:
    """Start (or resume) sending. A running `stopline serve` or `stopline worker` sends it;
    with --wait this command sends it itself."""
    with _graph() as graph:
        campaigns = graph.messaging.campaigns
        row = campaigns.start(campaigns.find(campaign).id)
        out.print(f"campaign {escape(str(row.name))} is {row.status.value}")
        if not wait:
            return
        counts = campaigns.counts(row.id)
        total = sum(counts.values()) - counts["cancelled"]
        worker = graph.messaging.broadcasts
        settled, moved_at = -1, time.monotonic()
        with progress() as bar:
            task = bar.add_task("sending", total=total)
            while True:
                stats = worker.run_once()
                counts = campaigns.counts(row.id)
                now_settled = counts["sent"] + counts["blocked"] + counts["failed"]
                if now_settled != settled:
                    settled, moved_at = now_settled, time.monotonic()
                bar.update(task, completed=settled)
                if campaigns.get(row.id).status is not CampaignStatus.SENDING:
                    break
                if stats.busy:
                    continue
                if stats.next_slot is not None:  # a slow campaign's next send slot
                    time.sleep(stats.next_slot)
                    continue
                # Nothing due for this process. Rows another worker (a running server) has
                # claimed are in flight, not deferred: wait for them while they progress,
                # reading the counts only (no write transaction while waiting).
                held = counts["sending"]
                while held and time.monotonic() - moved_at < _IN_FLIGHT_PATIENCE:
                    time.sleep(0.25)
                    counts = campaigns.counts(row.id)
                    if counts["sending"] < held:  # some settled: back to sending what is due
                        settled = counts["sent"] + counts["blocked"] + counts["failed"]
                        moved_at = time.monotonic()
                        bar.update(task, completed=settled)
                        break
                else:
                    break  # nothing in flight, or no progress for a while: the rest waits
                continue
        queued = counts["pending"]
        in_flight = f", in flight elsewhere {counts['sending']}" if counts["sending"] else ""
        out.print(
            f"sent {counts['sent']}, blocked {counts['blocked']}, failed {counts['failed']}, "
            f"deferred {queued}{in_flight}"
        )
        if queued:
            out.print(
                "deferred recipients (quiet hours, caps, retries) are sent when due by "
                "`stopline serve` or `stopline worker`"
            )


@campaigns_app.command("pause")
def pause(campaign: Annotated[str, typer.Argument(help="Campaign id or name")]) -> None:
    """Stop sending for now (`send` resumes)."""
    with _graph() as graph:
        campaigns = graph.messaging.campaigns
        out.print(f"campaign is {campaigns.pause(campaigns.find(campaign).id).status.value}")


@campaigns_app.command("cancel")
def cancel(campaign: Annotated[str, typer.Argument(help="Campaign id or name")]) -> None:
    """Stop for good: the rest of the queue is cancelled."""
    with _graph() as graph:
        campaigns = graph.messaging.campaigns
        out.print(f"campaign is {campaigns.cancel(campaigns.find(campaign).id).status.value}")
