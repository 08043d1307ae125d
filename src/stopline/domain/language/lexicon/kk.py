"""Kazakh (a small lexicon: the keywords, 'don't send me messages' and 'unsubscribe'; its own
Cyrillic letters (қ, ң, ө, ұ, і) are kept)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "хабарлама~|хабар~|смс|sms|жарнама~"

LEXICON = Lexicon(
    language="kk",
    name="Kazakh",
    opt_out=(
        Keyword("ТОҚТАТЫҢЫЗ", "usage: 'stop (it)!' (polite)"),
        Keyword("ТОҚТАТ", "usage: 'stop (it)!', alone only", S.WORD),
        Keyword("ТОҚТА", "usage: 'stop!', alone only", S.WORD),
    ),
    courtesy=("өтінемін", "рахмет", "қазір", "енді"),
    opt_out_phrases=(
        Phrase(
            f"({MSG}) жібермеңіз|жіберме|жібермеңдер|жібермеу~|жазбаңыз",
            "usage: 'Маған хабарлама жібермеңіз' (don't send me messages)",
        ),
        Phrase(
            f"({MSG}) (жіберуді)? тоқтатыңыз|тоқтат",
            "usage: 'Хабарлама жіберуді тоқтатыңыз' (stop sending messages)",
        ),
        Phrase(
            "жазыл~ бас тарт~|тоқтат~",
            "usage: 'Жазылудан бас тартамын' (I unsubscribe)",
        ),
        Phrase(
            f"({MSG}) (алғым)? келмейді",
            "usage: 'Хабарлама алғым келмейді' (I don't want to get messages)",
        ),
        Phrase(
            "тізім~ (мені)? (өшіріңіз|шығарыңыз|алып тастаңыз)",
            "usage: 'Мені тізімнен өшіріңіз' (take me off the list)",
        ),
    ),
    typos=False,
)
