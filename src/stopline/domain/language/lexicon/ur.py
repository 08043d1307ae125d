"""Urdu (Nastaliq script; Roman Urdu shares the Hindi lexicon's Latin forms).

`normalise.fold` folds Urdu ی, ک and ہ to their Arabic twins, so either keyboard matches."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "پیغام|پیغامات|پیغامات~|میسج|میسجز|میسیج~|ایس ایم ایس|sms|اشتہار~|ٹیکسٹ~|پیغام~"

LEXICON = Lexicon(
    language="ur",
    name="Urdu",
    opt_out=(
        Keyword("بند", "usage: 'off, stop' as the whole reply", S.WORD),
        Keyword("بند کریں", "usage: 'stop/close (it)', polite imperative", S.WORD),
        Keyword("بند کرو", "usage: 'stop/close (it)', familiar imperative", S.WORD),
        Keyword("روکیں", "usage: 'stop (it)'", S.WORD),
        Keyword("بس کریں", "usage: 'enough, stop'"),
        Keyword("بس کرو", "usage: 'enough, stop'"),
        Keyword("ان سبسکرائب", "usage: 'unsubscribe' written in Urdu letters", S.STRONG),
        Keyword("سٹاپ", "usage: 'stop' written in Urdu letters"),
        Keyword("اسٹاپ", "usage: 'stop' written in Urdu letters"),
        Keyword("مت بھیجیں", "usage: 'don't send' as (nearly) the whole reply", S.WORD),
        Keyword("نہ بھیجیں", "usage: 'don't send' as (nearly) the whole reply", S.WORD),
    ),
    help=(Keyword("مدد", "usage: 'help'"),),
    courtesy=("براہ کرم", "براه", "کرم", "مہربانی", "شکریہ", "پلیز", "ابھی", "فوراً", "جی"),
    opt_out_phrases=(
        Phrase("(ركنيت ختم|ركن سازي ختم)", "usage: 'end the membership'"),
        Phrase(
            f"({MSG}|بھیجنا|ارسال) ... (بند|روک|روکیں|روک دیں) (کریں|کرو|کر دیں|کردیں|دیں)?",
            "usage: 'مجھے پیغامات بھیجنا بند کریں' (stop sending me messages)",
        ),
        Phrase(
            f"({MSG}|مجھے|ہمیں|اس نمبر پر|اب) ... (مت|نہ|نا) (بھیجیں|بھیجو|بھیجا|بھیجیے|کریں)",
            "usage: 'مجھے پیغام مت بھیجیں' (don't send me messages)",
        ),
        Phrase(
            f"({MSG}) ... (نہیں چاہیے|نہیں چاہئے|نہیں چاہتا|نہیں چاہتی|نہیں چاہتے)",
            "usage: 'مجھے یہ پیغامات نہیں چاہیے' (I don't want these messages)",
        ),
        Phrase(
            "(میرا نمبر|مجھے|نمبر) ... (ہٹا|نکال|ڈیلیٹ|حذف) (دیں|دو|کریں|کر دیں)",
            "usage: 'میرا نمبر ہٹا دیں' (remove my number)",
        ),
        Phrase("(غلط نمبر|رانگ نمبر)", "usage: wrong number"),
        Phrase("تنگ (نہ|مت) (کریں|کرو)", "usage: 'don't bother me'"),
    ),
    review_phrases=(Phrase("دلچسپی نہیں", "usage: 'not interested'", 0.6),),
)
