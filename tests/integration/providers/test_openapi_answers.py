"""Every answer a client meets is the one the OpenAPI document declares: its status, its media
type and (for JSON) its schema, extra fields refused where the document says so. Clients
generated from /openapi.json (openapi-python-client and the like) raise on a status they do
not know and parse bodies by the declared schema, so a route that answers otherwise breaks
them. The routes write their answers themselves (orjson), so only this test ties the two."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from jsonschema import Draft202012Validator

from tests.provider_payloads import OURS, twilio_stop

SENDER = OURS


class Spec:
    def __init__(self, client: TestClient) -> None:
        self.document: dict[str, Any] = client.get("/openapi.json").json()
        self.seen: set[tuple[str, str, str]] = set()

    def check(self, response: Response, method: str, path: str) -> Response:
        """Assert ``response`` (to ``method`` ``path``, the path as the document writes it)
        is declared; return it for the test's own assertions."""
        operation = self.document["paths"][path][method.lower()]
        status = str(response.status_code)
        where = f"{method} {path} -> {status}: {response.text[:300]}"
        assert status in operation["responses"], f"undeclared status: {where}"
        content = operation["responses"][status].get("content")
        assert content, f"declared without a body: {where}"
        media = response.headers["content-type"].split(";")[0].strip()
        assert media in content, f"undeclared media type {media} ({sorted(content)}): {where}"
        schema = content[media].get("schema")
        assert schema, f"declared without a schema: {where}"
        if media == "application/json":
            validator = Draft202012Validator({**schema, "components": self.document["components"]})
            problems = [e.message for e in validator.iter_errors(response.json())]
            assert not problems, f"{where}\n" + "\n".join(problems[:5])
        self.seen.add((method.upper(), path, status))
        return response


@pytest.fixture
def spec(client: TestClient) -> Spec:
    return Spec(client)


def test_every_answer_is_the_one_the_openapi_document_declares(
    client: TestClient, spec: Spec, admin: dict[str, str], writer: dict[str, str]
) -> None:
    c, k = client, admin
    spec.check(c.get("/healthz"), "GET", "/healthz")
    spec.check(c.get("/v1/senders"), "GET", "/v1/senders")  # no key: 401

    # senders
    body = {"address": SENDER, "provider": "twilio", "brand": "Acme"}
    assert spec.check(c.post("/v1/senders", json=body, headers=k), "POST", "/v1/senders").is_success
    again = spec.check(c.post("/v1/senders", json=body, headers=k), "POST", "/v1/senders")
    assert again.status_code == 409
    odd = {"address": "not a number!!", "provider": "console"}
    assert (
        spec.check(c.post("/v1/senders", json=odd, headers=k), "POST", "/v1/senders").status_code
        == 422
    )
    spec.check(c.get("/v1/senders", headers=k), "GET", "/v1/senders")

    # checks, consent, contacts, suppressions, the feed, inbound
    blocked = "+14155550123"
    made = c.post("/v1/consent", json={"number": blocked, "kind": "opt_out"}, headers=k)
    assert spec.check(made, "POST", "/v1/consent").status_code == 201
    same = c.post("/v1/consent", json={"number": blocked, "kind": "opt_out"}, headers=k)
    assert spec.check(same, "POST", "/v1/consent").status_code == 200
    spec.check(c.post("/v1/check", json={"number": 14155550123}, headers=k), "POST", "/v1/check")
    bad = c.post("/v1/check", json={"number": "abc"}, headers=k)
    assert spec.check(bad, "POST", "/v1/check").status_code == 422
    batch = {"numbers": ["+14155550123", 14155550124, "nope", None]}
    spec.check(c.post("/v1/check/batch", json=batch, headers=k), "POST", "/v1/check/batch")
    spec.check(c.get(f"/v1/contacts/{blocked}", headers=k), "GET", "/v1/contacts/{number}")
    spec.check(c.get("/v1/suppressions", headers=k), "GET", "/v1/suppressions")
    spec.check(c.get("/v1/consent/events", headers=k), "GET", "/v1/consent/events")
    message = {"message_id": "m1", "from": "+14155550130", "to": SENDER, "text": "not interested"}
    spec.check(c.post("/v1/inbound", json=message, headers=writer), "POST", "/v1/inbound")
    # an opt-out texted to an empty or unreadable address is still recorded (never lost)
    nowhere = {**message, "message_id": "m2", "from": "+14155550131", "to": "", "text": "STOP"}
    kept = c.post("/v1/inbound", json=nowhere, headers=writer)
    assert spec.check(kept, "POST", "/v1/inbound").json()["outcome"] == "opted_out"

    # the Twilio webhook: TwiML, or an error in the usual shape
    form, headers = twilio_stop("SM" + "1" * 32)
    answer = c.post("/webhooks/twilio", content=form, headers=headers)
    assert spec.check(answer, "POST", "/webhooks/twilio").status_code == 200
    forged = c.post(
        "/webhooks/twilio", content=form, headers={**headers, "X-Twilio-Signature": "x"}
    )
    assert spec.check(forged, "POST", "/webhooks/twilio").status_code == 403

    # the review queue
    items = spec.check(c.get("/v1/review", headers=k), "GET", "/v1/review").json()["items"]
    item = items[0]["id"]
    spec.check(c.get(f"/v1/review/{item}", headers=k), "GET", "/v1/review/{item_id}")
    missing = c.get("/v1/review/999999", headers=k)
    assert spec.check(missing, "GET", "/v1/review/{item_id}").status_code == 404
    decide = {"decision": "opt-out", "actor": "ana"}  # the CLI's spelling is read too
    path = "/v1/review/{item_id}/decision"
    spec.check(c.post(f"/v1/review/{item}/decision", json=decide, headers=k), "POST", path)
    twice = c.post(f"/v1/review/{item}/decision", json=decide, headers=k)
    assert spec.check(twice, "POST", path).status_code == 409
    nothing = c.post("/v1/review/999999/decision", json=decide, headers=k)
    assert spec.check(nothing, "POST", path).status_code == 404
    spec.check(c.post("/v1/review/sweep", headers=k), "POST", "/v1/review/sweep")

    # scrub: CSV in, CSV out, as text/csv or as a generated client's file upload
    csv = b"phone,name\n+14155550123,a\n+14155550140,b\n"
    for media in ("text/csv", "application/octet-stream"):
        scrubbed = c.post("/v1/scrub", content=csv, headers={**k, "Content-Type": media})
        assert spec.check(scrubbed, "POST", "/v1/scrub").text.splitlines() == [
            "phone,name",
            "+14155550140,b",
        ]
    as_json = c.post("/v1/scrub", json={"csv": "x"}, headers=k)
    assert spec.check(as_json, "POST", "/v1/scrub").status_code == 415

    # one message, sent and blocked
    send = {"to": "+14155550150", "text": "Your order shipped", "sender": SENDER}
    assert (
        spec.check(c.post("/v1/messages", json=send, headers=k), "POST", "/v1/messages").status_code
        == 202
    )
    stopped = c.post("/v1/messages", json={**send, "to": blocked}, headers=k)
    assert spec.check(stopped, "POST", "/v1/messages").status_code == 409

    # campaigns
    campaign = {
        "name": "spring",
        "sender": "+1 415 555 0199",
        "template": "Acme: spring sale, 20% off today. Reply STOP to opt out.",
        "numbers": ["+14155550160", "bad"],
    }
    spec.check(c.post("/v1/campaigns", json=campaign, headers=k), "POST", "/v1/campaigns")
    taken = c.post("/v1/campaigns", json=campaign, headers=k)
    assert spec.check(taken, "POST", "/v1/campaigns").status_code == 409
    spec.check(c.get("/v1/campaigns", headers=k), "GET", "/v1/campaigns")
    spec.check(c.get("/v1/campaigns/spring", headers=k), "GET", "/v1/campaigns/{ref}")
    unknown = c.get("/v1/campaigns/nope", headers=k)
    assert spec.check(unknown, "GET", "/v1/campaigns/{ref}").status_code == 404
    assert unknown.json()["error"]["field"] == "ref"  # the path parameter's name
    more = {"numbers": ["+14155550161", 14155550162]}  # a JSON integer, as everywhere
    audience = c.post("/v1/campaigns/spring/audience", json=more, headers=k)
    assert spec.check(audience, "POST", "/v1/campaigns/{ref}/audience").json()["added"] == 2
    spec.check(
        c.get("/v1/campaigns/spring/preview", headers=k), "GET", "/v1/campaigns/{ref}/preview"
    )
    draft_pause = c.post("/v1/campaigns/spring/pause", headers=k)
    assert spec.check(draft_pause, "POST", "/v1/campaigns/{ref}/pause").status_code == 409
    spec.check(c.post("/v1/campaigns/spring/send", headers=k), "POST", "/v1/campaigns/{ref}/send")
    in_use = c.delete(f"/v1/senders/{SENDER}", headers=k)
    assert spec.check(in_use, "DELETE", "/v1/senders/{address}").status_code == 409
    spec.check(c.post("/v1/campaigns/spring/pause", headers=k), "POST", "/v1/campaigns/{ref}/pause")
    spec.check(
        c.post("/v1/campaigns/spring/cancel", headers=k), "POST", "/v1/campaigns/{ref}/cancel"
    )

    # sends reported from outside, insight
    sent = {"campaign": "outside", "number": "+14155550170", "sent_at": "2026-01-05T10:00:00Z"}
    good = c.post("/v1/sends", json={"sends": [{**sent, "sender": SENDER}]}, headers=k)
    assert spec.check(good, "POST", "/v1/sends").status_code == 200
    refused = c.post("/v1/sends", json={"sends": [{**sent, "number": "abc"}]}, headers=k)
    assert spec.check(refused, "POST", "/v1/sends").status_code == 422
    malformed = c.post("/v1/sends", json={"sends": []}, headers=k)
    assert spec.check(malformed, "POST", "/v1/sends").status_code == 422
    spec.check(c.get("/v1/events", headers=k), "GET", "/v1/events")
    spec.check(c.get("/v1/reports/campaigns", headers=k), "GET", "/v1/reports/campaigns")

    # unregistering: the address as registered comes back
    written = "(415) 555-0199"
    removed = c.delete(f"/v1/senders/{written}", headers=k)
    assert spec.check(removed, "DELETE", "/v1/senders/{address}").json() == {"removed": SENDER}
    gone = c.delete(f"/v1/senders/{written}", headers=k)
    assert spec.check(gone, "DELETE", "/v1/senders/{address}").status_code == 404

    assert len(spec.seen) >= 45, sorted(spec.seen)  # every step above ran


def test_an_alphanumeric_sender_id_is_one_sender_in_any_case(
    client: TestClient, admin: dict[str, str]
) -> None:
    """As sender scopes compare them: "ZETA" names the sender registered as "Zeta", which
    sends as registered (IDs such as messaging service SIDs are case-sensitive)."""
    body = {"address": "Zeta", "provider": "console", "brand": "ZetaBrand"}
    assert client.post("/v1/senders", json=body, headers=admin).status_code == 201
    other = {**body, "address": "ZETA", "brand": "Other"}
    taken = client.post("/v1/senders", json=other, headers=admin)
    assert taken.status_code == 409, taken.text
    assert taken.json()["error"]["message"] == "address: ZETA is already registered (as Zeta)"
    send = {"to": "+14155550180", "text": "Your order shipped", "sender": "ZETA"}
    answer = client.post("/v1/messages", json=send, headers=admin)
    assert answer.status_code == 202, answer.text
    removed = client.delete("/v1/senders/zeta", headers=admin)
    assert removed.json() == {"removed": "Zeta"}, removed.text


@pytest.mark.parametrize("brand", ["Ac\x01me", "A&B <Co> \u0001", "Tab\tBrand", "x" * 101])
def test_a_brand_that_cannot_open_a_reply_is_refused(
    client: TestClient, admin: dict[str, str], brand: str
) -> None:
    body = {"address": "+14155553400", "provider": "console", "brand": brand}
    answer = client.post("/v1/senders", json=body, headers=admin)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["field"] == "brand"


@pytest.mark.parametrize(
    "address",
    ["not a number!!", "", "   ", "---", "acme<script>", "MG123\x00", "Café", "ＡＣＭＥ"],
)
def test_a_sender_address_that_is_no_address_is_refused(
    client: TestClient, admin: dict[str, str], address: str
) -> None:
    body = {"address": address, "provider": "console"}
    answer = client.post("/v1/senders", json=body, headers=admin)
    assert answer.status_code == 422, answer.text
    error = answer.json()["error"]
    assert error["field"] == "address" and error["message"].startswith("address: ")
    assert client.get("/v1/senders", headers=admin).json()["items"] == []


@pytest.mark.parametrize(
    "address",
    [
        "+1 (415) 555-0199",
        "＋１ ４１５ ５５５ ０１９９",  # a number in full-width digits is still a number
        "12345",
        "Acme Co.",
        "MG" + "a1" * 16,
        "B&Q",
        "O'Reilly",
    ],
)
def test_every_kind_of_sender_address_is_accepted(
    client: TestClient, admin: dict[str, str], address: str
) -> None:
    answer = client.post(
        "/v1/senders", json={"address": address, "provider": "console"}, headers=admin
    )
    assert answer.status_code == 201, answer.text
