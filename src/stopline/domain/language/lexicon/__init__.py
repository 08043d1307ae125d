"""Keyword and phrase tables per language, kept as data with their sources."""

from __future__ import annotations

from stopline.domain.language.lexicon import de, en, es, fr, hi, it, ja, ko, nl, pt, ru, tl, vi, zh
from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase, Strength

# Order matters only for a word found in several languages: the first one names its language
# (and so the reply language), e.g. PARAR is reported as Spanish.
LEXICONS: tuple[Lexicon, ...] = tuple(
    module.LEXICON for module in (en, es, fr, pt, de, it, nl, zh, ja, ko, ru, vi, tl, hi)
)
BY_LANGUAGE: dict[str, Lexicon] = {lexicon.language: lexicon for lexicon in LEXICONS}

__all__ = ["BY_LANGUAGE", "LEXICONS", "Keyword", "Lexicon", "Phrase", "Strength"]
