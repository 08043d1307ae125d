"""The queue workers' loop: a pass that keeps failing backs off and logs its traceback once."""

from __future__ import annotations

import logging

import pytest

from stopline.services.polling import MAX_DELAY, PollingWorker, retry_delay


def test_failing_passes_back_off_to_a_minute() -> None:
    assert retry_delay(1.0, 0) == 1.0
    assert [retry_delay(1.0, n) for n in (1, 2, 3)] == [2.0, 4.0, 8.0]
    assert retry_delay(1.0, 10) == MAX_DELAY and retry_delay(1.0, 10_000) == MAX_DELAY
    assert MAX_DELAY <= 15  # an outbox or sync pass resumes within seconds of a recovery
    assert retry_delay(120.0, 3) == 120.0  # never below the poll interval


class Waits:
    """Stands in for the worker's wake event: records each wait instead of sleeping."""

    def __init__(self) -> None:
        self.waited: list[float] = []

    def wait(self, timeout: float | None = None) -> bool:
        self.waited.append(timeout or 0.0)
        return True

    def set(self) -> None:
        pass

    def clear(self) -> None:
        pass


class Flaky(PollingWorker):
    """Fails with the given errors in turn (None: a pass that succeeds), then stops."""

    def __init__(self, plan: list[str | None]) -> None:
        super().__init__("flaky", poll=1.0)
        self.plan = plan
        self.waits = Waits()
        self._wake = self.waits  # type: ignore[assignment]

    def _pass(self) -> bool:
        if not self.plan:
            self._stop.set()
            return False
        error = self.plan.pop(0)
        if error is not None:
            raise ValueError(error)
        return False


def test_a_repeated_failure_backs_off_and_logs_its_traceback_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    plan: list[str | None] = ["bad url", "bad url", "bad url", "disk full", None, "bad url"]
    worker = Flaky(plan)
    with caplog.at_level(logging.WARNING, logger="stopline.flaky"):
        worker.run_forever()
    # each failure in a row doubles the wait; a good pass brings back the poll interval
    assert worker.waits.waited == [2.0, 4.0, 8.0, 15.0, 1.0, 2.0, 1.0]
    records = [r for r in caplog.records if r.name == "stopline.flaky"]
    tracebacks = [r.getMessage() for r in records if r.exc_info]
    again = [r.getMessage() for r in records if not r.exc_info]
    # first "bad url", then "disk full", then "bad url" after a good pass: a traceback each
    assert len(tracebacks) == 3
    assert again == [
        "flaky worker pass failed again (2 in a row): ValueError: bad url",
        "flaky worker pass failed again (3 in a row): ValueError: bad url",
    ]


def test_a_database_error_is_the_same_failure_whatever_its_parameters() -> None:
    """SQLAlchemy's text carries the statement's parameters (a time that changes every
    pass): the database being locked is one kind of failure, logged with its traceback
    once, not at every pass."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from stopline.services.polling import failure_kind

    def locked(at: str) -> OperationalError:
        return OperationalError(
            "UPDATE outbox ...", {"now": at}, sqlite3.OperationalError("database is locked")
        )

    first, second = locked("12:00:01"), locked("12:00:03")
    assert str(first) != str(second)
    assert failure_kind(first) == failure_kind(second) == "OperationalError: database is locked"
    assert failure_kind(ValueError("bad\nsecond line")) == "ValueError: bad"
    assert failure_kind(RuntimeError()) == "RuntimeError: "


def test_a_worker_stopped_mid_pass_reports_that_it_is_still_running() -> None:
    """`Messaging.close` keeps the send fence open while a broadcast send outlives `stop`."""
    import threading

    from stopline.services.polling import PollingWorker

    entered, release = threading.Event(), threading.Event()

    class Slow(PollingWorker):
        def _pass(self) -> bool:
            entered.set()
            release.wait(10)
            return False

    worker = Slow("slow", 0.01)
    worker.start()
    assert entered.wait(10) and worker.running
    worker.stop(timeout=0.05)
    assert worker.running  # still in its pass
    release.set()
    worker.stop()
    assert not worker.running
