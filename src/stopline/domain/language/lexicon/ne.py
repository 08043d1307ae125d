"""Nepali and Marathi in Devanagari (a small lexicon; Hindi has its own)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

LEXICON = Lexicon(
    language="ne",
    name="Nepali/Marathi",
    opt_out=(
        Keyword("रोक्नुहोस्", "usage: Nepali 'please stop', alone only", S.WORD),
        Keyword("बन्द गर्नुहोस्", "usage: Nepali 'turn (it) off', alone only", S.WORD),
        Keyword("थांबवा", "usage: Marathi 'stop (it)', alone only ('गाडी थांबवा')", S.WORD),
        Keyword("बंद करा", "usage: Marathi 'turn (it) off', alone only", S.WORD),
    ),
    courtesy=("कृपया", "धन्यवाद", "अब"),
    opt_out_phrases=(
        Phrase(
            "सन्देश|म्यासेज|मेसेज|एसएमएस नपठाउनुहोस्|नपठाउनु",
            "usage: Nepali 'don't send messages' (not 'पैसा नपठाउनु', money)",
        ),
        Phrase("मेसेज|संदेश|एसएमएस पाठवू नका", "usage: Marathi 'don't send messages'"),
        Phrase(
            "सन्देश|म्यासेज|मेसेज पठाउन बन्द गर्नुहोस्",
            "usage: Nepali 'stop sending messages'",
        ),
    ),
    typos=False,
)
