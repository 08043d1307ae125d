"""Documented webhook shapes for every provider, authenticated the way each provider does it:
with the provider's official SDK where it can sign (twilio, plivo, vonage-http-client, sinch),
PyJWT for Vonage's JWT, PyNaCl for Telnyx's Ed25519, HTTP Basic for Bandwidth."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid
from typing import Any
from urllib.parse import urlencode

import jwt
from bandwidth.models import (
    InboundCallback,
    InboundCallbackMessage,
    StatusCallback,
    StatusCallbackMessage,
)
from nacl.signing import SigningKey
from plivo.utils.signature_v3 import construct_post_url, get_signature_v3
from sinch.domains.authentication.sinch_events.v1.authentication_validation import (
    calculate_sinch_event_signature,
    compute_signed_data,
)
from vonage_http_client.auth import Auth

from tests.helpers import PUBLIC_URL, twilio_form, twilio_signed

TWILIO_TOKEN = "12345678901234567890123456789012"
TWILIO_SID = "AC" + "1" * 32
TELNYX_KEY = SigningKey(b"\x07" * 32)
TELNYX_PUBLIC = base64.b64encode(TELNYX_KEY.verify_key.encode()).decode()
TELNYX_API_KEY = "KEY0123456789"
PLIVO_ID = "MAXXXXXXXXXXXXXXXXXX"
PLIVO_TOKEN = "plivo-auth-token-0123456789"
VONAGE_SECRET = "vonage-signature-secret-0123456789abcdef"
VONAGE_KEY = "abcd1234"
VONAGE_API_SECRET = "vonage-api-secret"
BW_USER = "bw-callback-user"
BW_PASSWORD = "bw-callback-password"
BW_ACCOUNT = "9900000"
BW_APP = "93de2206-9669-4e07-948d-329f4b722ee2"
SINCH_SECRET = "sinch-callback-secret"
SINCH_PLAN = "serviceplan01"
SINCH_TOKEN = "sinch-api-token"
SINCH_OPT_OUT_CODE = "418"
GENERIC_SECRET = "generic-webhook-secret"

PERSON = "+14155550100"
OURS = "+14155550199"

Signed = tuple[bytes, dict[str, str]]


def provider_settings() -> dict[str, Any]:
    """Every webhook key and a default REST account per provider (as STOPLINE_* fields)."""
    return {
        "twilio_auth_token": TWILIO_TOKEN,
        "twilio_account_sid": TWILIO_SID,
        "telnyx_public_key": TELNYX_PUBLIC,
        "telnyx_api_key": TELNYX_API_KEY,
        "plivo_auth_id": PLIVO_ID,
        "plivo_auth_token": PLIVO_TOKEN,
        "vonage_signature_secret": VONAGE_SECRET,
        "vonage_signature_method": "sha256",
        "vonage_api_key": VONAGE_KEY,
        "vonage_api_secret": VONAGE_API_SECRET,
        "bandwidth_username": BW_USER,
        "bandwidth_password": BW_PASSWORD,
        "bandwidth_account_id": BW_ACCOUNT,
        "bandwidth_api_username": "bw-api-user",
        "bandwidth_api_password": "bw-api-password",
        "bandwidth_application_id": BW_APP,
        "sinch_webhook_secret": SINCH_SECRET,
        "sinch_service_plan_id": SINCH_PLAN,
        "sinch_api_token": SINCH_TOKEN,
        "sinch_opt_out_codes": SINCH_OPT_OUT_CODE,
        "generic_webhook_secret": GENERIC_SECRET,
    }


def fake_credentials() -> dict[str, dict[str, str]]:
    """What the fake REST APIs accept (the same accounts as `provider_settings`)."""
    return {
        "twilio": {"account_sid": TWILIO_SID, "auth_token": TWILIO_TOKEN},
        "telnyx": {"api_key": TELNYX_API_KEY},
        "vonage": {"api_key": VONAGE_KEY, "api_secret": VONAGE_API_SECRET},
        "plivo": {"auth_id": PLIVO_ID, "auth_token": PLIVO_TOKEN},
        "bandwidth": {"username": "bw-api-user", "password": "bw-api-password"},
        "sinch": {"api_token": SINCH_TOKEN},
    }


def env_for(settings: dict[str, Any]) -> dict[str, str]:
    return {f"STOPLINE_{k.upper()}": str(v) for k, v in settings.items()}


# -- Twilio ---------------------------------------------------------------------------------
def twilio_stop(mid: str, text: str = "STOP", url: str = PUBLIC_URL, **extra: str) -> Signed:
    return twilio_signed(
        TWILIO_TOKEN, twilio_form(mid, text, PERSON, OURS, **extra), f"{url}/webhooks/twilio"
    )


def twilio_status(mid: str, code: str, url: str = PUBLIC_URL) -> Signed:
    form = {
        "MessageSid": mid,
        "SmsSid": mid,
        "AccountSid": TWILIO_SID,
        "From": OURS,
        "To": PERSON,
        "MessageStatus": "failed",
        "SmsStatus": "failed",
        "ErrorCode": code,
        "ApiVersion": "2010-04-01",
    }
    return twilio_signed(TWILIO_TOKEN, form, f"{url}/webhooks/twilio")


# -- Telnyx ---------------------------------------------------------------------------------
def telnyx_sign(body: bytes, timestamp: int | None = None, key: SigningKey = TELNYX_KEY) -> Signed:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = key.sign(ts.encode() + b"|" + body).signature
    return body, {
        "Content-Type": "application/json",
        "telnyx-signature-ed25519": base64.b64encode(signature).decode(),
        "telnyx-timestamp": ts,
    }


def telnyx_stop(
    mid: str, text: str = "STOP", timestamp: int | None = None, key: SigningKey = TELNYX_KEY
) -> Signed:
    event = {
        "data": {
            "record_type": "event",
            "id": str(uuid.uuid4()),
            "event_type": "message.received",
            "occurred_at": "2024-01-23T18:10:02.574+00:00",
            "payload": {
                "record_type": "message",
                "direction": "inbound",
                "id": mid,
                "type": "SMS",
                "messaging_profile_id": "0f512bda-0000-4000-8000-000000000000",
                "from": {
                    "phone_number": PERSON,
                    "carrier": "T-MOBILE USA, INC.",
                    "line_type": "Wireless",
                },
                "to": [
                    {
                        "phone_number": OURS,
                        "status": "webhook_delivered",
                        "carrier": "TELNYX LLC",
                        "line_type": "VoIP",
                    }
                ],
                "cc": [],
                "text": text,
                "subject": None,
                "media": [],
                "encoding": "GSM-7",
                "parts": 1,
                "tags": [],
                "received_at": "2024-01-23T18:10:02.574+00:00",
                "errors": [],
            },
        },
        "meta": {"attempt": 1, "delivered_to": "https://sms.example.com/webhooks/telnyx"},
    }
    return telnyx_sign(json.dumps(event).encode(), timestamp, key)


def telnyx_finalized(mid: str, code: str) -> Signed:
    event = {
        "data": {
            "record_type": "event",
            "id": str(uuid.uuid4()),
            "event_type": "message.finalized",
            "occurred_at": "2024-01-23T18:10:02.574+00:00",
            "payload": {
                "record_type": "message",
                "direction": "outbound",
                "id": mid,
                "type": "SMS",
                "from": {"phone_number": OURS},
                "to": [{"phone_number": PERSON, "status": "delivery_failed"}],
                "text": "Sale today",
                "errors": [{"code": code, "title": "Blocked due to STOP message", "detail": "x"}],
            },
        },
        "meta": {"attempt": 1},
    }
    return telnyx_sign(json.dumps(event).encode())


# -- Vonage ---------------------------------------------------------------------------------
def vonage_jwt(
    body: bytes,
    secret: str = VONAGE_SECRET,
    iat: int | None = None,
    payload_hash: str | None = None,
) -> str:
    claims = {
        "iat": int(time.time()) if iat is None else iat,
        "jti": str(uuid.uuid4()),
        "iss": "Vonage",
        "payload_hash": payload_hash or hashlib.sha256(body).hexdigest(),
        "api_key": VONAGE_KEY,
        "application_id": "aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab",
    }
    return jwt.encode(claims, secret, algorithm="HS256")


def vonage_stop(
    mid: str,
    text: str = "STOP",
    secret: str = VONAGE_SECRET,
    iat: int | None = None,
    sender: str = PERSON,
) -> Signed:
    body = json.dumps(
        {
            "channel": "sms",
            "message_type": "text",
            "message_uuid": mid,
            "to": OURS.lstrip("+"),
            "from": sender.lstrip("+"),
            "timestamp": "2025-01-01T12:00:00Z",
            "text": text,
            "sms": {"num_messages": "1", "keyword": text.upper()},
            "usage": {"price": "0.0057", "currency": "EUR"},
        }
    ).encode()
    return body, {
        "Content-Type": "application/json",
        "Authorization": f"Bearer {vonage_jwt(body, secret, iat)}",
    }


def vonage_legacy(
    params: dict[str, str], secret: str = VONAGE_SECRET, timestamp: int | None = None
) -> dict[str, str]:
    """Sign SMS API parameters with the official SDK (HMAC-SHA256, as configured)."""
    signed = {
        **params,
        "timestamp": str(int(time.time()) if timestamp is None else timestamp),
        "nonce": uuid.uuid4().hex,
    }
    auth = Auth(api_key=VONAGE_KEY, signature_secret=secret, signature_method="sha256")
    signed["sig"] = auth.sign_params(dict(signed))
    return signed


def vonage_legacy_stop(
    mid: str, text: str = "STOP", sender: str = PERSON, **kw: Any
) -> dict[str, str]:
    return vonage_legacy(
        {
            "msisdn": sender.lstrip("+"),
            "to": OURS.lstrip("+"),
            "messageId": mid,
            "text": text,
            "type": "text",
            "keyword": text.upper(),
            "message-timestamp": "2020-01-01 12:00:00",
        },
        **kw,
    )


def vonage_dlr(mid: str, err_code: str = "9") -> dict[str, str]:
    return vonage_legacy(
        {
            "msisdn": PERSON.lstrip("+"),
            "to": "AcmeInc",
            "network-code": "12345",
            "messageId": mid,
            "price": "0.00000000",
            "status": "failed",
            "scts": "2001011400",
            "err-code": err_code,
            "api-key": VONAGE_KEY,
            "message-timestamp": "2020-01-01 12:00:00",
        }
    )


# -- Plivo ----------------------------------------------------------------------------------
def plivo_v3(params: dict[str, str], url: str, token: str = PLIVO_TOKEN) -> Signed:
    """Signed with the SDK's own V3 routines (URL + sorted POST params + nonce)."""
    nonce = uuid.uuid4().hex[:20]
    base = construct_post_url(url, dict(params)).decode()
    signature = get_signature_v3(token.encode(), base, nonce.encode()).decode()
    return urlencode(params).encode(), {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Plivo-Signature-V3": signature,
        "X-Plivo-Signature-V3-Nonce": nonce,
    }


def plivo_v2(params: dict[str, str], url: str, token: str = PLIVO_TOKEN) -> Signed:
    """V2: Base64(HMAC-SHA256(token, URL without query + nonce)); checked against the SDK."""
    from plivo.utils import validate_signature

    nonce = uuid.uuid4().hex[:20]
    base = url.split("?", 1)[0]
    signature = base64.b64encode(
        hmac.new(token.encode(), (base + nonce).encode(), hashlib.sha256).digest()
    ).decode()
    assert validate_signature(url, nonce, signature, token)
    return urlencode(params).encode(), {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Plivo-Signature-V2": signature,
        "X-Plivo-Signature-V2-Nonce": nonce,
    }


def plivo_params(mid: str, text: str = "STOP", **extra: str) -> dict[str, str]:
    return {
        "From": PERSON.lstrip("+"),
        "To": OURS.lstrip("+"),
        "Text": text,
        "Type": "sms",
        "MessageUUID": mid,
        "Units": "1",
        "TotalRate": "0.00000",
        "TotalAmount": "0.00000",
        "PowerpackUUID": "",
        **extra,
    }


def plivo_status_params(mid: str, code: str) -> dict[str, str]:
    return {
        "MessageUUID": mid,
        "To": PERSON.lstrip("+"),
        "From": OURS.lstrip("+"),
        "Type": "sms",
        "Status": "failed",
        "ErrorCode": code,
        "Units": "1",
        "TotalRate": "0.0050",
        "TotalAmount": "0.0050",
        "MCC": "310",
        "MNC": "260",
    }


# -- Bandwidth ------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "additional_properties"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def bandwidth_stop(
    mid: str, text: str = "STOP", user: str = BW_USER, password: str = BW_PASSWORD
) -> Signed:
    """Built with the official SDK's models, as Bandwidth documents (a JSON array)."""
    from datetime import UTC, datetime

    at = datetime.now(UTC)
    message = InboundCallbackMessage(
        id=mid,
        owner=OURS,
        application_id=BW_APP,
        time=at,
        segment_count=1,
        direction="in",
        to=[OURS],
        var_from=PERSON,
        text=text,
        media=[],
    )
    event = InboundCallback(
        type="message-received",
        time=at,
        description="Incoming message received",
        to=OURS,
        message=message,
    )
    body = json.dumps(
        [_plain(event.model_dump(mode="json", by_alias=True, exclude_none=True))]
    ).encode()
    return body, {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "BandwidthAPI/v2",
        "Authorization": basic(user, password),
    }


def bandwidth_failed(mid: str, code: int) -> Signed:
    from datetime import UTC, datetime

    at = datetime.now(UTC)
    message = StatusCallbackMessage(
        id=mid,
        owner=OURS,
        application_id=BW_APP,
        time=at,
        segment_count=1,
        direction="out",
        to=[PERSON],
        var_from=OURS,
        text="",
    )
    event = StatusCallback(
        type="message-failed",
        time=at,
        description="rejected-due-to-user-opt-out",
        to=PERSON,
        error_code=code,
        message=message,
    )
    body = json.dumps(
        [_plain(event.model_dump(mode="json", by_alias=True, exclude_none=True))]
    ).encode()
    return body, {
        "Content-Type": "application/json; charset=utf-8",
        "Authorization": basic(BW_USER, BW_PASSWORD),
    }


# -- Sinch ----------------------------------------------------------------------------------
def sinch_sign(body: bytes, secret: str = SINCH_SECRET, timestamp: int | None = None) -> Signed:
    nonce = uuid.uuid4().hex
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = calculate_sinch_event_signature(
        compute_signed_data(body.decode(), nonce, ts), secret
    )
    return body, {
        "Content-Type": "application/json",
        "x-sinch-webhook-signature": signature,
        "x-sinch-webhook-signature-nonce": nonce,
        "x-sinch-webhook-signature-timestamp": ts,
    }


def sinch_stop(mid: str, text: str = "STOP", sender: str = PERSON, **kw: Any) -> Signed:
    body = json.dumps(
        {
            "type": "mo_text",
            "id": mid,
            "from": sender.lstrip("+"),
            "to": OURS.lstrip("+"),
            "body": text,
            "operator_id": "311071",
            "received_at": "2024-06-06T07:52:37.386Z",
            "sent_at": "2024-06-06T07:52:36.000Z",
        }
    ).encode()
    return sinch_sign(body, **kw)


def sinch_report(batch: str, code: str, channel: str = "sms") -> Signed:
    body = json.dumps(
        {
            "type": f"recipient_delivery_report_{channel}",
            "batch_id": batch,
            "recipient": PERSON.lstrip("+"),
            "code": int(code),
            "status": "Failed",
            "at": "2024-06-06T07:52:37.386Z",
        }
    ).encode()
    return sinch_sign(body)


def sinch_batch_report(batch: str, code: str, channel: str = "sms") -> Signed:
    """A batch delivery report: the recipients of each status listed together."""
    body = json.dumps(
        {
            "type": f"delivery_report_{channel}",
            "batch_id": batch,
            "total_message_count": 1,
            "statuses": [
                {"code": int(code), "status": "Failed", "count": 1, "recipients": [PERSON[1:]]}
            ],
        }
    ).encode()
    return sinch_sign(body)


# -- generic --------------------------------------------------------------------------------
def generic_sign(body: bytes, secret: str = GENERIC_SECRET, timestamp: int | None = None) -> Signed:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    return body, {
        "Content-Type": "application/json",
        "X-Stopline-Timestamp": ts,
        "X-Stopline-Signature": f"v1={digest}",
    }


def generic_stop(mid: str, text: str = "STOP", **kw: Any) -> Signed:
    body = json.dumps(
        {"type": "message", "id": mid, "from": PERSON, "to": OURS, "text": text}
    ).encode()
    return generic_sign(body, **kw)


def generic_status(mid: str) -> Signed:
    body = json.dumps(
        {
            "type": "status",
            "id": mid,
            "to": PERSON,
            "from": OURS,
            "status": "failed",
            "error_code": "opted_out",
            "opted_out": True,
        }
    ).encode()
    return generic_sign(body)
