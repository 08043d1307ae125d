"""The campaign opt-out chart: rate per campaign over time, flagged campaigns in red.

Draws on a bare ``matplotlib.figure.Figure`` (Agg canvas, no pyplot and no global state), so
it works without a display and from any thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC
from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure

from stopline.domain.campaign_stats import CampaignFigures

FLAG_COLOUR = "#d62728"
# Sender colours: a colour-blind-friendly set without red, which marks flagged campaigns.
SENDER_COLOURS = (
    "#1f77b4",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
)
DPI = 120
NAMED = 12  # up to this many campaigns, every one is named on the chart


def plot_campaigns(
    figures: Sequence[CampaignFigures],
    path: Path,
    *,
    title: str = "Opt-out rate per campaign",
) -> list[str]:
    """Write a PNG: x = first send, y = opt-out rate (%) with Wilson error bars, one colour per
    sender; beside each campaign a bar at its baseline, the pooled rate of the sender's
    *other* campaigns (what the table's test compares it with); flagged campaigns red.
    Campaigns are named when there are few, flagged ones always. Returns the legend's
    entries."""
    fig = Figure(figsize=(11, 6), layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title)
    ax.set_xlabel("First send of the campaign (UTC)")
    ax.set_ylabel("Opt-out rate (%)")
    ax.grid(True, axis="y", alpha=0.3)

    if not figures:
        ax.text(
            0.5,
            0.5,
            "no campaigns",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=16,
            color="#555555",
        )
        ax.set_xticks([])
        ax.set_yticks([])
        fig.savefig(path, dpi=DPI, format="png")
        return []

    senders = sorted({f.tally.sender for f in figures})
    for number, sender in enumerate(senders):
        colour = SENDER_COLOURS[number % len(SENDER_COLOURS)]
        own = [f for f in figures if f.tally.sender == sender]
        _draw_series(ax, [f for f in own if not f.flagged], colour, f"{sender} campaigns")
        # a campaign is tested against its sender's other campaigns (leave-one-out): its
        # own bar at that rate, so the chart and the table agree; a sender with one
        # campaign has nothing to compare it with ("no baseline" in the table)
        tested = [f for f in own if f.baseline is not None]
        if tested:
            ax.scatter(
                [_day(f) for f in tested],
                [100.0 * (f.baseline or 0.0) for f in tested],
                marker="_",
                s=260,
                linewidths=2,
                color=colour,
                alpha=0.55,
                label=f"{sender}: rate of its other campaigns (baseline)",
            )

    if len(figures) <= NAMED:
        for f in figures:
            if not f.flagged:
                ax.annotate(
                    f.tally.name,
                    (_day(f), 100.0 * f.rate),
                    xytext=(6, -10),
                    textcoords="offset points",
                    color="#444444",
                    fontsize=8,
                )
    flagged = [f for f in figures if f.flagged]
    if flagged:
        _draw_series(ax, flagged, FLAG_COLOUR, "flagged (significantly above baseline)")
        for f in flagged:
            ax.annotate(
                f.tally.name,
                (_day(f), 100.0 * f.rate),
                xytext=(6, 6),
                textcoords="offset points",
                color=FLAG_COLOUR,
                fontsize=9,
                fontweight="bold",
            )

    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    days = [_day(f) for f in figures]
    span = max(days) - min(days)
    pad = max(span * 0.08, 2.0 / 24.0)  # sends hours apart: an axis of hours, not of days
    ax.set_xlim(min(days) - pad, max(days) + pad)
    ax.set_ylim(bottom=0.0)
    legend = ax.legend(loc="upper left", fontsize=9, framealpha=0.9)
    fig.savefig(path, dpi=DPI, format="png")
    return [text.get_text() for text in legend.get_texts()]


def _draw_series(ax: Axes, figures: Sequence[CampaignFigures], colour: str, label: str) -> None:
    if not figures:
        return
    rates = [100.0 * f.rate for f in figures]
    below = [max(0.0, 100.0 * (f.rate - f.low)) for f in figures]
    above = [max(0.0, 100.0 * (f.high - f.rate)) for f in figures]
    ax.errorbar(
        [_day(f) for f in figures],
        rates,
        yerr=[below, above],
        fmt="o",
        color=colour,
        ecolor=colour,
        elinewidth=1,
        capsize=3,
        markersize=5,
        label=label,
    )


def _day(f: CampaignFigures) -> float:
    """The campaign's first send as a matplotlib date number (days, UTC)."""
    return float(date2num(f.tally.first_sent.astimezone(UTC)))  # type: ignore[no-untyped-call]
