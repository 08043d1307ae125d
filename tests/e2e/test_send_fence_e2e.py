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

from stopline import bootstrap
from stopline.config import Settings
from stopline.providers.fakes.server import FakeProviders
from stopline.services.keys import create_key
from tests.e2e.server import STOPLINE, StoplineServer, wait_for
from tests.e2e.test_broadcast_e2e import SENDER, daytime_numbers
from tests.helpers import twilio_form, twilio_signed
from tests.provider_payloads import TWILIO_TOKEN, env_for, fake_credentials, provider_settings

pytestmark = pytest.mark.e2e


def test_a_stop_is_answered_after_the_message_another_process_had_on_its_way(
    database_url: str, tmp_path: Path
) -> None:
    engine = bootstrap.open_database(Settings(database_url=database_url))
    key = create_key(engine, "e2e", frozenset({"admin"}), bootstrap.utc_now()).key
    engine.dispose()
    with FakeProviders(fake_credentials()) as fake:
        env = {
            **env_for(provider_settings()),
            "STOPLINE_DATABASE_URL": database_url,
            "STOPLINE_PUBLIC_URL": "https://sms.example.com",
            "STOPLINE_BRAND_NAME": "Acme",
            "STOPLINE_BROADCAST_WORKER": "false",  # the server only answers
            "STOPLINE_BROADCAST_POLL_SECONDS": "0.2",
            "STOPLINE_LOG_LEVEL": "WARNING",
            "STOPLINE_PROVIDER_URL": fake.url,
        }
        server = StoplineServer(env, ["--provider-url", fake.url]).start()
        log = (tmp_path / "worker.log").open("wb")
        worker = subprocess.Popen(
            [STOPLINE, "worker", "--provider-url", fake.url],
            env=server.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            api = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"})
            sender = {"address": SENDER, "provider": "twilio", "brand": "Acme"}
            assert api.post("/v1/senders", json=sender).status_code == 201
            audience = daytime_numbers(4)
            made = api.post(
                "/v1/campaigns",
                json={
                    "name": "fenced",
                    "sender": SENDER,
                    "topic": "promo",
                    "template": "Weekend offer at Acme",
                    "numbers": audience,
                    "rate_per_second": 100,
                },
            )
            assert made.status_code == 201, made.text
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
                form = twilio_form(f"SM{index:032d}", "STOP", from_=number, to=SENDER)
                body, headers = twilio_signed(
                    TWILIO_TOKEN, form, "https://sms.example.com/webhooks/twilio"
                )
                answer = httpx.post(
                    f"{server.url}/webhooks/twilio", content=body, headers=headers, timeout=30
                )
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
