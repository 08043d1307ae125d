"""Mongolian, in Cyrillic (a small lexicon: the keywords and 'don't send me messages'; "й"
folds to "и")."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "мессеж~|мэссэж~|месеж~|зурвас~|смс|sms|мэдээ~|сурталчилгаа~"
SEND = "явуул~|илгээ~|ирүүл~"

LEXICON = Lexicon(
    language="mn",
    name="Mongolian",
    opt_out=(
        Keyword("ЗОГСОО", "usage: 'stop (it)!', alone only", S.WORD),
        Keyword("ЗОГС", "usage: 'stop!', alone only", S.WORD),
        Keyword("БОЛИУЛААЧ", "usage: 'please stop it', alone only", S.WORD),
    ),
    courtesy=("баярлалаа", "гуйя", "уу", "үү", "одоо"),
    opt_out_phrases=(
        Phrase(
            f"({MSG}) битгий ({SEND})",
            "usage: 'Надад мессеж битгий явуул' (don't send me messages)",
        ),
        Phrase(
            f"битгий (надад|над руу|бидэнд)? ({MSG}) ({SEND})",
            "usage: 'Битгий надад мессеж явуулаарай' (don't send me messages)",
        ),
        Phrase(
            f"({MSG}) зогсоо~|болиул~",
            "usage: 'Мессежээ зогсоо' (stop the messages)",
        ),
        Phrase(
            "илгээх~|явуулах~|ирүүлэх~ боль~",
            "usage: 'Надад мессеж илгээхээ больно уу' (please stop sending me messages)",
        ),
        Phrase(
            "жагсаалт~|бүртгэл~ хас~|устга~",
            "usage: 'Жагсаалтаас хасна уу' (take me off the list)",
        ),
    ),
    typos=False,
)
