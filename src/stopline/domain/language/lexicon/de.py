"""German."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

AWS = "AWS German opt-out keyword (compliance.md)"
MSG = "nachricht~|sms|werbung|textnachricht~|mitteilung~|benachrichtigung~|angebot~|spam~"
MSG += "|anruf~|mails|e mails|newsletter"

LEXICON = Lexicon(
    language="de",
    name="German",
    opt_out=(
        Keyword("STOPP", AWS),
        Keyword("ABMELDEN", "usage: 'unsubscribe', standard in German newsletters", S.STRONG),
        Keyword("ABBESTELLEN", "usage: 'cancel a subscription'", S.STRONG),
        Keyword("AUSTRAGEN", "usage: 'remove from the list'", S.STRONG),
        Keyword("ENDE", "usage: 'end'", S.WORD),
        Keyword("BEENDEN", "usage: 'to end'", S.WORD),
        Keyword("KUNDIGEN", "usage: 'cancel'", S.WORD),
        Keyword("AUFHOREN", "usage: 'stop'", S.WORD),
        Keyword("HOR AUF", "usage: 'stop it'"),
        Keyword("HOREN SIE AUF", "usage: 'stop it' (formal)"),
    ),
    opt_in=(Keyword("ANMELDEN", "usage: 'subscribe'", S.WORD, True),),
    help=(Keyword("HILFE", "usage: 'help'"),),
    courtesy=(
        "bitte",
        "danke",
        "jetzt",
        "sofort",
        "vielen",
        "dank",
        "ok",
        "hallo",
        "ja",
        "nein",
        "endlich",
        "mal",
        "schon",
    ),
    opt_out_phrases=(
        # -- fourteenth independent test (2026-12-05)
        Phrase(
            "^ (abo|abonnement|newsletter|sms abo|sms abonnement) (kundigen|beenden|abbestellen"
            "|stornieren) $",
            "usage: 'Abo kündigen' (cancel the subscription) as the whole message",
        ),
        Phrase(
            "^ ich|wir will|mochte|moechte|wollen (mich|uns) nicht (wieder|erneut|nochmal)"
            " anmelden|registrieren|abonnieren $",
            "usage: 'ich will mich nicht wieder anmelden'",
        ),
        Phrase(
            f"^ schluss mit (den|der|dem|diesen|euren|ihren)? ({MSG}) $",
            "usage: 'Schluss mit den SMS'",
        ),
        Phrase(
            "^ bitte|melden|meldet|melde (melden|meldet|melde)? sie? mich|uns nicht (wieder"
            "|erneut|nochmal|mehr) an $",
            "usage: 'melden Sie mich nicht wieder an' (refusing to be subscribed again)",
        ),
        Phrase(f"keine weiteren|weitere? ({MSG}) mehr?", "usage: 'keine Nachrichten mehr'"),
        Phrase(
            "will|mochte|moechte|wollen|mag|brauche (ich)? nicht (mehr|wieder|langer) (die|eure"
            f"|ihre|deine)? ({MSG}) (mehr)? (erhalten|bekommen|empfangen|kriegen)",
            "usage: 'ich möchte nicht mehr Nachrichten bekommen'",
        ),
        Phrase(
            "horen|hort|hor sie? auf mir? zu? schreiben|senden|simsen|nerven|schicken",
            "usage: 'hören Sie auf, mir zu schreiben'",
        ),
        Phrase(
            "nicht mehr schreiben|kontaktieren|anschreiben|senden|schicken|anrufen|belastigen",
            "usage: 'bitte nicht mehr schreiben'",
        ),
        Phrase(
            "schreiben|schicken|senden sie|mir|du mir? nicht|keine mehr|nachrichten?",
            "usage: 'schreiben Sie mir nicht mehr'",
        ),
        Phrase(
            "(nehmen sie|nimm) (mich|meine nummer) aus|von",
            "usage: 'nehmen Sie mich aus der Liste'",
        ),
        Phrase(
            "loschen|entfernen sie? (mich|meine nummer|meine daten)",
            "usage: 'löschen Sie meine Nummer'",
        ),
        Phrase("falsche nummer", "usage: wrong number"),
        Phrase("ich habe mich nie angemeldet|registriert", "usage: never signed up"),
        Phrase("abmeld~|abbestell~|austrag~", "usage: unsubscribe anywhere"),
        Phrase("ich mochte|will keine", "usage: 'ich möchte keine (Nachrichten)'"),
        Phrase("lassen sie|lass mich in ruhe", "usage: leave me alone"),
        Phrase("stopp|stop bitte|danke|jetzt|sofort", "usage: 'stopp bitte'"),
        Phrase(
            "widerruf~ ... einwilligung~|zustimmung~|einverstandnis~|erlaubnis",
            "usage: 'ich widerrufe meine Einwilligung' (revocation of consent, DSGVO wording)",
        ),
        Phrase(
            "einwilligung~|zustimmung~|einverstandnis~ ... widerruf~|zuruck|zuruckziehen"
            "|zuruckgezogen|entzogen|entziehen",
            "usage: 'ich möchte meine Einwilligung widerrufen'",
        ),
    ),
    review_phrases=(Phrase("(kein interesse|nicht interessiert)", "usage: declines", 0.6),),
    benign=(
        Phrase("(am|zum|bis zum) ende", "usage: 'am Ende' (at the end)"),
        Phrase(
            "ende des|der|dieser|nachster monats|monat|woche|jahres", "usage: 'Ende des Monats'"
        ),
        Phrase(
            "kundigen sie? meinen|meine|den|die vertrag|termin|abo|bestellung",
            "usage: cancelling a contract or appointment",
        ),
    ),
    opt_in_phrases=(
        Phrase(
            "(wieder|erneut|neu) (anmelden|abonnieren|eintragen|aktivieren|einschalten)",
            "usage: 'bitte wieder anmelden'",
        ),
        Phrase(
            "(nachrichten|sms|benachrichtigungen|angebote|mitteilungen) wieder (erhalten"
            "|bekommen|empfangen|aktivieren|einschalten)",
            "usage: 'ich möchte die SMS wieder erhalten'",
        ),
        Phrase(
            "wieder (nachrichten|sms|benachrichtigungen|angebote) (erhalten|bekommen|empfangen)",
            "usage: 'ich möchte wieder SMS bekommen'",
        ),
    ),
    negations=("nicht", "nie", "bitte nicht", "kein"),
    help_phrases=(
        Phrase(
            "^ wer (ist das|sind sie|ist da|schreibt mir|schreibt hier) $",
            "usage: 'Wer ist das?', 'Wer sind Sie?' (the whole message: the HELP reply)",
        ),
        Phrase(
            "^ was ist das (fur eine nummer|fur eine sms|fur ein dienst)? $",
            "usage: 'Was ist das für eine Nummer?' (the whole message)",
        ),
    ),
)
