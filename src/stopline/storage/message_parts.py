"""Pieces of long messages (`domain.message_parts`): stored once per provider message id,
read back by sender, reference and count."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection

from stopline.domain.inbound import InboundMessage
from stopline.domain.message_parts import StoredPart, joined_id_prefix
from stopline.storage.bulk import bound_instant, execute, marker
from stopline.storage.columns import utc_instant


def store(conn: Connection, piece: InboundMessage) -> None:
    """Keep ``piece``; a provider's retry of it (same message id) changes nothing."""
    assert piece.part is not None
    m = marker(conn)
    execute(
        conn,
        "INSERT INTO message_parts (provider, provider_message_id, from_number, to_address, "  # noqa: S608
        f"ref, part, total, body, received_at) VALUES ({', '.join([m] * 9)}) "
        "ON CONFLICT (provider, provider_message_id) DO NOTHING",
        (
            piece.provider,
            piece.provider_message_id,
            piece.from_number,
            piece.to,
            piece.part.ref,
            piece.part.index,
            piece.part.total,
            piece.body,
            bound_instant(conn, piece.received_at),
        ),
    )


def siblings(conn: Connection, piece: InboundMessage, since: datetime) -> list[StoredPart]:
    """The stored pieces with ``piece``'s sender, reference and count, received since
    ``since`` (``piece`` among them once stored)."""
    assert piece.part is not None
    m = marker(conn)
    rows = execute(
        conn,
        "SELECT part, provider_message_id, body, received_at FROM message_parts "  # noqa: S608
        f"WHERE provider = {m} AND from_number = {m} AND ref = {m} AND total = {m} "
        f"AND received_at >= {m}",
        (
            piece.provider,
            piece.from_number,
            piece.part.ref,
            piece.part.total,
            bound_instant(conn, since),
        ),
    )
    return [StoredPart(int(i), mid, body, utc_instant(at)) for i, mid, body, at in rows]


def joined_until(conn: Connection, piece: InboundMessage) -> datetime | None:
    """When the last message joined from ``piece``'s sender's pieces with its reference was
    complete (its received time: its last piece's), or None if there is none."""
    assert piece.part is not None
    prefix = joined_id_prefix(piece.part.ref)
    m = marker(conn)
    rows = execute(
        conn,
        "SELECT max(received_at) FROM inbound_messages "  # noqa: S608
        f"WHERE provider = {m} AND from_number = {m} "
        f"AND substr(provider_message_id, 1, {len(prefix)}) = {m}",
        (piece.provider, piece.from_number, prefix),
    )
    found = next(iter(rows), (None,))[0]
    return None if found is None else utc_instant(found)
