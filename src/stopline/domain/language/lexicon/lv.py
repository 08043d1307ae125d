"""Latvian (a small lexicon: the keywords and 'stop sending me messages'; folded without its
diacritics: 'ziņas' -> 'zinas')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "zinas|zinojumus|zinojumu|zinojumi|sms|reklamas|reklamu|iszinas"  # not "zinu": I know

LEXICON = Lexicon(
    language="lv",
    name="Latvian",
    opt_out=(
        Keyword("ATTEIKTIES", "usage: 'to opt out, to refuse', alone only", S.WORD),
        Keyword("ATRAKSTĪTIES", "usage: 'unsubscribe'", S.STRONG),
        Keyword("ATTEIKT ABONEMENTU", "usage: 'cancel the subscription'", S.STRONG),
    ),
    help=(Keyword("PALĪDZĪBA", "usage: 'help'"),),
    courtesy=("ludzu", "paldies", "tulit", "tagad"),
    opt_out_phrases=(
        Phrase(
            f"partrauciet|partrauc (man|mums)? (sutit|rakstit|sutisanu) ({MSG})?",
            "usage: 'Pārtrauciet sūtīt ziņas'",
        ),
        Phrase(
            f"nesutiet|nesuti|nerakstiet|neraksti (man|mums)? (vairs)? ({MSG}|vairs)",
            "usage: 'Nesūtiet man vairs ziņas'",
        ),
        Phrase(
            f"negribu|negribam|nevelos (sanemt)? (vairs)? ({MSG})",
            "usage: 'Negribu saņemt ziņas'",
        ),
        Phrase("atrakstiet|iznemiet mani|mus", "usage: 'Atrakstiet mani' (unsubscribe me)"),
        Phrase("dzesiet manu numuru", "usage: 'Dzēsiet manu numuru' (delete my number)"),
    ),
    negations=("ne", "nekad"),
    typos=False,
)
