"""Galician (a small lexicon: 'dar de baixa' and 'stop sending me messages'; the Spanish and
Portuguese lexicons read its words shared with them)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Lexicon, Phrase

MSG = "mensaxe|mensaxes|sms|mensaxiños|publicidade"

LEXICON = Lexicon(
    language="gl",
    name="Galician",
    courtesy=("por", "favor", "grazas"),
    opt_out_phrases=(
        Phrase(
            "deixa|deixade|deixe|deixen|deixar de (me|nos)? enviar~|mandar~|escribir~",
            "usage: 'Deixade de enviarme mensaxes' (stop sending me messages)",
        ),
        Phrase(
            "(darme|darnos|dar me|dar nos) de baixa",
            "usage: 'Quero darme de baixa' (I want to unsubscribe)",
        ),
        Phrase(
            "^ quero|queremos a|causar baixa $",
            "usage: 'Quero a baixa' (I want out), the whole message (not 'a baixa médica')",
        ),
        Phrase(
            f"non (me|nos)? (envie~|enviedes|mande~|mandedes) (mais)? ({MSG}|mais)",
            "usage: 'Non me enviedes máis mensaxes' (don't send me more messages)",
        ),
        Phrase(
            f"non quero|queremos (recibir)? (mais)? ({MSG})",
            "usage: 'Non quero recibir máis mensaxes' (I don't want more messages)",
        ),
        Phrase(
            "borrade|borrádeme|quitade|eliminade (me|nos)? (da|de) lista",
            "usage: 'Borrádeme da lista' (take me off the list)",
        ),
    ),
    typos=False,
)
