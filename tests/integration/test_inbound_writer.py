"""Inbound messages recorded by the writer process (the server's default), on SQLite and
PostgreSQL: same answers as the in-process writer, retries answered from storage, the child
surviving SIGTERM, the server carrying on in its own thread when the child dies, and the
child gone after shutdown."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection

from stopline import bootstrap
from stopline.api.app import create_app
from stopline.config import Settings
from stopline.domain.replies import Brand
from stopline.services import inbound_writer
from stopline.services.inbound import InboundCommand, InboundRecorder, InboundResult
from stopline.services.inbound_writer import InboundWriter
from stopline.services.keys import create_key
from tests.conftest import TWILIO_TOKEN
from tests.helpers import twilio_form, twilio_signed


class Counted:
    """The server's own recorder, counting the messages it records itself."""

    def __init__(self, inner: InboundRecorder) -> None:
        self.inner = inner
        self.recorded = 0

    def __call__(self, conn: Connection, commands: Sequence[InboundCommand]) -> list[InboundResult]:
        self.recorded += len(commands)
        return self.inner(conn, commands)


Served = tuple[TestClient, bootstrap.Stopline, Counted]


@pytest.fixture
def served(settings: Settings) -> Iterator[Served]:
    graph = bootstrap.build(settings.model_copy(update={"inbound_writer": "process"}))
    in_server = Counted(graph.inbound)
    graph.inbound_writer = InboundWriter(graph.commits, in_server, graph.review)  # type: ignore[arg-type]
    try:
        with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com") as c:
            yield c, graph, in_server
    finally:
        graph.close()


def post(client: TestClient, sid: str, text: str, number: str = "+14155550100") -> str:
    body, headers = twilio_signed(TWILIO_TOKEN, twilio_form(sid, text, from_=number))
    response = client.post("/webhooks/twilio", content=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.text


def contact(client: TestClient, graph: bootstrap.Stopline, number: str) -> dict:  # type: ignore[type-arg]
    key = create_key(graph.engine, "t", frozenset({"admin"}), graph.clock())
    headers = {"Authorization": f"Bearer {key.key}"}
    response = client.get(f"/v1/contacts/{number}", headers=headers)
    assert response.status_code == 200
    return response.json()  # type: ignore[no-any-return]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_child_records_and_answers_like_the_server(served: Served) -> None:
    client, graph, in_server = served
    pid = graph.inbound_writer.child_pid
    assert pid is not None and pid != os.getpid() and alive(pid)
    first = post(client, "SMW1", "STOP")
    assert "unsubscribed" in first and "Acme" in first
    assert post(client, "SMW1", "STOP") == first  # a retry: the stored answer
    assert "<Message>" not in post(client, "SMW2", "stop")  # already opted out: no 2nd reply
    assert "Msg&amp;data rates may apply" in post(client, "SMW3", "HELP")
    state = contact(client, graph, "+14155550100")
    assert state["suppressed"] is True
    assert [e["kind"] for e in state["events"]] == ["opt_out"]
    assert "<Message>" in post(client, "SMW4", "START")
    assert [e["kind"] for e in contact(client, graph, "+14155550100")["events"]] == [
        "opt_out",
        "opt_in",
    ]
    assert graph.inbound_writer.child_pid == pid
    assert in_server.recorded == 0  # every message went through the child


def test_the_child_ignores_sigterm_and_stops_with_the_server(settings: Settings) -> None:
    graph = bootstrap.build(settings.model_copy(update={"inbound_writer": "process"}))
    try:
        with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com") as c:
            pid = graph.inbound_writer.child_pid
            assert pid is not None
            os.kill(pid, signal.SIGTERM)  # a service manager signalling the process group
            time.sleep(0.3)
            assert "unsubscribed" in post(c, "SMT1", "STOP", "+14155550101")
            running = graph.inbound_writer.child_pid
            assert running == pid
        assert graph.inbound_writer.child_pid is None
        assert not alive(pid)  # exited and reaped at shutdown
    finally:
        graph.close()


def test_when_the_child_dies_the_server_records_itself_until_a_new_child_is_ready(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inbound_writer, "RESTART_DELAYS", (3.0,))  # room for one request
    client, graph, in_server = served
    pid = graph.inbound_writer.child_pid
    assert pid is not None
    assert "unsubscribed" in post(client, "SMK1", "STOP", "+14155550102")
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: graph.inbound_writer.child_pid is None)
    # meanwhile (a new child starts after a pause) the server's own thread records
    assert "unsubscribed" in post(client, "SMK2", "STOP", "+14155550103")
    assert in_server.recorded == 1
    wait_for(lambda: graph.inbound_writer.child_pid not in (None, pid))
    assert not alive(pid)  # the dead child was reaped
    assert "unsubscribed" in post(client, "SMK3", "STOP", "+14155550104")
    assert post(client, "SMK1", "STOP", "+14155550102").count("unsubscribed") == 1
    assert in_server.recorded == 1  # the new child recorded the rest
    for number in ("+14155550102", "+14155550103", "+14155550104"):
        state = contact(client, graph, number)
        assert state["suppressed"] is True and len(state["events"]) == 1


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_memory_database_keeps_the_writer_in_the_server() -> None:
    settings = Settings(
        database_url="sqlite://",
        twilio_auth_token=TWILIO_TOKEN,
        public_url="https://sms.example.com",
        inbound_writer="process",
    )
    graph = bootstrap.build(settings)
    try:
        with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com"):
            assert graph.inbound_writer.child_pid is None
    finally:
        graph.close()


def test_a_child_that_cannot_start_leaves_the_server_recording_itself(
    graph: bootstrap.Stopline, settings: Settings
) -> None:
    broken = settings.model_copy(update={"database_url": "nosuchdriver://nowhere/db"})
    writer = InboundWriter(graph.commits, graph.inbound, graph.review)

    async def start() -> bool:
        started = await writer.start_process(broken, timeout=30)
        await writer.stop_process()
        return started

    assert asyncio.run(start()) is False  # the child exited before "ready": reaped, logged
    assert writer.child_pid is None


def test_requests_waiting_on_a_child_that_dies_are_recorded_by_the_server(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    """They used to be answered 500, and Twilio retries no 5xx by default: the opt-outs
    were lost (an acceptance tester killed the child under a burst of STOPs, 2026-12-05).
    Now the server records them itself and answers them as usual."""
    monkeypatch.setattr(inbound_writer, "RESTART_DELAYS", (0.2,))
    client, graph, in_server = served
    pid = graph.inbound_writer.child_pid
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)  # the child holds the requests without answering
    answers: dict[str, tuple[int, str]] = {}
    numbers = [f"+1415555{n:04d}" for n in range(105, 110)]

    def send(number: str) -> None:
        form = twilio_form(f"SMD{number[-4:]}", "STOP", from_=number)
        body, headers = twilio_signed(TWILIO_TOKEN, form)
        answer = client.post("/webhooks/twilio", content=body, headers=headers)
        answers[number] = (answer.status_code, answer.text)

    senders = [threading.Thread(target=send, args=(n,)) for n in numbers]
    for sender in senders:
        sender.start()
    time.sleep(0.5)
    assert answers == {}  # still waiting for the child
    os.kill(pid, signal.SIGKILL)
    for sender in senders:
        sender.join(30)
    assert [answers[n][0] for n in numbers] == [200] * len(numbers), answers
    assert all("unsubscribed" in text for _, text in answers.values())
    assert in_server.recorded == len(numbers)
    for number in numbers:
        state = contact(client, graph, number)
        assert state["suppressed"] is True and len(state["events"]) == 1
    wait_for(lambda: graph.inbound_writer.child_pid not in (None, pid))
    form = twilio_form(f"SMD{numbers[0][-4:]}", "STOP", from_=numbers[0])
    body, headers = twilio_signed(TWILIO_TOKEN, form)
    retried = client.post("/webhooks/twilio", content=body, headers=headers)  # the same again
    assert (retried.status_code, retried.text) == answers[numbers[0]]
    assert len(contact(client, graph, numbers[0])["events"]) == 1


def test_a_retry_in_the_same_batch_is_answered_with_the_first_deliverys_event(
    graph: bootstrap.Stopline,
) -> None:
    """A provider's retry that arrives while the first delivery is still in the batch: the
    same answer, event id included, and one event."""
    from stopline.domain.inbound import InboundMessage, InboundPolicy
    from stopline.domain.language import ClassifyContext, classify
    from stopline.domain.replies import Brand

    message = InboundMessage(
        "twilio", "SM-TWICE", "+14155550123", "+14155550199", "STOP", graph.clock()
    )
    command = InboundCommand(
        message,
        classify("STOP", ClassifyContext()),
        InboundPolicy(Brand("Acme", "help@acme.example")),
    )
    with graph.engine.begin() as conn:
        first, retry = graph.inbound(conn, [command, command])
    assert first.event_id is not None and not first.duplicate
    assert retry.duplicate and retry.event_id == first.event_id and retry.reply == first.reply
    with graph.engine.connect() as conn:
        stored = graph.inbound(conn, [command])  # a later retry: answered from storage
    assert stored[0].event_id == first.event_id


def test_a_commit_held_up_past_the_deadline_is_answered_503_and_still_recorded(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Something else holding SQLite's write lock (a backup) kept webhooks waiting past
    their provider's timeout. Past the deadline the request is answered 503 (a provider
    that retries does), and the STOP still commits once the lock is released."""
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("holds SQLite's write lock from another connection")
    monkeypatch.setattr(inbound_writer, "COMMIT_DEADLINE", 0.5)
    graph = bootstrap.build(settings.model_copy(update={"inbound_writer": "process"}))
    graph.commits.deadline = 0.5  # the server's own commit queue (/v1/consent)
    path = settings.database_url.removeprefix("sqlite:///")
    try:
        with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com") as c:
            assert graph.inbound_writer.child_pid is not None
            key = create_key(graph.engine, "w", frozenset({"write"}), graph.clock())
            holder = sqlite3.connect(path, isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")
            body, headers = twilio_signed(TWILIO_TOKEN, twilio_form("SM900", "STOP"))
            started = time.monotonic()
            late = c.post("/webhooks/twilio", content=body, headers=headers)
            waited = time.monotonic() - started
            forwarded = {"message_id": "f-1", "from": "+14155550177", "to": "+14155550199"}
            late_api = c.post(
                "/v1/inbound",
                json={**forwarded, "text": "STOP"},
                headers={"Authorization": f"Bearer {key.key}"},
            )
            late_consent = c.post(
                "/v1/consent",
                json={"number": "+14155550166", "kind": "opt_out"},
                headers={"Authorization": f"Bearer {key.key}"},
            )
            holder.execute("ROLLBACK")
            holder.close()
            assert late_consent.status_code == 503, late_consent.text  # and /v1/consent
            assert late_consent.json()["error"]["code"] == "database_busy"
            assert late_consent.headers["retry-after"] == "5"
            assert late.status_code == 503, late.text
            assert late.json()["error"]["code"] == "database_busy"
            assert late.headers["retry-after"] == "5" and waited < 10
            assert late_api.status_code == 503, late_api.text  # the same for /v1/inbound
            assert late_api.json()["error"]["code"] == "database_busy"
            deadline = time.monotonic() + 20
            while not contact(c, graph, "+14155550100")["suppressed"]:
                assert time.monotonic() < deadline, "the queued STOP never committed"
                time.sleep(0.1)
            retried = c.post("/webhooks/twilio", content=body, headers=headers)
            assert retried.status_code == 200 and "unsubscribed" in retried.text
            assert len(contact(c, graph, "+14155550100")["events"]) == 1
            while not contact(c, graph, "+14155550177")["suppressed"]:
                assert time.monotonic() < deadline, "the queued /v1/inbound STOP never committed"
                time.sleep(0.1)
            while not contact(c, graph, "+14155550166")["suppressed"]:
                assert time.monotonic() < deadline, "the queued /v1/consent opt-out never committed"
                time.sleep(0.1)
    finally:
        graph.close()


def test_a_confirmation_answered_503_is_not_delivered_until_a_retry_gets_it(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A STOP answered 503 (its commit came late) still commits with its TwiML confirmation,
    which never reached Twilio (Twilio does not retry by default). It used to count as the
    number's one confirmation: the next STOP got none, so the person never got one. Now it
    is marked not delivered; a later STOP gets the confirmation, and a retry of the first
    (which is answered with it) clears the mark."""
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("holds SQLite's write lock from another connection")
    monkeypatch.setattr(inbound_writer, "COMMIT_DEADLINE", 0.5)
    graph = bootstrap.build(settings.model_copy(update={"inbound_writer": "process"}))
    path = settings.database_url.removeprefix("sqlite:///")
    number, other = "+14155550100", "+14155550101"
    try:
        with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com") as c:
            holder = sqlite3.connect(path, isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")
            first, headers = twilio_signed(TWILIO_TOKEN, twilio_form("SM910", "STOP", number))
            late = c.post("/webhooks/twilio", content=first, headers=headers)
            other_body, other_headers = twilio_signed(
                TWILIO_TOKEN, twilio_form("SM920", "STOP", other)
            )
            late_other = c.post("/webhooks/twilio", content=other_body, headers=other_headers)
            holder.execute("ROLLBACK")
            holder.close()
            assert late.status_code == 503 and late_other.status_code == 503
            deadline = time.monotonic() + 20

            def confirmation(of: str) -> dict | None:  # type: ignore[type-arg]
                events = contact(c, graph, of)["events"]
                return events[0]["confirmation"] if events else None

            while (found := confirmation(number)) is None or found["status"] == "sent":
                assert time.monotonic() < deadline, f"not marked: {found}"
                time.sleep(0.1)
            assert found["via"] == "inline" and found["status"] == "not_delivered"
            assert found["at"] is None and "unsubscribed" in found["text"]
            again = post(c, "SM911", "STOP", number)  # the person tries again
            assert "unsubscribed" in again, "the one confirmation never went out"
            assert "unsubscribed" not in post(c, "SM912", "STOP", number)  # one is enough
            while (found := confirmation(other)) is None or found["status"] == "sent":
                assert time.monotonic() < deadline, f"not marked: {found}"
                time.sleep(0.1)
            retried = c.post("/webhooks/twilio", content=other_body, headers=other_headers)
            assert retried.status_code == 200 and "unsubscribed" in retried.text
            delivered = confirmation(other)
            assert delivered is not None and delivered["status"] == "sent" and delivered["at"]
            assert "unsubscribed" not in post(c, "SM921", "STOP", other)
    finally:
        graph.close()


def test_marks_of_answers_lost_to_a_503_on_both_databases(graph: bootstrap.Stopline) -> None:
    """The recorder's side of the 503 marks (SQLite and PostgreSQL). The route sends the
    command again marked late, through the same writer, so the mark lands after its original
    and before any retry of it. A marked STOP is not the number's confirmation and shows as
    not delivered; a retry answered with the stored reply clears the mark, in the same batch
    too; a STOP the provider answered itself (no reply stored) is never marked; a late
    command whose original never committed records it, marked; long ids are marked under
    the id they are stored with."""
    from dataclasses import replace

    from stopline.domain.inbound import InboundMessage, InboundPolicy
    from stopline.domain.language import Action, ClassifyContext, classify
    from stopline.storage import inbound as repo

    policy = InboundPolicy(Brand("Acme", "help@acme.example"))
    now = graph.clock()

    def stop(sid: str, number: str, keyword: Action | None = None) -> InboundCommand:
        message = InboundMessage("twilio", sid, number, "+14155550199", "STOP", now, keyword)
        return InboundCommand(message, classify("STOP", ClassifyContext()), policy)

    def shown(conn: Connection, number: str, event_id: int | None) -> tuple[str, str]:
        assert event_id is not None
        found = repo.confirmations(conn, number, [event_id])[event_id]
        return found.via, found.status

    a, b, c, d, e = (f"+1415555012{i}" for i in range(5))
    with graph.engine.begin() as conn:
        [first] = graph.inbound(conn, [stop("SM-A", a)])
        graph.inbound(conn, [replace(stop("SM-A", a), late=True)])
        graph.inbound(conn, [replace(stop("SM-A", a), late=True)])  # twice: one mark
        assert first.reply is not None
        assert shown(conn, a, first.event_id) == ("inline", "not_delivered")
        [second] = graph.inbound(conn, [stop("SM-A2", a)])
        assert second.reply is not None, "the marked STOP counted as the confirmation"
        [third] = graph.inbound(conn, [stop("SM-A3", a)])
        assert third.reply is None
        [retry] = graph.inbound(conn, [stop("SM-A", a)])
        assert retry.duplicate and retry.reply == first.reply
        assert shown(conn, a, first.event_id) == ("inline", "sent")
        # original, its late mark and a retry in one batch: the retry's answer delivered it
        original, _late, again = graph.inbound(
            conn, [stop("SM-B", b), replace(stop("SM-B", b), late=True), stop("SM-B", b)]
        )
        assert again.duplicate and shown(conn, b, original.event_id) == ("inline", "sent")
        # answered by the provider itself (Twilio's OptOutType): no reply stored, no mark
        [answered] = graph.inbound(conn, [stop("SM-C", c, Action.OPT_OUT)])
        assert answered.reply is None
        graph.inbound(conn, [replace(stop("SM-C", c, Action.OPT_OUT), late=True)])
        [later] = graph.inbound(conn, [stop("SM-C2", c)])
        assert later.reply is None, "a second confirmation after the provider's own"
        # the original never committed: the late command records it, marked
        [recorded] = graph.inbound(conn, [replace(stop("SM-D", d), late=True)])
        assert recorded.reply is not None and recorded.event_id is not None
        assert shown(conn, d, recorded.event_id) == ("inline", "not_delivered")
        # an id longer than the column: marked under its stored digest
        long_id = "L" * 200
        [stored] = graph.inbound(conn, [stop(long_id, e)])
        graph.inbound(conn, [replace(stop(long_id, e), late=True)])
        assert shown(conn, e, stored.event_id) == ("inline", "not_delivered")


def test_a_stop_beside_an_earlier_ones_late_copy_is_confirmed(graph: bootstrap.Stopline) -> None:
    """A reviewer (2026-12-05): while the database was held, STOP M1 was answered 503 and
    the person texted STOP again (M2); M1's late copy and M2 then came out in one batch
    (or M1 alone first), and M2 got no reply: the mark was written only at the batch's end.
    Zero confirmations. The batch's marks are settled before anything is decided now."""
    from dataclasses import replace

    from stopline.domain.inbound import InboundMessage, InboundPolicy
    from stopline.domain.language import ClassifyContext, classify

    policy = InboundPolicy(Brand("Acme", "help@acme.example"))
    now = graph.clock()

    def stop(sid: str, number: str) -> InboundCommand:
        message = InboundMessage("twilio", sid, number, "+14155550199", "STOP", now)
        return InboundCommand(message, classify("STOP", ClassifyContext()), policy)

    with graph.engine.begin() as conn:
        # all three in one batch
        first, _late, second = graph.inbound(
            conn,
            [
                stop("M1", "+14155550131"),
                replace(stop("M1", "+14155550131"), late=True),
                stop("M2", "+14155550131"),
            ],
        )
        assert first.reply is not None and second.reply is not None
        # the original alone first, then its late copy beside the second STOP
        [alone] = graph.inbound(conn, [stop("N1", "+14155550132")])
        _late, again = graph.inbound(
            conn, [replace(stop("N1", "+14155550132"), late=True), stop("N2", "+14155550132")]
        )
        assert alone.reply is not None and again.reply is not None
        [third] = graph.inbound(conn, [stop("N3", "+14155550132")])
        assert third.reply is None  # one confirmation delivered: enough
