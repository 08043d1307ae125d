"""Finnish (a small lexicon: the keywords and the commonest 'stop sending me messages')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

# Folded: "viestejä" -> "viesteja", "lähettäminen" -> "lahettaminen".
MSG = "viest~|tekstiviest~|sms~|tekstari~|mainos~|markkinointi~|tarjou~|ilmoitu~|spam~"
SEND = "lahettamasta|lahettamista|lahettaminen|lahettamisen|laheta|lahettaa|lahettako"
SEND += "|lahettakaa|kirjoita|kirjoittamasta|soita|soittamasta|viestita|viestittamasta"

LEXICON = Lexicon(
    language="fi",
    name="Finnish",
    opt_out=(
        Keyword("LOPETA", "usage: 'stop (it)', imperative", S.WORD),
        Keyword("LOPETTAKAA", "usage: 'stop (it)', plural/polite imperative", S.WORD),
        Keyword("PERUUTA", "usage: 'cancel'", S.WORD),
        Keyword(
            "POIS",
            "usage: 'off', the opt-out reply of Finnish SMS services (Portuguese 'pois'"
            " is 'well': Finnish senders only)",
            S.WORD,
            True,
        ),
    ),
    help=(Keyword("APUA", "usage: 'help'"),),
    courtesy=("kiitos", "kiitti", "kiitoksia", "nyt", "jo", "heti", "hei", "valittomasti"),
    opt_out_phrases=(
        Phrase(
            f"lopeta|lopettakaa|lopettaisitteko|lopettaa ({MSG}|{SEND})",
            "usage: 'lopeta viestit', 'lopettakaa viestien lähettäminen'",
        ),
        Phrase(
            f"(ala|alkaa) ({SEND}) (minulle|mulle|meille|enaa|lisaa|tahan|{MSG})?",
            "usage: 'älä lähetä enää viestejä'",
        ),
        Phrase(f"(en|emme) halua ... ({MSG})", "usage: 'en halua enää viestejä'"),
        Phrase(
            "poista|poistakaa|poistaa (minut|meidat|numeroni|numeromme|numero|tama numero)",
            "usage: 'poistakaa minut listalta'",
        ),
        Phrase(f"ei enaa ({MSG})", "usage: 'ei enää viestejä'"),
        Phrase(
            "peru|peruuta|peruutan|lopeta|lopetan|lopettakaa (tilaus|tilaukseni|tilauksen) $",
            "usage: 'peru tilaus' (cancel the subscription, as a whole reply)",
        ),
        Phrase("(vaara numero|vaara henkilo)", "usage: wrong number"),
    ),
    review_phrases=(Phrase("ei kiinnosta", "usage: 'not interested'", 0.6),),
    benign=(
        Phrase(
            "lopeta|lopettaa|lopettakaa (tupakointi|polttaminen|juominen|tyot|tyo|koulu)",
            "usage: 'lopeta tupakointi' (quit smoking)",
        ),
        Phrase(
            "peruuta|peruuttaa (varaus|varauksen|aika|ajan|tapaaminen|kaynti|lento|matka)",
            "usage: 'peruuta varaus' (cancel the booking)",
        ),
    ),
    negations=("ala", "alkaa", "en", "ei"),
)
