"""Bulgarian (a small lexicon: the keywords and 'stop sending me messages'; й folds to и)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "съобщения|съобщение|смс|sms|есемеси|есемес|реклами|рекламни"
SEND = "пращате|изпращате|пишете|праща|изпраща|пращаш|изпращаш|звъните"

LEXICON = Lexicon(
    language="bg",
    name="Bulgarian",
    opt_out=(
        Keyword("СПРИ", "usage: 'stop!' (singular imperative), alone only", S.WORD),
        Keyword("СПРЕТЕ", "usage: 'stop!' (plural/polite imperative), alone only", S.WORD),
        Keyword("ОТПИСВАНЕ", "usage: 'unsubscription'", S.STRONG),
        Keyword("ОТПИШЕТЕ МЕ", "usage: 'unsubscribe me'", S.STRONG),
        Keyword("ОТПИШИ МЕ", "usage: 'unsubscribe me' (singular)", S.STRONG),
    ),
    help=(Keyword("ПОМОЩ", "usage: 'help'"),),
    courtesy=("моля", "благодаря", "веднага", "вече"),
    opt_out_phrases=(
        Phrase(
            "откажи|откажете|прекратете|прекрати|спрете|спри (моя|ми)? абонамент~",
            "usage: 'Откажи абонамент' (cancel the subscription)",
        ),
        Phrase(
            f"спрете|спри|престанете|престани (да)? (ми|ни)? ({SEND}) ({MSG})?",
            "usage: 'Спрете да ми пращате съобщения'",
        ),
        Phrase(f"спрете|спри ({MSG})", "usage: 'Спрете съобщенията'"),
        Phrase(
            f"не (ми|ни) (пращаите|изпращаите|пишете|звънете) (повече)? ({MSG}|повече)",
            "usage: 'Не ми пращайте повече съобщения'",
        ),
        Phrase(f"не искам|искаме (повече)? (да получавам)? ({MSG})", "usage: 'не искам съобщения'"),
        Phrase(
            "изтриите|изтрии|махнете|премахнете (ме|номера ми|моя номер)",
            "usage: 'изтрийте номера ми' (delete my number)",
        ),
    ),
    negations=("не", "никога"),
    typos=False,
)
