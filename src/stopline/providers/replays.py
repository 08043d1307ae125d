"""Refusing a signed nonce reused with a different request.

Plivo's V2 signature covers the URL and a fresh nonce but not the body, so a captured
signature could be replayed with another text. The guard remembers, for as long as the
timestamp window lasts, a digest of each request per nonce, from the moment it is accepted
(so two requests racing with one nonce cannot both pass): the very same request again (a
provider retry, or a replay that changes nothing) is processed idempotently as usual, while
the same nonce with a different body gets 403. Schemes that sign the body need no guard: a
changed body fails their signature check.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable


class ReplayGuard:
    def __init__(self, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._window = window
        self._clock = clock
        self._seen: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def digest(url: str, body: bytes) -> str:
        return hashlib.sha256(url.encode() + b"\n" + body).hexdigest()

    def claim(self, key: str, digest: str) -> bool:
        """Accept ``key`` for this request: False when it was used with a different request
        within the window; otherwise it is remembered at once, in one step with the check."""
        now = self._clock()
        with self._lock:
            seen = self._seen.get(key)
            if seen is not None and seen[1] > now and seen[0] != digest:
                return False
            if len(self._seen) > 100_000:  # drop what has expired before growing further
                self._seen = {k: v for k, v in self._seen.items() if v[1] > now}
            self._seen[key] = (digest, now + self._window)
        return True
