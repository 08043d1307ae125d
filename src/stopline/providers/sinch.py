"""Sinch SMS REST API: MO callbacks (``mo_text`` …) and delivery reports (JSON), protected by
the optional HMAC signature (``x-sinch-webhook-signature`` = Base64 HMAC-SHA256 over
``{body}.{nonce}.{timestamp}``) or HTTP Basic; REST sends to ``/xms/v1/{plan}/batches``.

Sinch documents no dedicated opt-out delivery code; the codes that count as an opt-out signal
are configured (``STOPLINE_SINCH_OPT_OUT_CODES``) and none are assumed."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import httpx
import orjson

from stopline.domain.inbound import InboundMessage
from stopline.providers.accounts import REQUIRED
from stopline.providers.base import (
    Account,
    DeliveryState,
    Observer,
    OutboundMessage,
    Provider,
    SendResult,
    StatusReport,
    WebhookBatch,
    WebhookRejected,
    WebhookRequest,
    digits_address,
    digits_phone,
    headers_for,
    json_list,
    json_objects,
    load_json,
    require_fields,
    retryable_status,
    text,
)
from stopline.providers.signing import check_basic, check_fresh, same

_STATES = {
    "queued": DeliveryState.QUEUED,
    "dispatched": DeliveryState.SENT,
    "delivered": DeliveryState.DELIVERED,
    "aborted": DeliveryState.FAILED,
    "cancelled": DeliveryState.FAILED,
    "rejected": DeliveryState.REJECTED,
    "deleted": DeliveryState.UNDELIVERED,
    "failed": DeliveryState.FAILED,
    "expired": DeliveryState.UNDELIVERED,
    "unknown": DeliveryState.UNKNOWN,
}
_MO_TYPES = ("mo_text", "mo_binary", "mo_media")


def _text(kind: str, body: Any) -> str:
    """The words of an MO: ``mo_text`` carries them as ``body``, ``mo_media`` (MMS) in
    ``body.message`` (beside ``subject`` and ``media``); ``mo_binary`` has none."""
    if kind == "mo_text":
        return text(body, "body")
    if kind == "mo_media" and isinstance(body, dict):
        message = body.get("message")
        return message if isinstance(message, str) else ""
    return ""


def signature(secret: str, body: bytes, nonce: str, timestamp: str) -> str:
    signed = body + f".{nonce}.{timestamp}".encode()
    return base64.b64encode(hmac.new(secret.encode(), signed, hashlib.sha256).digest()).decode()


class SinchProvider(Provider):
    name = "sinch"
    title = "Sinch"
    webhook_settings = "STOPLINE_SINCH_WEBHOOK_SECRET or STOPLINE_SINCH_USERNAME/PASSWORD"
    default_base_url = "https://us.sms.api.sinch.com"

    def __init__(
        self,
        *,
        webhook_secret: str | None = None,
        username: str | None = None,
        password: str | None = None,
        opt_out_codes: Iterable[str] = (),
        tolerance: float = 300,
        region: str = "US",
        base_url: str | None = None,
        observer: Observer | None = None,
    ) -> None:
        super().__init__(base_url=base_url, region=region, observer=observer)
        self._secret = webhook_secret
        self._basic = (username, password) if username and password else None
        self._opt_out_codes = frozenset(str(c) for c in opt_out_codes)
        self._tolerance = tolerance
        self._base_overridden = base_url is not None

    def refusal(self, exc: WebhookRejected) -> tuple[int, dict[str, str]]:
        if exc.status == 401:
            return 401, {"WWW-Authenticate": 'Basic realm="stopline"'}
        return exc.status, {}

    @property
    def webhooks_configured(self) -> bool:
        return bool(self._secret or self._basic)

    def _accept(self, request: WebhookRequest, received_at: datetime) -> WebhookBatch:
        self.verify(request, received_at)
        try:
            event = load_json(request.body)
        except orjson.JSONDecodeError:
            raise WebhookRejected(400, "malformed", "body is not JSON") from None
        if not isinstance(event, dict):
            raise WebhookRejected(400, "malformed", "body is not a JSON object")
        kind = event.get("type")
        if not isinstance(kind, str) or not kind:  # an unknown type is skipped; none is wrong
            raise WebhookRejected(400, "malformed", "missing field(s): type")
        if kind in _MO_TYPES:
            require_fields(event, "id", "from")  # an empty "to" still records an opt-out
            body = _text(kind, event.get("body"))
            message = InboundMessage(
                provider=self.name,
                provider_message_id=text(event["id"], "id"),
                from_number=digits_phone(event["from"], self.region, "from"),
                to=digits_address(event.get("to") or "", self.region),
                body=body,
                received_at=received_at,
            )
            return WebhookBatch(messages=(message,))
        # MMS reports (the Sinch SDK's *_mms event types) have the same shape as the SMS ones.
        if kind in ("recipient_delivery_report_sms", "recipient_delivery_report_mms"):
            require_fields(event, "batch_id", "recipient")
            return WebhookBatch(
                statuses=(self._report(event, event["recipient"], event, received_at),)
            )
        if kind in ("delivery_report_sms", "delivery_report_mms"):
            reports = [
                self._report(event, recipient, status, received_at)
                for status in json_objects(event.get("statuses"), "statuses")
                for recipient in json_list(status.get("recipients"), "statuses[].recipients")
            ]
            return WebhookBatch(statuses=tuple(reports))
        return WebhookBatch()

    def verify(self, request: WebhookRequest, now: datetime) -> None:
        h = request.headers
        if self._secret:
            given = h.get("x-sinch-webhook-signature", "")
            nonce = h.get("x-sinch-webhook-signature-nonce", "")
            timestamp = h.get("x-sinch-webhook-signature-timestamp", "")
            if not (given and nonce and timestamp):
                raise WebhookRejected(403, "missing_signature", "Sinch signature headers missing")
            check_fresh(timestamp, now, self._tolerance)
            if not same(given, signature(self._secret, request.body, nonce, timestamp)):
                raise WebhookRejected(403, "bad_signature", "x-sinch-webhook-signature mismatch")
            return
        assert self._basic is not None  # `accept` refused the call without either
        check_basic(h, self._basic[0], self._basic[1], "Sinch callback")

    def _report(
        self, event: dict[str, Any], recipient: Any, status: dict[str, Any], at: datetime
    ) -> StatusReport:
        raw = text(status.get("status"), "status").lower()
        code = text(status["code"], "code") if status.get("code") is not None else None
        return StatusReport(
            provider=self.name,
            provider_message_id=text(event.get("batch_id"), "batch_id"),
            recipient=digits_phone(recipient, self.region, "recipient"),
            sender=None,
            state=_STATES.get(raw, DeliveryState.UNKNOWN),
            raw_status=raw,
            error_code=code,
            opted_out=code is not None and code in self._opt_out_codes,
            occurred_at=at,
        )

    def _send(self, client: httpx.Client, account: Account, message: OutboundMessage) -> SendResult:
        plan, token = account.require(*REQUIRED[self.name])
        base = self.base_url
        if not self._base_overridden and account.get("region"):
            base = f"https://{account.get('region')}.sms.api.sinch.com"
        body: dict[str, Any] = {
            "from": message.sender.lstrip("+"),
            "to": [message.to.lstrip("+")],
            "body": message.text,
        }
        if message.idempotency_key:
            body["client_reference"] = message.idempotency_key
        response = client.post(
            f"{base}/xms/v1/{plan}/batches",
            json=body,
            headers={"Authorization": f"Bearer {token}", **headers_for(message)},
        )
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        if response.is_success:
            return SendResult(True, str(answer.get("id")), http_status=response.status_code)
        code = str(answer.get("code") or response.status_code)
        return SendResult(
            False,
            error_code=code,
            detail=str(answer.get("text") or response.text[:200]),
            opted_out=code in self._opt_out_codes,
            retryable=retryable_status(response.status_code),
            http_status=response.status_code,
        )
