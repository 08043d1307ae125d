"""Yoruba (a small lexicon: the keywords and 'stop sending me messages'; folded without tone
marks or dots below: "dẹ́kun" -> "dekun")."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "atejise|ateejise|oro|ifiranse|sms|message~"

LEXICON = Lexicon(
    language="yo",
    name="Yoruba",
    opt_out=(
        # home-only: "duro" is Spanish, Portuguese and Italian "hard" ("É duro"); spelt
        # "dúró" with its tone marks it reads as Yoruba whatever the sender's locale
        Keyword("DÚRÓ", "usage: 'stop, wait' (also 'stand'), alone only", S.WORD, True),
        Keyword("DẸ́KUN", "usage: 'stop, cease', alone only", S.WORD),
    ),
    courtesy=("jowo", "joo", "ejowo"),
    opt_out_phrases=(
        Phrase(
            f"deku|dekun|duro (fifi|fi|ifi|ki e fi)? ({MSG})",
            "usage: 'Ẹ dẹ́kun fífi ọ̀rọ̀ ránṣẹ́ sí mi' (stop sending me messages)",
        ),
        Phrase(
            f"mi o|ko fe (awon)? ({MSG})",
            "usage: 'Mi ò fẹ́ àwọn àtẹ̀jíṣẹ́ yìí mọ́' (I don't want these messages any more)",
        ),
        Phrase(
            f"e ma|maa se (fi)? ({MSG})? ranse (si mi)?",
            "usage: 'Ẹ má ṣe fi àtẹ̀jíṣẹ́ ránṣẹ́ sí mi mọ́' (do not send me messages)",
        ),
        Phrase("yo mi kuro $", "usage: 'Ẹ yọ mí kúrò' (remove me), ending the message"),
        Phrase(
            "(yo mi|yo nomba mi) kuro ninu|lori (akojo|atoka|list~)",
            "usage: 'Ẹ yọ mí kúrò nínú àkójọ' (take me off the list)",
        ),
    ),
    typos=False,
)
