"""Dutch."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "sms~|bericht~|berichtjes|reclame|spam|meldingen|aanbiedingen|mails|smsjes|appjes"

LEXICON = Lexicon(
    language="nl",
    name="Dutch",
    opt_out=(
        Keyword("STOPPEN", "usage: 'to stop'", S.WORD),
        Keyword("AFMELDEN", "usage: 'unsubscribe'", S.STRONG),
        Keyword("UITSCHRIJVEN", "usage: 'unsubscribe'", S.STRONG),
        Keyword("OPZEGGEN", "usage: 'cancel'", S.WORD),
        Keyword("GENOEG", "usage: 'enough'", S.WORD),
        Keyword("OPHOUDEN", "usage: 'to stop, to cease' ('ophouden aub')", S.WORD),
        Keyword("HOU OP", "usage: 'stop it'", S.WORD),
        Keyword("HOUD OP", "usage: 'stop it'", S.WORD),
    ),
    opt_in=(
        Keyword("AANMELDEN", "usage: 'sign up'", S.WORD),
        Keyword("HERVATTEN", "usage: 'resume'", S.WORD),
    ),
    opt_in_phrases=(
        Phrase(
            "(ik wil|graag) (weer|opnieuw) (berichten|sms|smsjes|meldingen|updates) (ontvangen)?",
            "usage: 'ik wil weer berichten ontvangen'",
        ),
        Phrase("meld me|mij (weer|opnieuw)? aan", "usage: 'meld me weer aan'"),
    ),
    help=(Keyword("HULP", "usage: 'help'"),),
    courtesy=(
        "aub",
        "alstublieft",
        "alsjeblieft",
        "bedankt",
        "dank",
        "je",
        "u",
        "graag",
        "nu",
        "ok",
        "hallo",
        "ja",
        "nee",
        "meteen",
        "wel",
    ),
    opt_out_phrases=(
        Phrase(
            "^ niet|nooit meer sturen|versturen|smsen|sms|berichten"
            " (aub|a u b|alstublieft|alsjeblieft|graag|pls)? $",
            "usage: 'Niet meer sturen aub'",
        ),
        Phrase(
            "^ ik|wij|we wil|willen (me|mij|ons)? niet (opnieuw|weer|meer) aanmelden|inschrijven"
            "|abonneren $",
            "usage: 'ik wil me niet opnieuw aanmelden'",
        ),
        Phrase(f"geen ({MSG}) meer?", "usage: 'geen berichten meer'"),
        Phrase(f"stuur|sms|app me|mij|ons? geen|niet ({MSG}|meer)", "usage: 'stuur me geen sms'"),
        Phrase(
            "(stop|stoppen|ophouden|hou op|houd op) met (het|de|die|dat|jullie|uw|je|al|al die)?"
            f" (sturen|smsen|berichten|sms~|appen|mailen|bellen|spammen|{MSG})",
            "usage: 'stop met sturen'",
        ),
        Phrase("haal|verwijder me|mij|mijn nummer? van|uit", "usage: 'haal me van de lijst'"),
        Phrase("verwijder|wis mijn nummer|gegevens", "usage: 'verwijder mijn nummer'"),
        Phrase("verkeerd|verkeerde nummer|persoon", "usage: wrong number"),
        Phrase("ik wil me|mij? afmelden|uitschrijven|geen", "usage: 'ik wil me afmelden'"),
        Phrase("ik heb me|mij nooit aangemeld|ingeschreven", "usage: never signed up"),
        Phrase("afmeld~|uitschrijv~|uitgeschreven", "usage: unsubscribe anywhere"),
        Phrase("laat me|mij met rust", "usage: leave me alone"),
    ),
    review_phrases=(
        Phrase("(geen interesse|niet geinteresseerd|nee bedankt)", "usage: declines", 0.6),
    ),
    benign=(
        Phrase(
            "opzeggen van? mijn|de|het abonnement|afspraak|bestelling",
            "usage: cancelling a contract or appointment",
        ),
    ),
    negations=("niet", "nooit", "geen"),
)
