"""Catalan. BAIXA ("unsubscribe", also "sick leave") counts only as the whole message, and
only for senders whose languages include Catalan."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "missatges|missatge|sms|notificacions|publicitat|ofertes"

LEXICON = Lexicon(
    language="ca",
    name="Catalan",
    opt_out=(
        Keyword(
            "BAIXA",
            "usage: 'donar-se de baixa' (unsubscribe); also Portuguese 'low' and 'sick leave':"
            " whole message only, for Catalan senders",
            S.WORD,
            home_only=True,
        ),
    ),
    help=(Keyword("AJUDA", "usage: 'help'"),),
    courtesy=("sisplau", "gracies", "merci"),
    opt_out_phrases=(
        Phrase(
            "deixeu|deixin|pareu|pari de|d enviar|escriure me|m|ens",
            "usage: 'deixeu d'enviar-me missatges'",
        ),
        Phrase(
            f"no m|em|ens envieu|enviis|escrigueu (mes)? ({MSG})",
            "usage: 'no m'envieu missatges'",
        ),
        Phrase(f"no vull rebre (mes)? ({MSG})", "usage: 'no vull rebre més missatges'"),
        Phrase(f"^ no vull (mes)? ({MSG}) $", "usage: 'no vull més missatges' (the whole message)"),
        Phrase("no em|m torneu|tornis a escriure|enviar", "usage: 'no em torneu a escriure'"),
        Phrase(
            "doneu|dona|doni|donar me|m|ens de baixa -del|de|dels|la|al|a",
            "usage: 'doneu-me de baixa' (not 'de baixa del gimnàs')",
        ),
    ),
    negations=("no", "mai"),
)
