"""A bounded memo for per-key look-ups on hot paths (the language engine's words and
characters, the text forms of instants)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """``memo[key]`` is ``make(key)``, computed once and kept, up to ``limit`` keys; memory
    stays bounded whatever the traffic. Once full, new keys are computed each time, or, with
    ``renew``, the memo starts over (for keys that recur only for a while, such as the
    instants one batch of writes shares). A hit is a plain dictionary look-up."""

    def __init__(
        self, make: Callable[[K], V], limit: int = 100_000, *, renew: bool = False
    ) -> None:
        super().__init__()
        self._make = make
        self._limit = limit
        self._renew = renew

    def __missing__(self, key: K) -> V:
        value = self._make(key)
        if len(self) >= self._limit and self._renew:
            self.clear()
        if len(self) < self._limit:
            self[key] = value
        return value
