"""What every provider adapter offers, the canonical types it speaks, and the shared base that
does timing, logging and metrics around each provider's own work (webhooks and REST sends).

Vendor vocabulary (field names, status words, error codes) never leaves a provider module:
outward it speaks `InboundMessage`, `StatusReport`, `SendResult` and `RenderedReply`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar, Protocol

import httpx
import orjson
from prometheus_client import CollectorRegistry, Counter, Histogram

from stopline.domain.inbound import InboundMessage
from stopline.domain.language import Action
from stopline.domain.phone import InvalidNumber, normalise, normalise_address

log = logging.getLogger("stopline.providers")


class WebhookRejected(Exception):
    """The webhook cannot be accepted; ``status`` is the HTTP answer to give."""

    def __init__(self, status: int, reason: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason
        self.message = message


@dataclass(frozen=True, slots=True)
class WebhookRequest:
    """The parts of an HTTP request a provider signs."""

    url: str  # the public URL the provider called, query string included
    method: str
    headers: Mapping[str, str]  # looked up by lower-cased name
    body: bytes


@dataclass(frozen=True, slots=True)
class RenderedReply:
    body: bytes
    media_type: str
    status: int = 200


class DeliveryState(StrEnum):
    """Canonical delivery states every provider's status words map onto."""

    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    UNDELIVERED = "undelivered"
    FAILED = "failed"
    REJECTED = "rejected"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class StatusReport:
    """A delivery status callback, canonical. ``opted_out`` is the provider saying the
    recipient refused messages (its code kept in ``error_code`` as evidence)."""

    provider: str
    provider_message_id: str
    recipient: str | None  # E.164 of the person texted (None when the provider omits it)
    sender: str | None
    state: DeliveryState
    raw_status: str
    error_code: str | None
    opted_out: bool
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class WebhookBatch:
    """What one webhook call carries (Bandwidth sends arrays; most send one item)."""

    messages: tuple[InboundMessage, ...] = ()
    statuses: tuple[StatusReport, ...] = ()
    # False when the signature does not cover the body (Plivo V2): the text could have been
    # swapped, so nothing in it may lift an opt-out or count as a provider's opt-out signal
    body_signed: bool = True


@dataclass(frozen=True, slots=True)
class OutboundMessage:
    sender: str  # the address to send from: E.164, short code, alphanumeric ID or service id
    to: str  # E.164
    text: str
    idempotency_key: str | None = None  # stable per logical message, sent as Idempotency-Key


@dataclass(frozen=True, slots=True)
class SendResult:
    accepted: bool
    provider_message_id: str | None = None
    error_code: str | None = None  # the provider's own code, kept as evidence
    detail: str = ""
    opted_out: bool = False  # the provider refused because the recipient opted out
    retryable: bool = False
    http_status: int | None = None


class MissingCredentials(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Account:
    """Credentials of one provider account. Values never appear in repr or logs."""

    provider: str
    name: str
    fields: Mapping[str, str] = field(repr=False, default_factory=dict)

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name, default) or default

    def require(self, *names: str) -> tuple[str, ...]:
        missing = [n for n in names if not self.fields.get(n)]
        if missing:
            raise MissingCredentials(
                f"{self.provider} account {self.name!r} lacks {', '.join(missing)}"
            )
        return tuple(self.fields[n] for n in names)


class Observer(Protocol):
    def observe(self, provider: str, operation: str, outcome: str, seconds: float) -> None: ...


class ProviderMetrics:
    """Prometheus timings and outcomes of provider work, labelled by provider and operation."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.calls = Counter(
            "stopline_provider_calls",
            "Provider operations (webhook, send) by outcome",
            ["provider", "operation", "outcome"],
            registry=registry,
        )
        self.seconds = Histogram(
            "stopline_provider_seconds",
            "Time spent in a provider operation",
            ["provider", "operation"],
            buckets=(0.0001, 0.0005, 0.001, 0.005, 0.025, 0.1, 0.5, 1, 2.5, 10),
            registry=registry,
        )

        self._children: dict[tuple[str, str, str], tuple[Any, Any]] = {}

    def observe(self, provider: str, operation: str, outcome: str, seconds: float) -> None:
        key = (provider, operation, outcome)
        children = self._children.get(key)
        if children is None:  # label look-ups are costly: resolve each combination once
            children = self._children[key] = (
                self.calls.labels(provider, operation, outcome),
                self.seconds.labels(provider, operation),
            )
        children[0].inc()
        children[1].observe(seconds)


COMMON_PROVIDER_KEYWORDS: Mapping[str, Action] = {
    **dict.fromkeys(("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"), Action.OPT_OUT),
    **dict.fromkeys(("START", "UNSTOP"), Action.OPT_IN),
    **dict.fromkeys(("HELP", "INFO"), Action.HELP),
}


class Provider(ABC):
    """The shared base. Subclasses implement `_accept` (verify + parse a webhook) and `_send`
    (one REST call); `accept` and `send` wrap them with timing, logging and metrics."""

    name: ClassVar[str]
    inline_replies: ClassVar[bool] = False  # the webhook answer itself can carry the reply
    # An inline reply names our address as its sender (Plivo's <Message src>): a message that
    # names no recipient gets none.
    inline_reply_names_sender: ClassVar[bool] = False
    default_base_url: ClassVar[str] = ""
    # The whole-message keywords the provider answers itself when its own keyword handling
    # is on (providers match the entire body, case-insensitively). Subclasses narrow or
    # widen this to their documented list.
    own_keywords: ClassVar[Mapping[str, Action]] = COMMON_PROVIDER_KEYWORDS
    # Named in the 503 a webhook gets while it cannot be verified: "Twilio webhooks need
    # STOPLINE_TWILIO_AUTH_TOKEN".
    title: ClassVar[str] = ""
    webhook_settings: ClassVar[str] = ""

    def __init__(
        self,
        *,
        base_url: str | None = None,
        region: str = "US",
        observer: Observer | None = None,
    ) -> None:
        self.base_url = (base_url or self.default_base_url).rstrip("/")
        self.region = region
        self._observer = observer

    # -- webhooks ------------------------------------------------------------------------
    @property
    def webhooks_configured(self) -> bool:
        """Whether this provider's inbound webhooks can be verified (else they answer 503)."""
        return True

    def require_webhook_key(self) -> None:
        """Raise the 503 `not_configured` answer unless webhooks can be verified."""
        if not self.webhooks_configured:
            raise not_configured(self.title or self.name, self.webhook_settings)

    def accept(self, request: WebhookRequest, received_at: datetime) -> WebhookBatch:
        """Verify and parse a webhook; raises `WebhookRejected` with the answer to give."""
        started = time.perf_counter()
        outcome = "accepted"
        try:
            self.require_webhook_key()
            return self._accept(request, received_at)
        except WebhookRejected as exc:
            outcome = exc.reason
            raise
        finally:
            self._observe("webhook", outcome, time.perf_counter() - started)

    @abstractmethod
    def _accept(self, request: WebhookRequest, received_at: datetime) -> WebhookBatch: ...

    def replay_key(self, request: WebhookRequest) -> str | None:
        """For schemes whose signature does not cover the whole request, the signed value
        that must not be reused with a different request (Plivo V2's nonce); None otherwise."""
        return None

    def render(self, reply: str | None, batch: WebhookBatch) -> RenderedReply:
        """The HTTP answer; providers with inline replies put ``reply`` in it."""
        return RenderedReply(b"", "text/plain")

    def refusal(self, exc: WebhookRejected) -> tuple[int, dict[str, str]]:
        """Status and headers for a refused webhook."""
        return exc.status, {}

    # -- REST sends ----------------------------------------------------------------------
    def send(self, client: httpx.Client, account: Account, message: OutboundMessage) -> SendResult:
        """Send one message. Never raises for provider or network failures: the result says
        whether it was accepted, refused for good, or worth retrying."""
        started = time.perf_counter()
        try:
            result = self._send(client, account, message)
        except MissingCredentials as exc:
            result = SendResult(False, error_code="credentials", detail=str(exc))
        except httpx.HTTPError as exc:
            result = SendResult(False, detail=f"{type(exc).__name__}: {exc}", retryable=True)
        seconds = time.perf_counter() - started
        outcome = (
            "accepted"
            if result.accepted
            else "opted_out"
            if result.opted_out
            else "retryable"
            if result.retryable
            else "refused"
        )
        self._observe("send", outcome, seconds)
        log.info(
            "provider send",
            extra={
                "provider": self.name,
                "outcome": outcome,
                "seconds": round(seconds, 4),
                "code": result.error_code,
                "http_status": result.http_status,
            },
        )
        return result

    @abstractmethod
    def _send(
        self, client: httpx.Client, account: Account, message: OutboundMessage
    ) -> SendResult: ...

    def _observe(self, operation: str, outcome: str, seconds: float) -> None:
        if self._observer is not None:
            self._observer.observe(self.name, operation, outcome, seconds)


# Characters XML 1.0 cannot carry, escaped or not (C0 controls but tab, CR and LF; lone
# surrogates; U+FFFE/U+FFFF): one in a reply made the whole inline answer unparseable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML document cannot hold."""
    return _NOT_XML.sub("", text)


def headers_for(message: OutboundMessage) -> dict[str, str]:
    key = message.idempotency_key
    return {"Idempotency-Key": header_safe(key)} if key else {}


def header_safe(key: str) -> str:
    """``key`` as an HTTP header value. Keys hold providers' message ids, which are any text
    the provider chose: one that is not printable ASCII (or is very long) is sent as a
    digest of itself, stable across retries, instead of failing every attempt."""
    if len(key) <= 200 and all(" " <= c <= "~" for c in key):
        return key
    return "sha256-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def retryable_status(status: int) -> bool:
    return status == 429 or status >= 500


def load_json(body: bytes) -> Any:
    """A provider's JSON body. orjson refuses a lone UTF-16 surrogate escape ("\\ud83d", half
    an emoji cut by the sender's software), which JSON's grammar allows and the providers'
    own SDKs read; such a body is read by the standard library instead, each lone surrogate
    becoming U+FFFD, so the message (a STOP, say) is not refused and lost. Raises
    `orjson.JSONDecodeError` when the body is not JSON at all."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        if b"\\u" not in body:
            raise
        try:
            loaded = json.loads(body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise orjson.JSONDecodeError("not JSON", body.decode("utf-8", "replace"), 0) from None
        return _without_lone_surrogates(loaded)


def _without_lone_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


def text(value: object, field_name: str) -> str:
    """A webhook field that must be text. A JSON number (an id, a phone number written as
    digits) is read as its digits and a missing value (null) as ""; a list, an object or
    a boolean is a 400 naming the field, never stored as Python's rendering of it."""
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    kind = {bool: "a boolean", list: "a list", dict: "an object", float: "a fraction"}
    got = kind.get(type(value), type(value).__name__)
    raise WebhookRejected(400, "malformed", f"{field_name}: expected text, got {got}")


def message_id(value: object, field_name: str) -> str:
    """A provider's message id: text, and not empty (a retry is recognised by it, so an
    empty one would make every later message from anywhere a "retry" of the first)."""
    found = text(value, field_name).strip()
    if not found:
        raise WebhookRejected(400, "malformed", f"missing field(s): {field_name}")
    return found


def json_list(value: object, field_name: str) -> list[Any]:
    """A webhook field that must be a JSON list (absent: an empty one)."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise WebhookRejected(400, "malformed", f"{field_name}: expected a list")
    return value


def json_objects(value: object, field_name: str) -> list[dict[str, Any]]:
    """A webhook field that must be a list of JSON objects (absent: an empty list)."""
    items = json_list(value, field_name)
    if not all(isinstance(item, dict) for item in items):
        raise WebhookRejected(400, "malformed", f"{field_name}: expected a list of objects")
    return items


def phone(raw: object, region: str, field_name: str) -> str:
    """E.164 from a provider's number. Digits-only numbers longer than a national number
    (Vonage, Plivo, Sinch write ``447700900001``) are read as international; digits that
    start with 0 cannot be (no country code does): ``00447700900001`` and a national
    ``07700900712`` are read in ``region``, as everywhere else."""
    number = _international(text(raw, field_name).strip())
    try:
        return normalise(number, region)
    except InvalidNumber as exc:
        raise WebhookRejected(422, "invalid_number", f"{field_name}: {exc}") from None


def address(raw: object, region: str, field_name: str = "to") -> str:
    """A sender address: digits-only international numbers become E.164, short codes and
    alphanumeric IDs stay as written."""
    return normalise_address(_international(text(raw, field_name).strip()), region)


def digits_phone(raw: object, region: str, field_name: str) -> str:
    """`phone` for providers whose numbers are E.164 digits without the ``+`` (Vonage,
    Plivo, Sinch). Their digits are international whatever their length: ``4798765432`` is
    +47 98765432 in Norway, not an Arkansas number, and ``4591234567`` is Danish, not a
    North American number with an impossible exchange. Only digits that make no number that
    way (or start with 0, or are as short as a short code) are read as `phone` reads them:
    a fallback, not support for national numbers, which these providers do not send (a
    national "3125550100" would be read as +31 25550100)."""
    return _as_international(raw, region, field_name) or phone(raw, region, field_name)


def digits_address(raw: object, region: str, field_name: str = "to") -> str:
    """`address` for the same providers: digits that make an international number are one;
    a short code ("12345"), an alphanumeric sender ID or anything else is read as `address`
    reads it."""
    return _as_international(raw, region, field_name) or address(raw, region, field_name)


def _as_international(raw: object, region: str, field_name: str) -> str | None:
    """E.164 from bare digits read with a ``+`` before them, or None when they make no
    number that way."""
    number = _plus(text(raw, field_name).strip())
    if number is None:
        return None
    try:
        return normalise(number, region)
    except InvalidNumber:
        return None


_SHORT_CODE_DIGITS = 6  # short codes have up to 6 digits; "430000" is not +43 0000


def _plus(number: str) -> str | None:
    """Bare digits with the ``+`` put back (None for anything else: digits that start with
    0, which no country code does, and short codes)."""
    if (
        number.isdigit()
        and number.isascii()
        and not number.startswith("0")
        and len(number) > _SHORT_CODE_DIGITS
    ):
        return "+" + number
    return None


def _international(number: str) -> str:
    if number.isdigit() and len(number) > 10 and not number.startswith("0"):
        return "+" + number
    return number


def require_fields(values: Mapping[str, object], *names: str) -> None:
    missing = [n for n in names if not values.get(n)]
    if missing:
        raise WebhookRejected(400, "malformed", f"missing field(s): {', '.join(missing)}")


def not_configured(provider: str, setting: str) -> WebhookRejected:
    return WebhookRejected(503, "not_configured", f"{provider} webhooks need {setting}")
