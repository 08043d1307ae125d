"""The campaign opt-out chart: rate per campaign over time, flagged campaigns in red.

Draws on a bare ``matplotlib.figure.Figure`` (Agg canvas, no pyplot and no global state), so
it works without a display and from any thread.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Sequence
from datetime import UTC
from functools import lru_cache
from pathlib import Path

from matplotlib import font_manager, rc_context
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font

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
KEY_WIDTH = 34  # characters of a campaign's name in the key beside the chart
CREDIBLE_SENDS = 100  # campaigns this large set the height of the rate axis
# Fonts tried, in order, for a character the one before lacks (matplotlib's per-glyph
# fallback): names in Chinese, Japanese, Korean or with emoji draw where such a font is
# installed (Debian: fonts-noto-cjk; fonts-symbola for emoji: matplotlib cannot draw colour
# emoji fonts), instead of as boxes.
FONT_FAMILIES = (
    "DejaVu Sans",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK KR",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "Noto Sans",
    "Noto Emoji",
    "Symbola",
)


def plot_campaigns(
    figures: Sequence[CampaignFigures],
    path: Path,
    *,
    title: str = "Opt-out rate per campaign",
) -> list[str]:
    """Write a PNG: x = first send, y = opt-out rate (%) with Wilson error bars, one colour per
    sender; beside each campaign a bar at its baseline, the pooled rate of the sender's
    *other* campaigns (what the table's test compares it with); flagged campaigns red.
    Campaigns named (all when there are few, flagged ones always) carry a number on the chart
    and their name in a key beside it, so close points and long names cannot overprint.
    Returns the legend's entries."""
    with warnings.catch_warnings(), rc_context({"font.family": list(installed_fonts())}):
        warnings.simplefilter("ignore", UserWarning)  # glyphs no font has: see `undrawable`
        return _plot(figures, path, title)


@lru_cache(maxsize=1)
def installed_fonts() -> tuple[str, ...]:
    """The `FONT_FAMILIES` installed here, in order (DejaVu Sans ships with matplotlib)."""
    present = {entry.name for entry in font_manager.fontManager.ttflist}
    return tuple(f for f in FONT_FAMILIES if f in present) or ("DejaVu Sans",)


@lru_cache(maxsize=1)
def _covered() -> tuple[frozenset[int], ...]:
    found = []
    for family in installed_fonts():
        path = font_manager.findfont(font_manager.FontProperties(family=family))
        found.append(frozenset(FT2Font(path).get_charmap()))
    return tuple(found)


def undrawable(names: Iterable[str]) -> str:
    """The characters of ``names`` that no installed font has (drawn as boxes), in order."""
    fonts = _covered()
    missing: dict[str, None] = {}
    for name in names:
        for ch in name:
            if ch.isprintable() and not ch.isspace() and not any(ord(ch) in f for f in fonts):
                missing[ch] = None
    return "".join(missing)


def _plot(figures: Sequence[CampaignFigures], path: Path, title: str) -> list[str]:
    fig = Figure(figsize=(12, 6), layout="constrained")
    chart, side = fig.subplots(1, 2, width_ratios=(4, 1))
    side.set_axis_off()
    ax: Axes = chart
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
        fig.savefig(path, dpi=DPI, format=image_format(path))
        return []

    senders = sorted({f.tally.sender for f in figures})
    for number, sender in enumerate(senders):
        colour = SENDER_COLOURS[number % len(SENDER_COLOURS)]
        own = [f for f in figures if f.tally.sender == sender]
        _draw_series(ax, [f for f in own if not f.flagged], colour, f"{sender} campaigns")
        # a campaign is tested against its sender's other campaigns (leave-one-out): its
        # own bar at that rate, so the chart and the table agree; a sender with one
        # campaign has nothing to compare it with ("no baseline" in the table), and one of
        # too few sends is not tested ("not tested" in the table): no bar either
        tested = with_baseline_bar(own)
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

    flagged = [f for f in figures if f.flagged]
    if flagged:
        _draw_series(ax, flagged, FLAG_COLOUR, "flagged (significantly above baseline)")
    top = rate_axis_top(figures)
    keyed = key_lines(figures, top)
    low, high = time_axis([_day(f) for f in figures])
    anchors: list[tuple[int, float, float]] = []  # number, x, y of each named campaign
    for number, f, _line in keyed:
        shown = min(100.0 * f.rate, top * 0.97)
        if 100.0 * f.rate > top:  # a tiny campaign at 100 %: marked at the top, not off it
            colour = FLAG_COLOUR if f.flagged else "#444444"
            ax.scatter([_day(f)], [shown], marker="^", color=colour, s=40, zorder=3)
        anchors.append((number, _day(f), shown))
    by_number = {number: f for number, f, _line in keyed}
    where = {number: (x, y) for number, x, y in anchors}
    for group in label_groups(anchors, high - low, top):
        alarm = any(by_number[n].flagged for n in group)
        ax.annotate(
            ", ".join(map(str, group)),
            where[group[0]],
            xytext=(5, 4),
            textcoords="offset points",
            color=FLAG_COLOUR if alarm else "#444444",
            fontsize=8,
            fontweight="bold" if alarm else "normal",
        )
    side.set_title("Campaigns", fontsize=10, loc="left")
    for row, (_number, f, line) in enumerate(keyed):
        side.text(
            0.0,
            1.0 - row * 0.045,
            line,
            transform=side.transAxes,
            va="top",
            fontsize=8,
            color=FLAG_COLOUR if f.flagged else "#333333",
            fontweight="bold" if f.flagged else "normal",
            family=["DejaVu Sans Mono", *installed_fonts()[1:]],  # fallbacks as above
        )
    if len(figures) > len(keyed):
        side.text(
            0.0,
            1.0 - len(keyed) * 0.045,
            f"… {len(figures) - len(keyed)} more (see the table)",
            transform=side.transAxes,
            va="top",
            fontsize=8,
            color="#777777",
        )

    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    # ticks a day or more apart name their month ("Nov 05"), and the corner names the year
    # only: matplotlib's defaults wrote "05 09 … 29 Dec" and "2026-Dec" for November
    ax.xaxis.set_major_formatter(
        ConciseDateFormatter(  # type: ignore[no-untyped-call]
            locator,
            formats=["%Y", "%b", "%b %d", "%H:%M", "%H:%M", "%S.%f"],
            offset_formats=["", "%Y", "%Y", "%Y-%b-%d", "%Y-%b-%d", "%Y-%b-%d %H:%M"],
        )
    )
    ax.set_xlim(low, high)
    ax.set_ylim(0.0, top)
    legend = ax.legend(loc="upper left", fontsize=9, framealpha=0.9)
    fig.savefig(path, dpi=DPI, format=image_format(path))
    return [text.get_text() for text in legend.get_texts()]


def with_baseline_bar(figures: Sequence[CampaignFigures]) -> list[CampaignFigures]:
    """The campaigns drawn with a bar at their baseline: those the test compared with it."""
    return [f for f in figures if f.baseline is not None and f.p_value is not None]


def label_groups(
    anchors: Sequence[tuple[int, float, float]], x_span: float, y_span: float
) -> list[list[int]]:
    """The campaign numbers to draw as one label each: numbers whose points lie within about
    a label's size of the first of a group (2.5 % of the time axis, 3.5 % of the rate axis)
    share it ("2, 3"), where they had been printed on top of each other."""
    groups: list[tuple[float, float, list[int]]] = []
    for number, x, y in anchors:
        for gx, gy, numbers in groups:
            if abs(x - gx) <= 0.025 * x_span and abs(y - gy) <= 0.035 * y_span:
                numbers.append(number)
                break
        else:
            groups.append((x, y, [number]))
    return [numbers for _x, _y, numbers in groups]


_LEAST_PAD = 10.0 / (24 * 60)  # ten minutes, in matplotlib's days


def time_axis(days: Sequence[float]) -> tuple[float, float]:
    """The time axis's limits (matplotlib's days) around the campaigns' first sends: 8 % of
    their span either side, and at least ten minutes, so that sends minutes apart get an
    axis of minutes and sends hours apart one of hours, never one of days."""
    span = max(days) - min(days)
    pad = max(span * 0.08, _LEAST_PAD)
    return min(days) - pad, max(days) + pad


def rate_axis_top(figures: Sequence[CampaignFigures]) -> float:
    """The rate axis's height (%): room above the campaigns of at least `CREDIBLE_SENDS`
    sends and their baselines, so one campaign of 3 sends at 100 % cannot flatten the rest."""
    credible = [f for f in figures if f.tally.sends >= CREDIBLE_SENDS] or list(figures)
    highest = max(
        [100.0 * f.rate for f in credible] + [100.0 * (f.baseline or 0.0) for f in credible],
        default=0.0,
    )
    # their intervals whole too (a 13.3 % upper bound was cut at 13 %), but never above 100
    whiskers = max((100.0 * f.high for f in credible), default=0.0)
    return min(max(highest * 1.3, whiskers * 1.05, 0.5), 100.0)


def key_lines(
    figures: Sequence[CampaignFigures], top: float
) -> list[tuple[int, CampaignFigures, str]]:
    """The named campaigns (all when at most `NAMED`, else the flagged ones and those off
    the chart, whose triangle needs its note), numbered in order of first send, each with
    its line in the key."""
    named = [f for f in figures if f.flagged or len(figures) <= NAMED or 100.0 * f.rate > top]
    named.sort(key=lambda f: (f.tally.first_sent, f.tally.campaign_id))
    lines = []
    for number, f in enumerate(named, 1):
        name = " ".join(f.tally.name.split())
        if len(name) > KEY_WIDTH:
            name = name[: KEY_WIDTH - 1] + "…"
        off = f"  ({f.rate:.0%}, off the chart)" if 100.0 * f.rate > top else ""
        lines.append((number, f, f"{number:>2}  {name}{off}"))
    return lines


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


# What the chart can be written as, by the file's suffix (matplotlib's Agg, PDF and SVG).
FORMATS = {".png": "png", ".pdf": "pdf", ".svg": "svg"}


def image_format(path: Path) -> str:
    """The format ``path``'s suffix names; PNG when it names none (``report``, no suffix)."""
    return FORMATS.get(path.suffix.lower(), "png")
