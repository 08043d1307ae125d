"""Norwegian (Bokmål; a small lexicon: the keywords and the commonest 'stop sending me texts').
STOPP is in the German lexicon."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "melding~|sms~|reklame~|varsl~|tilbud~|utsending~|tekstmelding~|spam"
SEND = "sende|send|sender|skrive|skriv|kontakte|kontakt|ringe|ring|mase"

LEXICON = Lexicon(
    language="nb",
    name="Norwegian",
    opt_out=(
        Keyword("AVSLUTT", "usage: 'end (it)'", S.WORD),
        Keyword("AVMELD", "usage: 'unsubscribe'", S.STRONG),
        Keyword("MELD AV", "usage: 'unsubscribe'"),
        Keyword("MELD MEG AV", "usage: 'unsubscribe me'", S.STRONG),
        Keyword("SLUTT", "usage: 'stop (it)'", S.WORD),
        Keyword("STANS", "usage: 'stop'", S.WORD),
    ),
    help=(Keyword("HJELP", "usage: 'help'"),),
    courtesy=("takk", "vennligst", "na", "hei", "tusen", "straks"),
    opt_out_phrases=(
        Phrase(
            f"slutt|stopp|stans|slutte (a|med a|med)? ({SEND}|{MSG})",
            "usage: 'slutt å sende meg meldinger'",
        ),
        Phrase(
            "(ikke|aldri) (send|skriv|kontakt|ring|mas pa) (meg|oss|flere|mer|noe|hit)",
            "usage: 'ikke send meg flere meldinger'",
        ),
        Phrase("(send|skriv|kontakt|ring) (meg|oss) (ikke|aldri)", "usage: 'send meg ikke'"),
        Phrase("(send|skriv) (ikke|aldri) (flere|mer)", "usage: 'send ikke flere meldinger'"),
        Phrase(
            f"(vil|onsker) ikke (ha|motta|fa|lenger ha|lenger motta)? ... ({MSG})",
            "usage: 'jeg vil ikke ha flere meldinger'",
        ),
        Phrase(
            "fjern|slett (meg|oss|nummeret mitt|mitt nummer|nummeret|telefonnummeret mitt)",
            "usage: 'fjern nummeret mitt'",
        ),
        Phrase(f"ingen flere|mer ({MSG})", "usage: 'ingen flere meldinger'"),
        Phrase("(feil nummer|feil person)", "usage: wrong number"),
    ),
    review_phrases=(Phrase("ikke interessert", "usage: 'not interested'", 0.6),),
    negations=("ikke", "aldri"),
)
