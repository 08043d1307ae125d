"""The plain copy of a message that sentence-level rules read (reactions, signatures, a
keyword standing as its own sentence), and trailing signatures ("Sent from my iPhone",
"-John") that are not part of what the person said."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from stopline.domain.language.confusables import LOOK_ALIKES, SMALL_CAPITALS
from stopline.domain.language.normalise import (
    INVISIBLE,
    LOOK_ALIKE,
    NATIVE,
    SKELETON,
    STRIP_MARKS,
    fold,
)
from stopline.domain.memo import Memo


def _plain_char(ch: str) -> str:
    pieces = []
    for part in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", ch)):
        code = ord(part)
        if part in INVISIBLE or any(lo <= code <= hi for lo, hi in STRIP_MARKS):
            continue
        pieces.append(SMALL_CAPITALS.get(part, part))
    return unicodedata.normalize("NFC", "".join(pieces))


_PLAIN: Memo[str, str] = Memo(_plain_char)


def plain(text: str) -> tuple[str, list[int] | None]:
    """``text`` with compatibility forms, look-alike letters, accents and invisible characters
    made plain, punctuation and line breaks kept: what the sentence-level rules (reactions,
    signatures, a keyword standing alone) read. Also where each character came from in
    ``text`` (None for ASCII text, which is returned as it is)."""
    if text.isascii():
        return text, None
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        for piece in _PLAIN[ch]:
            out.append(piece)
            origin.append(index)
    origin.append(len(text))
    probe = "".join(out)
    folded = probe.casefold()
    if LOOK_ALIKE.search(folded) and not NATIVE.search(folded.translate(SKELETON)):
        probe = "".join(
            c.casefold().translate(SKELETON)
            if len(c.casefold()) == 1 and c.casefold() in LOOK_ALIKES
            else c
            for c in probe
        )
    return probe, origin


_DEVICES = (
    "iphone|ipad|android|samsung|galaxy|mobile|phone|smartphone|device|pixel|huawei|blackberry"
    "|tablet|cell|verizon|sprint|xiaomi|oneplus|motorola|nokia|lg|htc|watch|t-mobile|handy"
    "|celular|movil|telephone|portable|telefone"
)
_DEVICE_SIGNATURE = re.compile(
    rf"(?:^|\s)(?:(?:sent from|sent via|enviado desde|envoy[eé] de|von|enviado do) (?:my|mi|mon"
    rf"|meinem|meu|the)? ?(?:[\w'-]+ ){{0,3}}(?:{_DEVICES})\b[\w .'-]{{0,30}}"
    rf"|sent from (?:yahoo mail|outlook|aol mail|mail)[\w .'-]{{0,30}}"
    rf"|get outlook for (?:ios|android))\s*$",
    re.IGNORECASE,
)
_NAME_SIGNATURE = re.compile(
    r"(?:\s[-–—~]+|\n[-–—~]*|[,.!]\s*(?:thanks|thank you|thx|regards|cheers|best)[,.!]?\s*"
    r"[-–—~]*)\s*(?P<name>[a-z][a-z.'’]{0,20}(?:\s[a-z][a-z.'’]{0,20})?)\s*$",
    re.IGNORECASE,
)
_NAME_HINTS = (" -", "\n", "~", "—", "–")
_THANKS_HINTS = ("thank", "thx", "regards", "cheers", "best")
_DEVICE_HINTS = ("sent ", "outlook", "enviado", "envoy", "gesendet")
# Searched in the lower-cased text (several times faster than re.IGNORECASE).
SIGNATURE_HINT = re.compile(
    "|".join(re.escape(h) for h in (*_NAME_HINTS, *_THANKS_HINTS, *_DEVICE_HINTS))
)


def signature_start(text: str, is_vocabulary: Callable[[str], bool]) -> int:
    """Where a trailing signature ("Sent from my iPhone", "-John", "Thanks, Mary") begins;
    ``len(text)`` when there is none. A would-be name that is a known word
    (``is_vocabulary``, e.g. "Stop" on its own line) is not a signature."""
    end = len(text)
    lowered = text.lower()
    if SIGNATURE_HINT.search(lowered) is None:
        return end
    if any(hint in lowered for hint in _DEVICE_HINTS):
        found = _DEVICE_SIGNATURE.search(text)
        if found:
            end = found.start()
    if any(hint in text for hint in _NAME_HINTS) or any(h in lowered for h in _THANKS_HINTS):
        # A name signature is short: only the last 80 characters can hold one.
        found = _NAME_SIGNATURE.search(text, max(0, end - 80), end)
        if found and text[: found.start()].strip():
            name = fold(found.group("name"))
            if not any(is_vocabulary(word) for word in name.split()):
                end = found.start()
    return end
