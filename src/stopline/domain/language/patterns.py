"""Compiles lexicon patterns (syntax in `lexicon.entry`) into regular expressions over folded
text, indexed by their first word so that a message only tries patterns whose first word it
contains."""

from __future__ import annotations

import re
from collections.abc import Iterable

from stopline.domain.language.normalise import fold

_ANY = r"\S+"


class PatternError(ValueError):
    pass


_ITEM = re.compile(r"[-!]?\([^()]*\)\??|\S+")


def _word(item: str) -> str:
    """One alternative: words, the last of which may be a ``stem~``."""
    if item.endswith("~"):
        return re.escape(fold(item[:-1], look_alikes=False)) + r"\S*"
    return re.escape(fold(item, look_alikes=False))


def _alternatives(body: str) -> list[str]:
    return [alt.strip() for alt in body.strip("()").split("|") if alt.strip()]


def _first_word(alternative: str) -> str:
    first = alternative.split()[0]
    if first.endswith("~") and " " not in alternative:
        return fold(first[:-1], look_alikes=False) + "~"
    return fold(first, look_alikes=False).split(" ")[0]


def compile_pattern(pattern: str, tail: str) -> tuple[frozenset[str], str]:
    """(possible first words, regex source). ``tail`` is the regex for trailing courtesy
    words allowed before ``$``. A first word written ``stem~`` is returned as ``stem~``."""
    items = _ITEM.findall(pattern)
    anchored = bool(items) and items[0] == "^"  # the message starts here
    if anchored:
        items = items[1:]
    if not items:
        raise PatternError("empty pattern")
    first_item = items[0]
    if first_item in ("*", "...", "...?", "$") or first_item.endswith("?") or first_item[0] in "!-":
        raise PatternError(f"{pattern!r}: the first position must be literal words")
    firsts = frozenset(_first_word(alt) for alt in _alternatives(first_item))
    parts: list[str] = []
    for index, item in enumerate(items):
        if item == "$":
            parts.append(f"{tail}$")
            continue
        if item in ("...", "...?"):
            parts.append(r"(?: \S+){0,3}")
            continue
        if item.startswith("-"):  # the next word, if there is one, is none of these
            excluded = "|".join(_word(alt) for alt in _alternatives(item[1:].strip("()")))
            parts.append(rf"(?! (?:{excluded})(?!\S))")
            continue
        optional = item.endswith("?") and item != "?"
        body = item[:-1] if optional else item
        if body == "*":
            inner = _ANY
        elif body.startswith("!"):  # any one word but these (ending in a suffix: "*ing")
            alternatives = _alternatives(body[1:])
            suffixes = [alt[1:] for alt in alternatives if alt.startswith("*")]
            excluded = "|".join(_word(alt) for alt in alternatives if not alt.startswith("*"))
            ending = "|".join(re.escape(fold(suffix, look_alikes=False)) for suffix in suffixes)
            inner = rf"(?!(?:{excluded})(?!\S))" if excluded else ""
            inner += rf"\S*(?:{ending})" if ending else r"\S+"
        else:
            inner = "(?:" + "|".join(_word(alt) for alt in _alternatives(body)) + ")"
        sep = "" if index == 0 else " "
        parts.append(f"(?:{sep}{inner})?" if optional else f"{sep}{inner}")
    return firsts, ("^" if anchored else "") + "".join(parts) + r"(?!\S)"


def _starts(items: list[str]) -> set[str] | None:
    """The words a match of ``items`` can start with (None: any word, or none at all)."""
    found: set[str] = set()
    for item in items:
        if item.startswith("-"):  # a look-ahead: consumes no word
            continue
        optional = item.endswith("?") and item != "?"
        body = item[:-1] if optional else item
        if body in ("$", "*", "...", ".") or body.startswith("!"):
            return None
        for alternative in _alternatives(body):
            head = alternative.split()[0]
            if head.endswith("~"):
                return None
            folded = fold(head, look_alikes=False).split(" ")
            if not folded[0]:
                return None
            found.add(folded[0])
        if not optional:
            return found
    return None  # the pattern may end here: anything may follow


def second_words(pattern: str) -> dict[str, frozenset[str] | None]:
    """Per first word of a pattern, the words that can follow it (None when that is not a
    short list): a message whose next word is none of them need not run the regular
    expression."""
    items = _ITEM.findall(pattern)
    if items[0] == "^":
        items = items[1:]
    by_first: dict[str, set[str] | None] = {}
    rest: set[str] | None = None
    rest_known = False
    for alternative in _alternatives(items[0]):
        first = _first_word(alternative)
        parts = alternative.split()
        following: set[str] | None
        if len(parts) > 1 and not parts[0].endswith("~"):
            following = None if parts[1].endswith("~") else {fold(parts[1], look_alikes=False)}
        else:
            if not rest_known:
                rest, rest_known = _starts(items[1:]), True
            following = rest
        known = by_first.get(first, set())
        by_first[first] = None if known is None or following is None else known | following
    return {w: None if f is None else frozenset(f) for w, f in by_first.items()}


class Trigger:
    """All patterns of one kind that start with one word, as one anchored regex (compiled on
    first use, so start-up stays quick); the group name that matched tells which pattern it
    was."""

    __slots__ = ("_regex", "names", "seconds", "source")

    def __init__(
        self, source: str, names: tuple[str, ...], seconds: frozenset[str] | None = None
    ) -> None:
        self.source = source
        self.names = names
        # The words that may follow the first one (None: any); a cheap test before the regex.
        self.seconds = seconds
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self.source)
        return self._regex


def build_triggers(patterns: Iterable[tuple[str, str]], tail: str) -> dict[str, Trigger]:
    """``patterns``: (name, pattern). Returns first word (or ``stem~``) -> Trigger."""
    by_first: dict[str, list[tuple[str, str]]] = {}
    seconds: dict[str, set[str] | None] = {}
    for name, pattern in patterns:
        firsts, source = compile_pattern(pattern, tail)
        after_first = second_words(pattern)
        for word in firsts:
            by_first.setdefault(word, []).append((name, source))
            following = after_first.get(word)
            known = seconds.get(word, set())
            seconds[word] = None if known is None or following is None else known | following
    triggers: dict[str, Trigger] = {}
    for word, entries in by_first.items():
        # Longer patterns first: an alternation takes the first alternative that matches.
        entries.sort(key=lambda e: -len(e[1]))
        names = tuple(name for name, _ in entries)
        source = "|".join(f"(?P<p{i}>{src})" for i, (_, src) in enumerate(entries))
        after = seconds[word]
        triggers[word] = Trigger(source, names, None if after is None else frozenset(after))
    return triggers


def build_substrings(
    entries: Iterable[tuple[str, str]],
) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """(name, text) substrings -> one regex searching for any of them, longest first."""
    items = sorted(
        ((name, fold(text, look_alikes=False)) for name, text in entries), key=lambda e: -len(e[1])
    )
    items = [(n, t) for n, t in items if t]
    if not items:
        return None
    source = "|".join(f"(?P<p{i}>{re.escape(t)})" for i, (_, t) in enumerate(items))
    return re.compile(source), tuple(name for name, _ in items)
