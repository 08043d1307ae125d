"""Delivering outbox rows after commit: claim, send through the provider's REST API with the
row's idempotency key, then mark sent, schedule a retry (exponential backoff) or dead-letter.

A row stays claimed for a lease; if the process dies mid-send the row is claimed again after
the lease and re-sent with the same idempotency key, so a provider (or fake) that honours
``Idempotency-Key`` creates one message only."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine

from stopline.providers.base import SendResult
from stopline.services.polling import PollingWorker
from stopline.storage import outbox as repo
from stopline.storage.outbox import OutboxRow

log = logging.getLogger("stopline.outbox")

MAX_BACKOFF = 600.0


@dataclass(frozen=True, slots=True)
class ReplyRoute:
    """Where a reply that cannot go inline is sent from."""

    provider: str
    account: str | None = None


def reply_key(provider: str, provider_message_id: str) -> str:
    """One reply per inbound message, whatever retries happen: the outbox's unique key."""
    return f"reply:{provider}:{provider_message_id}"


@dataclass(frozen=True, slots=True)
class WorkerStats:
    sent: int = 0
    retried: int = 0
    dead: int = 0


class OutboxWorker(PollingWorker):
    def __init__(
        self,
        engine: Engine,
        deliver: Callable[[OutboxRow], SendResult],
        clock: Callable[[], datetime],
        *,
        poll: float = 1.0,
        max_attempts: int = 8,
        backoff: float = 2.0,
        lease: float = 60.0,
        batch: int = 5,  # each row's lease is renewed just before its own send
        on_opted_out: Callable[[OutboxRow, SendResult], None] | None = None,
    ) -> None:
        super().__init__("outbox", poll)
        self._engine = engine.execution_options(sqlite_immediate=True)
        self._deliver = deliver
        self._clock = clock
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._lease = timedelta(seconds=lease)
        self._batch = batch
        self._on_opted_out = on_opted_out

    def _pass(self) -> bool:
        stats = self.run_once()
        return bool(stats.sent or stats.retried or stats.dead)

    def run_once(self) -> WorkerStats:
        """Claim and deliver one batch of due rows."""
        with self._engine.begin() as conn:
            rows = repo.claim(conn, self._clock(), self._batch, self._lease)
        sent = retried = dead = 0
        for index, row in enumerate(rows):
            if index:  # the first row was claimed just now; later ones may have waited
                with self._engine.begin() as conn:
                    if not repo.renew(conn, row, self._clock(), self._lease):
                        continue  # another worker took it over: never send it twice
            outcome = self._one(row)
            sent += outcome == "sent"
            retried += outcome == "retry"
            dead += outcome == "dead"
        return WorkerStats(sent, retried, dead)

    def drain(self, limit: int = 1000) -> WorkerStats:
        """Deliver until nothing is due (or ``limit`` batches)."""
        total = WorkerStats()
        for _ in range(limit):
            stats = self.run_once()
            total = WorkerStats(
                total.sent + stats.sent, total.retried + stats.retried, total.dead + stats.dead
            )
            if not (stats.sent or stats.retried or stats.dead):
                break
        return total

    def _one(self, row: OutboxRow) -> str:
        try:
            result = self._deliver(row)
        except Exception as exc:  # a bug, not a provider answer: retry later, keep the row
            log.exception("outbox delivery raised", extra={"outbox_id": row.id})
            result = SendResult(False, detail=f"{type(exc).__name__}: {exc}", retryable=True)
        now = self._clock()
        outcome: str
        with self._engine.begin() as conn:
            if result.accepted:
                repo.mark_sent(conn, row, result.provider_message_id, now)
                outcome = "sent"
            elif result.opted_out:
                repo.mark_dead(conn, row, f"recipient opted out ({result.error_code})")
                outcome = "dead"
            elif result.retryable and row.attempts < self._max_attempts:
                delay = min(self._backoff * 2 ** (row.attempts - 1), MAX_BACKOFF)
                repo.mark_retry(conn, row, _error(result), now + timedelta(seconds=delay))
                outcome = "retry"
            else:
                repo.mark_dead(conn, row, _error(result))
                outcome = "dead"
        if result.opted_out and self._on_opted_out is not None:
            self._on_opted_out(row, result)
        log.info(
            "outbox delivery",
            extra={
                "outbox_id": row.id,
                "provider": row.provider,
                "attempt": row.attempts,
                "outcome": outcome,
                "code": result.error_code,
            },
        )
        return outcome


def _error(result: SendResult) -> str:
    code = f"[{result.error_code}] " if result.error_code else ""
    status = f"HTTP {result.http_status}: " if result.http_status else ""
    return f"{status}{code}{result.detail}".strip() or "unknown failure"
