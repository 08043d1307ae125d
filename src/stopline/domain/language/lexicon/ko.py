"""Korean. Matched as substrings: particles attach to words."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

LEXICON = Lexicon(
    language="ko",
    name="Korean",
    opt_out=(
        Keyword(
            "수신거부",
            "Korean SMS convention: '무료수신거부' footer on advertising texts",
            S.STRONG,
        ),
        Keyword("수신 거부", "spaced form of 수신거부", S.STRONG),
        Keyword("구독취소", "usage: 'cancel subscription'", S.STRONG),
        Keyword("구독 취소", "usage: 'cancel subscription'", S.STRONG),
        Keyword("중지", "usage: 'stop'"),
        Keyword("그만", "usage: 'enough/stop'"),
        Keyword("해지", "usage: 'terminate (a service)'", S.WORD),
        Keyword("탈퇴", "usage: 'withdraw membership'", S.WORD),
        Keyword("취소", "usage: 'cancel'", S.WORD),
        Keyword("스탑", "usage: 'stop' in Hangul (also inside 원스탑, 스탑워치)", S.WORD),
        Keyword("거부", "usage: 'refuse'", S.WORD),
    ),
    help=(Keyword("도움말", "usage: 'help'"), Keyword("도움", "usage: 'help'", S.WORD)),
    courtesy=("주세요", "해주세요", "해 주세요", "요", "부탁합니다", "부탁드립니다", "감사합니다"),
    opt_out_phrases=(
        Phrase("보내지 마", "usage: 'don't send'"),
        Phrase("보내지마", "usage: 'don't send'"),
        Phrase("그만 보내", "usage: 'stop sending'"),
        Phrase("그만보내", "usage: 'stop sending'"),
        Phrase("문자 그만", "usage: 'stop the texts'"),
        Phrase("연락하지 마", "usage: 'don't contact me'"),
        Phrase("연락하지마", "usage: 'don't contact me'"),
        Phrase("잘못된 번호", "usage: wrong number"),
        Phrase("번호 잘못", "usage: wrong number"),
        Phrase("가입한 적 없", "usage: 'never signed up'"),
        Phrase("광고 문자 사절", "usage: 'no advertising texts'"),
        Phrase("수신 안 함", "usage: 'don't receive'"),
        Phrase("받지 않겠습니다", "usage: 'I will not receive'"),
    ),
    review_phrases=(Phrase("관심 없", "usage: 'not interested'", 0.6),),
    benign=(
        Phrase("예약 취소", "usage: 'cancel the booking'"),
        Phrase("주문 취소", "usage: 'cancel the order'"),
        Phrase("중지하지 마", "usage: 'don't stop'"),
        Phrase("거부 하지 마", "usage: 'don't refuse (the texts)': '수신거부 하지 마세요'"),
        Phrase("거부하지 마", "usage: 'don't refuse (the texts)'"),
        Phrase("거부하지마", "usage: 'don't refuse (the texts)'"),
        Phrase("취소하지 마", "usage: 'don't cancel'"),
        Phrase("취소하지마", "usage: 'don't cancel'"),
        Phrase("거부감", "usage: 'aversion'"),
        Phrase("거부권", "usage: 'veto'"),
        Phrase("원스탑", "usage: 'one-stop'"),
        Phrase("논스탑", "usage: 'non-stop'"),
        Phrase("스탑워치", "usage: 'stopwatch'"),
    ),
    substrings=True,
)
