"""Weighing the evidence of one message into a `Verdict`: an opt-out likelihood plus the
best other reading (help, opt-in, none), with the rule and words that decided it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from stopline.domain.language.lexicon import Strength
from stopline.domain.language.model import Action
from stopline.domain.language.rules import KeywordCue, PhraseMatch, Segment
from stopline.domain.language.tables import COURTESY, KeywordHit, Kind
from stopline.domain.memo import Memo

WordSpan = tuple[int, int]


@dataclass(slots=True)
class Reading:
    words: list[str]
    content: list[int]  # indexes of words that are not courtesy words
    question: bool
    raw: str
    keep: bool = False  # also asks to keep getting the texts ("but I still want texts")
    opt_in: list[PhraseMatch] = field(default_factory=list)  # "put me back on the list"
    refused: list[str] = field(default_factory=list)  # negated opt-ins: "never resubscribe me"
    asks_help: PhraseMatch | None = None  # "what program is this?"
    phrases: list[tuple[PhraseMatch, bool]] = field(default_factory=list)  # (match, negated)
    cues: list[tuple[KeywordCue, bool]] = field(default_factory=list)  # (cue, negated)
    benign: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, why)
    # Whether each keyword stands alone somewhere in ``raw``: one search of the whole text
    # per keyword, not per occurrence (a long text repeating it would cost n² otherwise).
    standalone: dict[str, bool] = field(default_factory=dict)


class Verdict(NamedTuple):
    """An immutable reading (a named tuple: several are built per message, and a tuple is
    built several times faster than a frozen dataclass)."""

    action: Action  # the reading when the opt-out likelihood is low: help, opt_in or none
    score: float  # opt-out likelihood, 0..1
    confidence: float  # confidence in `action` when that reading stands
    intent: str
    rule: str
    language: str | None
    span: WordSpan | None
    explanation: str
    whole: bool = False  # the span is the whole message
    decided: bool = False  # a keyword reading: no typo correction needed
    force_review: bool = False  # contradictory requests (STOP and START)
    sender: bool = False  # a sender's own keyword
    standalone: bool = False  # a keyword standing as a sentence of its own

    def as_typo(self, cap: float) -> Verdict:
        return self._replace(
            score=min(self.score, cap),
            confidence=min(self.confidence, cap),
            rule=f"typo.{self.rule}",
            explanation=f"after correcting a likely typo: {self.explanation}",
        )

    @classmethod
    def from_keywords(cls, segments: list[Segment], whole: bool) -> Verdict:
        hits = [hit for hit, _s, _e in segments]
        span = (segments[0][1], segments[-1][2])
        names = ", ".join(dict.fromkeys(hit.text.upper() for hit in hits))
        opt_out = next((h for h in hits if h.action is Action.OPT_OUT), None)
        starts = [h for h in hits if h.action is Action.OPT_IN and h.strength is not Strength.WORD]
        helps = [h for h in hits if h.action is Action.HELP]
        sender = any(h.sender for h in hits)
        if opt_out is not None:
            if starts:
                return cls(
                    Action.NONE,
                    0.6,
                    0.6,
                    "mixed",
                    "keyword.mixed.opt_out_opt_in",
                    opt_out.language,
                    span,
                    f"asks both to stop and to start ({names})",
                    decided=True,
                    force_review=True,
                )
            mixed = len({h.action for h in hits}) > 1
            if mixed:
                score, rule = 0.9, "keyword.mixed"
                why = f"an opt-out keyword with another keyword ({names}): the opt-out wins"
            elif len(hits) == 1 and whole:
                score, rule = 1.0, "keyword.sender" if sender else f"keyword.{opt_out.intent}"
                why = f"the whole message is the {_whose(opt_out)}keyword {names!r}"
            else:
                score, rule = 0.97, "keyword.sender" if sender else "keyword.courtesy"
                why = f"the keyword {names!r} with only courtesy words around it"
            return cls(
                Action.NONE,
                score,
                1.0 - score,
                opt_out.intent,
                rule,
                opt_out.language,
                span,
                why,
                whole=True,
                decided=True,
                sender=opt_out.sender,
            )
        chosen = helps[0] if helps else hits[0]
        exact = len(hits) == 1 and whole
        rule = "keyword.sender" if chosen.sender else f"keyword.{chosen.intent}"
        return cls(
            chosen.action,
            0.0,
            1.0 if exact else 0.95,
            chosen.intent,
            rule,
            chosen.language,
            span,
            f"the whole message is the {_whose(chosen)}keyword {names!r}"
            if exact
            else f"the keyword {names!r} with only courtesy words around it",
            whole=True,
            decided=True,
            sender=chosen.sender,
        )


def _width(verdict: Verdict) -> int:
    return verdict.span[1] - verdict.span[0] if verdict.span else 0


def _whose(hit: KeywordHit) -> str:
    return "sender's " if hit.sender else ""


def _cue_score(reading: Reading, cue: KeywordCue) -> tuple[float, str]:
    hit = cue.hit
    word = hit.text.upper()
    if hit.strength is Strength.STRONG:
        return 0.92, f"{word!r} states an opt-out wherever it appears"
    content = reading.content or [cue.start]
    count = len(content)
    first = cue.start <= content[0]
    last = cue.end - 1 >= content[-1]
    if hit.strength is Strength.WORD:
        if count <= 2 and (first or last):
            return 0.6, f"the everyday word {word!r} in a two-word message: unclear"
        return 0.15, f"the everyday word {word!r} inside a sentence is not a keyword"
    if is_standalone(reading, hit.text):
        return 0.9, f"the keyword {word!r} stands as a sentence of its own"
    set_off = False  # a trailing keyword set off by a mark: a command even after "why ..."
    if count <= 4 and (first or last):
        score, why = 0.85, f"the keyword {word!r} heads or ends a short message"
    elif first and leads(reading.raw, hit.text):
        # "STOP - this is my work phone", "Stop please, it's not me": a command set off by a
        # mark; a benign reading of the rest ("Stop, drop and roll") was weighed before.
        score, why = 0.85, f"the message opens with {word!r}, set off by a mark"
    elif last and trails(reading.raw, hit.text):
        score, why = 0.85, f"the message ends with {word!r}, set off by a mark"
        set_off = True
    elif (first or last) and _repeated(reading, hit.text):
        score, why = 0.85, f"the keyword {word!r} is repeated and heads or ends the message"
    elif first:
        score, why = 0.7, f"the message starts with {word!r} but says more: unclear"
    elif last and count <= 8:
        score, why = 0.65, f"the message ends with {word!r}: unclear"
    else:
        score, why = 0.5, f"the keyword {word!r} inside a longer message: unclear"
    if reading.question and score > 0.6 and not (set_off and "?" not in reading.raw):
        # "why y'all keep texting me, stop" (no question mark) still ends with a command.
        score, why = 0.6, why + " (in a question)"
    return score, why


def _repeated(reading: Reading, text: str) -> bool:
    """The same keyword more than once ("stop stop stop can you hear me stop")."""
    return sum(1 for cue, _negated in reading.cues if cue.hit.text == text) > 1


def is_standalone(reading: Reading, word: str) -> bool:
    """The keyword alone between sentence marks (or after a colon or a dash), perhaps with a
    "please" or "now" ("Not interested. Stop.", "Sure, I'll respond: STOP", "Who is this?
    STOP", "STOP!!! who are you", "... Stop please. Thank you."): one search of the whole
    text per keyword, remembered in ``reading``."""
    alone = reading.standalone.get(word)
    if alone is None:
        alone = reading.standalone[word] = _standalone(reading.raw, word)
    return alone


def _standalone(raw: str, word: str) -> bool:
    return word.isascii() and _STANDALONE[word].search(raw) is not None


_AROUND = r"(?:please|pls|plz|ok|okay|now|thanks|thank you|thx|ty|already|immediately|asap|just)"


def _standalone_pattern(word: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:^|[.!?;:\n]|\s[-–—])\s*(?:{_AROUND}[\s,]+)*[\"“']?{re.escape(word)}[\"”']?"
        rf"(?:[\s,]+{_AROUND})*\s*(?:[.!?;\n]|$)",
        re.IGNORECASE,
    )


_STANDALONE: Memo[str, re.Pattern[str]] = Memo(_standalone_pattern, limit=4096)


def _leading_pattern(word: str) -> re.Pattern[str]:
    return re.compile(
        rf"\s*[\"“'(\[]?{re.escape(word)}[\"”')\]]?(?:[\s,]+{_AROUND})*\s*(?:[.!?;,:\n]|[-–—]|$)",
        re.IGNORECASE,
    )


_LEADING: Memo[str, re.Pattern[str]] = Memo(_leading_pattern, limit=1024)


def _trailing_pattern(word: str) -> re.Pattern[str]:
    # A closing quote or bracket after a word also sets the keyword off ('... "Reply STOP to
    # unsubscribe" STOP'); an opening one does not ('my favourite word is "stop"').
    return re.compile(
        rf"(?:[.!?;,:\n–—-]|(?<=\S)[\"”»)\]](?=\s))\s*(?:{_AROUND}[\s,]+)*[\"“'(\[]?"
        rf"{re.escape(word)}[\"”')\]]?"
        rf"(?:[\s,]+{_AROUND})*[\s.!]*$",
        re.IGNORECASE,
    )


_TRAILING: Memo[str, re.Pattern[str]] = Memo(_trailing_pattern, limit=1024)


def trails(raw: str, word: str) -> bool:
    """The message ends with the keyword set off by a mark ("I get three of these a day,
    stop")."""
    return word.isascii() and _TRAILING[word].search(raw) is not None


def leads(raw: str, word: str) -> bool:
    """The message opens with the keyword set off by a mark ("START - sorry, my kid texted
    stop", "START. I want the texts again")."""
    return word.isascii() and _LEADING[word].match(raw) is not None


# Words that may follow a refused opt-in without making it about something else ("do not
# resubscribe me again please"); anything else ("... to the tournament", "... with me") may.
_AFTER_REFUSAL = frozenset(
    [
        "again",
        "ever",
        "anymore",
        "please",
        "pls",
        "plz",
        "thanks",
        "thank",
        "thx",
        "you",
        "ok",
        "lol",
        # French, whose negation may close the refusal ("ne me réabonnez pas svp")
        "pas",
        "plus",
        "jamais",
        "svp",
        "stp",
        "merci",
    ]
)


def closes(words: list[str], end: int) -> bool:
    """Whether the words from ``end`` on say nothing more than courtesy."""
    return all(w in _AFTER_REFUSAL or w in COURTESY for w in words[end:])


# A help question holding a reading no stronger than this (a doubt: "who is this", 0.3;
# "how did you get my number", 0.6) is answered as help, not sent to review.
_HELP_OVER = 0.65


def weigh(reading: Reading) -> Verdict:
    best: Verdict | None = None
    negated: list[str] = []

    def consider(candidate: Verdict) -> None:
        nonlocal best
        if (
            best is None
            or candidate.score > best.score
            or (candidate.score == best.score and _width(candidate) > _width(best))
        ):
            best = candidate

    for match, is_negated in reading.phrases:
        info = match.info
        words = " ".join(reading.words[match.start : match.end])
        if is_negated:
            negated.append(words)
            continue
        kind = "opt-out phrase" if info.kind == Kind.OPT_OUT else "phrase"
        consider(
            Verdict(
                Action.NONE,
                info.phrase.confidence,
                1.0 - info.phrase.confidence,
                "opt_out_phrase" if info.kind == Kind.OPT_OUT else "unclear",
                f"phrase.{info.name}",
                info.language,
                (match.start, match.end),
                f"{kind} {words!r} ({info.phrase.note})",
            )
        )
    starts: list[KeywordCue] = []
    helps: list[KeywordCue] = []
    # A keyword inside a phrase is read as part of that phrase ("the texts won't stop").
    explained = [(m.start, m.end) for m, is_negated in reading.phrases if not is_negated]
    denied = [(m.start, m.end) for m, is_negated in reading.phrases if is_negated]
    for cue, is_negated in reading.cues:
        if cue.hit.action is Action.OPT_OUT and any(
            s <= cue.start and cue.end <= e for s, e in explained
        ):
            continue
        if (
            denied
            and any(s <= cue.start and cue.end <= e for s, e in denied)
            and not is_standalone(reading, cue.hit.text)
        ):
            # "I never want these texts to stop": the phrase is negated; not "Nope. Not
            # yes. STOP", whose phrase ("yes stop") runs across the full stop
            is_negated = True

        if cue.hit.action is Action.OPT_OUT:
            if is_negated:
                negated.append(cue.hit.text)
                continue
            score, why = _cue_score(reading, cue)
            consider(
                Verdict(
                    Action.NONE,
                    score,
                    1.0 - score,
                    cue.hit.intent,
                    "keyword.in_text",
                    cue.hit.language,
                    (cue.start, cue.end),
                    why,
                    sender=cue.hit.sender,
                    standalone=reading.standalone.get(cue.hit.text, False),
                )
            )
        elif not is_negated and cue.hit.strength is not Strength.WORD:
            (starts if cue.hit.action is Action.OPT_IN else helps).append(cue)
        elif is_negated and cue.hit.action is Action.OPT_IN and closes(reading.words, cue.end):
            reading.refused.append(cue.hit.text)  # "do not unstop" (not "don't start with me")
    if best is not None and best.score >= 0.8 and (starts or reading.opt_in):
        again = f"says {starts[0].hit.text.upper()!r}" if starts else "asks for the texts again"
        return best._replace(
            score=0.6,
            force_review=True,
            rule="mixed.opt_out_opt_in",
            explanation=f"{best.explanation}; but it also {again}",
        )
    if best is not None and best.score >= 0.8 and reading.keep and not best.standalone:
        return best._replace(
            score=0.6,
            force_review=True,
            rule="mixed.opt_out_keep",
            explanation=f"{best.explanation}; but it also asks to keep getting texts",
        )
    question = reading.asks_help
    if (
        question is not None
        and best is not None
        and best.score < _HELP_OVER
        and best.span is not None
        and question.start <= best.span[0]
        and best.span[1] <= question.end
    ):
        # "Who is this?", "¿Quién es?": a question about the sender that nothing more than
        # doubt reads as an opt-out; the HELP reply answers it (and says how to opt out)
        return help_question(question, reading.words)
    if best is not None and best.score > 0.35:
        return best
    if reading.refused and not negated:
        # Refusing to be subscribed again ("Do NOT resubscribe me", "I'm not opting back
        # in") says the person wants no texts: an opt-out, or a person decides when the
        # message also asks for the texts, or is a question ("why don't you resubscribe me?")
        asked = "?" in reading.raw or (
            bool(reading.content) and reading.words[reading.content[0]] in ("why", "how")
        )
        mistaken = any(_WANTS_TO_STAY in why for _s, _e, why in reading.benign)
        unsure = bool(reading.opt_in or starts) or asked or mistaken
        return Verdict(
            Action.NONE,
            0.6 if unsure else 0.85,
            0.4 if unsure else 0.15,
            "refused_opt_in",
            "negation.opt_in",
            None,
            None,
            f"refuses to be subscribed again: {reading.refused[0]!r} follows 'don't', 'never' "
            "or similar",
            force_review=unsure,
        )
    if reading.opt_in and not negated:
        match = reading.opt_in[0]
        words = " ".join(reading.words[match.start : match.end])
        return Verdict(
            Action.OPT_IN,
            best.score if best else 0.0,
            0.85,
            "start_phrase",
            f"phrase.{match.info.name}",
            match.info.language,
            (match.start, match.end),
            f"opt-in phrase {words!r} ({match.info.phrase.note})",
        )
    for cue in starts:
        if reading.content and cue.start <= reading.content[0] and leads(reading.raw, cue.hit.text):
            return Verdict(
                Action.OPT_IN,
                0.0,
                0.85,
                cue.hit.intent,
                "keyword.leading",
                cue.hit.language,
                (cue.start, cue.end),
                f"the message opens with the keyword {cue.hit.text.upper()!r}",
            )
    if starts and any(_WANTS_TO_STAY in why for _s, _e, why in reading.benign):
        cue = starts[0]
        return Verdict(
            Action.OPT_IN,
            0.0,
            0.8,
            cue.hit.intent,
            "keyword.start_after_mistake",
            cue.hit.language,
            (cue.start, cue.end),
            f"says the STOP was a mistake, and {cue.hit.text.upper()!r}",
        )
    count = len(reading.content)
    for cues, action in ((helps, Action.HELP), (starts, Action.OPT_IN)):
        for cue in cues:
            edge = (
                not reading.content
                or cue.start <= reading.content[0]
                or (cue.end - 1 >= reading.content[-1])
            )
            if count <= (6 if action is Action.HELP else 3) and edge:
                return Verdict(
                    action,
                    0.0,
                    0.8,
                    cue.hit.intent,
                    "keyword.in_text",
                    cue.hit.language,
                    (cue.start, cue.end),
                    f"the keyword {cue.hit.text.upper()!r} in a short message",
                )
    if reading.asks_help is not None and best is None and not negated:
        return help_question(reading.asks_help, reading.words)
    if negated:
        return Verdict(
            Action.NONE,
            best.score if best else 0.1,
            0.85,
            "negated_opt_out",
            "negation",
            None,
            None,
            f"negated: {negated[0]!r} follows 'don't', 'never' or similar",
        )
    if best is not None:
        return best
    if reading.benign:
        start, end, why = reading.benign[0]
        words = " ".join(reading.words[start:end])
        return Verdict(
            Action.NONE,
            0.1,
            0.9,
            "benign_keyword",
            "benign",
            None,
            None,
            f"{words!r} is not an opt-out here ({why})",
        )
    return NO_INTENT


# How the benign readings of an opt-out sent by mistake end their note ("I accidentally
# replied STOP' (wants to stay)"): with such a reading a START in the message is meant.
_WANTS_TO_STAY = "(wants to stay)"
NO_INTENT = Verdict(Action.NONE, 0.0, 1.0, "no_intent", "none", None, None, "no opt-out wording")


def help_question(match: PhraseMatch, words: list[str]) -> Verdict:
    """A question about the texts or how to reach the sender, answered with the HELP reply."""
    asked = " ".join(words[match.start : match.end])
    return Verdict(
        Action.HELP,
        0.0,
        0.8,
        "help_question",
        f"phrase.{match.info.name}",
        match.info.language,
        (match.start, match.end),
        f"help question {asked!r} ({match.info.phrase.note})",
    )
