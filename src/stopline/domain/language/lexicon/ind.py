"""Indonesian and Malay (one small lexicon: the two share most of these words)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "pesan|sms|iklan|promo~|notifikasi|mesej|spam|pesanan sms|penawaran"
SEND = "kirim~|mengirim~|ngirim~|hantar~|menghantar~|sms|hubungi|menghubungi|telepon|telefon"
SEND += "|ganggu|mengganggu|spam"

LEXICON = Lexicon(
    language="id",
    name="Indonesian and Malay",
    opt_out=(
        Keyword("BERHENTI", "usage: 'stop'"),
        Keyword("HENTIKAN", "usage: 'stop it'"),
        Keyword(
            "UNREG",
            "usage: the unsubscribe keyword of Indonesian operators' SMS services",
            S.STRONG,
        ),
        Keyword("BATAL", "usage: 'cancel'", S.WORD),
        Keyword("HAPUS", "usage: 'delete'", S.WORD),
    ),
    opt_in=(
        Keyword("BERLANGGANAN", "usage: 'subscribe'", S.WORD),
        Keyword("LANGGANAN LAGI", "usage: 'subscribe again'", S.WORD),
    ),
    opt_in_phrases=(
        Phrase(
            "^ berlangganan|langganan|aktifkan (lagi|kembali)",
            "usage: 'berlangganan lagi' (opening the message: 'tidak mau berlangganan lagi', "
            "'berhenti berlangganan lagi' say the opposite)",
        ),
        Phrase(
            "^ (mau|ingin|saya mau|saya ingin) (menerima|terima|dapat) (pesan|sms|notifikasi"
            "|info)"
            " (lagi|kembali)",
            "usage: 'saya mau menerima pesan lagi'",
        ),
    ),
    help=(Keyword("BANTUAN", "usage: 'help'"),),
    courtesy=(
        "tolong",
        "mohon",
        "terima kasih",
        "makasih",
        "sekarang",
        "saja",
        "aja",
        "sila",
        "dong",
        "ya",
    ),
    opt_out_phrases=(
        Phrase(
            f"berhenti|hentikan|stop|henti (lah)? ({SEND}|{MSG})",
            "usage: 'berhenti kirim pesan', 'hentikan sms'",
        ),
        Phrase(
            f"jangan (lagi)? ({SEND}) (saya|lagi|pesan|sms|kami|iklan|nomor ini|nombor ini)",
            "usage: 'jangan kirim sms lagi'",
        ),
        Phrase(
            "hapus|buang|keluarkan|padam (nomor saya|nombor saya|no saya|saya|nomer saya"
            "|nomor ini|nombor ini)",
            "usage: 'tolong hapus nomor saya'",
        ),
        Phrase(
            f"tidak|tak|gak|nggak (mau|ingin|mahu|perlu) (menerima|terima|dapat)? ... ({MSG})",
            "usage: 'saya tidak mau menerima pesan'",
        ),
        Phrase("salah (nomor|nombor|nomer|sambung|orang)", "usage: wrong number"),
    ),
    review_phrases=(Phrase("(tidak tertarik|tak berminat)", "usage: 'not interested'", 0.6),),
    negations=("jangan", "tidak", "tak", "gak", "belum"),
)
