"""Czech and Slovak (a small lexicon: the keywords and the commonest 'stop sending me
texts'; the two fold to many of the same words: 'zrušit/zrušiť odběr/odber')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

# Slovak "správy" (messages) only in its plural forms: Czech "správu" is administration
MSG = "zprav~|spravy|sprav|spravami|sms~|esemes~|reklam~|upozorneni|nabid~|spam"
SEND = "posilat|posilejte|posilej|psat|piste|pis|kontaktovat|kontaktujte|volat|volejte"
SEND += "|obtezovat|otravovat|posielat|posielajte|pisat|volajte|otravovat"

LEXICON = Lexicon(
    language="cs",
    name="Czech/Slovak",
    opt_out=(
        Keyword("ODHLÁSIT", "usage: 'unsubscribe'", S.STRONG),
        Keyword("ODHLÁSIT SE", "usage: 'unsubscribe'", S.STRONG),
        Keyword("ODHLASTE MĚ", "usage: 'unsubscribe me'", S.STRONG),
        Keyword("ZRUŠIT", "usage: 'cancel'", S.WORD),
        Keyword("KONEC", "usage: 'end'", S.WORD),
        Keyword(
            "ZRUŠIT ODBĚR", "usage: 'cancel the subscription' (Slovak 'zrušiť odber')", S.STRONG
        ),
        Keyword("ODHLÁSIŤ", "usage: Slovak 'unsubscribe'", S.STRONG),
        Keyword("ODHLÁSTE MA", "usage: Slovak 'unsubscribe me'", S.STRONG),
    ),
    help=(Keyword("POMOC", "usage: 'help'"),),
    courtesy=("prosim", "dekuji", "diky", "uz", "hned", "ihned", "dobry", "den"),
    opt_out_phrases=(
        Phrase(
            f"(prestante|prestan|prestat|prestante uz) (mi|nam)? (uz)? ({SEND}|{MSG})",
            "usage: 'přestaňte mi posílat zprávy'",
        ),
        Phrase(
            "nepiste|nekontaktujte|nevolejte|neotravujte|neobtezujte|nepis|nevolajte",
            "usage: 'nepište mi' (don't write, call or bother me)",
        ),
        Phrase(
            f"neposilejte|neposilej|neposielajte|neposielaj (mi|nam)? (uz)? ({MSG}|uz|vice|vic"
            "|dalsi|viac)",
            "usage: 'neposílejte mi už zprávy' (not 'neposílejte mi to' about a parcel)",
        ),
        Phrase(
            f"nechci|nechceme|nechcem (uz)? ... ({MSG})",
            "usage: 'nechci žádné zprávy', Slovak 'nechcem dostávať správy'",
        ),
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
