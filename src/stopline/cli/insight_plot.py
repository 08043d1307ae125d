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


def plot_campaigns(
    figures: Sequence[CampaignFigures],
    path: Path,
    *,
    title: str = "Opt-out rate per campaign",
) -> list[str]:
    """Write a PNG: x = first send, y = opt-out rate (%) with Wilson error bars; one colour and
    a dashed baseline (pooled rate over all its campaigns) per sender that has more than one;
    flagged campaigns red and named. Returns the legend's entries."""
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
        sends = sum(f.tally.sends for f in own)
        opt_outs = sum(min(f.tally.opt_outs, f.tally.sends) for f in own)
        # a sender with one campaign has nothing to compare it with (the table says "no
        # baseline"): no line that would only repeat its own rate
        if sends > 0 and any(f.baseline is not None for f in own):
            pooled = 100.0 * opt_outs / sends
            ax.axhline(
                pooled,
                color=colour,
                linestyle="--",
                linewidth=1.2,
                label=f"{sender} baseline {pooled:.2f}%",
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
    if max(days) - min(days) < 1.0:  # one day or one campaign: a week around it, not years
        ax.set_xlim(min(days) - 3.0, max(days) + 3.0)
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
