"""Stored inbound messages (idempotency on the provider's message id)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection, func, literal, select

from stopline.storage.bulk import (
    allocate_ids,
    bound_instant,
    execute,
    in_list,
    insert_tuples,
    list_param,
    marker,
    select_rows,
)
from stopline.storage.tables import inbound_messages, late_answers, outbox


@dataclass(frozen=True, slots=True)
class StoredInbound:
    provider_message_id: str
    action: str
    outcome: str
    reply_text: str | None
    event_id: int | None
    from_number: str
    to_address: str
    intent: str | None
    rule: str
    language: str | None
    confidence: float
    body: str


def find(conn: Connection, provider: str, ids: Sequence[str]) -> dict[str, StoredInbound]:
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    sql = (
        "SELECT provider_message_id, action, outcome, reply_text, event_id, from_number, "  # noqa: S608
        "to_address, intent, rule, language, confidence, body "
        f"FROM inbound_messages WHERE provider = {marker(conn)} "
        f"AND {in_list(conn, 'provider_message_id')}"
    )
    rows = select_rows(conn, sql, [provider, list_param(conn, wanted)])
    return {row[0]: StoredInbound(*row) for row in rows}


COLUMNS = (
    "provider",
    "provider_message_id",
    "from_number",
    "to_address",
    "body",
    "received_at",
    "recorded_at",
    "action",
    "intent",
    "rule",
    "language",
    "confidence",
    "outcome",
    "reply_text",
    "event_id",
)


class InboundRow(NamedTuple):
    """One stored inbound message (the values of `COLUMNS`, in order)."""

    provider: str
    provider_message_id: str
    from_number: str
    to_address: str
    body: str
    received_at: datetime
    recorded_at: datetime
    action: str
    intent: str
    rule: str
    language: str | None
    confidence: float
    outcome: str
    reply_text: str | None
    event_id: int | None


def insert_many(conn: Connection, rows: Sequence[InboundRow]) -> None:
    insert_tuples(conn, inbound_messages, COLUMNS, rows)


def insert_returning_ids(conn: Connection, rows: Sequence[InboundRow]) -> list[int]:
    """Insert and return the new ids in order (for rows that other rows refer to)."""
    ids = allocate_ids(conn, inbound_messages, len(rows))
    insert_tuples(
        conn,
        inbound_messages,
        ("id", *COLUMNS),
        [(i, *row) for i, row in zip(ids, rows, strict=True)],
    )
    return ids


def texted_opt_out_since(conn: Connection, number: str, since: datetime | None) -> bool:
    """Whether an opt-out texted by ``number`` was received or recorded at or after
    ``since`` (any time, when None): it got its one confirmation then, from Stopline or the
    provider. Recorded counts too: a STOP sent before an opt-out made elsewhere but arriving
    after it was answered as the first texted STOP. One answered 503 (`late_answers`) does
    not count: its inline confirmation never went out."""
    m = marker(conn)
    sql = (
        "SELECT 1 FROM inbound_messages i WHERE from_number = "  # noqa: S608
        f"{m} AND action = 'opt_out' AND NOT EXISTS (SELECT 1 FROM late_answers l "
        "WHERE l.provider = i.provider AND l.provider_message_id = i.provider_message_id)"
    )
    params: list[object] = [number]
    if since is not None:
        sql += f" AND (received_at >= {m} OR recorded_at >= {m})"
        params += [bound_instant(conn, since)] * 2
    return bool(select_rows(conn, sql + " LIMIT 1", params))


def mark_late(conn: Connection, keys: Sequence[tuple[str, str]], answered_at: datetime) -> None:
    """Note that these (provider, message id)s were answered 503: whatever inline reply they
    are stored with did not reach the provider. Marking twice changes nothing."""
    if not keys:
        return
    m = marker(conn)
    execute(
        conn,
        "INSERT INTO late_answers (provider, provider_message_id, answered_at) "  # noqa: S608
        f"VALUES ({m}, {m}, {m}) ON CONFLICT (provider, provider_message_id) DO NOTHING",
        [(provider, mid, bound_instant(conn, answered_at)) for provider, mid in sorted(set(keys))],
        many=True,
    )


def clear_late(conn: Connection, keys: Sequence[tuple[str, str]]) -> None:
    """A retry of these messages got their stored inline reply: it went out after all."""
    if not keys:
        return
    m = marker(conn)
    execute(
        conn,
        f"DELETE FROM late_answers WHERE provider = {m} AND provider_message_id = {m}",  # noqa: S608
        sorted(set(keys)),
        many=True,
    )


@dataclass(frozen=True, slots=True)
class Confirmation:
    """The reply an event's inbound message got, and how far it went."""

    text: str
    via: str  # "inline": in the answer to the provider's webhook; "outbox": a REST send
    status: str  # inline: "sent" (it went with the answer), or "not_delivered" (answered
    # 503: no retry came for it); outbox: its row's status
    at: datetime | None  # when it went out (inline: when the answer was committed)


def confirmations(
    conn: Connection, number: str, event_ids: Sequence[int]
) -> dict[int, Confirmation]:
    """The reply recorded with each of ``number``'s events' inbound message (none for events
    from the API, an import, or a message the provider answered itself). Looked up through
    the messages from ``number`` (indexed), not by event id (which is not: an index there
    would cost every inbound message a write)."""
    if not event_ids:
        return {}
    m, o, late = inbound_messages.c, outbox.c, late_answers.c
    key = literal("reply:") + m.provider + literal(":") + m.provider_message_id
    query = (
        select(m.event_id, m.reply_text, m.recorded_at, o.status, o.sent_at, late.answered_at)
        .select_from(
            inbound_messages.outerjoin(outbox, o.idempotency_key == key).outerjoin(
                late_answers,
                (late.provider == m.provider) & (late.provider_message_id == m.provider_message_id),
            )
        )
        .where(
            m.from_number == number,
            m.event_id.in_(list(event_ids)),
            m.reply_text.is_not(None),
        )
        .order_by(m.id)
    )
    found: dict[int, Confirmation] = {}
    for event_id, text, recorded_at, status, sent_at, answered_late in conn.execute(query):
        if event_id in found:
            continue
        if status is None and answered_late is not None:
            found[event_id] = Confirmation(text, "inline", "not_delivered", None)
        elif status is None:
            found[event_id] = Confirmation(text, "inline", "sent", recorded_at)
        else:
            found[event_id] = Confirmation(text, "outbox", status, sent_at)
    return found


@dataclass(frozen=True, slots=True)
class ReceivedMessage:
    """A stored inbound message as a contact's history shows it."""

    provider: str
    provider_message_id: str
    to_address: str
    body: str
    received_at: datetime
    action: str
    rule: str
    outcome: str
    reply_text: str | None
    event_id: int | None


def messages_from(conn: Connection, number: str, limit: int) -> tuple[list[ReceivedMessage], int]:
    """The newest ``limit`` messages texted from ``number``, oldest first, and how many
    there are in all (a repeated STOP changes no consent, but it is part of the record)."""
    t = inbound_messages
    rows = conn.execute(
        select(
            t.c.provider,
            t.c.provider_message_id,
            t.c.to_address,
            t.c.body,
            t.c.received_at,
            t.c.action,
            t.c.rule,
            t.c.outcome,
            t.c.reply_text,
            t.c.event_id,
        )
        .where(t.c.from_number == number)
        .order_by(t.c.received_at.desc(), t.c.id.desc())
        .limit(limit)
    ).all()
    total = len(rows)
    if total == limit:
        total = conn.execute(
            select(func.count()).select_from(t).where(t.c.from_number == number)
        ).scalar_one()
    return [ReceivedMessage(*row) for row in reversed(rows)], total
