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


_TEXTS: dict[datetime, str] = {}
_TEXTS_KEPT = 65_536


def utc_text_remembered(moment: datetime) -> str:
    """`utc_text`, remembered for instants written again and again (the send gate names the
    same opt-outs' times in answer after answer: 1.6 µs each to format, 0.1 to look up).
    Only naive (UTC, as storage returns them) and UTC times: two times in a zone with
    daylight saving can compare equal and differ by an hour (``fold``). Bounded."""
    if moment.tzinfo is not None and moment.tzinfo is not UTC:
        return utc_text(moment)
    text = _TEXTS.get(moment)
    if text is None:
        if len(_TEXTS) >= _TEXTS_KEPT:
            _TEXTS.clear()
        text = _TEXTS[moment] = utc_text(moment)
    return text
