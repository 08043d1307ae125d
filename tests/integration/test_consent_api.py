"""The /v1 consent API, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from stopline.bootstrap import Stopline


def test_every_v1_route_needs_a_valid_key(client: TestClient, checker: dict[str, str]) -> None:
    routes = [
        ("post", "/v1/check", {"number": "+14155550100"}),
        ("post", "/v1/check/batch", {"numbers": ["+14155550100"]}),
        ("get", "/v1/contacts/+14155550100", None),
        ("post", "/v1/consent", {"number": "+14155550100", "kind": "opt_out"}),
        ("get", "/v1/suppressions", None),
        ("get", "/v1/consent/events", None),
        (
            "post",
            "/v1/inbound",
            {"message_id": "1", "from": "+14155550100", "to": "1", "text": "x"},
        ),
    ]
    for method, path, body in routes:
        for headers in ({}, {"Authorization": "Bearer sl_nope"}, {"Authorization": "Basic x"}):
            response = client.request(method, path, json=body, headers=headers)
            assert response.status_code == 401, (path, headers)
            assert response.json()["error"]["code"] == "unauthorized"
    write = client.post(
        "/v1/consent", json={"number": "+14155550100", "kind": "opt_out"}, headers=checker
    )
    assert write.status_code == 403


def test_invalid_number_is_422_naming_the_field(
    client: TestClient, checker: dict[str, str]
) -> None:
    response = client.post("/v1/check", json={"number": "not a phone"}, headers=checker)
    assert response.status_code == 422
    body = response.json()
    assert body["error"]["field"] == "number"
    assert "number" in body["error"]["message"]
    assert body["detail"][0]["loc"] == ["body", "number"]
    missing = client.post("/v1/check", json={}, headers=checker)
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "number"
    # a path or query parameter is located there, not in a body
    contact = client.get("/v1/contacts/abc", headers=checker).json()
    assert contact["detail"][0]["loc"] == ["path", "number"]
    page = client.get("/v1/suppressions", params={"cursor": "%%%"}, headers=checker).json()
    assert page["error"]["field"] == "cursor" and page["detail"][0]["loc"] == ["query", "cursor"]


def test_a_number_written_as_a_json_integer_is_read_as_its_digits_everywhere(
    client: TestClient, admin: dict[str, str]
) -> None:
    """As the batch check reads it: 14155550103 without quotes is still the number."""
    stop = {"number": 14155550103, "kind": "opt_out"}
    assert client.post("/v1/consent", json=stop, headers=admin).status_code == 201
    single = client.post("/v1/check", json={"number": 4155550103}, headers=admin)
    assert single.status_code == 200, single.text
    assert single.json()["allowed"] is False and single.json()["number"] == "+14155550103"
    batch = client.post("/v1/check/batch", json={"numbers": [4155550103]}, headers=admin)
    assert batch.json()["results"][0]["allowed"] is False
    for odd in (-4155550103, 4155550103.5, True, None, [4155550103]):
        refused = client.post("/v1/check", json={"number": odd}, headers=admin)
        assert refused.status_code == 422 and refused.json()["error"]["field"] == "number", odd


def test_batch_answers_each_input_in_order(client: TestClient, admin: dict[str, str]) -> None:
    client.post("/v1/consent", json={"number": "(415) 555-0102", "kind": "opt_out"}, headers=admin)
    numbers = ["+14155550101", "415-555-0102", "garbage", "", "+447700900000", "4155550102"]
    response = client.post("/v1/check/batch", json={"numbers": numbers}, headers=admin)
    assert response.status_code == 200
    results = response.json()["results"]
    assert [r.get("input", r.get("number")) for r in results] == numbers
    assert [r["allowed"] for r in results] == [True, False, False, False, True, False]
    assert results[0] == {"number": "+14155550101", "allowed": True, "reason": "not_suppressed"}
    assert results[1]["number"] == "+14155550102" and results[1]["reason"] == "opted_out"
    assert results[1]["input"] == "415-555-0102" and results[1]["scope"] == "organisation"
    assert results[2]["number"] is None and results[2]["reason"] == "invalid_number"
    assert results[2]["input"] == "garbage" and results[2]["error"]


def test_batch_of_e164_numbers_with_blocked_ones_anywhere(
    client: TestClient, admin: dict[str, str]
) -> None:
    numbers = [f"+1415555{i:04d}" for i in range(50)]
    for i in (0, 7, 8, 49):
        client.post("/v1/consent", json={"number": numbers[i], "kind": "opt_out"}, headers=admin)
    results = client.post("/v1/check/batch", json={"numbers": numbers}, headers=admin).json()[
        "results"
    ]
    assert [r["number"] for r in results] == numbers
    assert [i for i, r in enumerate(results) if not r["allowed"]] == [0, 7, 8, 49]
    assert all(r["reason"] == "opted_out" and r["since"] for r in results if not r["allowed"])
    assert all(set(r) == {"number", "allowed", "reason"} for r in results if r["allowed"])
    topic = client.post(
        "/v1/check/batch", json={"numbers": numbers[:2], "topic": "sales"}, headers=admin
    ).json()["results"]
    assert [r["allowed"] for r in topic] == [False, True]


def test_batch_limit_is_enforced(client: TestClient, checker: dict[str, str]) -> None:
    numbers = [f"+1415555{i:04d}" for i in range(10_000)]
    ok = client.post("/v1/check/batch", json={"numbers": numbers}, headers=checker)
    assert ok.status_code == 200 and len(ok.json()["results"]) == 10_000
    too_many = client.post(
        "/v1/check/batch", json={"numbers": [*numbers, "+14155550100"]}, headers=checker
    )
    assert too_many.status_code == 422 and too_many.json()["error"]["field"] == "numbers"


def test_scoped_consent_from_other_systems(client: TestClient, admin: dict[str, str]) -> None:
    created = client.post(
        "/v1/consent",
        json={
            "number": "+14155550103",
            "kind": "opt_out",
            "scope": "topic:Marketing",
            "source": "crm",
            "actor": "salesforce",
            "evidence": {"case": "42"},
        },
        headers=admin,
    )
    assert created.status_code == 201
    event = created.json()["event"]
    assert event["scope"] == "topic:marketing" and event["source"] == "crm"
    assert event["evidence"] == {"case": "42"} and event["actor"] == "salesforce"
    again = client.post(
        "/v1/consent",
        json={"number": "+14155550103", "kind": "opt_out", "scope": "topic:marketing"},
        headers=admin,
    )
    assert again.status_code == 200 and again.json()["changed"] is False

    def allowed(topic: str | None) -> bool:
        body = {"number": "+14155550103", **({"topic": topic} if topic else {})}
        return bool(client.post("/v1/check", json=body, headers=admin).json()["allowed"])

    assert not allowed("marketing") and allowed("support") and allowed(None)
    contact = client.get("/v1/contacts/4155550103", headers=admin).json()
    assert contact["number"] == "+14155550103" and contact["suppressed"] is True
    assert [s["scope"] for s in contact["suppressions"]] == ["topic:marketing"]


def test_consent_validation(client: TestClient, admin: dict[str, str]) -> None:
    cases = [
        ({"number": "+14155550100", "kind": "maybe"}, "kind"),
        ({"number": "+14155550100", "kind": "opt_out", "scope": "galaxy:x"}, "scope"),
        (
            {
                "number": "+14155550100",
                "kind": "opt_in",
                "occurred_at": (datetime.now(UTC) + timedelta(days=1)).isoformat(),
            },
            "occurred_at",
        ),
        ({"number": "12", "kind": "opt_out"}, "number"),
    ]
    for body, field in cases:
        response = client.post("/v1/consent", json=body, headers=admin)
        assert response.status_code == 422, body
        assert response.json()["error"]["field"] == field


def test_a_time_ahead_of_our_clock_is_now_and_never_loses_an_opt_out(
    client: TestClient, admin: dict[str, str]
) -> None:
    """A CRM whose clock runs a little fast must not have its opt-outs refused (clients do
    not retry a 422): within five minutes any kind is recorded as of now, and an opt-out
    dated further ahead still is; only an opt-in that far ahead is refused."""
    before = datetime.now(UTC)

    def consent(number: str, kind: str, ahead: timedelta) -> Response:
        at = (datetime.now(UTC) + ahead).isoformat()
        body = {"number": number, "kind": kind, "occurred_at": at}
        return client.post("/v1/consent", json=body, headers=admin)

    for number, ahead in (
        ("+14155550171", timedelta(seconds=1)),
        ("+14155550172", timedelta(days=1)),
    ):
        recorded = consent(number, "opt_out", ahead)
        assert recorded.status_code == 201, recorded.text
        at = datetime.fromisoformat(recorded.json()["event"]["occurred_at"])
        assert before <= at <= datetime.now(UTC)
        check = client.post("/v1/check", json={"number": number}, headers=admin).json()
        assert check["allowed"] is False
    assert consent("+14155550171", "opt_in", timedelta(seconds=30)).status_code == 201
    refused = consent("+14155550172", "opt_in", timedelta(hours=1))
    assert refused.status_code == 422 and "s in the future" in refused.json()["error"]["message"]


def test_suppressions_are_paginated_and_filtered(client: TestClient, admin: dict[str, str]) -> None:
    for i in range(7):
        scope = "topic:sales" if i % 2 else "organisation"
        client.post(
            "/v1/consent",
            json={"number": f"+1415555{i:04d}", "kind": "opt_out", "scope": scope},
            headers=admin,
        )
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = client.get("/v1/suppressions", params=params, headers=admin).json()
        seen += [item["number"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"+1415555{i:04d}" for i in range(7)]
    sales = client.get("/v1/suppressions", params={"scope": "topic:sales"}, headers=admin).json()
    assert len(sales["items"]) == 3
    future = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    later = client.get("/v1/suppressions", params={"since": future}, headers=admin).json()
    assert later["items"] == []
    bad = client.get("/v1/suppressions", params={"cursor": "zz"}, headers=admin)
    assert bad.status_code == 422
    # a black-box tester (2026-12-05): "abc", valid hex but never handed out, read as an
    # empty last page (a client with a corrupted cursor would think it had everything)
    ahead = client.get("/v1/suppressions", params={"cursor": "abc"}, headers=admin)
    assert ahead.status_code == 422 and ahead.json()["error"]["field"] == "cursor"
    start = client.get("/v1/suppressions", params={"cursor": "", "limit": 3}, headers=admin)
    assert start.status_code == 200 and len(start.json()["items"]) == 3  # as the feed reads it
    # "+00:00" typed into a URL unencoded arrives as " 00:00": read as the "+" it was
    hour = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S")
    for written in (f"{hour}+00:00", f"{hour}+0000", f"{hour}.5+00:30"):
        typed = client.get(f"/v1/suppressions?since={written}", headers=admin)
        assert typed.status_code == 200 and typed.json()["items"] == [], written
    earlier = client.get("/v1/suppressions?since=2020-01-01T00:00:00+00:00", headers=admin)
    assert len(earlier.json()["items"]) == 7


def test_provider_neutral_inbound(client: TestClient, writer: dict[str, str]) -> None:
    body = {
        "message_id": "ext-1",
        "provider": "acme-platform",
        "from": "(415) 555-0104",
        "to": "+14155550199",
        "text": "Stop!",
    }
    first = client.post("/v1/inbound", json=body, headers=writer)
    assert first.status_code == 200
    out = first.json()
    assert out["action"] == "opt_out" and out["outcome"] == "opted_out"
    assert out["reply"] and "unsubscribed" in out["reply"] and out["duplicate"] is False
    retry = client.post("/v1/inbound", json=body, headers=writer).json()
    assert retry["duplicate"] is True and retry["reply"] == out["reply"]
    assert retry["event_id"] == out["event_id"]
    changed = client.post("/v1/inbound", json={**body, "text": "HELP"}, headers=writer).json()
    assert changed["duplicate"] is True and changed["action"] == "opt_out"  # the first's answer
    first_reading = {k: v for k, v in out["classification"].items() if k != "explanation"}
    assert {k: v for k, v in changed["classification"].items() if k != "explanation"} == (
        first_reading
    )
    check = client.post("/v1/check", json={"number": "+14155550104"}, headers=writer).json()
    assert check["allowed"] is False


def test_start_texted_to_a_sender_lifts_that_senders_own_opt_out_but_no_topics(
    client: TestClient, admin: dict[str, str]
) -> None:
    """The person asks that very sender to text again; a topic opt-out made elsewhere stays."""
    number, sender, other = "+14155550902", "+14155550199", "+14155550198"
    for scope in (f"sender:{sender}", f"sender:{other}", "topic:promo"):
        stop = {"number": number, "kind": "opt_out", "scope": scope}
        assert client.post("/v1/consent", json=stop, headers=admin).status_code == 201

    def allowed(**send: str) -> bool:
        answer = client.post("/v1/check", json={"number": number, **send}, headers=admin)
        return bool(answer.json()["allowed"])

    assert not allowed(sender=sender)
    body = {"message_id": "b1", "from": number, "to": sender, "text": "START"}
    started = client.post("/v1/inbound", json=body, headers=admin).json()
    assert started["outcome"] == "opted_in" and "subscribed" in started["reply"]
    assert allowed(sender=sender)
    assert not allowed(sender=other) and not allowed(topic="promo")
    events = client.get(f"/v1/contacts/{number}", headers=admin).json()["events"]
    lifted = [(e["kind"], e["scope"]) for e in events[3:]]
    assert lifted == [("opt_in", "organisation"), ("opt_in", f"sender:{sender}")]
    again = client.post("/v1/inbound", json={**body, "message_id": "b2"}, headers=admin).json()
    assert again["outcome"] == "opted_in"  # evidence again; the sender's opt-out is gone
    events = client.get(f"/v1/contacts/{number}", headers=admin).json()["events"]
    assert [e["scope"] for e in events[5:]] == ["organisation"]


def test_an_empty_scope_never_lifts_opt_outs_and_never_loses_one(
    client: TestClient, admin: dict[str, str]
) -> None:
    """An empty template variable must not become an organisation-wide opt-in (lifting every
    opt-out) or a filter that quietly returns one scope; an opt-out with an empty scope, or
    texted to an empty address, is still recorded (organisation-wide: the safe side)."""
    for scope in ("", "  "):
        body = {"number": "+14155550301", "kind": "opt_in", "scope": scope}
        refused = client.post("/v1/consent", json=body, headers=admin)
        assert refused.status_code == 422 and refused.json()["error"]["field"] == "scope"
        page = client.get("/v1/suppressions", params={"scope": scope}, headers=admin)
        assert page.status_code == 422 and page.json()["detail"][0]["loc"] == ["query", "scope"]
    stop = {"number": "+14155550302", "kind": "opt_out", "scope": ""}
    assert client.post("/v1/consent", json=stop, headers=admin).status_code == 201
    check = client.post("/v1/check", json={"number": "+14155550302"}, headers=admin).json()
    assert check["allowed"] is False and check["scope"] == "organisation"
    message = {"message_id": "x5", "from": "(415) 555-0304", "to": " ", "text": "STOP"}
    accepted = client.post("/v1/inbound", json=message, headers=admin)
    assert accepted.status_code == 200 and accepted.json()["outcome"] == "opted_out"
    # a black-box tester (2026-12-05): a SIP address over 64 characters, or an id over 128,
    # was 422 and the opt-out lost; both are stored as digests, as the webhooks' are
    sip = "sip:+12125550199@sip.messaging.example-carrier-network.com;user=phone"
    long = {"message_id": "m" * 300, "from": "(415) 555-0305", "to": sip, "text": "STOP"}
    accepted = client.post("/v1/inbound", json=long, headers=admin)
    assert accepted.status_code == 200 and accepted.json()["outcome"] == "opted_out"
    retried = client.post("/v1/inbound", json=long, headers=admin).json()
    assert retried["duplicate"] is True and retried["event_id"] == accepted.json()["event_id"]
    check = client.post("/v1/check", json={"number": "+14155550305"}, headers=admin).json()
    assert check["allowed"] is False


def test_a_confirmation_says_the_time_the_opt_out_was_recorded_for(
    client: TestClient, writer: dict[str, str], admin: dict[str, str]
) -> None:
    """A platform forwarding a STOP late: the reply's "from when" is the ledger's time."""
    body = {"message_id": "late-1", "from": "+14155550111", "to": "+14155550199"}
    body |= {"text": "STOP", "received_at": "2026-01-02T03:04:59Z"}
    answer = client.post("/v1/inbound", json=body, headers=writer).json()
    assert "2026-01-02 03:04 UTC" in answer["reply"]
    [event] = client.get("/v1/contacts/+14155550111", headers=admin).json()["events"]
    assert event["occurred_at"].startswith("2026-01-02T03:04:59")


def test_inbound_uses_a_sender_registered_at_runtime(
    client: TestClient, writer: dict[str, str], admin: dict[str, str]
) -> None:
    sender = {
        "address": "+14155550177",
        "provider": "twilio",
        "brand": "Maison Runtime",
        "locale": "fr-CA",
    }
    assert client.post("/v1/senders", json=sender, headers=admin).status_code == 201
    body = {"message_id": "ext-fr-1", "from": "+14155550105", "to": "+14155550177"}
    stop = client.post("/v1/inbound", json={**body, "text": "ARRET"}, headers=writer).json()
    assert stop["action"] == "opt_out"
    assert stop["reply"].startswith("Maison Runtime : ce numéro est désabonné")
    help_body = {**body, "message_id": "ext-fr-2", "text": "AIDE"}
    help_reply = client.post("/v1/inbound", json=help_body, headers=writer).json()["reply"]
    assert help_reply.startswith("Maison Runtime : aide : ")
    # An unregistered address keeps the configured brand and language.
    other = {**body, "message_id": "ext-en-1", "to": "+14155550178", "from": "+14155550106"}
    plain = client.post("/v1/inbound", json={**other, "text": "STOP"}, headers=writer).json()
    assert plain["reply"].startswith("Acme: This number is unsubscribed")


def test_oversized_api_body_is_413(client: TestClient, admin: dict[str, str]) -> None:
    payload = b'{"numbers": ["' + b"1" * (3 * 1024 * 1024) + b'"]}'
    response = client.post(
        "/v1/check/batch", content=payload, headers={**admin, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    # a GET with a body is capped too (Vonage's legacy webhook may use GET)
    big_get = client.request("GET", "/webhooks/vonage", content=b"x" * (200 * 1024))
    assert big_get.status_code == 413


@pytest.mark.parametrize(
    ("route", "field"),
    [
        ("/v1/check/batch", b"numbers"),  # a hot route: it reads its body itself
        ("/v1/check/batch", b"number"),
        ("/v1/consent", b"number"),  # FastAPI routes: a 413, not a body parse error
        ("/v1/inbound", b"number"),
    ],
)
def test_oversized_chunked_body_is_413_on_every_route(
    client: TestClient, admin: dict[str, str], route: str, field: bytes
) -> None:
    """Without a Content-Length the cap applies as the body arrives."""
    listed = field == b"numbers"

    def chunks() -> Iterator[bytes]:
        yield b'{"' + field + b'": ' + (b'["' if listed else b'"')
        for _ in range(48):  # 3 MiB, over the 2 MiB default
            yield b"1" * 65536
        yield b'"]}' if listed else b'"}'

    headers = {**admin, "Content-Type": "application/json"}
    response = client.post(route, content=chunks(), headers=headers)
    assert response.status_code == 413, response.text
    assert response.json()["error"]["code"] == "payload_too_large"
    if listed:
        metrics = client.get("/metrics").text
        assert 'route="/v1/check/batch",status="413"' in metrics


@pytest.mark.parametrize(
    ("content", "content_type", "code", "message"),
    [
        (
            b'{"number": "+14155550100", "kind": "opt_out"} trailing',
            "application/json",
            "invalid_json",
            "body is not valid JSON",
        ),
        (b"", "application/json", "invalid_request", "a JSON object body is required"),
        (
            b"number=%2B14155550100",
            "application/x-www-form-urlencoded",
            "invalid_request",
            "the body must be a JSON object",
        ),
        (
            b'["+14155550100"]',
            "application/json",
            "invalid_request",
            "the body must be a JSON object",
        ),
        (  # Latin-1, not UTF-8
            b'{"number": "+14155550100", "kind": "opt_out", "actor": "Jos\xe9"}',
            "application/json",
            "invalid_json",
            "body is not valid JSON: it is not UTF-8",
        ),
        (  # nested past the parser's recursion limit
            b'{"number": "+14155550100", "kind": "opt_out", "evidence": '
            + b'{"a": ' * 5000
            + b"1"
            + b"}" * 5001,
            "application/json",
            "invalid_json",
            "body is not valid JSON: it is not UTF-8, or it is nested too deeply",
        ),
    ],
)
def test_a_body_that_is_not_a_json_object_is_422_saying_so(
    client: TestClient,
    admin: dict[str, str],
    content: bytes,
    content_type: str,
    code: str,
    message: str,
) -> None:
    response = client.post(
        "/v1/consent", content=content, headers={**admin, "Content-Type": content_type}
    )
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["message"].startswith(message)
    assert error["field"] is None


def test_health_metrics_and_docs(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.head("/healthz").status_code == 200  # load balancers probe with HEAD too
    assert "stopline_http_requests" in client.get("/metrics").text
    docs = client.get("/docs")
    # relative links: the page works under a proxy's path prefix too
    assert docs.status_code == 200 and 'src="docs-assets/swagger-ui-bundle.js"' in docs.text
    assert "url: 'openapi.json'" in docs.text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/no/such/page").status_code == 404
    exported = client.get("/metrics").text
    assert 'route="/docs-assets/{path}",status="200"' in exported  # a mount, not "unmatched"
    assert 'route="unmatched",status="404"' in exported
    spec = client.get("/openapi.json").json()
    assert {"/v1/check", "/v1/check/batch", "/webhooks/twilio"} <= set(spec["paths"])


def test_scopes_written_any_way_are_enforced_the_same(
    client: TestClient, admin: dict[str, str]
) -> None:
    n = "+14155550177"
    client.post(
        "/v1/consent", json={"number": n, "kind": "opt_out", "scope": "topic:Promo"}, headers=admin
    )
    client.post(
        "/v1/consent",
        json={"number": n, "kind": "opt_out", "scope": "sender:(415) 555-0199"},
        headers=admin,
    )

    def allowed(**extra: str) -> bool:
        body = {"number": n, **extra}
        return bool(client.post("/v1/check", json=body, headers=admin).json()["allowed"])

    assert not allowed(topic="PROMO") and not allowed(topic="promo")
    assert not allowed(sender="+14155550199") and not allowed(sender="415-555-0199")
    assert allowed(topic="support", sender="+14155550100")
    assert allowed(topic="   ")  # a blank topic is no topic, not a server error
    listed = client.get("/v1/suppressions", params={"scope": "topic:Promo"}, headers=admin)
    assert [i["scope"] for i in listed.json()["items"]] == ["topic:promo"]
    # case in a topic and in an alphanumeric sender ID: one topic, one sender
    for scope in ("topic:Holiday Deals", "sender:Acme"):
        made = client.post(
            "/v1/consent", json={"number": n, "kind": "opt_out", "scope": scope}, headers=admin
        )
        assert made.status_code in (200, 201), made.text
    assert not allowed(topic="HOLIDAY DEALS") and not allowed(topic="holiday deals")
    assert not allowed(sender="ACME") and not allowed(sender="acme") and not allowed(sender="Acme")
    assert not allowed(sender="ＡＣＭＥ")  # full-width letters
    assert allowed(sender="ACME2") and allowed(sender="SHOPCO")
    batch = client.post(
        "/v1/check/batch", json={"numbers": [n], "sender": "aCmE"}, headers=admin
    ).json()
    assert [r["allowed"] for r in batch["results"]] == [False]
    lifted = client.post(
        "/v1/consent", json={"number": n, "kind": "opt_in", "scope": "sender:ACME"}, headers=admin
    )
    assert lifted.status_code in (200, 201), lifted.text
    assert allowed(sender="acme") and allowed(sender="Acme")


def test_a_back_dated_opt_in_never_lifts_a_newer_opt_out(
    client: TestClient, admin: dict[str, str]
) -> None:
    n = "+14155550188"
    now = datetime.now(UTC)
    client.post(
        "/v1/consent",
        json={
            "number": n,
            "kind": "opt_out",
            "occurred_at": (now - timedelta(hours=1)).isoformat(),
        },
        headers=admin,
    )
    stale = client.post(
        "/v1/consent",
        json={
            "number": n,
            "kind": "opt_in",
            "source": "crm",
            "occurred_at": "2020-01-01T00:00:00Z",
        },
        headers=admin,
    )
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "superseded"
    assert client.post("/v1/check", json={"number": n}, headers=admin).json()["allowed"] is False
    late_start = client.post(
        "/v1/inbound",
        json={
            "message_id": "late-1",
            "from": n,
            "to": "+14155550199",
            "text": "START",
            "received_at": (now - timedelta(hours=2)).isoformat(),
        },
        headers=admin,
    ).json()
    assert late_start["outcome"] == "superseded" and late_start["reply"] is None
    assert client.post("/v1/check", json={"number": n}, headers=admin).json()["allowed"] is False
    fresh = client.post("/v1/consent", json={"number": n, "kind": "opt_in"}, headers=admin)
    assert fresh.status_code == 201
    assert client.post("/v1/check", json={"number": n}, headers=admin).json()["allowed"] is True
    kinds = [e["kind"] for e in client.get(f"/v1/contacts/{n}", headers=admin).json()["events"]]
    assert kinds == ["opt_out", "opt_in"]


@pytest.mark.parametrize(
    ("method", "path", "params", "body", "field"),
    [
        # ids and cursors beyond what either database can store (found by schemathesis)
        ("get", "/v1/events", {"after": str(2**65)}, None, "after"),
        ("get", f"/v1/review/{2**70}", None, None, "item_id"),
        ("post", f"/v1/review/{2**70}/decision", None, {"decision": "no_action"}, "item_id"),
        ("get", "/v1/review", {"cursor": "f" * 20}, None, "cursor"),
        ("get", "/v1/suppressions", {"cursor": "f" * 20}, None, "cursor"),
        # times that cannot be converted to UTC, or are far outside any plausible date
        ("get", "/v1/suppressions", {"since": "0001-01-01T00:00:00+00:01"}, None, "since"),
        ("get", "/v1/suppressions", {"until": "9999-12-31T23:00:00-05:00"}, None, "until"),
        (
            "post",
            "/v1/consent",
            None,
            {"number": "+14155550100", "kind": "opt_in", "occurred_at": "0001-01-01T00:00+00:01"},
            "occurred_at",
        ),
        (
            "post",
            "/v1/consent",
            None,
            {"number": "+14155550100", "kind": "opt_out", "occurred_at": "1969-12-31T23:59Z"},
            "occurred_at",
        ),
        # epoch numbers: pydantic would read 0 as 1970 and 99999999999 as milliseconds
        (
            "post",
            "/v1/consent",
            None,
            {"number": "+14155550100", "kind": "opt_out", "occurred_at": 0},
            "occurred_at",
        ),
        (
            "post",
            "/v1/consent",
            None,
            {"number": "+14155550100", "kind": "opt_out", "occurred_at": "1700000000"},
            "occurred_at",
        ),
        ("get", "/v1/suppressions", {"since": "99999999999"}, None, "since"),
        ("get", "/v1/suppressions", {"until": "1.5"}, None, "until"),
    ],
)
def test_out_of_range_ids_cursors_and_times_are_422_naming_the_field(
    client: TestClient,
    admin: dict[str, str],
    method: str,
    path: str,
    params: dict[str, str] | None,
    body: dict[str, object] | None,
    field: str,
) -> None:
    response = client.request(method, path, params=params, json=body, headers=admin)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["field"] == field
    assert error["message"].startswith(f"{field}: ")
    assert "Value error" not in error["message"]
    assert client.get("/v1/suppressions", headers=admin).json()["items"] == []  # nothing stored


def test_a_message_id_used_by_another_number_is_a_new_message_not_a_duplicate(
    client: TestClient, writer: dict[str, str], admin: dict[str, str]
) -> None:
    """Platforms may number messages per conversation: the same id from a second number is
    that number's own message (its opt-out recorded), and each one's retry is a duplicate."""
    first = {"message_id": "7", "from": "(415) 555-0220", "to": "+14155550199", "text": "HELP"}
    other = {**first, "from": "(415) 555-0221", "text": "STOP"}
    a = client.post("/v1/inbound", json=first, headers=writer).json()
    b = client.post("/v1/inbound", json=other, headers=writer).json()
    assert a["action"] == "help" and not a["duplicate"]
    assert b["outcome"] == "opted_out" and not b["duplicate"] and b["event_id"]
    assert b["reply"].startswith("Acme: This number is unsubscribed")
    again = client.post("/v1/inbound", json=other, headers=writer).json()
    assert again["duplicate"] and again["event_id"] == b["event_id"]
    assert again["reply"] == b["reply"]
    assert client.post("/v1/inbound", json=first, headers=writer).json()["action"] == "help"
    contact = client.get("/v1/contacts/+14155550221", headers=admin).json()
    assert contact["suppressed"] and [e["kind"] for e in contact["events"]] == ["opt_out"]
    assert not client.get("/v1/contacts/+14155550220", headers=admin).json()["suppressed"]
    # the first number again, to another of our numbers: another conversation, too
    elsewhere = {**first, "to": "+14155550198", "text": "STOP"}
    c = client.post("/v1/inbound", json=elsewhere, headers=writer).json()
    assert c["outcome"] == "opted_out" and not c["duplicate"]
    assert client.get("/v1/contacts/+14155550220", headers=admin).json()["suppressed"]


def test_two_numbers_with_one_message_id_in_one_batch_are_both_recorded(
    graph: Stopline,
) -> None:
    from stopline.domain.inbound import InboundMessage
    from stopline.domain.language import ClassifyContext, classify
    from stopline.services.inbound import InboundCommand

    def command(sender: str, text: str) -> InboundCommand:
        message = InboundMessage(
            "api", "dup-1", sender, "+14155550199", text, datetime.now(UTC), None
        )
        return InboundCommand(message, classify(text, ClassifyContext()), graph.policy)

    batch = [command("+14155550230", "STOP"), command("+14155550231", "STOP")]
    with graph.engine.begin() as conn:
        results = graph.inbound(conn, batch)
    assert [r.duplicate for r in results] == [False, False]
    assert all(r.event_id for r in results) and results[0].event_id != results[1].event_id
    with graph.engine.begin() as conn:
        retried = graph.inbound(conn, list(reversed(batch)))
    assert [r.event_id for r in retried] == [results[1].event_id, results[0].event_id]
    assert all(r.duplicate for r in retried)


@pytest.mark.parametrize("far", ["9999-12-31T23:59:59Z", "9999-12-31T23:00:00-05:00"])
def test_an_opt_out_dated_past_the_calendar_is_recorded_as_of_now(
    client: TestClient, writer: dict[str, str], admin: dict[str, str], far: str
) -> None:
    """CRMs write 9999-12-31 for "forever"; the README promises an opt-out is never refused
    over its time (a black-box tester, 2026-12-05: 422 "must lie between 1970 and 2999")."""
    body = {"number": "+14155550250", "kind": "opt_out", "occurred_at": far}
    recorded = client.post("/v1/consent", json=body, headers=writer)
    assert recorded.status_code == 201, recorded.text
    assert recorded.json()["event"]["occurred_at"] < datetime.now(UTC).isoformat()
    opt_in = client.post("/v1/consent", json={**body, "kind": "opt_in"}, headers=writer)
    assert opt_in.status_code == 422 and "future" in opt_in.text  # an opt-in's time is wrong
    message = {"message_id": f"far-{far}", "from": "+14155550251", "to": "+14155550199"}
    stop = client.post(
        "/v1/inbound", json={**message, "text": "STOP", "received_at": far}, headers=writer
    )
    assert stop.status_code == 200 and stop.json()["outcome"] == "opted_out", stop.text


def test_inbound_reads_a_future_time_as_now_and_takes_long_texts(
    client: TestClient, writer: dict[str, str], admin: dict[str, str]
) -> None:
    ahead = {
        "message_id": "future-1",
        "from": "+14155550240",
        "to": "+14155550199",
        "text": "STOP",
        "received_at": "2999-01-01T00:00:00Z",
    }
    assert client.post("/v1/inbound", json=ahead, headers=writer).json()["outcome"] == "opted_out"
    [event] = client.get("/v1/contacts/+14155550240", headers=admin).json()["events"]
    assert event["occurred_at"] < datetime.now(UTC).isoformat()
    # so the person can come back, by START or through the API
    start = {**ahead, "message_id": "future-2", "text": "START", "received_at": None}
    assert client.post("/v1/inbound", json=start, headers=writer).json()["outcome"] == "opted_in"
    long = {**ahead, "message_id": "long-1", "from": "+14155550241", "received_at": None}
    long["text"] = "STOP " + "x" * 20_000
    answer = client.post("/v1/inbound", json=long, headers=writer)
    assert answer.status_code == 200 and answer.json()["event_id"] is not None


@pytest.mark.parametrize(
    "scope",
    # "sender:abc!!" was stored, yet a check naming that sender is 422 (a black-box tester)
    ["topic:" + "t" * 101, "sender:" + "S" * 65, "topic:\u0000", "topic:a\nb", "sender:abc!!"],
)
def test_a_scope_the_gate_could_never_be_asked_about_is_refused(
    client: TestClient, admin: dict[str, str], scope: str
) -> None:
    body = {"number": "+14155550250", "kind": "opt_out", "scope": scope}
    response = client.post("/v1/consent", json=body, headers=admin)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == "scope"
    longest = {**body, "scope": "topic:" + "t" * 100}
    assert client.post("/v1/consent", json=longest, headers=admin).status_code == 201
    check = {"number": "+14155550250", "topic": "t" * 100}
    assert client.post("/v1/check", json=check, headers=admin).json()["allowed"] is False


def test_batch_entries_that_are_not_strings_are_answered_one_by_one(
    client: TestClient, admin: dict[str, str]
) -> None:
    client.post("/v1/consent", json={"number": "+14155550260", "kind": "opt_out"}, headers=admin)
    numbers = ["(415) 555-0100", "abc", None, 14155550260, True, 1.5, {"n": 1}, "+14155550260"]
    response = client.post("/v1/check/batch", json={"numbers": numbers}, headers=admin)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert len(results) == len(numbers)
    assert [r["allowed"] for r in results] == [
        True,
        False,
        False,
        False,
        False,
        False,
        False,
        False,
    ]
    assert results[3]["number"] == "+14155550260" and results[3]["reason"] == "opted_out"
    for r in (results[1], *results[4:7], results[2]):
        assert r["number"] is None and r["reason"] == "invalid_number"
    # each says what it was, not an "empty" string it never was
    assert [r["input"] for r in (results[2], *results[4:7])] == [
        "<not a phone number: null>",
        "<not a phone number: true>",
        "<not a phone number: a number with a fraction or exponent>",
        "<not a phone number: an object>",
    ]
    negative = client.post("/v1/check/batch", json={"numbers": [-14155550260]}, headers=admin)
    assert negative.json()["results"][0]["reason"] == "invalid_number"


def test_nul_characters_are_stored_as_replacement_characters_not_a_500(
    client: TestClient, writer: dict[str, str], admin: dict[str, str], graph: Stopline
) -> None:
    """PostgreSQL cannot store NUL in text: a message carrying one must still be recorded."""
    from stopline.services.ledger import verify

    inbound = {
        "message_id": "nul\x00id",
        "from": "+14155550270",
        "to": "+14155550199",
        "text": "STOP\x00",
    }
    first = client.post("/v1/inbound", json=inbound, headers=writer)
    assert first.status_code == 200, first.text
    assert first.json()["outcome"] == "opted_out"
    again = client.post("/v1/inbound", json=inbound, headers=writer).json()
    assert again["duplicate"] and again["event_id"] == first.json()["event_id"]
    consent = {"number": "+14155550271", "kind": "opt_out", "text": "a\x00b", "actor": "x\x00"}
    assert client.post("/v1/consent", json=consent, headers=admin).status_code == 201
    [event] = client.get("/v1/contacts/+14155550271", headers=admin).json()["events"]
    assert event["raw_text"] == "a\ufffdb" and event["actor"] == "x\ufffd"
    # evidence: a value's NUL is stored as U+FFFD; a name with one is refused, since its
    # stored form could meet another name and lose that one's value
    named = {"k\x00": "a", "k\ufffd": "other"}
    body = {"number": "+14155550272", "kind": "opt_out", "evidence": named}
    refused = client.post("/v1/consent", json=body, headers=admin)
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"]["field"].startswith("evidence")
    body = {**body, "evidence": {"k": "a\x00b"}}
    assert client.post("/v1/consent", json=body, headers=admin).status_code == 201
    [event] = client.get("/v1/contacts/+14155550272", headers=admin).json()["events"]
    assert event["evidence"] == {"k": "a\ufffdb"}
    with graph.engine.connect() as conn:
        assert verify(conn).problems == []


def test_the_openapi_document_shows_the_answers_clients_meet(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    error = "#/components/schemas/ErrorOut"
    for path, method in (
        ("/v1/check", "post"),
        ("/v1/consent/events", "get"),
        ("/v1/campaigns", "post"),
        ("/v1/review", "get"),
        ("/v1/scrub", "post"),
        ("/v1/senders", "get"),
    ):
        answers = paths[path][method]["responses"]
        for status in ("401", "403", "422", "500", "503"):
            assert answers[status]["content"]["application/json"]["schema"]["$ref"] == error
        # a body over the cap only where there is a body
        assert ("413" in answers) == ("requestBody" in paths[path][method]), (path, method)
    assert "413" not in paths["/v1/review/sweep"]["post"]["responses"]  # a POST with no body
    consent = paths["/v1/consent"]["post"]["responses"]
    assert {"200", "201", "409"} <= set(consent)
    assert "text/plain" in paths["/metrics"]["get"]["responses"]["200"]["content"]
    assert "text/csv" in paths["/v1/scrub"]["post"]["requestBody"]["content"]
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_a_time_given_with_an_offset_is_answered_in_utc_as_every_later_read_shows_it(
    client: TestClient, admin: dict[str, str]
) -> None:
    body = {"number": "+14155550270", "kind": "opt_out", "occurred_at": "2026-01-01T10:00:00+05:00"}
    made = client.post("/v1/consent", json=body, headers=admin)
    assert made.status_code == 201, made.text
    [event] = client.get("/v1/contacts/+14155550270", headers=admin).json()["events"]
    assert made.json()["event"]["occurred_at"] == event["occurred_at"] == "2026-01-01T05:00:00Z"


def test_a_stop_sent_before_an_opt_out_made_elsewhere_but_recorded_after_it_is_the_one_confirmed(
    client: TestClient, writer: dict[str, str], admin: dict[str, str]
) -> None:
    """A texted STOP that arrives late (sent before the CRM's opt-out, recorded after it)
    gets the one confirmation; the next STOP must not get a second one."""
    made = client.post(
        "/v1/consent",
        json={"number": "+14155550142", "kind": "opt_out", "source": "crm"},
        headers=admin,
    )
    assert made.status_code == 201, made.text
    late = (datetime.now(UTC) - timedelta(minutes=2)).isoformat()
    stop = {"from": "+14155550142", "to": "+14155550199", "text": "STOP"}
    first = client.post(
        "/v1/inbound", json={**stop, "message_id": "late-1", "received_at": late}, headers=writer
    ).json()
    assert first["reply"] and "unsubscribed" in first["reply"]
    for mid in ("rx-2", "rx-3"):
        again = client.post("/v1/inbound", json={**stop, "message_id": mid}, headers=writer)
        assert again.status_code == 200 and again.json()["reply"] is None, again.text


def test_a_number_exported_by_a_spreadsheet_is_the_same_person_everywhere(
    client: TestClient, admin: dict[str, str]
) -> None:
    """ "5095550400.0" is +15095550400 when recorded, checked, batch-checked and looked up."""
    answer = client.post(
        "/v1/consent",
        json={"number": "5095550400.0", "kind": "opt_out", "source": "crm"},
        headers=admin,
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["number"] == "+15095550400"
    for written in ("+15095550400", "5095550400.0", "(509) 555-0400"):
        check = client.post("/v1/check", json={"number": written}, headers=admin).json()
        assert check["allowed"] is False, (written, check)
    batch = client.post(
        "/v1/check/batch", json={"numbers": ["5095550400.0", "5095550401.0"]}, headers=admin
    ).json()["results"]
    assert [r["allowed"] for r in batch] == [False, True]
    assert client.get("/v1/contacts/5095550400.0", headers=admin).json()["suppressed"] is True


def test_a_database_that_cannot_be_reached_is_503_with_retry_after(
    client: TestClient, admin: dict[str, str], graph: Stopline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not 500: nothing was decided, and a client may retry (fifth acceptance test)."""
    from sqlalchemy import create_engine

    gone = create_engine("sqlite:////nonexistent-stopline-dir/gone.db")
    monkeypatch.setattr(graph, "engine", gone)
    served = TestClient(client.app, raise_server_exceptions=False)  # as a real server answers
    answer = served.get("/v1/contacts/+14155550100", headers=admin)
    assert answer.status_code == 503, answer.text
    assert answer.json()["error"]["code"] == "database_unavailable"
    assert answer.headers["retry-after"] == "5"


def test_every_instant_is_written_in_utc_with_z_alike(
    client: TestClient, admin: dict[str, str]
) -> None:
    """check, batch, suppressions and the contact's events write an opt-out's time the same
    way (a client comparing them as text must not see ``+00:00`` in one and ``Z`` in another)."""
    at = "2026-03-01T09:30:00-05:00"
    stop = {"number": "+14155550177", "kind": "opt_out", "occurred_at": at}
    assert client.post("/v1/consent", json=stop, headers=admin).status_code == 201
    single = client.post("/v1/check", json={"number": "+14155550177"}, headers=admin).json()
    batch = client.post("/v1/check/batch", json={"numbers": ["4155550177"]}, headers=admin).json()[
        "results"
    ][0]
    listed = client.get("/v1/suppressions", headers=admin).json()
    row = next(s for s in listed["items"] if s["number"] == "+14155550177")
    contact = client.get("/v1/contacts/+14155550177", headers=admin).json()
    texts = {single["since"], batch["since"], row["since"], contact["events"][0]["occurred_at"]}
    assert texts == {"2026-03-01T14:30:00Z"}, texts


def test_utc_text_writes_z_and_reads_naive_times_as_utc() -> None:
    from stopline.domain.instants import utc_text

    assert utc_text(datetime(2026, 1, 5, 12, tzinfo=UTC)) == "2026-01-05T12:00:00Z"
    assert utc_text(datetime(2026, 1, 5, 12, 0, 0, 5)) == "2026-01-05T12:00:00.000005Z"
    east = datetime(2026, 1, 5, 13, tzinfo=UTC).astimezone(timezone(timedelta(hours=1)))
    assert utc_text(east) == "2026-01-05T13:00:00Z"


def test_a_contact_number_written_with_slashes_is_found(
    client: TestClient, admin: dict[str, str]
) -> None:
    """Numbers are sometimes written 415/555/0100; in a path (plain or %2F) that is still
    the number, not a missing route."""
    stop = {"number": "+14155550178", "kind": "opt_out"}
    assert client.post("/v1/consent", json=stop, headers=admin).status_code == 201
    for path in ("/v1/contacts/415/555/0178", "/v1/contacts/415%2F555%2F0178"):
        found = client.get(path, headers=admin)
        assert found.status_code == 200, (path, found.text)
        assert found.json()["number"] == "+14155550178" and found.json()["suppressed"] is True
    wrong = client.get("/v1/contacts/415/555", headers=admin)
    assert wrong.status_code == 422 and wrong.json()["error"]["field"] == "number"


def test_a_contact_shows_the_newest_messages_and_counts_them_all(
    client: TestClient, admin: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from stopline.api import consent

    monkeypatch.setattr(consent, "CONTACT_MESSAGES", 3)
    for i, text in enumerate(["hi", "what?", "STOP", "stop", "STOP!!"]):
        body = {"message_id": f"m{i}", "from": "+14155550179", "to": "+14155550199", "text": text}
        assert client.post("/v1/inbound", json=body, headers=admin).status_code == 200
    contact = client.get("/v1/contacts/4155550179", headers=admin).json()
    assert contact["messages_total"] == 5
    assert [m["text"] for m in contact["messages"]] == ["STOP", "stop", "STOP!!"]
    assert [m["outcome"] for m in contact["messages"]] == [
        "opted_out",
        "already_opted_out",
        "already_opted_out",
    ]
    assert len(contact["events"]) == 1
    assert client.get("/v1/contacts/+14155550100", headers=admin).json()["messages"] == []


@pytest.mark.parametrize(
    "path", ["/v1/consent", "/v1/inbound", "/v1/campaigns", "/v1/senders", "/v1/sends"]
)
def test_the_key_is_judged_before_the_body(
    client: TestClient, checker: dict[str, str], path: str
) -> None:
    """FastAPI decodes a JSON body before any dependency runs: without a usable key a
    caller must learn that it may not call the route (401/403), not what its body lacks."""
    garbage = {"Content-Type": "application/json"}
    missing = client.post(path, content=b"garbage", headers=garbage)
    assert missing.status_code == 401 and missing.json()["error"]["code"] == "unauthorized"
    unknown = client.post(path, content=b"{", headers={**garbage, "Authorization": "Bearer x"})
    assert unknown.status_code == 401
    weak = client.post(path, content=b"garbage", headers={**garbage, **checker})
    assert weak.status_code == 403 and weak.json()["error"]["code"] == "forbidden"
    # a key that may call the route still gets the body's own error
    allowed = client.post("/v1/check", content=b"garbage", headers={**garbage, **checker})
    assert allowed.status_code == 422 and allowed.json()["error"]["code"] == "invalid_json"


def test_an_opt_in_lifts_opt_outs_stored_under_an_earlier_spelling_of_its_scope(
    client: TestClient, admin: dict[str, str], graph: Stopline
) -> None:
    """Sender IDs were stored as written ("sender:Acme") and topics before NFKC folding as
    typed ("topic:ｐｒｏｍｏ"): those opt-outs keep blocking, and an opt-in at the folded
    scope must lift them too, or they could never be lifted again."""
    from stopline.domain.consent import ConsentDraft, Kind, Scope, ScopeKind, Source
    from stopline.services.ledger import record

    n = "+14155550144"
    legacy = [Scope(ScopeKind.SENDER, "Acme"), Scope(ScopeKind.TOPIC, "ｐｒｏｍｏ")]
    then = datetime.now(UTC) - timedelta(minutes=5)
    with graph.engine.begin() as conn:
        record(conn, [ConsentDraft(n, Kind.OPT_OUT, Source.API, then, s) for s in legacy], then)

    def allowed(**extra: str) -> bool:
        body = {"number": n, **extra}
        return bool(client.post("/v1/check", json=body, headers=admin).json()["allowed"])

    assert not allowed(sender="Acme") and not allowed(topic="ｐｒｏｍｏ")
    for scope in ("sender:ACME", "topic:promo"):
        lifted = client.post(
            "/v1/consent", json={"number": n, "kind": "opt_in", "scope": scope}, headers=admin
        )
        assert lifted.status_code in (200, 201), lifted.text
    assert allowed(sender="Acme") and allowed(sender="ACME") and allowed(topic="ｐｒｏｍｏ")
    contact = client.get(f"/v1/contacts/{n}", headers=admin).json()
    assert not contact["suppressed"]
    opt_ins = sorted(e["scope"] for e in contact["events"] if e["kind"] == "opt_in")
    assert opt_ins == ["sender:ACME", "sender:Acme", "topic:promo", "topic:ｐｒｏｍｏ"]
    listed = client.get("/v1/suppressions", params={"number": n}, headers=admin).json()
    assert [i for i in listed["items"] if i["number"] == n] == []


def test_a_sender_that_can_be_no_address_is_refused_not_checked_silently(
    client: TestClient, admin: dict[str, str]
) -> None:
    """A black-box tester: `sender: "abc!!"` matched no sender-scoped opt-out and answered
    "allowed"; a typo in the sender then skipped that sender's opt-outs. A blank sender
    still means none."""
    opt_out = {"number": "+14155550123", "kind": "opt_out", "scope": "sender:+14155550199"}
    assert client.post("/v1/consent", json=opt_out, headers=admin).status_code == 201
    for route, body in (
        ("/v1/check", {"number": "+14155550123"}),
        ("/v1/check/batch", {"numbers": ["+14155550123"]}),
    ):
        bad = client.post(route, json={**body, "sender": "abc!!"}, headers=admin)
        assert bad.status_code == 422, bad.text
        assert bad.json()["error"]["field"] == "sender"
        assert bad.json()["error"]["message"].startswith("sender: ")
        blank = client.post(route, json={**body, "sender": " "}, headers=admin)
        assert blank.status_code == 200, blank.text
        scoped = client.post(route, json={**body, "sender": "(415) 555-0199"}, headers=admin)
        assert scoped.status_code == 200, scoped.text
        answer = scoped.json()
        assert (answer["results"][0] if "results" in answer else answer)["allowed"] is False
    scrub = client.post(
        "/v1/scrub?sender=abc!!",
        content=b"phone\n+14155550123\n",
        headers={**admin, "Content-Type": "text/csv"},
    )
    assert scrub.status_code == 422 and scrub.json()["error"]["field"] == "sender", scrub.text


def test_a_topic_with_invisible_characters_is_the_same_topic(
    client: TestClient, admin: dict[str, str]
) -> None:
    """A black-box tester (2026-12-05): a check about "promo" with a zero-width space (or a
    word joiner, a BOM, a soft hyphen) pasted in was allowed for a number opted out of
    promo, and an opt-out of such a topic blocked nothing."""
    stop = {"number": "+14155550401", "kind": "opt_out", "scope": "topic:promo"}
    assert client.post("/v1/consent", json=stop, headers=admin).status_code == 201
    for topic in ("promo\u200b", "pro\u00admo", "\ufeffpromo", "promo\u2060"):
        body = {"number": "+14155550401", "topic": topic}
        answer = client.post("/v1/check", json=body, headers=admin).json()
        assert answer["allowed"] is False, (topic, answer)
    hidden = {"number": "+14155550402", "kind": "opt_out", "scope": "topic:promo\u200b"}
    assert client.post("/v1/consent", json=hidden, headers=admin).status_code == 201
    body = {"number": "+14155550402", "topic": "promo"}
    assert client.post("/v1/check", json=body, headers=admin).json()["allowed"] is False
