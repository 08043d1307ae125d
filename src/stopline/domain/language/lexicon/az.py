"""Azerbaijani (a small lexicon: the keywords, 'don't send me messages' and 'unsubscribe';
"ə" is kept, "ı" folds to "i")."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "mesaj~|sms~|ismarıc~|bildiriş~|reklam~"

LEXICON = Lexicon(
    language="az",
    name="Azerbaijani",
    opt_out=(
        Keyword("DAYANDIR", "usage: 'stop (it)!' (singular), alone only", S.WORD),
        Keyword("DAYANDIRIN", "usage: 'stop (it)!' (plural/polite), alone only", S.WORD),
        Keyword("ABUNƏLİKDƏN ÇIX", "usage: 'leave the subscription'", S.STRONG),
    ),
    courtesy=("zəhmət", "xahiş", "edirəm", "təşəkkür", "təşəkkürlər"),
    opt_out_phrases=(
        Phrase(
            f"({MSG}) göndərməyin|göndərmə|göndərməyəsiniz|yazmayın|atmayın",
            "usage: 'Mənə mesaj göndərməyin' (don't send me messages)",
        ),
        Phrase(
            "abunəl~ çıx~|ləğv|imtina",
            "usage: 'Abunəlikdən çıxmaq istəyirəm' (I want to unsubscribe)",
        ),
        Phrase(
            f"({MSG}) dayandırın|dayandır|kəsin",
            "usage: 'Mesajları dayandırın' (stop the messages)",
        ),
        Phrase(
            f"({MSG}) (almaq)? istəmirəm|istəmirik",
            "usage: 'Mesaj istəmirəm' (I don't want messages)",
        ),
        Phrase(
            "məni|nömrəmi siyahıdan|bazadan silin|çıxarın",
            "usage: 'Məni siyahıdan silin' (take me off the list)",
        ),
    ),
    typos=False,
)
