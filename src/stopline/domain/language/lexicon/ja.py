"""Japanese. Matched as substrings: no spaces between words."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

LEXICON = Lexicon(
    language="ja",
    name="Japanese",
    opt_out=(
        Keyword("HAISHIN TEISHI", "usage: romaji of 配信停止 (stop delivery)"),
        Keyword(
            "配信停止", "usage: 'stop delivery', the usual Japanese unsubscribe wording", S.STRONG
        ),
        Keyword("配信解除", "usage: 'cancel delivery'", S.STRONG),
        Keyword("登録解除", "usage: 'deregister'", S.STRONG),
        Keyword("受信拒否", "usage: 'refuse to receive'", S.STRONG),
        Keyword("配信不要", "usage: 'delivery not needed'", S.STRONG),
        Keyword("停止", "usage: 'stop'"),
        Keyword("配信中止", "usage: 'discontinue delivery' (as common as 配信停止)", S.STRONG),
        Keyword("中止", "usage: 'discontinue' (or an event called off: alone only)", S.WORD),
        Keyword("ストップ", "usage: katakana 'stop'"),
        Keyword("やめて", "usage: 'stop it'"),
        Keyword("解除", "usage: 'cancel (a registration)'", S.WORD),
        Keyword("退会", "usage: 'withdraw membership'", S.WORD),
        Keyword("不要", "usage: 'not needed'", S.WORD),
        Keyword("再登録しないで", "usage: 'do not register me again'", S.STRONG),
    ),
    opt_in=(Keyword("配信再開", "usage: 'resume delivery'"),),
    opt_in_phrases=(
        Phrase("配信を再開", "usage: '配信を再開してください' (resume delivery)"),
        Phrase("また受け取りたい", "usage: 'I want to receive (them) again'"),
    ),
    help=(Keyword("ヘルプ", "usage: katakana 'help'"),),
    courtesy=("ください", "下さい", "して", "お願いします", "おねがいします", "です", "。"),
    opt_out_phrases=(
        Phrase(
            "mou okuranaide", "usage: romaji 'mou okuranaide' (もう送らないで: don't send any more)"
        ),
        Phrase(
            "(meeru|meru|messeeji|messeji|sms) (wo|o)? okuranaide",
            "usage: romaji 'meeru okuranaide' (don't send mail/messages)",
        ),
        Phrase("送らないで", "usage: 'don't send'"),
        Phrase("送信しないで", "usage: 'don't send'"),
        Phrase("もう送らない", "usage: 'don't send any more'"),
        Phrase("連絡しないで", "usage: 'don't contact me'"),
        Phrase("メールしないで", "usage: 'don't message me'"),
        Phrase("メッセージは不要", "usage: 'messages not needed'"),
        Phrase("配信をやめて", "usage: 'stop the delivery'"),
        Phrase("配信を停止", "usage: 'stop the delivery'"),
        Phrase("送信を停止", "usage: 'stop sending'"),
        Phrase("配信を中止", "usage: 'discontinue the delivery'"),
        Phrase("送信を中止", "usage: 'discontinue sending'"),
        Phrase("メールを中止", "usage: 'discontinue the messages'"),
        Phrase("メッセージを中止", "usage: 'discontinue the messages'"),
        Phrase("番号間違い", "usage: wrong number"),
        Phrase("間違い電話", "usage: wrong number"),
        Phrase("登録した覚えはない", "usage: 'I don't remember registering'"),
        Phrase("登録していません", "usage: 'I did not register'"),
        Phrase("番号違い", "usage: wrong number ('番号違いです')"),
        Phrase("番号間違え", "usage: wrong number"),
        Phrase("メールいらない", "usage: 'I don't need the messages'"),
        Phrase("メールはいらない", "usage: 'I don't need the messages'"),
        Phrase("メッセージいらない", "usage: 'I don't need the messages'"),
        Phrase("メッセージはいらない", "usage: 'I don't need the messages'"),
        Phrase("連絡はいらない", "usage: 'no contact wanted'"),
        Phrase("連絡いらない", "usage: 'no contact wanted'"),
        Phrase("今後の連絡は不要", "usage: 'no further contact needed'"),
        Phrase("今後の連絡は結構", "usage: 'no further contact, thank you'"),
        Phrase("今後連絡不要", "usage: 'no further contact needed'"),
        Phrase("送ってこないで", "usage: 'don't send (them) to me'"),
        Phrase("送ってくるな", "usage: 'don't send (them) to me' (blunt)"),
        Phrase("もう送ってこない", "usage: 'don't send any more'"),
    ),
    help_phrases=(
        Phrase("どなたですか", "usage: 'どなたですか？' (who is this: the HELP reply)"),
        Phrase("どちら様ですか", "usage: 'どなたですか？' (who is this: the HELP reply)"),
        Phrase("どちらさまですか", "usage: 'どなたですか？' (who is this: the HELP reply)"),
        Phrase("誰ですか", "usage: 'どなたですか？' (who is this: the HELP reply)"),
        Phrase("だれですか", "usage: 'どなたですか？' (who is this: the HELP reply)"),
    ),
    review_phrases=(Phrase("興味ない", "usage: 'not interested'", 0.6),),
    benign=(
        Phrase("停止しないで", "usage: 'don't stop'"),
        Phrase("解除しないで", "usage: 'don't cancel'"),
        Phrase("予約を解除", "usage: 'cancel the booking'"),
        Phrase("営業停止", "usage: 'business suspended'"),
        Phrase("中止しないで", "usage: 'don't discontinue'"),
        Phrase("中止にな", "usage: '中止になった' (was called off: an event, not the texts)"),
        Phrase("雨天中止", "usage: 'called off if it rains'"),
        *(
            Phrase(f"{kind}番号{wrong}", "usage: a wrong order (booking, ...) number, not a phone")
            for kind in ("注文", "予約", "会員", "郵便", "部屋", "口座", "伝票", "商品", "カード")
            for wrong in ("違い", "間違い", "間違え")
        ),
    ),
    substrings=True,
)
