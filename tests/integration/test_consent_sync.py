"""Pushing the consent feed to a receiver (a real HTTP server on loopback), on SQLite and
PostgreSQL; signatures checked with the Standard Webhooks library."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from standardwebhooks.webhooks import Webhook
from typer.testing import CliRunner

from stopline.bootstrap import Stopline
from stopline.config import Settings
from stopline.services.consent_sync import ConsentSync, SyncTarget, retry_after, shown_url
from stopline.storage import sync_targets
from tests.sync_receiver import SECRET, Receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def make_sync(graph: Stopline, url: str, clock: Clock, **options: Any) -> ConsentSync:
    return ConsentSync(
        graph.engine, SyncTarget("crm", url, SECRET), httpx.Client(timeout=5), clock, **options
    )


def opt_out(
    client: TestClient, headers: dict[str, str], number: str, kind: str = "opt_out"
) -> None:
    response = client.post("/v1/consent", json={"number": number, "kind": kind}, headers=headers)
    assert response.status_code in (200, 201), response.text


def test_events_arrive_signed_in_order_once_and_as_the_feed_shows_them(
    client: TestClient, admin: dict[str, str], graph: Stopline, receiver: Receiver
) -> None:
    numbers = [f"+1415555{i:04d}" for i in range(5)]
    for n in numbers:
        opt_out(client, admin, n)
    opt_out(client, admin, numbers[2], "opt_in")
    sync = make_sync(graph, receiver.url, Clock(), batch=4)
    assert sync.drain() == 6
    assert len(receiver.requests) == 2  # 4 + 2
    pushed = receiver.events(0) + receiver.events(1)
    feed = client.get("/v1/consent/events", headers=admin).json()["events"]
    assert pushed == feed  # the same events, the same JSON, the same order
    assert [(e["number"], e["kind"]) for e in pushed][-1] == (numbers[2], "opt_in")
    ids = [h["webhook-id"] for h, _b in receiver.requests]
    assert len(set(ids)) == 2
    # nothing new: nothing sent; a new event: sent alone
    assert sync.drain() == 0 and len(receiver.requests) == 2
    opt_out(client, admin, "+14155550999")
    assert sync.drain() == 1
    assert [e["number"] for e in receiver.events(2)] == ["+14155550999"]
    sync.close()


def test_a_failing_receiver_gets_the_same_batch_again_after_a_backoff(
    client: TestClient, admin: dict[str, str], graph: Stopline, receiver: Receiver
) -> None:
    opt_out(client, admin, "+14155550101")
    clock = Clock()
    sync = make_sync(graph, receiver.url, clock, backoff=2.0)
    receiver.statuses = [500, 503]
    first = sync.run_once()
    assert first.failed is not None and "HTTP 500" in first.failed and first.delivered == 0
    opt_out(client, admin, "+14155550102")  # arrives while the first batch is failing
    assert sync.run_once().delivered == 0 and len(receiver.requests) == 1  # not due yet
    clock.now += timedelta(seconds=2.1)
    second = sync.run_once()
    assert second.failed is not None and "HTTP 503" in second.failed
    with graph.engine.connect() as conn:
        state = sync_targets.get(conn, "crm")
    assert state is not None and state.attempts == 2 and state.delivered == 0
    assert state.last_error is not None and "503" in state.last_error
    assert state.next_attempt_at == clock.now + timedelta(seconds=4)  # doubled
    clock.now += timedelta(seconds=4.1)
    assert sync.run_once().delivered == 1  # the same batch: one event, not two
    ids = [h["webhook-id"] for h, _b in receiver.requests]
    assert ids[0] == ids[1] == ids[2]
    assert [e["number"] for e in receiver.events(2)] == ["+14155550101"]
    assert sync.run_once().delivered == 1  # then the one that arrived meanwhile
    assert [e["number"] for e in receiver.events(3)] == ["+14155550102"]
    with graph.engine.connect() as conn:
        state = sync_targets.get(conn, "crm")
    assert state is not None and state.attempts == 0 and state.last_error is None
    assert state.delivered == 2
    sync.close()


def test_a_receiver_that_says_retry_after_is_left_alone_that_long(
    client: TestClient, admin: dict[str, str], graph: Stopline, receiver: Receiver
) -> None:
    """429/503 with Retry-After (seconds or an HTTP date) sets the next try instead of the
    backoff; an hour at most; an unreadable value falls back to the backoff."""
    opt_out(client, admin, "+14155550101")
    clock = Clock()
    sync = make_sync(graph, receiver.url, clock, backoff=2.0)

    def next_try() -> timedelta:
        with graph.engine.connect() as conn:
            state = sync_targets.get(conn, "crm")
        assert state is not None
        return state.next_attempt_at - clock.now

    later = clock.now + timedelta(seconds=90)
    receiver.statuses = [
        (429, {"Retry-After": "30"}),
        (503, {"Retry-After": format_datetime(later, usegmt=True)}),
        (503, {"Retry-After": "86400"}),
        (429, {"Retry-After": "soon"}),
    ]
    assert sync.run_once().failed is not None
    assert next_try() == timedelta(seconds=30)  # not the 2-second backoff
    clock.now += timedelta(seconds=29)
    assert sync.run_once().failed is None and len(receiver.requests) == 1  # still waiting
    clock.now += timedelta(seconds=1.5)
    assert sync.run_once().failed is not None
    assert abs(next_try() - (later - clock.now)) < timedelta(seconds=1)  # dates: 1 s steps
    clock.now = later + timedelta(seconds=1)
    assert sync.run_once().failed is not None
    assert next_try() == timedelta(hours=1)  # a day asked: an hour at most
    clock.now += timedelta(hours=1, seconds=1)
    assert sync.run_once().failed is not None
    assert next_try() == timedelta(seconds=2 * 2**3)  # unreadable: the fourth backoff
    clock.now += timedelta(seconds=17)
    assert sync.run_once().delivered == 1
    assert len({h["webhook-id"] for h, _b in receiver.requests}) == 1  # one batch throughout
    sync.close()


def test_retry_after_reads_seconds_and_dates() -> None:
    now = datetime(2026, 12, 4, 12, tzinfo=UTC)
    assert retry_after("120", now) == 120.0
    assert retry_after(" 0 ", now) == 0.0
    assert retry_after("Fri, 04 Dec 2026 12:01:00 GMT", now) == 60.0
    assert retry_after("Fri, 04 Dec 2026 11:00:00 GMT", now) == 0.0  # past: at once
    assert retry_after("999999", now) == 3600.0
    for unreadable in (None, "", "-5", "1.5", "tomorrow", "٣٠"):
        assert retry_after(unreadable, now) is None, unreadable


def test_an_unreachable_receiver_loses_nothing(
    client: TestClient, admin: dict[str, str], graph: Stopline, receiver: Receiver
) -> None:
    opt_out(client, admin, "+14155550103")
    clock = Clock()
    down = make_sync(graph, "http://127.0.0.1:9/nobody", clock)  # discard port: refused
    failed = down.run_once()
    assert failed.failed is not None and "ConnectError" in failed.failed
    down.close()
    clock.now += timedelta(seconds=3)
    up = make_sync(graph, receiver.url, clock)  # the same target, now reachable
    assert up.drain() == 1
    assert [e["number"] for e in receiver.events(0)] == ["+14155550103"]
    up.close()


def test_a_restarted_worker_resumes_and_a_held_target_is_left_alone(
    client: TestClient, admin: dict[str, str], graph: Stopline, receiver: Receiver
) -> None:
    clock = Clock()
    opt_out(client, admin, "+14155550104")
    first = make_sync(graph, receiver.url, clock)
    assert first.drain() == 1
    first.close()
    opt_out(client, admin, "+14155550105")
    with graph.engine.begin() as conn:  # another worker holds the target
        held = sync_targets.claim(conn, "crm", "other", clock(), timedelta(seconds=60))
    assert held is not None
    second = make_sync(graph, receiver.url, clock)
    assert second.drain() == 0 and len(receiver.requests) == 1
    clock.now += timedelta(seconds=61)  # its lease ran out: taken over
    assert second.drain() == 1
    assert [e["number"] for e in receiver.events(1)] == ["+14155550105"]
    second.close()


def test_settings_refuse_a_push_without_a_usable_secret() -> None:
    with pytest.raises(ValidationError, match="sync_secret"):
        Settings(sync_url="https://crm.example.com/hook")
    for bad in ("not base64!", "my-secret-password", "whsec_ab", "whsec_" + "A" * 200):
        with pytest.raises(ValidationError, match="Standard Webhooks secret"):
            Settings(sync_url="https://crm.example.com/hook", sync_secret=bad)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="http"):
        Settings(sync_url="ftp://crm.example.com", sync_secret=SECRET)  # type: ignore[arg-type]
    assert Settings(sync_url="https://crm.example.com/hook", sync_secret=SECRET).sync_url  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://hooks.example.com:abc/crm?token=tok9", "integer"),
        ("http://u:pw9@[::1/hook", "IPv6"),
        ("http://hooks.example.com:99999/x", "out of range"),
        ("http://999.1.1.1/", "IPv4"),
        ("http:///hook?token=tok9", "host name"),
        ("https://exa mple.com/x", "space"),
        ("https://a..b/hook?token=tok9", "IDNA"),
        ("https://hooks.example.com:0/x", "port 0"),
    ],
)
def test_settings_refuse_a_push_url_that_could_never_be_called(url: str, why: str) -> None:
    """Such URLs passed the check and then failed every push with a traceback a second,
    recording no error, while `sync status` crashed; the refusal never quotes a token."""
    with pytest.raises(ValidationError, match=why) as refused:
        Settings(sync_url=url, sync_secret=SECRET)  # type: ignore[arg-type]
    assert "tok9" not in str(refused.value) and "pw9" not in str(refused.value)


def test_errors_quoting_a_push_url_lose_its_secrets_as_written_and_decoded() -> None:
    from stopline.services.consent_sync import _redacted

    url = "https://crm:pw%40x9@hooks.example.com/p?email=a@b.example&t=tok9"
    said = _redacted("bad: crm pw%40x9 pw@x9 a@b.example tok9 hooks.example.com", url)
    assert said == "bad: *** *** *** *** *** hooks.example.com"


@pytest.mark.parametrize(
    "url",
    [
        "http://user:Sup3rSecretPw/x@127.0.0.1:18210/hook",
        "http://user:Sup3rSecretPw#x@127.0.0.1:18210/hook",
        "http://user:Sup3rSecretPw?x@127.0.0.1:18210/hook",
    ],
)
def test_a_password_holding_a_slash_is_not_quoted_in_the_refusal(url: str) -> None:
    """A black-box tester (2026-12-05): "/", "#" or "?" in the password ends the URL's
    authority early, its password was then read as the port, and the refusal quoted it."""
    with pytest.raises(ValidationError) as refused:
        Settings(sync_url=url, sync_secret=SECRET)  # type: ignore[arg-type]
    assert "Sup3rSecretPw" not in str(refused.value), str(refused.value)


def test_a_lone_user_name_in_the_push_url_is_shown_as_a_token() -> None:
    """ "https://sk_live_…@api.example.com/hook" carries an API key as its user name."""
    assert shown_url("https://sk_live_51Habc@api.example.com/hook") == (
        "https://***@api.example.com/hook"
    )
    assert shown_url("https://sk_live_51Habc:@api.example.com/h") == "https://***@api.example.com/h"
    assert (
        shown_url("https://crm:pw@api.example.com/h?t=1")
        == "https://crm:***@api.example.com/h?t=***"
    )


def test_the_sync_commands(
    client: TestClient,
    admin: dict[str, str],
    graph: Stopline,
    receiver: Receiver,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from stopline.cli import app

    monkeypatch.setenv("STOPLINE_DATABASE_URL", graph.settings.database_url)
    monkeypatch.setenv("STOPLINE_SYNC_URL", receiver.url)
    monkeypatch.setenv("STOPLINE_SYNC_SECRET", SECRET)
    runner = CliRunner()
    secret = runner.invoke(app, ["sync", "secret"])
    assert secret.exit_code == 0 and Webhook(secret.stdout.strip())
    for n in ("+14155550106", "+14155550107"):
        opt_out(client, admin, n)
    run = runner.invoke(app, ["sync", "run", "--once"])
    assert run.exit_code == 0, run.output
    assert "pushed 2 events" in run.stdout
    status = runner.invoke(app, ["sync", "status", "--json"])
    row = json.loads(status.stdout.strip().splitlines()[-1])
    assert (row["target"], row["delivered"], row["waiting"]) == ("default", 2, 0)
    opt_out(client, admin, "+14155550108")
    waiting = json.loads(runner.invoke(app, ["sync", "status", "--json"]).stdout.splitlines()[-1])
    assert waiting["waiting"] == 1
    assert runner.invoke(app, ["sync", "reset", "--to", "end"]).exit_code == 0
    typo = runner.invoke(app, ["sync", "reset", "--to", "end", "--target", "defualt"])
    assert typo.exit_code == 2 and "known targets are default" in typo.output
    after = json.loads(runner.invoke(app, ["sync", "status", "--json"]).stdout.splitlines()[-1])
    assert after["waiting"] == 0
    first_ids = {h["webhook-id"] for h, _b in receiver.requests}
    assert runner.invoke(app, ["sync", "reset", "--to", "start"]).exit_code == 0
    again = runner.invoke(app, ["sync", "run", "--once"])
    assert "pushed 3 events" in again.stdout
    # a replay is new messages: a receiver deduping on webhook-id must not drop it
    replay_ids = {h["webhook-id"] for h, _b in receiver.requests} - first_ids
    assert len(replay_ids) == 1
    # a failing receiver: exit 1 and why, for cron and monitors (it said "pushed 0", exit 0)
    receiver.statuses = [500]
    opt_out(client, admin, "+14155550109")
    failing = runner.invoke(app, ["sync", "run", "--once"])
    assert failing.exit_code == 1 and "pushed 0 events" in failing.stdout, failing.output
    assert "failing after 1 attempt(s): HTTP 500" in " ".join(failing.output.split())
    # the plain status names every figure and the error at 80 columns (a table squeezed its
    # target, counts and error to nothing there)
    narrow = runner.invoke(app, ["sync", "status"], env={"COLUMNS": "80"}).stdout
    lines = [line.strip() for line in narrow.splitlines()]
    assert lines[0].startswith("default  http://127.0.0.1:"), narrow
    assert "delivered  5    waiting  1" in lines, narrow  # 2, then 3 again after a reset
    assert any(line.startswith("retrying  1 attempt(s), next 20") for line in lines), narrow
    assert "last error  HTTP 500" in " ".join(lines) and max(map(len, narrow.splitlines())) <= 80
    # a URL's password and token are never shown
    monkeypatch.setenv("STOPLINE_SYNC_URL", receiver.url.replace("//", "//crm:pw@") + "?t=tok")
    shown = runner.invoke(app, ["sync", "status", "--json"]).stdout.splitlines()[-1]
    assert json.loads(shown)["url"].startswith("http://crm:***@127.0.0.1:")
    assert "pw" not in shown and "tok" not in shown and shown.count("t=***") == 1
    monkeypatch.delenv("STOPLINE_SYNC_URL")
    refused = runner.invoke(app, ["sync", "run", "--once"])
    assert refused.exit_code == 2


def test_a_receiver_that_drips_its_answer_cannot_hold_a_push_past_its_deadline(
    client: TestClient, admin: dict[str, str], graph: Stopline
) -> None:
    """A black-box tester, 2026-12-05: a receiver that sent its answer one header line every
    5 s held one push for 150 s (httpx's timeouts bound each read, not the whole answer),
    while no other push ran and the target's lease ran out. The whole push now has a
    deadline; no second push starts while the abandoned one still waits."""
    import socket
    import threading

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    stop = threading.Event()

    def drip() -> None:
        conn, _ = listener.accept()
        conn.recv(65536)
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        for i in range(100):  # 20 s of headers, one line every 0.2 s
            if stop.wait(0.2):
                break
            conn.sendall(f"X-Slow-{i}: x\r\n".encode())
        conn.close()

    threading.Thread(target=drip, daemon=True).start()
    opt_out(client, admin, "+14155550109")
    clock = Clock()
    sync = ConsentSync(
        graph.engine,
        SyncTarget("crm", f"http://127.0.0.1:{port}/hook", SECRET),
        httpx.Client(timeout=1.0),  # each read comes within it
        clock,
        deadline=1.0,
    )
    try:
        first = sync.run_once()
        assert first.failed == "no complete answer within 1 s", first
        clock.now += timedelta(minutes=5)  # past the backoff
        second = sync.run_once()
        assert second.failed == "the push before is still waiting for its answer (over 1 s)"
    finally:
        stop.set()
        sync.close()
        listener.close()
