"""A set of positive 64-bit integers with vectorised membership (open addressing in numpy).

A binary search over a million sorted numbers costs about twenty dependent memory reads per
probe; this table costs one or two. Keys hash multiplicatively (Fibonacci hashing) into a
power-of-two table at most two-thirds full; 0 marks an empty slot, so keys must be > 0
(E.164 numbers as integers always are).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


class NumberSet:
    def __init__(self, keys: npt.NDArray[np.int64]) -> None:
        """``keys``: distinct positive integers."""
        bits = max(10, int(np.ceil(np.log2(max(1, len(keys)) * 1.5))))
        self._bits = bits
        self._mask = (1 << bits) - 1
        self._slots = np.zeros(1 << bits, dtype=np.int64)
        self._len = len(keys)
        slot = self._hash(keys)
        todo = np.arange(len(keys))
        while len(todo):  # each pass places one key per free slot; the rest move on by one
            free = self._slots[slot[todo]] == 0
            candidates = todo[free]
            _, first = np.unique(slot[candidates], return_index=True)
            winners = candidates[first]
            self._slots[slot[winners]] = keys[winners]
            placed = np.zeros(len(keys), dtype=np.bool_)
            placed[winners] = True
            todo = todo[~placed[todo]]
            slot[todo] = (slot[todo] + 1) & self._mask

    def __len__(self) -> int:
        return self._len

    def contains(self, probes: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        found = np.zeros(len(probes), dtype=np.bool_)
        if self._len == 0 or len(probes) == 0:
            return found
        slot = self._hash(probes)
        todo = np.arange(len(probes))
        while len(todo):
            seen = self._slots[slot[todo]]
            hit = seen == probes[todo]
            found[todo[hit]] = True
            todo = todo[~hit & (seen != 0)]
            slot[todo] = (slot[todo] + 1) & self._mask
        return found

    def _hash(self, keys: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        mixed = keys.astype(np.uint64) * _GOLDEN  # wraps modulo 2**64 by design
        return (mixed >> np.uint64(64 - self._bits)).astype(np.int64)
