"""``stopline report campaigns``: opt-out rate per campaign, spikes flagged, and a chart."""

from __future__ import annotations

import json
import math
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Column, Table

from stopline.cli.base import app, err, graph_for, out, settings
from stopline.services.campaign_settings import MAX_WINDOW_HOURS
from stopline.services.insight import campaign_report, report_json

report_app = typer.Typer(help="Reports.", no_args_is_help=True)
app.add_typer(report_app, name="report")


@report_app.command("campaigns")
def campaigns(
    plot: Annotated[
        Path | None,
        typer.Option(help="Also draw opt-out rate per campaign over time (.png, .pdf or .svg)"),
    ] = None,
    window_hours: Annotated[
        float | None,
        typer.Option(
            min=0.001,
            max=MAX_WINDOW_HOURS,
            help="Attribution window in hours, at most a year (default "
            "STOPLINE_ATTRIBUTION_HOURS, 72)",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
) -> None:
    """Per campaign: sends, attributed opt-outs, opt-out rate with a 95% Wilson interval,
    and a flag when the rate is significantly above the sender's other campaigns (Fisher's
    exact test, one-sided, Holm-corrected; see docs/insight.md). A newly flagged campaign
    also emits a `campaign_opt_out_spike` event (GET /v1/events)."""
    if window_hours is not None and not math.isfinite(window_hours):
        err.print("[red]--window-hours: give a number of hours[/red]")
        raise typer.Exit(2)
    config = settings()
    if plot is not None and not plot.parent.is_dir():  # before the report records anything
        err.print(f"[red]--plot: no folder {escape(str(plot.parent))}[/red] to write it in")
        raise typer.Exit(2)
    if plot is not None and plot.is_dir():
        err.print(f"[red]--plot: {escape(str(plot))} is a folder[/red]: name the file")
        raise typer.Exit(2)
    if plot is not None and plot.suffix:
        from stopline.cli.insight_plot import FORMATS  # matplotlib: only when a plot is asked

        if plot.suffix.lower() not in FORMATS:
            usable = ", ".join(FORMATS)
            err.print(f"[red]--plot: cannot draw {escape(plot.suffix)} files[/red]: use {usable}")
            raise typer.Exit(2)
    window = (
        timedelta(hours=window_hours) if window_hours is not None else config.attribution_window()
    )
    graph = graph_for(config)
    try:
        report = campaign_report(
            graph.engine,
            graph.clock,
            window=window,
            alpha=config.spike_alpha,
            min_sends=config.spike_min_sends,
        )
    finally:
        graph.close()
    if as_json:
        print(json.dumps(report_json(report)))
    elif not report.figures:
        out.print("no campaigns with sends yet (broadcasts, or POST /v1/sends)")
    else:
        # Key figures are never cut ("0.5…", "SPI…" at 80 columns): they do not wrap, names
        # fold, and a narrow terminal leaves out the first-send time (--json has it).
        wide = out.width >= 110
        senders = max(len(f.tally.sender) for f in report.figures)
        columns = [
            Column("campaign", min_width=8, overflow="fold", ratio=2),
            # a phone number (at most 16 characters) is never split across lines
            Column("sender", min_width=min(16, max(8, senders)), overflow="fold", ratio=1),
            *([_figure("first sent")] if wide else []),
            _figure("opt-outs"),
            _figure("rate"),
            Column("95% CI", no_wrap=True),
            _figure("baseline"),
            Column("flag", no_wrap=True),
        ]
        table = Table(*columns)
        for f in report.figures:
            t = f.tally
            table.add_row(
                escape(t.name),
                escape(t.sender),
                *([t.first_sent.strftime("%Y-%m-%d %H:%M")] if wide else []),
                f"{t.opt_outs}/{t.sends}",
                f"{f.rate:.1%}",
                f"{f.low * 100:.1f}–{f.high:.1%}",
                "-" if f.baseline is None else f"{f.baseline:.1%}",
                "[red]SPIKE[/red]" if f.flagged else "",
            )
        out.print(table)
        hours = report.window.total_seconds() / 3600
        out.print(
            f"{report.attributed} of {report.opt_outs} opt-outs attributed to a campaign sent "
            f"within {hours:g} h before them"
        )
        for f in report.figures:
            if f.flagged:
                out.print(f"[red]spike[/red] {escape(f.tally.name)}: {escape(f.reason)}")
    if plot is not None:
        from stopline.cli.insight_plot import plot_campaigns, undrawable

        plot_campaigns(report.figures, plot)
        err.print(f"chart written to {escape(str(plot))}")
        lacking = undrawable(f.tally.name for f in report.figures)
        if lacking:
            err.print(
                f"[yellow]No installed font draws {escape(lacking[:20])!r}[/yellow] in "
                "campaign names (boxes on the chart): install fonts-noto-cjk (Chinese, "
                "Japanese, Korean) or fonts-symbola (emoji)"
            )


def _figure(header: str) -> Column:
    """A column of figures: right-aligned, never wrapped or cut."""
    return Column(header, no_wrap=True, justify="right")
