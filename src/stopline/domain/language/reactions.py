"""Message reactions sent as text: iMessage tapbacks reaching Android or SMS phones
("Liked “Reply STOP to opt out”") and Android's equivalents. The quoted text is the
business's own message, so its keywords are not the recipient's words."""

from __future__ import annotations

import re

_VERBS = (
    # iOS, English
    r"Liked|Loved|Disliked|Laughed at|Emphasi[sz]ed|Questioned|"
    r"Removed an? (?:like|heart|dislike|laugh|exclamation mark|question mark|emphasis)"
    r"(?: reaction)? from|"
    r"Reacted (?:with )?\S{1,12} to|"
    # iOS, Spanish / French / German / Portuguese
    r"Le gust[óo]|Le encant[óo]|No le gust[óo]|Se ri[óo] de|Enfatiz[óo]|Cuestion[óo]|"
    r"A aim[ée]|A ador[ée]|N[’']a pas aim[ée]|A ri de|A mis en [ée]vidence|"
    r"S[’']est interrog[ée] sur|"
    r"Gef[äa]llt|Mag|Hat .{1,10} geliebt|Hat gelacht über|Hat .{1,10} hervorgehoben|"
    r"Curtiu|Amou|Não curtiu|Riu de|Enfatizou|Questionou"
)
_REACTION = re.compile(
    rf"^\s*(?:{_VERBS})\s*[“\"«„‘'‚「]([\s\S]*)[”\"»“’'‘」]\s*$",
    re.IGNORECASE,
)
# Google Messages / Samsung: an emoji, then "to" and the quote.
_EMOJI_TO = re.compile(r"^\s*\S{1,12}\s+to\s+[“\"]([\s\S]*)[”\"]\s*$")
QUOTE_CHARS = "“\"«„‘'‚「"
_HAS_QUOTE = re.compile("[" + re.escape(QUOTE_CHARS) + "]")


_LEADING = re.compile(rf"^\s*(?:{_VERBS})\s*[“\"«„‘'‚「][^”\"»“’'‘」]*[”\"»“’'‘」]", re.IGNORECASE)


# Every reaction starts like this (a verb and a quote, or a short emoji and "to" and a
# quote): a quick test before the exact ones.
_START = re.compile(rf"^\s*(?:(?:{_VERBS})\s*[“\"«„‘'‚「]|\S{{1,12}}\s+to\s+[“\"])", re.IGNORECASE)


def may_be_reaction(text: str) -> bool:
    """False when ``text`` cannot be or start with a reaction (most texts)."""
    return _START.match(text) is not None


def reaction_split(text: str) -> tuple[bool, int]:
    """(the whole text is a reaction, where the recipient's own words start after a leading
    reaction) in one pass for the common case of a text with no quotes at all."""
    if _HAS_QUOTE.search(text) is None:
        return False, 0
    if is_reaction(text):
        return True, 0
    return False, after_reaction(text)


def is_reaction(text: str) -> bool:
    if _HAS_QUOTE.search(text) is None:
        return False
    if _REACTION.match(text):
        return True
    found = _EMOJI_TO.match(text)
    return found is not None and not found.group(0).lstrip()[0].isalnum()


def after_reaction(text: str) -> int:
    """Where the recipient's own words start when a reaction is followed by more text
    ('Disliked “…” STOP'); 0 when the text does not start with a reaction."""
    if _HAS_QUOTE.search(text) is None:
        return 0
    found = _LEADING.match(text)
    return found.end() if found else 0
