"""Keyword tables: each entry is (keyword, language, source). Kept as data."""

from __future__ import annotations

from stopline.domain.language.normalise import fold_text

# (keyword, ISO 639-1 language, where the keyword comes from)
OPT_OUT: tuple[tuple[str, str, str], ...] = (
    ("STOP", "en", "FCC 24-24, 47 CFR 64.1200(a)(10)"),
    ("QUIT", "en", "FCC 24-24"),
    ("END", "en", "FCC 24-24"),
    ("REVOKE", "en", "FCC 24-24"),
    ("OPT OUT", "en", "FCC 24-24"),
    ("CANCEL", "en", "FCC 24-24"),
    ("UNSUBSCRIBE", "en", "FCC 24-24"),
    ("STOPALL", "en", "Twilio, Telnyx default opt-out keywords"),
    ("STOP ALL", "en", "carrier default"),
    ("OPTOUT", "en", "Twilio (May 2025)"),
    ("OPT-OUT", "en", "carrier default"),
    ("UNSUB", "en", "provider default"),
    ("REMOVE", "en", "AWS End User Messaging default"),
    ("STOP2QUIT", "en", "provider default"),
    ("ARRET", "fr", "Canadian carriers (mandatory French keyword)"),
    ("ARRÊT", "fr", "Canadian carriers (mandatory French keyword)"),
    ("ALTO", "es", "Twilio, AWS Spanish keyword"),
    ("PARAR", "es", "AWS Spanish/Portuguese keyword"),
    ("BAJA", "es", "AWS Spanish keyword"),
    ("SAIR", "pt", "AWS Portuguese keyword"),
    ("STOPP", "de", "AWS German keyword"),
    ("TD", "zh", "Chinese SMS convention for 退订"),
    ("退订", "zh", "Chinese SMS convention"),
)

OPT_IN: tuple[tuple[str, str, str], ...] = (
    ("START", "en", "Twilio, Telnyx opt-in keyword"),
    ("UNSTOP", "en", "Twilio, Telnyx opt-in keyword"),
    ("YES", "en", "Twilio treats YES as opt-in"),
)

HELP: tuple[tuple[str, str, str], ...] = (
    ("HELP", "en", "CTIA"),
    ("INFO", "en", "CTIA"),
    ("AIDE", "fr", "Canadian carriers"),
    ("AYUDA", "es", "Spanish, CTIA practice"),
)


def table(entries: tuple[tuple[str, str, str], ...]) -> dict[str, str]:
    """Folded keyword -> language."""
    return {fold_text(word): language for word, language, _ in entries}


OPT_OUT_TABLE = table(OPT_OUT)
OPT_IN_TABLE = table(OPT_IN)
HELP_TABLE = table(HELP)
