"""The shape of a language's lexicon: keywords and phrase patterns, each with its source.

Patterns are written over *folded* text (see `normalise.fold`): lower case, no accents, no
punctuation, apostrophes removed ("don't" -> "dont"), single spaces. Pattern syntax, one
position per space-separated item:

- ``word`` a literal word; ``a|b|c`` one of several words
- ``word~`` any word starting with ``word`` (``text~``: text, texts, texting, texted)
- ``item?`` the position is optional
- ``*`` any one word; ``!a|b|c`` any one word but these; ``!a|b|*ing`` any one word ending
  in "ing" but these; ``...`` up to three words; ``!(a b|c)`` and ``-(a b|c)`` may list
  several-word alternatives in parentheses
- ``-a|b|c`` (last) the next word, if any, is none of these: "cancel my insurance" but not
  "cancel my insurance texts"
- ``$`` the end of the message (courtesy words such as "please" may follow)
- ``^`` (first) the start of the message: ``^ huy $`` is the whole message

Lexicons of languages written without spaces (``substrings=True``: Chinese, Japanese, Korean)
match their keywords and phrases as plain substrings instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Strength(StrEnum):
    """How much a keyword means outside a message that is just the keyword."""

    STRONG = "strong"  # opt-out wherever it stands, unless negated ("unsubscribe", "退订")
    KEYWORD = "keyword"  # a command: the whole message, or the head/tail of a short one ("stop")
    WORD = "word"  # an everyday word: only (nearly) the whole message counts ("end", "cancel")


@dataclass(frozen=True, slots=True)
class Keyword:
    text: str
    source: str
    strength: Strength = Strength.KEYWORD
    # Only honoured when the sender's languages include this lexicon's language, because the
    # word means something else elsewhere (Italian "fine" is English "fine").
    home_only: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    pattern: str
    note: str  # where it comes from, or why it means what it means
    confidence: float = 0.93


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str  # ISO 639-1
    name: str
    opt_out: tuple[Keyword, ...] = ()
    opt_in: tuple[Keyword, ...] = ()
    help: tuple[Keyword, ...] = ()
    # Words that may surround a keyword without changing what it says ("please", "thanks").
    courtesy: tuple[str, ...] = ()
    # Wording that states an opt-out ("stop texting me", "remove me from your list").
    opt_out_phrases: tuple[Phrase, ...] = ()
    # Wording that probably, but not surely, means an opt-out ("not interested"): review.
    review_phrases: tuple[Phrase, ...] = ()
    # Uses of a keyword that are not opt-outs ("bus stop", "cancel my appointment").
    benign: tuple[Phrase, ...] = ()
    # Wording that asks to keep getting texts ("I still want the texts", "just text me"):
    # beside opt-out wording the message is mixed and goes to review.
    keep: tuple[Phrase, ...] = ()
    # Wording that clearly asks to get the texts again ("put me back on the list", "please
    # resubscribe me"): an opt-in when nothing in the message asks to stop.
    opt_in_phrases: tuple[Phrase, ...] = ()
    # Wording that asks what the texts are or how to reach the business ("what program is
    # this?"): the HELP reply, when nothing in the message asks to stop or to start.
    help_phrases: tuple[Phrase, ...] = ()
    # Patterns that, right before an opt-out cue, cancel it ("don't", "never").
    negations: tuple[str, ...] = ()
    # Words dropped before matching phrases ("stop FUCKING texting me").
    intensifiers: tuple[str, ...] = ()
    # Whether a word one edit away from a keyword is read as that keyword ("stpo"). Small
    # lexicons' short everyday words are not: Tagalog "Teka" (wait) is not Zulu YEKA.
    typos: bool = True
    substrings: bool = False
