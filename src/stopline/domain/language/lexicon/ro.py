"""Romanian. STOP is already every language's; these are the words Romanian speakers add."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "mesaje|mesajele|mesaj|sms|smsuri|notificari|reclame|oferte"

LEXICON = Lexicon(
    language="ro",
    name="Romanian",
    opt_out=(
        Keyword("DEZABONARE", "usage: 'unsubscribe' (the usual SMS keyword in Romania)", S.STRONG),
        Keyword("OPRIRE", "usage: 'stopping'", S.WORD),
    ),
    help=(Keyword("AJUTOR", "usage: 'help'"),),
    courtesy=("va", "te", "rog", "multumesc", "mersi"),
    opt_out_phrases=(
        Phrase(
            f"nu (mai)? vreau|doresc sa (mai)? primesc ({MSG})",
            "usage: 'nu mai doresc să primesc mesaje'",
        ),
        Phrase(
            f"nu (mi|ma|ne)? mai trimiteti|vreau|doresc|scrieti|contactati ({MSG})",
            "usage: 'nu mai trimiteți mesaje', 'nu mai vreau mesaje'",
        ),
        Phrase(
            "^ nu (mi|ma|ne)? mai trimiteti|vreau|doresc|scrieti|contactati $",
            "usage: 'nu mai vreau' (the whole message; not 'nu mai trimiteți coletul')",
        ),
        Phrase(
            "stergeti|scoateti|eliminati|sterge|scoate ma|mi|ne (din lista|din baza de date"
            "|numarul)",
            "usage: 'ștergeți-mă din listă'",
        ),
        Phrase("dezabon~", "usage: 'vreau să mă dezabonez', 'dezabonați-mă'"),
    ),
    negations=("nu",),
)
