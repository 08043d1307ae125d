"""Last-touch attribution of opt-outs to campaigns, and the per-campaign tallies."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stopline.domain.campaign_stats import CampaignTally
from stopline.services import attribution
from stopline.services.attribution import OptOutRecord, SendRecord, attribute, tally

T0 = datetime(2026, 4, 1, 12, 0, tzinfo=UTC)
WINDOW = timedelta(hours=72)
A = "+15550100001"
B = "+15550100002"


def reference(
    sends: Sequence[SendRecord], opt_outs: Sequence[OptOutRecord], window: timedelta
) -> dict[int, int]:
    """The rule spelled out: the latest eligible send, the larger campaign id on a tie."""
    result: dict[int, int] = {}
    for o in opt_outs:
        eligible = [
            (s.sent_at, s.campaign_id)
            for s in sends
            if s.number == o.number
            and s.sent_at <= o.occurred_at
            and o.occurred_at - s.sent_at <= window
        ]
        if eligible:
            result[o.event_id] = max(eligible)[1]
    return result


def both_paths(
    sends: Sequence[SendRecord], opt_outs: Sequence[OptOutRecord], window: timedelta = WINDOW
) -> dict[int, int]:
    """Run the Python and the polars implementation and insist they agree."""
    python = attribution._attribute_python(sends, opt_outs, window)
    frames = attribution._attribute_polars(sends, opt_outs, window) if sends and opt_outs else {}
    assert python == frames
    assert attribute(sends, opt_outs, window) == python
    return python


def test_window_edges() -> None:
    sends = [SendRecord(A, 1, T0), SendRecord(B, 2, T0)]
    opt_outs = [
        OptOutRecord(10, A, T0 + WINDOW),  # exactly 72 h: included
        OptOutRecord(11, B, T0 + WINDOW + timedelta(seconds=1)),  # 72 h + 1 s: excluded
    ]
    assert both_paths(sends, opt_outs) == {10: 1}
    assert both_paths(sends, opt_outs, timedelta(hours=1)) == {}


def test_an_opt_out_at_the_send_instant_counts_and_one_before_any_send_does_not() -> None:
    sends = [SendRecord(A, 1, T0)]
    opt_outs = [
        OptOutRecord(1, A, T0 - timedelta(seconds=1)),
        OptOutRecord(2, A, T0),
        OptOutRecord(3, B, T0),  # never sent to
    ]
    assert both_paths(sends, opt_outs) == {2: 1}


def test_the_last_send_wins_among_several_campaigns() -> None:
    sends = [
        SendRecord(A, 7, T0),
        SendRecord(A, 3, T0 + timedelta(hours=5)),
        SendRecord(A, 9, T0 + timedelta(hours=30)),  # after the opt-out: not a candidate
        SendRecord(B, 9, T0 + timedelta(hours=1)),
    ]
    opt_outs = [OptOutRecord(1, A, T0 + timedelta(hours=6))]
    assert both_paths(sends, opt_outs) == {1: 3}


def test_ties_go_to_the_larger_campaign_id() -> None:
    sends = [SendRecord(A, 5, T0), SendRecord(A, 12, T0), SendRecord(A, 8, T0)]
    assert both_paths(sends, [OptOutRecord(1, A, T0 + timedelta(minutes=3))]) == {1: 12}


def test_the_same_number_opting_out_twice() -> None:
    sends = [SendRecord(A, 1, T0), SendRecord(A, 2, T0 + timedelta(days=10))]
    opt_outs = [
        OptOutRecord(1, A, T0 + timedelta(hours=1)),
        OptOutRecord(2, A, T0 + timedelta(hours=2)),  # again, same campaign
        OptOutRecord(3, A, T0 + timedelta(days=10, minutes=1)),  # after the next campaign
        OptOutRecord(4, A, T0 + timedelta(days=5)),  # nothing within 72 h
    ]
    assert both_paths(sends, opt_outs) == {1: 1, 2: 1, 3: 2}


def test_other_time_zones_compare_as_instants_and_naive_times_are_refused() -> None:
    plus_two = timezone(timedelta(hours=2))
    sends = [SendRecord(A, 1, T0)]
    opt_outs = [OptOutRecord(1, A, (T0 + timedelta(hours=1)).astimezone(plus_two))]
    assert both_paths(sends, opt_outs) == {1: 1}
    with pytest.raises(ValueError, match="timezone-aware"):
        attribute([SendRecord(A, 1, T0.replace(tzinfo=None))], opt_outs)
    with pytest.raises(ValueError, match="window"):
        attribute(sends, opt_outs, timedelta(hours=-1))
    assert attribute([], opt_outs) == {}
    assert attribute(sends, []) == {}


numbers = st.sampled_from(["+15550100001", "+15550100002", "+15550100003"])
# hour offsets on a coarse grid make exact window edges and ties common
moments = st.integers(min_value=0, max_value=240).map(lambda h: T0 + timedelta(hours=h))
send_records = st.builds(SendRecord, numbers, st.integers(min_value=1, max_value=6), moments)


@st.composite
def opt_out_lists(draw: st.DrawFn) -> list[OptOutRecord]:
    items = draw(st.lists(st.tuples(numbers, moments), max_size=25))
    return [OptOutRecord(i, number, at) for i, (number, at) in enumerate(items)]


@settings(max_examples=200, deadline=None)
@given(
    sends=st.lists(send_records, max_size=40),
    opt_outs=opt_out_lists(),
    window_hours=st.sampled_from([0, 1, 24, 72]),
)
def test_both_implementations_agree_with_the_reference(
    sends: list[SendRecord], opt_outs: list[OptOutRecord], window_hours: int
) -> None:
    window = timedelta(hours=window_hours)
    assert both_paths(sends, opt_outs, window) == reference(sends, opt_outs, window)


def test_large_inputs_take_the_polars_path_and_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(11)
    phones = [f"+1555{n:07d}" for n in range(3000)]
    sends = [
        SendRecord(
            rng.choice(phones), rng.randint(1, 40), T0 + timedelta(minutes=rng.randint(0, 20_000))
        )
        for _ in range(attribution.POLARS_THRESHOLD)
    ]
    opt_outs = [
        OptOutRecord(i, rng.choice(phones), T0 + timedelta(minutes=rng.randint(0, 20_000)))
        for i in range(2000)
    ]
    python = attribution._attribute_python

    def refuse(*args: object) -> dict[int, int]:
        raise AssertionError("large inputs should not take the Python path")

    monkeypatch.setattr(attribution, "_attribute_python", refuse)
    got = attribute(sends, opt_outs)
    assert got == python(sends, opt_outs, WINDOW)
    assert 0 < len(got) < len(opt_outs)


def test_tally_counts_sends_and_attributed_opt_outs() -> None:
    campaigns = [
        (2, "Spring sale", "+15557770000", "offers"),
        (1, "Welcome", "+15557770000", None),
        (3, "Never sent", "+15558880000", None),
    ]
    sends = [
        SendRecord(A, 1, T0 + timedelta(hours=1)),
        SendRecord(B, 1, T0),
        SendRecord(A, 2, T0 + timedelta(days=2)),
        SendRecord(B, 2, T0 + timedelta(days=3)),
        SendRecord("+15550100003", 2, T0 + timedelta(days=2, hours=4)),
        SendRecord(A, 99, T0),  # a campaign not listed: ignored
    ]
    opt_outs = [
        OptOutRecord(1, B, T0 + timedelta(hours=2)),
        OptOutRecord(2, A, T0 + timedelta(days=2, minutes=5)),
        OptOutRecord(3, B, T0 + timedelta(days=3, minutes=5)),
    ]
    attributed = attribute(sends, opt_outs)
    assert attributed == {1: 1, 2: 2, 3: 2}
    assert tally(campaigns, sends, attributed) == [
        CampaignTally(
            campaign_id=2,
            name="Spring sale",
            sender="+15557770000",
            topic="offers",
            first_sent=T0 + timedelta(days=2),
            last_sent=T0 + timedelta(days=3),
            sends=3,
            opt_outs=2,
        ),
        CampaignTally(
            campaign_id=1,
            name="Welcome",
            sender="+15557770000",
            topic=None,
            first_sent=T0,
            last_sent=T0 + timedelta(hours=1),
            sends=2,
            opt_outs=1,
        ),
    ]
