"""A long SMS delivered piece by piece (Vonage's SMS API sends one webhook per segment, with
``concat-ref``, ``concat-part`` and ``concat-total``) is read only once it is whole: "could
you please s" + "top texting me" is an opt-out that neither piece is.

A sender's phone numbers its long messages with a small reference (8 or 16 bits) that comes
round again, so the pieces of one message are those with the same sender, reference and
count that arrived within `WINDOW` of each other and after the last message already joined
from that sender's pieces with that reference (whose pieces are spent); of two pieces at one
position the later one counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from stopline.domain.inbound import InboundMessage

WINDOW = timedelta(hours=1)
MAX_PARTS = 255  # the UDH counts pieces in one byte


@dataclass(frozen=True, slots=True)
class StoredPart:
    index: int
    provider_message_id: str
    body: str
    received_at: datetime


def joined_id_prefix(ref: str) -> str:
    """How the id of a message joined from pieces with reference ``ref`` begins."""
    return f"concat:{ref}:"


def unspent(stored: Iterable[StoredPart], joined_until: datetime | None) -> list[StoredPart]:
    """The pieces received after ``joined_until``, when the last message joined from this
    sender's pieces with this reference was complete: the pieces before it were its own.
    Without this a reused reference would join a new first piece to the last message's
    second piece, and the new message, read wrongly once, would be answered as a retry
    when its own second piece came."""
    if joined_until is None:
        return list(stored)
    return [p for p in stored if p.received_at > joined_until]


def whole_message(piece: InboundMessage, stored: Iterable[StoredPart]) -> InboundMessage | None:
    """The whole message ``piece`` belongs to, once every piece of it is among ``stored``
    (which holds ``piece`` too); None while some are missing. Its id is derived from the
    first piece's, so a retried piece yields the same message (and the same answer)."""
    assert piece.part is not None
    latest: dict[int, StoredPart] = {}
    for part in stored:
        if 1 <= part.index <= piece.part.total:
            held = latest.get(part.index)
            if held is None or part.received_at >= held.received_at:
                latest[part.index] = part
    if len(latest) < piece.part.total:
        return None
    ordered = [latest[i] for i in range(1, piece.part.total + 1)]
    return replace(
        piece,
        provider_message_id=joined_id_prefix(piece.part.ref) + ordered[0].provider_message_id,
        body="".join(p.body for p in ordered),  # pieces split mid-word: no separator
        received_at=max(p.received_at for p in ordered),
        part=None,
    )
