"""Icelandic (a small lexicon; 'æ' folds to 'ae', 'ð' to 'd', 'þ' to 'th')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "skilabod|sms|smaskilabod|auglysingar"

LEXICON = Lexicon(
    language="is",
    name="Icelandic",
    opt_out=(
        Keyword("HÆTTA", "usage: 'quit, stop', alone only", S.WORD),
        Keyword("HÆTTA ÁSKRIFT", "usage: 'cancel the subscription'", S.STRONG),
        Keyword("AFSKRÁ", "usage: 'unregister' (a car too): alone only", S.WORD),
        Keyword("AFSKRÁ MIG", "usage: 'unregister me'", S.STRONG),
    ),
    help=(Keyword("HJÁLP", "usage: 'help'"),),
    courtesy=("takk", "vinsamlegast", "nuna"),
    opt_out_phrases=(
        Phrase(
            f"haettu|haettid ad senda (mer|okkur)? ({MSG})?",
            "usage: 'Hættið að senda mér skilaboð'",
        ),
        Phrase(f"ekki senda (mer|okkur)? (fleiri|meira)? ({MSG})", "usage: 'Ekki senda mér SMS'"),
    ),
    negations=("ekki", "aldrei"),
    typos=False,
)
