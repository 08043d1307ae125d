from __future__ import annotations

import pytest

from stopline.domain.language import Action, ClassifyContext, classify
from stopline.domain.language.lexicon import BY_LANGUAGE, LEXICONS

ALL_OPT_OUT = [k.text for lexicon in LEXICONS for k in lexicon.opt_out if not k.home_only]
OPT_IN = [(k.text, "en", k.source) for k in BY_LANGUAGE["en"].opt_in]
HELP = [(k.text, "en", k.source) for k in BY_LANGUAGE["en"].help]


@pytest.mark.parametrize("word", ALL_OPT_OUT)
def test_every_documented_opt_out_keyword(word: str) -> None:
    assert classify(word).action is Action.OPT_OUT
    assert classify(word.lower()).action is Action.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "Stop.",
        "STOP!!",
        "  stop  ",
        "ＳＴＯＰ",
        "s\u200btop",
        "STOP\u00a0",
        "Opt-Out",
        "opt out",
        "ARRÊT",
        "arret",
        "🛑 STOP 🛑",
        "\u201cStop\u201d",
    ],
)
def test_unicode_and_punctuation_variants_are_opt_outs(text: str) -> None:
    assert classify(text).action is Action.OPT_OUT


@pytest.mark.parametrize(
    ("text", "action"),
    [
        *[(w, Action.OPT_IN) for w, _l, _s in OPT_IN],
        *[(w, Action.HELP) for w, _l, _s in HELP],
    ],
)
def test_opt_in_and_help_keywords(text: str, action: Action) -> None:
    assert classify(text).action is action


@pytest.mark.parametrize("text", ["", "   ", "Thanks!", "see you at the bus stop", "stopwatch"])
def test_other_messages_are_none(text: str) -> None:
    assert classify(text).action is Action.NONE


def test_languages_are_reported() -> None:
    assert classify("ARRET").language == "fr"
    assert classify("BAJA").language == "es"
    assert classify("STOP").language == "en"


def test_sender_extra_keywords() -> None:
    context = ClassifyContext(extra_opt_out=frozenset({"LEAVE"}))
    assert classify("leave", context).action is Action.OPT_OUT
    assert classify("leave").action is Action.NONE
    assert classify("STOP", context).action is Action.OPT_OUT  # can never be disabled


def test_classification_explains_itself() -> None:
    result = classify("  Stop. ")
    assert result.rule.startswith("keyword.")
    assert result.span == (2, 7)
    assert "STOP" in result.explanation
    assert result.as_dict()["action"] == "opt_out"
