"""One description per provider of how to send it a STOP, a bad one, and an opt-out status."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from urllib.parse import parse_qsl, urlencode

import orjson
from nacl.signing import SigningKey

from tests import provider_payloads as p

BASE = "https://sms.example.com"


@dataclass(frozen=True)
class Call:
    body: bytes
    headers: dict[str, str]
    query: str = ""


@dataclass(frozen=True)
class Case:
    name: str
    inline: bool
    stop: Callable[[str], Call]
    wrong_key: Callable[[str], Call]
    stale: Callable[[str], Call] | None  # None: the scheme has no timestamp
    tamperable: bool = True  # the signature covers the body
    rest_path: str = ""  # the fake REST API path a reply goes to

    @property
    def unsigned_status(self) -> tuple[int, ...]:
        """The answer to `unsigned`: a refusal, except for Vonage's Messages API, which
        sends unsigned callbacks only on its own internal errors and retries on a 5xx."""
        return (503,) if self.name == "vonage" else (401, 403)

    def unsigned(self, mid: str) -> Call:
        """The STOP with its authentication removed (headers, or the SMS API's sig)."""
        call = self.stop(mid)
        body = call.body
        if self.name == "vonage-sms":
            body = urlencode([(k, v) for k, v in parse_qsl(body.decode()) if k != "sig"]).encode()
        return Call(body, {"Content-Type": call.headers["Content-Type"]}, call.query)

    def reply(self, answer: bytes) -> str | None:
        text = answer.decode()
        if self.name == "generic":
            reply = orjson.loads(answer)["reply"]
            return str(reply) if reply else None
        found = re.search(r"<Message[^>]*>(.*)</Message>", text, re.S)
        return unescape(found.group(1)) if found else None


def _form(params: dict[str, str]) -> Call:
    return Call(urlencode(params).encode(), {"Content-Type": "application/x-www-form-urlencoded"})


STALE = int(time.time()) - 3600

CASES = [
    Case(
        "twilio",
        True,
        lambda mid: Call(*p.twilio_stop(mid)),
        lambda mid: Call(
            *p.twilio_signed(
                "f" * 32, p.twilio_form(mid, "STOP", p.PERSON, p.OURS), f"{BASE}/webhooks/twilio"
            )
        ),
        None,
    ),
    Case(
        "telnyx",
        False,
        lambda mid: Call(*p.telnyx_stop(mid)),
        lambda mid: Call(*p.telnyx_stop(mid, key=SigningKey(b"\x09" * 32))),
        lambda mid: Call(*p.telnyx_stop(mid, timestamp=STALE)),
        rest_path="/v2/messages",
    ),
    Case(
        "vonage",
        False,
        lambda mid: Call(*p.vonage_stop(mid)),
        lambda mid: Call(*p.vonage_stop(mid, secret="not-the-secret-0123456789abcdef-xyz")),
        lambda mid: Call(*p.vonage_stop(mid, iat=STALE)),
        rest_path="/v1/messages",
    ),
    Case(
        "vonage-sms",
        False,
        lambda mid: _form(p.vonage_legacy_stop(mid)),
        lambda mid: _form(p.vonage_legacy_stop(mid, secret="not-the-secret-0123456789abcdef-xyz")),
        lambda mid: _form(p.vonage_legacy_stop(mid, timestamp=STALE)),
        rest_path="/v1/messages",
    ),
    Case(
        "plivo",
        True,
        lambda mid: Call(*p.plivo_v3(p.plivo_params(mid), f"{BASE}/webhooks/plivo")),
        lambda mid: Call(
            *p.plivo_v3(p.plivo_params(mid), f"{BASE}/webhooks/plivo", token="x" * 20)
        ),
        None,
    ),
    Case(
        "bandwidth",
        False,
        lambda mid: Call(*p.bandwidth_stop(mid)),
        lambda mid: Call(*p.bandwidth_stop(mid, password="wrong")),
        None,
        tamperable=False,
        rest_path=f"/api/v2/users/{p.BW_ACCOUNT}/messages",
    ),
    Case(
        "sinch",
        False,
        lambda mid: Call(*p.sinch_stop(mid)),
        lambda mid: Call(*p.sinch_stop(mid, secret="not-the-secret-0123456789abcdef-xyz")),
        lambda mid: Call(*p.sinch_stop(mid, timestamp=STALE)),
        rest_path=f"/xms/v1/{p.SINCH_PLAN}/batches",
    ),
    Case(
        "generic",
        True,
        lambda mid: Call(*p.generic_stop(mid)),
        lambda mid: Call(*p.generic_stop(mid, secret="not-the-secret-0123456789abcdef-xyz")),
        lambda mid: Call(*p.generic_stop(mid, timestamp=STALE)),
    ),
]


def route(case: Case) -> str:
    return "/webhooks/vonage" if case.name == "vonage-sms" else f"/webhooks/{case.name}"


def provider_of(case: Case) -> str:
    return "vonage" if case.name == "vonage-sms" else case.name


STATUS_SIGNALS: list[tuple[str, Callable[[str], Call], str]] = [
    ("twilio", lambda mid: Call(*p.twilio_status(mid, "21610")), "21610"),
    ("telnyx", lambda mid: Call(*p.telnyx_finalized(mid, "40300")), "40300"),
    ("vonage", lambda mid: _form(p.vonage_dlr(mid, "9")), "9"),
    (
        "plivo",
        lambda mid: Call(*p.plivo_v3(p.plivo_status_params(mid, "200"), f"{BASE}/webhooks/plivo")),
        "200",
    ),
    ("bandwidth", lambda mid: Call(*p.bandwidth_failed(mid, 4775)), "4775"),
    ("sinch", lambda mid: Call(*p.sinch_report(mid, p.SINCH_OPT_OUT_CODE)), p.SINCH_OPT_OUT_CODE),
    ("generic", lambda mid: Call(*p.generic_status(mid)), "opted_out"),
]
