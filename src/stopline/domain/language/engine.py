"""The opt-out language engine: normalise -> words -> rules -> `Classification`.

Order of reading: empty or reaction; the message as keywords and courtesy words only
(exact keywords, "Stop. Thank you", "STOP STOP", mixed "STOP HELP"); opt-out phrases
("stop texting me", "no más mensajes"); keywords inside running text, weighed by strength
and position, minus benign uses ("bus stop") and negations ("don't stop"); typos in short
messages. The opt-out likelihood is compared with the context's thresholds: at or above
``sure`` the action is opt_out, at or below ``unsure`` it is not, and between it is review.
"""

from __future__ import annotations

import re

from stopline.domain.language import rules
from stopline.domain.language.context import DEFAULT, table_for, uses_defaults
from stopline.domain.language.fuzzy import correct, nearest
from stopline.domain.language.model import SURE, UNSURE, Action, Classification, ClassifyContext
from stopline.domain.language.normalise import fold, fold_marks, fold_spans, repeated
from stopline.domain.language.plain import SIGNATURE_HINT, plain, signature_start
from stopline.domain.language.reactions import QUOTE_CHARS, may_be_reaction, reaction_split
from stopline.domain.language.someone_else import someone_else
from stopline.domain.language.tables import (
    COURTESY,
    SPELT_NEGATIONS,
    VOCABULARY,
    KeywordTable,
    Kind,
    home_language,
    keyword_table,
    without_intensifiers,
)
from stopline.domain.language.verdict import (
    NO_INTENT,
    Reading,
    Verdict,
    closes,
    help_question,
    is_standalone,
    leads,
    weigh,
)

_DEFAULT = DEFAULT
_QUESTION_WORDS = frozenset(
    [
        "when",
        "does",
        "did",
        "will",
        "why",
        "what",
        "where",
        "how",
        "is",
        "are",
        "do",
        "would",
        "should",
        "could",
        "if",
    ]
)
_STOP_EMOJI = frozenset("🛑⛔🚫✋🤚")
# Anything a reaction or a signature needs: without it both checks are skipped (searched
# in the lower-cased text).
_SENTENCE_HINT = re.compile("[" + re.escape(QUOTE_CHARS) + "]|" + SIGNATURE_HINT.pattern)


def _is_vocabulary(word: str) -> bool:
    """A known word, or a likely typo of a keyword: never a signature's name."""
    return word in VOCABULARY or nearest(word) is not None


_TYPO_WORDS = 6  # typos are corrected in messages of at most this many words

# Longer than any SMS (ten concatenated segments are 1,530 GSM-7 characters; providers stop
# at about 1,600): only the start and the end are read, since the reading's cost grows
# faster than the length (a 64 KB text took five seconds and held up every opt-out behind
# it). What is not an opt-out, opt-in or help goes to a person, as the middle was not read.
MAX_READ = 4_000
_TAIL = 1_000


def classify(text: str, context: ClassifyContext = _DEFAULT) -> Classification:
    """Classify one inbound message. Does no I/O. Never raises: an internal error becomes a
    review item (a person reads it) rather than a failed webhook."""
    default = context is _DEFAULT or uses_defaults(context)
    if default:
        cached = _FAST.get(text)
        if cached is not None:
            return cached
    try:
        result = classify_strict(text, context)
    except Exception as exc:  # pragma: no cover - guarded by property tests
        return Classification(
            Action.REVIEW, "engine_error", 0.5, None, "error", None, f"engine error: {exc!r}"
        )
    if (
        default
        and result.rule.startswith("keyword.")
        and result.rule != "keyword.in_text"
        and len(text) <= 40
        and len(_FAST) < _FAST_LIMIT
    ):
        # Remember keyword messages as they arrive ("STOP!!", "Stop please"): the answer
        # for a text never changes, so the next one costs one dictionary lookup.
        _FAST[text] = result
    return result


def classify_strict(text: str, context: ClassifyContext = _DEFAULT) -> Classification:
    """`classify` without the safety net (tests use this to see any exception)."""
    if len(text) > MAX_READ:
        return _read_ends(text, context)
    if not text or text.isspace():
        return _none("empty message", "empty")
    probe, origin = plain(text)
    begin, end = 0, len(probe)
    lowered = probe.lower()
    if _SENTENCE_HINT.search(lowered) is not None:  # quotes, signatures: rare, look closer
        if may_be_reaction(probe):
            whole_reaction, begin = reaction_split(probe)
            if whole_reaction:
                why = "a reaction to one of our own messages (e.g. Liked “…”)"
                return _none(why, "reaction", 0.95)
        if SIGNATURE_HINT.search(lowered) is not None:
            end = signature_start(probe, _is_vocabulary)
    if origin is not None:
        begin, end = origin[begin], origin[end]
    body = text[begin:end]
    folded = fold(body)
    if not folded:
        if any(ch in _STOP_EMOJI for ch in text):
            return Classification(
                Action.REVIEW,
                "emoji",
                0.5,
                None,
                "emoji.stop",
                _trimmed(text, end),
                "only a stop-sign or raised-hand emoji: may mean stop",
            )
        return _none("no words (only emoji or punctuation)", "no_words")
    words = folded.split(" ")
    table = table_for(context)
    if not body.isascii():
        home = home_language(body)
        if home is not None and home not in context.all_languages:
            # "Dừng" spelt with its Vietnamese accents is Vietnamese "stop", whatever the
            # sender's locale ("Dung" without them is also a name).
            table = keyword_table(
                context.all_languages | {home},
                context.extra_opt_out,
                context.extra_opt_in,
                context.extra_help,
                context.language,
            )
    verdict = _read(folded, words, table, probe)
    if verdict is NO_INTENT and len(words) <= _TYPO_WORDS:
        # a word typed several times without a space ("STOPSTOP pls"), unless it is a word
        # of its own (Turkish DURDUR): read only when the message says nothing otherwise
        again = " ".join(repeated(word) for word in words)
        if again != folded:
            retry = _read(again, again.split(" "), table, probe)
            if retry is not NO_INTENT:
                verdict, folded, words = retry, again, again.split(" ")
    if verdict is NO_INTENT and len(words) <= _TYPO_WORDS and _LEET_HINT.search(body):
        # digits and symbols written for letters ("5T0P", "$TOP", "opt-0ut", "st*p")
        lettered = _LEET_WORD.sub(_as_letters, body)
        if lettered != body:
            again = fold(lettered)
            retry = _read(again, again.split(" "), table, lettered)
            if retry.score > context.unsure:
                folded, words = again, again.split(" ")
                verdict = retry._replace(
                    score=min(retry.score, 0.88),
                    confidence=min(retry.confidence, 0.88),
                    rule=f"symbols.{retry.rule}",
                    explanation=f"reading digits and symbols as letters: {retry.explanation}",
                )
    if verdict.score <= context.unsure and not verdict.decided and len(words) <= _TYPO_WORDS:
        fixed = correct(words, table)
        if fixed is not None:
            retry = _read(" ".join(fixed), fixed, table, probe)
            if retry.score > verdict.score:
                verdict = retry.as_typo(0.88)
    if "?" in body and (
        verdict.action is Action.OPT_IN or verdict.score >= SURE or verdict.force_review
    ):
        verdict = _answered_question(body, table) or verdict
    if verdict is NO_INTENT and len(words) <= 6:
        named = someone_else(body, words)
        if named is not None:
            return Classification(
                Action.REVIEW,
                "wrong_recipient",
                0.6,
                named[0],
                "names.someone_else",
                _trimmed(text, end),
                f"says the recipient is not {named[1]}: perhaps a reassigned number",
            )
    if (
        verdict is NO_INTENT
        and not folded.isascii()
        and _unread_script(folded)
        and not _only_courtesy(folded, words)
    ):
        return Classification(
            Action.REVIEW,
            "unknown_language",
            0.5,
            None,
            "script.unread",
            _trimmed(text, end),
            "written mostly in a script that no lexicon reads (Tamil, Georgian, …) or that only "
            "a small one does (Hebrew, Thai), and it read nothing here: a person should read it",
        )
    return _finish(verdict, text, body, begin, end, words, context)


# Scripts the lexicons read (Latin, Greek, Cyrillic, Arabic with Persian and Urdu letters,
# Devanagari, Bengali, Ethiopic, CJK, kana, Hangul, full-width forms). Letters outside these
# ranges belong to a script no lexicon covers.
_READ_SCRIPTS = (
    (0x0000, 0x036F),
    (0x0370, 0x03FF),
    (0x0400, 0x052F),
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0x0900, 0x09FF),
    (0x1100, 0x11FF),
    (0x1200, 0x139F),
    (0x1D00, 0x1EFF),
    (0x2E80, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0xFF00, 0xFFEF),
)


def _unread_script(folded: str) -> bool:
    """Most letters of ``folded`` (look-alikes and styled letters already read as Latin) are
    in a script no lexicon reads (at least three letters): with no
    reading at all, such a message goes to review rather than being taken as nothing."""
    letters = unread = 0
    for ch in folded:
        if ch.isalpha():
            letters += 1
            code = ord(ch)
            if not any(lo <= code <= hi for lo, hi in _READ_SCRIPTS):
                unread += 1
    # a whole message in such a script, however short ("ఆపు", "ឈប់": two letters and a
    # vowel sign), or at least three of its letters beside fewer of any other
    return unread * 2 > letters and (unread >= 3 or unread == letters)


def _only_courtesy(folded: str, words: list[str]) -> bool:
    """Only courtesy words ("תודה", "ขอบคุณครับ": thanks): nothing a person need read, even
    in a script whose other messages go to review."""
    if all(w in COURTESY for w in words):
        return True
    return not rules.strip_substring_courtesy(folded).strip()


def _read_ends(text: str, context: ClassifyContext) -> Classification:
    """An over-long message: its first and last characters, read as one message."""
    head, tail = text[: MAX_READ - _TAIL - 1], text[-_TAIL:]  # with the line break: MAX_READ
    found = classify_strict(f"{head}\n{tail}", context)
    span = found.span
    if span is not None:
        shift = len(text) - _TAIL - len(head) - 1  # from the joined text to the original

        def moved(at: int) -> int:
            return at if at <= len(head) else at + shift

        span = (moved(span[0]), moved(span[1]))
    note = f" (a {len(text):,}-character message: only its start and end were read)"
    if found.action in (Action.OPT_OUT, Action.OPT_IN, Action.HELP):
        return found._replace(span=span, explanation=found.explanation + note)
    return Classification(
        Action.REVIEW, "too_long", 0.5, found.language, "length.over_read", span,
        f"longer than any SMS: a person reads it{note}",
    )  # fmt: skip


def _read(folded: str, words: list[str], table: KeywordTable, raw: str) -> Verdict:
    """Read ``words`` (``folded`` split). Spans in the verdict index the words without
    intensifiers (see `_span`)."""
    segments = rules.segment(words, table)
    kept = without_intensifiers(words)
    if kept is not None:
        words = [words[i] for i in kept]
        folded = " ".join(words)
    cjk = not folded.isascii() and any(_is_cjk(ch) for ch in folded)
    starts, matches, keywords = rules.scan(folded, words, table)
    keep = False
    if matches and any(m.info.kind == Kind.KEEP for m in matches):
        # "... but I still want the texts": noted, weighed against any opt-out in `weigh`
        # ("if you keep texting me ..." is not a wish to keep them).
        keep = any(
            m.info.kind == Kind.KEEP and not rules.negated(folded, starts, m.start, "en", raw)
            for m in matches
        )
        matches = [m for m in matches if m.info.kind != Kind.KEEP]
    asks_help: rules.PhraseMatch | None = None
    if matches and any(m.info.kind == Kind.HELP for m in matches):
        # "What program is this?": the HELP reply if nothing asks to stop or to start
        asks_help = next(m for m in matches if m.info.kind == Kind.HELP)
        matches = [m for m in matches if m.info.kind != Kind.HELP]
    opt_in: list[rules.PhraseMatch] = []
    refused: list[str] = []  # opt-in wording under a negation: "do not resubscribe me"
    if matches and any(m.info.kind == Kind.OPT_IN for m in matches):
        # "Put me back on the list": weighed in `weigh` only if nothing asks to stop.
        refusals = [m for m in matches if m.info.kind == Kind.OPT_OUT]
        for m in matches:
            if m.info.kind != Kind.OPT_IN:
                continue
            if any(r.start <= m.start and m.end <= r.end for r in refusals):
                continue  # inside an opt-out phrase that refuses it: "ne me réabonnez pas"
            if not rules.negated(folded, starts, m.start, m.info.language, raw):
                opt_in.append(m)
            elif closes(words, m.end):  # not "don't opt back in to the tournament"
                refused.append(" ".join(words[m.start : m.end]))
        matches = [m for m in matches if m.info.kind != Kind.OPT_IN]
    stripped = ""  # CJK: the text without its glued courtesy words ("请停止" -> "停止")
    if cjk:
        stripped = rules.strip_substring_courtesy(folded)
        matches += rules.scan_substrings(folded, starts)
        asked = rules.scan_substrings(folded, starts, rules.OPT_IN_KINDS)
        if not rules.cjk_negated(folded):
            opt_in += asked
        else:  # "我不想重新订阅": refused (no spaces, so no word-by-word negation)
            refused += [folded[starts[m.start] :][:12] for m in asked]
        if asks_help is None:  # "你是谁？" as the whole message (not "社長は誰ですか")
            whole = len(stripped.replace(" ", ""))
            asks_help = next(
                (
                    m
                    for m in rules.scan_substrings(folded, starts, rules.HELP_KINDS)
                    if len(m.info.phrase.pattern) >= whole
                ),
                None,
            )
    cues = rules.keyword_cues(folded, words, starts, table, cjk, keywords)
    if segments is None and stripped and stripped != folded:  # (stripped: CJK only)
        segments = rules.segment(stripped.split(" "), table)
        if segments:
            segments = [(hit, 0, len(words)) for hit, _s, _e in segments]
    if not segments and not matches and not cues and not opt_in and not refused:
        # the common case: nothing to weigh
        return NO_INTENT if asks_help is None else help_question(asks_help, words)
    # Benign readings matter only when there is a keyword or phrase they could explain.
    benign = rules.scan_benign(folded, words, starts)
    if cjk:
        benign += rules.scan_substrings(folded, starts, rules.BENIGN_KINDS)
    benign_spans = [(m.start, m.end) for m in benign]
    if (
        segments
        and not any(rules.covered(benign_spans, s, e) for _h, s, e in segments)
        and not _refused_start(segments, words)
        and not _spelt_negation(segments, words, raw)
    ):
        whole = len(segments) == 1 and segments[0][2] - segments[0][1] == len(words)
        return Verdict.from_keywords(segments, whole)
    if not matches and not cues and not opt_in and not refused:
        return NO_INTENT
    content = [i for i, w in enumerate(words) if w not in COURTESY]
    reading = Reading(
        words=words,
        content=content,
        # A question mark, or a question word opening the message ("how do I stop these"):
        # not any "is" or "do" inside a statement ("STOP - this is my work phone").
        question="?" in raw or (bool(content) and words[content[0]] in _QUESTION_WORDS),
        raw=raw,
        keep=keep,
        opt_in=opt_in,
        refused=refused,
        asks_help=asks_help,
    )
    for match in matches:
        if match.info.kind == Kind.OPT_OUT and rules.overridden(match, benign):
            reading.benign.append((match.start, match.end, match.info.phrase.note))
            continue
        if match.info.kind == Kind.REVIEW and benign and rules.enclosed(match, benign):
            reading.benign.append((match.start, match.end, match.info.phrase.note))
            continue
        is_negated = rules.negated(folded, starts, match.start, match.info.language, raw)
        reading.phrases.append((match, is_negated))
    for cue in cues:
        if rules.covered(benign_spans, cue.start, cue.end):
            covering = [m for m in benign if m.start <= cue.start and cue.end <= m.end]
            # A keyword standing as a sentence of its own ("... said no one. STOP.") is not
            # explained away by the sentence before it; a benign reading that starts with it
            # ("Stop! That's hilarious") still stands.
            if cue.hit.action is Action.OPT_IN and cue.start == 0 and leads(raw, cue.hit.text):
                pass  # "START - my son replied stop by accident": an opening START stands
            elif any(m.start == cue.start for m in covering) or not is_standalone(
                reading, cue.hit.text
            ):
                reading.benign.append((cue.start, cue.end, covering[0].info.phrase.note))
                continue
        negated = rules.negated(folded, starts, cue.start, cue.hit.language, raw)
        if negated and is_standalone(reading, cue.hit.text):
            negated = False  # "Oh sure, keep them coming... NOT. Stop."
        if cjk and cue.hit.action is Action.OPT_IN and rules.cjk_negated(folded):
            negated = True  # "我不想重新订阅": no spaces, so no word-by-word negation
        if (
            cue.hit.action is Action.OPT_IN
            and cue.start > 0
            and words[cue.start - 1] in _REFUSALS
            and _refusal_before(raw, words[cue.start - 1], cue.hit.text)
        ):
            negated = True  # "no START", "non iscrivimi" ("No. START" and "Nope, START" are not)
        reading.cues.append((cue, negated))
    return weigh(reading)


# Digits and symbols that stand for letters in "5T0P", "$TOP", "opt-0ut", "st*p"; only in
# words that also hold a letter ("5 pm" and "$10" stay as they are).
_LEET = str.maketrans({"0": "o", "5": "s", "$": "s", "3": "e", "1": "i", "@": "a", "*": "o"})
_LEET_HINT = re.compile(r"[A-Za-z][.\-_]?[0-9$@*]|[0-9$@*][.\-_]?[A-Za-z]")
_LEET_WORD = re.compile(r"\S+")


def _as_letters(word: re.Match[str]) -> str:
    text = word.group()
    if not any(ch.isalpha() for ch in text):
        return text
    return text.translate(_LEET)


# How an answer of "no" to one's own question starts ("START? Absolutely not.", "Resubscribe?
# Jamais", "Unstop? lol no"), in folded words; fillers before it are skipped.
_REFUSING = tuple(
    tuple(answer.split(" "))
    for answer in (
        "no", "nope", "nah", "never", "hell no", "absolutely not", "no way", "not a chance",
        "no chance", "hard pass", "are you kidding", "are you serious", "you wish", "as if",
        "yeah right", "not happening", "not likely", "of course not", "nein", "jamais", "jamas",
        "nunca", "nao", "non", "niet", "nie", "nee", "mai", "hindi", "tidak", "khong", "hayir",
        "no thanks", "no thank you", "nein danke", "non merci", "no gracias", "nao obrigado",
        "nee dank je", "nee dankjewel",
    )
)  # fmt: skip
_FILLERS = frozenset({"lol", "haha", "hahaha", "lmao", "um", "uh", "hmm", "oh", "ha", "well"})


def _answered_question(body: str, table: KeywordTable) -> Verdict | None:
    """A request asked back and answered no. "START? No." (an opt-in keyword or phrase
    alone, then a refusal that is the whole answer or ends at a mark) refuses to be
    subscribed again: an opt-out; an answer that is itself an opt-out ("Start? No. STOP.")
    is that opt-out. "STOP? No, keep them coming" (the keyword alone, a refusal, and the
    wish to keep the texts) declines to stop: nothing. Anything else keeps its reading:
    "Can you stop texting me? No one signed up for this" is an opt-out."""
    head, _, tail = body.partition("?")
    asked = fold(head)
    if not asked or not _refuses(tail):
        return None
    answer = fold(tail)
    first = _read(asked, asked.split(" "), table, head)
    if (
        first.action is Action.OPT_IN
        and asked.split(" ", 1)[0] not in _QUESTION_WORDS
        and (
            first.rule.startswith("phrase.")
            or (first.rule.startswith("keyword.") and first.rule not in _LOOSE_OPT_INS)
        )
    ):
        rest = _read(answer, answer.split(" "), table, tail)
        if rest.score >= SURE:
            return rest._replace(span=None)  # "Start? No. STOP.": the answer's opt-out
        if rest.score > UNSURE or rest.action is not Action.NONE:
            return None
        return Verdict(
            Action.NONE,
            0.85,
            0.15,
            "refused_opt_in",
            "question.refused_opt_in",
            first.language,
            None,
            f"asks {head.strip()!r} back and answers no: refuses to be subscribed again",
        )
    if first.whole and first.rule.startswith("keyword.") and first.score >= SURE:
        words = answer.split(" ")
        _starts, matches, _keywords = rules.scan(answer, words, table)
        if any(m.info.kind == Kind.KEEP for m in matches):
            return Verdict(
                Action.NONE,
                0.1,
                0.9,
                "benign_keyword",
                "question.declined_opt_out",
                first.language,
                None,
                f"asks {head.strip()!r} back, answers no and asks to keep the texts",
            )
    return None


# Opt-in readings too loose to be "asked back" ("Should we start now? No."): a keyword
# somewhere in a short message, or opening a longer one.
_LOOSE_OPT_INS = frozenset({"keyword.in_text", "keyword.leading"})
_TOKENS = re.compile(r"\w+|[^\w\s]")


def _refuses(answer: str) -> bool:
    """Whether ``answer`` (what follows a question mark) starts with a refusal that is
    complete: the whole answer, or ending at a mark ("No.", "Never!", "no, keep them
    coming"), not "No one signed up" or "No joke"."""
    words = [t if not t[0].isalnum() else fold(t) for t in _TOKENS.findall(answer)]
    while words and (not words[0] or not words[0][0].isalnum() or words[0] in _FILLERS):
        words = words[1:]  # "?", "...", "lol", "haha"
    for refusal in _REFUSING:
        n = len(refusal)
        if tuple(words[:n]) == refusal and (len(words) == n or not words[n][0].isalnum()):
            return True
    return False


# "No" beside an opt-in keyword ("no START", "non iscrivimi", "Nope, START"): courtesy
# words elsewhere, but a START with one of these is no clear request to resubscribe, so it
# is read word by word (where the negation counts) instead of as the keyword alone.
_REFUSALS = frozenset({"no", "non", "not", "nope", "nah", "nein", "nao", "nee", "niet", "nie"})


def _refusal_before(raw: str, refusal: str, keyword: str) -> bool:
    """Whether ``refusal`` stands right before ``keyword`` in ``raw`` with only spaces
    between ("no START"), not a mark ("No. START", "Nope, START")."""
    pattern = rf"(?<!\w){re.escape(refusal)}\s+{re.escape(keyword)}(?!\w)"
    return re.search(pattern, fold_marks(raw), re.IGNORECASE) is not None


def _refused_start(segments: list[rules.Segment], words: list[str]) -> bool:
    return any(
        hit.action is Action.OPT_IN for hit, _s, _e in segments
    ) and not _REFUSALS.isdisjoint(words)


def _spelt_negation(segments: list[rules.Segment], words: list[str], raw: str) -> bool:
    """A keyword that is also a negation when spelt out, before another keyword: "Đừng hủy
    đăng ký" (don't unsubscribe) is read word by word, where the negation counts; "Dừng,
    hủy đăng ký" (stop, unsubscribe) stays a message of keywords."""
    return any(
        e - s == 1
        and (spelt := SPELT_NEGATIONS.get((hit.language or "", words[s]))) is not None
        and rules.spelt_negation_at(raw, words, s, spelt)
        for hit, s, e in segments[:-1]
    )


def _is_cjk(ch: str) -> bool:
    """A letter of a script written without spaces between words (CJK, kana, Hangul, Thai):
    its keywords and phrases are looked for as substrings."""
    code = ord(ch)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0x3040 <= code <= 0x30FF
        or 0x0E00 <= code <= 0x0E7F
    )


def _finish(
    verdict: Verdict,
    text: str,
    body: str,
    begin: int,
    end: int,
    words: list[str],
    context: ClassifyContext,
) -> Classification:
    action = verdict.action
    confidence = verdict.confidence
    if action is Action.OPT_OUT or verdict.score > context.unsure:
        if verdict.score >= context.sure and not verdict.force_review:
            action, confidence = Action.OPT_OUT, verdict.score
        elif verdict.score > context.unsure or verdict.force_review:
            action, confidence = Action.REVIEW, verdict.score
        else:
            action, confidence = Action.NONE, 1.0 - verdict.score
    if action is Action.NONE:
        if verdict is NO_INTENT:
            return _NO_INTENT
        return Classification(
            action,
            verdict.intent,
            round(confidence, 3),
            verdict.language,
            verdict.rule,
            None,
            verdict.explanation,
        )
    span = _trimmed(body, len(body)) if verdict.whole else _span(body, words, verdict.span)
    if span is not None:
        span = (span[0] + begin, span[1] + begin)
    language = verdict.language or (context.language if verdict.sender else None)
    return Classification(
        action,
        verdict.intent,
        round(confidence, 3),
        language,
        verdict.rule,
        span,
        verdict.explanation,
    )


def _trimmed(text: str, end: int) -> tuple[int, int]:
    body = text[:end]
    start = len(body) - len(body.lstrip())
    return (start, len(body.rstrip()))


def _span(body: str, words: list[str], span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    original, spans = fold_spans(body, words)
    if original != words:
        return _trimmed(body, len(body))
    kept = without_intensifiers(original)
    if kept is not None:
        spans = [spans[i] for i in kept]
    first, last = span
    if not 0 <= first < last <= len(spans):
        return _trimmed(body, len(body))
    return (spans[first][0], spans[last - 1][1])


def _none(why: str, rule: str, confidence: float = 1.0) -> Classification:
    return Classification(Action.NONE, "no_intent", confidence, None, rule, None, why)


def _fast_table() -> dict[str, Classification]:
    """The commonest raw spellings of the commonest keywords, answered in advance by the
    full reading; other keyword spellings join as they arrive (see `classify`)."""
    fast: dict[str, Classification] = {}
    for word in ("stop", "yes", "help", "start", "unsubscribe", "cancel", "end", "quit", "stopall"):
        for base in (word, word.upper(), word.title()):
            for variant in (base, base + ".", base + "!"):
                fast[variant] = classify_strict(variant)
    return fast


_FAST_LIMIT = 20_000
_NO_INTENT = Classification(Action.NONE, "no_intent", 1.0, None, "none", None, "no opt-out wording")
_FAST: dict[str, Classification] = _fast_table()
