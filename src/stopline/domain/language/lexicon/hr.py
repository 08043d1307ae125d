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
        Keyword("ODJAVI", "usage: 'unsubscribe (me)'; also 'log out': alone only", S.WORD),
    ),
    help=(Keyword("POMOC", "usage: 'help' (pomoć)"),),
    courtesy=("molim", "vas", "hvala"),
    opt_out_phrases=(
        Phrase(
            f"prestanite|nemojte mi|nam? slati|pisati|slat (vise)? ({MSG})",
            "usage: 'prestanite mi slati poruke', 'nemojte mi slati poruke'",
        ),
        Phrase(
            f"(ne zelim|ne zelimo|necu|necemo) (vise)? (primati)? ({MSG})",
            "usage: 'ne želim više poruke'",
        ),
        Phrase(
            "odjavite|odjavi|odjavim|odjavit me|nas -s|sa|iz|sutra|danas|sa",
            "usage: 'odjavite me' (not 'odjavi me s treninga')",
        ),
        Phrase(
            f"ne saljite|salji|pisite|pisi (mi|nam)? (vise)? ({MSG}|vise)",
            "usage: 'ne šaljite mi više poruke', 'ne pišite mi više'",
        ),
        Phrase("izbrisite|izbrisi|obrisite moj|moju broj|broj", "usage: 'izbrišite moj broj'"),
    ),
    negations=("ne", "nemoj", "nemojte", "nikad"),
)
