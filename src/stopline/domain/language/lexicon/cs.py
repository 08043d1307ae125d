"""Czech (a small lexicon: the keywords and the commonest 'stop sending me texts')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "zprav~|sms~|esemes~|reklam~|upozorneni|nabid~|spam"
SEND = "posilat|posilejte|posilej|psat|piste|pis|kontaktovat|kontaktujte|volat|volejte"
SEND += "|obtezovat|otravovat"

LEXICON = Lexicon(
    language="cs",
    name="Czech",
    opt_out=(
        Keyword("ODHLÁSIT", "usage: 'unsubscribe'", S.STRONG),
        Keyword("ODHLÁSIT SE", "usage: 'unsubscribe'", S.STRONG),
        Keyword("ODHLASTE MĚ", "usage: 'unsubscribe me'", S.STRONG),
        Keyword("ZRUŠIT", "usage: 'cancel'", S.WORD),
        Keyword("KONEC", "usage: 'end'", S.WORD),
    ),
    help=(Keyword("POMOC", "usage: 'help'"),),
    courtesy=("prosim", "dekuji", "diky", "uz", "hned", "ihned", "dobry", "den"),
    opt_out_phrases=(
        Phrase(
            f"(prestante|prestan|prestat|prestante uz) (mi|nam)? (uz)? ({SEND}|{MSG})",
            "usage: 'přestaňte mi posílat zprávy'",
        ),
        Phrase(
            "nepiste|nekontaktujte|nevolejte|neotravujte|neobtezujte|nepis",
            "usage: 'nepište mi' (don't write, call or bother me)",
        ),
        Phrase(
            f"neposilejte|neposilej (mi|nam)? (uz)? ({MSG}|uz|vice|vic|dalsi)",
            "usage: 'neposílejte mi už zprávy' (not 'neposílejte mi to' about a parcel)",
        ),
        Phrase(f"nechci|nechceme (uz)? ... ({MSG})", "usage: 'nechci žádné zprávy'"),
        Phrase(
            "smazte|vymazte|odstrante|odeberte (me|mne|moje cislo|muj cislo|cislo|nas)",
            "usage: 'smažte moje číslo'",
        ),
        Phrase("odhlas~", "usage: unsubscribe in any form"),
        Phrase("(spatne|spatny|chybne) cislo", "usage: wrong number"),
    ),
    review_phrases=(Phrase("nemam zajem", "usage: 'not interested'", 0.6),),
    negations=("ne", "nikdy"),
)
