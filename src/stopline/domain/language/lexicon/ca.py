"""Catalan. BAIXA ("unsubscribe", "sick leave") counts only as the whole message."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "missatges|missatge|sms|notificacions|publicitat|ofertes"

LEXICON = Lexicon(
    language="ca",
    name="Catalan",
    opt_out=(
        Keyword("BAIXA", "usage: 'donar-se de baixa' (unsubscribe); whole message only", S.WORD),
        Keyword("DONEU-ME DE BAIXA", "usage: 'unsubscribe me'", S.STRONG),
    ),
    help=(Keyword("AJUDA", "usage: 'help'"),),
    courtesy=("sisplau", "gracies", "merci"),
    opt_out_phrases=(
        Phrase(
            "deixeu|deixa|deixin|pareu|pari de|d enviar|escriure|molestar me|m|ens|missatges|sms",
            "usage: 'deixeu d'enviar-me missatges'",
        ),
        Phrase(
            f"no m|em|ens envieu|enviis|escrigueu (mes)? ({MSG})",
            "usage: 'no m'envieu missatges'",
        ),
        Phrase(f"no vull (rebre)? (mes)? ({MSG})", "usage: 'no vull rebre més missatges'"),
        Phrase("doneu|dona|doni me|m|ens de baixa", "usage: 'doneu-me de baixa'"),
    ),
    negations=("no", "mai"),
)
