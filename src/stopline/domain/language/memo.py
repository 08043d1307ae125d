"""A bounded memo for the engine's per-word and per-character look-ups."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """``memo[key]`` is ``make(key)``, computed once and kept, up to ``limit`` keys (beyond
    that, new keys are computed each time: memory stays bounded whatever the traffic). A hit
    is a plain dictionary look-up."""

    def __init__(self, make: Callable[[K], V], limit: int = 100_000) -> None:
        super().__init__()
        self._make = make
        self._limit = limit

    def __missing__(self, key: K) -> V:
        value = self._make(key)
        if len(self) < self._limit:
            self[key] = value
        return value
