"""Kurdish: Kurmanji (Latin script) and Sorani (Arabic script); a small lexicon: the keywords
and 'don't send me messages'."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

LEXICON = Lexicon(
    language="ku",
    name="Kurdish",
    opt_out=(
        Keyword("BISEKINE", "usage: Kurmanji 'stop!' (singular), alone only", S.WORD),
        Keyword("BISEKININ", "usage: Kurmanji 'stop!' (plural/polite), alone only", S.WORD),
        Keyword("RAWESTÎNE", "usage: Kurmanji 'stop (it)!', alone only", S.WORD),
        Keyword("بوەستە", "usage: Sorani 'stop!' (singular), alone only", S.WORD),
        Keyword("بوەستن", "usage: Sorani 'stop!' (plural/polite), alone only", S.WORD),
    ),
    courtesy=("kerema", "spas", "تکایە", "سوپاس", "ئێستا"),
    opt_out_phrases=(
        Phrase(
            # not "mesaj": Turkish "Mesajın nesine kızdın?" (what about the message…)
            "peyam~ (ji min re|ji bo min|ji me re)? neşînin|neşîne",
            "usage: Kurmanji 'Peyaman ji min re neşînin' (don't send me messages)",
        ),
        Phrase(
            "ez|em naxwazim|naxwazin (ku)? (peyam~|mesaj~|sms)",
            "usage: Kurmanji 'Ez naxwazim peyaman bistînim' (I don't want to get messages)",
        ),
        Phrase(
            "نامە~|مەسج~|پەیام~ (بۆ|بۆم)? مەنێرن|مەنێرە|مەنێرن",
            "usage: Sorani 'نامەم بۆ مەنێرن' (don't send me messages)",
        ),
        Phrase("مەنێرن|مەنێرە $", "usage: Sorani 'مەنێرن' (don't send), ending the message"),
    ),
    typos=False,
)
