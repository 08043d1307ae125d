"""Uzbek, in Latin and Cyrillic script (a small lexicon: the keywords, 'don't send me
messages' and 'unsubscribe'; "o'" folds to "o", "ў" to "у")."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "xabar~|habar~|sms~|reklama~|хабар~|смс~|реклама~"
DONT_SEND = "yubormang|yubormanglar|yuborma|jo'natmang|jo'natma|юборманг|юборманглар|жўнатманг"

LEXICON = Lexicon(
    language="uz",
    name="Uzbek",
    opt_out=(
        Keyword("TO'XTATING", "usage: 'stop (it)!' (polite)"),
        Keyword("TO'XTAT", "usage: 'stop (it)!', alone only", S.WORD),
        Keyword("ТЎХТАТИНГ", "usage: Cyrillic 'stop (it)!' (polite)"),
        Keyword("ТЎХТАТ", "usage: Cyrillic 'stop (it)!', alone only", S.WORD),
        Keyword("OBUNANI BEKOR QILISH", "usage: 'cancel the subscription'", S.STRONG),
        Keyword("ОБУНАНИ БЕКОР ҚИЛИШ", "usage: Cyrillic 'cancel the subscription'", S.STRONG),
    ),
    courtesy=("iltimos", "илтимос", "раҳмат", "энди"),
    opt_out_phrases=(
        Phrase(
            f"({MSG}) ({DONT_SEND})",
            "usage: 'Menga xabar yubormang', 'Менга хабар юборманг' (don't send me messages)",
        ),
        Phrase(
            f"menga|менга ({DONT_SEND}) $",
            "usage: 'Menga yubormang' (don't send me (anything)), ending the message",
        ),
        Phrase(
            "obuna~|обуна~ bekor|бекор",
            "usage: 'Obunani bekor qiling' (cancel the subscription)",
        ),
        Phrase(
            f"({MSG}) (yuborishni|юборишни)? to'xtating|to'xtat|тўхтатинг|тўхтат",
            "usage: 'Xabar yuborishni to'xtating' (stop sending messages)",
        ),
        Phrase(
            "ro'yxat~|рўйхат~ (dan|дан)? o'chiring|chiqaring|ўчиринг|чиқаринг",
            "usage: 'Meni ro'yxatdan o'chiring' (take me off the list)",
        ),
    ),
    typos=False,
)
