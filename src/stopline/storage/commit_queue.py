"""Group commit: concurrent requests share one transaction and one fsync.

Request handlers `submit` an item to a *batch handler* and await the result. A single writer
thread drains everything queued, runs each handler once over its items inside one transaction,
commits, and only then settles the callers, so no caller sees success before its change is
durable. If the batch fails (for example a unique-key race with another process), it is retried
from scratch, then each item alone, so one bad item cannot fail its neighbours.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from stopline.storage.engine import driver_error
from stopline.storage.ledger import lock_chains

log = logging.getLogger("stopline.commit")

T = TypeVar("T")
R = TypeVar("R")

BatchHandler = Callable[[Connection, Sequence[T]], Sequence[R]]


@dataclass(slots=True)
class _Pending(Generic[T, R]):
    handler: BatchHandler[T, R]
    item: T
    future: Future[R] | asyncio.Future[R]
    loop: asyncio.AbstractEventLoop | None = None  # set for asyncio futures


# How long a request waits for its commit before it is answered `CommitLate` (503): the
# database held by something else (a backup's long write) must not keep a request past its
# client's timeout (Twilio gives up on a webhook after 15 s).
COMMIT_DEADLINE = 10.0


class CommitLate(RuntimeError):
    """Not committed in time (the database is held by something else): the caller answers
    now, "retry"; the queued write itself still commits when the database is free."""


class CommitFailed(RuntimeError):
    """Not committed after every retry. ``busy``: the database was locked or unreachable
    (the caller may retry later); otherwise the write itself failed. The message names the
    driver's error without its parameters (they hold people's messages)."""

    def __init__(self, message: str, *, busy: bool) -> None:
        super().__init__(message)
        self.busy = busy


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
        deadline: float | None = COMMIT_DEADLINE,
    ) -> None:
        self.deadline = deadline  # for `submit_async`; None: wait as long as it takes
        self._group = GroupCommit(engine, retries=retries, on_batch=on_batch)
        self._queue: queue.SimpleQueue[_Pending[Any, Any] | None] = queue.SimpleQueue()
        self._max_batch = max_batch
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="stopline-commit", daemon=True)
        self._thread.start()

    @property
    def alive(self) -> bool:
        return not self._closed and self._thread.is_alive()

    def submit(self, handler: BatchHandler[T, R], item: T) -> Future[R]:
        """Queue ``item``; the returned future settles after the commit."""
        self._check_open()
        future: Future[R] = Future()
        self._queue.put(_Pending(handler, item, future))
        return future

    async def submit_async(self, handler: BatchHandler[T, R], item: T, *, wait: bool = False) -> R:
        """`submit` for coroutines: awaits the committed result on the running loop, for at
        most `deadline` seconds (then `CommitLate`; the write still commits when it can).
        ``wait``: as long as it takes (background work that must see its own result)."""
        self._check_open()
        loop = asyncio.get_running_loop()
        future: asyncio.Future[R] = loop.create_future()
        self._queue.put(_Pending(handler, item, future, loop))
        if self.deadline is None or wait:
            return await future
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.deadline)
        except TimeoutError:
            log.warning(
                "a commit waited more than %g s (the database is held by something else): "
                "answered 503, the write stays queued",
                self.deadline,
            )
            raise CommitLate(f"not committed within {self.deadline:g} s") from None

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

    def _check_open(self) -> None:
        if self._closed or not self._thread.is_alive():
            raise CommitQueueClosed("the commit queue is shut down")

    def _run(self) -> None:
        try:
            self._drain()
        finally:
            self._group.close()

    def _drain(self) -> None:
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
            try:
                self._commit(batch)
            except BaseException as exc:  # never let the writer die with callers waiting
                log.exception("commit queue failed a batch of %d", len(batch))
                _settle([p for p in batch if not _done(p)], [(False, exc)] * len(batch))
            if stop:
                return

    def _commit(self, batch: list[_Pending[Any, Any]]) -> None:
        pairs = [(p.handler, p.item) for p in batch]
        outcomes = self._group.run(pairs)
        _settle(batch, outcomes)
        report_committed(pairs, outcomes)


Outcome = tuple[bool, Any]  # (committed, the handler's result) or (False, the exception)


class GroupCommit:
    """Runs a batch of (handler, item) pairs in one transaction: each handler once over its
    items. A batch that fails on the database (for example a unique-key race with another
    process) is retried from scratch, then each item alone, so one bad item cannot fail its
    neighbours. Used by `CommitQueue`'s thread and by the inbound writer process, each from
    one thread; it keeps one connection between batches (no pool check-out and reset per
    batch), drops it after any failure so a broken connection is not reused, and checks a
    new one out of the pool (with its liveness check) after a minute without batches.
    Handlers must not leave state on the connection (such as execution options)."""

    IDLE_SECONDS = 60.0

    def __init__(
        self,
        engine: Engine,
        *,
        retries: int = 3,
        on_batch: Callable[[int, float], None] | None = None,
    ) -> None:
        self._engine = engine.execution_options(sqlite_immediate=True)
        self._retries = retries
        self._on_batch = on_batch
        self._conn: Connection | None = None
        self._used = 0.0

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):  # a broken connection: nothing to release
                conn.close()

    def run(self, batch: Sequence[tuple[BatchHandler[Any, Any], Any]]) -> list[Outcome]:
        started = time.perf_counter()
        last: DBAPIError | None = None
        for attempt in range(self._retries):
            try:
                results = self._execute(batch)
            except DBAPIError as exc:  # includes IntegrityError: a race with another writer
                last = exc
                log.warning(
                    "batch of %d failed (attempt %d): %s: %s",
                    len(batch),
                    attempt + 1,
                    type(exc.orig or exc).__name__,
                    driver_error(exc),
                )
                continue
            except Exception as exc:  # a bug in a handler: isolate it below
                log.exception("batch of %d raised", len(batch))
                if len(batch) == 1:
                    return [(False, exc)]
                break
            if self._on_batch:
                with contextlib.suppress(Exception):  # metrics must never stop the writer
                    self._on_batch(len(batch), time.perf_counter() - started)
            return [(True, result) for result in results]
        if len(batch) == 1:
            return [(False, _gave_up(last))]
        return [self.run([item])[0] for item in batch]  # one by one: a poisoned item fails alone

    def _execute(self, batch: Sequence[tuple[BatchHandler[Any, Any], Any]]) -> list[Any]:
        groups: dict[BatchHandler[Any, Any], list[int]] = {}
        for index, (handler, _item) in enumerate(batch):
            groups.setdefault(handler, []).append(index)
        results: list[Any] = [None] * len(batch)
        now = time.monotonic()
        if self._conn is not None and now - self._used > self.IDLE_SECONDS:
            self.close()  # the server or a proxy may have dropped it meanwhile
        self._used = now
        conn = self._conn
        if conn is None:
            conn = self._conn = self._engine.connect()
        try:
            with conn.begin():
                _lock_chains_first(conn, batch, groups)
                for handler, indexes in groups.items():
                    outputs = handler(conn, [batch[i][1] for i in indexes])
                    for i, output in zip(indexes, outputs, strict=True):
                        results[i] = output
        except BaseException:
            self.close()
            raise
        return results


def report_committed(
    batch: Sequence[tuple[BatchHandler[Any, Any], Any]], outcomes: Sequence[Outcome]
) -> None:
    """Tell each handler that has a ``committed(items, results)`` method what it committed,
    once the callers have their answers (so that, say, logging each change delays no one).
    A report that fails is logged, never raised: the batch is committed either way."""
    groups: dict[Any, tuple[list[Any], list[Any]]] = {}
    for (handler, item), (ok, result) in zip(batch, outcomes, strict=True):
        if ok and hasattr(handler, "committed"):
            items, results = groups.setdefault(handler, ([], []))
            items.append(item)
            results.append(result)
    for handler, (items, results) in groups.items():
        try:
            handler.committed(items, results)
        except Exception:
            log.exception("reporting a committed batch failed")


def _lock_chains_first(
    conn: Connection,
    batch: Sequence[tuple[BatchHandler[Any, Any], Any]],
    groups: dict[BatchHandler[Any, Any], list[int]],
) -> None:
    """PostgreSQL: lock every ledger chain the batch will append to before its first write.
    A transaction's id is taken at its first write; one that wrote (another handler's
    rows, a review item) before waiting on a chain lock would carry an older id than the
    transaction it waited for, and the consent feed, in transaction-id order, would hand
    out that number's events out of order. Handlers name their numbers through an
    optional ``chain_numbers(conn, items)``."""
    if conn.dialect.name != "postgresql":
        return
    numbers: list[str] = []
    for handler, indexes in groups.items():
        lister = getattr(handler, "chain_numbers", None)
        if lister is not None:
            numbers.extend(lister(conn, [batch[i][1] for i in indexes]))
    lock_chains(conn, numbers)


def _settle(batch: list[_Pending[Any, Any]], outcomes: list[Outcome]) -> None:
    """Resolve every waiter; asyncio waiters are woken with one call per event loop."""
    by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[Any], Outcome]]] = {}
    for pending, outcome in zip(batch, outcomes, strict=False):
        if pending.loop is None:
            assert isinstance(pending.future, Future)
            if not pending.future.set_running_or_notify_cancel():
                continue  # the caller cancelled (e.g. asyncio.wrap_future was cancelled)
            committed, value = outcome
            if committed:
                pending.future.set_result(value)
            else:
                pending.future.set_exception(value)
        else:
            assert isinstance(pending.future, asyncio.Future)
            by_loop.setdefault(pending.loop, []).append((pending.future, outcome))
    for loop, items in by_loop.items():
        with contextlib.suppress(RuntimeError):  # a closed loop: nobody is waiting any more
            loop.call_soon_threadsafe(_resolve, items)


def _done(pending: _Pending[Any, Any]) -> bool:
    return pending.future.done()


def _resolve(items: list[tuple[asyncio.Future[Any], Outcome]]) -> None:
    for future, (committed, value) in items:
        if future.done():  # the caller went away (cancelled)
            continue
        if committed:
            future.set_result(value)
        else:
            future.set_exception(value)


def _gave_up(last: DBAPIError | None) -> CommitFailed:
    if last is None:
        return CommitFailed("could not commit after retries", busy=False)
    reason = driver_error(last)
    # locked, busy or unreachable; not a schema problem ("no such table": a bug, not a wait)
    busy = isinstance(last, (OperationalError, InterfaceError)) and "no such " not in reason
    return CommitFailed(f"could not commit after retries: {reason}", busy=busy)
