"""The two rules Stopline is compared with, computed in the same run.

- ``exact``: what providers document: the whole message body, ignoring case and surrounding
  whitespace, equals a keyword (Twilio: "Only single-word messages will trigger the
  block"). Generous: surrounding punctuation is ignored too, and the keyword sets are the
  full compliance.md table, non-English keywords included.
- ``starts_with``: the message starts with a keyword (first one or two words, punctuation
  stripped), a common home-grown improvement.
"""

from __future__ import annotations

import string

OPT_OUT = frozenset(
    w.casefold()
    for w in [
        "STOP",
        "QUIT",
        "END",
        "REVOKE",
        "CANCEL",
        "UNSUBSCRIBE",
        "STOPALL",
        "OPTOUT",
        "OPT-OUT",
        "UNSUB",
        "REMOVE",
        "STOP2QUIT",
        "ARRET",
        "ARRÊT",
        "ALTO",
        "PARAR",
        "BAJA",
        "SAIR",
        "STOPP",
        "TD",
    ]
) | {"opt out", "stop all"}
OPT_IN = frozenset({"start", "unstop", "yes"})
HELP = frozenset({"help", "info", "aide", "ayuda"})
_STRIP = string.whitespace + string.punctuation


def _action(word: str) -> str | None:
    if word in OPT_OUT:
        return "opt_out"
    if word in OPT_IN:
        return "opt_in"
    if word in HELP:
        return "help"
    return None


def exact(text: str) -> str:
    return _action(text.strip(_STRIP).casefold()) or "none"


def starts_with(text: str) -> str:
    words = [w.strip(_STRIP).casefold() for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return "none"
    return _action(" ".join(words[:2])) or _action(words[0]) or "none"
