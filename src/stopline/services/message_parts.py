"""Commit-queue handler that keeps the pieces of long messages until each is whole
(`domain.message_parts`)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from stopline.domain.inbound import InboundMessage, bounded
from stopline.domain.message_parts import WINDOW, unspent, whole_message
from stopline.storage import message_parts as repo


class PartsRecorder:
    """Stores each piece (committed before the provider is answered, so none is lost) and
    returns, per piece, the whole message once its last piece is in, else None."""

    def chain_numbers(self, _conn: Connection, pieces: Sequence[InboundMessage]) -> list[str]:
        """Lock each sender's chain first (`GroupCommit`, PostgreSQL): two servers storing the
        last two pieces of one message at once would each miss the other's uncommitted piece,
        and the message would never be read; locked, the second waits and sees the first."""
        return [p.from_number for p in pieces]

    def __call__(
        self, conn: Connection, pieces: Sequence[InboundMessage]
    ) -> list[InboundMessage | None]:
        out: list[InboundMessage | None] = []
        for piece in pieces:
            piece = bounded(piece)
            repo.store(conn, piece)
            stored = repo.siblings(conn, piece, piece.received_at - WINDOW)
            out.append(whole_message(piece, unspent(stored, repo.joined_until(conn, piece))))
        return out
