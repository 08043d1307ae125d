"""Zulu (a small lexicon: the keywords and 'do not send me messages')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

LEXICON = Lexicon(
    language="zu",
    name="Zulu",
    opt_out=(Keyword("YEKA", "usage: 'stop (it), leave (it)', alone only", S.WORD),),
    courtesy=("ngicela", "ngiyabonga", "siyabonga", "manje"),
    opt_out_phrases=(
        Phrase(
            "ningangithumeleli|ungangithumeleli|ningasithumeleli (imilayezo|umlayezo|ama sms)",
            "usage: 'Ngicela ningangithumeleli imilayezo' (please don't send me messages)",
        ),
        Phrase(
            "yekani|yeka|musani|musa ukungithumelela|ukusithumelela (imilayezo|umlayezo)",
            "usage: 'Yekani ukungithumelela imilayezo' (stop sending me messages)",
        ),
    ),
    typos=False,
)
