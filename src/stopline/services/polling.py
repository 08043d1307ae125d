"""The background loop shared by Stopline's queue workers (outbox, broadcasts): run a pass,
and when it found nothing to do, sleep until the poll interval passes or `wake` is called."""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod


class PollingWorker(ABC):
    def __init__(self, name: str, poll: float) -> None:
        self._name = name
        self._poll = poll
        self._log = logging.getLogger(f"stopline.{name}")
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

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
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def run_forever(self) -> None:
        self._stop.clear()
        self._run()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                busy = self._pass()
            except Exception:
                self._log.exception("%s worker pass failed; retrying", self._name)
                busy = False
            if not busy:
                self._wake.wait(self._poll)
                self._wake.clear()
