"""Croatian, Serbian and Bosnian in Latin letters (one written standard for these words)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "poruke|poruka|sms|smsove|obavijesti|obavestenja|reklame|ponude"

LEXICON = Lexicon(
    language="hr",
    name="Croatian/Serbian/Bosnian",
    opt_out=(
        Keyword("ODJAVA", "usage: 'unsubscribe' (also 'logging off': alone only)", S.WORD),
        Keyword("ODJAVI", "usage: 'unsubscribe (me)'"),
        Keyword("ODJAVITE ME", "usage: 'unsubscribe me' (polite)", S.STRONG),
        Keyword("ODJAVI ME", "usage: 'unsubscribe me'", S.STRONG),
    ),
    help=(Keyword("POMOC", "usage: 'help' (pomoć)"),),
    courtesy=("molim", "vas", "hvala"),
    opt_out_phrases=(
        Phrase(
            f"prestanite|prestani|nemojte|nemoj mi|nam? slati|pisati|slat (vise)? ({MSG})",
            "usage: 'prestanite mi slati poruke', 'nemojte mi slati poruke'",
        ),
        Phrase(
            f"(ne zelim|ne zelimo|necu|necemo) (vise)? ({MSG}|primati)",
            "usage: 'ne želim više poruke'",
        ),
        Phrase("odjavite|odjavi|odjavim|odjavit me|nas", "usage: 'odjavite me'"),
    ),
    negations=("ne", "nemoj", "nemojte", "nikad"),
)
