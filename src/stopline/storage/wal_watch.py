"""Knowing without a query that nothing has committed to a SQLite database (WAL mode) since
the last look.

Every commit in WAL mode rewrites the *wal-index header* at the start of the database's
``-shm`` file before the commit returns: a transaction counter, the last valid WAL frame, the
salts and a checksum over them (https://www.sqlite.org/walformat.html, "The WAL-Index Header").
Processes linked against different SQLite versions share that file, so its layout is fixed.
SQLite writes the header twice, the second copy first; a reader that finds the two copies
different has caught a commit mid-write.

So reading those 96 bytes (one ``pread``, no SQLite locks) and finding them identical to what
they were at the last query proves that no transaction has committed since, and the query can
be skipped. Anything unexpected (no ``-shm`` file, a short read, an uninitialised header, copies
that differ) answers "don't know", and the caller queries as before.

The ``-shm`` file lives as long as any connection to the database is open; the owner keeps one
open for as long as it uses the watch, so the file read is the one every writer updates.
"""

from __future__ import annotations

import os
import threading

_HEADER = 48  # one copy of the WalIndexHdr
_IS_INIT = 12  # offset of the isInit byte in a copy


class WalWatch:
    def __init__(self, database_path: str) -> None:
        self._path = database_path + "-shm"
        self._fd: int | None = None
        self._opening = threading.Lock()

    def mark(self) -> bytes | None:
        """The current wal-index header, or None when it cannot vouch for anything.
        Safe to call from several threads."""
        fd = self._fd
        if fd is None:
            with self._opening:
                if self._fd is None:
                    try:
                        self._fd = os.open(self._path, os.O_RDONLY)
                    except OSError:
                        return None
                fd = self._fd
        try:
            both = os.pread(fd, 2 * _HEADER, 0)
        except OSError:
            return None
        first = both[:_HEADER]
        if len(both) < 2 * _HEADER or first != both[_HEADER:] or first[_IS_INIT] != 1:
            return None
        return first

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
