"""Typo tolerance for keywords ("stpo", "unsubscibe", "cancle"), with guards against real
words ("step", "shop", "top").

Candidates are found through a deletion index (a word and each of its one-letter deletions
point to the keyword), then confirmed with rapidfuzz's optimal-string-alignment distance
(an adjacent transposition counts as one edit). Only words of four letters or more that no
lexicon or the guard list knows are corrected, and only to a keyword one edit away that is
the nearest one (English first when two are equally near).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz.distance import OSA

from stopline.domain.language.guard_words import GUARD_WORDS
from stopline.domain.language.lexicon import LEXICONS
from stopline.domain.language.normalise import fold
from stopline.domain.language.tables import VOCABULARY, KeywordTable

MIN_LENGTH = 4


def _candidates() -> dict[str, int]:
    """Keyword -> rank (lexicon order: English first), to break ties between two keywords
    one edit away ("cancell": English "cancel" before Italian "cancella")."""
    words: dict[str, int] = {}
    for lexicon in LEXICONS:
        if not lexicon.typos:
            continue
        for keyword in lexicon.opt_out:
            text = fold(keyword.text, look_alikes=False)
            if keyword.home_only or " " in text or len(text) < MIN_LENGTH:
                continue
            if text.isascii() and text.isalpha():
                words.setdefault(text, len(words))
    return words


CANDIDATES = _candidates()


def keywords_fingerprint(keywords: Iterable[str]) -> str:
    """A digest of the correctable keywords: `guard_words.GENERATED_FOR` records the one its
    list was generated for, and a test fails when they differ (regenerate the list)."""
    return hashlib.sha256("\n".join(sorted(keywords)).encode()).hexdigest()[:16]


# One edit changes a length by at most one: longer words need no look-up (and a word of
# thousands of letters, "S T O P ..." joined, must not cost a deletion per letter).
MAX_LENGTH = max(len(word) for word in CANDIDATES) + 1


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1 :] for i in range(len(word))]


def _index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for word in CANDIDATES:
        for key in (word, *_deletions(word)):
            index.setdefault(key, set()).add(word)
    return {key: frozenset(value) for key, value in index.items()}


_INDEX = _index()
# Words one edit from a keyword that people text, kept by hand beside the generated list.
HAND_GUARD = frozenset(
    [
        "step",
        "shop",
        "stoop",
        "stomp",
        "slop",
        "atop",
        "stow",
        "stops",
        "soap",
        "snap",
        "quiet",
        "quite",
        "quilt",
        "suit",
        "send",
        "bend",
        "lend",
        "tend",
        "mend",
        "fend",
        "ends",
        "remote",
        "remover",
        "stool",
        "resist",
        "resists",
        "desists",
        "deist",
        "discontinued",
        "discontinues",
    ]
)
GUARD = VOCABULARY | GUARD_WORDS | HAND_GUARD


@lru_cache(maxsize=65536)
def nearest(word: str) -> str | None:
    """The keyword one edit away from ``word`` (the first in lexicon order if several)."""
    if not MIN_LENGTH <= len(word) <= MAX_LENGTH or word in GUARD:
        return None
    if not word.isascii() or not word.isalpha():
        return None
    found: set[str] = set(_INDEX.get(word, ()))
    for key in _deletions(word):
        found.update(_INDEX.get(key, ()))
    close = sorted(
        (c for c in found if OSA.distance(word, c, score_cutoff=1) <= 1), key=CANDIDATES.__getitem__
    )
    return close[0] if close else None


def correct(words: list[str], table: KeywordTable) -> list[str] | None:
    """``words`` with likely keyword typos corrected, or None when nothing changed. Two short
    words may also be one keyword split by a stray space ("opt ot" -> "optout")."""
    out: list[str] = []
    changed = False
    i = 0
    guard = GUARD
    while i < len(words):
        word = words[i]
        if word not in table.words:
            if i + 1 < len(words) and len(word) <= 4 and len(words[i + 1]) <= 4:
                joined = nearest(word + words[i + 1])
                if joined is not None and words[i + 1] not in table.words:
                    out.append(joined)
                    changed = True
                    i += 2
                    continue
            fixed = None if word in guard else nearest(word)
            if fixed is not None:
                out.append(fixed)
                changed = True
                i += 1
                continue
        out.append(word)
        i += 1
    return out if changed else None
