"""Hungarian."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "uzenetet|uzeneteket|uzenet|sms|smst|smseket|sms-t|ertesitest|ertesiteseket|reklamot"

LEXICON = Lexicon(
    language="hu",
    name="Hungarian",
    opt_out=(
        Keyword("LEIRATKOZAS", "usage: 'unsubscribing' (leiratkozás)", S.STRONG),
        Keyword("LEIRATKOZOM", "usage: 'I unsubscribe'", S.STRONG),
        Keyword("LEALLITAS", "usage: 'stopping' (leállítás)", S.WORD),
    ),
    help=(Keyword("SEGITSEG", "usage: 'help' (segítség)"),),
    courtesy=("kerem", "koszonom", "koszi"),
    opt_out_phrases=(
        Phrase(
            f"ne kuldjenek|kuldj|kuldjetek|irjanak (tobb|tobbet)? ({MSG})",
            "usage: 'ne küldjenek több üzenetet'",
        ),
        Phrase(
            "^ ne kuldjenek|kuldj|kuldjetek|irjanak|irjatok (tobbet|tobb|semmit)? $",
            "usage: 'ne küldjenek többet' (the whole message; not 'ne küldjétek a csomagot')",
        ),
        Phrase(f"nem kerek (tobb|tobbet)? ({MSG})", "usage: 'nem kérek több üzenetet'"),
        Phrase(
            "^ szeretnek|szeretnem|kerem|akarok leiratkozni $",
            "usage: 'szeretnék leiratkozni' (the whole message: not 'nem szeretnék leiratkozni')",
        ),
        Phrase(
            f"nem akarok|kerek (tobb|tobbet)? ({MSG}) (kapni)?",
            "usage: 'nem akarok több üzenetet kapni'",
        ),
        Phrase(
            "toroljenek|torolje|toroljon|toroljetek a|az? listarol|szamomat|adataimat",
            "usage: 'töröljenek a listáról'",
        ),
    ),
    negations=("ne", "nem"),
)
