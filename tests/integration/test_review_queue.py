"""The review queue through the webhook, the API, the CLI and the sweep, on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from stopline.bootstrap import Stopline
from stopline.cli import app as cli
from stopline.cli.base import err as cli_err
from stopline.cli.base import out as cli_out
from stopline.config import Settings
from stopline.domain.calendar import due_date
from stopline.domain.review import Decision, ReviewPolicy
from stopline.services.ledger import rebuild, verify
from stopline.services.review import (
    DEADLINE_ACTOR,
    ReviewDecision,
    ReviewSweeper,
    decide,
    sweep,
)
from stopline.storage import review as repo
from stopline.storage.tables import consent_events, review_items, suppressions
from tests.helpers import twilio_form, wait_for_a_blocked_advisory_lock
from tests.integration.test_twilio_webhook import events, message_text, post

NUMBER = "+14155550100"
UNCLEAR = "Not interested"


def open_items(client: TestClient, key: dict[str, str], **params: Any) -> list[dict[str, Any]]:
    response = client.get("/v1/review", headers=key, params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]  # type: ignore[no-any-return]


def test_unclear_message_becomes_a_review_item_with_its_legal_due_date(
    client: TestClient, writer: dict[str, str], graph: Stopline
) -> None:
    response = post(client, twilio_form("SM100", UNCLEAR))
    assert response.status_code == 200 and message_text(response.text) is None
    again = post(client, twilio_form("SM100", UNCLEAR))  # provider retry: no second item
    assert again.content == response.content
    [item] = open_items(client, writer)
    assert item["status"] == "open" and item["text"] == UNCLEAR and item["number"] == NUMBER
    assert item["reading"]["rule"].startswith("phrase.en.review")
    received = datetime.fromisoformat(item["received_at"])
    assert datetime.fromisoformat(item["due_at"]) == due_date(received, 10, "UTC")
    assert datetime.fromisoformat(item["escalate_at"]) < datetime.fromisoformat(item["due_at"])
    assert events(client, writer) == []  # nothing decided yet: no consent change
    check = client.post("/v1/check", json={"number": NUMBER}, headers=writer).json()
    assert check["allowed"] is True


def test_reviewer_opt_out_is_recorded_on_the_ledger(
    client: TestClient, writer: dict[str, str], graph: Stopline
) -> None:
    post(client, twilio_form("SM101", "Stop, what is this about?"))
    [item] = open_items(client, writer)
    response = client.post(
        f"/v1/review/{item['id']}/decision",
        json={"decision": "opt_out", "actor": "ana@acme.example", "note": "asked to stop"},
        headers=writer,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["changed"] is True and body["item"]["status"] == "decided"
    assert body["item"]["decided_by"] == "ana@acme.example"
    [event] = events(client, writer)
    assert event["id"] == body["event_id"] == body["item"]["event_id"]
    assert event["source"] == "review" and event["actor"] == "ana@acme.example"
    assert event["kind"] == "opt_out" and event["raw_text"] == "Stop, what is this about?"
    assert event["provider_message_id"] == "SM101"
    # the opt-out took effect when the person texted, not when the reviewer decided
    assert datetime.fromisoformat(event["occurred_at"]) == datetime.fromisoformat(
        item["received_at"]
    )
    assert event["evidence"] == {"review_item": str(item["id"]), "note": "asked to stop"}
    check = client.post("/v1/check", json={"number": NUMBER}, headers=writer).json()
    assert check["allowed"] is False and check["source"] == "review"
    assert open_items(client, writer) == []
    [closed] = open_items(client, writer, status="closed")
    assert closed["decision"] == "opt_out"
    with graph.engine.connect() as conn:
        assert verify(conn).problems == []


def test_decisions_are_final_and_errors_are_clear(
    client: TestClient, writer: dict[str, str], checker: dict[str, str]
) -> None:
    post(client, twilio_form("SM102", UNCLEAR))
    [item] = open_items(client, writer)
    url = f"/v1/review/{item['id']}/decision"
    assert client.get("/v1/review", headers=checker).status_code == 403
    assert client.post(url, json={"decision": "maybe"}, headers=writer).status_code == 422
    bad_scope = client.post(url, json={"decision": "opt_out", "scope": "nope:"}, headers=writer)
    assert bad_scope.status_code == 422 and bad_scope.json()["error"]["field"] == "scope"
    first = client.post(url, json={"decision": "no_action"}, headers=writer)
    assert first.status_code == 200 and first.json()["event_id"] is None
    assert first.json()["item"]["decided_by"] == "api-key:test-write"
    second = client.post(url, json={"decision": "opt_out"}, headers=writer)
    assert second.status_code == 409 and second.json()["error"]["code"] == "already_decided"
    missing = client.post(
        "/v1/review/999999/decision", json={"decision": "opt_out"}, headers=writer
    )
    assert missing.status_code == 404
    assert client.get("/v1/review/999999", headers=writer).status_code == 404
    assert client.get(f"/v1/review/{item['id']}", headers=writer).json()["status"] == "decided"
    assert events(client, writer) == []
    assert client.get("/v1/review?cursor=zz", headers=writer).status_code == 422


def test_pagination(client: TestClient, writer: dict[str, str]) -> None:
    for i in range(5):
        post(client, twilio_form(f"SM11{i}", UNCLEAR, from_=f"+1415555020{i}"))
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/v1/review", headers=writer, params=params).json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 5 and seen == sorted(seen)


def _received(engine: Engine, text: str, sid: str, number: str = NUMBER) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                select(review_items.c.id).where(review_items.c.number == number)
            ).scalar_one()
        )


def test_sweep_escalates_then_applies_the_default_opt_out(
    client: TestClient, graph: Stopline, writer: dict[str, str]
) -> None:
    post(client, twilio_form("SM120", UNCLEAR))
    item_id = _received(graph.engine, UNCLEAR, "SM120")
    with graph.engine.connect() as conn:
        item = repo.get(conn, item_id)
    assert item is not None
    policy = ReviewPolicy()
    with graph.engine.begin() as conn:
        early = sweep(conn, item.escalate_at - timedelta(minutes=1), policy)
    assert early.empty
    with graph.engine.begin() as conn:
        report = sweep(conn, item.escalate_at, policy)
    assert report.escalated == [item_id] and report.defaulted == []
    assert [i["escalated"] for i in open_items(client, writer)] == [True]
    with graph.engine.begin() as conn:
        assert sweep(conn, item.escalate_at + timedelta(minutes=1), policy).empty  # once only
        report = sweep(conn, item.default_at, policy)
    [result] = report.defaulted
    assert result.item is not None and result.item.status == "defaulted"
    [event] = events(client, writer)
    assert event["source"] == "review" and event["actor"] == DEADLINE_ACTOR
    assert item.default_at < item.due_at
    with graph.engine.begin() as conn:
        assert sweep(conn, item.due_at + timedelta(days=30), policy).empty


def test_default_can_be_no_action(
    client: TestClient, graph: Stopline, writer: dict[str, str]
) -> None:
    post(client, twilio_form("SM121", UNCLEAR))
    item_id = _received(graph.engine, UNCLEAR, "SM121")
    with graph.engine.begin() as conn:
        report = sweep(
            conn, datetime.now(UTC) + timedelta(days=60), ReviewPolicy(default=Decision.NO_ACTION)
        )
    assert [r.item_id for r in report.defaulted] == [item_id]
    assert events(client, writer) == []


def test_one_item_is_decided_once_even_in_one_batch(graph: Stopline, client: TestClient) -> None:
    post(client, twilio_form("SM122", UNCLEAR))
    item_id = _received(graph.engine, UNCLEAR, "SM122")
    now = datetime.now(UTC)
    with graph.engine.begin() as conn:
        results = decide(
            conn,
            [
                ReviewDecision(item_id, Decision.OPT_OUT, "a"),
                ReviewDecision(item_id, Decision.NO_ACTION, "b"),
                ReviewDecision(424242, Decision.OPT_OUT, "c"),
            ],
            now,
        )
    assert [r.outcome for r in results] == ["decided", "already_decided", "not_found"]
    with graph.engine.begin() as conn:
        assert conn.execute(select(consent_events.c.actor)).scalars().all() == ["a"]
        before = conn.execute(select(suppressions)).all()
        rebuild(conn)
        assert conn.execute(select(suppressions)).all() == before


@pytest.mark.parametrize(
    ("first", "second"),
    [(Decision.OPT_OUT, Decision.OPT_IN), (Decision.NO_ACTION, Decision.OPT_OUT)],
)
def test_the_losing_decision_of_one_batch_records_nothing(
    graph: Stopline, client: TestClient, first: Decision, second: Decision
) -> None:
    """Two reviewers deciding one item at once, committed in one batch: the second was
    answered 409 yet its event was written, so a refused opt-in lifted an opt-out (a
    black-box tester, 2026-12-05: 7 races in 40)."""
    post(client, twilio_form("SM123", UNCLEAR))
    item_id = _received(graph.engine, UNCLEAR, "SM123")
    with graph.engine.begin() as conn:
        results = decide(
            conn,
            [ReviewDecision(item_id, first, "alice"), ReviewDecision(item_id, second, "bob")],
            datetime.now(UTC),
        )
    assert [r.outcome for r in results] == ["decided", "already_decided"]
    with graph.engine.begin() as conn:
        actors = conn.execute(select(consent_events.c.actor)).scalars().all()
    assert "bob" not in actors
    assert actors == (["alice"] if first is Decision.OPT_OUT else [])


def test_opt_out_decision_on_an_already_opted_out_number(
    graph: Stopline, client: TestClient, writer: dict[str, str]
) -> None:
    post(client, twilio_form("SM123", UNCLEAR))
    post(client, twilio_form("SM124", "STOP"))
    [item] = open_items(client, writer)
    response = client.post(
        f"/v1/review/{item['id']}/decision", json={"decision": "opt_out"}, headers=writer
    )
    assert response.status_code == 200
    assert response.json()["changed"] is False and response.json()["event_id"] is None
    assert len(events(client, writer)) == 1


def test_sweep_endpoint_needs_admin(
    client: TestClient, writer: dict[str, str], admin: dict[str, str]
) -> None:
    assert client.post("/v1/review/sweep", headers=writer).status_code == 403
    response = client.post("/v1/review/sweep", headers=admin)
    assert response.status_code == 200 and response.json() == {"escalated": [], "defaulted": []}


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STOPLINE_DATABASE_URL", settings.database_url)
    monkeypatch.setattr(cli_out, "width", 200)  # no wrapping in the table under test
    monkeypatch.setattr(cli_err, "width", 200)


def test_cli_review_list_and_decide(
    cli_env: None, client: TestClient, writer: dict[str, str]
) -> None:
    post(client, twilio_form("SM130", UNCLEAR))
    [item] = open_items(client, writer)
    runner = CliRunner()
    listed = runner.invoke(cli, ["review", "list"])
    assert listed.exit_code == 0, listed.output
    assert UNCLEAR in listed.output and NUMBER in listed.output
    bad = runner.invoke(cli, ["review", "decide", str(item["id"]), "perhaps", "--actor", "x"])
    assert bad.exit_code == 2 and "opt-out, no-action or opt-in" in bad.output
    done = runner.invoke(
        cli, ["review", "decide", str(item["id"]), "opt-out", "--actor", "sam", "--note", "n"]
    )
    assert done.exit_code == 0, done.output
    assert "opt-out recorded" in done.output
    again = runner.invoke(cli, ["review", "decide", str(item["id"]), "no-action", "--actor", "x"])
    assert again.exit_code == 1 and "already decided" in again.output
    missing = runner.invoke(cli, ["review", "decide", "99999", "opt-out", "--actor", "x"])
    assert missing.exit_code == 1
    [event] = events(client, writer)
    assert event["actor"] == "sam" and event["source"] == "review"
    swept = runner.invoke(cli, ["review", "sweep"])
    assert swept.exit_code == 0 and "0 escalated" in swept.output
    # a person may also decide an item was a genuine opt-in (one that lifts the opt-out)
    post(client, twilio_form("SM131", UNCLEAR))
    [later] = open_items(client, writer)
    lifted = runner.invoke(cli, ["review", "decide", str(later["id"]), "opt-in", "--actor", "al"])
    assert lifted.exit_code == 0 and "opt-in recorded" in lifted.output, lifted.output
    assert [e["kind"] for e in events(client, writer)] == ["opt_out", "opt_in"]


def test_the_server_sweeps_periodically(settings: Settings) -> None:
    """With review_sweep_seconds set, the running app applies the deadline default by itself."""
    import time as clock

    from sqlalchemy import update

    from stopline import bootstrap
    from stopline.api.app import create_app

    fast = settings.model_copy(update={"review_sweep_seconds": 0.2})
    graph = bootstrap.build(fast)
    try:
        with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com") as app:
            post(app, twilio_form("SM140", UNCLEAR))
            with graph.engine.begin() as conn:  # the deadline has come
                past = datetime.now(UTC) - timedelta(minutes=1)
                conn.execute(update(review_items).values(default_at=past, escalate_at=past))
            deadline = clock.monotonic() + 20
            status = "open"
            while status == "open" and clock.monotonic() < deadline:
                clock.sleep(0.1)
                with graph.engine.connect() as conn:
                    status = conn.execute(select(review_items.c.status)).scalar_one()
            assert status == "defaulted"
            # counted once the sweep's opt-outs have settled with the send fence, a moment
            # after the commit (a thread's round trip on PostgreSQL): wait for it
            metrics = app.get("/metrics").text
            while "stopline_review_defaulted_total 1.0" not in metrics:
                assert clock.monotonic() < deadline, metrics
                clock.sleep(0.1)
                metrics = app.get("/metrics").text
            assert "stopline_review_escalated_total 1.0" in metrics
    finally:
        graph.close()


def test_a_later_start_supersedes_an_opt_out_decision(
    client: TestClient, writer: dict[str, str], graph: Stopline
) -> None:
    post(client, twilio_form("SM300", UNCLEAR))  # unclear, then the person texts START
    post(client, twilio_form("SM301", "START"))
    [item] = open_items(client, writer)
    response = client.post(
        f"/v1/review/{item['id']}/decision",
        json={"decision": "opt_out", "actor": "ana"},
        headers=writer,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["superseded_by"] is not None and body["changed"] is False
    assert body["item"]["decision"] == "no_action" and "superseded" in body["item"]["note"]
    assert [e["kind"] for e in events(client, writer)] == ["opt_in"]
    check = client.post("/v1/check", json={"number": NUMBER}, headers=writer).json()
    assert check["allowed"] is True  # the person's newer START stands


def test_postgres_a_start_racing_an_opt_out_decision_is_seen_not_overtaken(
    client: TestClient, writer: dict[str, str], graph: Stopline
) -> None:
    """The decision reads the person's later statements only once it holds the number's
    chain: a START committed while it waited is seen (no_action), never overtaken by an
    opt-out appended after it (the person told "subscribed again", then blocked)."""
    import threading

    from stopline.domain.consent import ConsentDraft, Kind, Source
    from stopline.services.ledger import record
    from stopline.storage.ledger import lock_chains

    if graph.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: nothing can race")
    post(client, twilio_form("SM310", UNCLEAR))
    [item] = open_items(client, writer)
    other = graph.engine.connect()
    other_tx = other.begin()
    lock_chains(other, [NUMBER])
    results: list[Any] = []

    def deciding() -> None:
        with graph.engine.begin() as conn:
            results.extend(
                decide(
                    conn, [ReviewDecision(item["id"], Decision.OPT_OUT, "ana")], datetime.now(UTC)
                )
            )

    worker = threading.Thread(target=deciding)
    worker.start()
    wait_for_a_blocked_advisory_lock(graph.engine)  # until the decision waits for it
    start = ConsentDraft(NUMBER, Kind.OPT_IN, Source.KEYWORD, datetime.now(UTC), raw_text="START")
    record(other, [start], datetime.now(UTC))
    other_tx.commit()
    other.close()
    worker.join(30)
    [result] = results
    assert result.item.decision == "no_action" and result.superseded_by is not None
    assert [e["kind"] for e in events(client, writer)] == ["opt_in"]


def test_postgres_a_sweep_waiting_for_a_chain_holds_no_transaction_id_so_the_feed_keeps_order(
    client: TestClient, writer: dict[str, str], graph: Stopline
) -> None:
    """A black-box tester, 2026-12-05: the sweep escalated items (a write, which takes the
    transaction's id) before it waited for a number's chain; the writer it waited for then
    committed seq 1 under a newer id than the sweep's seq 2, and the consent feed (in
    transaction order) and the push sync handed out seq 2 first. The sweep now locks the
    chains first: while it waits it has no transaction id."""
    import threading

    from sqlalchemy import text

    from stopline.domain.consent import ConsentDraft, Kind, Source
    from stopline.services.ledger import record
    from stopline.storage.ledger import lock_chains

    if graph.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time: nothing can race")
    post(client, twilio_form("SM320", UNCLEAR))
    item_id = _received(graph.engine, UNCLEAR, "SM320")
    with graph.engine.connect() as conn:
        item = repo.get(conn, item_id)
    assert item is not None
    with graph.engine.connect() as conn:  # and the server's sweeps name them to GroupCommit,
        sweeper = ReviewSweeper(ReviewPolicy())  # which locks them before any handler writes
        assert sweeper.chain_numbers(conn, [item.created_at, item.due_at]) == [NUMBER]
        assert sweeper.chain_numbers(conn, [item.created_at]) == []
    other = graph.engine.connect()
    other_tx = other.begin()
    lock_chains(other, [NUMBER])
    reports: list[Any] = []

    def sweeping() -> None:
        with graph.engine.begin() as conn:
            reports.append(sweep(conn, item.due_at, ReviewPolicy()))

    worker = threading.Thread(target=sweeping)
    worker.start()
    wait_for_a_blocked_advisory_lock(graph.engine)
    with graph.engine.connect() as watch:
        waiting_xids = watch.execute(
            text(
                "SELECT a.backend_xid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid"
                " WHERE l.locktype = 'advisory' AND NOT l.granted"
            )
        ).all()
    earlier = item.received_at - timedelta(days=1)  # older than the message: no supersession
    start = ConsentDraft(NUMBER, Kind.OPT_IN, Source.CRM, earlier, raw_text="crm")
    record(other, [start], datetime.now(UTC))
    other_tx.commit()
    other.close()
    worker.join(30)
    assert waiting_xids == [(None,)], waiting_xids  # the sweep had written nothing yet
    [report] = reports
    assert report.escalated == [item_id] and [r.item_id for r in report.defaulted] == [item_id]
    feed = client.get("/v1/consent/events", headers=writer).json()["events"]
    assert [(e["seq"], e["kind"]) for e in feed if e["number"] == NUMBER] == [
        (1, "opt_in"),
        (2, "opt_out"),
    ]


def test_cli_opt_out_decision_waits_for_a_send_in_flight(
    cli_env: None, client: TestClient, writer: dict[str, str], settings: Settings
) -> None:
    """As the API's decision does: the CLI says "recorded" only once no broadcast send to
    the number is still on its way (SQLite's fence file; PostgreSQL's is the same protocol)."""
    import threading
    from pathlib import Path

    from stopline.storage.engine import sqlite_file
    from tests.integration.test_send_locks import sending_elsewhere

    path = sqlite_file(settings.database_url)
    if path is None:
        pytest.skip("the fence file belongs to SQLite")
    post(client, twilio_form("SM131", UNCLEAR))
    [item] = open_items(client, writer)
    answers: list[Any] = []
    with sending_elsewhere(Path(f"{path}-fence"), NUMBER) as child:
        deciding = threading.Thread(
            target=lambda: answers.append(
                CliRunner().invoke(
                    cli, ["review", "decide", str(item["id"]), "opt-out", "--actor", "sam"]
                )
            )
        )
        deciding.start()
        deciding.join(3)
        assert deciding.is_alive() and answers == []  # recorded, still waiting for the send
        assert child.stdin is not None
        child.stdin.close()  # the provider call returns
        child.wait(10)
        deciding.join(30)
    [done] = answers
    assert done.exit_code == 0 and "opt-out recorded" in done.output, done.output
