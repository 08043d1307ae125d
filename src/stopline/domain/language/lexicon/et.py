"""Estonian (a small lexicon: the keywords and 'stop sending me messages'; folded without its
diacritics: 'sõnumite' -> 'sonumite')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "sonumeid|sonumite|sonumid|sonum|sms|sms e|smse|sms ide|reklaami|reklaame|teateid"

LEXICON = Lexicon(
    language="et",
    name="Estonian",
    opt_out=(
        Keyword("LOOBU", "usage: 'give up, cancel', alone only", S.WORD),
        Keyword("LÕPETA", "usage: 'stop (it)', alone only", S.WORD),
        Keyword("LÕPETAGE", "usage: 'stop (it)', plural/polite, alone only", S.WORD),
        Keyword("TÜHISTA TELLIMUS", "usage: 'cancel the subscription'", S.STRONG),
        Keyword("LOOBU TELLIMUSEST", "usage: 'unsubscribe'", S.STRONG),
        Keyword("LOOBUN TELLIMUSEST", "usage: 'I unsubscribe'", S.STRONG),
    ),
    courtesy=("palun", "aitah", "tanan", "kohe"),
    opt_out_phrases=(
        Phrase(
            f"lopetage|lopeta (mulle|meile)? ({MSG}) (saatmine|saatmise|saatmist)",
            "usage: 'Lõpetage sõnumite saatmine'",
        ),
        Phrase(
            f"lopetage|lopeta (mulle|meile)? (saatmine|saatmise|saatmist|kirjutamine) ({MSG})?",
            "usage: 'Lõpetage saatmine'",
        ),
        Phrase(
            f"arge|ara (saatke|saada|kirjutage|kirjuta) (mulle|meile)? (rohkem|enam)?"
            f" ({MSG}|rohkem|enam)",
            "usage: 'Ärge saatke mulle rohkem sõnumeid'",
        ),
        Phrase(
            "kustutage|eemaldage (minu number|mu number|minu numbri|mu numbri|mind)",
            "usage: 'Kustutage minu number'",
        ),
    ),
    negations=("ei", "mitte", "kunagi"),
    typos=False,
)
