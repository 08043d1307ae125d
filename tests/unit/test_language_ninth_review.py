"""Findings left open by the eighth independent test, taken up on 2026-12-04 (seventh session):
"&" between words read as "and" ("Stop & go traffic" is traffic), "take me off speaker" (a
call, not a list), "I'd hate to unsubscribe" and "I accidentally hit unsubscribe" (reasons to
stay), French "arrête de rire" (another activity), and "texts = unwanted" (an opt-out the
everyday-word guard had outvoted). From a provider tester the same day: "STOPSTOP", one word
typed twice without a space, was read as nothing."""

from __future__ import annotations

import pytest

from stopline.domain.language import Action
from stopline.domain.language.normalise import fold, fold_spans, repeated
from tests.unit.language_cases import action

OUT, NONE = Action.OPT_OUT, Action.NONE


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Stop & go", "stop and go"),
        ("Q&A tonight", "q and a tonight"),
        ("STOP&", "stop"),
        ("& STOP", "stop"),
        ("&&", ""),
        ("stop &amp; go", "stop and go"),
        ("Arrête & rire", "arrete and rire"),
        ("wrong #", "wrong number"),
    ],
)
def test_an_ampersand_between_words_reads_and(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("STOPSTOP", "stop stop"),
        ("StopStopStop!", "stop stop stop"),
        ("unsubscribeunsubscribe", "unsubscribe unsubscribe"),
        ("STOP" * 50, " ".join(["stop"] * 50)),
        ("hahahaha", "hahahaha"),  # a period under three letters is laughter, not a word
        ("stopsto", "stopsto"),  # not a whole number of repeats
    ],
)
def test_one_word_typed_several_times_reads_as_the_word_repeated(text: str, read: str) -> None:
    assert repeated(fold(text)) == read


@pytest.mark.parametrize("text", ["Stop & go", "STOP&", "& STOP", "take me off & on", "a&b &"])
def test_spans_follow_the_same_words(text: str) -> None:
    words, spans = fold_spans(text, fold(text).split())
    assert words == (fold(text).split() if fold(text) else [])
    assert len(spans) == len(words)
    for word, (start, end) in zip(words, spans, strict=True):
        piece = text[start:end].lower()
        assert piece == word or (word == "and" and piece == "&")


@pytest.mark.parametrize(
    "text",
    [
        "STOP",
        "STOP&",
        "Stop & unsubscribe",
        "stop & stop",
        "Stop and go away",
        "stop & go away",
        "texts = unwanted. remove.",
        "Your texts are unwanted",
        "these messages are unwelcome",
        "msgs unsolicited",
        "arrête de m'écrire",
        "Arrêtez de m'envoyer des SMS",
        "take me off the list",
        "I don't want to unsubscribe but please stop texting me",
        "I accidentally hit unsubscribe, but now stop texting me",
        "STOPSTOP",
        "STOPSTOPSTOP",
        "stop" * 50,
        "DURDUR",  # Turkish 'stop it' is a keyword of its own, not "dur" twice
        "durdur lütfen",
    ],
)
def test_these_stay_or_become_opt_outs(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    [
        "Stop & go traffic",
        "Stop & go",
        "Take me off speaker",
        "take me off speakerphone pls",
        "Arrête de rire lol",
        "arrete de pleurer",
        "I'd hate to unsubscribe, these are great",
        "I would never want to unsubscribe",
        "I accidentally hit unsubscribe on the email",
        "I accidentally clicked the unsubscribe link",
        "I get unwanted texts from a scammer",
        "hahahaha",
        "byebye",
    ],
)
def test_these_are_not_opt_outs(text: str) -> None:
    assert action(text) is not OUT
