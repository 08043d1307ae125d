"""Hindi, in Devanagari and in the Latin transliteration people text with."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

LEXICON = Lexicon(
    language="hi",
    name="Hindi",
    opt_out=(
        Keyword("बंद", "usage: 'stop/closed'"),
        Keyword("बंद करो", "usage: 'stop it'", S.STRONG),
        Keyword("बंद करें", "usage: 'stop it' (polite)", S.STRONG),
        Keyword("रोकें", "usage: 'stop'"),
        Keyword("रोको", "usage: 'stop'"),
        Keyword("BAND KARO", "usage: transliterated 'stop it'"),
        Keyword("BAND KAREN", "usage: transliterated 'stop it' (polite)"),
        Keyword("BAS KARO", "usage: transliterated 'enough'"),
        Keyword("MAT BHEJO", "usage: transliterated 'don't send'"),
        Keyword("अनसब्सक्राइब", "usage: 'unsubscribe' in Devanagari", S.STRONG),
        Keyword("ऑप्ट आउट", "usage: 'opt out' written in Devanagari", S.STRONG),
        Keyword("स्टॉप", "usage: 'stop' written in Devanagari, common in Hindi SMS"),
        Keyword("स्टाप", "usage: 'stop' written in Devanagari (without the candra o)"),
        Keyword("बस करो", "usage: 'enough, stop it' (BAS KARO in Devanagari)"),
    ),
    help=(Keyword("मदद", "usage: 'help'"), Keyword("सहायता", "usage: 'help'")),
    courtesy=("कृपया", "धन्यवाद", "जी", "plz", "please", "ji", "kripya", "abhi", "अभी"),
    opt_out_phrases=(
        Phrase("मैसेज|मेसेज|एसएमएस|संदेश मत|ना|बंद", "usage: 'मैसेज मत भेजो'"),
        Phrase("मत भेजो|भेजिए|भेजें|भेजिये", "usage: 'don't send'"),
        Phrase("मुझे मैसेज|संदेश मत|ना", "usage: 'don't message me'"),
        Phrase(
            "msg|message|sms|messages mat|band|na bhejo|bhejna|karo|bhejiye",
            "usage: transliterated 'don't send messages'",
        ),
        Phrase("mat bhejo|bhejiye|bhejna|karo", "usage: transliterated 'don't send'"),
        Phrase("band (karo|kariye|karen|kar do)", "usage: transliterated 'stop it'"),
        Phrase("गलत नंबर|नम्बर", "usage: wrong number"),
        Phrase("galat number|no", "usage: transliterated wrong number"),
        Phrase("मेरा नंबर हटा|हटाओ|हटाएं", "usage: 'remove my number'"),
        Phrase("mera number hata|hatao|hataye|hatayen|delete", "usage: 'remove my number'"),
        Phrase(
            "mujhe|hume|humein|humko|mujhko (list|group|database|suchi) se (hata|hatao|hataye"
            "|hatayen|hataiye|hatado|nikalo|nikal|nikaliye|remove)",
            "usage: transliterated 'mujhe list se hata do' (remove me from the list)",
        ),
        Phrase(
            "मुझे|हमें|मुझको (लिस्ट|सूची|ग्रुप) से (हटा|हटाओ|हटाएं|हटाइए|हटाये|निकालो|निकाल|निकालिए)",
            "usage: 'मुझे लिस्ट से हटा दो' (remove me from the list)",
        ),
        Phrase("सदस्यता|सब्सक्रिप्शन रद्द|समाप्त|खत्म|बंद", "usage: 'सदस्यता रद्द करें' (cancel subscription)"),
        Phrase(
            "(मैसेज|मेसेज|संदेश|एसएमएस) नहीं|नही चाहिए|चाहिये",
            "usage: 'अब और मैसेज नहीं चाहिए' (don't want messages)",
        ),
        Phrase(
            "msg|message|messages|sms nahi|nahin|nai chahiye|chahiye",
            "usage: transliterated 'don't want messages'",
        ),
        Phrase(
            "परेशान मत|ना|न करो|करें|करिए|कीजिए|करना", "usage: 'मुझे परेशान मत करो' (don't bother me)"
        ),
        Phrase(
            "pareshan mat|na karo|karen|kijiye|karna", "usage: transliterated 'don't bother me'"
        ),
    ),
    review_phrases=(
        Phrase("(दिलचस्पी नहीं|interest nahi|interested nahi)", "usage", 0.6),
        Phrase("रुको|रुकिए|रुकें $", "usage: 'wait' or 'stop'", 0.5),
    ),
    benign=(
        Phrase("(दुकान बंद|band hai|बंद है)", "usage: 'the shop is closed'"),
        Phrase("स्टॉप|स्टाप पर|तक|के|से", "usage: 'बस स्टॉप पर' (at the bus stop)"),
    ),
    negations=("मत", "ना", "नहीं", "mat", "nahi"),
)
