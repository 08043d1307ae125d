"""Arabic (Modern Standard with common Gulf, Levantine and Egyptian forms).

Written as people type; `normalise.fold` strips vowel marks and hamza seats and folds ى/ة, so
"إلغاء"/"الغاء" and "رسالة"/"رساله" read alike. Patterns use ``stem~`` for the many attached
endings ("ترسلوا", "ترسلي")."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "رسائل|الرسائل|رساله|الرساله|رسايل~|الرسايل~|مسج~|المسج~|sms|اعلان~|الاعلان~|اشعار~"
MSG += "|الاشعار~|عروض|العروض|الرسائل النصيه|رسائل نصيه|الازعاج|ازعاج"
SEND = "ارسال|الارسال|ارسل~|ترسل~|تراسل~|مراسل~|تبعت~|تبعث~|الاتصال|الاتصالات|تتصل~|تزعج~"
SEND += "|ازعاجي|مراسلتي|مراسلتنا|الازعاج"

ARABIZI_MSG = "rasayel|rasa2el|rasa2il|resayel|msgs|messages|sms|masajat"

LEXICON = Lexicon(
    language="ar",
    name="Arabic",
    opt_out=(
        Keyword("توقف", "usage: 'stop'"),
        Keyword("أوقف", "usage: 'stop (it)'"),
        Keyword("أوقفوا", "usage: 'stop (it)', plural"),
        Keyword("إيقاف", "usage: 'stop(ping)', the keyword of many Arabic SMS programs"),
        Keyword("إلغاء", "usage: 'cancel', the keyword of many Arabic SMS programs", S.WORD),
        Keyword("إلغاء الاشتراك", "usage: 'unsubscribe'", S.STRONG),
        Keyword("الغاء اشتراكي", "usage: 'cancel my subscription'", S.STRONG),
        Keyword("كفى", "usage: 'enough'", S.WORD),
        Keyword("كفاية", "usage: 'enough' (colloquial)", S.WORD),
        Keyword("ستوب", "usage: 'stop' written in Arabic letters"),
        Keyword("احذفوني", "usage: 'delete me'"),
        Keyword("احذفني", "usage: 'delete me'"),
        Keyword("أزلني من القائمة", "usage: 'remove me from the list'", S.STRONG),
        Keyword("امسحوني", "usage: 'erase me'"),
        Keyword("شيلوني", "usage: 'take me off' (colloquial)"),
    ),
    help=(Keyword("مساعدة", "usage: 'help'"),),
    courtesy=(
        "من فضلك",
        "الرجاء",
        "لو سمحت",
        "لو سمحتم",
        "رجاء",
        "رجاءً",
        "أرجو",
        "شكرا",
        "شكراً",
        "الآن",
        "حالا",
        "فورا",
        "يا",
        "بعد الآن",
    ),
    opt_out_phrases=(
        Phrase(
            f"(w2fo|wa2fo|w2afo|wa2fou|o2fo|wa22fo|w2f|wa2ef) (el|al|l)? ({ARABIZI_MSG})",
            "usage: Arabizi 'w2fo el rasayel' (وقفوا الرسائل: stop the messages)",
        ),
        Phrase(
            f"(ma|mish|mosh|mesh) (baddi|badi|bade|biddi|3ayez|3ayz|3awez|3ayza) ({ARABIZI_MSG})",
            "usage: Arabizi 'ma baddi rasayel' (I don't want messages)",
        ),
        Phrase(
            f"(kefaya|kfaya|kifaya|kefaye) ({ARABIZI_MSG})",
            "usage: Arabizi 'kefaya rasayel' (enough messages)",
        ),
        Phrase(
            "(2alghi|2lghi|elghi|alghi|2elghi|ilghi|2lghe|2alghe|2ilghi) (el|al|l)? "
            "(eshterak|2eshterak|ishtirak|eshtirak|2shtrak|2ishtirak|ishterak)",
            "usage: Arabizi '2alghi el eshterak' (الغي الاشتراك: cancel the subscription)",
        ),
        Phrase(
            f"توقف~|التوقف|اوقف~|ايقاف|الايقاف|وقف|وقفوا|كفي|كفايه|كفوا|بطل|بطلوا|بس عن|من? ({SEND}"
            f"|{MSG})",
            "usage: 'توقف عن إرسال الرسائل', 'أوقفوا الرسائل'",
        ),
        Phrase(
            "لا|ما|مش|ماتبعت~ (ترسل~|تراسل~|تبعت~|تبعث~|تتصل~|تزعج~|تكلم~|ترسلو~)",
            "usage: 'لا ترسلوا لي رسائل' (don't send me messages)",
        ),
        Phrase(
            f"(لا|ما|مش) (اريد|اريده|بدي|عايز|عاوز|ابغي|ابي|احب|ارغب) ... ({MSG}|استلام|تلقي"
            "|استقبال|اشتراك|الاشتراك)",
            "usage: 'لا أريد رسائل', 'ما بدي رسايل'",
        ),
        Phrase(
            "(احذف~|امسح~|ازيل~|ازال~|ازاله|شيل~|اخرج~|اخراج|حذف|مسح|شطب) (رقمي|اسمي|بياناتي"
            "|من القائمة|من القايمه|من قائمتكم)",
            "usage: 'احذفوا رقمي', 'أزيلوني من القائمة'",
        ),
        Phrase(
            "(الغاء|الغي|الغوا|ايقاف|اوقفوا|اوقف) (الاشتراك|اشتراكي|الخدمه|الرسائل|الرسايل"
            "|الرساله|الاشعارات|التنبيهات)",
            "usage: 'إلغاء الاشتراك', 'إيقاف الرسائل'",
        ),
        Phrase("(رقم|الرقم|نمره|النمره) (خطا|غلط|خاطي|خاطئ)", "usage: wrong number"),
        Phrase("(غلطان|غلطانين) (بالرقم|في الرقم|بالنمره)", "usage: wrong number"),
        Phrase(
            "(لم|ما) (اشترك|اشتركت|اسجل|سجلت|اوافق|وافقت)",
            "usage: 'لم أشترك' (I never signed up)",
        ),
        Phrase(
            "(اسحب|سحب|الغي|الغاء) (موافقتي|الموافقه|موافقه)",
            "usage: withdrawing consent",
        ),
        Phrase("اتركوني|اتركني|سيبوني|سيبني|خلوني (في|ف)? حالي", "usage: 'leave me alone'"),
    ),
    review_phrases=(Phrase("(غير مهتم|مش مهتم|لست مهتما)", "usage: 'not interested'", 0.6),),
    benign=(
        Phrase(
            "الغاء|الغي|الغوا (الموعد|موعدي|الطلب|طلبي|الحجز|حجزي|الرحله|الطلبيه|الفاتوره)",
            "usage: cancelling an appointment or order",
        ),
        Phrase("بدون|بلا توقف", "usage: 'non-stop'"),
        Phrase("توقف (السياره|الباص|القطار|المطر|الالم|النزيف)", "usage: something else stopped"),
    ),
    negations=("لن", "لم", "مش", "ما"),
)
