"""Bengali (Bangla script; Bengali speakers writing in Latin letters mostly use English)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "মেসেজ~|ম্যাসেজ~|বার্তা~|এসএমএস|sms|বিজ্ঞাপন~|টেক্সট~|নোটিফিকেশন~"
SEND = "পাঠাবেন|পাঠাবে|পাঠিও|পাঠাস|পাঠাবি"

LEXICON = Lexicon(
    language="bn",
    name="Bengali",
    opt_out=(
        Keyword("বন্ধ", "usage: 'off, stop' as the whole reply", S.WORD),
        Keyword("বন্ধ করুন", "usage: 'stop/close (it)', polite imperative", S.WORD),
        Keyword("বন্ধ করো", "usage: 'stop/close (it)', familiar imperative", S.WORD),
        Keyword("বন্ধ কর", "usage: 'stop/close (it)'", S.WORD),
        Keyword("থামুন", "usage: 'stop'"),
        Keyword("থামাও", "usage: 'stop (it)'"),
        Keyword("আনসাবস্ক্রাইব", "usage: 'unsubscribe' in Bengali letters", S.STRONG),
        Keyword("স্টপ", "usage: 'stop' in Bengali letters"),
        Keyword("যথেষ্ট", "usage: 'enough'", S.WORD),
        Keyword("পাঠাবেন না", "usage: 'don't send' as (nearly) the whole reply", S.WORD),
    ),
    help=(Keyword("সাহায্য", "usage: 'help'"),),
    courtesy=("দয়া", "করে", "দয়া করে", "অনুগ্রহ", "অনুগ্রহ করে", "ধন্যবাদ", "প্লিজ", "এখনই", "আর"),
    opt_out_phrases=(
        Phrase("সদস্যতা বাতিল", "usage: 'cancel the subscription'"),
        Phrase(
            f"({MSG}|আমাকে|আমায়|এই নম্বরে|এই নাম্বারে|আর) ... ({SEND}) না",
            "usage: 'আমাকে আর মেসেজ পাঠাবেন না' (don't send me messages any more)",
        ),
        Phrase(
            f"({MSG}|পাঠানো) ... (বন্ধ) (করুন|করো|কর|করেন|করবেন)",
            "usage: 'মেসেজ পাঠানো বন্ধ করুন' (stop sending messages)",
        ),
        Phrase(
            f"({MSG}) ... (চাই না|চাইনা|লাগবে না|দরকার নেই)",
            "usage: 'আমি এই মেসেজ চাই না' (I don't want these messages)",
        ),
        Phrase(
            "(আমাকে|আমার নম্বর|নম্বর|আমার নাম্বার|নাম্বার) ... (সরিয়ে|বাদ|মুছে|ডিলিট) (দিন|দাও|করুন)",
            "usage: 'আমার নম্বর সরিয়ে দিন' (remove my number)",
        ),
        Phrase("(ভুল নম্বর|ভুল নাম্বার|রং নম্বর|রং নাম্বার)", "usage: wrong number"),
        Phrase("বিরক্ত (করবেন না|করো না|করিস না)", "usage: 'don't bother me'"),
    ),
    review_phrases=(Phrase("(আগ্রহী নই|আগ্রহ নেই)", "usage: 'not interested'", 0.6),),
)
