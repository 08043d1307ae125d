"""Hebrew (a small lexicon: the keywords and the commonest 'stop sending me messages').

Hebrew letters are outside the scripts `engine._unread_script` counts as read, on purpose:
a Hebrew message that none of these entries reads still goes to review."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "הודעות|הודעה|ההודעות|מסרונים|sms|פרסומות|פרסומת|ספאם|הודעות sms"
SEND = "לשלוח|לכתוב|להתקשר|להציק|לפנות|לשלוח לי|לשלוח הודעות"

LEXICON = Lexicon(
    language="he",
    name="Hebrew",
    opt_out=(
        Keyword(
            "הסר", "usage: 'remove', the reply Israeli advertising texts offer ('להסרה השב הסר')"
        ),
        Keyword("הסרה", "usage: 'removal'"),
        Keyword("להסרה", "usage: 'to be removed'"),
        Keyword("עצור", "usage: 'stop'"),
        Keyword("תפסיקו", "usage: 'stop (it)', plural"),
        Keyword("הסירו", "usage: 'remove (me)', plural imperative", S.WORD),
        Keyword("להסיר", "usage: 'to remove', as in 'בבקשה להסיר' (please remove)", S.WORD),
    ),
    help=(Keyword("עזרה", "usage: 'help'"),),
    courtesy=("תודה", "בבקשה", "רבה", "עכשיו", "כבר", "שלום", "מיד"),
    opt_out_phrases=(
        # -- fourteenth independent test (2026-12-05)
        Phrase("תורידו אותי", "usage: 'take me off (the list)'"),
        Phrase("^ ביטול $", "usage: 'cancellation' as the whole reply"),
        Phrase(
            f"תפסיקו|תפסיק|תפסיקי|הפסיקו|די ({SEND}|{MSG}|עם)",
            "usage: 'תפסיקו לשלוח לי הודעות'",
        ),
        Phrase(f"אל (תשלחו|תשלח|תשלחי) (לי|לנו|יותר|עוד|{MSG})", "usage: 'אל תשלחו לי הודעות'"),
        Phrase("אל (תכתבו|תתקשרו|תפנו|תטרידו)", "usage: 'אל תכתבו לי'"),
        Phrase(
            "הסירו|תסירו|הסר|תסיר|מחקו|תמחקו|הוציאו|תוציאו (אותי|אותנו|את המספר|המספר)",
            "usage: 'הסירו אותי מהרשימה'",
        ),
        Phrase(f"לא (רוצה|רוצים) (לקבל)? (עוד)? ({MSG})", "usage: 'לא רוצה הודעות'"),
        Phrase(
            f"לא (מעוניין|מעוניינת|מעוניינים) (לקבל)? (עוד)? ({MSG})",
            "usage: 'לא מעוניין לקבל הודעות' (not interested in getting messages)",
        ),
        Phrase("(מספר שגוי|מספר לא נכון|טעות במספר)", "usage: wrong number"),
    ),
    review_phrases=(Phrase("(לא מעוניין|לא מעוניינת)", "usage: 'not interested'", 0.6),),
    negations=("לא", "אל"),
)
