"""The consent change feed (GET /v1/consent/events), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from stopline.domain.consent import ConsentDraft, Kind, Source
from stopline.services import ledger
from stopline.storage import consent_feed
from tests.helpers import wait_for_a_blocked_advisory_lock


def _all(client: TestClient, headers: dict[str, str], cursor: str | None, limit: int) -> tuple:
    events: list[dict] = []
    pages = 0
    while True:
        params: dict[str, object] = {"limit": limit}
        if cursor is not None:
            params["cursor"] = cursor
        response = client.get("/v1/consent/events", params=params, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        events += body["events"]
        cursor = body["next_cursor"]
        pages += 1
        if not body["has_more"]:
            return events, cursor, pages


def test_the_feed_hands_out_every_event_once_in_order_and_resumes(
    client: TestClient, admin: dict[str, str], checker: dict[str, str]
) -> None:
    numbers = [f"+1415555{i:04d}" for i in range(5)]
    for n in numbers:
        client.post("/v1/consent", json={"number": n, "kind": "opt_out"}, headers=admin)
    client.post("/v1/consent", json={"number": numbers[0], "kind": "opt_in"}, headers=admin)
    inbound = {"message_id": "m1", "from": "(415) 555-0042", "to": "+14155550199", "text": "STOP"}
    assert client.post("/v1/inbound", json=inbound, headers=admin).status_code == 200

    events, cursor, pages = _all(client, checker, None, limit=2)
    assert pages == 4  # 7 events, 2 a page (the last page is not cut at the limit)
    assert [e["number"] for e in events] == [*numbers, numbers[0], "+14155550042"]
    assert [e["kind"] for e in events] == ["opt_out"] * 5 + ["opt_in", "opt_out"]
    assert [e["id"] for e in events] == sorted(e["id"] for e in events)
    assert events[-1]["raw_text"] == "STOP" and events[-1]["source"] == "keyword"
    history = client.get(f"/v1/contacts/{numbers[0]}", headers=checker).json()["events"]
    assert [e["hash"] for e in events if e["number"] == numbers[0]] == [h["hash"] for h in history]

    # at the end: an empty page that keeps the cursor, then only what is new
    again = client.get("/v1/consent/events", params={"cursor": cursor}, headers=checker).json()
    assert again == {"events": [], "next_cursor": cursor, "has_more": False}
    client.post("/v1/consent", json={"number": numbers[1], "kind": "opt_in"}, headers=admin)
    new, _cursor, _pages = _all(client, checker, cursor, limit=500)
    assert [(e["number"], e["kind"]) for e in new] == [(numbers[1], "opt_in")]


def test_bad_cursors_are_422_naming_the_cursor(client: TestClient, checker: dict[str, str]) -> None:
    first = client.get("/v1/consent/events", headers=checker).json()
    foreign = "p1.2" if first["next_cursor"].startswith("s") else "s2"
    ahead = "p5.99999999" if first["next_cursor"].startswith("p") else "s99999999"
    for bad in ("zz", "s-1", "sXYZ", "p1", "p.1", foreign, "s" + "f" * 30, ahead):
        response = client.get("/v1/consent/events", params={"cursor": bad}, headers=checker)
        assert response.status_code == 422, bad
        assert response.json()["error"]["field"] == "cursor"
    assert client.get("/v1/consent/events", params={"limit": 0}, headers=checker).status_code == 422
    assert client.get("/v1/consent/events").status_code == 401


def _draft(number: str) -> ConsentDraft:
    return ConsentDraft(
        number=number, kind=Kind.OPT_OUT, source=Source.API, occurred_at=datetime.now(UTC)
    )


@pytest.mark.postgres
def test_postgres_an_event_committed_after_a_later_id_is_not_skipped(
    postgres_schema_url: str,
) -> None:
    """Transaction A takes a lower id and commits after B: a reader that had passed B's id
    would skip A's event for ever. The feed holds B back until A has ended."""
    from stopline.storage import migrate
    from stopline.storage.engine import create_database_engine

    engine: Engine = create_database_engine(postgres_schema_url)
    migrate.upgrade(engine)
    try:
        with engine.connect() as reader:
            start = consent_feed.read_page(reader, None, 10_000).cursor
            reader.rollback()
            slow = engine.connect()
            slow_tx = slow.begin()
            ledger.record(slow, [_draft("+14155551001")], datetime.now(UTC))  # the lower id
            with engine.begin() as fast:
                ledger.record(fast, [_draft("+14155551002")], datetime.now(UTC))
            held = consent_feed.read_page(reader, start, 100)
            reader.rollback()
            assert held.events == [] and held.cursor == start
            slow_tx.commit()
            slow.close()
            page = consent_feed.read_page(reader, start, 100)
            reader.rollback()
            assert [e.draft.number for e in page.events] == ["+14155551001", "+14155551002"]
            assert consent_feed.read_page(reader, page.cursor, 100).events == []
    finally:
        engine.dispose()


def test_read_page_refuses_cursors_it_did_not_hand_out(engine: Engine) -> None:
    with engine.connect() as conn:
        page = consent_feed.read_page(conn, None, 10)
        assert page.events == [] and not page.more
        assert consent_feed.read_page(conn, page.cursor, 10).cursor == page.cursor
        with pytest.raises(ValueError, match="invalid cursor"):
            consent_feed.read_page(conn, page.cursor + "g", 10)


@pytest.mark.postgres
def test_postgres_events_restored_from_another_cluster_are_adopted_not_lost(
    postgres_schema_url: str,
) -> None:
    """pg_dump keeps the txid column: restored events can carry transaction ids ahead of the
    new cluster's, which the feed would hold back for ever (and a follower's old cursor
    would skip every new event). Start-up renumbers them; old cursors are refused."""
    from sqlalchemy import text

    from stopline import bootstrap
    from stopline.config import Settings
    from stopline.storage.engine import create_database_engine

    engine: Engine = create_database_engine(postgres_schema_url)
    try:
        with engine.begin() as conn:
            ledger.record(conn, [_draft("+14155551003")], datetime.now(UTC))
            conn.execute(text("UPDATE consent_events SET txid = txid + 10000000000"))
        with engine.connect() as conn:
            stuck = consent_feed.read_page(conn, None, 100)
            assert stuck.events == []  # held back: its transaction looks as if still running
            old = f"p{10_000_000_000 + 5:x}.{1:x}"
            conn.rollback()
        bootstrap.open_database(Settings(database_url=postgres_schema_url)).dispose()
        with engine.connect() as conn:
            page = consent_feed.read_page(conn, None, 100)
            assert [e.draft.number for e in page.events] == ["+14155551003"]
            with pytest.raises(ValueError, match="ahead"):
                consent_feed.read_page(conn, old, 100)
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_postgres_a_numbers_events_come_out_of_the_feed_in_their_order(
    postgres_schema_url: str,
) -> None:
    """A batch whose first handler writes (and so takes its transaction id) before the
    second waits on a number's chain lock would carry an older id than the transaction it
    waited for: the feed, in transaction-id order, would hand out that number's second
    event before its first. Every chain is locked before the batch's first write."""
    import threading

    from stopline.services.ledger import ConsentRecorder
    from stopline.storage import migrate
    from stopline.storage.commit_queue import GroupCommit
    from stopline.storage.engine import create_database_engine
    from stopline.storage.ledger import lock_chains

    engine: Engine = create_database_engine(postgres_schema_url)
    migrate.upgrade(engine)
    first, second = (
        ConsentRecorder(lambda: datetime.now(UTC)),
        ConsentRecorder(lambda: datetime.now(UTC)),
    )
    group = GroupCommit(engine)
    try:
        with engine.connect() as reader:
            start = consent_feed.read_page(reader, None, 10_000).cursor
            reader.rollback()
        other = engine.connect()
        other_tx = other.begin()
        lock_chains(other, ["+14155551102"])  # holds the chain, no transaction id yet
        back_in = ConsentDraft(
            number="+14155551102",
            kind=Kind.OPT_IN,
            source=Source.API,
            occurred_at=datetime.now(UTC),
        )
        batch = [(first, _draft("+14155551101")), (second, back_in)]
        worker = threading.Thread(target=group.run, args=(batch,))
        worker.start()
        wait_for_a_blocked_advisory_lock(engine)  # until the batch waits for that chain
        earlier = ConsentDraft(
            number="+14155551102",
            kind=Kind.OPT_OUT,
            source=Source.API,
            occurred_at=datetime.now(UTC) - timedelta(hours=1),
        )
        ledger.record(other, [earlier], datetime.now(UTC))
        other_tx.commit()
        other.close()
        worker.join(30)
        with engine.connect() as reader:
            page = consent_feed.read_page(reader, start, 100)
        seqs = [e.seq for e in page.events if e.draft.number == "+14155551102"]
        assert len(page.events) == 3 and seqs == sorted(seqs) == [1, 2]
    finally:
        group.close()
        engine.dispose()
