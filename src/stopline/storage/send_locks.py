"""Fencing broadcast sends across processes.

`services.send_fence.SendFence` closes the gap between a broadcast's gate check and its
provider call within one process. Sends and opt-outs may also meet across processes on one
database (`serve --workers N`, a separate `stopline worker`, `campaigns send --wait`, several
servers on PostgreSQL); the locks here carry the fence across them:

- **SQLite**: open-file-description (OFD) byte-range locks on a file beside the database
  (``<database>-fence``), one byte per number (a 31-bit hash: two numbers sharing a byte only
  wait for each other). A send holds its number's byte shared; an opt-out, once committed and
  before it is answered, waits until no descriptor holds it. OFD locks belong to an open file,
  not to a process, so threads of one process conflict as processes do, and closing some other
  descriptor of the file cannot drop them (POSIX record locks have both faults). Linux only;
  elsewhere only the in-process fence applies (logged once).
- **PostgreSQL**: a send holds an advisory lock of its number (class `_SEND_LOCKS`, the
  number's 32-bit chain key) shared, on a connection of its own; an opt-out, once committed and
  before it is answered, asks whether that lock is free (`pg_try_advisory_xact_lock`, in a
  statement of its own, so it is released at once) and waits while it is not. Sends on any
  server are seen; ledger writes never wait for a provider call.

Either way a send that takes its lock after the opt-out committed reads the opt-out at its
gate check, and one that held it before is waited for.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import struct
import sys
import threading
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Protocol

from sqlalchemy import Connection, Engine, create_engine

from stopline.storage.engine import sqlite_file
from stopline.storage.ledger import chain_key

log = logging.getLogger("stopline.send_fence")

try:
    import fcntl
except ImportError:  # not a POSIX system: the in-process fence only
    fcntl = None  # type: ignore[assignment]

# struct flock on 64-bit Linux: l_type, l_whence (shorts), l_start, l_len (off_t), l_pid.
_FLOCK = struct.Struct("hhxxxxqqixxxx")
_OFD = (
    sys.platform == "linux"
    and fcntl is not None
    and hasattr(fcntl, "F_OFD_SETLKW")
    and struct.calcsize("P") == 8
    and _FLOCK.size == 32
)


_SEND_LOCKS = 0x5702  # PostgreSQL advisory lock class of sends in flight


class SendLocks(Protocol):
    # `free` costs no I/O: callers on an event loop may call it there (else in a thread)
    cheap: bool

    def holding(self, number: str) -> contextlib.AbstractContextManager[None]:
        """Held by a broadcast send from its gate check until its provider call returns."""

    def free(self, numbers: Collection[str]) -> bool:
        """True when no send to ``numbers`` is in flight in any process (never waits)."""

    def close(self) -> None: ...


class NoSendLocks:
    """One process only (an in-memory database), or no OFD locks on this system."""

    cheap = True

    def holding(self, number: str) -> contextlib.AbstractContextManager[None]:
        return contextlib.nullcontext()

    def free(self, numbers: Collection[str]) -> bool:
        return True

    def close(self) -> None:
        pass


def _offset(number: str) -> int:
    return int.from_bytes(hashlib.blake2b(number.encode(), digest_size=4).digest()) >> 1


class FileSendLocks:
    """OFD byte-range locks on ``path``. Each send opens a descriptor of its own and closes
    it after (which releases its lock): a send may run on a short-lived thread (the API's
    thread pool replaces idle ones), which must not leave a descriptor open for good. Asking
    whether a number is free uses one descriptor per thread (long-lived ones)."""

    cheap = True

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._opened: list[int] = []
        self._guard = threading.Lock()
        self._warned = False
        self._file_mode: int | None = None

    def _fd(self) -> int:
        fd: int | None = getattr(self._local, "fd", None)
        if fd is None:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, self._mode())
            self._local.fd = fd
            with self._guard:
                self._opened.append(fd)
        return fd

    def _mode(self) -> int:
        """The database file's permissions (whoever may write it may fence sends to it),
        read once: every send opens the fence file."""
        if self._file_mode is None:
            try:
                database = Path(str(self.path).removesuffix("-fence"))
                self._file_mode = database.stat().st_mode & 0o666
            except OSError:
                return 0o600
        return self._file_mode

    @contextlib.contextmanager
    def holding(self, number: str) -> Iterator[None]:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, self._mode())
        try:
            offset = _offset(number)
            lock = _FLOCK.pack(fcntl.F_RDLCK, os.SEEK_SET, offset, 1, 0)
            fcntl.fcntl(fd, fcntl.F_OFD_SETLKW, lock)
            yield
        finally:
            os.close(fd)  # its lock goes with its open file description

    def free(self, numbers: Collection[str]) -> bool:
        try:
            fd = self._fd()
            if not _locked(fd, 0, 0):  # the usual case: no send in flight anywhere
                return True
            return not any(_locked(fd, _offset(n), 1) for n in numbers)
        except OSError as exc:  # answering matters more than fencing a send that may not exist
            if not self._warned:
                self._warned = True
                log.warning("the send fence file %s cannot be used: %s", self.path, exc)
            return True

    def close(self) -> None:
        with self._guard:
            for fd in self._opened:
                with contextlib.suppress(OSError):
                    os.close(fd)
            self._opened.clear()
        self._local = threading.local()


def _locked(fd: int, start: int, length: int) -> bool:
    """Whether another open file holds a lock on [start, start + length) (0: to the end)."""
    probe = _FLOCK.pack(fcntl.F_WRLCK, os.SEEK_SET, start, length, 0)
    kind: int = _FLOCK.unpack(fcntl.fcntl(fd, fcntl.F_OFD_GETLK, probe))[0]
    return kind != fcntl.F_UNLCK


class AdvisorySendLocks:
    """PostgreSQL advisory locks. A send holds its lock on a connection of a pool of its own,
    checked out for the send and returned after the unlock: sends may run on short-lived
    threads, and a send that also reads and writes must never wait for the main pool while
    holding one of its connections. Asking whether numbers are free uses an autocommit
    connection per thread (long-lived ones)."""

    cheap = False

    def __init__(self, engine: Engine) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")
        self._local = threading.local()
        self._opened: list[Connection] = []
        self._guard = threading.Lock()
        self._holders: Engine | None = None

    def _holder_pool(self) -> Engine:
        with self._guard:
            if self._holders is None:
                self._holders = create_engine(
                    self._engine.url,
                    pool_size=2,
                    max_overflow=62,  # sends in flight at once: the API's and the workers'
                    pool_pre_ping=True,
                    hide_parameters=True,
                    isolation_level="AUTOCOMMIT",
                )
            return self._holders

    def _connection(self) -> Connection:
        conn: Connection | None = getattr(self._local, "conn", None)
        if conn is None or conn.closed or conn.invalidated:
            conn = self._engine.connect()
            self._local.conn = conn
            with self._guard:
                self._opened.append(conn)
        return conn

    @contextlib.contextmanager
    def holding(self, number: str) -> Iterator[None]:
        lock = (_SEND_LOCKS, chain_key(number))
        with self._holder_pool().connect() as conn:
            conn.exec_driver_sql("SELECT pg_advisory_lock_shared(%s, %s)", lock)
            try:
                yield
            finally:
                try:
                    conn.exec_driver_sql("SELECT pg_advisory_unlock_shared(%s, %s)", lock)
                except Exception:  # a broken session took its locks with it; never pooled
                    conn.invalidate()
                    raise

    def free(self, numbers: Collection[str]) -> bool:
        keys = sorted({chain_key(n) for n in numbers})
        if not keys:
            return True
        for attempt in (1, 2):  # a session the server ended (a restart, a failover) is
            try:  # replaced once; each lock taken is released as the statement's transaction ends
                conn = self._connection()
                row = conn.exec_driver_sql(
                    "SELECT bool_and(pg_try_advisory_xact_lock(%s, k)) "
                    "FROM unnest(%s::integer[]) k",
                    (_SEND_LOCKS, keys),
                ).first()
            except Exception as exc:
                self._forget()
                if attempt == 1:
                    continue
                # the opt-out is committed: answer it, as the file locks do
                log.warning("the send fence could not be asked: %s", type(exc).__name__)
                return True
            return bool(row[0]) if row is not None else True
        return True  # pragma: no cover (the loop returns)

    def _forget(self) -> None:
        conn: Connection | None = getattr(self._local, "conn", None)
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.invalidate()
            self._local.conn = None

    def close(self) -> None:
        with self._guard:
            for conn in self._opened:
                with contextlib.suppress(Exception):
                    conn.close()
            self._opened.clear()
            if self._holders is not None:
                self._holders.dispose()
                self._holders = None


def send_locks(database_url: str, engine: Engine) -> SendLocks:
    """The cross-process send locks for this database."""
    if engine.dialect.name == "postgresql":
        return AdvisorySendLocks(engine)
    path = sqlite_file(database_url)
    if path is None:
        return NoSendLocks()
    if not _OFD:
        log.warning(
            "open file description locks are not available on this system: a broadcast send "
            "is fenced against opt-outs only within the process that sends it"
        )
        return NoSendLocks()
    return FileSendLocks(Path(f"{path}-fence"))
