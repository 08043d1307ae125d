"""The Twilio webhook through the whole app, on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import re
import time

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stopline.bootstrap import Stopline
from stopline.config import Settings
from tests.conftest import TWILIO_TOKEN
from tests.helpers import twilio_form, twilio_signed

URL = "/webhooks/twilio"


def post(
    client: TestClient,
    form: dict[str, str],
    token: str = TWILIO_TOKEN,
    url: str = "https://sms.example.com/webhooks/twilio",
):  # type: ignore[no-untyped-def]
    body, headers = twilio_signed(token, form, url)
    return client.post(URL, content=body, headers=headers)


def message_text(twiml: str) -> str | None:
    found = re.search(r"<Message>(.*)</Message>", twiml, re.S)
    return found.group(1) if found else None


def events(client: TestClient, key: dict[str, str], number: str = "+14155550100") -> list[dict]:  # type: ignore[type-arg]
    response = client.get(f"/v1/contacts/{number}", headers=key)
    assert response.status_code == 200
    return response.json()["events"]  # type: ignore[no-any-return]


def test_signed_stop_is_recorded_confirmed_and_blocks_every_format(
    client: TestClient, admin: dict[str, str]
) -> None:
    response = post(client, twilio_form("SM001", "STOP"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/xml")
    text = message_text(response.text)
    assert text is not None
    assert "Acme" in text and "unsubscribed" in text and "START" in text
    assert re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", text)
    for fmt in ("+14155550100", "(415) 555-0100", "415.555.0100", "1 415 555 0100"):
        check = client.post("/v1/check", json={"number": fmt}, headers=admin).json()
        assert check["allowed"] is False, fmt
        assert check["reason"] == "opted_out" and check["scope"] == "organisation"
    for sender, topic in (("+14155550111", "support"), ("12345", "marketing")):
        check = client.post(
            "/v1/check",
            json={"number": "4155550100", "sender": sender, "topic": topic},
            headers=admin,
        ).json()
        assert check["allowed"] is False
    [event] = events(client, admin)
    assert event["kind"] == "opt_out" and event["provider_message_id"] == "SM001"
    assert event["raw_text"] == "STOP" and event["source"] == "keyword"
    assert event["rule"].startswith("keyword") and event["sender"] == "+14155550199"
    # the record keeps the confirmation and when it went out (compliance.md, "Records")
    confirmation = event["confirmation"]
    assert confirmation["text"] == text and confirmation["via"] == "inline"
    assert confirmation["status"] == "sent" and confirmation["at"].endswith("Z")


def test_a_message_id_used_again_for_a_stop_is_not_taken_for_a_retry(
    client: TestClient, admin: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    """ "hello" then "STOP" under one MessageSid: answering the STOP as a duplicate of
    "hello" lost the opt-out (acceptance test, 2026-12-04). A retry whose text differs
    otherwise is still answered as the first delivery, with a warning."""
    first = post(client, twilio_form("SM010", "hello"))
    assert message_text(first.text) is None
    changed = post(client, twilio_form("SM010", "hello!"))
    assert changed.content == first.content and events(client, admin) == []
    assert "came again with a different text" in caplog.text
    stop = post(client, twilio_form("SM010", "STOP"))
    assert "unsubscribed" in (message_text(stop.text) or "")
    again = post(client, twilio_form("SM010", "STOP"))  # its own retries are retries
    assert again.content == stop.content
    [event] = events(client, admin)
    assert event["kind"] == "opt_out" and event["raw_text"] == "STOP"


def test_retried_webhook_gets_the_identical_answer_and_no_second_event(
    client: TestClient, admin: dict[str, str]
) -> None:
    first = post(client, twilio_form("SM002", "stop"))
    again = post(client, twilio_form("SM002", "stop"))
    assert first.status_code == again.status_code == 200
    assert first.content == again.content
    assert len(events(client, admin)) == 1


def test_repeated_stop_is_recorded_but_not_confirmed_again(
    client: TestClient, admin: dict[str, str], graph: Stopline
) -> None:
    assert message_text(post(client, twilio_form("SM003", "STOP")).text)
    second = post(client, twilio_form("SM004", "Stop."))
    assert second.status_code == 200 and message_text(second.text) is None
    assert len(events(client, admin)) == 1
    from sqlalchemy import select

    from stopline.storage.tables import inbound_messages

    with graph.engine.connect() as conn:
        outcomes = conn.execute(
            select(inbound_messages.c.provider_message_id, inbound_messages.c.outcome).order_by(
                inbound_messages.c.id
            )
        ).all()
    assert [tuple(r) for r in outcomes] == [("SM003", "opted_out"), ("SM004", "already_opted_out")]
    # and the contact's record shows both, the second with no reply and no event
    contact = client.get("/v1/contacts/+14155550100", headers=admin).json()
    assert contact["messages_total"] == 2
    first, again = contact["messages"]
    assert (first["provider_message_id"], first["outcome"]) == ("SM003", "opted_out")
    assert first["reply"] and first["event_id"] == contact["events"][0]["id"]
    assert (again["text"], again["outcome"], again["action"]) == (
        "Stop.",
        "already_opted_out",
        "opt_out",
    )
    assert again["reply"] is None and again["event_id"] is None
    assert again["received_at"].endswith("Z") and again["to"] == "+14155550199"


def test_a_first_texted_stop_after_an_opt_out_made_elsewhere_is_confirmed_once(
    client: TestClient, admin: dict[str, str]
) -> None:
    """The CRM (or an import, or a person's review decision) opted the number out: the
    person never got a text about it, so their STOP gets the one confirmation (and changes
    nothing); a STOP after that does not."""
    made = client.post(
        "/v1/consent",
        json={"number": "+14155550100", "kind": "opt_out", "source": "crm"},
        headers=admin,
    )
    assert made.status_code == 201, made.text
    first = post(client, twilio_form("SM031", "STOP"))
    assert first.status_code == 200 and "unsubscribed" in (message_text(first.text) or "")
    assert post(client, twilio_form("SM031", "STOP")).text == first.text  # a retry
    again = post(client, twilio_form("SM032", "please stop texting me"))
    assert again.status_code == 200 and message_text(again.text) is None
    assert len(events(client, admin)) == 1  # neither text added an event


def test_help_and_start_replies(client: TestClient, admin: dict[str, str]) -> None:
    help_text = message_text(post(client, twilio_form("SM010", "HELP")).text)
    assert help_text is not None
    for part in ("Acme", "help@acme.example", "Msg&amp;data rates may apply", "STOP"):
        assert part in help_text
    post(client, twilio_form("SM011", "STOP"))
    start_text = message_text(post(client, twilio_form("SM012", "START")).text)
    assert start_text is not None and "You are subscribed to Acme texts" in start_text
    kinds = [e["kind"] for e in events(client, admin)]
    assert kinds == ["opt_out", "opt_in"]
    check = client.post("/v1/check", json={"number": "+14155550100"}, headers=admin).json()
    assert check["allowed"] is True


def test_a_question_about_the_texts_gets_the_help_reply(
    client: TestClient, admin: dict[str, str]
) -> None:
    """CTIA: HELP says who is texting and how to reach them; "What program is this?" asks
    exactly that, in words (ninth blind test)."""
    for sid, text in (
        ("SM013", "Who is sending these? What program is this?"),
        ("SM014", "What number do I call for support?"),
    ):
        reply = message_text(post(client, twilio_form(sid, text)).text)
        assert reply is not None and "help@acme.example" in reply, text
    conversation = post(client, twilio_form("SM015", "how can I reach you tomorrow"))
    assert message_text(conversation.text) is None
    assert events(client, admin) == []


def test_other_messages_are_stored_with_an_empty_response(
    client: TestClient, admin: dict[str, str]
) -> None:
    response = post(client, twilio_form("SM020", "What are your hours?"))
    assert response.status_code == 200
    assert "<Response />" in response.text or "<Response/>" in response.text
    assert events(client, admin) == []


def test_bad_missing_or_foreign_signatures_are_refused_and_change_nothing(
    client: TestClient, admin: dict[str, str]
) -> None:
    body, headers = twilio_signed(TWILIO_TOKEN, twilio_form("SM030", "STOP"))
    wrong_token = post(client, twilio_form("SM031", "STOP"), token="f" * 32)
    assert wrong_token.status_code == 403
    missing = client.post(URL, content=body, headers={"Content-Type": headers["Content-Type"]})
    assert missing.status_code == 403
    # refusals have the /v1 error shape, for whoever reads them in a provider's log
    assert missing.headers["content-type"] == "application/json"
    assert missing.json()["error"] == {
        "code": "missing_signature",
        "message": "X-Twilio-Signature is missing",
    }
    tampered = client.post(URL, content=body.replace(b"STOP", b"STAR"), headers=headers)
    assert tampered.status_code == 403
    other_url = post(
        client, twilio_form("SM032", "STOP"), url="https://evil.example/webhooks/twilio"
    )
    assert other_url.status_code == 403
    # the answer says which URL was checked and what to set when they differ
    message = other_url.text
    assert "https://sms.example.com/webhooks/twilio" in message and "STOPLINE_PUBLIC_URL" in message
    assert events(client, admin) == []
    check = client.post("/v1/check", json={"number": "+14155550100"}, headers=admin).json()
    assert check["allowed"] is True


def test_the_sha256_signature_mode_is_verified_as_the_sdk_signs_it(
    client: TestClient, admin: dict[str, str]
) -> None:
    """The twilio SDK signs with HMAC-SHA256 when X-Twilio-Webhooks-Signature-Settings names
    it (`compute_signature(..., algorithm="HMAC_SHA256")`); it was refused as a bad URL."""
    from urllib.parse import urlencode

    from twilio.request_validator import RequestValidator

    form = twilio_form("SM040", "STOP")
    url = "https://sms.example.com/webhooks/twilio"
    settings = {"X-Twilio-Webhooks-Signature-Settings": "key=sk_1,algorithm=HMAC_SHA256"}
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": RequestValidator(TWILIO_TOKEN).compute_signature(
            url, form, algorithm="HMAC_SHA256"
        ),
        **settings,
    }
    body = urlencode(form).encode()
    assert RequestValidator(TWILIO_TOKEN).validate(
        url, form, headers["X-Twilio-Signature"], algorithm="HMAC_SHA256"
    )
    answer = client.post(URL, content=body, headers=headers)
    assert answer.status_code == 200 and "unsubscribed" in answer.text
    # a SHA-1 signature under a header naming SHA-256, or an unknown algorithm: refused
    sha1 = {**twilio_signed(TWILIO_TOKEN, twilio_form("SM041", "STOP"))[1], **settings}
    body41 = urlencode(twilio_form("SM041", "STOP")).encode()
    assert client.post(URL, content=body41, headers=sha1).status_code == 403
    unknown = {**headers, "X-Twilio-Webhooks-Signature-Settings": "algorithm=HMAC_MD5"}
    refused = client.post(URL, content=body, headers=unknown)
    assert refused.status_code == 403 and "HMAC_MD5" in refused.text
    assert len(events(client, admin)) == 1


def test_signature_survives_a_query_string(client: TestClient) -> None:
    form = twilio_form("SM040", "STOP")
    url = "https://sms.example.com/webhooks/twilio?tenant=acme"
    body, headers = twilio_signed(TWILIO_TOKEN, form, url)
    assert client.post(URL + "?tenant=acme", content=body, headers=headers).status_code == 200


def test_a_number_configured_for_get_is_read_from_the_signed_query(
    client: TestClient, admin: dict[str, str]
) -> None:
    """Twilio can call the webhook with GET: the parameters are the query string and the
    signature covers the whole URL (the SDK's validator, asked with no parameters)."""
    from urllib.parse import urlencode

    from twilio.request_validator import RequestValidator

    query = urlencode(twilio_form("SM045", "STOP"))
    url = f"https://sms.example.com/webhooks/twilio?{query}"
    validator = RequestValidator(TWILIO_TOKEN)
    headers = {"X-Twilio-Signature": validator.compute_signature(url, {})}
    assert validator.validate(url, {}, headers["X-Twilio-Signature"])
    tampered = client.get(f"{URL}?{query.replace('STOP', 'START')}", headers=headers)
    assert tampered.status_code == 403 and events(client, admin) == []
    answer = client.get(f"{URL}?{query}", headers=headers)
    assert answer.status_code == 200 and "unsubscribed" in (message_text(answer.text) or "")
    again = client.get(f"{URL}?{query}", headers=headers)
    assert again.text == answer.text
    [event] = events(client, admin)
    assert event["kind"] == "opt_out" and event["provider_message_id"] == "SM045"
    assert client.get(f"{URL}?{query}").status_code == 403  # unsigned


def test_an_unsigned_request_is_403_whatever_its_body(client: TestClient) -> None:
    for body in (b"garbage", b"From=\xff\xfe&To=1"):
        answer = client.post(
            URL, content=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
        assert answer.status_code == 403, body


def test_malformed_and_oversized_webhooks(client: TestClient, admin: dict[str, str]) -> None:
    no_from = twilio_form("SM050", "STOP")
    del no_from["From"]
    response = post(client, no_from)
    assert response.status_code == 400 and "From" in response.text
    bad_number = post(client, twilio_form("SM051", "STOP", from_="not-a-number"))
    assert bad_number.status_code == 422 and "From" in bad_number.text
    huge = twilio_form("SM052", "STOP " + "x" * 70_000)
    too_big = post(client, huge)
    assert too_big.status_code == 413
    assert events(client, admin) == []


def test_twilio_advanced_opt_out_answered_already(
    client: TestClient, admin: dict[str, str]
) -> None:
    response = post(client, twilio_form("SM060", "STOP", OptOutType="STOP"))
    assert response.status_code == 200 and message_text(response.text) is None
    [event] = events(client, admin)
    assert event["kind"] == "opt_out"
    # the record shows who sent the confirmation the person got (a black-box tester: it
    # showed none at all)
    assert event["evidence"] == {"answered_by_provider": "twilio"}
    assert event["confirmation"] is None


def test_a_signed_stop_with_an_empty_to_is_recorded_and_confirmed(
    client: TestClient, admin: dict[str, str]
) -> None:
    """It was 400 (nothing recorded, and Twilio does not retry a 4xx): a black-box tester's
    finding. The sender is known; only the brand of our number is not."""
    response = post(client, twilio_form("SM072", "STOP", to=""))
    assert response.status_code == 200, response.text
    assert "unsubscribed" in (message_text(response.text) or "")
    assert [e["kind"] for e in events(client, admin)] == ["opt_out"]


@pytest.mark.parametrize("body", ["STOP", "UNSUBSCRIBE", "please stop texting me"])
def test_a_provider_start_flag_never_lifts_a_text_that_says_stop(
    client: TestClient, admin: dict[str, str], body: str
) -> None:
    """A black-box tester's finding: Twilio's OptOutType=START on a body that says stop (a
    keyword list set up wrongly at Twilio) was recorded as an opt-in, lifting an opt-out."""
    assert post(client, twilio_form("SM070", "STOP")).status_code == 200
    flagged = post(client, twilio_form("SM071", body, OptOutType="START"))
    assert flagged.status_code == 200
    kinds = [e["kind"] for e in events(client, admin)]
    assert kinds == ["opt_out"] or kinds == ["opt_out", "opt_out"], kinds
    check = client.post("/v1/check", json={"number": "+14155550100"}, headers=admin)
    assert check.json()["allowed"] is False


_field_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60
) | st.sampled_from(["STOP", "stop!", "START", "HELP", "", " ", "+14155550100", "5551234"])


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    sid=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300),
    sender=_field_text,
    to=_field_text,
    body=_field_text | st.text(max_size=2000),
    opt_out_type=st.none() | st.sampled_from(["STOP", "START", "HELP", "stop", "???"]),
    status=st.none() | _field_text,
)
def test_any_signed_form_gets_a_defined_answer_never_a_server_error(
    client: TestClient,
    sid: str,
    sender: str,
    to: str,
    body: str,
    opt_out_type: str | None,
    status: str | None,
) -> None:
    """Whatever a correctly signed request carries (odd numbers, empty or huge fields,
    unknown keywords, status callbacks), the answer is 200 with TwiML or a 4xx naming the
    problem; a retry of a 200 gets the same bytes."""
    form = twilio_form(sid, body, from_=sender, to=to)
    if opt_out_type is not None:
        form["OptOutType"] = opt_out_type
    if status is not None:
        form["MessageStatus"] = status
    first = post(client, form)
    assert first.status_code in (200, 400, 413, 422), first.text
    if first.status_code == 200:
        assert first.text.startswith('<?xml version="1.0" encoding="UTF-8"?><Response')
        again = post(client, form)
        assert (again.status_code, again.content) == (200, first.content)
    else:
        assert first.text  # a message saying what is wrong


def test_each_consent_change_is_logged_once_with_the_number_masked(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    """Logged by whoever committed it (here the server's commit thread), after answering."""
    caplog.set_level(logging.INFO, logger="stopline.inbound")
    assert post(client, twilio_form("SM100", "STOP")).status_code == 200
    assert post(client, twilio_form("SM100", "STOP")).status_code == 200  # a retry
    assert post(client, twilio_form("SM101", "What time do you open?")).status_code == 200
    assert post(client, twilio_form("SM102", "START")).status_code == 200

    def changes() -> list[logging.LogRecord]:
        return [r for r in caplog.records if r.getMessage() == "consent change recorded"]

    deadline = time.monotonic() + 10
    while len(changes()) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)  # nothing more may follow
    logged = [(r.provider, r.outcome, r.number) for r in changes()]  # type: ignore[attr-defined]
    assert [entry[:2] for entry in logged] == [("twilio", "opted_out"), ("twilio", "opted_in")]
    assert all(n.endswith("00") and "4155550100" not in n for _p, _o, n in logged)


def test_a_wrong_signature_is_403_whatever_the_body_is(
    client: TestClient, admin: dict[str, str]
) -> None:
    """Twilio signs parsed form parameters, so a body that is not form data (JSON, broken
    escapes, bytes that are not UTF-8) cannot carry a valid signature: 403, as for any bad
    signature, not 400."""
    bodies = [
        (b'{"From":"+14155550100","Body":"STOP"}', "application/json"),
        (b"%%%&&&===", "application/x-www-form-urlencoded"),
        (b"Body=\xff", "application/x-www-form-urlencoded"),
        (b"From=%FF%FE&Body=STOP", "application/x-www-form-urlencoded"),
    ]
    for body, kind in bodies:
        answer = client.post(
            URL, content=body, headers={"Content-Type": kind, "X-Twilio-Signature": "bogus"}
        )
        assert answer.status_code == 403, (body, answer.text)
        assert "X-Twilio-Signature cannot match" in answer.text
    assert events(client, admin) == []


def test_the_webhook_url_with_a_trailing_slash_is_served_not_redirected(
    client: TestClient, admin: dict[str, str]
) -> None:
    """A console holding ".../webhooks/twilio/" signs that URL: it is verified as called and
    answered, where a redirect (to a Host-derived URL, losing the signature) lost every STOP."""
    url = "https://sms.example.com/webhooks/twilio/"
    body, headers = twilio_signed(TWILIO_TOKEN, twilio_form("SM060", "STOP"), url)
    answer = client.post(URL + "/", content=body, headers=headers, follow_redirects=False)
    assert answer.status_code == 200, answer.text
    assert "unsubscribed" in (message_text(answer.text) or "")
    # signed for the URL without the slash but sent with it: the URLs differ, refused
    body, headers = twilio_signed(TWILIO_TOKEN, twilio_form("SM061", "STOP"))
    refused = client.post(URL + "/", content=body, headers=headers, follow_redirects=False)
    assert refused.status_code == 403
    assert [e["provider_message_id"] for e in events(client, admin)] == ["SM060"]


def test_a_stop_from_a_mexican_mobile_written_the_old_way_is_recorded(
    client: TestClient, admin: dict[str, str]
) -> None:
    """ "+521" and ten digits (WhatsApp and some carriers still write Mexican mobiles so) is
    the +52 number: recorded, and the number as the business stores it is blocked."""
    form = twilio_form("SM062", "STOP", from_="whatsapp:+5215512345678")
    form["To"] = "whatsapp:+14155550199"
    answer = post(client, form)
    assert answer.status_code == 200, answer.text
    for written in ("+52 55 1234 5678", "+5215512345678", "+52 1 55 1234 5678"):
        check = client.post("/v1/check", json={"number": written}, headers=admin).json()
        assert check["allowed"] is False and check["number"] == "+525512345678", written
    assert [e["kind"] for e in events(client, admin, "+525512345678")] == ["opt_out"]


def test_a_retry_is_counted_as_a_duplicate_not_a_second_opt_out(client: TestClient) -> None:
    """The opt-out rate read off `stopline_inbound_messages` counted each provider retry as
    another opt-out (load tester, 2026-12-04)."""
    for _ in range(3):
        assert post(client, twilio_form("SM090", "STOP")).status_code == 200
    metrics = client.get("/metrics").text
    assert 'stopline_inbound_messages_total{outcome="opted_out",provider="twilio"} 1.0' in metrics
    assert 'stopline_inbound_messages_total{outcome="duplicate",provider="twilio"} 2.0' in metrics


def test_a_pool_number_of_a_registered_messaging_service_replies_with_its_brand(
    client: TestClient, admin: dict[str, str]
) -> None:
    """A black-box tester, 2026-12-05: the sender registered under a Messaging Service SID
    was ignored for messages to the service's pool numbers (default brand, default locale)."""
    service = "MG1234567890abcdef1234567890abcdef"
    body = {"address": service, "provider": "twilio", "brand": "ServiceBrand", "locale": "fr-CA"}
    assert client.post("/v1/senders", json=body, headers=admin).status_code == 201
    form = twilio_form("SMmg1", "STOP", to="+14155553399", MessagingServiceSid=service)
    text = message_text(post(client, form).text)
    assert text is not None and "ServiceBrand" in text and "Acme" not in text
    registered = {"address": "+14155553398", "provider": "twilio", "brand": "PoolBrand"}
    assert client.post("/v1/senders", json=registered, headers=admin).status_code == 201
    own = twilio_form("SMmg2", "HELP", to="+14155553398", MessagingServiceSid=service)
    help_text = message_text(post(client, own).text)
    assert help_text is not None and "PoolBrand" in help_text  # the number's own sender first


def test_a_proxy_that_passes_the_public_urls_path_on_reaches_the_webhook(
    settings: Settings,
) -> None:
    """STOPLINE_PUBLIC_URL https://sms.example.com/sl: a proxy that forwards
    /sl/webhooks/twilio without stripping /sl got 404, an opt-out lost (no provider retries
    a 4xx); one that strips it reached the route. Both do now, with the same signature."""
    from stopline import bootstrap
    from stopline.api.app import create_app
    from stopline.services.keys import create_key

    graph = bootstrap.build(
        settings.model_copy(update={"public_url": "https://sms.example.com/sl"})
    )
    try:
        with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com") as client:
            signed_for = "https://sms.example.com/sl/webhooks/twilio"
            for path, sid in (("/sl/webhooks/twilio", "SM090"), ("/webhooks/twilio", "SM091")):
                body, headers = twilio_signed(TWILIO_TOKEN, twilio_form(sid, "STOP"), signed_for)
                answer = client.post(path, content=body, headers=headers)
                assert answer.status_code == 200, (path, answer.text)
            key = create_key(graph.engine, "t", frozenset({"admin"}), graph.clock()).key
            auth = {"Authorization": f"Bearer {key}"}
            check = client.post("/sl/v1/check", json={"number": "+14155550100"}, headers=auth)
            assert check.status_code == 200 and check.json()["allowed"] is False
            assert client.get("/sl/v1/contacts/+14155550100", headers=auth).status_code == 200
            assert client.get("/sl/openapi.json").json()["servers"] == [{"url": "/sl"}]
            assert client.get("/slx/webhooks/twilio").status_code == 404  # not a prefix of it
            # taken off once only (a reviewer: "/sl/sl/metrics" passed a proxy's rule for
            # "/sl/metrics", and two thousand "/sl" were a RecursionError, a 500)
            assert client.get("/sl/sl/metrics").status_code == 404
            assert client.get("/sl" * 2000 + "/metrics").status_code == 404
    finally:
        graph.close()
    # a public path that is one of our own roots takes nothing off them
    graph = bootstrap.build(
        settings.model_copy(update={"public_url": "https://sms.example.com/v1"})
    )
    try:
        with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com") as client:
            assert client.get("/v1/senders").status_code == 401  # the route, not a 404
    finally:
        graph.close()
