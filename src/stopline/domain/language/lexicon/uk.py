"""Ukrainian.

Folded as written (`normalise.fold` keeps Cyrillic in genuine Cyrillic text; "й" folds to
"и", "ї" to "і"). Russian words Ukrainians also use (СТОП) are in the Russian lexicon."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

# What is sent: повідомлення, смс, розсилка, реклама, спам.
MSG = "повідомлен~|смс~|sms|есемес~|розсилк~|реклам~|спам~|листів|листи|сповіщен~|дзвінк~"
SEND = "надсилати|надсилаите|надсилаи|писати|пишіть|пиши|присилати|присилаите|слати|шліть"
SEND += "|дзвонити|телефонувати|турбувати|турбуите|спамити|відправляти|відправляите"

LEXICON = Lexicon(
    language="uk",
    name="Ukrainian",
    opt_out=(
        Keyword("ПРИПИНИТИ", "usage: 'stop (it)', infinitive as a command"),
        Keyword("ПРИПИНІТЬ", "usage: 'stop (it)', plural/polite imperative"),
        Keyword("ПРИПИНИ", "usage: 'stop (it)', imperative"),
        Keyword("ВІДПИСАТИСЯ", "usage: 'unsubscribe'", S.STRONG),
        Keyword("ВІДПИСАТИ", "usage: 'unsubscribe (me)'", S.STRONG),
        Keyword("ВІДПИШІТЬ МЕНЕ", "usage: 'unsubscribe me'", S.STRONG),
        Keyword("ВІДМОВА", "usage: 'refusal', the opt-out reply of Ukrainian SMS programs"),
        Keyword("ДОСИТЬ", "usage: 'enough'", S.WORD),
        Keyword("ВИСТАЧИТЬ", "usage: 'that's enough'", S.WORD),
        Keyword("СКАСУВАТИ", "usage: 'cancel'", S.WORD),
    ),
    help=(Keyword("ДОПОМОГА", "usage: 'help'"),),
    courtesy=("будь ласка", "дякую", "негаино", "вже", "зараз", "ласка", "будь"),
    opt_out_phrases=(
        Phrase(
            f"припиніть|припини|припинити|перестаньте|перестань|досить|вистачить ({SEND}|{MSG}"
            "|мені|нам)",
            "usage: 'припиніть надсилати мені повідомлення', 'досить смс'",
        ),
        Phrase(
            f"не ({SEND}) ... (мені|нам|більше|сюди|на цеи|смс~|повідомлен~)",
            "usage: 'не надсилайте мені більше повідомлень'",
        ),
        Phrase(
            "не (надсилаите|пишіть|турбуите|дзвоніть|присилаите|шліть|спамте) $",
            "usage: 'не пишіть' as the whole reply",
        ),
        Phrase(
            f"не (хочу|бажаю|потребую) ... ({MSG}|отримувати)",
            "usage: 'не хочу отримувати повідомлення'",
        ),
        Phrase(
            "видаліть|видаліть|видалити|приберіть|вилучіть|викресліть (мене|мій номер|мои номер"
            "|цеи номер|номер|нас)",
            "usage: 'видаліть мій номер', 'видаліть мене зі списку'",
        ),
        Phrase("відпиш~|відписат~|відписк~", "usage: unsubscribe in any form"),
        Phrase("(неправильнии|не тои|помилковии|чужии) номер", "usage: wrong number"),
        Phrase(
            "(я не|не) (підписувався|підписувалася|підписувалась|давав згоду|давала згоду)",
            "usage: 'I never signed up / consented'",
        ),
        Phrase("(відкликаю|скасовую) (згоду|свою згоду)", "usage: 'I withdraw my consent'"),
        Phrase("(даите мені спокіи|залиште мене в спокої)", "usage: 'leave me alone'"),
    ),
    review_phrases=(Phrase("(мене не цікавить|не цікавить)", "usage: 'not interested'", 0.6),),
    benign=(
        Phrase(
            "скасувати|скасуите|скасуи (запис|візит|замовлення|бронювання|зустріч|прииом)",
            "usage: cancelling an appointment or order",
        ),
    ),
    negations=("не", "ніколи не", "ніколи"),
)
