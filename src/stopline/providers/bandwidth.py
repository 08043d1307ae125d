"""Bandwidth Messaging v2: callbacks are JSON arrays (``message-received``, ``message-failed``,
``message-delivered`` …) protected by the HTTP Basic credentials configured on the
application; REST sends to ``/api/v2/users/{accountId}/messages``; opt-out error 4775
(``destination-rejected-due-to-user-opt-out``)."""

from __future__ import annotations

import logging
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
    address,
    headers_for,
    load_json,
    phone,
    retryable_status,
    text,
)
from stopline.providers.signing import check_basic

log = logging.getLogger("stopline.providers.bandwidth")

OPTED_OUT_CODE = "4775"
_STATES = {
    "message-sending": DeliveryState.QUEUED,
    "message-delivered": DeliveryState.DELIVERED,
    "message-failed": DeliveryState.FAILED,
    "message-read": DeliveryState.READ,
}


class BandwidthProvider(Provider):
    name = "bandwidth"
    title = "Bandwidth"
    webhook_settings = "STOPLINE_BANDWIDTH_USERNAME and STOPLINE_BANDWIDTH_PASSWORD"
    default_base_url = "https://messaging.bandwidth.com"

    def __init__(
        self,
        username: str | None,
        password: str | None,
        *,
        region: str = "US",
        base_url: str | None = None,
        observer: Observer | None = None,
    ) -> None:
        super().__init__(base_url=base_url, region=region, observer=observer)
        self._username = username
        self._password = password

    def refusal(self, exc: WebhookRejected) -> tuple[int, dict[str, str]]:
        if exc.status == 401:
            return 401, {"WWW-Authenticate": 'Basic realm="stopline"'}
        return exc.status, {}

    @property
    def webhooks_configured(self) -> bool:
        return bool(self._username and self._password)

    def _accept(self, request: WebhookRequest, received_at: datetime) -> WebhookBatch:
        assert self._username and self._password  # `accept` refused the call otherwise
        check_basic(request.headers, self._username, self._password, "Bandwidth callback")
        try:
            events = load_json(request.body)
        except orjson.JSONDecodeError:
            raise WebhookRejected(400, "malformed", "body is not JSON") from None
        if not isinstance(events, list):
            raise WebhookRejected(400, "malformed", "Bandwidth callbacks are JSON arrays")
        if not events:
            raise WebhookRejected(400, "malformed", "an empty array: no callback events")
        messages: list[InboundMessage] = []
        statuses: list[StatusReport] = []
        refused: list[tuple[int, WebhookRejected]] = []
        for index, event in enumerate(events):
            kind = str(event.get("type", "")) if isinstance(event, dict) else ""
            try:
                if not isinstance(event, dict) or not isinstance(event.get("message"), dict):
                    raise WebhookRejected(400, "malformed", f"item {index} has no 'message' object")
                if kind == "message-received":
                    messages.append(self._message(event, index, received_at))
                elif kind in _STATES:
                    statuses.append(self._status(event, kind, index, received_at))
            except WebhookRejected as exc:
                refused.append((index, exc))
            except (TypeError, KeyError, ValueError, AttributeError):  # a field of a wrong type
                shape = WebhookRejected(
                    400, "malformed", f"item {index} has fields of the wrong type"
                )
                refused.append((index, shape))
        if refused and not messages and not statuses:
            raise refused[0][1]  # nothing usable: the first item's reason is the answer
        for index, skipped in refused:  # each item on its own: a bad one loses no good one
            log.warning("Bandwidth callback: item %d skipped (%s)", index, skipped.reason)
        return WebhookBatch(tuple(messages), tuple(statuses))

    def _message(self, event: dict[str, Any], index: int, received_at: datetime) -> InboundMessage:
        m = event["message"]
        to = _recipient(event)  # none still records an opt-out (it gets no reply)
        if not m.get("id") or not m.get("from"):
            raise WebhookRejected(400, "malformed", f"item {index} lacks message id/from")
        return InboundMessage(
            provider=self.name,
            provider_message_id=text(m["id"], f"[{index}].message.id"),
            from_number=phone(m["from"], self.region, f"[{index}].message.from"),
            to=address(to or "", self.region, f"[{index}].to"),
            body=text(m.get("text"), f"[{index}].message.text"),
            received_at=received_at,
        )

    def _status(
        self, event: dict[str, Any], kind: str, index: int, received_at: datetime
    ) -> StatusReport:
        m = event["message"]
        recipient = _recipient(event)
        if not m.get("id") or not recipient:
            raise WebhookRejected(400, "malformed", f"item {index} lacks message id/to")
        code = (
            text(event["errorCode"], f"[{index}].errorCode")
            if event.get("errorCode") is not None
            else None
        )
        return StatusReport(
            provider=self.name,
            provider_message_id=text(m["id"], f"[{index}].message.id"),
            recipient=phone(recipient, self.region, f"[{index}].to"),
            sender=address(m["from"], self.region, f"[{index}].message.from")
            if m.get("from")
            else None,
            state=_STATES[kind],
            raw_status=kind,
            error_code=code,
            opted_out=code == OPTED_OUT_CODE,
            occurred_at=received_at,
        )

    def _send(self, client: httpx.Client, account: Account, message: OutboundMessage) -> SendResult:
        account_id, user, password, application = account.require(*REQUIRED[self.name])
        body: dict[str, Any] = {
            "applicationId": application,
            "to": [message.to],
            "from": message.sender,
            "text": message.text,
        }
        if message.idempotency_key:
            body["tag"] = message.idempotency_key
        response = client.post(
            f"{self.base_url}/api/v2/users/{account_id}/messages",
            json=body,
            auth=(user, password),
            headers=headers_for(message),
        )
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        if response.is_success:
            return SendResult(True, str(answer.get("id")), http_status=response.status_code)
        return SendResult(
            False,
            error_code=str(answer.get("type") or response.status_code),
            detail=str(answer.get("description") or response.text[:200]),
            retryable=retryable_status(response.status_code),
            http_status=response.status_code,
        )


def _recipient(event: dict[str, Any]) -> str | None:
    """The callback's ``to``, else the message's first ``to`` (a list; a string accepted)."""
    to = event.get("to") or event["message"].get("to")
    if isinstance(to, list):
        to = to[0] if to else None
    if to is not None and not isinstance(to, str):
        raise TypeError("'to' is neither a string nor a list of strings")
    return to
