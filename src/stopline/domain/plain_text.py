"""Text that must be stored and shown as written: names, keys and brands."""

from __future__ import annotations

import unicodedata


def has_control_character(text: str) -> bool:
    """Whether ``text`` holds a control character (NUL, ESC, a line break, ...): one in a key
    could merge two keys once stored, one in a brand breaks the XML a reply goes out in."""
    return any(unicodedata.category(c) == "Cc" for c in text)
