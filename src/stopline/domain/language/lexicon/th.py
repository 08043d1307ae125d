"""Thai. Matched as substrings: no spaces between words.

Thai letters are outside the scripts `engine._unread_script` counts as read, on purpose: a
Thai message that none of these entries reads still goes to review. หยุด ('stop') is not a
keyword on its own: it is part of วันหยุด ('holiday')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

LEXICON = Lexicon(
    language="th",
    name="Thai",
    opt_out=(
        Keyword("หยุด", "usage: 'stop' as the whole reply (not 'วันหยุด', holiday)", S.WORD),
        Keyword("ยกเลิก", "usage: 'cancel', the reply Thai SMS services name", S.WORD),
    ),
    help=(Keyword("ช่วยเหลือ", "usage: 'help'"),),
    courtesy=("ครับ", "ค่ะ", "คะ", "นะ", "ขอบคุณ", "กรุณา", "ด้วย", "จ้า", "ค่า"),
    opt_out_phrases=(
        # -- fourteenth independent test (2026-12-05)
        Phrase("ยกเลิกการสมัคร", "usage: 'cancel the subscription'"),
        Phrase("ยกเลิกสมาชิก", "usage: 'cancel the membership (of the list)'"),
        Phrase("หยุดส่ง", "usage: 'stop sending'"),
        Phrase("เลิกส่ง", "usage: 'quit sending'"),
        Phrase("อย่าส่งข้อความ", "usage: 'don't send messages'"),
        Phrase("อย่าส่งมาอีก", "usage: 'don't send (them) again'"),
        Phrase("ไม่ต้องส่งข้อความ", "usage: 'no need to send messages'"),
        Phrase("ไม่ต้องส่งมาอีก", "usage: 'no need to send (them) again'"),
        Phrase("ไม่ต้องการรับ", "usage: 'don't want to receive'"),
        Phrase("ไม่รับข้อความ", "usage: 'not receiving messages'"),
        Phrase("ยกเลิกรับ", "usage: 'cancel receiving'"),
        Phrase("ยกเลิกการรับ", "usage: 'cancel receiving'"),
        Phrase("ยกเลิกข้อความ", "usage: 'cancel the messages'"),
        Phrase("ลบเบอร์", "usage: 'delete (my) number'"),
        Phrase("เบอร์ผิด", "usage: wrong number"),
    ),
    review_phrases=(Phrase("ไม่สนใจ", "usage: 'not interested'", 0.6),),
    benign=(
        # -- fourteenth independent test (2026-12-05)
        Phrase("วันหยุด", "usage: 'holiday'"),
        Phrase("หยุดงาน", "usage: 'day off work'"),
        Phrase("ยกเลิกนัด", "usage: 'cancel the appointment'"),
        Phrase("ยกเลิกการจอง", "usage: 'cancel the booking'"),
        Phrase("ยกเลิกคำสั่งซื้อ", "usage: 'cancel the order'"),
        Phrase("ยกเลิกออเดอร์", "usage: 'cancel the order'"),
    ),
    substrings=True,
)
