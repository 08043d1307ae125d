"""A real server pushes an opt-out it just received to a CRM's webhook, signed; the CRM
being down for a while only delays it."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import TWILIO_TOKEN
from tests.e2e.conftest import Server
from tests.e2e.server import wait_for
from tests.helpers import twilio_form, twilio_signed
from tests.sync_receiver import SECRET, Receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


def test_a_stop_reaches_the_crm_within_seconds_signed(
    database_url: str, tmp_path: Path, receiver: Receiver
) -> None:
    server = Server(
        database_url,
        tmp_path / "server.log",
        STOPLINE_SYNC_URL=receiver.url,
        STOPLINE_SYNC_SECRET=SECRET,
        STOPLINE_SYNC_POLL_SECONDS="0.2",
        STOPLINE_SYNC_BACKOFF_SECONDS="0.2",
    )
    receiver.statuses = [503, 500]  # the CRM is down at first
    server.cli("db", "upgrade")
    server.start()
    try:
        url = f"{server.url}/webhooks/twilio"
        body, headers = twilio_signed(
            TWILIO_TOKEN, twilio_form("SMsync0001", "STOP", "+14155550142"), url
        )
        answer = httpx.post(url, content=body, headers=headers, timeout=10)
        assert answer.status_code == 200 and "unsubscribed" in answer.text
        assert wait_for(lambda: len(receiver.requests) >= 3, timeout=30)
        events = receiver.events(2)  # the third attempt was accepted
        assert [(e["number"], e["kind"], e["source"]) for e in events] == [
            ("+14155550142", "opt_out", "keyword")
        ]
        assert events[0]["raw_text"] == "STOP" and events[0]["provider"] == "twilio"
        status = server.cli("sync", "status", "--json")
        assert '"delivered": 1' in status.stdout and '"waiting": 0' in status.stdout
    finally:
        server.kill(signal.SIGTERM)
