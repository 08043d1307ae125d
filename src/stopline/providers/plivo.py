"""Plivo: incoming messages and delivery status callbacks (form-encoded) on one route,
signatures V3 (URL, nonce and every POST parameter) or V2 (URL and nonce only), both checked
with the official SDK; inline Message XML replies; REST sends; ``ErrorCode`` 200
("Source number blocked by STOP from destination number").

V2 does not cover the body: a captured V2 request could be replayed with other parameters.
Set ``STOPLINE_PLIVO_REQUIRE_V3=true`` to refuse requests that carry no V3 signature."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

import httpx
from plivo import plivoxml
from plivo.utils import validate_signature
from plivo.utils.signature_v3 import validate_v3_signature

from stopline.domain.inbound import InboundMessage
from stopline.domain.language import Action
from stopline.providers.accounts import REQUIRED
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
    digits_address,
    digits_phone,
    headers_for,
    require_fields,
    retryable_status,
    xml_safe,
)
from stopline.providers.twilio import parse_form

OPTED_OUT_CODE = "200"
_INTENTS = {"optout": Action.OPT_OUT, "optin": Action.OPT_IN, "help": Action.HELP}
_STATES = {
    "queued": DeliveryState.QUEUED,
    "sent": DeliveryState.SENT,
    "delivered": DeliveryState.DELIVERED,
    "read": DeliveryState.READ,
    "undelivered": DeliveryState.UNDELIVERED,
    "failed": DeliveryState.FAILED,
    "rejected": DeliveryState.REJECTED,
}
_EMPTY = RenderedReply(b"<Response></Response>", "application/xml")


class PlivoProvider(Provider):
    name = "plivo"
    title = "Plivo"
    webhook_settings = "STOPLINE_PLIVO_AUTH_TOKEN"
    inline_replies: ClassVar[bool] = True
    inline_reply_names_sender: ClassVar[bool] = True  # <Message src=...>
    default_base_url = "https://api.plivo.com"

    def __init__(
        self,
        auth_token: str | None,
        *,
        require_v3: bool = False,
        region: str = "US",
        base_url: str | None = None,
        observer: Observer | None = None,
    ) -> None:
        super().__init__(base_url=base_url, region=region, observer=observer)
        self._token = auth_token
        self._require_v3 = require_v3

    @property
    def webhooks_configured(self) -> bool:
        return bool(self._token)

    def _accept(self, request: WebhookRequest, received_at: datetime) -> WebhookBatch:
        try:
            pairs = parse_form(
                # `message_method` GET: the parameters are the query string, which V3 signs
                # as part of the URL (and V2 never signs)
                urlsplit(request.url).query.encode("latin-1")
                if request.method == "GET"
                else request.body
            )
        except WebhookRejected:
            # the signature is judged first: an unsigned or wrongly signed request is refused
            # as such (403), not told how its body failed to parse
            self.verify(request, {})
            raise
        params: dict[str, str | list[str]] = {}
        if request.method != "GET":
            grouped: dict[str, list[str]] = {}
            for key, value in pairs:
                grouped.setdefault(key, []).append(value)
            params = {k: v if len(v) > 1 else v[0] for k, v in grouped.items()}
        form = dict(pairs)
        body_signed = self.verify(request, params)
        if "Status" in form:
            require_fields(form, "MessageUUID", "To")
            code = form.get("ErrorCode") or None
            raw = form["Status"].lower()
            report = StatusReport(
                provider=self.name,
                provider_message_id=form["MessageUUID"],
                recipient=digits_phone(form["To"], self.region, "To"),
                sender=digits_address(form["From"], self.region) if form.get("From") else None,
                state=_STATES.get(raw, DeliveryState.UNKNOWN),
                raw_status=raw,
                error_code=code,
                opted_out=code == OPTED_OUT_CODE,
                occurred_at=received_at,
            )
            return WebhookBatch(statuses=(report,), body_signed=body_signed)
        require_fields(form, "MessageUUID", "From")  # an empty To still records an opt-out
        message = InboundMessage(
            provider=self.name,
            provider_message_id=form["MessageUUID"],
            from_number=digits_phone(form["From"], self.region, "From"),
            to=digits_address(form.get("To") or "", self.region),
            body=form.get("Text") or form.get("Body") or "",
            received_at=received_at,
            provider_keyword=_INTENTS.get(form.get("MessageIntent", "").lower()),
        )
        return WebhookBatch(messages=(message,), body_signed=body_signed)

    def replay_key(self, request: WebhookRequest) -> str | None:
        """Plivo signs a fresh nonce per request; V2 does not sign the body, so a captured
        nonce must not be usable twice (with another body)."""
        h = request.headers
        nonce = h.get("x-plivo-signature-v3-nonce") or h.get("x-plivo-signature-v2-nonce")
        return f"plivo:{nonce}" if nonce else None

    def verify(self, request: WebhookRequest, params: dict[str, str | list[str]]) -> bool:
        """Check the signature; True when it covers the body (V3), False for V2."""
        assert self._token  # `accept` refused the call otherwise
        h = request.headers
        v3 = [h.get("x-plivo-signature-v3", ""), h.get("x-plivo-signature-ma-v3", "")]
        v3_nonce = h.get("x-plivo-signature-v3-nonce", "")
        if any(v3) and v3_nonce:
            method = request.method.upper()
            if any(
                _v3_matches(method, request.url, v3_nonce, self._token, sig, params)
                for sig in v3
                if sig
            ):
                return True
            raise WebhookRejected(
                403,
                "bad_signature",
                f"X-Plivo-Signature-V3 does not match {request.url} signed with the auth "
                "token (behind a proxy, set STOPLINE_PUBLIC_URL to the base URL Plivo calls)",
            )
        if self._require_v3:
            raise WebhookRejected(403, "missing_signature", "X-Plivo-Signature-V3 is required")
        v2 = [h.get("x-plivo-signature-v2", ""), h.get("x-plivo-signature-ma-v2", "")]
        v2_nonce = h.get("x-plivo-signature-v2-nonce", "")
        if not any(v2) or not v2_nonce:
            raise WebhookRejected(403, "missing_signature", "no Plivo signature headers")
        if not any(
            validate_signature(request.url, v2_nonce, sig, self._token) for sig in v2 if sig
        ):
            raise WebhookRejected(
                403,
                "bad_signature",
                f"X-Plivo-Signature-V2 does not match {request.url} signed with the auth "
                "token (behind a proxy, set STOPLINE_PUBLIC_URL to the base URL Plivo calls)",
            )
        return False

    def render(self, reply: str | None, batch: WebhookBatch) -> RenderedReply:
        if not reply or not batch.messages:
            return _EMPTY
        message = batch.messages[0]
        response = plivoxml.ResponseElement()
        response.add(
            plivoxml.MessageElement(
                xml_safe(reply),
                src=message.to.lstrip("+"),
                dst=message.from_number.lstrip("+"),
                type="sms",
            )
        )
        return RenderedReply(response.to_string(False).encode("utf-8"), "application/xml")

    def _send(self, client: httpx.Client, account: Account, message: OutboundMessage) -> SendResult:
        auth_id, token = account.require(*REQUIRED[self.name])
        response = client.post(
            f"{self.base_url}/v1/Account/{auth_id}/Message/",
            json={
                "src": message.sender.lstrip("+"),
                "dst": message.to.lstrip("+"),
                "text": message.text,
            },
            auth=(auth_id, token),
            headers=headers_for(message),
        )
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        if response.is_success:
            uuids = answer.get("message_uuid") or [None]
            return SendResult(True, str(uuids[0]), http_status=response.status_code)
        return SendResult(
            False,
            error_code=str(answer.get("error_code") or response.status_code),
            detail=str(answer.get("error") or response.text[:200]),
            opted_out=str(answer.get("error_code")) == OPTED_OUT_CODE,
            retryable=retryable_status(response.status_code),
            http_status=response.status_code,
        )


def _v3_matches(
    method: str, url: str, nonce: str, token: str, signature: str, params: dict[str, Any]
) -> bool:
    """The SDK's V3 check; a URL or body it cannot even read (it re-parses a GET's query:
    "%FF" raises) is a signature that does not match, never a 500."""
    try:
        return bool(validate_v3_signature(method, url, nonce, token, signature, dict(params)))
    except (ValueError, UnicodeError):
        return False
