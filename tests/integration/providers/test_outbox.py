"""The outbox: REST replies written with the inbound message, delivered after commit with
retries, backoff, dead-lettering and exactly-once delivery through idempotency keys."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from stopline import bootstrap
from stopline.api.app import create_app
from stopline.bootstrap import Stopline, utc_now
from stopline.config import Settings
from stopline.providers.fakes.server import FakeProviders
from stopline.services.outbox import OutboxWorker
from stopline.storage import outbox as repo
from stopline.storage.tables import outbox
from tests.integration.providers.conftest import fake_requests
from tests.provider_payloads import PERSON, telnyx_stop


def rows(graph: Stopline) -> list[dict[str, Any]]:
    with graph.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(outbox).order_by(outbox.c.id))]


def telnyx(client: TestClient, mid: str, text: str = "STOP") -> None:
    body, headers = telnyx_stop(mid, text)
    assert client.post("/webhooks/telnyx", content=body, headers=headers).status_code == 200


def worker(graph: Stopline, **options: Any) -> OutboxWorker:
    outbound = graph.messaging.outbound
    defaults: dict[str, Any] = {"backoff": 0.0, "max_attempts": 3}
    return OutboxWorker(
        graph.engine,
        outbound.deliver,
        utc_now,
        on_opted_out=outbound.record_refusal,
        **(defaults | options),
    )


def test_the_reply_row_is_committed_with_the_message_and_sent_after(
    client: TestClient, graph: Stopline, fake: FakeProviders, admin: dict[str, str]
) -> None:
    telnyx(client, "T-1")
    [row] = rows(graph)
    assert row["status"] == "pending" and row["to_number"] == PERSON
    assert row["sender"] == "+14155550199" and "unsubscribed" in row["body"]
    assert fake_requests(fake) == []  # nothing leaves before the worker runs
    [event] = client.get(f"/v1/contacts/{PERSON}", headers=admin).json()["events"]
    waiting = event["confirmation"]
    assert (waiting["via"], waiting["status"], waiting["at"]) == ("outbox", "pending", None)
    assert graph.messaging.outbox.drain().sent == 1
    [row] = rows(graph)
    assert row["status"] == "sent" and row["provider_message_id"] and row["attempts"] == 1
    [event] = client.get(f"/v1/contacts/{PERSON}", headers=admin).json()["events"]
    sent = event["confirmation"]
    assert sent["text"] == row["body"] and sent["status"] == "sent" and sent["at"]


def test_failures_are_retried_with_the_same_idempotency_key(
    client: TestClient, graph: Stopline, fake: FakeProviders
) -> None:
    httpx.post(f"{fake.url}/_fake/fail", json={"count": 2, "status": 503})
    telnyx(client, "T-2")
    stats = worker(graph).drain()
    assert (stats.retried, stats.sent) == (2, 1)
    log = fake_requests(fake)
    assert [bool(r.get("failed")) for r in log] == [True, True, False]
    assert {r["idempotency_key"] for r in log} == {"reply:telnyx:T-2"}
    [row] = rows(graph)
    assert row["status"] == "sent" and row["attempts"] == 3


@pytest.mark.parametrize("mid", ["msg-ü382", "tx\x00479", "T-" + "9" * 300])
def test_a_message_id_that_cannot_be_a_header_still_gets_its_confirmation_once(
    client: TestClient, graph: Stopline, fake: FakeProviders, mid: str
) -> None:
    """The reply's idempotency key holds the provider's message id, any text it chose: a
    key that is not printable ASCII goes out as a digest, stable across retries."""
    httpx.post(f"{fake.url}/_fake/fail", json={"count": 1, "status": 503})
    telnyx(client, mid)
    assert worker(graph).drain().sent == 1
    log = fake_requests(fake)
    assert len(log) == 2 and len({r["idempotency_key"] for r in log}) == 1
    assert all(" " <= c <= "~" for c in log[0]["idempotency_key"])
    [row] = rows(graph)
    assert row["status"] == "sent"


def test_backoff_doubles_and_rows_are_dead_lettered_after_the_last_attempt(
    client: TestClient, graph: Stopline, fake: FakeProviders
) -> None:
    httpx.post(f"{fake.url}/_fake/fail", json={"count": 100, "status": 503})
    telnyx(client, "T-3")
    slow = worker(graph, backoff=30.0)
    assert slow.run_once().retried == 1
    [row] = rows(graph)
    delay = (row["next_attempt_at"] - utc_now()).total_seconds()
    assert 20 < delay <= 30 and row["status"] == "pending" and "503" in row["last_error"]
    with graph.engine.begin() as conn:  # make it due again
        conn.execute(outbox.update().values(next_attempt_at=utc_now()))
    assert slow.run_once().retried == 1
    [row] = rows(graph)
    assert 50 < (row["next_attempt_at"] - utc_now()).total_seconds() <= 60
    with graph.engine.begin() as conn:
        conn.execute(outbox.update().values(next_attempt_at=utc_now()))
    assert slow.run_once().dead == 1
    [row] = rows(graph)
    assert row["status"] == "dead" and row["attempts"] == 3
    with graph.engine.begin() as conn:
        assert repo.requeue_dead(conn, utc_now()) == 1
    httpx.post(f"{fake.url}/_fake/fail", json={"count": 0})
    assert worker(graph).drain().sent == 1


def test_a_refusal_that_will_not_change_is_dead_lettered_at_once(
    client: TestClient, graph: Stopline, fake: FakeProviders, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stopline.providers.base import Account

    telnyx(client, "T-4")
    monkeypatch.setattr(
        graph.messaging.accounts,
        "get",
        lambda provider, name=None: Account(provider, "wrong", {"api_key": "not-the-key"}),
    )
    assert worker(graph, max_attempts=8).drain().dead == 1
    [row] = rows(graph)
    assert row["status"] == "dead" and row["attempts"] == 1 and "401" in row["last_error"]


def test_a_worker_that_died_mid_send_is_taken_over_and_the_provider_sees_one_message(
    client: TestClient, graph: Stopline, fake: FakeProviders
) -> None:
    telnyx(client, "T-5")
    with graph.engine.begin() as conn:
        [claimed] = repo.claim(conn, utc_now(), 10, timedelta(seconds=60))
    # The first worker sent it, then died before recording that it had.
    assert graph.messaging.outbound.deliver(claimed).accepted
    assert worker(graph).run_once().sent == 0  # still leased to the dead worker
    later = worker(graph)
    later._clock = lambda: utc_now() + timedelta(seconds=61)  # the lease has run out
    assert later.run_once().sent == 1
    log = fake_requests(fake)
    assert [r["replayed"] for r in log] == [False, True]
    assert len({r["idempotency_key"] for r in log}) == 1
    [row] = rows(graph)
    assert row["status"] == "sent" and row["attempts"] == 2


def test_postgres_workers_skip_rows_another_worker_holds(
    client: TestClient, graph: Stopline, database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has one writer at a time: claims serialise, nothing to skip")
    telnyx(client, "T-6")
    with graph.engine.connect() as first, graph.engine.connect() as second:
        with first.begin():
            mine = repo.claim(first, utc_now(), 10, timedelta(seconds=60))
            with second.begin():
                theirs = repo.claim(second, utc_now(), 10, timedelta(seconds=60))
        assert len(mine) == 1 and theirs == []


def test_a_provider_that_still_blocks_the_number_turns_the_reply_into_evidence(
    client: TestClient, graph: Stopline, fake: FakeProviders, admin: dict[str, str]
) -> None:
    httpx.post(f"{fake.url}/_fake/opted-out", json={"numbers": [PERSON]})
    telnyx(client, "T-7", "START")  # Stopline records the opt-in and wants to confirm it
    assert worker(graph).drain().dead == 1
    [row] = rows(graph)
    assert row["status"] == "dead" and "opted out" in row["last_error"]
    events = client.get(f"/v1/contacts/{PERSON}", headers=admin).json()["events"]
    assert [e["kind"] for e in events] == ["opt_in", "opt_out"]
    signal = events[-1]
    assert signal["source"] == "provider_signal" and signal["evidence"]["code"] == "40300"
    assert signal["evidence"]["via"] == "send_error"


def test_providers_that_answer_stop_themselves_get_no_second_reply(
    client: TestClient, graph: Stopline, fake: FakeProviders
) -> None:
    graph.messaging.silent = frozenset({"telnyx"})
    telnyx(client, "T-8")
    assert rows(graph) == []
    assert graph.messaging.outbox.drain().sent == 0
    from stopline.storage.tables import inbound_messages

    with graph.engine.connect() as conn:
        stored = conn.execute(select(inbound_messages.c.outcome, inbound_messages.c.reply_text))
        assert [tuple(r) for r in stored] == [("opted_out", None)]


def test_the_twilio_reply_setting_leaves_other_silent_providers_silent(
    settings: Settings, fake: FakeProviders
) -> None:
    """STOPLINE_TWILIO_REPLY_WHEN_PROVIDER_HANDLED makes Stopline confirm what Twilio's
    Advanced Opt-Out answered; a Telnyx STOP that Telnyx answered still gets nothing."""
    loud = bootstrap.build(settings.model_copy(update={"twilio_reply_when_provider_handled": True}))
    try:
        loud.messaging.silent = frozenset({"telnyx"})
        with TestClient(create_app(app_graph=loud), base_url="https://sms.example.com") as c:
            telnyx(c, "T-9")
        assert rows(loud) == [] and loud.messaging.outbox.drain().sent == 0
        assert fake_requests(fake) == []
    finally:
        loud.close()


def test_a_silent_provider_only_answered_its_exact_keywords(
    client: TestClient, graph: Stopline, fake: FakeProviders
) -> None:
    """Providers match whole-body keywords only: anything else still gets Stopline's one
    confirmation, through the provider's REST API."""
    graph.messaging.silent = frozenset({"telnyx"})
    telnyx(client, "T-20", "Stop. Thank you")
    assert graph.messaging.outbox.drain().sent == 1
    [request] = fake.state.requests  # type: ignore[attr-defined]
    assert "unsubscribed" in str(request["body"])


def test_a_row_taken_over_while_its_batch_waited_is_not_sent_twice(
    client: TestClient, graph: Stopline, fake: FakeProviders
) -> None:
    telnyx(client, "T-30")
    slow = worker(graph)
    with graph.engine.begin() as conn:
        claimed = repo.claim(conn, utc_now(), 10, timedelta(seconds=60))
    # while the slow worker was busy with earlier rows, its lease ran out and another
    # worker claimed the row (the attempt count moves on)
    with graph.engine.begin() as conn:
        [taken] = repo.claim(conn, utc_now() + timedelta(seconds=61), 10, timedelta(seconds=60))
        assert not repo.renew(conn, claimed[0], utc_now(), timedelta(seconds=60))
    assert taken.attempts == claimed[0].attempts + 1
    assert slow.run_once().sent == 0  # nothing due for the slow worker any more
    assert fake_requests(fake) == []


def test_a_reply_goes_back_through_the_provider_the_message_came_from(
    client: TestClient, graph: Stopline, fake: FakeProviders, admin: dict[str, str]
) -> None:
    """A sender registered with another provider (ported, or a registry out of date): the
    provider that just delivered the message hosts the number, so the confirmation goes back
    through it (where it has credentials), not through one that would refuse it."""
    sender = {"address": "+14155550199", "provider": "bandwidth", "brand": "Beta"}
    assert client.post("/v1/senders", json=sender, headers=admin).status_code == 201
    telnyx(client, "T-PORTED")
    [row] = rows(graph)
    assert row["provider"] == "telnyx" and row["account"] is None
    assert "Beta" in row["body"]  # the sender's brand still applies
    assert graph.messaging.outbox.drain().sent == 1


def test_registering_a_sender_whose_credentials_are_missing_says_so(
    client: TestClient, admin: dict[str, str]
) -> None:
    """The API registers the sender (credentials may be added to the secrets file later) but
    says, as the CLI does, that its replies and sends will fail until they are."""
    missing = {"address": "+14155550198", "provider": "sinch", "account": "nosuch"}
    answer = client.post("/v1/senders", json=missing, headers=admin)
    assert answer.status_code == 201
    [warning] = answer.json()["warnings"]
    assert "nosuch" in warning and "will fail until set" in warning
    present = {"address": "+14155550197", "provider": "telnyx"}
    answer = client.post("/v1/senders", json=present, headers=admin)
    assert answer.status_code == 201 and answer.json()["warnings"] == []


def test_a_message_that_names_no_recipient_is_recorded_and_queues_no_reply(
    client: TestClient, graph: Stopline, admin: dict[str, str]
) -> None:
    """A REST reply needs an address of ours to send from: a Telnyx STOP whose ``to`` is
    empty is still an opt-out, but queues no reply that could never be sent."""
    import json

    from tests.provider_payloads import telnyx_sign

    body, _ = telnyx_stop("T-empty-to")
    event = json.loads(body)
    event["data"]["payload"]["to"][0]["phone_number"] = ""
    signed, headers = telnyx_sign(json.dumps(event).encode())
    answer = client.post("/webhooks/telnyx", content=signed, headers=headers)
    assert answer.status_code == 200, answer.text
    assert rows(graph) == []
    check = client.post("/v1/check", json={"number": PERSON}, headers=admin).json()
    assert check["allowed"] is False
    contact = client.get(f"/v1/contacts/{PERSON}", headers=admin).json()
    [event] = contact["events"]
    assert event["kind"] == "opt_out" and event["confirmation"] is None  # none claimed
    telnyx(client, "T-with-to")  # the next one from the same number names us: no second
    assert rows(graph) == []  # confirmation either, the opt-out being in force already
