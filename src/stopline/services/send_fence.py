"""Closing the gap between a broadcast's gate check and its provider call.

A broadcast worker checks the gate, then calls the provider: an opt-out committed between the
two would otherwise be acknowledged while a message to that number is still on its way. The
worker marks each number while its check-and-send is in flight; a request that records an
opt-out waits, after its commit and before it answers, until no send to that number is in
flight. So once an opt-out is acknowledged, no send to that number starts or is under way in
this process (each send starts with a fresh gate check). Sends from other processes are
covered by their own gate checks, not by this fence.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager


class SendFence:
    def __init__(self, timeout: float = 30.0) -> None:
        self._timeout = timeout
        self._in_flight: Counter[str] = Counter()
        self._changed = threading.Condition()

    @contextmanager
    def sending(self, number: str) -> Iterator[None]:
        with self._changed:
            self._in_flight[number] += 1
        try:
            yield
        finally:
            with self._changed:
                self._in_flight[number] -= 1
                if self._in_flight[number] <= 0:
                    del self._in_flight[number]
                self._changed.notify_all()

    def busy(self, numbers: Iterable[str]) -> bool:
        if not self._in_flight:  # the usual case: no broadcast running
            return False
        with self._changed:
            return any(n in self._in_flight for n in numbers)

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
        return True

    async def settled(self, numbers: Iterable[str]) -> bool:
        """`wait_clear` for async callers: free when nothing is in flight."""
        wanted = [n for n in numbers if n]
        if not self.busy(wanted):
            return True
        return await asyncio.to_thread(self.wait_clear, wanted)
