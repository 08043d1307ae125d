"""Campaign statistics: Wilson intervals, Fisher's exact test, Holm, and flagging."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from itertools import pairwise
from math import comb

import pytest

from stopline.domain.campaign_stats import (
    CampaignTally,
    campaign_figures,
    fisher_upper_tail,
    holm,
    wilson_interval,
)

Z95_SQUARED = 1.959963984540054**2
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def make_tally(
    campaign_id: int, sends: int, opt_outs: int, sender: str = "+15550001111"
) -> CampaignTally:
    first = START + timedelta(days=campaign_id)
    return CampaignTally(
        campaign_id=campaign_id,
        name=f"campaign {campaign_id}",
        sender=sender,
        topic=None,
        first_sent=first,
        last_sent=first + timedelta(hours=2),
        sends=sends,
        opt_outs=opt_outs,
    )


# --- Wilson ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("successes", "trials", "low", "high"),
    [
        # Newcombe (1998), "Two-sided confidence intervals for the single proportion",
        # Table I, method 3 (score interval without continuity correction).
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
        # Roots of the score equation (p_hat - x)^2 = z^2 x (1 - x) / n, solved by hand.
        (5, 10, 0.2366, 0.7634),
        (1, 1000, 0.0001765, 0.0056426),
    ],
)
def test_wilson_known_values(successes: int, trials: int, low: float, high: float) -> None:
    got_low, got_high = wilson_interval(successes, trials)
    assert got_low == pytest.approx(low, abs=5e-5 if low > 0.001 else 5e-7)
    assert got_high == pytest.approx(high, abs=5e-5 if high > 0.01 else 5e-7)


def test_wilson_zero_successes_has_the_closed_form_upper_bound() -> None:
    # With k = 0 the upper bound is z^2 / (n + z^2).
    for n in (1, 10, 100, 10_000):
        low, high = wilson_interval(0, n)
        assert low == 0.0
        assert high == pytest.approx(Z95_SQUARED / (n + Z95_SQUARED), rel=1e-12)
    low, high = wilson_interval(10, 10)
    assert high == 1.0
    assert low == pytest.approx(10 / (10 + Z95_SQUARED), rel=1e-12)


def test_wilson_edges() -> None:
    assert wilson_interval(0, 0) == (0.0, 1.0)
    assert wilson_interval(12, 10) == wilson_interval(10, 10)  # clamped
    narrow = wilson_interval(50, 1000, confidence=0.9)
    wide = wilson_interval(50, 1000, confidence=0.99)
    assert wide[0] < narrow[0] < 0.05 < narrow[1] < wide[1]
    with pytest.raises(ValueError, match="confidence"):
        wilson_interval(1, 10, confidence=1.0)
    with pytest.raises(ValueError, match="trials"):
        wilson_interval(1, -1)


# --- Fisher's exact test, one-sided -------------------------------------------------------


def exact_fisher(k: int, n: int, k_other: int, n_other: int) -> Fraction:
    """P(X >= k), X hypergeometric, in exact integer arithmetic."""
    population, successes = n + n_other, k + k_other
    top = min(n, successes)
    numerator = sum(
        comb(successes, i) * comb(population - successes, n - i) for i in range(k, top + 1)
    )
    return Fraction(numerator, comb(population, n))


@pytest.mark.parametrize(("n", "n_other"), [(1, 1), (7, 3), (30, 50), (120, 40)])
def test_fisher_tail_matches_a_brute_force_sum(n: int, n_other: int) -> None:
    for k in range(n + 1):
        for k_other in sorted({0, 1, n_other // 3, n_other}):
            expected = float(exact_fisher(k, n, k_other, n_other))
            got = fisher_upper_tail(k, n, k_other, n_other)
            assert got == pytest.approx(expected, rel=1e-9, abs=1e-300), (k, k_other)


def test_fisher_tail_far_in_the_tail_of_large_campaigns() -> None:
    # 2,000 sends against 60,000 at 1 %: far tails stay accurate (no 1 - x cancellation)
    for k in (1, 20, 45, 80, 200):
        expected = float(exact_fisher(k, 2000, 600, 60_000))
        assert fisher_upper_tail(k, 2000, 600, 60_000) == pytest.approx(expected, rel=1e-8)
    assert 0.0 < fisher_upper_tail(80, 2000, 600, 60_000) < 1e-15
    assert 0.0 < fisher_upper_tail(3000, 100_000, 1000, 100_000) < 1e-200


def test_fisher_tail_edges() -> None:
    assert fisher_upper_tail(0, 10, 3, 10) == 1.0
    assert fisher_upper_tail(0, 0, 0, 0) == 1.0
    assert fisher_upper_tail(5, 10, 0, 0) == 1.0  # nothing to compare with: all in this one
    assert fisher_upper_tail(10, 10, 0, 1000) == pytest.approx(1 / comb(1010, 10))
    with pytest.raises(ValueError, match="need"):
        fisher_upper_tail(11, 10, 0, 10)


def test_a_small_baseline_is_not_taken_as_exact() -> None:
    """7 opt-outs in 1,000 sends against 0 in 300 elsewhere (acceptance test, 2026-12-04): a
    binomial test against the baseline as if exact flagged it (p = 0.003); Fisher: 0.16."""
    assert fisher_upper_tail(7, 1000, 0, 300) == pytest.approx(0.1586, abs=1e-4)
    figures = campaign_figures([make_tally(1, 300, 0), make_tally(2, 1000, 7)])
    assert [f.flagged for f in figures] == [False, False]
    assert "not significantly" in figures[1].reason


# --- Holm -----------------------------------------------------------------------------------


def test_holm_known_example() -> None:
    # sorted: 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 -> max(0.06, 0.04)
    assert holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])


def test_holm_is_capped_monotone_and_handles_empty_input() -> None:
    assert holm([]) == []
    assert holm([0.5, 0.6]) == [1.0, 1.0]
    assert holm([0.2]) == [0.2]
    rng = random.Random(7)
    raw = [rng.random() ** 3 for _ in range(50)]
    adjusted = holm(raw)
    pairs = sorted(zip(raw, adjusted, strict=True))
    assert all(a <= b for (_, a), (_, b) in pairwise(pairs))
    assert all(r <= a <= 1.0 for r, a in pairs)


# --- flagging -------------------------------------------------------------------------------


def synthetic(seed: int, *, outlier: bool) -> list[CampaignTally]:
    """31 campaigns of one sender, 2,000 sends each at 1 %; the last at 4 % if ``outlier``."""
    rng = random.Random(seed)
    rates = [0.01] * 30 + [0.04 if outlier else 0.01]
    return [
        make_tally(i + 1, 2000, sum(rng.random() < rate for _ in range(2000)))
        for i, rate in enumerate(rates)
    ]


@pytest.mark.parametrize("seed", range(5))
def test_only_the_outlier_is_flagged(seed: int) -> None:
    figures = campaign_figures(synthetic(seed, outlier=True))
    assert [f.tally.campaign_id for f in figures if f.flagged] == [31]
    outlier = figures[-1]
    assert outlier.adjusted_p is not None and outlier.adjusted_p < 1e-6
    assert "significantly above" in outlier.reason


@pytest.mark.parametrize("seed", range(20))
def test_no_campaign_is_flagged_when_all_are_normal(seed: int) -> None:
    figures = campaign_figures(synthetic(seed, outlier=False))
    assert [f.tally.campaign_id for f in figures if f.flagged] == []
    assert all(f.p_value is not None and f.adjusted_p is not None for f in figures)


def test_figures_keep_input_order_and_compute_leave_one_out_baselines() -> None:
    tallies = [
        make_tally(3, 1000, 30),
        make_tally(1, 1000, 10),
        make_tally(2, 2000, 20),
        make_tally(9, 500, 5, sender="+15559990000"),
        make_tally(8, 500, 15, sender="+15559990000"),
    ]
    figures = campaign_figures(tallies)
    assert [f.tally for f in figures] == tallies
    assert [f.baseline for f in figures] == pytest.approx(
        [30 / 3000, 50 / 3000, 40 / 2000, 0.03, 0.01]
    )
    assert figures[0].rate == pytest.approx(0.03)
    assert figures[0].low < 0.03 < figures[0].high
    assert figures[0].p_value == pytest.approx(fisher_upper_tail(30, 1000, 30, 3000))
    raw = [f.p_value for f in figures]
    assert all(p is not None for p in raw)
    assert [f.adjusted_p for f in figures] == pytest.approx(holm([p for p in raw if p is not None]))


def test_small_campaigns_are_never_flagged() -> None:
    tallies = [make_tally(i, 5000, 50) for i in range(1, 11)] + [make_tally(11, 99, 60)]
    small = campaign_figures(tallies)[-1]
    assert small.rate > 0.5
    assert not small.flagged
    assert small.p_value is None and small.adjusted_p is None
    assert small.baseline == pytest.approx(0.01)
    assert small.reason == "not tested: fewer than 100 sends"
    # a lower min_sends lets the same campaign be tested and flagged
    assert campaign_figures(tallies, min_sends=50)[-1].flagged


def test_a_senders_only_campaign_has_no_baseline() -> None:
    tallies = [make_tally(1, 5000, 50), make_tally(2, 5000, 900, sender="+15559990000")]
    figures = campaign_figures(tallies)
    assert [f.baseline for f in figures] == [None, None]
    assert [f.flagged for f in figures] == [False, False]
    assert figures[1].p_value is None
    assert figures[1].reason.startswith("not tested: no baseline")


def test_a_zero_baseline_needs_several_opt_outs() -> None:
    quiet = [make_tally(i, 1000, 0) for i in range(1, 6)]  # 5,000 sends, no opt-out
    one = campaign_figures([*quiet, make_tally(6, 1000, 1)])[-1]
    assert one.baseline == 0.0
    assert one.p_value == pytest.approx(1000 / 6000)  # where the one opt-out fell, by chance
    assert not one.flagged
    many = campaign_figures([*quiet, make_tally(6, 1000, 6)])[-1]
    assert many.flagged


def test_opt_outs_above_sends_are_clamped_and_zero_sends_are_untested() -> None:
    figures = campaign_figures([make_tally(1, 200, 2), make_tally(2, 10, 40), make_tally(3, 0, 0)])
    assert figures[1].rate == 1.0
    assert figures[1].high == 1.0
    assert figures[2].rate == 0.0
    assert (figures[2].low, figures[2].high) == (0.0, 1.0)
    assert figures[2].reason == "not tested: no sends"
    assert not any(f.flagged for f in figures)


def test_a_rate_below_the_baseline_is_not_flagged() -> None:
    tallies = [make_tally(i, 1000, 50) for i in range(1, 6)] + [make_tally(6, 1000, 1)]
    low = campaign_figures(tallies)[-1]
    assert not low.flagged
    assert low.p_value is not None and low.p_value > 0.99
    assert "not above" in low.reason


def test_invalid_arguments() -> None:
    with pytest.raises(ValueError, match="alpha"):
        campaign_figures([], alpha=0.0)
    with pytest.raises(ValueError, match="negative"):
        campaign_figures([make_tally(1, -1, 0)])
    assert campaign_figures([]) == []
