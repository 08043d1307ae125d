"""Group commit: concurrent requests share one transaction and one fsync.

Request handlers `submit` an item to a *batch handler* and await the result. A single writer
thread drains everything queued, runs each handler once over its items inside one transaction,
commits, and only then resolves the futures, so no caller sees success before its change is
durable. If the batch fails (for example a unique-key race with another process), it is retried
from scratch, then each item alone, so one bad item cannot fail its neighbours.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError

log = logging.getLogger("stopline.commit")

T = TypeVar("T")
R = TypeVar("R")

BatchHandler = Callable[[Connection, Sequence[T]], Sequence[R]]


@dataclass(slots=True)
class _Pending(Generic[T, R]):
    handler: BatchHandler[T, R]
    item: T
    future: Future[R]


class CommitQueueClosed(RuntimeError):
    pass


class CommitQueue:
    def __init__(
        self,
        engine: Engine,
        *,
        max_batch: int = 512,
        retries: int = 3,
        on_batch: Callable[[int, float], None] | None = None,
    ) -> None:
        self._engine = engine.execution_options(sqlite_immediate=True)
        self._queue: queue.SimpleQueue[_Pending[Any, Any] | None] = queue.SimpleQueue()
        self._max_batch = max_batch
        self._retries = retries
        self._on_batch = on_batch
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="stopline-commit", daemon=True)
        self._thread.start()

    def submit(self, handler: BatchHandler[T, R], item: T) -> Future[R]:
        if self._closed:
            raise CommitQueueClosed("the commit queue is shut down")
        future: Future[R] = Future()
        self._queue.put(_Pending(handler, item, future))
        return future

    @property
    def alive(self) -> bool:
        return not self._closed and self._thread.is_alive()

    def run(self, handler: BatchHandler[T, R], item: T, timeout: float | None = 60) -> R:
        """Submit and wait (for synchronous callers)."""
        return self.submit(handler, item).result(timeout)

    def close(self, timeout: float = 30) -> None:
        """Finish everything already submitted, then stop the writer thread."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            batch = [first]
            stop = False
            while len(batch) < self._max_batch:
                try:
                    nxt = self._queue.get_nowait()
                except queue.Empty:
                    break
                if nxt is None:
                    stop = True
                    break
                batch.append(nxt)
            self._commit(batch)
            if stop:
                return

    def _commit(self, batch: list[_Pending[Any, Any]]) -> None:
        started = time.perf_counter()
        for attempt in range(self._retries):
            try:
                results = self._execute(batch)
            except (IntegrityError, DBAPIError) as exc:
                log.warning("batch of %d failed (attempt %d): %s", len(batch), attempt + 1, exc)
                continue
            except Exception as exc:  # a bug in a handler: isolate it below
                log.exception("batch of %d raised", len(batch))
                if len(batch) == 1:
                    batch[0].future.set_exception(exc)
                    return
                break
            for pending, result in zip(batch, results, strict=True):
                pending.future.set_result(result)
            if self._on_batch:
                self._on_batch(len(batch), time.perf_counter() - started)
            return
        if len(batch) == 1:
            batch[0].future.set_exception(RuntimeError("could not commit after retries"))
            return
        for pending in batch:  # one by one, so a single poisoned item fails alone
            self._commit([pending])

    def _execute(self, batch: list[_Pending[Any, Any]]) -> list[Any]:
        groups: dict[BatchHandler[Any, Any], list[int]] = {}
        for index, pending in enumerate(batch):
            groups.setdefault(pending.handler, []).append(index)
        results: list[Any] = [None] * len(batch)
        with self._engine.begin() as conn:
            for handler, indexes in groups.items():
                outputs = handler(conn, [batch[i].item for i in indexes])
                for i, output in zip(indexes, outputs, strict=True):
                    results[i] = output
        return results
