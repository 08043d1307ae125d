"""Text normalisation before matching.

`fold` turns a message into lower-case words without accents, punctuation, emoji, invisible
characters or look-alike letters, so that "ＳＴＯＰ!!", "S T O P", "Ѕтор" (Cyrillic) and
"stop" all read "stop". ASCII messages (most of them) take a fast path of one
`str.translate`; others go through NFKC, case folding, accent stripping and a lazily filled
per-character table. `fold_spans` does the same work character by character and keeps where
each word came from in the original text (used only to report a match's span).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from stopline.domain.language.confusables import LATIN_EXTRA, LEET, LOOK_ALIKES
from stopline.domain.memo import Memo

_APOSTROPHES = "'`´‘’‛ʹʻʼʽˈ′＇"
INVISIBLE = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u034f"
INVISIBLE += "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Combining marks that are accents or decorations on letters and emoji (not the vowel signs
# of Devanagari, Japanese voicing marks and the like, which are part of the word).
STRIP_MARKS = (
    (0x0300, 0x036F),
    (0x0640, 0x0640),  # Arabic tatweel (a stretching stroke)
    (0x064B, 0x065F),  # Arabic short vowels, shadda and hamza above/below ("إ" -> "ا")
    (0x0670, 0x0670),  # Arabic superscript alef
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE00, 0xFE0F),
    (0xFE20, 0xFE2F),
    (0xE0100, 0xE01EF),
)
_REGIONAL_A = 0x1F1E6  # regional indicator symbols (🇸🇹🇴🇵) read as letters
# Signs that stand for a word: "wrong #", "my # is"; "stop & go", "Q&A" (an ampersand only
# between words: a stray one, as in "STOP&", is punctuation).
SIGN_WORDS = {"#": "number", "&": "and"}


def _ascii_table() -> dict[int, int | str | None]:
    table: dict[int, int | str | None] = {}
    for code in range(128):
        ch = chr(code)
        if ch.isalnum():
            table[code] = ord(ch.lower())
        elif ch in "'`":
            table[code] = None
        elif ch == "#":
            table[code] = " number "
        else:
            table[code] = 0x20
    return table


_ASCII = _ascii_table()
# The same table for bytes.translate, which is several times faster than str.translate.
_ASCII_BYTES = bytes(
    (value if isinstance(value, int) else 0x20) if code < 128 else code
    for code, value in ((c, _ASCII.get(c, c)) for c in range(256))
)


class _FoldTable(dict[int, str | None]):
    """Per-character folding for non-ASCII text, filled on first use of each character."""

    def __missing__(self, code: int) -> str | None:
        value = _fold_char(code)
        self[code] = value
        return value


def _fold_char(code: int) -> str | None:
    ch = chr(code)
    if ch in _APOSTROPHES or ch in INVISIBLE:
        return None
    if any(lo <= code <= hi for lo, hi in STRIP_MARKS):
        return None
    if _REGIONAL_A <= code < _REGIONAL_A + 26:
        return f" {chr(ord('a') + code - _REGIONAL_A)} "
    if ch in LATIN_EXTRA:
        return LATIN_EXTRA[ch]
    if ch == "#":
        return " number "
    category = unicodedata.category(ch)
    if category[0] in "PSZC":  # punctuation, symbols (emoji), separators, controls
        return " "
    return ch


_FOLD = _FoldTable()


_RUN = re.compile(r"([a-z])\1{2,}")
_SPACED = re.compile(r"(?<!\S)[a-z](?: [a-z]){2,}(?!\S)")
# Quicker tests for the same things, for the common case where neither is there.
_HAS_RUN = re.compile(r"([a-z])\1\1")
_HAS_SPACED = re.compile(r"(?:^| )[a-z] [a-z] [a-z](?![a-z])")
_DIGIT_IN_WORD = re.compile(r"(?<!\S)(?=\S*[a-z])\S*[0-9]\S*")
LOOK_ALIKE = re.compile("[" + "".join(LOOK_ALIKES) + "]")
# Cyrillic or Greek letters with no Latin look-alike: their presence means the text really
# is Russian or Greek, so look-alikes in it are left alone.
NATIVE = re.compile(
    "["
    + "".join(f"\\u{c:04x}" for c in range(0x03B1, 0x03CA))
    + "".join(f"\\u{c:04x}" for c in range(0x0430, 0x0460))
    + "]"
)
_LEET_TABLE = str.maketrans(LEET)
# French/Italian elision: "l'arrêt" -> "l arrêt", "m'envoyer" -> "m envoyer"; English
# contractions ("don't", "I'm") keep their letters together.
_ELISION = re.compile(
    r"(?<![^\W\d_])([ldmtsnjc]|qu|jusqu|lorsqu|puisqu|dell|nell|all|dall|sull|un)['’](?=[^\W\d_])",
    re.IGNORECASE,
)
SKELETON = str.maketrans(LOOK_ALIKES)
_ELISION_REACH = 8  # an elision ends with its apostrophe and starts at most 6 letters before


def _unelide(text: str) -> str:
    """``text`` with French/Italian elisions opened (``_ELISION``). Most apostrophes are
    English contractions, so each is first tested alone, in the few characters around it
    (the look-behind still sees the text before them): several times faster than
    rewriting the whole text when nothing is to be done."""
    for quote in ("'", "’"):
        at = text.find(quote)
        while at >= 0:
            if _ELISION.search(text, max(0, at - _ELISION_REACH), at + 2) is not None:
                return _ELISION.sub(r"\1 ", text)
            at = text.find(quote, at + 1)
    return text


def _fold_chars(text: str) -> str:
    if text.isascii():
        return text.translate(_ASCII)
    text = unicodedata.normalize("NFKC", text).casefold()
    text = unicodedata.normalize("NFKD", text).translate(_FOLD)
    return unicodedata.normalize("NFC", text)


def _fold_ascii(text: str) -> str:
    if "#" in text:
        text = text.replace("#", " number ")
    return " ".join(text.encode("ascii").translate(_ASCII_BYTES, b"'`").decode("ascii").split())


def fold_marks(raw: str) -> str:
    """``raw`` lower-cased without accents, its punctuation kept (compared with folded words);
    letters of their own, such as "đ", stay."""
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", raw.lower()) if not unicodedata.combining(ch)
    )


def fold(text: str, *, look_alikes: bool = True) -> str:
    """Lower-cased, accent-free words separated by single spaces.

    ``"  Ｓtop!!  "`` -> ``"stop"``; ``"ARRÊT"`` -> ``"arret"``; ``"opt-out"`` -> ``"opt out"``;
    ``"S T O P"`` -> ``"stop"``; ``"S T O P S T O P"`` -> ``"stop stop"``; ``"STOOOP"`` ->
    ``"stop"``; ``"don’t"`` -> ``"dont"``; ``"l'arrêt"`` -> ``"l arret"`` (French and Italian
    elision). ``look_alikes=False`` keeps Cyrillic and Greek letters as they are (for the
    lexicons, written in their own script).
    """
    if "'" in text or "’" in text:
        text = _unelide(text)
    if "&" in text:
        text = _ampersands(text)
    if text.isascii():
        folded = _fold_ascii(text)
        if folded.replace(" ", "").isalpha() and not _HAS_RUN.search(folded):
            # No digits and no letter runs: only spaced-out letters can need fixing.
            if _HAS_SPACED.search(folded) is None:
                return folded
            return _SPACED.sub(_join_spaced, folded)
        return _words(folded, look_alikes)
    folded = " ".join(_fold_chars(text).split())
    return _words(folded, look_alikes)


def _ampersands(text: str) -> str:
    """An "&" between words read as "and"; any other left as punctuation. An HTML-escaped
    "&amp;" (a gateway escaping the text twice) is the same sign."""
    text = text.replace("&amp;", "&").replace("&AMP;", "&")
    alnum = [i for i, ch in enumerate(text) if ch.isalnum()]
    if not alnum:
        return text
    first, last = alnum[0], alnum[-1]
    head, middle, tail = text[:first], text[first:last], text[last:]
    return head + middle.replace("&", " and ") + tail


def skeleton(folded: str) -> str:
    """Cyrillic and Greek look-alikes replaced by Latin letters."""
    return folded.translate(SKELETON)


def _words(folded: str, look_alikes: bool = True) -> str:
    """Word-level fixes on an already folded string."""
    if look_alikes and not folded.isascii() and LOOK_ALIKE.search(folded):
        folded = _unconfuse(folded)
    if _RUN.search(folded):
        folded = _RUN.sub(r"\1", folded)
    folded = _SPACED.sub(_join_spaced, folded)
    if not folded.replace(" ", "").isalpha() and _DIGIT_IN_WORD.search(folded):
        folded = _DIGIT_IN_WORD.sub(_unleet, folded)
    return folded


def repeated(word: str) -> str:
    """One folded word made of another typed several times ("stopstop") as that word
    repeated ("stop stop"); any other word as it is."""
    period = (word + word).find(word, 1)
    if _MIN_PERIOD <= period < len(word):
        return " ".join([word[:period]] * (len(word) // period))
    return word


def _join_spaced(match: re.Match[str]) -> str:
    # The same spaced-out word typed twice ("S T O P  S T O P", "S T O P! S T O P!") joins
    # into one run of letters: read it as the word repeated ("stop stop").
    return repeated(match.group(0).replace(" ", ""))


_MIN_PERIOD = 3  # "stop stop", "end end"; not "haha" or "nono"


def _unleet(match: re.Match[str]) -> str:
    word = match.group(0)
    if word.isdigit():
        return word
    # Only words that are mostly letters: "st0p" yes, "2nd" or "10am" no.
    letters = sum(c.isalpha() for c in word)
    return word.translate(_LEET_TABLE) if letters >= len(word) - 1 and letters >= 3 else word


def _unconfuse(folded: str) -> str:
    """Replace Cyrillic/Greek look-alikes by Latin letters in words that mix them with Latin
    letters, and everywhere when the message has no genuinely Cyrillic or Greek letter."""
    native = NATIVE.search(folded.translate(SKELETON)) is not None
    words = folded.split(" ")
    for i, word in enumerate(words):
        if not LOOK_ALIKE.search(word):
            continue
        mixed = any("a" <= c <= "z" for c in word)
        if mixed or not native:
            words[i] = word.translate(SKELETON)
    return " ".join(words)


# -- spans -------------------------------------------------------------------------------

Span = tuple[int, int]


_ASCII_WORD = re.compile(r"[A-Za-z0-9'`]+|[#&]")
_CHAR_FOLDS: Memo[str, str] = Memo(_fold_chars)


def fold_spans(text: str, expected: list[str] | None = None) -> tuple[list[str], list[Span]]:
    """The words of ``fold(text)`` with the span in ``text`` each came from (``expected``:
    the words `fold` gave, when known, to skip work when they already line up).

    Folds character by character, so it can differ from `fold` on rare sequences; callers
    compare the words and fall back to the whole message when they differ.
    """
    if "'" in text or "’" in text:
        text = _unelide(text)  # same length: spans stay valid
    if text.isascii():
        found = list(_ASCII_WORD.finditer(text))
        if (
            expected is not None
            and len(found) == len(expected)
            and "#" not in text
            and "&" not in text
        ):
            # ASCII words map one to one onto folded words unless letters were joined
            # ("s t o p") or split (elision, a sign inside a word), and both change the count.
            return expected, [m.span() for m in found]
        lowered = text.lower()
        pieces = [
            SIGN_WORDS[m.group(0)]
            if m.group(0) in SIGN_WORDS
            else lowered[m.start() : m.end()].replace("'", "").replace("`", "")
            for m in found
        ]
        if "&" in text:  # a leading or trailing "&" is punctuation, as in `fold`
            named = [i for i, m in enumerate(found) if m.group(0) not in SIGN_WORDS]
            for i, m in enumerate(found):
                if m.group(0) == "&" and (not named or i < named[0] or i > named[-1]):
                    pieces[i] = ""
        kept = [(p, m.span()) for p, m in zip(pieces, found, strict=True) if p]
        pieces = [p for p, _ in kept]
        if pieces == expected:
            return pieces, [span for _, span in kept]
        return _respace(pieces, [span for _, span in kept], _words)
    chars: list[tuple[str, int]] = []
    for index, ch in enumerate(text):
        for piece in _CHAR_FOLDS[ch]:
            chars.append((piece, index))
    words: list[str] = []
    spans: list[Span] = []
    current: list[str] = []
    start = end = 0
    for piece, index in chars:
        if piece.isspace():
            if current:
                words.append("".join(current))
                spans.append((start, end))
                current = []
            continue
        if not current:
            start = index
        current.append(piece)
        end = index + 1
    if current:
        words.append("".join(current))
        spans.append((start, end))
    return _respace(words, spans, _words)


def _respace(
    words: list[str], spans: list[Span], fix: Callable[[str], str]
) -> tuple[list[str], list[Span]]:
    """Apply word-level fixes, merging spans where words were joined ("s t o p")."""
    fixed = fix(" ".join(words)).split(" ") if words else []
    if len(fixed) == len(words):
        return fixed, spans
    out_spans: list[Span] = []
    position = 0
    for word in fixed:
        # A joined word consumed as many single letters as it has characters.
        width = 1
        if (
            len(word) > 1
            and position + len(word) <= len(words)
            and all(len(w) == 1 for w in words[position : position + len(word)])
        ):
            width = len(word)
        last = min(position + width, len(spans)) - 1
        out_spans.append((spans[min(position, len(spans) - 1)][0], spans[last][1]))
        position += width
    return fixed, out_spans
