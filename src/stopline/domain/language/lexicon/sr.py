"""Serbian and Macedonian in Cyrillic letters (a small lexicon; ќ and ѓ fold to к and г).
Serbian in Latin letters is read by the Croatian/Serbian/Bosnian lexicon (`hr`)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "поруке|порука|пораки|порака|смс|sms|рекламе|реклами|обавештења|известувања"
SEND = "шаљете|пишете|слати|писати|пракате|испракате|пишувате|праќате|испраќате"

LEXICON = Lexicon(
    language="sr",
    name="Serbian/Macedonian (Cyrillic)",
    opt_out=(
        Keyword("ОДЈАВА", "usage: 'unsubscribe' (also 'logging off': alone only)", S.WORD),
        Keyword("ОДЈАВИ", "usage: 'unsubscribe (me)'; also 'log out': alone only", S.WORD),
    ),
    help=(
        Keyword("ПОМОЋ", "usage: 'help' (Serbian)"),
        Keyword("ПОМОШ", "usage: 'help' (Macedonian)"),
    ),
    courtesy=("молим", "вас", "хвала", "ве", "молам", "благодарам"),
    opt_out_phrases=(
        Phrase(
            f"престаните|престанете|престани|немојте|немој (да)? (ми|нам|ни) (да)? ({SEND})",
            "usage: 'Престаните да ми шаљете поруке' (to me: not 'немојте слати пакет')",
        ),
        Phrase(
            f"престаните|престанете|престани|немојте|немој (да)? ({SEND}) ({MSG})",
            "usage: 'Престаните слати поруке'",
        ),
        Phrase(
            f"не (шаљите|пишите|пракаите|испракаите|пишувајте) (ми|нам|ни)? (више|повеке)?"
            f" ({MSG}|више|повеке)",
            "usage: 'Не шаљите ми више поруке', 'Не ми праќајте повеќе пораки'",
        ),
        Phrase(
            f"не (ми|ни) (пракаите|испракаите|пишувајте|шаљите) (повеке|више)? ({MSG}|повеке|више)",
            "usage: 'Не ми праќајте повеќе пораки' (Macedonian word order)",
        ),
        Phrase(
            f"(не желим|не сакам) (више|повеке)? (да примам|да добивам)? ({MSG})",
            "usage: 'Не желим поруке', 'Не сакам пораки'",
        ),
        Phrase("одјавите|одјави ме|нас $", "usage: 'Одјавите ме' as the whole message"),
        Phrase(
            f"одјавите|одјави ме|нас са|из|од (листе|списка|{MSG})",
            "usage: 'Одјавите ме са листе' (not 'за вечеру', 'са тренинга')",
        ),
        Phrase("избришите|избриши мој|мојот? број", "usage: 'Избришите мој број'"),
    ),
    negations=("не", "немој", "немојте", "никад"),
    typos=False,
)
