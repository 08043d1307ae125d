"""The eighth independent test (2026-12-04): "opting out", STOP2END (beside STOP2QUIT) and
the Swedish/Norwegian AVBRYT ('cancel') read as nothing. Each is now a keyword; the
sentences around them keep their usual readings (negation, benign use)."""

from __future__ import annotations

import pytest

from stopline.domain.language import Action, ClassifyContext
from stopline.domain.language.engine import classify_strict

OUT, NONE = Action.OPT_OUT, Action.NONE


def action(text: str) -> Action:
    return classify_strict(text, ClassifyContext()).action


@pytest.mark.parametrize(
    "text", ["opting out", "Opting out.", "OPTING OUT please", "STOP2END", "Avbryt", "avbryt takk"]
)
def test_these_whole_messages_are_opt_outs(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text", ["don't stop2end", "I'm opting out of the raffle, keep me on texts"]
)
def test_around_them_negation_and_benign_uses_still_read_as_nothing(text: str) -> None:
    assert action(text) is NONE
