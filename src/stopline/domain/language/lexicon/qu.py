"""Quechua (a small lexicon: 'don't send me (messages) any more')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Lexicon, Phrase

SEND = "kachamuwaychu~|kachamuwaychikchu~|apachimuwaychu~|apachimuwaychikchu~|qillqamuwaychu~"

LEXICON = Lexicon(
    language="qu",
    name="Quechua",
    courtesy=("allichu", "sulpayki", "yusulpayki"),
    opt_out_phrases=(
        Phrase(
            "sayachiy|sayachiychik|sayachiyña (mensaje~|willakuy~|qillqa~)",
            "usage: 'Sayachiy mensajekunata' (stop the messages)",
        ),
        Phrase(
            f"ama|amana|amaña ...? ({SEND})",
            "usage: 'Ama mensajekunata kachamuwaychu' (don't send me messages)",
        ),
    ),
    typos=False,
)
