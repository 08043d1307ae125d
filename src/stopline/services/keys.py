"""API keys: creation, lookup with a short-lived cache, revocation."""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Engine

from stopline.storage import keys as repo


class KeyScope(StrEnum):
    CHECK = "check"  # ask the send gate
    WRITE = "write"  # record consent, report inbound messages (implies check)
    ADMIN = "admin"  # everything


IMPLIED: dict[KeyScope, frozenset[KeyScope]] = {
    KeyScope.CHECK: frozenset({KeyScope.CHECK}),
    KeyScope.WRITE: frozenset({KeyScope.CHECK, KeyScope.WRITE}),
    KeyScope.ADMIN: frozenset(KeyScope),
}


def expand(scopes: frozenset[str]) -> frozenset[KeyScope]:
    granted: set[KeyScope] = set()
    for name in scopes:
        granted |= IMPLIED[KeyScope(name)]
    return frozenset(granted)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class NewKey:
    id: int
    key: str
    prefix: str


MAX_KEY_NAME = 100  # the key's name is the actor ("api-key:NAME") of what it records


def key_name(name: str) -> str:
    """The name trimmed; ValueError when it is empty or too long."""
    name = name.strip()
    if not name or len(name) > MAX_KEY_NAME:
        raise ValueError(f"a key's name is 1 to {MAX_KEY_NAME} characters (who or what uses it)")
    return name


def create_key(engine: Engine, name: str, scopes: frozenset[str], now: datetime) -> NewKey:
    """A new key; ValueError for an unknown scope or a name that is empty or too long."""
    name = key_name(name)
    for scope in scopes:
        KeyScope(scope)  # raises ValueError for an unknown scope
    prefix = secrets.token_hex(4)
    key = f"sl_{prefix}_{secrets.token_urlsafe(32)}"
    with engine.begin() as conn:
        key_id = repo.create(
            conn, name=name, prefix=prefix, key_hash=hash_key(key), scopes=scopes, created_at=now
        )
    return NewKey(key_id, key, prefix)


@dataclass(frozen=True, slots=True)
class Principal:
    key_id: int
    name: str
    scopes: frozenset[KeyScope]

    @property
    def actor(self) -> str:
        """Who recorded what the key writes (a name from before names were capped is cut)."""
        return f"api-key:{self.name[:MAX_KEY_NAME]}"


class KeyStore:
    """Resolves presented keys. Positive answers are cached for ``ttl`` seconds, so a revoked
    key stops working within that time in every process."""

    def __init__(
        self, engine: Engine, ttl: float = 5.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._engine = engine
        self._ttl = ttl
        self._clock = clock
        self._cache: dict[str, tuple[float, Principal | None]] = {}
        self._lock = threading.Lock()

    async def resolve_async(self, presented: str) -> Principal | None:
        """`resolve` for the event loop: a cache hit is answered at once, a miss queries the
        database in a worker thread so a slow query never blocks the loop."""
        digest = hash_key(presented)
        hit = self._cached(digest)
        return hit[0] if hit is not None else await asyncio.to_thread(self._load, digest)

    def cached(self, presented: str) -> tuple[Principal | None] | None:
        """The cached answer for a presented key, if there is a fresh one (a 1-tuple, since
        "unknown key" is an answer too)."""
        return self._cached(hash_key(presented))

    def _cached(self, digest: str) -> tuple[Principal | None] | None:
        hit = self._cache.get(digest)
        if hit is not None and hit[0] > self._clock():
            return (hit[1],)
        return None

    def _load(self, digest: str) -> Principal | None:
        now = self._clock()
        with self._engine.connect() as conn:
            stored = repo.by_hash(conn, digest)
        principal = (
            Principal(stored.id, stored.name, expand(stored.scopes))
            if stored is not None and stored.revoked_at is None
            else None
        )
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            # unknown keys are cached briefly too, so a flood of bad keys cannot hammer the DB
            self._cache[digest] = (now + (self._ttl if principal else 1.0), principal)
        return principal
