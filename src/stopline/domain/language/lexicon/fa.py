"""Persian (Farsi).

`normalise.fold` folds the Persian letters ی and ک to their Arabic twins and drops the
zero-width non-joiner, so "نمی‌خواهم" and "نمیخواهم" read alike. Iranian SMS programs use
لغو ("cancel") as the opt-out reply (often with the number 11)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "پیام~|پیامک~|مسیج|اس ام اس|sms|تبلیغ~|اطلاع رسانی|اطلاعیه~|اس‌ام‌اس"
SEND = "نفرستید|نفرست|نفرستین|نفرستيد|نفرستيد|نفرستین"

LEXICON = Lexicon(
    language="fa",
    name="Persian",
    opt_out=(
        Keyword("لغو", "usage: 'cancel', the opt-out reply of Iranian SMS programs ('لغو11')"),
        Keyword("لغو عضویت", "usage: 'cancel membership' (unsubscribe)", S.STRONG),
        Keyword("لغو اشتراک", "usage: 'cancel subscription'", S.STRONG),
        Keyword("توقف ارسال", "usage: 'stop sending'", S.STRONG),
        Keyword("بسه", "usage: 'enough' (colloquial)", S.WORD),
        Keyword("کافیه", "usage: 'that's enough'", S.WORD),
        Keyword("نفرستید", "usage: 'don't send' as (nearly) the whole reply", S.WORD),
        Keyword("نفرستین", "usage: 'don't send' (colloquial) as the whole reply", S.WORD),
    ),
    help=(Keyword("راهنما", "usage: 'help/guide'"),),
    courtesy=("لطفا", "لطفاً", "ممنون", "مرسی", "متشکرم", "خواهش میکنم", "دیگه", "دیگر", "الان"),
    opt_out_phrases=(
        Phrase(
            "(payamak|payam|sms|payamaka) (nadin|nadid|nafrestid|naferestid|nafrestin|naferestin)",
            "usage: Finglish 'dige payamak nadin' (don't send texts any more)",
        ),
        Phrase(
            "laghv (ozviat|eshterak|ozviyat)", "usage: Finglish 'laghv ozviat' (cancel membership)"
        ),
        Phrase(
            f"(دیگه|دیگر|برام|برایم|برای من|به من|به این شماره|اینجا) ... ({SEND}|ارسال نکنید)",
            "usage: 'دیگر نفرستید' (don't send any more)",
        ),
        Phrase(
            f"({MSG}) ... (نفرست~|نفرستید|نفرستين|ارسال نکنید|نخواستم|نمیخوام|نمیخواهم|نمیخواهیم)",
            "usage: 'دیگر پیامک نفرستید', 'پیام نمی‌خواهم'",
        ),
        Phrase(
            f"(ارسال|فرستادن) ({MSG})? (را|رو)? (قطع|متوقف|لغو|بس) (کنید|کن|کنین)",
            "usage: 'ارسال پیامک را قطع کنید' (stop sending)",
        ),
        Phrase(
            "(شماره|شمارم|شماره ام|شماره من|من|منو|مرا) (را|رو)? (از لیست|از فهرست)? (حذف"
            "|پاک) (کنید|کن|کنین)",
            "usage: 'شماره من را حذف کنید' (remove my number)",
        ),
        Phrase(f"(نمیخوام|نمیخواهم) (دیگه|دیگر)? ({MSG})", "usage: 'I don't want messages'"),
        Phrase("(شماره اشتباه|اشتباه گرفتید)", "usage: wrong number"),
        Phrase("(مزاحم نشید|مزاحم نشوید|مزاحمم نشید)", "usage: 'don't bother me'"),
    ),
    review_phrases=(
        Phrase("(علاقه ای ندارم|علاقه‌ای ندارم|علاقه ندارم)", "usage: 'not interested'", 0.6),
    ),
)
