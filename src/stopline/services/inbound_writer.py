"""Where the server records inbound messages: in a child process by default.

A Python process runs one thread at a time. On the webhook path the event loop (body,
signature, classification, the answer) and the group-commit writer (ledger, projection,
stored message, in one transaction per batch) each need most of a core at full load, so in
one process they take turns. With ``STOPLINE_INBOUND_WRITER=process`` (the default) the server
starts one child process that owns the inbound group commit: the loop sends each command as
one JSON line over a socket pair, the child records them with the same `CommitQueue` and
`InboundRecorder` (batched, retried, one bad item failing alone) and sends each result back
after the commit. The contract is unchanged: a webhook is answered only once its effects are
durable, and a retried webhook is answered from storage.

If the child cannot start, requests are recorded by the server's own writer thread; if it
exits, the requests waiting on it fail (providers retry), the thread takes over, and a new
child is started after a pause (1 s, growing to a minute while starts keep failing). The child
ignores SIGINT and SIGTERM (a terminal's Ctrl-C or a service manager reaches the whole process
group) and stops when the server closes the socket, at shutdown or when the server dies,
after committing and answering everything it has received.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import itertools
import logging
import pickle
import signal
import socket
import subprocess
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

import orjson

from stopline import heap, logs
from stopline.domain.inbound import InboundPolicy
from stopline.domain.review import ReviewPolicy
from stopline.services.inbound import (
    InboundCommand,
    InboundRecorder,
    InboundResult,
    command_from_wire,
    command_to_wire,
    result_from_wire,
    result_to_wire,
)
from stopline.storage.commit_queue import (
    COMMIT_DEADLINE,  # checked once a second by the writer link, not per request
    CommitLate,
    CommitQueue,
    CommitQueueClosed,
    GroupCommit,
    Outcome,
    report_committed,
)
from stopline.storage.engine import create_database_engine, shared_between_processes

if TYPE_CHECKING:
    from stopline.config import Settings

log = logging.getLogger("stopline.inbound_writer")

BatchObserver = Callable[[int, float], None]
_Waiting = tuple["asyncio.Future[InboundResult]", InboundCommand]  # a request and its command
RESTART_DELAYS = (1.0, 2.0, 5.0, 15.0, 60.0)  # seconds before each new attempt


class InboundWriteFailed(RuntimeError):
    """The child could not record a command (it has logged why)."""


class InboundWriter:
    """Records inbound commands: through the child process while it runs, else through the
    server's own commit queue."""

    def __init__(
        self,
        commits: CommitQueue,
        recorder: InboundRecorder,
        review: ReviewPolicy,
        on_batch: BatchObserver | None = None,
    ) -> None:
        self._commits = commits
        self._recorder = recorder
        self._review = review  # the child builds its own recorder with the same policy
        self._on_batch = on_batch
        self._link: _Link | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._settings: Settings | None = None
        self._stopping = False
        self._restart: asyncio.Task[None] | None = None

    @property
    def child_pid(self) -> int | None:
        """The child's process id while commands go to it."""
        if self._process is None or self._link is None or not self._link.alive:
            return None
        return self._process.pid

    def record(self, command: InboundCommand) -> Awaitable[InboundResult]:
        """Queue ``command``; await the result, which arrives after the commit. (A plain
        function returning the child's future: no coroutine wrapped around it.)"""
        link = self._link
        if link is not None and link.alive:
            return link.submit(command)
        return self._commits.submit_async(self._recorder, command)

    async def start_process(self, settings: Settings, timeout: float = 60) -> bool:
        """Start the child and wait until it is ready; False (logged) if it could not, or
        if the database is one only this process can open (in-memory SQLite)."""
        if not shared_between_processes(settings.database_url):
            log.info("an in-memory database: inbound messages are recorded in the server")
            return False
        self._settings, self._stopping = settings, False
        return await self._spawn(settings, timeout)

    async def _spawn(self, settings: Settings, timeout: float) -> bool:
        parent, child = socket.socketpair()
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(child.fileno())],
                pass_fds=(child.fileno(),),
            )
        except OSError as exc:
            parent.close()
            log.error("inbound writer process did not start (%s); using a thread", exc)
            return False
        finally:
            child.close()
        link: _Link | None = None
        try:
            loop = asyncio.get_running_loop()
            link = _Link(loop, self._on_batch, self._lost, self._record_orphans)
            await loop.create_unix_connection(lambda: link, sock=parent)
            setup = _Setup(
                settings.database_url, settings.log_level, settings.log_format, self._review
            )
            link.send(["s", _packed(setup)])
            await asyncio.wait_for(asyncio.shield(link.ready), timeout)
            if not link.alive:  # ready, then gone before this task resumed
                raise CommitQueueClosed("the inbound writer process exited")
        except BaseException as exc:
            if link is not None and link.connected:
                link.abort()  # closes the socket: the child sees its end and exits
            else:
                parent.close()
            if isinstance(exc, Exception):
                log.error("inbound writer process is not ready (%r); using a thread", exc)
                await asyncio.to_thread(_reap, process, 5)
                return False
            process.kill()  # cancelled (shutting down while a restart waits for its child)
            process.wait()
            raise
        self._link, self._process = link, process
        log.info("inbound messages are recorded by process %d", process.pid)
        return True

    def _record_orphans(self, orphans: list[_Waiting]) -> None:
        """The child went away while these requests waited for it: record them in the
        server's own thread, so that they are answered as if nothing had happened. The child
        may have committed some before it died: recording is idempotent on the message id,
        so those get the answer of their first recording."""
        for future, command in orphans:
            recorded = asyncio.ensure_future(self._commits.submit_async(self._recorder, command))
            recorded.add_done_callback(functools.partial(_relay, future))

    def _lost(self, link: _Link) -> None:
        """The child went away unasked: start another after a pause."""
        if link is self._link and not self._stopping and self._restart is None:
            self._restart = asyncio.get_running_loop().create_task(self._restarted())

    async def _restarted(self) -> None:
        process, self._link, self._process = self._process, None, None
        try:
            if process is not None:
                await asyncio.to_thread(_reap, process, 5)
            for attempt in itertools.count():
                await asyncio.sleep(RESTART_DELAYS[min(attempt, len(RESTART_DELAYS) - 1)])
                if self._settings is not None and await self._spawn(self._settings, 60):
                    return  # _spawn logs each failure; keep trying
        finally:
            self._restart = None

    async def stop_process(self, timeout: float = 30) -> None:
        """Let the child commit and answer what it has, then wait for it to exit."""
        self._stopping = True
        restart, self._restart = self._restart, None
        if restart is not None:
            restart.cancel()
            await asyncio.wait([restart])  # its own cancellation, not this task's
        link, process = self._link, self._process
        if link is None or process is None:
            return
        link.close()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(link.closed), timeout)
        await asyncio.to_thread(_reap, process, timeout)
        self._link = self._process = None


@dataclass(frozen=True)
class _Setup:
    """What the child needs (it imports only storage and the recorder, not the whole app)."""

    database_url: str
    log_level: str
    log_format: str
    review: ReviewPolicy


def _relay(waiting: asyncio.Future[InboundResult], done: asyncio.Future[InboundResult]) -> None:
    """Hand an orphan's result (or error) to the request that waits for it."""
    if waiting.done():  # the request went away meanwhile
        if not done.cancelled():
            done.exception()  # retrieved: nothing left to report it to
        return
    if done.cancelled():
        waiting.cancel()
    elif (error := done.exception()) is not None:
        waiting.set_exception(error)
    else:
        waiting.set_result(done.result())


def _retrieved(future: asyncio.Future[None]) -> None:
    if not future.cancelled():
        future.exception()


def _reap(process: subprocess.Popen[bytes], timeout: float) -> None:
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        log.error("inbound writer process %d did not exit; killing it", process.pid)
        process.kill()
        process.wait()


def _packed(value: object) -> str:
    return base64.b64encode(pickle.dumps(value, protocol=5)).decode("ascii")


def _unpacked(text: str) -> Any:
    # only ever from the other end of our own socket pair
    return pickle.loads(base64.b64decode(text))  # noqa: S301


class _Link(asyncio.Protocol):
    """The server's end of the socket pair: JSON lines out, results in, on the event loop."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        on_batch: BatchObserver | None,
        on_lost: Callable[[_Link], None],
        on_orphans: Callable[[list[_Waiting]], None] | None = None,
    ) -> None:
        self.ready: asyncio.Future[None] = loop.create_future()
        self.ready.add_done_callback(_retrieved)  # a failed start is logged by the caller
        self.closed: asyncio.Future[None] = loop.create_future()
        self.alive = False
        self._loop = loop
        self._on_batch = on_batch
        self._on_lost = on_lost
        self._on_orphans = on_orphans
        self._transport: asyncio.WriteTransport | None = None
        self._watch: asyncio.Task[None] | None = None
        self._pending: dict[int, _Waiting] = {}  # with its command, should the child die
        self._next = 0
        self._buffer = b""
        self._outgoing: list[bytes] = []
        self._closing = False
        # Each policy crosses once: by object while the object lives, else by its bytes.
        self._by_object: dict[int, tuple[InboundPolicy, int]] = {}
        self._by_bytes: dict[str, int] = {}

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = cast(asyncio.WriteTransport, transport)  # uvloop's is not a subclass
        self.alive = True
        self._watch = self._loop.create_task(self._answer_late(COMMIT_DEADLINE))

    async def _answer_late(self, deadline: float, every: float = 1.0) -> None:
        """Once a second, fail the requests waiting longer than ``deadline`` with
        `CommitLate`; their commands stay with the child, which commits them when it can
        (their results are then dropped, as for a request that went away). Costs nothing
        per request: request ids grow, so ids below the one issued ``deadline`` ago are
        late."""
        issued: list[tuple[float, int]] = []  # (when, the next id then), oldest first
        while True:
            await asyncio.sleep(every)
            now = self._loop.time()
            issued.append((now, self._next))
            late_below = None
            while issued and issued[0][0] <= now - deadline:
                late_below = issued.pop(0)[1]
            if late_below is None or not self._pending:
                continue
            late = [rid for rid in self._pending if rid < late_below]
            if late:
                log.warning(
                    "%d inbound requests not committed within %g s: answered 503 "
                    "(the database is busy; they still commit when it is free)",
                    len(late),
                    deadline,
                )
            for rid in late:
                future, _command = self._pending.pop(rid)
                if not future.done():
                    future.set_exception(CommitLate(f"not committed within {deadline:g} s"))

    def send(self, frame: list[Any]) -> None:
        """Queue one line; everything queued in one turn of the loop leaves in one write."""
        if not self._outgoing:
            self._loop.call_soon(self._flush)
        self._outgoing.append(orjson.dumps(frame))

    def _flush(self) -> None:
        lines, self._outgoing = self._outgoing, []
        if lines and self._transport is not None and not self._transport.is_closing():
            lines.append(b"")
            self._transport.write(b"\n".join(lines))

    def submit(self, command: InboundCommand) -> asyncio.Future[InboundResult]:
        known = self._by_object.get(id(command.policy))
        token = known[1] if known is not None else self._policy_token(command.policy)
        rid = self._next
        self._next = rid + 1
        self.send(["c", rid, token, command_to_wire(command)])  # raises before registering
        future: asyncio.Future[InboundResult] = self._loop.create_future()
        self._pending[rid] = (future, command)
        return future

    def _policy_token(self, policy: InboundPolicy) -> int:
        packed = _packed(policy)
        token = self._by_bytes.get(packed)
        if token is None:
            token = self._by_bytes[packed] = len(self._by_bytes)
            self.send(["p", token, packed])
        if len(self._by_object) >= 4096:  # sender profiles are rebuilt now and then
            self._by_object.clear()
        self._by_object[id(policy)] = (policy, token)
        return token

    def data_received(self, data: bytes) -> None:
        *frames, self._buffer = (self._buffer + data).split(b"\n")
        for frame in frames:
            self._receive(orjson.loads(frame))

    def _receive(self, frame: list[Any]) -> None:
        kind = frame[0]
        if kind == "r" or kind == "e":
            waiting = self._pending.pop(frame[1], None)
            if waiting is None or waiting[0].done():  # the request went away meanwhile
                return
            future = waiting[0]
            if kind == "r":
                future.set_result(result_from_wire(frame[2]))
            else:
                future.set_exception(InboundWriteFailed(frame[2]))
        elif kind == "b":
            if self._on_batch is not None:
                with contextlib.suppress(Exception):  # metrics must never cut the link
                    self._on_batch(frame[1], frame[2])
        elif kind == "ready" and not self.ready.done():
            self.ready.set_result(None)

    @property
    def connected(self) -> bool:
        return self._transport is not None

    def abort(self) -> None:
        """Drop the connection at once (a child that never became ready)."""
        self._closing = True
        self.alive = False
        if self._transport is not None:
            self._transport.abort()

    def close(self) -> None:
        """No more commands: the child finishes what it has and exits."""
        self._closing = True
        self.alive = False
        if self._watch is not None:
            self._watch.cancel()  # nothing is sent any more, so nothing can become late
        self._flush()
        if self._transport is not None and not self._transport.is_closing():
            self._transport.write_eof()

    def connection_lost(self, exc: Exception | None) -> None:
        self.alive = False
        if self._watch is not None:
            self._watch.cancel()
        orphans = [(f, c) for f, c in self._pending.values() if not f.done()]
        self._pending.clear()
        if not self._closing:
            log.error(
                "inbound writer process went away with %d requests waiting; recording "
                "them, and what follows, in the server's thread until a new one is ready",
                len(orphans),
            )
        error = CommitQueueClosed("the inbound writer process exited")
        if orphans and self._on_orphans is not None and not self._closing:
            self._on_orphans(orphans)
        else:
            for future, _command in orphans:
                future.set_exception(error)
        if not self.ready.done():
            self.ready.set_exception(error)
        if not self.closed.done():
            self.closed.set_result(None)
        if not self._closing:
            self._on_lost(self)


def serve(fd: int, max_batch: int = 512) -> None:
    """The child: read settings, then record commands until the server closes the socket.
    One thread: whatever arrived while the last batch committed is the next batch."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    sock = socket.socket(fileno=fd)
    first, _, pending = _read_line(sock)
    kind, packed = orjson.loads(first or b'["", ""]')
    if kind != "s":
        sys.exit("inbound writer: expected settings first")
    setup: _Setup = _unpacked(packed)
    logs.configure(setup.log_level, setup.log_format)
    engine = create_database_engine(setup.database_url)
    answers: list[bytes] = []
    group = GroupCommit(
        engine, on_batch=lambda size, took: answers.append(_line(["b", size, took]))
    )
    recorder = InboundRecorder(lambda: datetime.now(UTC), setup.review)
    policies: dict[int, InboundPolicy] = {}
    heap.freeze_startup_objects()
    _send(sock, [_line(["ready"])])
    while True:
        try:
            data = sock.recv(1 << 20)
        except OSError:  # the server died with answers unread (connection reset)
            data = b""
        if not data:
            break
        *lines, pending = (pending + data).split(b"\n")
        commands: list[tuple[int, InboundCommand]] = []
        for line in lines:
            frame = orjson.loads(line)
            if frame[0] == "c":
                _, rid, token, values = frame
                try:
                    commands.append((rid, command_from_wire(values, policies[token])))
                except (KeyError, ValueError, TypeError) as exc:
                    log.error("inbound writer: undecodable command %d: %r", rid, exc)
                    answers.append(_line(["e", rid, f"undecodable command: {exc!r}"]))
            elif frame[0] == "p":
                policies[frame[1]] = _unpacked(frame[2])
        for start in range(0, len(commands), max_batch):
            part = commands[start : start + max_batch]
            pairs = [(recorder, command) for _rid, command in part]
            outcomes = group.run(pairs)
            answers.extend(
                _answer(rid, outcome) for (rid, _), outcome in zip(part, outcomes, strict=True)
            )
            _send(sock, answers)  # each batch answered as soon as it is committed
            answers.clear()
            report_committed(pairs, outcomes)  # logs the consent changes, off the server
        _send(sock, answers)  # errors for undecodable lines, if nothing else carried them
        answers.clear()
    group.close()
    engine.dispose()
    sock.close()


def _read_line(sock: socket.socket) -> tuple[bytes, bytes, bytes]:
    data = b""
    while b"\n" not in data:
        more = sock.recv(1 << 16)
        if not more:
            return b"", b"", b""
        data += more
    return data.partition(b"\n")


def _answer(rid: int, outcome: Outcome) -> bytes:
    committed, value = outcome
    if committed:
        return _line(["r", rid, result_to_wire(value)])
    return _line(["e", rid, f"{type(value).__name__}: {value}"])


def _line(frame: list[Any]) -> bytes:
    return orjson.dumps(frame) + b"\n"


def _send(sock: socket.socket, lines: list[bytes]) -> None:
    if lines:
        with contextlib.suppress(OSError):  # the server is gone: what committed stays
            sock.sendall(b"".join(lines))


if __name__ == "__main__":
    serve(int(sys.argv[1]))
