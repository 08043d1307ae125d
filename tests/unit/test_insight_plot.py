"""The campaign chart: a real PNG for empty, single, flagged and multi-sender reports."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from stopline.cli.insight_plot import (
    FONT_FAMILIES,
    installed_fonts,
    label_groups,
    plot_campaigns,
    time_axis,
    undrawable,
    with_baseline_bar,
)
from stopline.domain.campaign_stats import CampaignFigures, CampaignTally, campaign_figures

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
START = datetime(2026, 2, 2, 15, 0, tzinfo=UTC)


def tallies(seed: int = 3) -> list[CampaignTally]:
    rng = random.Random(seed)
    out: list[CampaignTally] = []
    for i in range(24):
        sender = "+15550001111" if i % 3 else "ACME"
        rate = 0.04 if i == 17 else (0.01 if sender == "ACME" else 0.02)
        sends = rng.randint(800, 3000)
        first = START + timedelta(days=2 * i, hours=rng.randint(0, 8))
        out.append(
            CampaignTally(
                campaign_id=i + 1,
                name=f"Campaign {i + 1}",
                sender=sender,
                topic=None,
                first_sent=first,
                last_sent=first + timedelta(hours=1),
                sends=sends,
                opt_outs=sum(rng.random() < rate for _ in range(sends)),
            )
        )
    return out


def spaced(name: str, gap: timedelta) -> list[CampaignTally]:
    """Four campaigns of one sender, ``gap`` apart, each sending for half the gap; the third
    with four times the others' opt-outs."""
    return [
        CampaignTally(
            i + 1,
            f"{name} {i + 1}",
            "ACME",
            None,
            START + gap * i,
            START + gap * i + gap / 2,
            1000,
            10 + 30 * (i == 2),
        )
        for i in range(4)
    ]


def assert_png(path: Path, min_bytes: int = 5_000) -> None:
    data = path.read_bytes()
    assert data[:8] == PNG_MAGIC
    assert len(data) > min_bytes


def test_a_report_with_a_flagged_campaign(tmp_path: Path) -> None:
    figures = campaign_figures(tallies())
    assert [f.tally.campaign_id for f in figures if f.flagged] == [18]
    path = tmp_path / "campaigns.png"
    legend = plot_campaigns(figures, path, title="Opt-outs, February to March")
    assert_png(path, 20_000)
    # each sender's campaigns are drawn beside the rate they were tested against
    assert sum("other campaigns (baseline)" in entry for entry in legend) == 2


def test_an_empty_report_says_no_campaigns(tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    plot_campaigns([], path)
    assert_png(path)


def test_a_single_campaign(tmp_path: Path) -> None:
    first = campaign_figures(tallies())[0]
    only: list[CampaignFigures] = campaign_figures([first.tally])
    assert only[0].baseline is None
    path = tmp_path / "single.png"
    legend = plot_campaigns(only, path)
    assert_png(path)
    # nothing to compare it with: no baseline line repeating its own rate
    assert not any("baseline" in entry for entry in legend), legend


def test_campaigns_hours_apart_are_named_on_an_axis_of_hours(tmp_path: Path) -> None:
    figures = campaign_figures(spaced("Spring", timedelta(hours=2)))
    path = tmp_path / "hours.png"
    legend = plot_campaigns(figures, path)
    assert_png(path)
    assert any("baseline" in entry for entry in legend)


def test_the_time_axis_fits_sends_minutes_hours_or_weeks_apart(tmp_path: Path) -> None:
    """Limits around the first sends: minutes apart stay on an axis of minutes (it was four
    hours wide, the points bunched in its middle), one send gets ten minutes either side."""
    minute = 1.0 / (24 * 60)
    start = 20_000.0  # a day number, as matplotlib counts them
    for gaps, widest in (
        ([0], 20.1),
        ([0, 3, 7], 27.1),
        ([0, 120, 240], 280),
        ([0, 20_160], 23_400),
    ):
        low, high = time_axis([start + g * minute for g in gaps])
        assert low < start and high > start + gaps[-1] * minute  # every point inside
        assert (high - low) / minute <= widest, (gaps, (high - low) / minute)
    path = tmp_path / "minutes.png"
    plot_campaigns(campaign_figures(spaced("Flash", timedelta(minutes=3))), path)
    assert_png(path)


def test_labels_of_points_in_one_place_are_drawn_as_one() -> None:
    """Two campaigns sent the same minute at the same rate, or two tiny ones off the chart
    an hour apart on an axis of weeks, had their numbers printed on top of each other."""
    day = 1.0
    anchors = [(1, 0.0, 1.0), (2, 0.5, 2.5), (3, 0.5, 2.5), (4, 20.0, 9.7), (5, 20.04, 9.7)]
    assert label_groups(anchors, x_span=28 * day, y_span=10.0) == [[1], [2, 3], [4, 5]]
    # far enough apart on either axis: their own labels
    apart = [(1, 0.0, 1.0), (2, 1.0, 1.0), (3, 1.0, 2.0)]
    assert label_groups(apart, x_span=28 * day, y_span=10.0) == [[1], [2], [3]]


def test_untested_campaigns_get_no_baseline_bar(tmp_path: Path) -> None:
    small = [
        CampaignTally(1, "Big", "ACME", None, START, START, 1000, 10),
        CampaignTally(2, "Survey", "ACME", None, START + timedelta(days=1), START, 80, 4),
        CampaignTally(3, "Noon A", "ACME", None, START + timedelta(days=2), START, 200, 5),
        CampaignTally(4, "Noon B", "ACME", None, START + timedelta(days=2), START, 200, 5),
    ]
    figures = campaign_figures(small)
    assert [f.p_value is None for f in figures] == [False, True, False, False]
    assert figures[1].baseline is not None  # it has a baseline, but was not tested on it
    assert [f.tally.name for f in with_baseline_bar(figures)] == ["Big", "Noon A", "Noon B"]
    path = tmp_path / "untested.png"
    plot_campaigns(figures, path)
    assert_png(path)


def test_close_points_long_names_other_scripts_and_a_tiny_campaign_stay_legible(
    tmp_path: Path,
) -> None:
    """Names overprinted at close points, a 95-character name squeezed the chart, CJK names
    printed matplotlib warnings, and 1 send at 100 % flattened everything else near 0
    (acceptance test, 2026-12-04): numbers on the chart, names in a key beside it."""
    import warnings

    from stopline.cli.insight_plot import KEY_WIDTH, key_lines, rate_axis_top

    names = ["Alpha promo", "Alpha promo again", "Alpha promo third", "Beta", "春のセール 🌸"]
    rows = [
        CampaignTally(i + 1, name, "ACME", None, START, START, 1000, 10 + i)
        for i, name in enumerate(names)
    ]
    rows.append(CampaignTally(9, "x" * 95, "ACME", None, START, START, 2000, 90))
    rows.append(CampaignTally(10, "one send", "ACME", None, START, START, 1, 1))
    figures = campaign_figures(rows)
    top = rate_axis_top(figures)
    assert 4.5 < top < 7  # set by the 2,000-send campaign at 4.5 %, not by the 100 % one
    lines = [line for _n, _f, line in key_lines(figures, top)]
    assert len(lines) == 7 and all(len(line) < KEY_WIDTH + 30 for line in lines)
    assert any("off the chart" in line and "one send" in line for line in lines)
    path = tmp_path / "crowded.png"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no glyph warnings reach the terminal
        plot_campaigns(figures, path)
    assert_png(path, 20_000)


def test_fonts_fall_back_per_glyph_and_lacking_glyphs_are_named(tmp_path: Path) -> None:
    """Names are drawn with the first installed font that has each character; characters no
    installed font has are reported (they would be boxes), Latin ones never."""
    fonts = installed_fonts()
    assert fonts[0] == "DejaVu Sans" and set(fonts) <= set(FONT_FAMILIES)
    assert undrawable(["Spring sale – 20 % off", "Soldes d'été", "Распродажа", "Ωmega"]) == ""
    lacking = undrawable(["春季セール", "Sale 春"])
    if any(("CJK" in f or "WenQuanYi" in f or "Droid" in f) for f in fonts):
        assert lacking == ""  # a CJK font is installed here: drawn, nothing to report
    else:
        assert lacking == "春季セール"  # each character once, in order
    tally = tallies()[0]
    named = replace(tally, name="春季セール 🎉")
    path = tmp_path / "cjk.png"
    plot_campaigns(campaign_figures([named, *tallies()[1:4]]), path)
    assert_png(path)


def test_many_campaigns_still_key_one_off_the_chart_and_intervals_stay_whole() -> None:
    """With more than 12 campaigns only flagged ones were keyed, so a campaign off the
    chart showed a bare triangle; and a 13.3 % upper bound was cut at 13 % (acceptance
    test, 2026-12-04)."""
    from stopline.cli.insight_plot import NAMED, key_lines, rate_axis_top

    rows = [
        CampaignTally(i + 1, f"weekly {i}", "ACME", None, START, START, 400, 8)
        for i in range(NAMED + 3)
    ]
    rows.append(CampaignTally(99, "ext1", "ACME", None, START, START, 1, 1))
    figures = campaign_figures(rows)
    top = rate_axis_top(figures)
    credible = [f for f in figures if f.tally.sends >= 100]
    assert all(100.0 * f.high <= top for f in credible) and top < 100
    keyed = key_lines(figures, top)
    assert [f.tally.name for _n, f, _l in keyed] == ["ext1"]
    assert "off the chart" in keyed[0][2]
