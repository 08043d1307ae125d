"""`WriteBehind`: the scrub's kept rows are written on a thread of their own, in order, and
a write that fails is not lost silently."""

from __future__ import annotations

import io
import threading

import pytest

from stopline.services.scrub.run import WriteBehind


def test_writes_arrive_in_order() -> None:
    sink = io.BytesIO()
    behind = WriteBehind(sink)
    for n in range(500):
        behind.write(b"%d," % n)
    behind.close()
    assert sink.getvalue() == b"".join(b"%d," % n for n in range(500))


class _FullDisk:
    def __init__(self, fails_at: int) -> None:
        self.writes = 0
        self.fails_at = fails_at
        self.threads: set[str] = set()

    def write(self, data: bytes, /) -> int:
        self.threads.add(threading.current_thread().name)
        self.writes += 1
        if self.writes == self.fails_at:
            raise OSError(28, "No space left on device")
        return len(data)


def test_a_failed_write_raises_from_the_next_call() -> None:
    sink = _FullDisk(fails_at=2)
    behind = WriteBehind(sink)
    behind.write(b"a")
    behind.write(b"b")  # fails on the writer thread
    with pytest.raises(OSError, match="No space left"):
        behind.write(b"c")
    behind.close()
    assert sink.writes == 2
    assert all(name.startswith("scrub-write") for name in sink.threads)


def test_a_failed_last_write_raises_from_close() -> None:
    behind = WriteBehind(_FullDisk(fails_at=1))
    behind.write(b"a")
    with pytest.raises(OSError, match="No space left"):
        behind.close()


def test_an_error_under_way_is_not_replaced_by_a_failed_write() -> None:
    behind = WriteBehind(_FullDisk(fails_at=1))
    behind.write(b"a")
    behind.close(raising=False)  # the write failed, but another error is being reported
