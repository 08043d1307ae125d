"""The lexicons compiled once into lookup tables: keyword dictionaries, phrase triggers,
substring searches, negations and the vocabulary. Keyword dictionaries depend on the
sender's languages and extra keywords, so they are built per distinct configuration and
cached; everything else is shared."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from stopline.domain.language.lexicon import LEXICONS, Keyword, Lexicon, Phrase, Strength
from stopline.domain.language.model import Action
from stopline.domain.language.normalise import fold, fold_marks, skeleton
from stopline.domain.language.patterns import Trigger, build_substrings, build_triggers


class Kind:
    OPT_OUT = "opt_out"
    REVIEW = "review"
    BENIGN = "benign"
    KEEP = "keep"
    OPT_IN = "opt_in"
    HELP = "help"


INTENTS = {
    Action.OPT_OUT: "stop_keyword",
    Action.OPT_IN: "start_keyword",
    Action.HELP: "help_keyword",
}


@dataclass(frozen=True, slots=True)
class KeywordHit:
    action: Action
    language: str | None
    strength: Strength
    text: str  # folded
    source: str
    sender: bool = False  # one of the sender's own keywords

    @property
    def intent(self) -> str:
        return INTENTS[self.action]


@dataclass(frozen=True, slots=True)
class PhraseInfo:
    name: str
    kind: str
    language: str
    phrase: Phrase


def _lexicon_keywords(lexicon: Lexicon) -> list[tuple[Action, Keyword]]:
    return [
        *((Action.OPT_OUT, k) for k in lexicon.opt_out),
        *((Action.OPT_IN, k) for k in lexicon.opt_in),
        *((Action.HELP, k) for k in lexicon.help),
    ]


def _phrase_entries(kind: str) -> list[tuple[PhraseInfo, Lexicon]]:
    entries: list[tuple[PhraseInfo, Lexicon]] = []
    for lexicon in LEXICONS:
        phrases = {
            Kind.OPT_OUT: lexicon.opt_out_phrases,
            Kind.REVIEW: lexicon.review_phrases,
            Kind.BENIGN: lexicon.benign,
            Kind.KEEP: lexicon.keep,
            Kind.OPT_IN: lexicon.opt_in_phrases,
            Kind.HELP: lexicon.help_phrases,
        }[kind]
        for phrase in phrases:
            name = phrase_name(lexicon.language, kind, phrase.pattern)
            entries.append((PhraseInfo(name, kind, lexicon.language, phrase), lexicon))
    return entries


def phrase_name(language: str, kind: str, pattern: str) -> str:
    """A phrase's rule id, from its pattern rather than its place in the lexicon: ids are
    stored with every reading (events, inbound messages, review items), so adding a phrase
    must not rename the ones after it."""
    digest = hashlib.blake2s(pattern.encode(), digest_size=4).hexdigest()
    return f"{language}.{kind}.{digest}"


COURTESY: frozenset[str] = frozenset(
    word
    for lexicon in LEXICONS
    for entry in lexicon.courtesy
    for word in fold(entry, look_alikes=False).split()
)
INTENSIFIERS: frozenset[str] = frozenset(
    fold(word, look_alikes=False)
    for lexicon in LEXICONS
    for word in lexicon.intensifiers
    if " " not in word
)


def _kept_pairs() -> frozenset[tuple[str, str]]:
    """Word pairs of other lexicons' keywords and phrases that hold an English intensifier
    ("huy dang ky": Vietnamese "unsubscribe", whose "đăng" folds to English "dang")."""
    pairs: set[tuple[str, str]] = set()
    for lexicon in LEXICONS:
        texts = [fold(k.text, look_alikes=False) for k in lexicon.opt_out + lexicon.opt_in]
        texts += [
            p.pattern
            for p in lexicon.opt_out_phrases + lexicon.review_phrases + lexicon.opt_in_phrases
        ]
        for text in texts:
            items = [set(re.split(r"[|()?~!^$]+", item)) - {""} for item in text.split(" ")]
            for i, item in enumerate(items):
                held = item & INTENSIFIERS if lexicon.intensifiers == () else set()
                for word in held:
                    if i > 0:
                        pairs.update((before, word) for before in items[i - 1])
                    if i + 1 < len(items):
                        pairs.update((word, after) for after in items[i + 1])
    return frozenset(pairs)


KEPT_PAIRS = _kept_pairs()


def without_intensifiers(words: list[str]) -> list[int] | None:
    """The indexes of ``words`` once intensifiers are dropped ("stop dang texting me"), or
    None when there is none to drop. An intensifier next to the word it stands beside in
    another language's keyword is kept ("hủy đăng ký")."""
    if INTENSIFIERS.isdisjoint(words):
        return None
    last = len(words) - 1
    kept = [
        i
        for i, word in enumerate(words)
        if word not in INTENSIFIERS
        or (i > 0 and (words[i - 1], word) in KEPT_PAIRS)
        or (i < last and (word, words[i + 1]) in KEPT_PAIRS)
    ]
    return kept if kept and len(kept) < len(words) else None


SUBSTRING_LANGUAGES = frozenset(lexicon.language for lexicon in LEXICONS if lexicon.substrings)
SUBSTRING_COURTESY: tuple[str, ...] = tuple(
    sorted(
        {
            folded
            for lexicon in LEXICONS
            if lexicon.substrings
            for c in lexicon.courtesy
            # "。" folds to nothing, and an empty string is "in" every text: stripping it
            # put a space between every character ("中止してください" -> "中 止")
            if (folded := fold(c, look_alikes=False))
        },
        key=len,
        reverse=True,
    )
)

_TAIL = "(?: (?:" + "|".join(sorted(map(re.escape, COURTESY), key=len, reverse=True)) + "))*"

PHRASES: dict[str, PhraseInfo] = {}
TRIGGERS: dict[str, tuple[tuple[str, Trigger], ...]] = {}
# Patterns whose first word is a stem ("unsub~"): stem -> triggers; looked up by prefix.
STEM_TRIGGERS: dict[str, tuple[tuple[str, Trigger], ...]] = {}
STEM_LENGTHS: tuple[int, ...] = ()
STEM_HEADS: frozenset[str] = frozenset()
SUBSTRINGS: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {}


def _build_phrases() -> None:
    merged: dict[str, list[tuple[str, Trigger]]] = {}
    for kind in (Kind.OPT_OUT, Kind.REVIEW, Kind.BENIGN, Kind.KEEP, Kind.OPT_IN, Kind.HELP):
        spaced: list[tuple[str, str]] = []
        plain: list[tuple[str, str]] = []
        for info, lexicon in _phrase_entries(kind):
            if info.name in PHRASES:  # a pattern written twice in one lexicon's list
                raise ValueError(f"phrase {info.phrase.pattern!r} appears twice ({info.name})")
            PHRASES[info.name] = info
            # romanised wording ("bu yao zai fa") is read word by word, as other Latin text is
            substrings = lexicon.substrings and not info.phrase.pattern.isascii()
            (plain if substrings else spaced).append((info.name, info.phrase.pattern))
        for word, trigger in build_triggers(spaced, _TAIL).items():
            merged.setdefault(word, []).append((kind, trigger))
        compiled = build_substrings(plain)
        if compiled is not None:
            SUBSTRINGS[kind] = compiled
    global STEM_LENGTHS, STEM_HEADS
    for word, entries in merged.items():
        if word.endswith("~"):
            STEM_TRIGGERS[word[:-1]] = tuple(entries)
        else:
            TRIGGERS[word] = tuple(entries)
    STEM_LENGTHS = tuple(sorted({len(stem) for stem in STEM_TRIGGERS}, reverse=True))
    STEM_HEADS = frozenset(stem[:3] for stem in STEM_TRIGGERS)


_build_phrases()


def _negation(lexicon: Lexicon) -> re.Pattern[str] | None:
    words = sorted({re.escape(fold(n, look_alikes=False)) for n in lexicon.negations}, key=len)
    if not words:
        return None
    return re.compile("(?:^| )(?:" + "|".join(reversed(words)) + ")$")


# Per language: a negation only counts before a cue of its own language ("no" is a negation
# in Spanish, not in "no, don't text me").
NEGATIONS: dict[str, re.Pattern[str]] = {
    lexicon.language: pattern for lexicon in LEXICONS if (pattern := _negation(lexicon)) is not None
}

# Negations that fold into one of their lexicon's own keywords (Vietnamese "đừng", don't, and
# "dừng", stop, are both "dung"): they count only where the message spells them out; without
# the accents the word reads as the keyword (the safe side). (language, folded) -> spelling.
SPELT_NEGATIONS: dict[tuple[str, str], str] = {
    (lexicon.language, folded): fold_marks(negation)
    for lexicon in LEXICONS
    for negation in lexicon.negations
    if (folded := fold(negation, look_alikes=False)) != negation.lower()
    and any(
        folded in fold(keyword.text, look_alikes=False).split()
        for _action, keyword in _lexicon_keywords(lexicon)
    )
}

# Every word the lexicons know: never "corrected" as a typo, never a signature's name.
VOCABULARY: frozenset[str] = frozenset(
    {
        word
        for lexicon in LEXICONS
        for _action, keyword in _lexicon_keywords(lexicon)
        for word in fold(keyword.text, look_alikes=False).split()
    }
    | COURTESY
    | {
        word
        for info in PHRASES.values()
        for item in info.phrase.pattern.split()
        for alternative in item.rstrip("?").split("|")
        if alternative not in ("*", "...", "$", "^") and not alternative.endswith("~")
        for word in fold(alternative, look_alikes=False).split()
    }
)


def _home_spellings() -> dict[str, str]:
    """Accented spelling -> language, for the everyday words kept to their own language's
    senders (``home_only``) because their folded spelling means something else elsewhere
    ("dung", "huy" are also names), but whose accents belong to that language alone
    ("Dừng", "Hủy"): a message spelling one so is written in that language."""
    spellings: dict[str, str] = {}
    for lexicon in LEXICONS:
        for _action, keyword in _lexicon_keywords(lexicon):
            text = unicodedata.normalize("NFC", keyword.text.casefold())
            if keyword.home_only and not text.isascii():
                spellings.setdefault(text, lexicon.language)
    return spellings


HOME_SPELLINGS = _home_spellings()
_HOME_SPELLING = re.compile(
    r"(?<!\w)(?:"
    + "|".join(map(re.escape, sorted(HOME_SPELLINGS, key=len, reverse=True)))
    + r")(?!\w)"
)


def home_language(text: str) -> str | None:
    """The language whose own accented spelling of a home-only keyword ``text`` uses."""
    if text.isascii() or not HOME_SPELLINGS:
        return None
    found = _HOME_SPELLING.search(unicodedata.normalize("NFC", text).casefold())
    return HOME_SPELLINGS[found.group(0)] if found is not None else None


@dataclass(frozen=True, slots=True)
class KeywordTable:
    """Folded keyword (one or more words) -> what it means, for one sender configuration."""

    words: dict[str, KeywordHit]
    first_words: frozenset[str]
    max_words: int
    lengths: dict[str, tuple[int, ...]]  # first word -> word counts of its keywords, longest first
    substrings: tuple[tuple[str, KeywordHit], ...]  # keywords of languages without spaces


def _add(table: dict[str, KeywordHit], hit: KeywordHit) -> None:
    current = table.get(hit.text)
    # Opt-out wins over other meanings of the same word; otherwise the first language wins.
    if current is None or (hit.action is Action.OPT_OUT and current.action is not Action.OPT_OUT):
        table[hit.text] = hit


@lru_cache(maxsize=512)
def keyword_table(
    languages: frozenset[str],
    extra_opt_out: frozenset[str],
    extra_opt_in: frozenset[str],
    extra_help: frozenset[str],
    sender_language: str | None,
) -> KeywordTable:
    words: dict[str, KeywordHit] = {}
    substrings: list[tuple[str, KeywordHit]] = []
    for lexicon in LEXICONS:
        for action, keyword in _lexicon_keywords(lexicon):
            if keyword.home_only and lexicon.language not in languages:
                continue
            text = fold(keyword.text, look_alikes=False)
            if not text:
                continue
            hit = KeywordHit(action, lexicon.language, keyword.strength, text, keyword.source)
            _add(words, hit)
            alias = skeleton(text)
            if alias != text and alias not in words:
                # A message written only in look-alike letters is folded to Latin letters.
                words[alias] = hit
            if lexicon.substrings and not text.isascii():
                substrings.append((text, hit))
    for action, extras in (
        (Action.OPT_OUT, extra_opt_out),
        (Action.OPT_IN, extra_opt_in),
        (Action.HELP, extra_help),
    ):
        for extra in sorted(extras):
            text = fold(extra, look_alikes=False)
            if text and text not in words:
                words[text] = KeywordHit(
                    action, sender_language, Strength.KEYWORD, text, "sender keyword", True
                )
    substrings.sort(key=lambda item: -len(item[0]))
    lengths: dict[str, set[int]] = {}
    for text in words:
        parts = text.split(" ")
        lengths.setdefault(parts[0], set()).add(len(parts))
    return KeywordTable(
        words=words,
        first_words=frozenset(lengths),
        max_words=max(max(n) for n in lengths.values()),
        lengths={w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()},
        substrings=tuple(substrings),
    )
