"""Text normalisation before matching: Unicode compatibility forms, case, accents,
zero-width characters, punctuation, symbols and whitespace."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(
    map(
        ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    ),
    None,
)
_SPACE_RUN = re.compile(r"\s+")


def fold_text(text: str) -> str:
    """Lower-cased, accent-free, punctuation-free text with single spaces.

    ``"  Ｓtop!!  "`` -> ``"stop"``; ``"ARRÊT"`` -> ``"arret"``; ``"opt-out"`` -> ``"opt out"``.
    """
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", text.casefold()):
        category = unicodedata.category(ch)
        if category == "Mn":  # combining accent: drop
            continue
        if category[0] in "PSZC":  # punctuation, symbols (emoji), separators, controls
            out.append(" ")
        else:
            out.append(ch)
    return _SPACE_RUN.sub(" ", "".join(out)).strip()
