"""Outbox rows: side effects (REST replies) written in the same transaction as the change that
caused them, claimed and delivered after commit. No commits here: the caller owns the
transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from stopline.storage.tables import outbox

PENDING = "pending"
SENDING = "sending"  # claimed; re-claimable once its lease (next_attempt_at) has passed
SENT = "sent"
DEAD = "dead"


@dataclass(frozen=True, slots=True)
class OutboxRow:
    id: int
    idempotency_key: str
    kind: str
    provider: str
    account: str | None
    sender: str
    to_number: str
    body: str
    attempts: int  # including the claim that returned this row


def reply_row(
    *,
    key: str,
    provider: str,
    account: str | None,
    sender: str,
    to_number: str,
    body: str,
    now: datetime,
) -> dict[str, Any]:
    return {
        "idempotency_key": key,
        "kind": "reply",
        "provider": provider,
        "account": account,
        "sender": sender,
        "to_number": to_number,
        "body": body,
        "status": PENDING,
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }


def enqueue(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(outbox), list(rows))


def renew(conn: Connection, row: OutboxRow, now: datetime, lease: timedelta) -> bool:
    """Extend our claim on ``row`` just before sending it; False when the lease ran out and
    another worker has claimed it since (its attempt count moved on): then we must not send."""
    c = outbox.c
    result = conn.execute(
        update(outbox)
        .where(c.id == row.id, c.status == SENDING, c.attempts == row.attempts)
        .values(next_attempt_at=now + lease)
    )
    return bool(result.rowcount)


def claim(conn: Connection, now: datetime, limit: int, lease: timedelta) -> list[OutboxRow]:
    """Claim due rows: pending ones and claimed ones whose worker vanished (lease over).
    PostgreSQL workers skip rows another worker holds; SQLite serialises writers anyway."""
    c = outbox.c
    query = (
        select(
            c.id,
            c.idempotency_key,
            c.kind,
            c.provider,
            c.account,
            c.sender,
            c.to_number,
            c.body,
            c.attempts,
        )
        .where(c.status.in_((PENDING, SENDING)), c.next_attempt_at <= now)
        .order_by(c.next_attempt_at, c.id)
        .limit(limit)
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    rows = conn.execute(query).all()
    if not rows:
        return []
    conn.execute(
        update(outbox)
        .where(c.id.in_([r.id for r in rows]))
        .values(status=SENDING, attempts=c.attempts + 1, next_attempt_at=now + lease)
    )
    return [OutboxRow(*r[:-1], r.attempts + 1) for r in rows]


def _settle(conn: Connection, row: OutboxRow, **values: Any) -> bool:
    """Update a claimed row, unless another worker re-claimed it meanwhile."""
    c = outbox.c
    result = conn.execute(
        update(outbox)
        .where(c.id == row.id, c.status == SENDING, c.attempts == row.attempts)
        .values(**values)
    )
    return bool(result.rowcount)


def mark_sent(
    conn: Connection, row: OutboxRow, provider_message_id: str | None, now: datetime
) -> bool:
    return _settle(
        conn,
        row,
        status=SENT,
        provider_message_id=provider_message_id,
        sent_at=now,
        last_error=None,
    )


def mark_retry(conn: Connection, row: OutboxRow, error: str, at: datetime) -> bool:
    return _settle(conn, row, status=PENDING, next_attempt_at=at, last_error=error[:2000])


def mark_dead(conn: Connection, row: OutboxRow, error: str) -> bool:
    return _settle(conn, row, status=DEAD, last_error=error[:2000])


def counts(conn: Connection) -> dict[str, int]:
    c = outbox.c
    query = select(c.status, func.count()).group_by(c.status)
    return {status: int(n) for status, n in conn.execute(query)}


def recent(conn: Connection, status: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    c = outbox.c
    query = select(
        c.id,
        c.kind,
        c.provider,
        c.sender,
        c.to_number,
        c.status,
        c.attempts,
        c.next_attempt_at,
        c.last_error,
        c.provider_message_id,
        c.created_at,
        c.sent_at,
    ).order_by(c.id.desc())
    if status is not None:
        query = query.where(c.status == status)
    return [dict(r._mapping) for r in conn.execute(query.limit(limit))]


def requeue_dead(conn: Connection, now: datetime) -> int:
    """Give every dead-lettered row a fresh set of attempts."""
    c = outbox.c
    result = conn.execute(
        update(outbox)
        .where(c.status == DEAD)
        .values(status=PENDING, attempts=0, next_attempt_at=now)
    )
    return int(result.rowcount)
