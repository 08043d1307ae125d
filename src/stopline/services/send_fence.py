"""Closing the gap between a broadcast's gate check and its provider call.

A broadcast worker checks the gate, then calls the provider: an opt-out committed between the
two would otherwise be acknowledged while a message to that number is still on its way. The
worker marks each number while its check-and-send is in flight; a request that records an
opt-out waits, after its commit and before it answers, until no send to that number is in
flight. So once an opt-out is acknowledged, no send to that number starts or is under way
(each send starts with a fresh gate check). Within a process the marks are counted here;
``shared`` (`storage.send_locks`) carries them to the other processes that send or answer
on the same database.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager

from stopline.storage.send_locks import NoSendLocks, SendLocks

# How long an opt-out's answer waits at most for a send to its number already in flight.
FENCE_TIMEOUT = 30.0


class SendFence:
    def __init__(self, timeout: float = FENCE_TIMEOUT, shared: SendLocks | None = None) -> None:
        self._timeout = timeout
        self._shared: SendLocks = shared or NoSendLocks()
        self._in_flight: Counter[str] = Counter()
        self._changed = threading.Condition()

    @contextmanager
    def sending(self, number: str) -> Iterator[None]:
        with self._changed:
            self._in_flight[number] += 1
        try:
            with self._shared.holding(number):
                yield
        finally:
            with self._changed:
                self._in_flight[number] -= 1
                if self._in_flight[number] <= 0:
                    del self._in_flight[number]
                self._changed.notify_all()

    def busy(self, numbers: Collection[str]) -> bool:
        if self._in_flight:
            with self._changed:
                if any(n in self._in_flight for n in numbers):
                    return True
        return not self._shared.free(numbers)

    def wait_clear(self, numbers: Iterable[str]) -> bool:
        """Block until no send to ``numbers`` is in flight (False if the timeout passed)."""
        wanted = set(numbers)
        deadline = time.monotonic() + self._timeout
        with self._changed:
            while any(n in self._in_flight for n in wanted):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
        pause = 0.001
        while not self._shared.free(wanted):  # a send in flight in another process
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(pause, left))
            pause = min(pause * 2, 0.05)
        return True

    async def settled(self, numbers: Iterable[str]) -> bool:
        """`wait_clear` for async callers: free when nothing is in flight (answered on the
        loop when the shared locks cost no I/O to ask)."""
        wanted = [n for n in numbers if n]
        if not wanted or (self._shared.cheap and not self.busy(wanted)):
            return True
        return await asyncio.to_thread(self.wait_clear, wanted)

    def close(self) -> None:
        self._shared.close()
