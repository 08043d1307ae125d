"""The background loop shared by Stopline's queue workers (outbox, broadcasts): run a pass,
and when it found nothing to do, sleep until the poll interval passes or `wake` is called."""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod

from stopline.storage.engine import driver_error


class PollingWorker(ABC):
    def __init__(self, name: str, poll: float) -> None:
        self._name = name
        self._poll = poll
        self._log = logging.getLogger(f"stopline.{name}")
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._left: threading.Thread | None = None  # a thread `stop` could not wait out

    @property
    def running(self) -> bool:
        """Whether a pass may still be under way (a stopped thread that outlived `stop`)."""
        thread = self._thread or self._left
        return thread is not None and thread.is_alive()

    @abstractmethod
    def _pass(self) -> bool:
        """One pass over the queue; True when it did some work (then look again at once)."""

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._run, name=f"stopline-{self._name}", daemon=True
        )
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10) -> None:
        self._stop.set()
        self._wake.set()
        thread = self._thread or self._left
        if thread is not None:
            thread.join(timeout)
            self._left = thread if thread.is_alive() else None
            self._thread = None

    def run_forever(self) -> None:
        self._stop.clear()
        self._run()

    def _run(self) -> None:
        failures = 0
        last = ""
        while not self._stop.is_set():
            try:
                busy = self._pass()
                failures, last = 0, ""
            except Exception as exc:
                failures += 1
                # the traceback once per kind of failure, then one line per pass, while the
                # passes back off (a broken setting failed every second, a traceback each)
                said = failure_kind(exc)
                if said != last:
                    self._log.exception("%s worker pass failed; retrying", self._name)
                else:
                    self._log.warning(
                        "%s worker pass failed again (%d in a row): %s",
                        self._name,
                        failures,
                        said,
                    )
                last = said
                busy = False
            if not busy:
                self._wake.wait(retry_delay(self._poll, failures))
                self._wake.clear()


MAX_DELAY = 15.0  # seconds between passes that keep failing, at most


def failure_kind(exc: BaseException) -> str:
    """What a failure is, to tell a new one from the same again: a database driver's error
    by its own first line (SQLAlchemy's text adds the statement's parameters, which change
    from pass to pass, and may hold people's data)."""
    return f"{type(exc).__name__}: {driver_error(exc)}"


def retry_delay(poll: float, failures: int) -> float:
    """The wait before the next pass: the poll interval, doubled for each pass in a row that
    failed, up to `MAX_DELAY` (never below the poll interval)."""
    if failures <= 0:
        return poll
    return max(poll, min(poll * 2.0 ** min(failures, 32), MAX_DELAY))
