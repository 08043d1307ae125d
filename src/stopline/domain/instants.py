"""How the API and reports write an instant: ISO 8601 in UTC, written with ``Z``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# How far ahead of Stopline's clock another system's may run: a time up to this far in the
# future is read as now (an opt-out is never refused over its time, whatever it says).
CLOCK_SKEW = timedelta(minutes=5)


def utc_text(moment: datetime) -> str:
    """``2026-01-05T12:00:00Z`` (a fraction of a second only when there is one). A naive
    time is taken as UTC, as storage returns them."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    elif moment.utcoffset():
        moment = moment.astimezone(UTC)
    return moment.isoformat().replace("+00:00", "Z")
