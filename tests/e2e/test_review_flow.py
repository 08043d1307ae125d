"""End to end: a real `stopline serve` on loopback receives a signed Twilio webhook with an
unclear message, the review API shows it, a reviewer decides opt-out, and the number is
blocked with a ledger event whose source is the review and whose actor is the reviewer."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import TWILIO_TOKEN
from tests.helpers import twilio_form, twilio_signed

pytestmark = pytest.mark.e2e
STOPLINE = [str(Path(sys.executable).with_name("stopline"))]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "STOPLINE_DATABASE_URL": f"sqlite:///{tmp_path / 'e2e.db'}",
        "STOPLINE_TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
        "STOPLINE_PUBLIC_URL": base,
        "STOPLINE_BRAND_NAME": "Acme",
        "STOPLINE_HELP_CONTACT": "help@acme.example",
        "STOPLINE_REVIEW_SWEEP_SECONDS": "0.5",
        "STOPLINE_LOG_FORMAT": "console",
    }
    created = subprocess.run(
        [*STOPLINE, "keys", "create", "--name", "reviewer-app", "--scope", "write"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    key = created.stdout.strip().splitlines()[-1]
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(
        [*STOPLINE, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((tmp_path / "server.log").read_text())
            time.sleep(0.1)
        yield base, {"Authorization": f"Bearer {key}"}
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_ambiguous_message_through_review_to_a_recorded_opt_out(
    server: tuple[str, dict[str, str]],
) -> None:
    base, key = server
    number = "+14155550142"
    form = twilio_form("SMe2e0001", "Stop, what is this about?", from_=number)
    body, headers = twilio_signed(TWILIO_TOKEN, form, f"{base}/webhooks/twilio")
    with httpx.Client(base_url=base, timeout=10) as http:
        webhook = http.post("/webhooks/twilio", content=body, headers=headers)
        assert webhook.status_code == 200
        assert "<Message>" not in webhook.text  # unclear: no reply, no consent change yet
        assert http.post("/v1/check", json={"number": number}, headers=key).json()["allowed"]

        items = http.get("/v1/review", headers=key).json()["items"]
        [item] = [i for i in items if i["number"] == number]
        assert item["text"] == "Stop, what is this about?" and item["status"] == "open"
        assert item["due_at"] > item["received_at"]

        time.sleep(1.2)  # the server's periodic sweep runs meanwhile; nothing is due yet
        assert http.get(f"/v1/review/{item['id']}", headers=key).json()["status"] == "open"

        decided = http.post(
            f"/v1/review/{item['id']}/decision",
            json={"decision": "opt_out", "actor": "maria@acme.example", "note": "read as stop"},
            headers=key,
        )
        assert decided.status_code == 200, decided.text
        assert decided.json()["changed"] is True

        check = http.post("/v1/check", json={"number": number}, headers=key).json()
        assert check["allowed"] is False and check["source"] == "review"
        contact = http.get(f"/v1/contacts/{number}", headers=key).json()
        [event] = contact["events"]
        assert event["source"] == "review" and event["actor"] == "maria@acme.example"
        assert event["provider_message_id"] == "SMe2e0001"
        assert event["id"] == decided.json()["event_id"]

        replay = http.post("/webhooks/twilio", content=body, headers=headers)
        assert replay.status_code == 200 and replay.text == webhook.text  # idempotent
        assert len(http.get(f"/v1/contacts/{number}", headers=key).json()["events"]) == 1
