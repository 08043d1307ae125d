"""Campaign opt-out statistics: rates, Wilson intervals, and which campaigns stand out.

Pure: standard library only. Every campaign is compared with its own sender's *baseline*,
the pooled opt-out rate of the sender's other campaigns (leave-one-out: sum of their opt-outs
over sum of their sends), so that one loud campaign does not hide itself by raising the bar.

The test is Fisher's exact test, one-sided: the campaign's ``k`` opt-outs in ``n`` sends
against the other campaigns' ``k'`` in ``n'``, the p-value ``P(X >= k)`` for ``X`` the
opt-outs a campaign of ``n`` sends would get if the ``k + k'`` opt-outs fell at random among
all ``n + n'`` sends (hypergeometric). The baseline is an estimate too: 7 opt-outs in 1,000
sends against 0 in 300 elsewhere is p = 0.16, not a spike (a binomial test against the
baseline as if it were exact said p = 0.003). A baseline of exactly 0 needs no special case.
The p-values of all campaigns tested in one report are adjusted together with
Holm-Bonferroni, and a campaign is flagged when its adjusted p-value is below ``alpha``
(0.01 by default), its rate is above the baseline, and it has at least ``min_sends`` sends
(100 by default).

Ties and bounds: ``opt_outs`` above ``sends`` are clamped (rates stay within [0, 1]).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from statistics import NormalDist

# Binomial terms on the far side of the mode this far below the largest one (e^-40 ~ 4e-18)
# cannot change a double-precision sum: the summation stops there.
_NEGLIGIBLE_LOG = 40.0


@dataclass(frozen=True, slots=True)
class CampaignTally:
    campaign_id: int
    name: str
    sender: str  # the sending address; baselines are per sender
    topic: str | None
    first_sent: datetime  # tz-aware UTC
    last_sent: datetime
    sends: int  # messages sent (attributable)
    opt_outs: int  # opt-outs attributed to this campaign (<= sends normally; rates are clamped)


@dataclass(frozen=True, slots=True)
class CampaignFigures:
    tally: CampaignTally
    rate: float  # opt_outs / sends (0.0 when sends == 0)
    low: float  # Wilson score interval at `confidence`
    high: float
    baseline: float | None  # leave-one-out pooled rate of the sender's other campaigns
    p_value: float | None  # one-sided Fisher exact test against the sender's other campaigns
    adjusted_p: float | None  # Holm-Bonferroni across all campaigns tested in this report
    flagged: bool  # adjusted_p < alpha and rate > baseline and sends >= min_sends
    reason: str  # one human sentence: why flagged, why not, or why not tested


def wilson_interval(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval for a proportion; (0.0, 1.0) when there are no trials."""
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence must be between 0 and 1")
    if trials < 0:
        raise ValueError("trials cannot be negative")
    if trials == 0:
        return (0.0, 1.0)
    k = min(max(successes, 0), trials)
    z = NormalDist().inv_cdf(1.0 - (1.0 - confidence) / 2.0)
    z2 = z * z
    p = k / trials
    denominator = 1.0 + z2 / trials
    centre = (p + z2 / (2.0 * trials)) / denominator
    half = z / denominator * math.sqrt(p * (1.0 - p) / trials + z2 / (4.0 * trials * trials))
    low = 0.0 if k == 0 else max(0.0, centre - half)
    high = 1.0 if k == trials else min(1.0, centre + half)
    return (low, high)


def fisher_upper_tail(k: int, n: int, k_other: int, n_other: int) -> float:
    """One-sided Fisher exact test: ``P(X >= k)`` for ``X`` hypergeometric, the successes in
    ``n`` draws from ``n + n_other`` items of which ``k + k_other`` are successes."""
    if min(k, n, k_other, n_other) < 0 or k > n or k_other > n_other:
        raise ValueError("need 0 <= k <= n and 0 <= k_other <= n_other")
    population, successes = n + n_other, k + k_other
    low, high = max(0, n + successes - population), min(n, successes)
    if k <= low:
        return 1.0
    log_total = _log_choose(population, n)

    def log_term(i: int) -> float:
        return _log_choose(successes, i) + _log_choose(population - successes, n - i) - log_total

    mode = min(high, max(low, (n + 1) * (successes + 1) // (population + 2)))
    if k <= mode:  # most of the mass lies at or above k: 1 - P(X <= k - 1)
        below = _log_sum(log_term, range(k - 1, low - 1, -1), mode)
        return max(0.0, min(1.0, 1.0 - below))
    return min(1.0, _log_sum(log_term, range(k, high + 1), mode))


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def _log_sum(log_term: Callable[[int], float], indices: range, mode: int) -> float:
    """Sum of ``exp(log_term(i))`` over ``indices`` (walking away from the mode), stopping once
    the terms are negligible next to the largest one seen."""
    logs: list[float] = []
    largest = -math.inf
    for i in indices:
        term = log_term(i)
        logs.append(term)
        largest = max(largest, term)
        if i != mode and term < largest - _NEGLIGIBLE_LOG:
            break
    if not logs:
        return 0.0
    total = math.fsum(math.exp(term - largest) for term in logs)
    return math.exp(largest + math.log(total))


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm-Bonferroni adjusted p-values, in the input order: monotone and capped at 1."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted


def campaign_figures(
    tallies: Sequence[CampaignTally],
    *,
    confidence: float = 0.95,
    alpha: float = 0.01,
    min_sends: int = 100,
) -> list[CampaignFigures]:
    """Rate, interval, baseline and test for each campaign, in the order of ``tallies``."""
    if not 0.0 < alpha < 1.0:
        raise ValueError("alpha must be between 0 and 1")
    if min_sends < 0:
        raise ValueError("min_sends cannot be negative")
    for t in tallies:
        if t.sends < 0 or t.opt_outs < 0:
            raise ValueError(f"campaign {t.campaign_id}: sends and opt-outs cannot be negative")

    sender_sends: dict[str, int] = {}
    sender_opt_outs: dict[str, int] = {}
    for t in tallies:
        sender_sends[t.sender] = sender_sends.get(t.sender, 0) + t.sends
        sender_opt_outs[t.sender] = sender_opt_outs.get(t.sender, 0) + _clamped(t)

    baselines: list[float | None] = []
    p_values: list[float | None] = []
    for t in tallies:
        other_sends = sender_sends[t.sender] - t.sends
        other_opt_outs = sender_opt_outs[t.sender] - _clamped(t)
        if other_sends <= 0:
            baselines.append(None)
            p_values.append(None)
            continue
        baselines.append(other_opt_outs / other_sends)
        if t.sends < min_sends or t.sends == 0:
            p_values.append(None)
            continue
        p_values.append(fisher_upper_tail(_clamped(t), t.sends, other_opt_outs, other_sends))

    tested = [i for i, p in enumerate(p_values) if p is not None]
    adjusted_tested = holm([p for p in p_values if p is not None])
    adjusted: list[float | None] = [None] * len(tallies)
    for index, value in zip(tested, adjusted_tested, strict=True):
        adjusted[index] = value

    figures: list[CampaignFigures] = []
    for t, baseline, p_value, adjusted_p in zip(
        tallies, baselines, p_values, adjusted, strict=True
    ):
        rate = _clamped(t) / t.sends if t.sends else 0.0
        low, high = wilson_interval(_clamped(t), t.sends, confidence)
        flagged = (
            adjusted_p is not None
            and baseline is not None
            and adjusted_p < alpha
            and rate > baseline
            and t.sends >= min_sends
        )
        figures.append(
            CampaignFigures(
                tally=t,
                rate=rate,
                low=low,
                high=high,
                baseline=baseline,
                p_value=p_value,
                adjusted_p=adjusted_p,
                flagged=flagged,
                reason=_reason(t, rate, baseline, adjusted_p, flagged, alpha, min_sends),
            )
        )
    return figures


def _clamped(t: CampaignTally) -> int:
    return min(t.opt_outs, t.sends)


def _reason(
    t: CampaignTally,
    rate: float,
    baseline: float | None,
    adjusted_p: float | None,
    flagged: bool,
    alpha: float,
    min_sends: int,
) -> str:
    if t.sends == 0:
        return "not tested: no sends"
    if baseline is None:
        return "not tested: no baseline, the sender has no other campaign with sends"
    if t.sends < min_sends:
        return f"not tested: fewer than {min_sends} sends"
    if adjusted_p is None:  # pragma: no cover - every campaign past the checks above is tested
        return "not tested"
    if flagged:
        return (
            f"opt-out rate {rate:.2%} is significantly above the sender's baseline "
            f"{baseline:.2%} (Holm-adjusted p {_p(adjusted_p)} < {alpha:g})"
        )
    if rate <= baseline:
        return f"opt-out rate {rate:.2%} is not above the sender's baseline {baseline:.2%}"
    return (
        f"opt-out rate {rate:.2%} is above the sender's baseline {baseline:.2%} but not "
        f"significantly (Holm-adjusted p {_p(adjusted_p)}, alpha {alpha:g})"
    )


def _p(value: float) -> str:
    """'= 0.0031', or '< 1e-300' for a p-value too small for a double (not '= 0')."""
    return f"= {value:.2g}" if value > 0 else "< 1e-300"
