"""Queries over the review queue. No commits: the caller owns the transaction.

Claiming an item is one conditional UPDATE (``WHERE status = 'open'``), so two reviewers, two
sweeps or two server processes can never both decide the same item: the second finds it no
longer open.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, bindparam, insert, select, update

from stopline.storage.tables import inbound_messages, review_items


@dataclass(frozen=True, slots=True)
class ReviewItem:
    id: int
    inbound_id: int
    number: str
    sender: str
    received_at: datetime
    created_at: datetime
    due_at: datetime
    escalate_at: datetime
    default_at: datetime
    escalated_at: datetime | None
    status: str
    decision: str | None
    decided_at: datetime | None
    decided_by: str | None
    note: str | None
    event_id: int | None
    # from the inbound message
    body: str
    provider: str
    provider_message_id: str
    rule: str
    language: str | None
    confidence: float
    intent: str | None = None  # how the message read ("start_keyword": an opt-in)


def _query() -> Any:
    r = review_items.c
    m = inbound_messages.c
    return select(
        r.id,
        r.inbound_id,
        r.number,
        r.sender,
        r.received_at,
        r.created_at,
        r.due_at,
        r.escalate_at,
        r.default_at,
        r.escalated_at,
        r.status,
        r.decision,
        r.decided_at,
        r.decided_by,
        r.note,
        r.event_id,
        m.body,
        m.provider,
        m.provider_message_id,
        m.rule,
        m.language,
        m.confidence,
        m.intent,
    ).join(inbound_messages, m.id == r.inbound_id)


def _item(row: Row[Any]) -> ReviewItem:
    return ReviewItem(**row._mapping)


def insert_items(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        conn.execute(insert(review_items), list(rows))


def get(conn: Connection, item_id: int) -> ReviewItem | None:
    row = conn.execute(_query().where(review_items.c.id == item_id)).first()
    return _item(row) if row is not None else None


def get_many(conn: Connection, ids: Sequence[int]) -> dict[int, ReviewItem]:
    if not ids:
        return {}
    rows = conn.execute(_query().where(review_items.c.id.in_(list(ids))))
    return {row.id: _item(row) for row in rows}


def page(
    conn: Connection,
    *,
    statuses: Sequence[str] | None,
    limit: int,
    after: int | None = None,
    escalated: bool | None = None,
) -> list[ReviewItem]:
    """Items by id (oldest first), ``limit`` + 1 of them so callers can tell if more exist."""
    r = review_items.c
    query = _query()
    if statuses:
        query = query.where(r.status.in_(list(statuses)))
    if escalated is not None:
        query = query.where(r.escalated_at.is_not(None) if escalated else r.escalated_at.is_(None))
    if after is not None:
        query = query.where(r.id > after)
    return [_item(row) for row in conn.execute(query.order_by(r.id).limit(limit + 1))]


def claim(
    conn: Connection,
    ids: Sequence[int],
    *,
    status: str,
    decision: str,
    decided_at: datetime,
    decided_by: str,
    note: str | None,
) -> list[int]:
    """Close the still-open items among ``ids``; returns the ids this call closed."""
    if not ids:
        return []
    r = review_items.c
    stmt = (
        update(review_items)
        .where(r.id.in_(list(ids)), r.status == "open")
        .values(
            status=status,
            decision=decision,
            decided_at=decided_at,
            decided_by=decided_by,
            note=note,
        )
        .returning(r.id)
    )
    return [row[0] for row in conn.execute(stmt)]


def set_events(conn: Connection, pairs: Sequence[tuple[int, int]]) -> None:
    """Link (item id, consent event id)."""
    if not pairs:
        return
    stmt = (
        update(review_items)
        .where(review_items.c.id == bindparam("item_id"))
        .values(event_id=bindparam("event"))
    )
    conn.execute(stmt, [{"item_id": item, "event": event} for item, event in pairs])


def escalate_due(conn: Connection, now: datetime) -> list[int]:
    """Mark open, not yet escalated items whose escalation time has come; returns them."""
    r = review_items.c
    stmt = (
        update(review_items)
        .where(r.status == "open", r.escalated_at.is_(None), r.escalate_at <= now)
        .values(escalated_at=now)
        .returning(r.id)
    )
    return sorted(row[0] for row in conn.execute(stmt))


def default_due(conn: Connection, now: datetime, limit: int = 1000) -> list[int]:
    """Open items whose default time has come (oldest deadline first)."""
    r = review_items.c
    query = (
        select(r.id)
        .where(r.status == "open", r.default_at <= now)
        .order_by(r.due_at, r.id)
        .limit(limit)
    )
    return [row[0] for row in conn.execute(query)]


def counts(conn: Connection) -> dict[str, int]:
    from sqlalchemy import func

    r = review_items.c
    rows = conn.execute(select(r.status, func.count()).group_by(r.status))
    return {status: int(n) for status, n in rows}
