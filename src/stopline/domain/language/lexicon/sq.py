"""Albanian (a small lexicon: the keywords and 'stop sending me messages'; ë and ç fold to e
and c)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "mesazhe|mesazhet|mesazh|sms|reklama|njoftime"

LEXICON = Lexicon(
    language="sq",
    name="Albanian",
    opt_out=(
        Keyword("NDALO", "usage: 'stop!', alone only", S.WORD),
        Keyword("NDALONI", "usage: 'stop!' (plural/polite), alone only", S.WORD),
        Keyword("ÇREGJISTROHU", "usage: 'unregister, unsubscribe'", S.STRONG),
        Keyword("ÇREGJISTROMË", "usage: 'unregister me'", S.STRONG),
        Keyword("ÇABONOHU", "usage: 'unsubscribe'", S.STRONG),
    ),
    help=(Keyword("NDIHMË", "usage: 'help'"),),
    courtesy=("ju lutem", "lutem", "faleminderit", "tani"),
    opt_out_phrases=(
        Phrase(
            f"mos (me|na) (dergoni|dergo|coni) (me)? ({MSG})",
            "usage: 'Mos më dërgoni mesazhe' (not 'mos më dërgoni paketën')",
        ),
        Phrase("mos (me|na) (shkruani|shkruaj|dergoni) (me)? $", "usage: 'Mos më shkruani'"),
        Phrase(f"ndaloni|ndalo ({MSG}|dergimin)", "usage: 'Ndaloni mesazhet'"),
        Phrase(f"nuk (dua|duam) (me)? ({MSG})", "usage: 'Nuk dua mesazhe'"),
        Phrase("me hiqni|hiqmeni (nga)? (lista)?", "usage: 'Më hiqni nga lista'"),
    ),
    negations=("nuk", "mos", "kurre"),
    typos=False,
)
