"""Checks several providers share: timestamp windows (replay protection), HTTP Basic auth,
constant-time comparison."""

from __future__ import annotations

import base64
import binascii
import hmac
import math
from collections.abc import Mapping
from datetime import UTC, datetime

from stopline.providers.base import WebhookRejected


def parse_timestamp(text: str) -> datetime:
    """Unix seconds (``1717660357``) or ISO 8601 (``2024-06-06T07:52:37.386Z``)."""
    raw = text.strip()
    try:
        return datetime.fromtimestamp(float(raw), UTC)
    except (ValueError, OverflowError, OSError):
        pass
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise WebhookRejected(403, "bad_timestamp", f"unreadable timestamp {raw[:40]!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def check_fresh(timestamp: str, now: datetime, tolerance: float) -> datetime:
    """Refuse a signed timestamp more than ``tolerance`` seconds from ``now`` (a replay of an
    old request, or a clock far off)."""
    moment = parse_timestamp(timestamp)
    age = (now - moment).total_seconds()
    if abs(age) > tolerance:
        # tenths rounded away from the window: "300.0 s old" would read as inside ±300 s
        shown = math.ceil(abs(age) * 10) / 10
        when = f"{shown:.1f} s old" if age > 0 else f"{shown:.1f} s in the future"
        raise WebhookRejected(
            403,
            "stale_timestamp",
            f"signed timestamp is {when} (window ±{int(tolerance)} s)",
        )
    return moment


def same(a: str | bytes, b: str | bytes) -> bool:
    left = a.encode() if isinstance(a, str) else a
    right = b.encode() if isinstance(b, str) else b
    return hmac.compare_digest(left, right)


def check_basic(headers: Mapping[str, str], username: str, password: str, realm: str) -> None:
    """HTTP Basic auth against the configured pair; 401 (with a challenge) otherwise."""
    header = headers.get("authorization", "")
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic" or not encoded:
        raise WebhookRejected(401, "missing_credentials", f"{realm} needs HTTP Basic auth")
    try:
        user, sep, secret = base64.b64decode(encoded, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        raise WebhookRejected(401, "bad_credentials", "unreadable Basic credentials") from None
    # Compare both parts even when the first differs, so timing tells nothing.
    ok_user = same(user, username)
    ok_secret = same(secret, password)
    if not (sep and ok_user and ok_secret):
        raise WebhookRejected(401, "bad_credentials", f"wrong {realm} credentials")
