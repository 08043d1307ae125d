"""A broadcast from a real `stopline serve` process to the fake provider APIs over loopback,
with STOPs arriving through the signed Twilio webhook while it sends; then the campaign
commands and the report (with its chart) run as real CLI processes."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from stopline import bootstrap
from stopline.config import Settings
from stopline.domain.recipient_location import locate
from stopline.domain.sending_rules import SendingRules, next_allowed
from stopline.providers.fakes.server import FakeProviders
from stopline.services.keys import create_key
from tests.e2e.server import StoplineServer
from tests.helpers import twilio_form, twilio_signed
from tests.provider_payloads import TWILIO_TOKEN, env_for, fake_credentials, provider_settings

pytestmark = pytest.mark.e2e
SENDER = "+14155550199"
# Blocks of numbers in zones around the world; the test uses one where it is now daytime,
# so the real clock never puts the whole audience in quiet hours.
BLOCKS = {
    "+1212555": 4,  # New York
    "+1415555": 4,  # Los Angeles
    "+1808555": 4,  # Honolulu
    "+447911": 6,  # United Kingdom mobiles
    "+8190": 8,  # Japan mobiles
    "+9198": 8,  # India mobiles
}


def daytime_numbers(count: int) -> list[str]:
    now = datetime.now(UTC)
    for prefix, digits in BLOCKS.items():
        sample = f"{prefix}{1000:0{digits}d}"
        location = locate(sample)
        later = now + timedelta(minutes=20)
        if all(
            next_allowed(location, t, (), "promo", SendingRules()).allowed_now for t in (now, later)
        ):
            return [f"{prefix}{1000 + i:0{digits}d}" for i in range(count)]
    raise AssertionError("no block is in daytime now: add one")


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeProviders]:
    with FakeProviders(fake_credentials()) as server:
        yield server


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    from tests.e2e.conftest import STOPLINE

    return subprocess.run(
        [*STOPLINE, *args], env=env, capture_output=True, text=True, timeout=180, check=False
    )


def admin_client(database_url: str, server: StoplineServer, timeout: float = 5.0) -> httpx.Client:
    """An API client of ``server`` with a new admin key."""
    engine = bootstrap.open_database(Settings(database_url=database_url))
    key = create_key(engine, "e2e", frozenset({"admin"}), bootstrap.utc_now()).key
    engine.dispose()
    auth = {"Authorization": f"Bearer {key}"}
    return httpx.Client(base_url=server.url, headers=auth, timeout=timeout)


def broadcast_env(database_url: str, fake: FakeProviders, **extra: str) -> dict[str, str]:
    """A server's settings for broadcasts to ``fake``, signed Twilio webhooks and quick polls."""
    return {
        **env_for(provider_settings()),
        "STOPLINE_DATABASE_URL": database_url,
        "STOPLINE_PUBLIC_URL": "https://sms.example.com",
        "STOPLINE_BRAND_NAME": "Acme",
        "STOPLINE_BROADCAST_POLL_SECONDS": "0.2",
        "STOPLINE_LOG_LEVEL": "WARNING",
        "STOPLINE_PROVIDER_URL": fake.url,
        **extra,
    }


def create_campaign(
    api: httpx.Client, name: str, template: str, audience: list[str], rate: int
) -> dict[str, Any]:
    """Register the Twilio sender and create a promo campaign from it to ``audience``."""
    sender = {"address": SENDER, "provider": "twilio", "brand": "Acme"}
    assert api.post("/v1/senders", json=sender).status_code == 201
    made = api.post(
        "/v1/campaigns",
        json={
            "name": name,
            "sender": SENDER,
            "topic": "promo",
            "template": template,
            "numbers": audience,
            "rate_per_second": rate,
        },
    )
    assert made.status_code == 201, made.text
    created: dict[str, Any] = made.json()
    return created


def text_stop(
    server: StoplineServer, index: int, number: str, timeout: float = 5.0
) -> httpx.Response:
    """``number`` texts STOP to the sender: a signed Twilio webhook."""
    form = twilio_form(f"SM{index:032d}", "STOP", from_=number, to=SENDER)
    body, headers = twilio_signed(TWILIO_TOKEN, form, "https://sms.example.com/webhooks/twilio")
    url = f"{server.url}/webhooks/twilio"
    return httpx.post(url, content=body, headers=headers, timeout=timeout)


def test_a_broadcast_from_a_real_server_stops_for_each_stop_as_it_arrives(
    database_url: str, fake: FakeProviders, tmp_path: Path
) -> None:
    fake.state.reset()
    env = broadcast_env(database_url, fake, STOPLINE_HELP_CONTACT="help@acme.example")
    server = StoplineServer(env, ["--provider-url", fake.url]).start()
    try:
        api = admin_client(database_url, server, timeout=30)
        audience = daytime_numbers(2000)
        made = create_campaign(api, "flash", "Flash sale at Acme today only", audience, 250)
        assert made["body"].endswith("Reply STOP to opt out.")
        preview = api.get("/v1/campaigns/flash/preview").json()
        assert preview["recipients"] == 2000 and preview["sendable_now"] == 2000
        assert api.post("/v1/campaigns/flash/send").status_code == 202
        acknowledged: dict[str, float] = {}
        posted: dict[str, float] = {}
        for index, number in enumerate(audience[::40]):
            posted[number] = time.time()
            assert text_stop(server, index, number).status_code == 200
            acknowledged[number] = time.time()
            time.sleep(0.1)
        deadline = time.monotonic() + 120
        state: dict[str, Any] = {}
        while time.monotonic() < deadline:
            state = api.get("/v1/campaigns/flash").json()
            if state["status"] == "done":
                break
            time.sleep(0.5)
        assert state["status"] == "done", state
    finally:
        server.stop()
    received = httpx.get(f"{fake.url}/_fake/requests").json()
    sends = [r for r in received if r.get("status", 0) < 300 and not r["replayed"]]
    sends = [r for r in sends if "Flash sale" in r["body"].get("Body", "")]  # not replies
    late = [
        r
        for r in sends
        if r["body"]["To"] in acknowledged and r["at"] > acknowledged[r["body"]["To"]]
    ]
    assert late == []
    to = [r["body"]["To"] for r in sends]
    assert len(to) == len(set(to)), state
    assert set(to) | set(acknowledged) == set(audience), state["recipients"]
    assert state["recipients"]["sent"] == len(to)
    assert state["recipients"]["blocked"] == 2000 - len(to) > 0

    listing = cli(env, "campaigns", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    [campaign] = json.loads(listing.stdout)
    assert campaign["name"] == "flash" and campaign["status"] == "done"
    chart = tmp_path / "rates.png"
    report = cli(env, "report", "campaigns", "--plot", str(chart))
    assert report.returncode == 0, report.stderr
    assert "flash" in report.stdout and chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for name, magic in (("rates.pdf", b"%PDF"), ("rates.svg", b"<?xml")):  # as the name says
        drawn = cli(env, "report", "campaigns", "--plot", str(tmp_path / name))
        assert drawn.returncode == 0 and (tmp_path / name).read_bytes().startswith(magic), name
    as_json = json.loads(cli(env, "report", "campaigns", "--json").stdout)
    [row] = as_json["campaigns"]
    assert row["sends"] == len(to)
    # a STOP sent after its message arrived is attributed to the campaign; one that crossed
    # the message (sent while it was in flight) may be recorded before the send: not attributed
    arrived = {r["body"]["To"]: r["at"] for r in sends}
    after = [n for n in posted if n in arrived and arrived[n] < posted[n]]
    crossed = [n for n in posted if n in arrived and arrived[n] >= posted[n]]
    assert len(after) <= row["opt_outs"] <= len(after) + len(crossed)
