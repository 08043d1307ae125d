"""``stopline scrub``: remove opted-out and invalid numbers from a contact list."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from stopline.cli.base import app, database, err, out, progress, sender_option, settings

if TYPE_CHECKING:  # polars, pyarrow and numpy load only when a scrub runs
    from stopline.services.scrub import ScrubReport


@app.command()
def scrub(
    input_file: Annotated[
        Path,
        typer.Argument(
            metavar="INPUT", exists=True, dir_okay=False, help="CSV, Parquet or JSON lines"
        ),
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where the kept rows go")],
    column: Annotated[
        str | None, typer.Option(help="Phone column (default: guessed from the header)")
    ] = None,
    topic: Annotated[
        str | None, typer.Option(help="Topic of the send: topic opt-outs apply too")
    ] = None,
    sender: Annotated[
        str | None, typer.Option(help="Sending number or short code: its opt-outs apply too")
    ] = None,
    removed: Annotated[
        Path | None, typer.Option(help="Also write the removed rows here, with the reason")
    ] = None,
    region: Annotated[
        str | None, typer.Option(help="Country for numbers without +code (default: settings)")
    ] = None,
    delimiter: Annotated[
        str | None, typer.Option(help="CSV delimiter (default: guessed from , ; TAB |)")
    ] = None,
    file_format: Annotated[
        str | None, typer.Option("--format", help="csv, parquet or jsonl (default: extension)")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, max=32, help="Threads deciding chunks")] = 2,
) -> None:
    """Write INPUT to the -o file without the rows whose number is invalid or opted out.

    Every opt-out scope that applies to the send counts: organisation-wide, plus --topic and
    --sender ones. The header and every other column are kept exactly as they were, in the
    input order. Exit code 0 on success, 2 on bad input, 3 when the database is missing or
    cannot be opened (nothing is written on 2 or 3).
    """
    from stopline.services.scrub import ScrubOptions, ScrubTarget, scrub_file
    from stopline.services.scrub.numbers import region_supported

    config = settings()
    chosen_region = (region or config.default_region).upper()
    if not region_supported(chosen_region):
        err.print(f"[red]Unknown region {region!r}:[/red] use an ISO code such as US or CA")
        raise typer.Exit(2)
    if delimiter is not None and len(delimiter.replace("\\t", "\t")) != 1:
        err.print("[red]--delimiter must be one character[/red] (\\t for TAB)")
        raise typer.Exit(2)
    for name, path in (("--output", output), ("--removed", removed)):
        if path is not None and not path.parent.is_dir():  # before anything is read
            err.print(
                f"[red]{name}: no folder {escape(repr(str(path.parent)))}[/red] "
                f"to write {escape(path.name)} in"
            )
            raise typer.Exit(2)
    target = ScrubTarget(sender=sender_option(sender, chosen_region), topic=topic)
    options = ScrubOptions(
        column=column,
        delimiter=delimiter.replace("\\t", "\t") if delimiter else None,
        region=chosen_region,
        workers=workers,
    )
    engine = database(config)
    size = input_file.stat().st_size
    started = time.perf_counter()
    with progress() as bar:
        task = bar.add_task("scrubbing", total=size or None)
        try:
            report = scrub_file(
                engine,
                input_file,
                output,
                target=target,
                options=options,
                removed=removed,
                file_format=file_format,
                progress=lambda done: bar.update(task, completed=done),
            )
        except ValueError as exc:
            err.print(f"[red]Cannot scrub {escape(str(input_file))}:[/red] {escape(str(exc))}")
            raise typer.Exit(2) from None
        except OSError as exc:  # unwritable output, a full disk: nothing half-written stays
            what = escape(f"{exc.strerror or exc}: {exc.filename}")
            err.print(f"[red]Cannot write the output:[/red] {what}")
            raise typer.Exit(2) from None
        bar.update(task, completed=size)
    _summary(report, time.perf_counter() - started, output, removed)


def _summary(report: ScrubReport, seconds: float, output: Path, removed: Path | None) -> None:
    table = Table(title="Scrub summary", show_header=False)
    table.add_column("what")
    table.add_column("rows", justify="right")
    table.add_row("rows read", f"{report.rows:,}")
    table.add_row("[green]kept[/green]", f"{report.kept:,}")
    for scope, count in sorted(report.suppressed.items()):
        table.add_row(f"[red]removed: opted out ({scope})[/red]", f"{count:,}")
    for reason, count in report.invalid_reasons.most_common(5):
        table.add_row(f"[yellow]removed: invalid ({reason})[/yellow]", f"{count:,}")
    others = report.invalid - sum(c for _, c in report.invalid_reasons.most_common(5))
    if others:
        table.add_row("[yellow]removed: invalid (other reasons)[/yellow]", f"{others:,}")
    rate = report.rows / seconds if seconds > 0 else 0.0
    table.add_row("time", f"{seconds:.1f} s ({rate:,.0f} rows/s)")
    out.print(table)
    out.print(
        f"phone column: {escape(repr(report.column))}; kept rows written to {escape(str(output))}"
    )
    if removed is not None:
        out.print(f"removed rows with reasons written to {removed}")
    if report.exact_csv:
        err.print("note: part of the file needed the exact (slower) CSV reader (stray quotes?)")
