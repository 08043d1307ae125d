"""Swedish (a small lexicon: the keywords and the commonest 'stop sending me texts')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "sms~|meddelande~|reklam~|utskick~|notis~|notiser|erbjudande~|textmeddelande~|spam"
SEND = "skicka|skickar|skriva|skriv|kontakta|kontaktar|ringa|ringer|messa|smsa|sms|stora"

LEXICON = Lexicon(
    language="sv",
    name="Swedish",
    opt_out=(
        Keyword("STOPPA", "usage: 'stop', the usual reply Swedish programs name"),
        Keyword("SLUTA", "usage: 'stop (it)'", S.WORD),
        Keyword("AVREGISTRERA", "usage: 'unregister'", S.STRONG),
        Keyword("AVSLUTA", "usage: 'end (the subscription)'", S.WORD),
        Keyword("AVBRYT", "usage: 'cancel' (Swedish and Norwegian)", S.WORD),
        Keyword("AVANMÄL", "usage: 'unsubscribe'", S.STRONG),
        Keyword("AVPRENUMERERA", "usage: 'unsubscribe'", S.STRONG),
    ),
    help=(Keyword("HJÄLP", "usage: 'help'"),),
    courtesy=("tack", "snalla", "nu", "hej", "genast", "omedelbart", "vanligen"),
    opt_out_phrases=(
        # -- fourteenth independent test (2026-12-05)
        Phrase(
            "^ (avsluta|avbryt|sag upp) (min)? (prenumeration|prenumerationen|sms prenumeration) $",
            "usage: 'Avsluta prenumeration' (end the subscription) as the whole message",
        ),
        Phrase(
            f"sluta|stoppa att? ({SEND}|{MSG})",
            "usage: 'sluta skicka sms till mig'",
        ),
        Phrase(
            "(skicka|skriv|kontakta|ring|messa|smsa) inte (till)? (mig|oss|mer|fler)",
            "usage: 'skicka inte fler sms'",
        ),
        Phrase(f"(skicka|skriv) inga (fler|mer)? ({MSG})", "usage: 'skicka inga fler sms'"),
        Phrase(
            f"(vill|onskar) inte (ha|fa|ta emot|langre ha|langre fa)? ... ({MSG})",
            "usage: 'jag vill inte ha fler sms'",
        ),
        Phrase(
            "ta bort|radera (mig|oss|mitt nummer|mitt telefonnummer|numret|mitt mobilnummer)",
            "usage: 'ta bort mitt nummer'",
        ),
        Phrase(f"inga fler|mer ({MSG})", "usage: 'inga fler sms'"),
        Phrase("(fel nummer|fel person)", "usage: wrong number"),
    ),
    review_phrases=(Phrase("(inte intresserad|ej intresserad)", "usage: 'not interested'", 0.6),),
    negations=("inte", "aldrig", "sluta inte"),
)
