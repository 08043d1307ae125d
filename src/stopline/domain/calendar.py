"""Business days and legal due dates.

A revocation must be honoured within 10 business days of receipt (FCC; CASL likewise).
Business days skip Saturdays, Sundays and the country's public holidays (for the US, the
federal holidays, from the `holidays` library, observed dates included).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays


@lru_cache(maxsize=256)
def public_holidays(country: str, year: int) -> frozenset[date]:
    """The country's public holidays in ``year`` (US: federal holidays)."""
    return frozenset(holidays.country_holidays(country, years=year).keys())


def is_business_day(day: date, country: str = "US") -> bool:
    return day.weekday() < 5 and day not in public_holidays(country, day.year)


def add_business_days(start: date, count: int, country: str = "US") -> date:
    """The ``count``-th business day after ``start`` (``start`` itself never counts);
    a negative ``count`` goes back."""
    step = 1 if count >= 0 else -1
    day = start
    remaining = abs(count)
    while remaining:
        day += timedelta(days=step)
        if is_business_day(day, country):
            remaining -= 1
    return day


def end_of_day(day: date, zone: str) -> datetime:
    """The last instant of ``day`` in ``zone``."""
    return datetime.combine(day + timedelta(days=1), time(0), ZoneInfo(zone)) - timedelta(
        microseconds=1
    )


def due_date(received_at: datetime, business_days: int, zone: str, country: str = "US") -> datetime:
    """End of the ``business_days``-th business day after the day of receipt, in ``zone``
    (the business's time zone)."""
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    local_day = received_at.astimezone(ZoneInfo(zone)).date()
    return end_of_day(add_business_days(local_day, business_days, country), zone)


def business_days_before(moment: datetime, count: int, zone: str, country: str = "US") -> datetime:
    """The same local time ``count`` business days before ``moment``."""
    local = moment.astimezone(ZoneInfo(zone))
    day = add_business_days(local.date(), -count, country)
    return datetime.combine(day, local.timetz())
