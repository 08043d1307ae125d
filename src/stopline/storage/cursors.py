"""Keyset-pagination cursors: the last row id of a page, in hexadecimal."""

from __future__ import annotations

from stopline.storage.tables import MAX_ID


def encode_cursor(row_id: int) -> str:
    return format(row_id, "x")


def decode_cursor(cursor: str) -> int:
    """The row id in ``cursor``; ValueError("invalid cursor") for anything else, including
    an id beyond what either database can store."""
    try:
        row_id = int(cursor, 16)
    except ValueError:
        raise ValueError("invalid cursor") from None
    if not 0 <= row_id <= MAX_ID:
        raise ValueError("invalid cursor")
    return row_id
