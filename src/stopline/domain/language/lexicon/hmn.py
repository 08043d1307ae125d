"""Hmong (White Hmong in the Romanized Popular Alphabet; a small lexicon)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "ntawv|lus|xov|xov xwm|sms|text~|message~|msg"

LEXICON = Lexicon(
    language="hmn",
    name="Hmong",
    opt_out=(Keyword("TSUM", "usage: 'stop' (also 'must'), alone only", S.WORD),),
    courtesy=("thov", "ua tsaug", "os", "nawb"),
    opt_out_phrases=(
        Phrase(
            f"(tsis txhob|txhob) (xa|sau) ({MSG})",
            "usage: 'Tsis txhob xa ntawv tuaj rau kuv' (don't send me messages)",
        ),
        Phrase(f"tsum (xa|sau) ({MSG})", "usage: 'Tsum xa ntawv' (stop sending messages)"),
        Phrase("tshem kuv (tawm|npe|lub npe)", "usage: 'Tshem kuv tawm' (remove me)"),
    ),
    negations=("tsis",),
    typos=False,
)
