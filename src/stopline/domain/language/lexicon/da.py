"""Danish (a small lexicon: the keywords and the commonest 'stop sending me texts'). STOP is
the English keyword."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "besked~|sms~|reklame~|meddelelse~|tilbud~|notifikation~|spam"
SEND = "sende|send|sender|skrive|skriv|kontakte|kontakt|ringe|ring"

LEXICON = Lexicon(
    language="da",
    name="Danish",
    opt_out=(
        Keyword("AFMELD", "usage: 'unsubscribe'", S.STRONG),
        Keyword("FRAMELD", "usage: 'unsubscribe'", S.STRONG),
        Keyword("AFMELDING", "usage: 'unsubscription'", S.STRONG),
        Keyword("AFSLUT", "usage: 'end (it)'", S.WORD),
    ),
    help=(Keyword("HJÆLP", "usage: 'help'"),),
    courtesy=("tak", "venligst", "nu", "hej", "mange", "straks"),
    opt_out_phrases=(
        Phrase(
            f"(stop|hold op|hold) med? at? ({SEND}|{MSG})",
            "usage: 'stop med at sende beskeder', 'hold op med at skrive'",
        ),
        Phrase("(send|skriv|kontakt|ring) (mig|os) (ikke|aldrig)", "usage: 'skriv mig ikke'"),
        Phrase(
            "(send|skriv) (mig|os)? (ikke|aldrig) (flere|mere)",
            "usage: 'send ikke flere beskeder', 'send mig ikke flere sms'",
        ),
        Phrase(
            f"(vil|onsker) ikke (have|modtage|fa|laengere have|laengere modtage)? ... ({MSG})",
            "usage: 'jeg vil ikke have flere beskeder'",
        ),
        Phrase(
            "fjern|slet (mig|os|mit nummer|nummeret|mit telefonnummer)",
            "usage: 'fjern mit nummer'",
        ),
        Phrase(f"ikke flere|mere ({MSG})", "usage: 'ikke flere beskeder'"),
        Phrase("(forkert nummer|forkert person)", "usage: wrong number"),
    ),
    review_phrases=(Phrase("ikke interesseret", "usage: 'not interested'", 0.6),),
    negations=("ikke", "aldrig"),
)
