"""A long message delivered piece by piece is read once whole (`domain.message_parts`)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from stopline.domain.inbound import InboundMessage, Part
from stopline.domain.message_parts import StoredPart, whole_message

T0 = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)


def piece(index: int, total: int = 3, ref: str = "A7") -> InboundMessage:
    return InboundMessage(
        "vonage",
        f"m{index}",
        "+447700900001",
        "+447700900000",
        "x",
        T0,
        part=Part(ref, index, total),
    )


def stored(index: int, body: str, minutes: int = 0, mid: str | None = None) -> StoredPart:
    return StoredPart(index, mid or f"m{index}", body, T0 + timedelta(minutes=minutes))


def test_nothing_until_every_piece_is_in() -> None:
    assert whole_message(piece(2), [stored(2, "b"), stored(1, "a")]) is None


def test_pieces_are_joined_in_order_whatever_order_they_came_in() -> None:
    whole = whole_message(
        piece(1), [stored(3, "xting me"), stored(1, "please s"), stored(2, "top te")]
    )
    assert whole is not None and whole.body == "please stop texting me"
    assert whole.part is None and whole.received_at == T0
    assert whole.provider_message_id == "concat:A7:m1"


def test_a_retried_piece_yields_the_same_message() -> None:
    parts = [stored(1, "a"), stored(2, "b"), stored(3, "c")]
    assert whole_message(piece(3), parts) == whole_message(piece(3), list(reversed(parts)))


def test_a_reference_used_again_takes_the_later_piece_at_each_position() -> None:
    parts = [stored(1, "old", 0, "o1"), stored(1, "new ", 5, "n1"), stored(2, "two", 6, "n2")]
    whole = whole_message(piece(2, total=2), parts)
    assert whole is not None and whole.body == "new two"
    assert whole.provider_message_id == "concat:A7:n1"


def test_positions_outside_the_count_are_ignored() -> None:
    assert whole_message(piece(1, total=2), [stored(1, "a"), stored(3, "c")]) is None
