"""Chinese (Simplified and Traditional). Matched as substrings: no spaces between words."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

CONVENTION = "Chinese SMS convention: 'reply TD to unsubscribe' (回复TD退订) (compliance.md)"

LEXICON = Lexicon(
    language="zh",
    name="Chinese",
    opt_out=(
        Keyword("TD", CONVENTION),
        Keyword("T", "Chinese SMS convention: 'reply T to unsubscribe' (回T退订)", S.WORD, True),
        Keyword("退订", CONVENTION, S.STRONG),
        Keyword("退訂", "Traditional form of 退订", S.STRONG),
        Keyword("取消订阅", "usage: 'cancel subscription'", S.STRONG),
        Keyword("取消訂閱", "usage: 'cancel subscription' (Traditional)", S.STRONG),
        Keyword("停止", "usage: 'stop'"),
        Keyword("拒收", "usage: 'refuse to receive' (回R拒收 convention)", S.STRONG),
        Keyword("退出", "usage: 'quit'", S.WORD),
        Keyword("取消", "usage: 'cancel'", S.WORD),
    ),
    help=(Keyword("帮助", "usage: 'help'"), Keyword("幫助", "usage: 'help' (Traditional)")),
    courtesy=("请", "請", "谢谢", "謝謝", "吧", "了", "啊", "好", "好的"),
    opt_out_phrases=(
        Phrase("不要再发", "usage: 'don't send again'"),
        Phrase("别再发", "usage: 'don't send again'"),
        Phrase("不要发", "usage: 'don't send'"),
        Phrase("别发", "usage: 'don't send'"),
        Phrase("不要再傳", "usage: 'don't send again' (Traditional)"),
        Phrase("别给我发", "usage: 'don't send me'"),
        Phrase("不要给我发", "usage: 'don't send me'"),
        Phrase("停止发送", "usage: 'stop sending'"),
        Phrase("停止發送", "usage: 'stop sending' (Traditional)"),
        Phrase("不再接收", "usage: 'no longer receive'"),
        Phrase("不想收到", "usage: 'don't want to receive'"),
        Phrase("不想再收到", "usage: 'don't want to receive again'"),
        Phrase("不需要短信", "usage: 'don't need texts'"),
        Phrase("发错了", "usage: 'sent to the wrong person'"),
        Phrase("打错了", "usage: wrong number"),
        Phrase("号码错了", "usage: wrong number"),
        Phrase("我没有订阅", "usage: 'I never subscribed'"),
        Phrase("我没有注册", "usage: 'I never registered'"),
        Phrase("把我删除", "usage: 'delete me'"),
        Phrase("删除我的号码", "usage: 'delete my number'"),
        Phrase("停止短信", "usage: 'stop texts'"),
    ),
    review_phrases=(Phrase("不感兴趣", "usage: 'not interested'", 0.6),),
    benign=(
        Phrase("停止营业", "usage: 'closed for business'"),
        Phrase("取消订单", "usage: 'cancel the order'"),
        Phrase("取消预约", "usage: 'cancel the appointment'"),
        Phrase("不要停止", "usage: 'don't stop'"),
        Phrase("不要取消", "usage: 'don't cancel'"),
        Phrase("不要退订", "usage: 'don't unsubscribe'"),
    ),
    substrings=True,
)
