"""Russian."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "сообщени~|смс|sms|рассылк~|реклам~|спам|уведомлени~|звонк~"

LEXICON = Lexicon(
    language="ru",
    name="Russian",
    opt_out=(
        Keyword(
            "OTPISHITE MENYA", "usage: transliterated 'отпишите меня' (unsubscribe me)", S.STRONG
        ),
        Keyword("OTPISATSYA", "usage: transliterated 'отписаться' (unsubscribe)", S.STRONG),
        Keyword("СТОП", "usage: 'stop' (also the usual keyword of Russian SMS programs)"),
        Keyword("ОТПИСАТЬСЯ", "usage: 'to unsubscribe'", S.STRONG),
        Keyword("ОТПИСКА", "usage: 'unsubscription'", S.STRONG),
        Keyword("ОТПИШИТЕ", "usage: 'unsubscribe (me)'", S.STRONG),
        Keyword("ХВАТИТ", "usage: 'enough'"),
        Keyword("ПРЕКРАТИТЕ", "usage: 'cease'"),
        Keyword("ОТМЕНА", "usage: 'cancel'", S.WORD),
        Keyword("ОТМЕНИТЬ", "usage: 'to cancel'", S.WORD),
    ),
    opt_in=(
        Keyword("ПОДПИСАТЬСЯ", "usage: 'subscribe'", S.WORD),
        Keyword("ВОЗОБНОВИТЬ", "usage: 'resume'", S.WORD),
    ),
    opt_in_phrases=(
        Phrase(
            "(хочу|хотел бы|хотела бы) (снова|опять|дальше) (получать) (сообщения|смс|рассылку"
            "|уведомления)?",
            "usage: 'хочу снова получать сообщения'",
        ),
        Phrase("подпишите меня (снова|опять|обратно)?", "usage: 'подпишите меня снова'"),
    ),
    help=(Keyword("ПОМОЩЬ", "usage: 'help'"),),
    courtesy=(
        "пожалуйста",
        "спасибо",
        "сейчас",
        "уже",
        "ок",
        "да",
        "нет",
        "здравствуйте",
        "немедленно",
    ),
    opt_out_phrases=(
        Phrase(
            "ne (pishite|prisylayte|otpravlyayte|shlite) (mne|nam)? (sms|soobshcheniya|bolshe)",
            "usage: transliterated 'не присылайте мне сообщения' (don't send me messages)",
        ),
        Phrase(
            "^ не подписывайте|подписывай|добавляйте|добавляй|записывайте меня|нас "
            "(снова|опять|обратно|больше)? (пожалуйста|спасибо)? $",
            "usage: 'не подписывайте меня снова'",
        ),
        Phrase(
            "не пишите|присылайте|отправляйте|звоните|шлите|беспокойте мне|больше?",
            "usage: 'не пишите мне'",
        ),
        Phrase(
            "больше не пишите|присылайте|отправляйте|звоните|шлите", "usage: 'больше не пишите'"
        ),
        Phrase(f"не хочу|надо|нужно (получать|{MSG})", "usage: 'не хочу получать сообщения'"),
        Phrase("удалите|уберите|исключите меня|мой", "usage: 'удалите меня из списка'"),
        Phrase("отпишите|отпишитесь меня?", "usage: 'отпишите меня'"),
        Phrase("отпис~", "usage: unsubscribe anywhere"),
        Phrase("(неправильный|не тот) номер", "usage: wrong number"),
        Phrase("ошиблись номером", "usage: wrong number"),
        Phrase(
            "я не подписывался|подписывалась|регистрировался|регистрировалась",
            "usage: never signed up",
        ),
        Phrase(
            f"хватит|прекратите|перестаньте|перестань|прекрати мне|нам? ({MSG}|писать|слать"
            "|присылать|спамить|звонить|отправлять)",
            "usage: 'хватит присылать'",
        ),
        Phrase("оставьте меня в покое", "usage: leave me alone"),
        Phrase(
            f"не надо|нужно|стоит мне|нам (писать|слать|присылать|звонить|отправлять|{MSG})",
            "usage: 'не надо мне писать'",
        ),
    ),
    review_phrases=(
        Phrase("(не интересно|неинтересно)", "usage: 'not interested'", 0.6),
        Phrase("удалить|удалите $", "usage: 'delete' as the whole reply", 0.6),
        Phrase("отпишись $", "usage: 'unsubscribe' (also slang for 'text back')", 0.5),
    ),
    benign=(
        Phrase("отмена заказа|записи|брони|встречи", "usage: cancel an order or appointment"),
        Phrase("не отписывайте", "usage: 'don't unsubscribe me'"),
    ),
    negations=("не", "никогда не"),
    help_phrases=(
        Phrase(
            "^ кто (это|вы|пишет|мне пишет) $",
            "usage: 'Кто это?', 'Кто вы?' (the whole message: the HELP reply)",
        ),
    ),
)
