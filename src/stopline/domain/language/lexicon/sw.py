"""Swahili. ACHA ("stop, leave") is also Hindi/Urdu "accha" ("OK") typed in Latin letters,
so it counts only for Swahili senders or inside a phrase with what is sent."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "ujumbe|jumbe|meseji|sms|matangazo|text~|messag~|arifa"
SEND = "kunitumia|kututumia|kutuma|kunitumiya|kunitext|kuni text|kunisumbua|kunipigia"

LEXICON = Lexicon(
    language="sw",
    name="Swahili",
    opt_out=(
        Keyword(
            "ACHA", "usage: 'stop (it)'; also Hindi 'accha' (OK), so home only", home_only=True
        ),
        Keyword("ACHENI", "usage: 'stop (it)', plural", S.WORD),
        Keyword("SITISHA", "usage: 'stop/suspend'"),
        Keyword("KOMESHA", "usage: 'put an end to'"),
        Keyword("SIMAMISHA", "usage: 'halt, stop (it)'", S.WORD),
        Keyword("INATOSHA", "usage: 'that's enough'", S.WORD),
        Keyword("JIONDOE", "usage: 'unsubscribe yourself'", S.WORD),
        Keyword("NIONDOE", "usage: 'remove me'", S.STRONG),
        Keyword("NIONDOENI", "usage: 'remove me' (plural you)", S.STRONG),
    ),
    help=(Keyword("MSAADA", "usage: 'help'"),),
    courtesy=("tafadhali", "asante", "asanteni", "sasa", "tafadhari", "tena"),
    opt_out_phrases=(
        Phrase("^ sitaki tena|kabisa $", "usage: 'Sitaki tena': I don't want (them) any more"),
        Phrase(
            f"acha|acheni|sitisha|komesha|simamisha ({SEND}|{MSG})",
            "usage: 'acha kunitumia ujumbe' (stop sending me messages)",
        ),
        Phrase(
            "usinitumie|msinitumie|usitume|msitume|usinisumbue|msinisumbue",
            "usage: 'usinitumie ujumbe' (don't send me messages)",
        ),
        Phrase(f"sitaki|hatutaki|sihitaji ... ({MSG}|kupokea)", "usage: 'sitaki ujumbe huu'"),
        Phrase(
            "niondoe|niondoeni|ondoa|ondoeni|toa|futa|futeni (namba yangu|nambari yangu"
            "|jina langu|mimi"
            "|kwenye orodha|katika orodha)",
            "usage: 'niondoe kwenye orodha' (remove me from the list)",
        ),
        Phrase("(namba|nambari) (isiyo sahihi|si sahihi|mbaya)", "usage: wrong number"),
    ),
    review_phrases=(
        Phrase("(sina hamu|sina nia|sipendezwi)", "usage: 'not interested'", 0.6),
        Phrase(
            "^ sitaki $", "usage: 'Sitaki' alone: 'I don't want (it)', the texts or an offer", 0.6
        ),
    ),
)
