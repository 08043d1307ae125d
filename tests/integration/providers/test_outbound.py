"""Outbound sends and the sender registry API: the gate first, each provider's REST shape over
real HTTP to the fakes, and provider opt-out refusals recorded as provider signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from stopline import bootstrap
from stopline.api.app import create_app
from stopline.bootstrap import Stopline
from stopline.config import Settings
from stopline.providers.fakes.server import FakeProviders
from stopline.storage.tables import sends
from tests.integration.providers.conftest import fake_requests
from tests.provider_payloads import (
    BW_ACCOUNT,
    PERSON,
    PLIVO_ID,
    SINCH_PLAN,
    TWILIO_SID,
    twilio_stop,
)

SENDER = "+14155550199"
SHAPES: dict[str, tuple[str, dict[str, Any]]] = {
    "twilio": (
        f"/2010-04-01/Accounts/{TWILIO_SID}/Messages.json",
        {"To": PERSON, "From": SENDER, "Body": "Hello"},
    ),
    "telnyx": ("/v2/messages", {"from": SENDER, "to": PERSON, "text": "Hello"}),
    "vonage": (
        "/v1/messages",
        {"message_type": "text", "channel": "sms", "to": "14155550100", "from": "14155550199"},
    ),
    "plivo": (f"/v1/Account/{PLIVO_ID}/Message/", {"src": "14155550199", "dst": "14155550100"}),
    "bandwidth": (
        f"/api/v2/users/{BW_ACCOUNT}/messages",
        {"to": [PERSON], "from": SENDER, "text": "Hello"},
    ),
    "sinch": (f"/xms/v1/{SINCH_PLAN}/batches", {"to": ["14155550100"], "body": "Hello"}),
}


def register(client: TestClient, key: dict[str, str], provider: str, **extra: Any) -> Any:
    body = {"address": SENDER, "provider": provider, **extra}
    return client.post("/v1/senders", json=body, headers=key)


def send(client: TestClient, key: dict[str, str], **extra: Any) -> Any:
    body = {"to": "(415) 555-0100", "text": "Hello", "sender": SENDER, **extra}
    return client.post("/v1/messages", json=body, headers=key)


@pytest.mark.parametrize("provider", sorted(SHAPES))
def test_each_provider_sends_its_documented_request(
    provider: str, client: TestClient, admin: dict[str, str], fake: FakeProviders
) -> None:
    assert register(client, admin, provider).status_code == 201
    answer = send(client, admin)
    assert answer.status_code == 202, answer.text
    assert answer.json()["status"] == "sent" and answer.json()["provider_message_id"]
    [request] = fake_requests(fake)
    path, fields = SHAPES[provider]
    assert request["path"] == path and request["status"] < 300
    for name, value in fields.items():
        assert request["body"][name] == value, name
    assert request["idempotency_key"].startswith("send:")


def test_the_gate_refuses_before_any_provider_is_called(
    client: TestClient, admin: dict[str, str], fake: FakeProviders
) -> None:
    register(client, admin, "twilio")
    client.post("/v1/consent", json={"number": PERSON, "kind": "opt_out"}, headers=admin)
    answer = send(client, admin)
    assert answer.status_code == 409
    assert answer.json()["status"] == "blocked" and answer.json()["scope"] == "organisation"
    assert fake_requests(fake) == []


# Mobile numbers with one zone each, spread over most of the day.
_ZONED = {
    "+447700900123": "Europe/London",
    "+61412345678": "Australia/Sydney",
    "+819012345678": "Asia/Tokyo",
    "+919812345678": "Asia/Kolkata",
    "+18085550100": "Pacific/Honolulu",
    "+12125550100": "America/New_York",
    "+5511912345678": "America/Sao_Paulo",
}


def _number_whose_hour(wanted: Callable[[int], bool]) -> str:
    """The first of `_ZONED` whose local hour now is ``wanted``."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    now = datetime.now(UTC)
    for number, zone in _ZONED.items():
        if wanted(now.astimezone(ZoneInfo(zone)).hour):
            return number
    raise AssertionError("no candidate zone at such an hour")  # pragma: no cover


def _in_quiet_hours_now() -> str:
    """A number whose zone is between 21:00 and 8:00 now (a margin around 8 and 21)."""
    return _number_whose_hour(lambda hour: not 7 <= hour < 22)


def test_a_marketing_message_in_quiet_hours_is_deferred_not_sent(
    client: TestClient, admin: dict[str, str], fake: FakeProviders
) -> None:
    """A black-box tester's promo at 01:50 New York time was delivered: `/v1/messages` now
    applies the broadcasts' quiet hours and cap to a message with a topic that is not
    exempt, answering 409 `deferred` with the first moment it may go."""
    register(client, admin, "twilio")
    number = _in_quiet_hours_now()
    answer = send(client, admin, to=number, topic="promo")
    assert answer.status_code == 409, answer.text
    body = answer.json()
    assert body["status"] == "deferred" and body["to"] == number
    assert body["not_before"] > datetime_now_text() and "quiet hours" in body["detail"]
    assert fake_requests(fake) == []
    # a one-off with no topic (a code, a reply) and an exempt topic go out as before
    assert send(client, admin, to=number).status_code == 202
    assert send(client, admin, to=number, topic="transactional").status_code == 202
    assert len(fake_requests(fake)) == 2


def _in_daytime_now() -> str:
    """A number outside the states with rules of their own whose zone is between 10:00 and
    19:00 now."""
    return _number_whose_hour(lambda hour: 10 <= hour < 19)


def test_one_off_sends_about_a_topic_count_towards_the_cap(
    settings: Settings, fake: FakeProviders
) -> None:
    """One-off sends about a topic that is not exempt are recorded in `sends` (no campaign),
    so a cap of two a day holds a third, a "retry" with the same idempotency key included
    (a reviewer sent five with one key under a cap of one: the key bought no exemption).
    Each is recorded once per message the provider accepted (its message id). Sends with no
    topic or an exempt topic neither count nor are held."""
    graph = bootstrap.build(settings.model_copy(update={"marketing_cap_per_day": 2}))
    try:
        with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com") as client:
            admin = {"Authorization": f"Bearer {_admin_key(graph)}"}
            register(client, admin, "twilio")
            number = _in_daytime_now()
            for _ in range(3):  # neither counts
                assert send(client, admin, to=number).status_code == 202
                assert send(client, admin, to=number, topic="Transactional").status_code == 202
            first = send(client, admin, to=number, topic="promo", idempotency_key="k-1")
            assert first.status_code == 202, first.text
            again = send(client, admin, to=number, topic="promo", idempotency_key="k-1")
            assert again.status_code == 202, again.text  # the provider's own retry of it:
            same = again.json()["provider_message_id"] == first.json()["provider_message_id"]
            assert same  # one message, recorded once
            second = send(client, admin, to=number, topic="news")
            assert second.status_code == 202, second.text
            third = send(client, admin, to=number, topic="promo", idempotency_key="k-3")
            assert third.status_code == 409, third.text
            body = third.json()
            assert body["status"] == "deferred" and "frequency cap" in body["detail"]
            assert body["not_before"] > datetime_now_text()
            assert send(client, admin, to=number, topic="transactional").status_code == 202
            assert len(fake_requests(fake)) == 6 + 3 + 1
            with graph.engine.connect() as conn:
                rows = conn.execute(
                    select(sends.c.campaign_id, sends.c.source, sends.c.topic, sends.c.number)
                ).all()
            # each message the provider accepted, by its message id: the key exempts nothing
            assert sorted(rows) == [
                (None, "one_off", "news", number),
                (None, "one_off", "promo", number),
            ]
    finally:
        graph.close()


def _admin_key(graph: Stopline) -> str:
    from stopline.services.keys import create_key

    return create_key(graph.engine, "cap-test", frozenset({"admin"}), graph.clock()).key


def datetime_now_text() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


@pytest.mark.parametrize(("provider", "code"), [("twilio", "21610"), ("telnyx", "40300")])
def test_a_provider_opt_out_refusal_suppresses_the_number(
    provider: str, code: str, client: TestClient, admin: dict[str, str], fake: FakeProviders
) -> None:
    register(client, admin, provider)
    httpx.post(f"{fake.url}/_fake/opted-out", json={"numbers": [PERSON]})
    answer = send(client, admin)
    assert answer.status_code == 409
    assert answer.json()["status"] == "opted_out" and answer.json()["error_code"] == code
    [event] = client.get(f"/v1/contacts/{PERSON}", headers=admin).json()["events"]
    assert event["source"] == "provider_signal" and event["provider"] == provider
    assert event["evidence"] == {
        "code": code,
        "via": "send_error",
        "status": "409" if provider == "telnyx" else "400",
    }
    assert send(client, admin).json()["status"] == "blocked"
    assert len(fake_requests(fake)) == 1


def test_send_input_errors(
    client: TestClient, admin: dict[str, str], checker: dict[str, str]
) -> None:
    assert send(client, checker).status_code == 403
    unknown = send(client, admin)
    assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "sender"
    register(client, admin, "twilio")
    bad = send(client, admin, to="not a number")
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "to"


def test_sender_registry_api(
    client: TestClient, admin: dict[str, str], writer: dict[str, str]
) -> None:
    assert register(client, writer, "twilio").status_code == 403
    created = register(
        client,
        admin,
        "Telnyx",
        brand="Globex",
        topics=["Alerts"],
        locale="fr-CA",
        account="globex-us",
    )
    assert created.status_code == 201
    assert created.json() == {
        "address": SENDER,
        "provider": "telnyx",
        "brand": "Globex",
        "topics": ["alerts"],
        "locale": "fr-CA",
        "account": "globex-us",
        "rate_per_second": None,
        "warnings": [
            "account 'globex-us' is neither in the secrets file nor in "
            "STOPLINE_ACCOUNT_GLOBEX_US_* variables; REST replies and sends will fail until set"
        ],
    }
    assert register(client, admin, "twilio").status_code == 409
    wrong = client.post(
        "/v1/senders", json={"address": "12345", "provider": "carrier-pigeon"}, headers=admin
    )
    assert wrong.status_code == 422 and wrong.json()["error"]["field"] == "provider"
    bad_account = client.post(
        "/v1/senders",
        json={"address": "12345", "provider": "twilio", "account": "a b"},
        headers=admin,
    )
    assert bad_account.status_code == 422 and bad_account.json()["error"]["field"] == "account"
    [listed] = client.get("/v1/senders", headers=admin).json()["items"]
    assert listed["address"] == SENDER and listed["account"] == "globex-us"
    assert client.delete(f"/v1/senders/{SENDER}", headers=admin).status_code == 200
    assert client.delete(f"/v1/senders/{SENDER}", headers=admin).status_code == 404


def test_a_senders_brand_names_the_reply(client: TestClient, admin: dict[str, str]) -> None:
    register(client, admin, "twilio", brand="Globex")
    body, headers = twilio_stop("SM-BRAND")
    answer = client.post("/webhooks/twilio", content=body, headers=headers)
    assert "Globex" in answer.text and "Acme" not in answer.text


def test_a_registered_sender_routes_rest_replies_through_its_own_provider_and_account(
    client: TestClient,
    admin: dict[str, str],
    fake: FakeProviders,
    monkeypatch: pytest.MonkeyPatch,
    graph: Stopline,
) -> None:
    monkeypatch.setenv("STOPLINE_ACCOUNT_GLOBEX_API_KEY", "KEY0123456789")
    register(client, admin, "telnyx", account="globex")
    from tests.provider_payloads import telnyx_stop

    body, headers = telnyx_stop("TX-ACCOUNT")
    assert client.post("/webhooks/telnyx", content=body, headers=headers).status_code == 200
    assert graph.messaging.outbox.drain().sent == 1
    monkeypatch.setenv("STOPLINE_ACCOUNT_GLOBEX_API_KEY", "someone-elses-key")
    body, headers = telnyx_stop("TX-ACCOUNT-2", "HELP")
    client.post("/webhooks/telnyx", content=body, headers=headers)
    assert graph.messaging.outbox.drain().dead == 1  # the fake refuses the other key


def test_a_one_off_about_a_marketing_topic_gets_the_brand_and_how_to_opt_out(
    settings: Settings, fake: FakeProviders
) -> None:
    """A black-box tester (2026-12-05): `POST /v1/messages` about a topic that is not exempt
    (marketing) sent its text as written, with no opt-out instructions, where a campaign's
    template gets them. Now it gets what a template gets (added, or refused when so
    configured); no topic or an exempt one is sent as written."""
    for missing, expected in (("add", 202), ("refuse", 422)):
        fake.state.reset()
        graph = bootstrap.build(settings.model_copy(update={"missing_opt_out": missing}))
        try:
            with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com") as c:
                admin = {"Authorization": f"Bearer {_admin_key(graph)}"}
                register(c, admin, "twilio", brand="Zeta Shoes")
                number = _in_daytime_now()
                answer = send(c, admin, to=number, topic="promo", text="50% off today")
                assert answer.status_code == expected, answer.text
                if expected == 422:
                    assert answer.json()["error"]["field"] == "text"
                    assert fake_requests(fake) == []
                    continue
                sent = "Zeta Shoes: 50% off today. Reply STOP to opt out."
                assert answer.json()["text"] == sent and len(answer.json()["fixed"]) == 2
                assert send(c, admin, to=number, text="Code 4411").json().get("text") is None
                exempt = send(c, admin, to=number, topic="transactional", text="Code 4412")
                assert exempt.status_code == 202 and exempt.json().get("text") is None
                written = "Zeta Shoes: new arrivals. Reply STOP to opt out"
                kept = send(c, admin, to=number, topic="news", text=written)
                assert kept.status_code == 202 and kept.json().get("text") is None
                bodies = [r["body"]["Body"] for r in fake_requests(fake)]
                assert bodies == [sent, "Code 4411", "Code 4412", written]
        finally:
            graph.close()


def test_registering_a_sender_whose_named_account_lacks_a_credential_warns(
    client: TestClient, admin: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A named account set only in part (Bandwidth without its API password) failed every
    send while registration said nothing."""
    monkeypatch.setenv("STOPLINE_ACCOUNT_HALF_ACCOUNT_ID", "99")
    monkeypatch.setenv("STOPLINE_ACCOUNT_HALF_USERNAME", "api")
    monkeypatch.setenv("STOPLINE_ACCOUNT_HALF_APPLICATION_ID", "app")
    created = register(client, admin, "bandwidth", account="half")
    assert created.status_code == 201, created.text
    assert created.json()["warnings"] == [
        "bandwidth account 'half' lacks password; REST replies and sends will fail until set"
    ]


def test_a_send_naming_no_topic_is_about_its_senders_topic(
    client: TestClient, admin: dict[str, str], fake: FakeProviders
) -> None:
    """A black-box tester (2026-12-05): `senders add --topic alerts` changed nothing; a send
    or campaign from that sender naming no topic reached a number opted out of alerts."""
    assert register(client, admin, "twilio", topics=["Alerts"]).status_code == 201
    stop = {"number": PERSON, "kind": "opt_out", "scope": "topic:alerts"}
    assert client.post("/v1/consent", json=stop, headers=admin).status_code == 201
    blocked = send(client, admin)  # no topic: the sender's
    assert blocked.status_code == 409, blocked.text
    assert blocked.json()["status"] == "blocked" and blocked.json()["scope"] == "topic:alerts"
    other = send(client, admin, topic="billing")  # a topic named: that one
    assert other.status_code == 202, other.text
    # ten bare digits are read both ways, with the sender's topic too (a reviewer: the
    # Danish number's alerts opt-out was missed when the send named no topic)
    abroad = {"number": "+4534437570", "kind": "opt_out", "scope": "topic:alerts"}
    assert client.post("/v1/consent", json=abroad, headers=admin).status_code == 201
    bare = send(client, admin, to="4534437570")
    assert bare.status_code == 409 and bare.json()["status"] == "blocked", bare.text
    campaign = {"name": "c1", "sender": SENDER, "template": "Acme alert. Reply STOP to opt out"}
    made = client.post("/v1/campaigns", json=campaign, headers=admin)
    assert made.status_code == 201 and made.json()["topic"] == "alerts", made.text
    # a sender of several topics: a send or campaign must say which
    assert client.delete(f"/v1/senders/{SENDER}", headers=admin).status_code in (200, 204)
    assert register(client, admin, "twilio", topics=["alerts", "promo"]).status_code == 201
    unsaid = send(client, admin)
    assert unsaid.status_code == 422 and unsaid.json()["error"]["field"] == "topic", unsaid.text
    again = client.post("/v1/campaigns", json={**campaign, "name": "c2"}, headers=admin)
    assert again.status_code == 422 and again.json()["error"]["field"] == "topic", again.text
