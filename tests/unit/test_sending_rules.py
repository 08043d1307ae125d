"""Quiet hours and frequency caps: deterministic cases and properties (hypothesis)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stopline.domain.recipient_location import CONTIGUOUS_US_ZONES, Location, locate
from stopline.domain.sending_rules import (
    SendingRules,
    in_window,
    next_allowed,
    sends_in_period,
)

NY = ZoneInfo("America/New_York")
RULES = SendingRules()


@pytest.mark.parametrize(
    ("number", "state", "zones"),
    [
        ("+13055550100", "FL", ("America/New_York",)),
        ("+14055550100", "OK", ("America/Chicago",)),
        ("+12035550100", "CT", ("America/New_York",)),
        ("+14105550100", "MD", ("America/New_York",)),
        ("+12065550100", "WA", ("America/Los_Angeles",)),
        ("+14155550100", "CA", ("America/Los_Angeles",)),
        ("+18005550100", None, CONTIGUOUS_US_ZONES),  # toll-free: could be anywhere
        ("+442079460958", None, ("Europe/London",)),
    ],
)
def test_locates_state_and_zone_from_the_number(
    number: str, state: str | None, zones: tuple[str, ...]
) -> None:
    found = locate(number)
    assert (found.state, found.zones) == (state, zones)


def test_inside_the_window_sends_now() -> None:
    now = datetime(2026, 6, 3, 14, 0, tzinfo=NY)
    verdict = next_allowed(locate("+12125550100"), now)
    assert verdict.allowed_now and verdict.at == now and verdict.reasons == ()


def test_late_evening_defers_to_next_morning() -> None:
    now = datetime(2026, 6, 3, 21, 0, tzinfo=NY)  # 21:00 is already outside 8:00-21:00
    verdict = next_allowed(locate("+12125550100"), now)
    assert not verdict.allowed_now and verdict.reasons == ("quiet_hours",)
    assert verdict.at == datetime(2026, 6, 4, 8, 0, tzinfo=NY)


def test_florida_closes_at_eight_and_caps_at_three() -> None:
    florida = locate("+13055550100")
    evening = datetime(2026, 6, 3, 20, 30, tzinfo=NY)
    assert next_allowed(florida, evening).at == datetime(2026, 6, 4, 8, 0, tzinfo=NY)
    assert next_allowed(locate("+12125550100"), evening).allowed_now  # New York: until 21:00
    noon = datetime(2026, 6, 3, 12, 0, tzinfo=NY)
    sends = [noon - timedelta(hours=h) for h in (1, 2, 20)]
    verdict = next_allowed(florida, noon, sends)
    assert verdict.reasons == ("frequency_cap",)
    assert verdict.at == noon - timedelta(hours=20) + timedelta(hours=24)  # 16:00 same day
    assert next_allowed(florida, noon, sends[:2]).allowed_now


def test_cap_then_quiet_hours_combine() -> None:
    oklahoma = locate("+14055550100")
    chicago = ZoneInfo("America/Chicago")
    now = datetime(2026, 6, 3, 10, 0, tzinfo=chicago)
    sends = [
        datetime(2026, 6, 2, 19, 30, tzinfo=chicago) + timedelta(minutes=m) for m in (0, 5, 10)
    ]
    verdict = next_allowed(oklahoma, now, sends)
    # the oldest send ages out at 19:30 today, but Oklahoma's window closes at 20:00: fine
    assert verdict.at == datetime(2026, 6, 3, 19, 30, tzinfo=chicago)
    later = [s + timedelta(minutes=45) for s in sends]  # ages out at 20:15: after hours
    assert next_allowed(oklahoma, now, later).at == datetime(2026, 6, 4, 8, 0, tzinfo=chicago)


def test_transactional_topics_are_exempt() -> None:
    night = datetime(2026, 6, 3, 23, 0, tzinfo=NY)
    assert next_allowed(locate("+13055550100"), night, topic="Transactional").allowed_now
    assert not next_allowed(locate("+13055550100"), night, topic="promo").allowed_now
    custom = SendingRules(exempt_topics=frozenset({"alerts"}))
    assert next_allowed(locate("+13055550100"), night, topic="alerts", rules=custom).allowed_now


def test_daylight_saving_change() -> None:
    # 2026-03-08: clocks go forward at 2:00 in New York; 8:00 EDT is 12:00 UTC, not 13:00
    now = datetime(2026, 3, 7, 22, 0, tzinfo=NY)
    verdict = next_allowed(locate("+12125550100"), now)
    assert verdict.at == datetime(2026, 3, 8, 12, 0, tzinfo=UTC)


def test_toll_free_waits_for_a_window_open_everywhere() -> None:
    early = datetime(2026, 6, 3, 9, 0, tzinfo=NY)  # 6:00 in Los Angeles
    verdict = next_allowed(locate("+18005550100"), early)
    assert verdict.at == datetime(2026, 6, 3, 11, 0, tzinfo=NY)  # 8:00 in Los Angeles


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        next_allowed(locate("+12125550100"), datetime(2026, 6, 3, 12, 0))


LOCATIONS = [
    locate(n)
    for n in (
        "+13055550100",
        "+14055550100",
        "+12065550100",
        "+12125550100",
        "+18085550100",
        "+19075550100",
        "+18005550100",
        "+442079460958",
    )
] + [
    Location(("Asia/Tokyo",), None, inferred=False),
    Location(("America/New_York", "America/Chicago")),
]
INSTANTS = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2032, 12, 31), timezones=st.just(UTC)
)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(LOCATIONS),
    INSTANTS,
    st.lists(st.integers(min_value=0, max_value=48 * 3600), max_size=6),
    st.sampled_from([None, "promo", "transactional"]),
    st.sampled_from([None, 1, 2, 5]),
)
def test_next_allowed_is_in_window_under_cap_and_never_early(
    location: Location,
    now: datetime,
    ages: list[int],
    topic: str | None,
    general_cap: int | None,
) -> None:
    rules = SendingRules(max_per_period=general_cap)
    sends = [now - timedelta(seconds=a) for a in ages]
    verdict = next_allowed(location, now, sends, topic, rules)
    assert verdict.at >= now
    assert verdict.allowed_now == (verdict.at == now)
    if rules.exempt(topic):
        assert verdict.allowed_now
        return

    def allowed(moment: datetime) -> bool:
        under = (
            verdict.cap is None or sends_in_period(moment, sends, rules.cap_period) < verdict.cap
        )
        return in_window(moment, location.zones, verdict.window) and under

    assert allowed(verdict.at)
    before = verdict.at - timedelta(seconds=1)
    assert before < now or not allowed(before)  # the earliest such time, not just any
