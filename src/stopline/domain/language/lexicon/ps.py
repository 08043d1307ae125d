"""Pashto (a small lexicon: the keywords and 'don't send me messages'; Arabic-script letters
fold as Arabic's do: "ک" -> "ك", "ئ" -> "ي")."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

SEND = "لیږئ|لېږئ|رالیږئ|رالېږئ|لیږه|رالیږه|استوئ|رااستوئ"

LEXICON = Lexicon(
    language="ps",
    name="Pashto",
    opt_out=(
        Keyword("بس کړئ", "usage: 'stop it' (enough, do: plural/polite), alone only", S.WORD),
        Keyword("بس کړه", "usage: 'stop it' (singular), alone only", S.WORD),
    ),
    courtesy=("مهرباني", "وکړئ", "مننه", "اوس"),
    opt_out_phrases=(
        Phrase(
            f"پیغام~|مسج~ (مه) ({SEND})",
            "usage: 'ما ته نور پیغامونه مه لیږئ' (don't send me more messages)",
        ),
        Phrase(f"مه ({SEND}) $", "usage: 'مه رالیږئ' (don't send (to me)), ending the message"),
        Phrase(
            "(زه|ما) (نور)? پیغام~ نه غواړم",
            "usage: 'زه نور پیغامونه نه غواړم' (I don't want more messages)",
        ),
    ),
    typos=False,
)
