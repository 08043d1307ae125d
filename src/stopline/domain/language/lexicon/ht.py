"""Haitian Creole (Kreyòl ayisyen)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "mesaj|mesaj yo|tekst~|teks|sms|piblisite|notifikasyon|alet|ofr"
SEND = "voye|anvoye|ekri|rele|tekste|teks|deranje|kontakte|bay"
ME = "m|mwen|nou|moun|nimewo m|nimewo mwen|nimewo sa a|nimewo sa"

LEXICON = Lexicon(
    language="ht",
    name="Haitian Creole",
    opt_out=(
        Keyword("SISPANN", "usage: 'stop'"),
        Keyword("KANPE", "usage: 'stop' (also 'stand up')", S.WORD),
        Keyword("ANILE", "usage: 'cancel'", S.WORD),
        Keyword("DEZABONE", "usage: 'unsubscribe'", S.STRONG),
        Keyword("DEZABONNE", "usage: 'unsubscribe'", S.STRONG),
        Keyword("RETIRE M", "usage: 'remove me'"),
        Keyword("RETIRE MWEN", "usage: 'remove me'"),
    ),
    courtesy=("tanpri", "souple", "mesi", "anpil", "wi", "non", "anko", "kounye", "konnya"),
    opt_out_phrases=(
        Phrase(
            "sispann|kanpe|rete|stop (voye|anvoye|ekri|rele|tekste|teks|deranje|kontakte)",
            "usage: 'sispann voye m mesaj', 'sispann ekri m'",
        ),
        Phrase(
            f"pa (voye|anvoye|ekri|rele|tekste|teks|deranje|kontakte) ({ME}|{MSG}|anyen|anko)",
            "usage: 'pa voye m mesaj ankò' (don't send me messages any more)",
        ),
        Phrase(
            f"(m|mwen|nou) pa (vle|bezwen|renmen) (resevwa|jwenn)? ({MSG}|anko|sa)",
            "usage: 'mwen pa vle resevwa mesaj'",
        ),
        Phrase(
            "retire|wete|efase|soti|retirel (m|mwen|nimewo m|nimewo mwen|non m|non mwen)",
            "usage: 'tanpri retire m nan lis la'",
        ),
        Phrase(
            "(m|mwen|nou) (pa janm|pat janm|pa t) (enskri|abone|dakò|dako)",
            "usage: never signed up",
        ),
        Phrase("(move|pa bon) (nimewo|nimero)", "usage: wrong number"),
        Phrase("(se pa|sa pa) (bon|nimewo) (nimewo|mwen)", "usage: wrong number"),
        Phrase("kite (m|mwen|nou) (anpe|trankil|an pe)", "usage: 'leave me alone'"),
        Phrase("dezabon~", "usage: unsubscribe anywhere"),
    ),
    review_phrases=(Phrase("(m|mwen) pa enterese", "usage: 'not interested'", 0.6),),
    benign=(
        Phrase(
            "anile (randevou|rann vou|komand|rezevasyon|vwayaj|peman)",
            "usage: cancelling an appointment or order",
        ),
    ),
    negations=("pa", "pa janm", "pat"),
)
