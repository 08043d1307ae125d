"""Lithuanian (a small lexicon: the keywords and 'stop sending me messages'; folded without
its diacritics: 'žinučių' -> 'zinuciu')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "zinuciu|zinutes|zinute|pranesimu|pranesimus|pranesimai|sms|reklamu|reklamos"

LEXICON = Lexicon(
    language="lt",
    name="Lithuanian",
    opt_out=(
        Keyword("ATSISAKYTI", "usage: 'to refuse, unsubscribe', alone only", S.WORD),
        Keyword("ATSISAKAU", "usage: 'I unsubscribe, I refuse', alone only", S.WORD),
        Keyword("ATŠAUKTI PRENUMERATĄ", "usage: 'cancel the subscription'", S.STRONG),
        Keyword("ATSISAKYTI PRENUMERATOS", "usage: 'unsubscribe'", S.STRONG),
        Keyword("STABDYTI", "usage: 'to stop', alone only", S.WORD),
    ),
    help=(Keyword("PAGALBA", "usage: 'help'"),),
    courtesy=("prasau", "aciu", "dekoju", "jau", "dabar"),
    opt_out_phrases=(
        Phrase(
            f"nustokite|nustok (man|mums)? (rasyti|siusti|siuntineti) ({MSG})?",
            "usage: 'Nustokite man rašyti', 'nustokite siųsti žinutes'",
        ),
        Phrase(
            f"nebesiuskite|nesiuskite|nebesiusk|nesiusk|nebesiuntinekite (man|mums)? (daugiau)?"
            f" ({MSG}|daugiau)",
            "usage: 'Nebesiųskite žinučių', 'nesiųskite man daugiau pranešimų'",
        ),
        Phrase("nerasykite|neberasykite|neberasyk|nerasyk (man|mums)", "usage: 'Nerašykite man'"),
        Phrase(
            f"atsisakau|atsisakyti (jusu)? ({MSG}|prenumeratos|naujienlaiskio)",
            "usage: 'atsisakau pranešimų' (I refuse the messages)",
        ),
        Phrase("istrinkite|pasalinkite (mano numeri|mane)", "usage: 'ištrinkite mano numerį'"),
    ),
    negations=("ne", "niekada"),
    typos=False,
)
