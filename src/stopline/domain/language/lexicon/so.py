"""Somali (Latin script)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "fariin~|farriin~|fariim~|farriim~|sms|message~|xayeysiis~|qoraal~|text~"

LEXICON = Lexicon(
    language="so",
    name="Somali",
    opt_out=(
        Keyword("JOOJI", "usage: 'stop (it)'"),
        Keyword("JOOJIYA", "usage: 'stop (it)', plural"),
        Keyword("JOOGSI", "usage: 'stop/halt'", S.WORD),
        Keyword("IGA SAAR", "usage: 'take me off'", S.STRONG),
        Keyword("KA SAAR", "usage: 'take (me) off'", S.WORD),
        Keyword("BAS", "usage: 'enough'", S.WORD, home_only=True),
    ),
    help=(Keyword("CAAWIMAAD", "usage: 'help'"),),
    courtesy=("fadlan", "mahadsanid", "mahadsanidin", "hadda", "waad", "dambe", "mar"),
    opt_out_phrases=(
        Phrase(
            f"jooji|joojiya|joojin ({MSG}|dirista|soo dirista|ii|farriimahan)",
            "usage: 'jooji fariimaha' (stop the messages)",
        ),
        Phrase(
            "ha (ii|noo)? (soo)? (dirin|dirina)",
            "usage: 'ha ii soo dirin fariimo' (don't send me messages)",
        ),
        Phrase(f"(ma rabo|ma doonayo|ma rabno|rabin) ... ({MSG})", "usage: 'fariimo ma rabo'"),
        Phrase(f"({MSG}) ... (ma rabo|ma doonayo|ma rabno)", "usage: 'fariimahan ma rabo'"),
        Phrase(
            "(iga|naga|lambarkayga|numberkayga|nambarkayga) (saar|tirtir|ka saar|ka tirtir)",
            "usage: 'iga saar liiska' (take me off the list)",
        ),
        Phrase("(lambar|nambar|number) (khaldan|qaldan)", "usage: wrong number"),
    ),
    review_phrases=(Phrase("(ma xiiseynayo|xiiso uma qabo)", "usage: 'not interested'", 0.6),),
)
