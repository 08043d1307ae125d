"""Maltese (a small lexicon: the keywords and 'don't send me more messages'; "ħ", "ġ", "ż"
fold to h, g, z)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "messaggi|messagg~|sms|messages|texts"
DONT_SEND = "tibaghtulix|tibaghtlix|tibghatulix|tibghatlix|tibaghtuli"

LEXICON = Lexicon(
    language="mt",
    name="Maltese",
    opt_out=(
        Keyword("IEQAF", "usage: 'stop!' (singular imperative)"),
        Keyword("IEQFU", "usage: 'stop!' (plural imperative)"),
        Keyword("ĦASSARNI", "usage: 'unsubscribe me'", S.WORD),
    ),
    courtesy=("joghgbok", "grazzi", "pls"),
    opt_out_phrases=(
        Phrase(
            f"{DONT_SEND} (aktar)? ({MSG})",
            "usage: 'Tibagħtulix aktar messaġġi' (don't send me more messages)",
        ),
        Phrase(f"{DONT_SEND} (aktar)? $", "usage: 'Tibagħtulix aktar' (don't send me more)"),
        Phrase(
            f"ieqaf|ieqfu (ibaghtu|tibaghtu|ibaghat|tibghat) ({MSG})?",
            "usage: 'Ieqfu tibagħtu messaġġi' (stop sending messages)",
        ),
        Phrase(
            "nehhuni|nehhini|hassruni|hassarni mil|mill|minn (il)? lista",
            "usage: 'Neħħuni mil-lista' (take me off the list)",
        ),
        Phrase(
            f"ma nridx|rridx|nixtieqx (aktar)? ({MSG})",
            "usage: 'Ma nridx aktar messaġġi' (I don't want more messages)",
        ),
    ),
    typos=False,
)
