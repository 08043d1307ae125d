"""Turkish."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

IYS = "usage: RET is the refusal reply of Turkish commercial SMS (İYS: 'RET yazıp gönderin')"
# Folded: "göndermeyi" -> "gondermeyi", "bırakın" -> "birakin".
MSG = "mesaj~|sms~|bildirim~|reklam~|kampanya~|ileti~"
NOSEND = "gondermeyin|gonderme|atmayin|atma|yollamayin|yollama|yazmayin|yazma|aramayin|arama"
NOSEND += "|gondermeyiniz|atmayiniz|yollamayiniz"

LEXICON = Lexicon(
    language="tr",
    name="Turkish",
    opt_out=(
        Keyword("RET", IYS),
        Keyword("IPTAL", "usage: 'cancel' (İPTAL), the usual keyword of Turkish programs", S.WORD),
        Keyword("DUR", "usage: 'stop'", S.WORD),
        Keyword("DURDUR", "usage: 'stop it'"),
        Keyword("YETER", "usage: 'enough'", S.WORD),
        Keyword("ABONELIKTEN CIK", "usage: 'unsubscribe' (abonelikten çık)", S.STRONG),
        Keyword("ABONELIK IPTAL", "usage: 'subscription cancel'", S.STRONG),
        Keyword("ISTEMIYORUM", "usage: 'I don't want (it)' (istemiyorum)", S.WORD),
    ),
    help=(Keyword("YARDIM", "usage: 'help'"),),
    courtesy=("lutfen", "tesekkurler", "tesekkur", "ederim", "artik", "hemen", "sagolun"),
    opt_out_phrases=(
        Phrase(
            f"({MSG}) (gondermeyi|atmayi|yollamayi|yazmayi) (birakin|birak|kesin|kes|durdurun)",
            "usage: 'mesaj göndermeyi bırakın'",
        ),
        Phrase(
            "gondermeyi|atmayi|yollamayi|yazmayi|aramayi (birakin|birak|kesin|kes|durdurun)",
            "usage: 'göndermeyi bırakın'",
        ),
        Phrase(f"bana|beni ({MSG})? ({NOSEND})", "usage: 'bana mesaj göndermeyin'"),
        Phrase(
            f"({MSG}) ({NOSEND}|istemiyorum|istemiyoruz|almak istemiyorum)",
            "usage: 'SMS istemiyorum', 'mesaj atmayın'",
        ),
        Phrase(
            "(beni|numarami|numaramı) (listeden|listenizden)? (cikarin|cikar|silin|sil|kaldirin)",
            "usage: 'beni listeden çıkarın'",
        ),
        Phrase("listeden|listenizden (cikarin|cikar|silin|sil|cikmak)", "usage: 'off the list'"),
        Phrase("yanlis numara", "usage: wrong number"),
        Phrase(
            "(kayit|uye) olmadim|olmadik",
            "usage: never signed up",
        ),
        Phrase("(onay|izin) vermedim", "usage: 'I never gave consent'"),
        Phrase(
            "(abonelik~|aboneligimi|uyeligimi) (iptal|sonlandir~|bitir~)",
            "usage: cancel the subscription",
        ),
        Phrase("abonelikten cik~", "usage: unsubscribe"),
        Phrase("rahatsiz etmeyin", "usage: 'do not disturb'"),
    ),
    review_phrases=(Phrase("ilgilenmiyorum", "usage: 'not interested'", 0.6),),
    benign=(
        Phrase(
            "randevu~|siparis~|rezervasyon~|ucus~|bilet~ (iptal|iptali|iptalini|iptal etmek)",
            "usage: cancelling an appointment or order",
        ),
        Phrase("iptal (randevu~|siparis~|rezervasyon~)", "usage: cancelling an appointment"),
    ),
    negations=(),
)
