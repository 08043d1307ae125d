"""A generic signed JSON webhook for any platform Stopline has no adapter for.

The caller signs ``{timestamp}.{raw body}`` with HMAC-SHA256 and the shared secret
(``STOPLINE_GENERIC_WEBHOOK_SECRET``) and sends ``X-Stopline-Timestamp: <unix seconds>`` and
``X-Stopline-Signature: v1=<hex digest>``. Bodies::

    {"type": "message", "id": "m-1", "from": "+14155550100", "to": "+14155550199",
     "text": "STOP"}
    {"type": "status", "id": "m-2", "to": "+14155550100", "status": "failed",
     "error_code": "opted_out", "opted_out": true}

The answer is JSON ``{"reply": "…" | null}``: the calling platform sends the reply itself.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from typing import Any, ClassVar

import httpx
import orjson

from stopline.domain.inbound import InboundMessage
from stopline.providers.base import (
    Account,
    DeliveryState,
    Observer,
    OutboundMessage,
    Provider,
    RenderedReply,
    SendResult,
    StatusReport,
    WebhookBatch,
    WebhookRejected,
    WebhookRequest,
    address,
    load_json,
    phone,
    require_fields,
    text,
)
from stopline.providers.signing import check_fresh, same


def signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "v1=" + digest.hexdigest()


class GenericProvider(Provider):
    name = "generic"
    webhook_settings = "STOPLINE_GENERIC_WEBHOOK_SECRET"
    inline_replies: ClassVar[bool] = True

    def __init__(
        self,
        secret: str | None,
        *,
        tolerance: float = 300,
        region: str = "US",
        base_url: str | None = None,
        observer: Observer | None = None,
    ) -> None:
        super().__init__(base_url=base_url, region=region, observer=observer)
        self._secret = secret
        self._tolerance = tolerance

    @property
    def webhooks_configured(self) -> bool:
        return bool(self._secret)

    def _accept(self, request: WebhookRequest, received_at: datetime) -> WebhookBatch:
        assert self._secret  # `accept` refused the call otherwise
        timestamp = request.headers.get("x-stopline-timestamp", "")
        given = request.headers.get("x-stopline-signature", "")
        if not timestamp or not given:
            raise WebhookRejected(
                403, "missing_signature", "X-Stopline-Timestamp or X-Stopline-Signature missing"
            )
        check_fresh(timestamp, received_at, self._tolerance)
        if not same(given, signature(self._secret, timestamp, request.body)):
            raise WebhookRejected(403, "bad_signature", "X-Stopline-Signature does not match")
        try:
            event = load_json(request.body)
        except orjson.JSONDecodeError:
            raise WebhookRejected(400, "malformed", "body is not JSON") from None
        if not isinstance(event, dict):
            raise WebhookRejected(400, "malformed", "body is not a JSON object")
        kind = event.get("type", "message")
        if kind == "status":
            return WebhookBatch(statuses=(self._status(event, received_at),))
        if kind != "message":
            raise WebhookRejected(400, "malformed", "type must be 'message' or 'status'")
        require_fields(event, "id", "from")
        # an empty or missing "to" still records the opt-out (organisation-wide), as on
        # /v1/inbound: refusing the request would lose it
        to = event.get("to")
        message = InboundMessage(
            provider=self.name,
            provider_message_id=text(event["id"], "id"),
            from_number=phone(event["from"], self.region, "from"),
            to=address(to, self.region) if to else "",
            body=text(event.get("text"), "text"),
            received_at=received_at,
        )
        return WebhookBatch(messages=(message,))

    def _status(self, event: dict[str, Any], received_at: datetime) -> StatusReport:
        require_fields(event, "id", "to")
        raw = (text(event.get("status"), "status") or "unknown").lower()
        code = (
            text(event["error_code"], "error_code") if event.get("error_code") is not None else None
        )
        opted_out = event.get("opted_out") or False  # absent or null: not an opt-out signal
        if not isinstance(opted_out, bool):
            raise WebhookRejected(400, "malformed", "opted_out: expected true or false")
        try:
            state = DeliveryState(raw)
        except ValueError:
            state = DeliveryState.UNKNOWN
        return StatusReport(
            provider=self.name,
            provider_message_id=text(event["id"], "id"),
            recipient=phone(event["to"], self.region, "to"),
            sender=address(event["from"], self.region, "from") if event.get("from") else None,
            state=state,
            raw_status=raw,
            error_code=code,
            opted_out=opted_out,
            occurred_at=received_at,
        )

    def render(self, reply: str | None, batch: WebhookBatch) -> RenderedReply:
        return RenderedReply(orjson.dumps({"reply": reply}), "application/json")

    def _send(self, client: httpx.Client, account: Account, message: OutboundMessage) -> SendResult:
        return SendResult(
            False,
            error_code="unsupported",
            detail="the generic webhook has no REST API: its caller sends replies itself",
        )
