"""Keyword and phrase tables per language, kept as data with their sources."""

from __future__ import annotations

from stopline.domain.language.lexicon import (
    am,
    ar,
    bn,
    ca,
    cs,
    da,
    de,
    el,
    en,
    es,
    fa,
    fi,
    fr,
    he,
    hi,
    hr,
    ht,
    hu,
    ind,
    it,
    ja,
    ko,
    nb,
    nl,
    pl,
    pt,
    ro,
    ru,
    so,
    sv,
    sw,
    th,
    tl,
    tr,
    uk,
    ur,
    vi,
    zh,
)
from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase, Strength

# Order matters only for a word found in several languages: the first one names its language
# (and so the reply language), e.g. PARAR is reported as Spanish.
LEXICONS: tuple[Lexicon, ...] = tuple(
    module.LEXICON
    for module in (
        en,
        es,
        fr,
        pt,
        de,
        it,
        nl,
        zh,
        ja,
        ko,
        ru,
        vi,
        tl,
        hi,
        pl,
        ar,
        ht,
        tr,
        uk,
        fa,
        ur,
        bn,
        sw,
        so,
        am,
        el,
        sv,
        nb,
        da,
        fi,
        ind,
        cs,
        he,
        th,
        ro,
        hu,
        ca,
        hr,
    )
)
BY_LANGUAGE: dict[str, Lexicon] = {lexicon.language: lexicon for lexicon in LEXICONS}

__all__ = ["BY_LANGUAGE", "LEXICONS", "Keyword", "Lexicon", "Phrase", "Strength"]
