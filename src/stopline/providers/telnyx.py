"""Telnyx Messaging v2: ``message.received`` and ``message.finalized`` webhooks (JSON),
Ed25519 signatures over ``{timestamp}|{raw body}`` with a timestamp window, REST sends to
``/v2/messages``, error 40300 ("Blocked due to STOP message")."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

import httpx
import orjson
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

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
    address,
    headers_for,
    json_list,
    load_json,
    message_id,
    phone,
    retryable_status,
    text,
)
from stopline.providers.signing import check_fresh

OPTED_OUT_CODE = "40300"
_STATES = {
    "queued": DeliveryState.QUEUED,
    "sending": DeliveryState.QUEUED,
    "sent": DeliveryState.SENT,
    "delivered": DeliveryState.DELIVERED,
    "sending_failed": DeliveryState.FAILED,
    "delivery_failed": DeliveryState.UNDELIVERED,
    "delivery_unconfirmed": DeliveryState.UNKNOWN,
}


def load_public_key(text: str) -> Ed25519PublicKey:
    """The key as Telnyx shows it: base64 of the raw 32-byte Ed25519 public key."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(
            f"STOPLINE_TELNYX_PUBLIC_KEY is not a base64 32-byte Ed25519 key: {exc}"
        ) from None


class TelnyxProvider(Provider):
    name = "telnyx"
    title = "Telnyx"
    webhook_settings = "STOPLINE_TELNYX_PUBLIC_KEY"
    default_base_url = "https://api.telnyx.com"

    def __init__(
        self,
        public_key: str | None,
        *,
        tolerance: float = 300,
        region: str = "US",
        base_url: str | None = None,
        observer: Observer | None = None,
    ) -> None:
        super().__init__(base_url=base_url, region=region, observer=observer)
        self._key = load_public_key(public_key) if public_key else None
        self._tolerance = tolerance

    @property
    def webhooks_configured(self) -> bool:
        return self._key is not None

    def _accept(self, request: WebhookRequest, received_at: datetime) -> WebhookBatch:
        self.verify(request, received_at)
        try:
            envelope = load_json(request.body)
            data = envelope["data"]
            event_type = data["event_type"]
            payload = data["payload"]
        except (orjson.JSONDecodeError, KeyError, TypeError):
            raise WebhookRejected(400, "malformed", "not a Telnyx event envelope") from None
        if event_type in ("message.sent", "message.finalized") and not isinstance(payload, dict):
            raise WebhookRejected(400, "malformed", "data.payload: expected an object")
        if event_type == "message.received":
            return WebhookBatch(messages=(self._message(payload, received_at),))
        if event_type in ("message.sent", "message.finalized"):
            return WebhookBatch(statuses=self._statuses(payload, received_at))
        return WebhookBatch()

    def verify(self, request: WebhookRequest, now: datetime) -> None:
        assert self._key is not None  # `accept` refused the call otherwise
        signature = request.headers.get("telnyx-signature-ed25519", "")
        timestamp = request.headers.get("telnyx-timestamp", "")
        if not signature or not timestamp:
            raise WebhookRejected(
                403, "missing_signature", "telnyx-signature-ed25519 or telnyx-timestamp missing"
            )
        if not (timestamp.isascii() and timestamp.isdigit()):
            # As Telnyx's SDK: whole Unix seconds only (it refuses anything int() cannot read).
            raise WebhookRejected(
                403, "bad_timestamp", "telnyx-timestamp must be whole Unix seconds"
            )
        check_fresh(timestamp, now, self._tolerance)
        try:
            self._key.verify(
                base64.b64decode(signature, validate=True),
                timestamp.encode() + b"|" + request.body,
            )
        except (InvalidSignature, binascii.Error, ValueError):
            raise WebhookRejected(403, "bad_signature", "Telnyx signature does not match") from None

    def _message(self, payload: dict[str, Any], received_at: datetime) -> InboundMessage:
        try:
            mid = payload["id"]
            sender = payload["from"]["phone_number"]
        except (KeyError, IndexError, TypeError):
            raise WebhookRejected(400, "malformed", "message.received lacks id/from") from None
        # an empty or missing recipient still records an opt-out (it gets no reply)
        recipients = payload.get("to")
        first = recipients[0] if isinstance(recipients, list) and recipients else None
        to = first.get("phone_number") if isinstance(first, dict) else None
        return InboundMessage(
            provider=self.name,
            provider_message_id=message_id(mid, "id"),
            from_number=phone(sender, self.region, "from.phone_number"),
            to=address(to or "", self.region, "to[0].phone_number"),
            body=text(payload.get("text"), "text"),
            received_at=received_at,
        )

    def _statuses(self, payload: dict[str, Any], received_at: datetime) -> tuple[StatusReport, ...]:
        errors = json_list(payload.get("errors"), "errors")
        codes = [text(e.get("code"), "errors[].code") for e in errors if isinstance(e, dict)]
        code = OPTED_OUT_CODE if OPTED_OUT_CODE in codes else (codes[0] if codes else None)
        origin = payload.get("from") or {}
        if not isinstance(origin, dict):
            raise WebhookRejected(400, "malformed", "from: expected an object")
        sender = text(origin.get("phone_number"), "from.phone_number")
        reports = []
        for recipient in json_list(payload.get("to"), "to"):
            if not isinstance(recipient, dict):
                raise WebhookRejected(400, "malformed", "to[]: expected objects")
            raw = text(recipient.get("status"), "to[].status")
            reports.append(
                StatusReport(
                    provider=self.name,
                    provider_message_id=text(payload.get("id"), "id"),
                    recipient=phone(recipient.get("phone_number"), self.region, "to"),
                    sender=address(sender, self.region, "from.phone_number") if sender else None,
                    state=_STATES.get(raw, DeliveryState.UNKNOWN),
                    raw_status=raw,
                    error_code=code,
                    opted_out=code == OPTED_OUT_CODE,
                    occurred_at=received_at,
                )
            )
        return tuple(reports)

    def _send(self, client: httpx.Client, account: Account, message: OutboundMessage) -> SendResult:
        (api_key,) = account.require(*REQUIRED[self.name])
        body = {"from": message.sender, "to": message.to, "text": message.text}
        if account.get("messaging_profile_id"):
            body["messaging_profile_id"] = account.get("messaging_profile_id")
        response = client.post(
            f"{self.base_url}/v2/messages",
            json=body,
            headers={"Authorization": f"Bearer {api_key}", **headers_for(message)},
        )
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        if response.is_success:
            return SendResult(True, str(answer.get("data", {}).get("id")), http_status=200)
        errors = answer.get("errors") or [{}]
        codes = [str(e.get("code")) for e in errors if e.get("code") is not None]
        code = OPTED_OUT_CODE if OPTED_OUT_CODE in codes else (codes[0] if codes else None)
        return SendResult(
            False,
            error_code=code,
            detail=str(errors[0].get("detail") or errors[0].get("title") or response.text[:200]),
            opted_out=code == OPTED_OUT_CODE,
            retryable=retryable_status(response.status_code),
            http_status=response.status_code,
        )
