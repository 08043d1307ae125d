"""Igbo (a small lexicon: the keywords and 'stop sending me messages'; folded without dots
below: "kwụsị" -> "kwusi")."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "ozi|ozi~|sms|text~|message~"

LEXICON = Lexicon(
    language="ig",
    name="Igbo",
    opt_out=(Keyword("KWỤSỊ", "usage: 'stop', alone only", S.WORD),),
    courtesy=("biko", "daalu"),
    opt_out_phrases=(
        Phrase(
            f"kwusi (izitere|iziga|izite|izitere m|iziteta|izi) ...? ({MSG})",
            "usage: 'Kwụsị izitere m ozi' (stop sending me messages)",
        ),
        Phrase(
            f"achoghi|achoghim (m)? ({MSG})",
            "usage: 'Achọghị m ozi unu ọzọ' (I don't want your messages again)",
        ),
        Phrase(
            f"ezitela|ezitekwala|ezighachila (m)? ({MSG})",
            "usage: 'Ezitela m ozi ọzọ' (don't send me messages again)",
        ),
        Phrase("wepu m $", "usage: 'Wepụ m' (remove me), ending the message"),
        Phrase(
            "(wepu m|wepu nomba m) na (ndeputa|list~)",
            "usage: 'Wepụ m na ndepụta' (take me off the list)",
        ),
    ),
    typos=False,
)
