from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from stopline.domain.calendar import add_business_days, due_date, is_business_day
from stopline.domain.review import ReviewPolicy, schedule


def test_us_federal_holidays_and_weekends_are_not_business_days() -> None:
    assert not is_business_day(date(2026, 11, 26))  # Thanksgiving
    assert not is_business_day(date(2026, 7, 3))  # Independence Day observed (Friday)
    assert not is_business_day(date(2026, 6, 19))  # Juneteenth
    assert not is_business_day(date(2026, 11, 28))  # Saturday
    assert is_business_day(date(2026, 11, 27))  # the Friday after Thanksgiving is not federal
    assert is_business_day(date(2026, 12, 24))


def test_ten_business_days_skip_weekends_and_holidays() -> None:
    # Received Friday 2026-11-20: Nov 23, 24, 25, (26 Thanksgiving), 27, 30, Dec 1, 2, 3, 4, 7.
    assert add_business_days(date(2026, 11, 20), 10) == date(2026, 12, 7)
    # Over Christmas and New Year's Day.
    assert add_business_days(date(2026, 12, 23), 10) == date(2027, 1, 8)
    assert add_business_days(date(2026, 12, 7), -10) == date(2026, 11, 20)
    assert add_business_days(date(2026, 12, 7), 0) == date(2026, 12, 7)


def test_due_date_is_the_end_of_the_tenth_business_day_in_the_business_zone() -> None:
    received = datetime(2026, 11, 19, 3, 0, tzinfo=UTC)  # Wednesday evening in New York
    due = due_date(received, 10, "America/New_York")
    assert due.astimezone(ZoneInfo("America/New_York")).date() == date(2026, 12, 3)
    assert due.astimezone(ZoneInfo("America/New_York")).hour == 23
    assert due_date(received, 10, "UTC").date() == date(2026, 12, 4)  # Thursday in UTC
    with pytest.raises(ValueError, match="timezone-aware"):
        due_date(datetime(2026, 1, 1), 10, "UTC")


def test_schedule_escalates_then_defaults_before_the_due_date() -> None:
    received = datetime(2026, 11, 20, 15, tzinfo=UTC)
    plan = schedule(received, ReviewPolicy())
    assert plan.escalate_at < plan.default_at < plan.due_at
    assert plan.due_at - plan.default_at == timedelta(hours=24)
    assert plan.escalate_at.date() == date(2026, 12, 3)
    canada = schedule(received, ReviewPolicy(country="CA", due_business_days=10))
    assert canada.due_at.date() == date(2026, 12, 4)  # no Thanksgiving in late November
    late = schedule(received, ReviewPolicy(default_lead=timedelta(days=400)))
    assert late.default_at == received and late.escalate_at <= late.default_at


@pytest.mark.parametrize(
    "kwargs",
    [{"due_business_days": 0}, {"escalate_business_days": 10}, {"default_lead": timedelta(-1)}],
)
def test_review_policy_rejects_nonsense(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        ReviewPolicy(**kwargs)  # type: ignore[arg-type]
