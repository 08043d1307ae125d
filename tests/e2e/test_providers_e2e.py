"""End to end, per provider: a real `stopline serve` process on loopback receives a correctly
authenticated STOP in the provider's documented shape and answers with the same ledger event,
the suppression and exactly one confirmation (inline, or one request to the fake REST API,
even across a crash and restart)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from stopline import bootstrap
from stopline.config import Settings
from stopline.providers.fakes.server import FakeProviders
from stopline.services.keys import create_key
from stopline.storage.tables import outbox
from tests.e2e.server import StoplineServer, wait_for
from tests.integration.providers.cases import CASES, Case, provider_of, route
from tests.provider_payloads import PERSON, env_for, fake_credentials, provider_settings

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeProviders]:
    with FakeProviders(fake_credentials()) as server:
        yield server


@pytest.fixture
def env(database_url: str, fake: FakeProviders, tmp_path: Path) -> dict[str, str]:
    fake.state.reset()
    return {
        **env_for(provider_settings()),
        "STOPLINE_DATABASE_URL": database_url,
        "STOPLINE_PUBLIC_URL": "https://sms.example.com",
        "STOPLINE_BRAND_NAME": "Acme",
        "STOPLINE_HELP_CONTACT": "help@acme.example",
        "STOPLINE_OUTBOX_POLL_SECONDS": "0.2",
        "STOPLINE_OUTBOX_BACKOFF_SECONDS": "0.5",
        # a row claimed when the server is killed is re-claimed after the lease: keep it
        # well inside the tests' waits (the default minute is longer than they wait)
        "STOPLINE_OUTBOX_LEASE_SECONDS": "3",
        "STOPLINE_LOG_LEVEL": "WARNING",
        "STOPLINE_TEST_LOG": str(tmp_path / "server.log"),
    }


@pytest.fixture
def api_key(database_url: str) -> dict[str, str]:
    engine = bootstrap.open_database(Settings(database_url=database_url))
    key = create_key(engine, "e2e", frozenset({"admin"}), bootstrap.utc_now()).key
    engine.dispose()
    return {"Authorization": f"Bearer {key}"}


def outbox_rows(database_url: str) -> list[dict[str, Any]]:
    engine = bootstrap.open_database(Settings(database_url=database_url), upgrade=False)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(outbox))]
    engine.dispose()
    return rows


def accepted(fake: FakeProviders) -> list[dict[str, Any]]:
    requests: list[dict[str, Any]] = httpx.get(f"{fake.url}/_fake/requests").json()
    return [r for r in requests if r.get("status", 0) in range(200, 300) and not r["replayed"]]


def fake_log(fake: FakeProviders) -> list[dict[str, Any]]:
    log: list[dict[str, Any]] = httpx.get(f"{fake.url}/_fake/requests").json()
    return log


def post(server: StoplineServer, case: Case, mid: str) -> httpx.Response:
    call = case.stop(mid)
    return httpx.post(server.url + route(case), content=call.body, headers=call.headers)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_stop_from_every_provider_end_to_end(
    case: Case,
    env: dict[str, str],
    api_key: dict[str, str],
    fake: FakeProviders,
    database_url: str,
) -> None:
    server = StoplineServer(env, ["--provider-url", fake.url]).start()
    try:
        answer = post(server, case, "E2E-1")
        assert answer.status_code == 200, answer.text
        contact = httpx.get(f"{server.url}/v1/contacts/{PERSON}", headers=api_key).json()
        [event] = contact["events"]
        assert event["kind"] == "opt_out" and event["provider"] == provider_of(case)
        assert event["provider_message_id"] == "E2E-1" and event["source"] == "keyword"
        assert contact["suppressed"] is True
        check = httpx.post(f"{server.url}/v1/check", json={"number": PERSON}, headers=api_key)
        assert check.json()["allowed"] is False
        inline = case.reply(answer.content)
        if case.inline:
            assert inline is not None and "unsubscribed" in inline
        else:
            assert inline is None
            assert wait_for(lambda: len(accepted(fake)) >= 1)
        # A retried delivery (re-signed, same message id) and an exact replay: same answer.
        assert post(server, case, "E2E-1").content == answer.content
        assert wait_for(lambda: all(r["status"] == "sent" for r in outbox_rows(database_url)))
    finally:
        server.stop()
    rows = outbox_rows(database_url)
    sent = accepted(fake)
    if case.inline:
        assert rows == [] and sent == []
    else:
        assert [r["status"] for r in rows] == ["sent"]
        [request] = sent
        assert request["path"] == case.rest_path and "unsubscribed" in str(request["body"])


def test_rest_confirmation_goes_out_exactly_once_across_a_crash(
    env: dict[str, str], api_key: dict[str, str], fake: FakeProviders, database_url: str
) -> None:
    telnyx = next(c for c in CASES if c.name == "telnyx")
    httpx.post(f"{fake.url}/_fake/fail", json={"count": 1000, "status": 503})
    server = StoplineServer(env, ["--provider-url", fake.url]).start()
    try:
        assert post(server, telnyx, "CRASH-1").status_code == 200
        assert wait_for(lambda: any(r.get("failed") for r in fake_log(fake)))
    finally:
        server.stop(kill=True)  # SIGKILL: no graceful shutdown, the row stays due
    [row] = outbox_rows(database_url)
    assert row["status"] in ("pending", "sending") and row["attempts"] >= 1
    httpx.post(f"{fake.url}/_fake/fail", json={"count": 0})
    restarted = StoplineServer(env, ["--provider-url", fake.url]).start()
    try:
        assert wait_for(lambda: outbox_rows(database_url)[0]["status"] == "sent")
        # A retry of the inbound webhook after the restart adds nothing.
        assert post(restarted, telnyx, "CRASH-1").status_code == 200
    finally:
        restarted.stop()
    [request] = accepted(fake)
    assert request["idempotency_key"] == "reply:telnyx:CRASH-1"
    assert request["body"]["to"] == PERSON and "unsubscribed" in request["body"]["text"]
    assert [r["status"] for r in outbox_rows(database_url)] == ["sent"]
