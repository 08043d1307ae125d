"""Afrikaans (a small lexicon: the keywords and 'stop sending me messages')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "boodskappe|boodskap|sms e|smse|sms|teksboodskappe|advertensies"

LEXICON = Lexicon(
    language="af",
    name="Afrikaans",
    opt_out=(
        Keyword("KANSELLEER", "usage: 'cancel', alone only", S.WORD),
        Keyword("UITSKRYF", "usage: 'unsubscribe'", S.STRONG),
        Keyword("SKRYF MY UIT", "usage: 'unsubscribe me'", S.STRONG),
    ),
    help=(Keyword("HULP", "usage: 'help'"),),
    courtesy=("asseblief", "dankie", "nou"),
    opt_out_phrases=(
        Phrase(
            f"hou op (om)? (vir my|my)? ({MSG}) (te)? (stuur)?",
            "usage: 'Hou op om boodskappe te stuur'",
        ),
        Phrase(
            f"moenie (vir my|my|vir ons)? (meer)? ({MSG}) (stuur)?",
            "usage: 'Moenie vir my meer boodskappe stuur nie'",
        ),
        Phrase("verwyder my (nommer|van die lys|van jou lys)", "usage: 'Verwyder my van die lys'"),
    ),
    negations=("nie", "nooit"),
    typos=False,
)
