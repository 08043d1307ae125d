"""Vietnamese (folded without tone marks: "dừng" -> "dung")."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

LEXICON = Lexicon(
    language="vi",
    name="Vietnamese",
    opt_out=(
        Keyword("HỦY ĐĂNG KÍ", "usage: 'unsubscribe', with the other spelling of ký", S.STRONG),
        Keyword(
            "HỦY ĐK",
            "usage: 'hủy đăng ký' abbreviated (alone only: 'Anh Huy đk không?' names Huy)",
            S.WORD,
        ),
        Keyword("DỪNG", "usage: 'stop' (also a given name: Vietnamese senders only)", S.WORD, True),
        Keyword("DỪNG LẠI", "usage: 'stop'"),
        Keyword(
            "HỦY", "usage: 'cancel' (also a given name: Vietnamese senders only)", S.WORD, True
        ),
        Keyword("HỦY ĐĂNG KÝ", "usage: 'unsubscribe'", S.STRONG),
        Keyword("TỪ CHỐI", "usage: 'refuse'", S.WORD, True),
        Keyword("NGỪNG", "usage: 'cease'", S.WORD),
        Keyword("HUỶ", "usage: HỦY with the older tone-mark placement", S.WORD, True),
    ),
    help=(Keyword("TRỢ GIÚP", "usage: 'help'"),),
    courtesy=("xin", "vui", "long", "cam", "on", "a", "nhe", "nha", "ạ", "đi", "di"),
    opt_out_phrases=(
        Phrase(
            "dung|ngung (gui|nhan tin|nhan|sms|lien lac|lam phien)", "usage: 'dừng gửi tin nhắn'"
        ),
        Phrase(
            "dung|khong|ko|kg|hong|hok (gui|nhan tin|nhan) nua?",
            "usage: 'đừng gửi nữa', 'ko nhắn tin nữa'",
        ),
        Phrase("khong muon (nhan|nhan tin|tin nhan)", "usage: 'không muốn nhận tin nhắn'"),
        Phrase("dung spam", "usage: 'Đừng spam (nữa)' (don't spam (any more))"),
        Phrase("huy dang ky", "usage: unsubscribe"),
        Phrase("sai so", "usage: wrong number"),
        Phrase("toi khong dang ky", "usage: never signed up"),
        Phrase("xoa so", "usage: 'delete my number'"),
        Phrase(
            "xoa toi khoi (danh sach|ds)", "usage: 'xóa tôi khỏi danh sách' (take me off the list)"
        ),
        Phrase("xin|vui long dung", "usage: 'please stop'"),
        Phrase("nham so|nguoi", "usage: 'nhầm số (rồi)': wrong number"),
        Phrase("da|toi bao|noi (dung lai|ngung)", "usage: 'tôi đã bảo dừng lại' (I said stop)"),
        Phrase(
            "huy|ngung|dung (quang cao|qc|tin nhan|tin qc|tin quang cao|sms|nhan tin)",
            "usage: 'HỦY QC', 'hủy tin nhắn' (cancel the ads/messages; carriers' wording)",
        ),
    ),
    review_phrases=(
        Phrase("khong quan tam", "usage: 'not interested'", 0.6),
        Phrase("thoi $", "usage: 'thôi (đi)': 'stop it' or 'never mind'", 0.55),
        Phrase(
            "^ huy $",
            "usage: 'HUY' alone, without its accents: Vietnamese carriers' cancel keyword typed "
            "plainly, or the given name Huy; a person decides (Vietnamese senders: an opt-out)",
            0.6,
        ),
    ),
    benign=(
        Phrase("huy lich hen|don hang|dat cho", "usage: cancel an appointment or order"),
        Phrase(
            "khong|ko|chua nhan|gui duoc|dc",
            "usage: 'không nhận được mã' (did not receive), not 'do not send'",
        ),
    ),
    negations=("khong", "đừng"),
    help_phrases=(
        Phrase(
            "^ ai (vay|day|the|nhan tin|nhan tin vay|gui tin nay) $",
            "usage: 'Ai vậy?', 'Ai đấy?' (who is this; the whole message: the HELP reply)",
        ),
    ),
)
