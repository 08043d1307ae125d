"""Hausa (a small lexicon: the keywords and 'stop sending me messages'; "ƙ" is kept)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "sako~|saƙo~|sakon~|saƙon~|sms|text~"

LEXICON = Lexicon(
    language="ha",
    name="Hausa",
    opt_out=(
        Keyword("DAKATAR", "usage: 'stop (it)', alone only", S.WORD),
        Keyword("KU DAINA", "usage: 'stop' (plural/polite)", S.WORD),
    ),
    courtesy=("gode", "yanzu"),
    review_phrases=(
        Phrase(
            "^ daina $",
            "usage: 'Daina' alone: Hausa 'stop', or a Latvian/Lithuanian name (song); a person "
            "decides",
            0.6,
        ),
    ),
    opt_out_phrases=(
        Phrase(
            f"daina|dakatar|dakata (da)? aiko|turo|tura (min|mini|mana|mani)? (da)? ({MSG})",
            "usage: 'Ku daina aiko min da saƙo' (stop sending me messages)",
        ),
        Phrase(
            f"kar|kada (ku)? aiko|turo|tura (min|mini|mana|mani) (da)? ({MSG})",
            "usage: 'Kada ku turo min saƙo' (do not send me messages)",
        ),
        Phrase(
            f"ban|bana son|bukatar ({MSG})",
            "usage: 'Ban son saƙonninku kuma' (I don't want your messages any more)",
        ),
        Phrase("ba na son|bukatar ({MSG})", "usage: 'Ba na son saƙonni' (I don't want messages)"),
        Phrase(
            "cire (ni|lambata) daga (jerin|cikin|list~)",
            "usage: 'Ku cire ni daga jerin' (take me off the list)",
        ),
        Phrase("cire ni|lambata $", "usage: 'Ku cire ni' (remove me), ending the message"),
    ),
    typos=False,
)
