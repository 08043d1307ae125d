"""The in-memory suppression index never answers from stale data."""

from __future__ import annotations

import itertools
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from stopline.domain.consent import ConsentDraft, Kind, Scope, Source
from stopline.services.gate import check_many, check_one
from stopline.services.ledger import record
from stopline.storage import migrate
from stopline.storage.engine import create_database_engine
from stopline.storage.suppression_index import Detail, Hit, SuppressionIndex
from stopline.storage.wal_watch import WalWatch


@pytest.fixture
def index(database_url: str, engine: Engine) -> Iterator[SuppressionIndex]:
    built = SuppressionIndex(database_url)
    yield built
    built.close()


def change(engine: Engine, number: str, kind: Kind, scope: Scope = Scope.parse("org")) -> None:
    now = datetime.now(UTC)
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        record(conn, [ConsentDraft(number, kind, Source.API, now, scope)], now)


def test_changes_by_another_writer_are_seen_at_the_next_check(
    engine: Engine, index: SuppressionIndex
) -> None:
    n = "+14155550100"
    assert index.blocked([n], ["organisation"]) == []
    change(engine, n, Kind.OPT_OUT)
    [(number, scope, _id)] = index.blocked([n], ["organisation"])
    assert (number, scope) == (n, "organisation")
    change(engine, n, Kind.OPT_OUT, Scope.topic("sales"))
    assert len(index.blocked([n], ["organisation", "topic:sales"])) == 2
    change(engine, n, Kind.OPT_IN)
    assert [h[1] for h in index.blocked([n], ["organisation", "topic:sales"])] == ["topic:sales"]
    answer = next(iter(check_many(index, [n], topic="sales")))
    assert not answer.decision.allowed and answer.decision.since is not None


def test_a_renewed_opt_out_is_reported_with_its_own_time_and_source(
    engine: Engine, index: SuppressionIndex
) -> None:
    """Details are kept by event id: a later opt-out of the same number is a new event,
    never answered with the first one's details."""
    n = "+14155550111"
    change(engine, n, Kind.OPT_OUT)
    first = next(iter(check_many(index, [n]))).decision
    assert next(iter(check_many(index, [n]))).decision == first  # from the kept details
    change(engine, n, Kind.OPT_IN)
    assert next(iter(check_many(index, [n]))).decision.allowed
    now = datetime.now(UTC)
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        record(conn, [ConsentDraft(n, Kind.OPT_OUT, Source.KEYWORD, now, Scope.parse("org"))], now)
    again = next(iter(check_many(index, [n]))).decision
    assert not again.allowed
    assert (again.source, again.since) == ("keyword", now)
    assert first.since is not None and again.since is not None and again.since > first.since


def test_an_opt_outs_details_are_read_once(
    engine: Engine, index: SuppressionIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = "+14155550122"
    change(engine, n, Kind.OPT_OUT)
    feed = index._feed
    asked: list[list[object]] = []
    original = feed.details

    def counting(hits: Sequence[Hit]) -> dict[int, Detail]:
        asked.append(list(hits))
        return original(hits)

    monkeypatch.setattr(feed, "details", counting)
    answers = [next(iter(check_many(index, [n]))).decision for _ in range(3)]
    assert len(asked) == 1 and answers[0] == answers[1] == answers[2]
    assert not answers[0].allowed and answers[0].since is not None


def test_existing_suppressions_are_loaded(database_url: str, engine: Engine) -> None:
    for i in range(5):
        change(engine, f"+1415555{i:04d}", Kind.OPT_OUT)
    fresh = SuppressionIndex(database_url)
    try:
        assert len(fresh.blocked([f"+1415555{i:04d}" for i in range(10)], ["organisation"])) == 5
    finally:
        fresh.close()


def test_postgres_commits_out_of_id_order_are_not_missed(
    database_url: str, engine: Engine, index: SuppressionIndex
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite commits one writer at a time, in id order")
    index.refresh()
    slow, fast = "+14155550111", "+14155550122"
    now = datetime.now(UTC)
    with engine.begin() as first:  # takes the lower event id, commits last
        record(first, [ConsentDraft(slow, Kind.OPT_OUT, Source.API, now)], now)
        change(engine, fast, Kind.OPT_OUT)  # higher id, committed first
        assert {h[0] for h in index.blocked([slow, fast], ["organisation"])} == {fast}
    assert {h[0] for h in index.blocked([slow, fast], ["organisation"])} == {slow, fast}


def test_batch_rendering_fast_path_equals_the_plain_one(
    engine: Engine, index: SuppressionIndex
) -> None:
    import orjson

    from stopline.api.consent import batch_item, render_results

    numbers = [f"+1415555{i:04d}" for i in range(40)]
    for i in (0, 3, 4, 39):
        change(engine, numbers[i], Kind.OPT_OUT)
    change(engine, numbers[3], Kind.OPT_OUT, Scope.topic('say "hi"'))
    for topic in (None, 'say "hi"'):
        answers = check_many(index, numbers, topic=topic)
        assert answers.canonical
        expected = {"results": [batch_item(c) for c in answers]}
        assert orjson.loads(render_results(answers)) == expected
    # written as people write them, some already E.164: read without libphonenumber
    mixed = [
        f"({n[2:5]}) {n[5:8]}-{n[8:]}" if i % 3 == 0 else n if i % 3 == 1 else f"1.{n[2:]}"
        for i, n in enumerate(numbers)
    ]
    national = [f"({n[2:5]}) {n[5:8]}-{n[8:]}" for n in numbers]
    for topic, written in itertools.product((None, 'say "hi"'), (mixed, national)):
        answers = check_many(index, written, topic=topic)
        assert answers.plain and not answers.canonical
        expected = {"results": [batch_item(c) for c in answers]}
        assert expected["results"][0]["input"] == "(415) 555-0000"
        assert orjson.loads(render_results(answers)) == expected
        assert answers.allowed_count() == sum(r["allowed"] for r in expected["results"])
        assert [r["number"] for r in expected["results"]] == numbers
    # anything else: invalid entries, inputs that need escaping, other countries
    odd = [
        "nope",
        'say "0003"',
        " +1 415 555 0004 ",
        "tel:+14155550005",
        "+447700900123",
        "+12120550100",
        "(415) 555-0039",
        "4155550000\u2028",
        "\\",
        "",
        *numbers[10:20],
    ]
    for topic in (None, 'say "hi"'):
        answers = check_many(index, odd, topic=topic)
        assert not answers.plain
        expected = {"results": [batch_item(c) for c in answers]}
        assert sum(not r["allowed"] for r in expected["results"]) >= 8
        assert orjson.loads(render_results(answers)) == expected
        assert answers.allowed_count() == sum(r["allowed"] for r in expected["results"])


def test_postgres_index_keeps_a_small_pool_under_concurrent_checks(
    database_url: str, engine: Engine
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite reads use per-thread connections, no pool")
    numbers = [f"+1415555{i:04d}" for i in range(20)]
    for n in numbers:
        change(engine, n, Kind.OPT_OUT)
    built = SuppressionIndex(database_url)
    try:

        def check(n: str) -> tuple[str, int]:
            hits = built.blocked([n], ["organisation"])
            return n, len(built.details(hits))

        with ThreadPoolExecutor(max_workers=16) as pool:
            answers = dict(pool.map(check, numbers * 3))
        assert answers == dict.fromkeys(numbers, 1)
        sa_pool = built._feed._engine.pool  # type: ignore[attr-defined]
        assert sa_pool.size() == 2
        assert sa_pool.checkedin() <= 2 and sa_pool.overflow() <= 0
    finally:
        built.close()


def _counting_queries(index: SuppressionIndex, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every SQL statement the index's SQLite feed sends."""
    feed = index._feed
    sent: list[str] = []
    original = feed._conn  # type: ignore[attr-defined]

    class Counting:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self._conn = conn

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
            sent.append(sql)
            return self._conn.execute(sql, *args)

    monkeypatch.setattr(feed, "_conn", lambda: Counting(original()))
    return sent


def test_sqlite_skips_the_ledger_query_only_while_nothing_commits(
    database_url: str, engine: Engine, index: SuppressionIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the wal-index header is SQLite's")
    n = "+14155550133"
    index.refresh()
    sent = _counting_queries(index, monkeypatch)
    for _ in range(3):
        assert index.blocked([n], ["organisation"]) == []
    assert sent == []  # nothing committed: answered from memory
    with engine.begin() as conn:  # a commit that is not a consent change still re-reads
        conn.exec_driver_sql("DELETE FROM consent_events WHERE id < 0")
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS scratch (x INTEGER)")
        conn.exec_driver_sql("INSERT INTO scratch VALUES (1)")
    assert index.blocked([n], ["organisation"]) == []
    assert len(sent) == 1
    change(engine, n, Kind.OPT_OUT)
    assert [h[0] for h in index.blocked([n], ["organisation"])] == [n]
    assert len(sent) == 2
    assert [h[0] for h in index.blocked([n], ["organisation"])] == [n]
    assert len(sent) == 2


def test_an_opt_out_committed_by_another_process_is_seen_at_once(
    database_url: str, engine: Engine, index: SuppressionIndex
) -> None:
    n = "+14155550144"
    assert index.blocked([n], ["organisation"]) == []
    script = (
        "import sys\n"
        "from datetime import UTC, datetime\n"
        "from stopline.domain.consent import ConsentDraft, Kind, Source\n"
        "from stopline.services.ledger import record\n"
        "from stopline.storage.engine import create_database_engine\n"
        "engine = create_database_engine(sys.argv[1])\n"
        "now = datetime.now(UTC)\n"
        "with engine.execution_options(sqlite_immediate=True).begin() as conn:\n"
        "    record(conn, [ConsentDraft(sys.argv[2], Kind.OPT_OUT, Source.API, now)], now)\n"
    )
    subprocess.run([sys.executable, "-c", script, database_url, n], check=True, timeout=120)
    assert [h[0] for h in index.blocked([n], ["organisation"])] == [n]


def test_the_wal_watch_vouches_only_for_a_whole_initialised_header(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    watch = WalWatch(str(db))
    assert watch.mark() is None  # no -shm file
    header = bytearray(48)
    header[12] = 1  # isInit
    header[16:20] = (7).to_bytes(4, "little")  # mxFrame
    shm = tmp_path / "x.db-shm"
    shm.write_bytes(bytes(header) * 2 + bytes(32_000))
    first = watch.mark()
    assert first == bytes(header) and watch.mark() == first
    torn = bytearray(header)
    torn[16] = 8  # the second copy is written first: a commit caught mid-write
    with shm.open("r+b") as f:
        f.write(bytes(torn))
    assert watch.mark() is None
    with shm.open("r+b") as f:
        f.seek(48)
        f.write(bytes(torn))
    assert watch.mark() == bytes(torn) != first
    uninitialised = bytearray(torn)
    uninitialised[12] = 0
    with shm.open("r+b") as f:
        f.write(bytes(uninitialised) * 2)
    assert watch.mark() is None
    watch.close()


def test_sqlite_commits_change_the_wal_index_header(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    engine = create_database_engine(url)
    migrate.upgrade(engine)
    index = SuppressionIndex(url)
    try:
        index.refresh()
        watch = WalWatch(str(tmp_path / "w.db"))
        before = watch.mark()
        assert before is not None and watch.mark() == before
        change(engine, "+14155550155", Kind.OPT_OUT)
        assert watch.mark() not in (None, before)
        watch.close()
    finally:
        index.close()
        engine.dispose()


@pytest.mark.parametrize("single", [False, True], ids=["blocked", "blocked_one"])
def test_a_lock_free_look_up_that_overlaps_a_refresh_is_discarded(
    engine: Engine, index: SuppressionIndex, monkeypatch: pytest.MonkeyPatch, single: bool
) -> None:
    """`blocked` and the single check's `blocked_one` follow the same seqlock rule."""
    if engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL checks always take the lock")
    n = "+14155550166"
    change(engine, n, Kind.OPT_OUT)

    def ask() -> list[Hit]:
        return (
            index.blocked_one(n, ["organisation"])
            if single
            else index.blocked([n], ["organisation"])
        )

    assert [h[0] for h in ask()] == [n]
    name = "_lookup_one" if single else "_lookup"
    real = getattr(index, name)
    calls: list[int] = []

    def overlapped(wanted: Any, scopes: Sequence[str]) -> list[Hit]:
        calls.append(index._version)
        if len(calls) == 1:  # as if another thread applied events during this look-up
            index._version += 2
            return []
        hits: list[Hit] = real(wanted, scopes)
        return hits

    monkeypatch.setattr(index, name, overlapped)
    assert [h[0] for h in ask()] == [n]
    assert len(calls) == 2  # the lock-free result was thrown away and the look-up redone


def test_events_are_applied_before_the_cursor_that_covers_them_is_published(
    engine: Engine, index: SuppressionIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    index.refresh()
    before = index._cursor
    seen: list[tuple[object, int]] = []
    real = index._set

    def watching(number: str, scope: str, event_id: int) -> None:
        seen.append((index._cursor, index._version))
        real(number, scope, event_id)

    monkeypatch.setattr(index, "_set", watching)
    change(engine, "+14155550177", Kind.OPT_OUT)
    index.refresh()
    assert seen and all(cursor is before and version % 2 == 1 for cursor, version in seen)
    assert index._cursor is not before and index._version % 2 == 0


def test_checks_from_many_threads_during_changes_stay_consistent(
    engine: Engine, index: SuppressionIndex
) -> None:
    """Readers racing a writer never fail and never see a number that was never changed."""
    numbers = [f"+1415555{i:04d}" for i in range(20)]
    untouched = "+14155559999"
    errors: list[BaseException] = []
    stop = False

    def read() -> None:
        try:
            while not stop:
                for hit in index.blocked([*numbers, untouched], ["organisation", "topic:sales"]):
                    assert hit[0] != untouched
        except BaseException as exc:  # reported below
            errors.append(exc)

    with ThreadPoolExecutor(3) as pool:
        readers = [pool.submit(read) for _ in range(3)]
        for round_ in range(6):
            kind = Kind.OPT_OUT if round_ % 2 == 0 else Kind.OPT_IN
            for number in numbers:
                change(engine, number, kind)
        stop = True
        for reader in readers:
            reader.result(timeout=60)
    assert errors == []
    assert index.blocked(numbers, ["organisation"]) == []  # the last round opted back in


def test_the_single_check_answers_as_the_list_check(
    engine: Engine, index: SuppressionIndex
) -> None:
    """`check_one` and `blocked_one` (the single check's own path) against `check_many` and
    `blocked` for numbers blocked at no, one and several scopes, asked with and without a
    sender and topic, before and after changes (including a renewed opt-out)."""
    org, sales, acme = Scope.parse("org"), Scope.topic("sales"), Scope.sender("+14155550999")
    plans: dict[str, list[tuple[Kind, Scope]]] = {
        "+14155550120": [],
        "+14155550121": [(Kind.OPT_OUT, org)],
        "+14155550122": [(Kind.OPT_OUT, sales)],
        "+14155550123": [(Kind.OPT_OUT, acme), (Kind.OPT_OUT, sales)],
        "+14155550124": [(Kind.OPT_OUT, org), (Kind.OPT_OUT, sales), (Kind.OPT_IN, org)],
        "+14155550125": [(Kind.OPT_OUT, org), (Kind.OPT_IN, org), (Kind.OPT_OUT, org)],
    }
    asks = [(None, None), ("+14155550999", None), (None, "sales"), ("+14155550999", "sales")]

    def agree() -> int:
        blocked = 0
        for number in plans:
            for sender, topic in asks:
                one = check_one(index, number, number, sender=sender, topic=topic)
                listed = next(iter(check_many(index, [number], sender=sender, topic=topic)))
                assert one == listed, (number, sender, topic)
                blocked += not one.decision.allowed
        for number in plans:
            for scopes in (
                ["organisation"],
                ["organisation", "topic:sales", "sender:+14155550999"],
            ):
                assert sorted(index.blocked_one(number, scopes)) == sorted(
                    index.blocked([number], scopes)
                )
        return blocked

    assert agree() == 0
    for step in range(3):
        for number, changes in plans.items():
            if step < len(changes):
                change(engine, number, *changes[step])
        agree()
    # organisation opt-outs block all four asks (…121, …125); a topic or sender opt-out only
    # the asks naming it (…122 and …124: two; …123, topic and sender: three)
    assert agree() == 4 + 2 + 3 + 2 + 4
