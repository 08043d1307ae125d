"""Vonage: the Messages API (JSON webhooks signed with an HS256 JWT whose ``payload_hash`` is
the SHA-256 of the body) and the legacy SMS API (form, query or JSON with a ``sig`` parameter).
Both arrive on one route. Replies and sends go through the Messages API (``/v1/messages``).
Opt-out signals: legacy delivery receipts with ``err-code`` 9, Messages API status webhooks
whose error says the recipient opted out."""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import jwt
import orjson

from stopline.domain.inbound import InboundMessage, Part
from stopline.domain.message_parts import MAX_PARTS
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
    load_json,
    message_id,
    require_fields,
    retryable_status,
    text,
)
from stopline.providers.signing import check_fresh, same

DLR_OPTED_OUT = "9"  # legacy SMS API delivery receipt: "user has requested not to receive"
SIGNATURE_METHODS = ("md5hash", "md5", "sha1", "sha256", "sha512")
_OPT_OUT_WORDING = re.compile(r"opt(?:ed)?[\s_-]?out|unsubscribed|stop(?:ped)? message", re.I)
_STATES = {
    "submitted": DeliveryState.SENT,
    "delivered": DeliveryState.DELIVERED,
    "read": DeliveryState.READ,
    "rejected": DeliveryState.REJECTED,
    "undeliverable": DeliveryState.UNDELIVERED,
    "failed": DeliveryState.FAILED,
    "accepted": DeliveryState.QUEUED,
    "buffered": DeliveryState.QUEUED,
    "expired": DeliveryState.UNDELIVERED,
    "unknown": DeliveryState.UNKNOWN,
}


def legacy_signature(params: dict[str, str], secret: str, method: str) -> str:
    """The SMS API ``sig``: every parameter but ``sig``, sorted, as ``&key=value`` (``&`` and
    ``=`` in values replaced by ``_``), then MD5(string + secret) for ``md5hash`` or an HMAC
    with the secret for the others. Lower-case hex."""
    base = "".join(
        f"&{key}={params[key].replace('&', '_').replace('=', '_')}"
        for key in sorted(params)
        if key != "sig"
    )
    if method == "md5hash":
        return hashlib.md5((base + secret).encode(), usedforsecurity=False).hexdigest()
    return hmac.new(secret.encode(), base.encode(), method).hexdigest()


class VonageProvider(Provider):
    name = "vonage"
    title = "Vonage"
    webhook_settings = "STOPLINE_VONAGE_SIGNATURE_SECRET"
    default_base_url = "https://api.nexmo.com"

    def __init__(
        self,
        signature_secret: str | None,
        *,
        signature_method: str = "md5hash",
        tolerance: float = 300,
        region: str = "US",
        base_url: str | None = None,
        observer: Observer | None = None,
    ) -> None:
        super().__init__(base_url=base_url, region=region, observer=observer)
        if signature_method not in SIGNATURE_METHODS:
            raise ValueError(f"STOPLINE_VONAGE_SIGNATURE_METHOD must be one of {SIGNATURE_METHODS}")
        self._secret = signature_secret
        self._method = signature_method
        self._tolerance = tolerance

    @property
    def webhooks_configured(self) -> bool:
        return self._secret is not None

    def _accept(self, request: WebhookRequest, received_at: datetime) -> WebhookBatch:
        assert self._secret is not None  # `accept` refused the call otherwise
        if request.headers.get("authorization", "").lower().startswith("bearer "):
            body = self._verify_jwt(request, received_at)
            return self._messages_api(body, received_at)
        params = self._legacy_params(request)
        if "message_uuid" in params and "sig" not in params:
            # Vonage sends a Messages API callback unsigned when it has an internal error;
            # a 5xx makes it retry (a 4xx would lose the message for good)
            raise WebhookRejected(
                503, "unsigned", "a Messages API callback without its signed JWT; retry later"
            )
        self._verify_sig(params, received_at)
        return self._legacy(params, received_at)

    # -- Messages API ----------------------------------------------------------------------
    def _verify_jwt(self, request: WebhookRequest, now: datetime) -> dict[str, Any]:
        assert self._secret is not None
        token = request.headers["authorization"].split(" ", 1)[1].strip()
        try:
            # PyJWT refuses an "iat" even a second ahead of our clock: "iat" is judged by
            # `check_fresh` below, both ways, as for every provider ("exp", if present, with
            # the same leeway). A 403 here loses the message for good: Vonage does not retry.
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=["HS256"],
                options={"require": ["iat"], "verify_iat": False},
                leeway=self._tolerance,
            )
        except jwt.InvalidSignatureError:
            raise WebhookRejected(
                403, "bad_signature", "Vonage JWT rejected: its signature does not match the secret"
            ) from None
        except jwt.DecodeError:
            raise WebhookRejected(
                403, "bad_signature", "Vonage JWT rejected: the bearer token is not a readable JWT"
            ) from None
        except jwt.PyJWTError as exc:
            raise WebhookRejected(403, "bad_signature", f"Vonage JWT rejected: {exc}") from None
        check_fresh(str(claims["iat"]), now, self._tolerance)
        expected = hashlib.sha256(request.body).hexdigest()
        if not same(str(claims.get("payload_hash", "")), expected):
            raise WebhookRejected(403, "bad_signature", "payload_hash does not match the body")
        try:
            body = load_json(request.body)
        except orjson.JSONDecodeError:
            raise WebhookRejected(400, "malformed", "body is not JSON") from None
        if not isinstance(body, dict):
            raise WebhookRejected(400, "malformed", "body is not a JSON object")
        return body

    def _messages_api(self, body: dict[str, Any], received_at: datetime) -> WebhookBatch:
        if "status" in body:
            return WebhookBatch(statuses=(self._messages_status(body, received_at),))
        require_fields(body, "message_uuid", "from")  # an empty "to" still records an opt-out
        return WebhookBatch(
            messages=(
                InboundMessage(
                    provider=self.name,
                    provider_message_id=message_id(body["message_uuid"], "message_uuid"),
                    from_number=digits_phone(body["from"], self.region, "from"),
                    to=digits_address(body.get("to") or "", self.region),
                    body=text(body.get("text"), "text"),
                    received_at=received_at,
                ),
            )
        )

    def _messages_status(self, body: dict[str, Any], received_at: datetime) -> StatusReport:
        require_fields(body, "message_uuid", "to")
        raw = text(body["status"], "status")
        error = body.get("error") if isinstance(body.get("error"), dict) else {}
        assert isinstance(error, dict)
        wording = f"{error.get('title', '')} {error.get('detail', '')}"
        kind = str(error.get("type", ""))
        code = kind.rsplit("#", 1)[-1] if "#" in kind else (str(error.get("title")) or None)
        return StatusReport(
            provider=self.name,
            provider_message_id=message_id(body["message_uuid"], "message_uuid"),
            recipient=digits_phone(body["to"], self.region, "to"),
            sender=digits_address(body["from"], self.region) if body.get("from") else None,
            state=_STATES.get(raw, DeliveryState.UNKNOWN),
            raw_status=raw,
            error_code=code if error else None,
            opted_out=bool(error) and bool(_OPT_OUT_WORDING.search(wording)),
            occurred_at=received_at,
        )

    # -- legacy SMS API --------------------------------------------------------------------
    def _legacy_params(self, request: WebhookRequest) -> dict[str, str]:
        query = dict(parse_qsl(urlsplit(request.url).query, keep_blank_values=True))
        if request.method == "GET" or not request.body:
            return query
        content_type = request.headers.get("content-type", "")
        try:
            if "json" in content_type:
                loaded = load_json(request.body)
                if not isinstance(loaded, dict):
                    raise ValueError("not an object")
                return {**query, **{k: str(v) for k, v in loaded.items()}}
            form = request.body.decode("utf-8")
            return {**query, **dict(parse_qsl(form, keep_blank_values=True, strict_parsing=True))}
        except (ValueError, UnicodeDecodeError, orjson.JSONDecodeError):
            raise WebhookRejected(400, "malformed", "unreadable SMS API parameters") from None

    def _verify_sig(self, params: dict[str, str], now: datetime) -> None:
        assert self._secret is not None
        signature = params.get("sig", "")
        if not signature:
            raise WebhookRejected(403, "missing_signature", "the SMS API 'sig' is missing")
        if not params.get("timestamp"):
            raise WebhookRejected(403, "missing_signature", "a signed request needs 'timestamp'")
        check_fresh(params["timestamp"], now, self._tolerance)
        expected = legacy_signature(params, self._secret, self._method)
        if not same(signature.lower(), expected):
            raise WebhookRejected(403, "bad_signature", "the SMS API 'sig' does not match")

    def _legacy(self, params: dict[str, str], received_at: datetime) -> WebhookBatch:
        if "err-code" in params or ("status" in params and "text" not in params):
            require_fields(params, "messageId", "msisdn")
            code = params.get("err-code") or None
            raw = params.get("status", "")
            report = StatusReport(
                provider=self.name,
                provider_message_id=params["messageId"],
                recipient=digits_phone(params["msisdn"], self.region, "msisdn"),
                sender=digits_address(params["to"], self.region) if params.get("to") else None,
                state=_STATES.get(raw, DeliveryState.UNKNOWN),
                raw_status=raw,
                error_code=code,
                opted_out=code == DLR_OPTED_OUT and raw in ("failed", "rejected"),
                occurred_at=received_at,
            )
            return WebhookBatch(statuses=(report,))
        require_fields(params, "messageId", "msisdn")  # an empty "to" still records an opt-out
        message = InboundMessage(
            provider=self.name,
            provider_message_id=params["messageId"],
            from_number=digits_phone(params["msisdn"], self.region, "msisdn"),
            to=digits_address(params.get("to") or "", self.region),
            body=params.get("text", ""),
            received_at=received_at,
            part=_part(params),
        )
        return WebhookBatch(messages=(message,))

    # -- sending ---------------------------------------------------------------------------
    def _send(self, client: httpx.Client, account: Account, message: OutboundMessage) -> SendResult:
        api_key, api_secret = account.require(*REQUIRED[self.name])
        body = {
            "message_type": "text",
            "channel": "sms",
            "to": message.to.lstrip("+"),
            "from": message.sender.lstrip("+"),
            "text": message.text,
        }
        if message.idempotency_key:
            body["client_ref"] = message.idempotency_key[:100]
        response = client.post(
            f"{self.base_url}/v1/messages",
            json=body,
            auth=(api_key, api_secret),
            headers=headers_for(message),
        )
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        if response.is_success:
            return SendResult(True, str(answer.get("message_uuid")), http_status=202)
        kind = str(answer.get("type", ""))
        wording = f"{answer.get('title', '')} {answer.get('detail', '')}"
        return SendResult(
            False,
            error_code=kind.rsplit("#", 1)[-1] if "#" in kind else str(response.status_code),
            detail=wording.strip() or response.text[:200],
            opted_out=bool(_OPT_OUT_WORDING.search(wording)),
            retryable=retryable_status(response.status_code),
            http_status=response.status_code,
        )


def _part(params: dict[str, str]) -> Part | None:
    """The piece of a long message this webhook carries (``concat=true``), or None."""
    if params.get("concat", "").lower() != "true":
        return None
    require_fields(params, "concat-ref", "concat-part", "concat-total")
    ref = params["concat-ref"]
    try:
        index, total = int(params["concat-part"]), int(params["concat-total"])
    except ValueError:
        raise WebhookRejected(
            400, "malformed", "concat-part and concat-total must be numbers"
        ) from None
    if not 1 <= index <= total <= MAX_PARTS or len(ref) > 64:
        raise WebhookRejected(
            400, "malformed", f"concat-part {index} of {total} (ref {ref[:64]!r}) is out of range"
        )
    return None if total == 1 else Part(ref, index, total)
