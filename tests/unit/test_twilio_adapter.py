"""Stopline's Twilio signature, form decoding and TwiML agree with the official SDK."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from stopline.domain.language import Action
from stopline.providers.base import WebhookRejected, WebhookRequest
from stopline.providers.twilio import TwilioProvider, parse_form, signature

TOKEN = "12345678901234567890123456789012"
URL = "https://sms.example.com/webhooks/twilio"
T0 = __import__("datetime").datetime(2026, 1, 1, tzinfo=__import__("datetime").UTC)

names = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=12)
values = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40)


@settings(max_examples=300)
@given(params=st.dictionaries(names, values, max_size=8), query=st.sampled_from(["", "?a=1&b=x"]))
def test_signature_matches_the_official_sdk(params: dict[str, str], query: str) -> None:
    url = URL + query
    expected = RequestValidator(TOKEN).compute_signature(url, params)
    pairs = parse_form(urlencode(params).encode())
    assert signature(TOKEN.encode(), url, pairs) == expected


@settings(max_examples=200)
@given(params=st.dictionaries(names, values, max_size=8))
def test_form_decoding_round_trips(params: dict[str, str]) -> None:
    assert dict(parse_form(urlencode(params).encode())) == params


class MultiDict:
    """A form with repeated names, as Flask hands it to the SDK (``getall``)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter([name for name, _ in self.pairs])

    def getall(self, name: str) -> list[str]:
        return [value for n, value in self.pairs if n == name]


@settings(max_examples=300)
@given(
    pairs=st.lists(
        st.tuples(st.sampled_from(["To", "Body", "a", "MediaUrl0"]) | names, values), max_size=8
    )
)
def test_repeated_names_and_values_sign_as_the_sdk_does(pairs: list[tuple[str, str]]) -> None:
    expected = RequestValidator(TOKEN).compute_signature(URL, MultiDict(pairs))
    decoded = parse_form(urlencode(pairs).encode())
    assert decoded == pairs
    assert signature(TOKEN.encode(), URL, decoded) == expected


@settings(max_examples=200)
@given(text=values.filter(lambda t: t.strip() != ""))
def test_twiml_is_what_the_sdk_renders(text: str) -> None:
    """As the SDK renders it, but without the characters XML cannot hold (the SDK writes a
    raw "\x1b" into its XML, which no parser then reads; `xml_safe` drops them)."""
    from stopline.providers.base import xml_safe

    assume(xml_safe(text).strip())  # nothing left to say: the SDK writes <Message />
    sdk = MessagingResponse()
    sdk.message(xml_safe(text))
    ours = TwilioProvider(TOKEN).render(text).body.decode()
    assert ours == str(sdk)


def request(params: dict[str, str], url: str = URL, sig: str | None = None) -> WebhookRequest:
    body = urlencode(params).encode()
    if sig is None:
        sig = RequestValidator(TOKEN).compute_signature(url, params)
    return WebhookRequest(url=url, method="POST", headers={"x-twilio-signature": sig}, body=body)


def test_verify_accepts_default_port_variants() -> None:
    params = {"MessageSid": "SM1", "Body": "STOP"}
    sig = RequestValidator(TOKEN).compute_signature(
        "https://sms.example.com:443/webhooks/twilio", params
    )
    provider = TwilioProvider(TOKEN)
    req = request(params, sig=sig)
    provider.verify(req, parse_form(req.body))


@pytest.mark.parametrize(
    ("req", "reason"),
    [
        (request({"Body": "STOP"}, sig=""), "missing_signature"),
        (request({"Body": "STOP"}, sig="bm9wZQ=="), "bad_signature"),
        (request({"Body": "STOP"}, sig="sïgnature"), "bad_signature"),
    ],
)
def test_verify_refuses(req: WebhookRequest, reason: str) -> None:
    provider = TwilioProvider(TOKEN)
    with pytest.raises(WebhookRejected) as info:
        provider.verify(req, parse_form(req.body))
    assert info.value.reason == reason and info.value.status == 403


def test_unconfigured_token_is_503() -> None:
    req = request({"Body": "STOP"})
    with pytest.raises(WebhookRejected) as info:
        TwilioProvider(None).verify(req, [])
    assert info.value.status == 503


@pytest.mark.parametrize("body", [b"\xff\xfe", b"justtext", b"a=%E0%A4%A", b"Text=%FF", b"%FF=1"])
def test_malformed_forms(body: bytes) -> None:
    with pytest.raises(WebhookRejected) as info:
        parse_form(body)
    assert info.value.status == 400


def test_parse_maps_opt_out_type_and_normalises() -> None:
    pairs = [
        ("MessageSid", "SM9"),
        ("From", "+1 (415) 555-0100"),
        ("To", "12345"),
        ("Body", "stop"),
        ("OptOutType", "STOP"),
    ]
    message = TwilioProvider(TOKEN).parse(pairs, T0)
    assert message.from_number == "+14155550100" and message.to == "12345"
    assert message.provider_keyword is Action.OPT_OUT and message.provider_message_id == "SM9"
