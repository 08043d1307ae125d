"""Basque (a small lexicon: the keywords, 'stop sending me messages' and the Spanish loan
'baja eman')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "mezu~|sms~|mezua|mezuak|mezurik|iragarki~|publizitate~"

LEXICON = Lexicon(
    language="eu",
    name="Basque",
    opt_out=(
        Keyword("GELDITU", "usage: 'stop', alone only", S.WORD),
        Keyword("UTZI", "usage: 'leave it, stop', alone only", S.WORD),
        Keyword("BAJA EMAN", "usage: 'unsubscribe' (Spanish loan 'baja')"),
        Keyword("HARPIDETZA KENDU", "usage: 'remove the subscription'", S.STRONG),
        Keyword("HARPIDETZA EZEZTATU", "usage: 'cancel the subscription'", S.STRONG),
    ),
    courtesy=("mesedez", "eskerrik", "orain"),
    opt_out_phrases=(
        Phrase(
            f"utzi|gelditu|geldi ({MSG}) bidaltze~",
            "usage: 'Utzi mezuak bidaltzeari' (stop sending messages)",
        ),
        Phrase(
            f"ez (iezadazu|idazu|bidali|bidal) ...? ({MSG}|gehiago)",
            "usage: 'Ez bidali mezu gehiago, mesedez' (don't send more messages)",
        ),
        Phrase(
            f"ez dut|dugu ({MSG}) (gehiago)? (jaso)? nahi",
            "usage: 'Ez dut mezu gehiago nahi' (I don't want more messages)",
        ),
        Phrase(
            "baja eman|hartu (nahi)? (dut|dugu)?",
            "usage: 'Baja eman nahi dut' (I want to unsubscribe)",
        ),
        Phrase(
            "ken|kendu|ezabatu (nazazu|nazazue|nazazu zerrendatik|zerrendatik)",
            "usage: 'Kendu nazazu zerrendatik' (take me off the list)",
        ),
    ),
    negations=("ez",),
    typos=False,
)
