"""The eighth independent test (2026-12-04): "opting out", STOP2END (beside STOP2QUIT), the
Swedish/Norwegian AVBRYT ('cancel'), "take me off the list" in Chinese, Vietnamese and Arabic,
"opt out" in Devanagari, and Traditional 別再傳 read as nothing; Spanish EMPEZAR ('start') was
not an opt-in. Each is now a keyword or phrase; the sentences around them keep their usual
readings (negation, benign use)."""

from __future__ import annotations

import pytest

from stopline.domain.language import Action
from tests.unit.language_cases import action

OUT, NONE, IN = Action.OPT_OUT, Action.NONE, Action.OPT_IN


@pytest.mark.parametrize(
    "text",
    [
        "opting out",
        "Opting out.",
        "OPTING OUT please",
        "STOP2END",
        "Avbryt",
        "avbryt takk",
        "別再傳簡訊給我",
        "请把我移出名单",
        "Xóa tôi khỏi danh sách",
        "xoa toi khoi ds",
        "أزلني من القائمة",
        "ऑप्ट आउट",
        "Kindly desist from sending me messages",
        "Please refrain from texting me",
    ],
)
def test_these_whole_messages_are_opt_outs(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    [
        "don't stop2end",
        "I'm opting out of the raffle, keep me on texts",
        "I will refrain from texting during the meeting",
        "refrain from sending it before friday",
    ],
)
def test_around_them_negation_and_benign_uses_still_read_as_nothing(text: str) -> None:
    assert action(text) is NONE


def test_empezar_is_an_opt_in_alone_and_nothing_in_a_sentence() -> None:
    assert action("EMPEZAR") is IN and action("Empezar") is IN
    assert action("Empezar de nuevo con el proyecto") is NONE
