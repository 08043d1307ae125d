"""Each provider's verifier agrees with the provider's official SDK, and refuses what it must."""

from __future__ import annotations

import base64
import json
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
import vonage_jwt
from sinch.domains.sms.sinch_events.v1.sms_sinch_event import SmsSinchEvent
from telnyx.lib.webhook_verification import WebhookVerificationError, verify_webhook_signature
from vonage_http_client.auth import Auth

from stopline.config import Settings
from stopline.providers.accounts import AccountBook
from stopline.providers.base import (
    Account,
    MissingCredentials,
    OutboundMessage,
    WebhookRejected,
    WebhookRequest,
)
from stopline.providers.fakes.server import free_port
from stopline.providers.plivo import PlivoProvider
from stopline.providers.registry import WEBHOOK_PROVIDERS, build_providers
from stopline.providers.sinch import SinchProvider, signature
from stopline.providers.telnyx import TelnyxProvider
from stopline.providers.twilio import TwilioProvider
from stopline.providers.vonage import VonageProvider, legacy_signature
from tests import provider_payloads as p


def now() -> datetime:
    return datetime.now(UTC)


URL = "https://sms.example.com/webhooks/plivo"


def request(
    body: bytes, headers: dict[str, str], url: str = URL, method: str = "POST"
) -> WebhookRequest:
    return WebhookRequest(url, method, {k.lower(): v for k, v in headers.items()}, body)


def test_telnyx_signatures_agree_with_the_telnyx_sdk() -> None:
    body, headers = p.telnyx_stop("m1")
    verify_webhook_signature(body, headers, p.TELNYX_PUBLIC)  # the SDK accepts it
    provider = TelnyxProvider(p.TELNYX_PUBLIC)
    [message] = provider.accept(request(body, headers), now()).messages
    assert message.from_number == p.PERSON and message.body == "STOP"
    tampered = body.replace(b"STOP", b"STAR")
    with pytest.raises(WebhookVerificationError):
        verify_webhook_signature(tampered, headers, p.TELNYX_PUBLIC)
    with pytest.raises(WebhookRejected) as refused:
        provider.accept(request(tampered, headers), now())
    assert refused.value.reason == "bad_signature"


def test_telnyx_refuses_old_and_future_timestamps() -> None:
    provider = TelnyxProvider(p.TELNYX_PUBLIC, tolerance=300)
    for offset in (-301, 301):
        body, headers = p.telnyx_stop("m1", timestamp=int(time.time()) + offset)
        with pytest.raises(WebhookRejected) as refused:
            provider.accept(request(body, headers), now())
        assert refused.value.reason == "stale_timestamp"


def test_telnyx_timestamps_other_than_whole_seconds_are_refused_as_the_sdk_does() -> None:
    """Correctly signed, but the timestamp is ISO 8601 or has a fraction: the SDK refuses
    such a request, so Stopline must too."""
    provider = TelnyxProvider(p.TELNYX_PUBLIC, tolerance=300)
    body = p.telnyx_stop("m1")[0]
    whole = int(time.time())
    iso = datetime.fromtimestamp(whole, UTC).isoformat()
    for stamp in (f"{whole}.5", iso, f"{whole}٤"):
        signature = base64.b64encode(p.TELNYX_KEY.sign(stamp.encode() + b"|" + body).signature)
        headers = {
            "Content-Type": "application/json",
            "telnyx-signature-ed25519": signature.decode(),
            "telnyx-timestamp": stamp,
        }
        with pytest.raises(WebhookVerificationError):
            verify_webhook_signature(body, headers, p.TELNYX_PUBLIC)
        with pytest.raises(WebhookRejected) as refused:
            provider.accept(request(body, headers), now())
        assert refused.value.reason == "bad_timestamp", stamp


def test_a_malformed_telnyx_key_is_a_clear_configuration_error() -> None:
    with pytest.raises(ValueError, match="STOPLINE_TELNYX_PUBLIC_KEY"):
        TelnyxProvider("not base64!")


def test_vonage_tokens_are_those_the_vonage_sdk_verifies_and_the_body_hash_is_checked() -> None:
    body, headers = p.vonage_stop("u1")
    token = headers["Authorization"].split()[1]
    assert vonage_jwt.verify_signature(token, p.VONAGE_SECRET)
    provider = VonageProvider(p.VONAGE_SECRET)
    assert provider.accept(request(body, headers), now()).messages[0].provider_message_id == "u1"
    # A valid JWT over another body: the SDK's check passes, Stopline's payload_hash does not.
    other = body.replace(b"STOP", b"STAR")
    assert vonage_jwt.verify_signature(token, p.VONAGE_SECRET)
    with pytest.raises(WebhookRejected, match="payload_hash"):
        provider.accept(request(other, headers), now())


@pytest.mark.parametrize("method", ["md5", "sha1", "sha256", "sha512"])
def test_vonage_legacy_signatures_match_the_sdk(method: str) -> None:
    params = {
        "msisdn": "447700900001",
        "to": "447700900000",
        "text": "a&b=c",
        "timestamp": "1577880000",
    }
    auth = Auth(api_key=p.VONAGE_KEY, signature_secret=p.VONAGE_SECRET, signature_method=method)  # type: ignore[arg-type]
    assert legacy_signature(params, p.VONAGE_SECRET, method) == auth.sign_params(dict(params))


def test_vonage_legacy_md5hash_appends_the_secret() -> None:
    import hashlib

    params = {"b": "2", "a": "1", "sig": "ignored"}
    expected = hashlib.md5(b"&a=1&b=2" + b"s3cret", usedforsecurity=False).hexdigest()
    assert legacy_signature(params, "s3cret", "md5hash") == expected


def test_plivo_v2_is_accepted_and_can_be_required_away() -> None:
    body, headers = p.plivo_v2(p.plivo_params("u1"), URL)
    assert PlivoProvider(p.PLIVO_TOKEN).accept(request(body, headers), now()).messages
    with pytest.raises(WebhookRejected, match="V3 is required"):
        PlivoProvider(p.PLIVO_TOKEN, require_v3=True).accept(request(body, headers), now())
    _, wrong = p.plivo_v2(p.plivo_params("u1"), URL, token="another-token-0000")
    with pytest.raises(WebhookRejected, match="V2 does not match"):
        PlivoProvider(p.PLIVO_TOKEN).accept(request(body, wrong), now())


def test_plivo_message_intent_means_plivo_answered_and_the_reply_is_xml() -> None:
    from stopline.domain.language import Action

    body, headers = p.plivo_v3(p.plivo_params("u2", MessageIntent="optout"), URL)
    provider = PlivoProvider(p.PLIVO_TOKEN)
    batch = provider.accept(request(body, headers), now())
    assert batch.messages[0].provider_keyword is Action.OPT_OUT
    rendered = provider.render("Acme: bye & thanks", batch)
    assert rendered.body == (
        b'<Response><Message src="14155550199" dst="14155550100" type="sms">'
        b"Acme: bye &amp; thanks</Message></Response>"
    )


def test_inline_replies_stay_parseable_xml_whatever_the_brand_holds() -> None:
    """A black-box tester, 2026-12-05: a brand with a control character ("Ac\x01me") made
    the TwiML unparseable, so the confirmation never reached the person. Such brands are
    refused now; one stored before is dropped from the XML rather than breaking it."""
    from xml.etree import ElementTree

    from stopline.providers.twilio import TwilioProvider

    body, headers = p.plivo_v3(p.plivo_params("u3"), URL)
    plivo = PlivoProvider(p.PLIVO_TOKEN)
    batch = plivo.accept(request(body, headers), now())
    reply = "Ac\x01me <Co> & \x0b\ufffe: unsubscribed"
    for rendered in (plivo.render(reply, batch), TwilioProvider("t").render(reply)):
        message = ElementTree.fromstring(rendered.body).find("Message")  # noqa: S314 (our own)
        assert message is not None and message.text == "Acme <Co> & : unsubscribed"


def test_sinch_signatures_agree_with_the_sinch_sdk() -> None:
    body, headers = p.sinch_stop("01W4FFL35P4NC4K35SMSBATCH8")
    assert SmsSinchEvent(p.SINCH_SECRET).validate_authentication_header(headers, body)
    assert (
        signature(
            p.SINCH_SECRET,
            body,
            headers["x-sinch-webhook-signature-nonce"],
            headers["x-sinch-webhook-signature-timestamp"],
        )
        == headers["x-sinch-webhook-signature"]
    )
    provider = SinchProvider(webhook_secret=p.SINCH_SECRET)
    assert provider.accept(request(body, headers), now()).messages[0].from_number == p.PERSON


def test_sinch_basic_auth_and_unconfigured() -> None:
    body = json.dumps(
        {"type": "mo_text", "id": "x", "from": "12015555555", "to": "12017777777", "body": "STOP"}
    ).encode()
    provider = SinchProvider(username="u", password="pw")
    ok = {"authorization": p.basic("u", "pw")}
    assert provider.accept(request(body, ok), now()).messages[0].from_number == "+12015555555"
    with pytest.raises(WebhookRejected) as refused:
        provider.accept(request(body, {"authorization": p.basic("u", "nope")}), now())
    assert refused.value.status == 401
    with pytest.raises(WebhookRejected) as unconfigured:
        SinchProvider().accept(request(body, ok), now())
    assert unconfigured.value.status == 503


def test_twilio_status_callbacks_without_opt_out_change_nothing() -> None:
    body, headers = p.twilio_status("SM1", "30003")
    provider = TwilioProvider(p.TWILIO_TOKEN)
    [report] = provider.accept(
        request(body, headers, "https://sms.example.com/webhooks/twilio"), now()
    ).statuses
    assert report.opted_out is False and report.error_code == "30003" and report.state == "failed"


def test_transport_failures_are_retryable_results_not_exceptions() -> None:
    provider = TwilioProvider(p.TWILIO_TOKEN, base_url=f"http://127.0.0.1:{free_port()}")
    account = Account(
        "twilio", "default", {"account_sid": p.TWILIO_SID, "auth_token": p.TWILIO_TOKEN}
    )
    with httpx.Client(timeout=2) as client:
        result = provider.send(client, account, OutboundMessage(p.OURS, p.PERSON, "hi"))
        missing = provider.send(
            client, Account("twilio", "x", {}), OutboundMessage(p.OURS, p.PERSON, "hi")
        )
    assert result.accepted is False and result.retryable is True
    assert missing.error_code == "credentials" and "account_sid" in missing.detail


def test_accounts_come_from_the_secrets_file_or_the_environment(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        '[accounts.acme]\nprovider = "twilio"\naccount_sid = "AC1"\nauth_token = "tok"\n'
    )
    book = AccountBook(
        Settings(secrets_file=secrets), environ={"STOPLINE_ACCOUNT_GLOBEX_EU_API_KEY": "k"}
    )
    assert book.get("twilio", "acme").require("account_sid", "auth_token") == ("AC1", "tok")
    assert book.get("telnyx", "globex-eu").get("api_key") == "k"
    assert "tok" not in repr(book.get("twilio", "acme"))
    with pytest.raises(MissingCredentials, match="is for twilio"):
        book.get("telnyx", "acme")
    with pytest.raises(MissingCredentials, match="STOPLINE_ACCOUNT_NOBODY_"):
        book.get("twilio", "nobody")


def test_the_registry_builds_every_provider_from_settings() -> None:
    providers = build_providers(Settings(**p.provider_settings()), "US")
    assert sorted(providers) == [
        "bandwidth",
        "console",
        "generic",
        "plivo",
        "sinch",
        "telnyx",
        "twilio",
        "vonage",
    ]
    assert {n for n, pr in providers.items() if pr.inline_replies} == {"twilio", "plivo", "generic"}


def test_signed_timestamps_may_be_unix_seconds_or_iso_8601() -> None:
    from datetime import timedelta

    from stopline.providers.signing import check_fresh

    moment = now()
    assert abs(check_fresh(str(int(moment.timestamp())), moment, 5) - moment) < timedelta(seconds=1)
    iso = (moment - timedelta(seconds=2)).isoformat().replace("+00:00", "Z")
    assert check_fresh(iso, moment, 5) < moment
    for bad in ("yesterday", str(int(moment.timestamp()) - 10)):
        with pytest.raises(WebhookRejected) as refused:
            check_fresh(bad, moment, 5)
        assert refused.value.status == 403


WEBHOOK_KEYS = (
    "twilio_auth_token",
    "telnyx_public_key",
    "plivo_auth_token",
    "vonage_signature_secret",
    "bandwidth_username",
    "bandwidth_password",
    "sinch_webhook_secret",
    "sinch_username",
    "sinch_password",
    "generic_webhook_secret",
)


@pytest.mark.parametrize("name", WEBHOOK_PROVIDERS)
def test_a_provider_without_its_webhook_key_answers_503_naming_the_setting(name: str) -> None:
    """Whatever the request holds (here a genuine, signed STOP), an unverifiable webhook is
    refused with 503 (providers retry, so the opt-out arrives once the key is set), and
    `webhooks_configured` (shown by `stopline providers`) says so."""
    unkeyed = build_providers(Settings(**dict.fromkeys(WEBHOOK_KEYS)), "US")[name]
    keyed = build_providers(Settings(**p.provider_settings()), "US")[name]
    assert not unkeyed.webhooks_configured and keyed.webhooks_configured
    with pytest.raises(WebhookRejected) as refused:
        unkeyed.accept(signed_stop(name), now())
    answer = refused.value
    assert (answer.status, answer.reason) == (503, "not_configured")
    assert unkeyed.webhook_settings and unkeyed.webhook_settings in answer.message
    assert answer.message.startswith(f"{unkeyed.title or name} webhooks need STOPLINE_")
    assert keyed.accept(signed_stop(name), now()).messages[0].body.strip().upper() == "STOP"


def signed_stop(name: str) -> WebhookRequest:
    url = f"{p.PUBLIC_URL}/webhooks/{name}"
    built = {
        "twilio": lambda: p.twilio_stop("SM1"),
        "telnyx": lambda: p.telnyx_stop("m1"),
        "vonage": lambda: p.vonage_stop("m1"),
        "plivo": lambda: p.plivo_v3(p.plivo_params("m1"), url),
        "bandwidth": lambda: p.bandwidth_stop("m1"),
        "sinch": lambda: p.sinch_stop("m1"),
        "generic": lambda: p.generic_stop("m1"),
    }[name]
    body, headers = built()
    return request(body, headers, url)
