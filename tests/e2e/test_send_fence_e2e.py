"""A broadcast sent by a separate `stopline worker` process while STOPs reach a real
`stopline serve`: an opt-out is answered only once the send to that number already on its
way has reached the provider (the cross-process fence, `storage.send_locks`). The fake
provider takes a second to receive each message, and each STOP is posted while its
number's message is in transit: without the fence the STOP would be answered first."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx
import pytest

from stopline.providers.fakes.server import FakeProviders
from tests.e2e.server import STOPLINE, StoplineServer, wait_for
from tests.e2e.test_broadcast_e2e import (
    admin_client,
    broadcast_env,
    create_campaign,
    daytime_numbers,
    text_stop,
)
from tests.provider_payloads import fake_credentials

pytestmark = pytest.mark.e2e


def test_a_stop_is_answered_after_the_message_another_process_had_on_its_way(
    database_url: str, tmp_path: Path
) -> None:
    with FakeProviders(fake_credentials()) as fake:
        # the server only answers; a `stopline worker` process sends
        env = broadcast_env(database_url, fake, STOPLINE_BROADCAST_WORKER="false")
        server = StoplineServer(env, ["--provider-url", fake.url]).start()
        log = (tmp_path / "worker.log").open("wb")
        worker = subprocess.Popen(
            [STOPLINE, "worker", "--provider-url", fake.url],
            env=server.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            api = admin_client(database_url, server)
            audience = daytime_numbers(4)
            create_campaign(api, "fenced", "Weekend offer at Acme", audience, 100)
            httpx.post(f"{fake.url}/_fake/latency", json={"seconds": 1.0}).raise_for_status()
            assert api.post("/v1/campaigns/fenced/send").status_code == 202
            acknowledged: dict[str, float] = {}
            for index in range(2):

                def on_its_way() -> str | None:
                    transit = httpx.get(f"{fake.url}/_fake/in-transit").json()
                    numbers = [t["body"].get("To") for t in transit]
                    return next((n for n in numbers if n not in acknowledged), None)

                number = wait_for(on_its_way, timeout=30, interval=0.02)
                assert number in audience
                answer = text_stop(server, index, number, timeout=30)
                assert answer.status_code == 200
                assert "unsubscribed" in answer.text
                acknowledged[number] = time.time()

            def finished() -> bool:
                return bool(api.get("/v1/campaigns/fenced").json()["status"] == "done")

            assert wait_for(finished, timeout=60, interval=0.2)
        finally:
            worker.terminate()
            worker.wait(20)
            log.close()
            server.stop()
        received = httpx.get(f"{fake.url}/_fake/requests").json()
    arrived = {r["body"]["To"]: r["at"] for r in received if "Weekend offer" in r["body"]["Body"]}
    assert set(arrived) == set(audience)  # the two in transit still arrived, once each
    for number, answered in acknowledged.items():
        assert arrived[number] <= answered, f"{number}: the STOP was answered while in transit"


def test_a_stop_is_answered_after_a_one_off_message_already_on_its_way(
    database_url: str, tmp_path: Path
) -> None:
    """`POST /v1/messages` checked the gate and called the provider without marking the
    number, so a STOP arriving while that message was in transit was acknowledged first. It
    is fenced now, as a broadcast's sends are."""
    import threading

    from tests.e2e.test_broadcast_e2e import SENDER

    with FakeProviders(fake_credentials()) as fake:
        env = broadcast_env(database_url, fake)
        server = StoplineServer(env, ["--provider-url", fake.url]).start()
        try:
            api = admin_client(database_url, server, timeout=30)
            sender = {"address": SENDER, "provider": "twilio", "brand": "Acme"}
            assert api.post("/v1/senders", json=sender).status_code == 201
            [number] = daytime_numbers(1)
            httpx.post(f"{fake.url}/_fake/latency", json={"seconds": 1.5}).raise_for_status()
            sent: list[httpx.Response] = []
            body = {"to": number, "text": "Your code is 123456", "sender": SENDER}
            sending = threading.Thread(
                target=lambda: sent.append(api.post("/v1/messages", json=body))
            )
            sending.start()

            def in_transit() -> bool:
                transit = httpx.get(f"{fake.url}/_fake/in-transit").json()
                return any(t["body"].get("To") == number for t in transit)

            assert wait_for(in_transit, timeout=30, interval=0.02)
            answer = text_stop(server, 0, number, timeout=30)
            answered = time.time()
            assert answer.status_code == 200 and "unsubscribed" in answer.text
            sending.join(30)
            assert sent and sent[0].status_code == 202, sent
            again = api.post("/v1/messages", json=body)  # acknowledged: now blocked
            assert again.status_code == 409 and again.json()["status"] == "blocked"
        finally:
            server.stop()
        received = httpx.get(f"{fake.url}/_fake/requests").json()
    [arrived] = [r["at"] for r in received if r["body"].get("Body") == "Your code is 123456"]
    assert arrived <= answered, "the STOP was answered while the message was in transit"
