"""Helpers shared by tests: signed Twilio webhooks, API clients."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from sqlalchemy import Engine, text
from twilio.request_validator import RequestValidator

PUBLIC_URL = "https://sms.example.com"


def twilio_form(
    sid: str, body: str, from_: str = "+14155550100", to: str = "+14155550199", **extra: str
) -> dict[str, str]:
    return {
        "MessageSid": sid,
        "SmsSid": sid,
        "SmsMessageSid": sid,
        "AccountSid": "AC" + "0" * 32,
        "MessagingServiceSid": "MG" + "0" * 32,
        "From": from_,
        "To": to,
        "Body": body,
        "NumMedia": "0",
        "NumSegments": "1",
        "SmsStatus": "received",
        "ApiVersion": "2010-04-01",
        **extra,
    }


def twilio_signed(
    token: str, form: dict[str, str], url: str = f"{PUBLIC_URL}/webhooks/twilio"
) -> tuple[bytes, dict[str, str]]:
    """Body and headers exactly as Twilio sends them, signed by the official SDK."""
    signature = RequestValidator(token).compute_signature(url, form)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": signature,
        "User-Agent": "TwilioProxy/1.1",
    }
    return urlencode(form).encode(), headers


def wait_for_a_blocked_advisory_lock(engine: Engine, tries: int = 200) -> None:
    """PostgreSQL: poll until some transaction waits for an advisory lock (a chain lock held
    by the test), or give up after ``tries`` polls (the test's assertions then decide)."""
    with engine.connect() as watch:
        for _ in range(tries):
            waiting = watch.execute(
                text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
            ).scalar_one()
            watch.rollback()
            if waiting:
                return
            time.sleep(0.05)
