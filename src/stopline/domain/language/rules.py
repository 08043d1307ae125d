"""Evidence from one folded message: keyword segments, phrase matches, keyword cues inside
running text, negations and benign uses. Pure functions over the compiled `tables`."""

from __future__ import annotations

import re
from typing import NamedTuple

from stopline.domain.language import tables
from stopline.domain.language.lexicon import Strength
from stopline.domain.language.normalise import fold, fold_marks
from stopline.domain.language.patterns import Trigger
from stopline.domain.language.tables import (
    COURTESY,
    NEGATIONS,
    PHRASES,
    SPELT_NEGATIONS,
    SUBSTRING_COURTESY,
    SUBSTRINGS,
    TRIGGERS,
    KeywordHit,
    KeywordTable,
    Kind,
    PhraseInfo,
)
from stopline.domain.memo import Memo

Segment = tuple[KeywordHit, int, int]  # keyword, first word, end word (exclusive)


class PhraseMatch(NamedTuple):
    info: PhraseInfo
    start: int  # word index
    end: int  # word index, exclusive


def segment(words: list[str], table: KeywordTable) -> list[Segment] | None:
    """The message read as keywords and courtesy words only ("Stop. Thank you", "STOP STOP",
    "stop help"); None when any other word is present."""
    hits: list[Segment] = []
    i = 0
    count = len(words)
    while i < count:
        word = words[i]
        sizes = table.lengths.get(word)
        if sizes is not None:
            for n in sizes:
                if n > count - i:
                    continue
                hit = table.words.get(word if n == 1 else " ".join(words[i : i + n]))
                if hit is not None:
                    hits.append((hit, i, i + n))
                    i += n
                    break
            else:
                if word not in COURTESY:
                    return None
                i += 1
            continue
        if word not in COURTESY:
            return None
        i += 1
    return hits


def strip_substring_courtesy(folded: str) -> str:
    """Chinese/Japanese/Korean courtesy words glued to a keyword ("请停止" -> "停止")."""
    for word in SUBSTRING_COURTESY:
        if word in folded:
            folded = folded.replace(word, " ")
    return " ".join(folded.split())


Triggers = tuple[Trigger, ...]


def _triggers(word: str) -> tuple[Triggers, Triggers]:
    """The phrase triggers a word starts, by the word itself or by its stem ("unsub~"):
    (opt-out and review triggers, benign triggers), each in lexicon order."""
    entries = list(TRIGGERS.get(word, ()))
    if word[:3] in tables.STEM_HEADS:
        for length in tables.STEM_LENGTHS:
            stemmed = tables.STEM_TRIGGERS.get(word[:length]) if len(word) >= length else None
            if stemmed is not None:
                entries.extend(stemmed)
    intent = tuple(t for kind, t in entries if kind != Kind.BENIGN)
    benign = tuple(t for kind, t in entries if kind == Kind.BENIGN)
    return intent, benign


_WORD_TRIGGERS: Memo[str, tuple[Triggers, Triggers]] = Memo(_triggers)
INTENT_KINDS = frozenset({Kind.OPT_OUT, Kind.REVIEW})
OPT_IN_KINDS = frozenset({Kind.OPT_IN})
BENIGN_KINDS = frozenset({Kind.BENIGN})
HELP_KINDS = frozenset({Kind.HELP})


def _match_at(
    folded: str,
    index: int,
    position: int,
    triggers: Triggers,
    found: list[PhraseMatch],
    following: str,
) -> None:
    for trigger in triggers:
        if trigger.seconds is not None and following not in trigger.seconds:
            continue  # the next word cannot continue any of these patterns
        match = trigger.regex.match(folded, position)
        if match is not None:
            name = trigger.names[int(match.lastgroup[1:])]  # type: ignore[index]
            end = index + folded.count(" ", position, match.end()) + 1
            found.append(PhraseMatch(PHRASES[name], index, end))


def scan(
    folded: str, words: list[str], table: KeywordTable
) -> tuple[list[int], list[PhraseMatch], list[int]]:
    """One pass over ``words`` (``folded`` split): each word's offset in ``folded``, the
    opt-out and review phrases starting at each word, and the indexes of the words that
    start a keyword of ``table`` (for `keyword_cues`)."""
    starts: list[int] = []
    found: list[PhraseMatch] = []
    keywords: list[int] = []
    cache = _WORD_TRIGGERS
    lengths = table.lengths
    position = 0
    last = len(words) - 1
    for index, word in enumerate(words):
        starts.append(position)
        entries = cache[word]
        if entries[0]:
            following = words[index + 1] if index < last else ""
            _match_at(folded, index, position, entries[0], found, following)
        if word in lengths:
            keywords.append(index)
        position += len(word) + 1
    return starts, found, keywords


def scan_benign(folded: str, words: list[str], starts: list[int]) -> list[PhraseMatch]:
    """Benign uses of keywords ("bus stop") starting at each word."""
    found: list[PhraseMatch] = []
    cache = _WORD_TRIGGERS
    last = len(words) - 1
    for index, word in enumerate(words):
        entries = cache[word]
        if entries[1]:
            following = words[index + 1] if index < last else ""
            _match_at(folded, index, starts[index], entries[1], found, following)
    return found


def _word_at(starts: list[int], char: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start > char:
            break
        index = i
    return index


def scan_substrings(
    folded: str, starts: list[int], kinds: frozenset[str] = INTENT_KINDS
) -> list[PhraseMatch]:
    """Phrases of languages written without spaces, anywhere in the text."""
    found: list[PhraseMatch] = []
    for kind in (Kind.OPT_OUT, Kind.REVIEW, Kind.BENIGN, Kind.OPT_IN, Kind.HELP):
        if kind not in kinds:
            continue
        compiled = SUBSTRINGS.get(kind)
        if compiled is None:
            continue
        regex, names = compiled
        for match in regex.finditer(folded):
            name = names[int(match.lastgroup[1:])]  # type: ignore[index]
            first = _word_at(starts, match.start())
            last = _word_at(starts, max(match.end() - 1, match.start()))
            found.append(PhraseMatch(PHRASES[name], first, last + 1))
    return found


class KeywordCue(NamedTuple):
    hit: KeywordHit
    start: int
    end: int


def keyword_cues(
    folded: str,
    words: list[str],
    starts: list[int],
    table: KeywordTable,
    cjk: bool,
    heads: list[int],
) -> list[KeywordCue]:
    """Keywords standing inside running text, starting at the word indexes ``heads`` (in
    order: the words `scan` found to start a keyword)."""
    cues: list[KeywordCue] = []
    count = len(words)
    after = 0  # a keyword of several words hides any keyword starting inside it
    for i in heads:
        if i < after:
            continue
        word = words[i]
        for n in table.lengths[word]:
            if n > count - i:
                continue
            hit = table.words.get(word if n == 1 else " ".join(words[i : i + n]))
            if hit is not None:
                cues.append(KeywordCue(hit, i, i + n))
                after = i + n
                break
    if cjk:
        for text, hit in table.substrings:
            at = folded.find(text)
            if at >= 0:
                first = _word_at(starts, at)
                if not any(c.start == first and c.hit.text == text for c in cues):
                    cues.append(KeywordCue(hit, first, _word_at(starts, at + len(text) - 1) + 1))
    return cues


# Negation in languages written without spaces (Chinese, Japanese, Korean), anywhere in a
# message: an opt-in phrase found as a substring is honoured only without any of these
# ("我不想重新接收短信", "다시 받고 싶지 않아요", "配信を再開しないで" ask for the
# opposite). Broad on purpose: a missed opt-in leaves a number opted out, a wrong one
# texts someone who said no.
CJK_NEGATIONS = (
    "不",
    "别",
    "別",
    "没",
    "沒",
    "勿",
    "莫",
    "无需",
    "ない",
    "ません",
    "やめ",
    "않",
    "싫",
    "지 마",
    "지마",
    "말아",
    "말고",
    "안 받",
    "안받",
    "안 하",
    "안하",
    "안 합",
    "안합",
    "안 해",
    "안해",
    "안 할",
    "안할",
    "없",
    "안 함",
    "안함",
    "못",
    # refusing, withdrawing or cancelling: never an opt-in beside these ("수신동의 철회합니다",
    # "다시 수신 거부", "拒绝重新接收短信", "配信を再開しなくていいです")
    "거부",
    "철회",
    "취소",
    "중지",
    "그만",
    "拒绝",
    "拒絕",
    "甭",
    "取消",
    "退订",
    "退訂",
    "停止",
    "なく",
    "するな",
    "せず",
    "結構",
    "拒否",
    "解除",
)


def cjk_negated(folded: str) -> bool:
    return any(n in folded for n in CJK_NEGATIONS)


def negated(
    folded: str, starts: list[int], index: int, language: str | None, raw: str = ""
) -> bool:
    """Whether a negation of ``language`` ("don't", "never", "ne") stands right before word
    ``index`` in the same sentence of ``raw``: "Absolutely not. Stop texting me" is no
    negation of the second sentence."""
    if index == 0:
        return False
    pattern = NEGATIONS.get(language or "en")
    if pattern is None:
        return False
    end = starts[index] - 1
    found = pattern.search(folded, max(0, end - 32), end)
    if found is None:
        return False
    negation = found.group().strip()
    spelt = SPELT_NEGATIONS.get((language or "en", negation))
    if spelt is not None:  # "Dừng, hủy đăng ký" (stop, unsubscribe): the keyword
        return bool(raw) and spelt_negation_at(raw, folded.split(" "), index - 1, spelt)
    if not raw:
        return True
    following = folded[end + 1 :].split(" ", 1)[0]
    # which occurrence of "negation word" this is, counted in the folded text, is the same
    # occurrence in the raw text (folding keeps words and their order)
    pair = f"{negation} {following}"
    nth = folded.count(pair, 0, end + 1 + len(following)) - 1
    return not _sentence_between(raw, negation, following, nth)


def spelt_negation_at(raw: str, words: list[str], at: int, spelt: str) -> bool:
    """Whether word ``at`` of ``words`` (a negation that folds into a keyword: "dung") is
    written in ``raw`` as the negation (``spelt``, its tone marks off: "đung") and runs on
    into the next word: "Đừng hủy" (don't cancel), not "Dừng hủy", "Dừng! Đừng…" or
    "Đừng, …". The same occurrence is found by counting (folding keeps words in order)."""
    word = words[at]
    nth = words[:at].count(word)
    marks = fold_marks(raw)
    found = [t for t in _TOKEN.finditer(marks) if fold(t.group(), look_alikes=False) == word]
    if nth >= len(found) or found[nth].group() != spelt:
        return False
    gap = _GAP.match(marks, found[nth].end())
    between = gap.group() if gap is not None else ""
    return not (_SENTENCE_MARK.search(between) or _COMMA.search(between))


_TOKEN = re.compile(r"\w+")
_GAP = re.compile(r"\W*")


def _sentence_between(raw: str, negation: str, following: str, nth: int) -> bool:
    """Whether the ``nth`` place where ``negation`` is followed by ``following`` in ``raw``
    has a sentence mark between them ("NOT. Remove me", "Of course not! Unsubscribe me");
    a line break or an ellipsis ("Please don't... stop the deals") is no sentence end."""
    if nth < 0 or not following:
        return False
    plain = raw.lower().replace("'", "").replace("\u2019", "")
    places = list(_PAIR[(negation, following)].finditer(plain))
    if nth >= len(places):
        return False
    between = places[nth].group(1)
    if negation in _ANSWERS and _COMMA.search(between):
        return True  # "No, pare de enviar mensajes": an answer, then the request
    return _SENTENCE_MARK.search(between) is not None


def _pair(words: tuple[str, str]) -> re.Pattern[str]:
    negation, following = words
    return re.compile(
        rf"(?<!\w){re.escape(negation)}([\W_]*){re.escape(following)}(?!\w)", re.DOTALL
    )


_PAIR: Memo[tuple[str, str], re.Pattern[str]] = Memo(_pair, limit=1024)
_SENTENCE_MARK = re.compile(r"[!?;]|(?<!\.)\.(?!\.)")
# Negations that are also the answer "no": followed by a comma they answer, and what comes
# next stands on its own ("No, pare", "Não, pare de mandar"; "No pare" is "don't stop").
_ANSWERS = frozenset({"no", "nao", "non", "nein", "nie", "nej", "nei", "nee", "нет", "ні"})
_COMMA = re.compile(r"[,،、，]")


def covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def overridden(match: PhraseMatch, benign: list[PhraseMatch]) -> bool:
    """An opt-out phrase whose last word a benign reading takes over: "please stop" inside
    "please stop by tomorrow", "stop" at the end of "the music won't stop"."""
    return any(b.start < match.end and b.end >= match.end and b.end > match.start for b in benign)


def enclosed(match: PhraseMatch, benign: list[PhraseMatch]) -> bool:
    """A review phrase inside a benign reading that starts before it: "go away" in "the
    rash won't go away" (but not "stop" in "the texts won't stop", where the benign
    "won't stop" starts inside the phrase)."""
    return any(
        (b.start < match.start and b.end >= match.end)
        or (b.start == match.start and b.end > match.end)  # "not interested in the blue one"
        for b in benign
    )


def is_command_strength(hit: KeywordHit) -> bool:
    return hit.strength is not Strength.WORD
