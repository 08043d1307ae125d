"""The group-commit writer survives cancelled callers, failing handlers and failing hooks."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from concurrent.futures import CancelledError, Future

import pytest
from sqlalchemy import Connection, Engine, text

from stopline.config import Settings
from stopline.storage.commit_queue import CommitFailed, CommitQueue, CommitQueueClosed


def echo(_conn: Connection, items: Sequence[int]) -> list[int]:
    return [i * 2 for i in items]


def picky(conn: Connection, items: Sequence[int]) -> list[int]:
    conn.execute(text("SELECT 1"))
    if 13 in items:
        raise ValueError("unlucky")
    return list(items)


def test_cancelled_waiters_do_not_stop_the_writer(engine: Engine) -> None:
    queue = CommitQueue(engine)
    try:
        futures = [queue.submit(echo, i) for i in range(50)]
        for f in futures[::3]:
            f.cancel()
        assert queue.run(echo, 21) == 42
        for i, f in enumerate(futures):
            if i % 3:
                assert f.result(10) == i * 2
            else:
                with pytest.raises(CancelledError):
                    f.result(10)
        assert queue.alive
    finally:
        queue.close()


def test_a_failing_item_fails_alone(engine: Engine) -> None:
    queue = CommitQueue(engine)
    try:
        futures = {i: queue.submit(picky, i) for i in (11, 12, 13, 14)}
        assert [futures[i].result(10) for i in (11, 12, 14)] == [11, 12, 14]
        with pytest.raises(ValueError, match="unlucky"):
            futures[13].result(10)
        assert queue.run(echo, 1) == 2
    finally:
        queue.close()


def test_a_failing_metrics_hook_does_not_stop_the_writer(engine: Engine) -> None:
    def broken(_size: int, _seconds: float) -> None:
        raise RuntimeError("metrics backend down")

    queue = CommitQueue(engine, on_batch=broken)
    try:
        assert [queue.run(echo, i) for i in range(3)] == [0, 2, 4]
    finally:
        queue.close()


def test_async_waiters_and_closing(engine: Engine) -> None:
    queue = CommitQueue(engine)

    async def main() -> list[int]:
        return list(await asyncio.gather(*(queue.submit_async(echo, i) for i in range(20))))

    assert asyncio.run(main()) == [i * 2 for i in range(20)]
    queue.close()
    with pytest.raises(CommitQueueClosed):
        queue.submit(echo, 1)


def backend(conn: Connection, items: Sequence[int]) -> list[object]:
    from stopline.storage.bulk import select_rows  # the driver-cursor path the recorder uses

    [(pid,)] = select_rows(conn, "SELECT pg_backend_pid()", [])
    return [pid for _ in items]


@pytest.mark.postgres
def test_a_connection_lost_between_batches_is_replaced(postgres_schema_url: str) -> None:
    from stopline.storage.commit_queue import GroupCommit
    from stopline.storage.engine import create_database_engine

    engine = create_database_engine(postgres_schema_url)
    group = GroupCommit(engine)
    try:
        [(ok, first)] = group.run([(backend, 1)])
        assert ok
        with engine.connect() as admin:  # the server drops the writer's connection
            admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first})
        [(ok, second)] = group.run([(backend, 2)])
        assert ok and second != first  # retried on a new connection
        [(ok, third)] = group.run([(backend, 3)])
        assert ok and third == second  # and that one is kept
    finally:
        group.close()
        engine.dispose()


def test_two_writers_appending_to_one_number_wait_for_each_other(settings: Settings) -> None:
    """On PostgreSQL two transactions extending one number's chain would both read the same
    head and collide on the next seq; each takes the chain's lock first instead."""
    import threading
    from datetime import UTC, datetime

    from stopline import bootstrap
    from stopline.domain.consent import ConsentDraft, Kind, Source
    from stopline.services.ledger import record, verify

    engine = bootstrap.open_database(settings)
    errors: list[BaseException] = []

    def writer(kind: Kind) -> None:
        try:
            for _ in range(25):
                now = datetime.now(UTC)
                draft = ConsentDraft("+14155550280", kind, Source.API, now)
                with engine.execution_options(sqlite_immediate=True).begin() as conn:
                    record(conn, [draft], now)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in (Kind.OPT_OUT, Kind.OPT_IN)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with engine.connect() as conn:
        assert verify(conn).problems == []
    engine.dispose()


def test_a_failed_batch_is_logged_without_its_parameters(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    """SQLAlchemy's error text carries the statement's parameters: people's messages."""

    def clash(conn: Connection, items: Sequence[str]) -> list[str]:
        conn.execute(text("CREATE TABLE IF NOT EXISTS clash_probe (k TEXT PRIMARY KEY)"))
        for item in items:
            conn.execute(text("INSERT INTO clash_probe (k) VALUES (:k)"), {"k": item})
        return list(items)

    queue = CommitQueue(engine)
    try:
        queue.run(clash, "Jane Doe, please stop texting me")
        with pytest.raises(CommitFailed, match=r"could not commit after retries: \S") as e:
            queue.run(clash, "Jane Doe, please stop texting me")
        assert not e.value.busy and "Jane Doe" not in str(e.value)
    finally:
        queue.close()
        with engine.begin() as conn:  # the schema is shared with other tests
            conn.execute(text("DROP TABLE IF EXISTS clash_probe"))
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "failed (attempt 1)" in logged and "Jane Doe" not in logged


class Reporting:
    """A handler that is told what it committed (as the inbound recorder is, to log it)."""

    def __init__(self, fail_report: bool = False) -> None:
        self.reported: list[tuple[list[int], list[int]]] = []
        self.answered_first: list[bool] = []
        self.fail_report = fail_report
        self.futures: list[Future[int]] = []

    def __call__(self, conn: Connection, items: Sequence[int]) -> list[int]:
        conn.execute(text("SELECT 1"))
        if 13 in items:
            raise ValueError("unlucky")
        return [i * 10 for i in items]

    def committed(self, items: Sequence[int], results: Sequence[int]) -> None:
        self.answered_first.append(all(f.done() for f in self.futures))
        self.reported.append((list(items), list(results)))
        if self.fail_report:
            raise RuntimeError("log sink down")


@pytest.mark.parametrize("fail_report", [False, True])
def test_handlers_hear_what_committed_after_the_answers(engine: Engine, fail_report: bool) -> None:
    handler = Reporting(fail_report)
    queue = CommitQueue(engine)
    try:
        handler.futures = [queue.submit(handler, i) for i in (1, 2, 13, 3)]
        assert [handler.futures[i].result(10) for i in (0, 1, 3)] == [10, 20, 30]
        with pytest.raises(ValueError, match="unlucky"):
            handler.futures[2].result(10)
        assert queue.run(echo, 4) == 8  # the writer lives on, even if a report failed
    finally:
        queue.close()
    reported = sorted(
        pair for items, results in handler.reported for pair in zip(items, results, strict=True)
    )
    assert reported == [(1, 10), (2, 20), (3, 30)]  # committed items only, each once
    assert handler.answered_first and all(handler.answered_first)
