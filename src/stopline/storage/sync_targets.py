"""Rows of ``sync_targets``: each push target's cursor in the consent feed, the batch in
flight, its lease, and its retry state. No commits here: the caller owns the transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from stopline.storage.tables import sync_targets

T = sync_targets.c


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    cursor: str  # "" : the start of the feed
    pending_cursor: str | None
    batch_id: str | None
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    delivered: int
    delivered_at: datetime | None
    holder: str | None
    lease_until: datetime | None


def ensure(conn: Connection, name: str, now: datetime, cursor: str = "") -> None:
    """Create the target at ``cursor`` unless it exists (safe when two workers start)."""
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    values = {
        "name": name,
        "cursor": cursor,
        "attempts": 0,
        "next_attempt_at": now,
        "delivered": 0,
    }
    conn.execute(insert(sync_targets).values(values).on_conflict_do_nothing())


def get(conn: Connection, name: str) -> Target | None:
    row = conn.execute(select(sync_targets).where(T.name == name)).mappings().first()
    return Target(**row) if row is not None else None


def all_targets(conn: Connection) -> list[Target]:
    rows = conn.execute(select(sync_targets).order_by(T.name)).mappings().all()
    return [Target(**row) for row in rows]


def claim(
    conn: Connection, name: str, holder: str, now: datetime, lease: timedelta
) -> Target | None:
    """Take the target for ``lease`` when it is due and nobody else holds it."""
    taken = conn.execute(
        update(sync_targets)
        .where(
            T.name == name,
            T.next_attempt_at <= now,
            or_(T.holder.is_(None), T.holder == holder, T.lease_until < now),
        )
        .values(holder=holder, lease_until=now + lease)
    )
    return get(conn, name) if taken.rowcount == 1 else None


def set_pending(conn: Connection, name: str, holder: str, pending: str, batch_id: str) -> bool:
    done = conn.execute(
        update(sync_targets)
        .where(T.name == name, T.holder == holder)
        .values(pending_cursor=pending, batch_id=batch_id)
    )
    return done.rowcount == 1


def advance(conn: Connection, name: str, holder: str, count: int, now: datetime) -> bool:
    """The pending batch was delivered: move the cursor to its end and let go."""
    done = conn.execute(
        update(sync_targets)
        .where(T.name == name, T.holder == holder, T.pending_cursor.is_not(None))
        .values(
            cursor=T.pending_cursor,
            pending_cursor=None,
            batch_id=None,
            attempts=0,
            next_attempt_at=now,
            last_error=None,
            delivered=T.delivered + count,
            delivered_at=now,
            holder=None,
            lease_until=None,
        )
    )
    return done.rowcount == 1


def fail(conn: Connection, name: str, holder: str, error: str, retry_at: datetime) -> None:
    conn.execute(
        update(sync_targets)
        .where(T.name == name, T.holder == holder)
        .values(
            attempts=T.attempts + 1,
            last_error=error[:2000],
            next_attempt_at=retry_at,
            holder=None,
            lease_until=None,
        )
    )


def release(conn: Connection, name: str, holder: str) -> None:
    conn.execute(
        update(sync_targets)
        .where(T.name == name, T.holder == holder)
        .values(holder=None, lease_until=None)
    )


def move(conn: Connection, name: str, cursor: str, now: datetime) -> None:
    """Put the target at ``cursor`` (``stopline sync reset``), dropping the batch in
    flight and any retry wait."""
    ensure(conn, name, now, cursor)
    conn.execute(
        update(sync_targets)
        .where(T.name == name)
        .values(
            cursor=cursor,
            pending_cursor=None,
            batch_id=None,
            attempts=0,
            next_attempt_at=now,
            last_error=None,
            holder=None,
            lease_until=None,
        )
    )
