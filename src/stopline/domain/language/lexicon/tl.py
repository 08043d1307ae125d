"""Tagalog (Filipino), including the English words Filipino texters mix in."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

# What "don't ..." forbids: texting, calling, messaging, bothering.
CONTACT = "i text|itext|text|itxt|txt|padalhan|tawagan|message|imessage|istorbohin|mag text"
CONTACT += "|magtext|mag txt|magtxt|mag message|magmessage|mag sms|magsms|mag send|magsend"
CONTACT += "|magpadala|mag padala|magpapadala"

LEXICON = Lexicon(
    language="tl",
    name="Tagalog",
    opt_out=(
        Keyword("TIGIL", "usage: 'stop'"),
        Keyword("ITIGIL", "usage: 'stop (it)'"),
        Keyword("HINTO", "usage: 'stop'", S.WORD),
        Keyword("TAMA NA", "usage: 'that's enough'"),
        Keyword("AYOKO NA", "usage: 'I don't want (it) any more'"),
        Keyword("AYAW KO NA", "usage: 'I don't want (it) any more'"),
        Keyword("PAKITIGIL", "usage: 'please stop'"),
        Keyword("PAKITIGIL NA", "usage: 'please stop now'"),
        Keyword("TIGILAN NYO NA", "usage: 'stop it (you all)'"),
    ),
    opt_in=(Keyword("SUBSCRIBE ULIT", "usage: 'subscribe again'", S.WORD),),
    opt_in_phrases=(
        Phrase(
            "^ gusto (ko|kong|namin|naming) (ulit|ulit na|muli|muling) (makatanggap|tumanggap"
            "|matanggap)",
            "usage: 'gusto ko ulit makatanggap ng text'",
        ),
        Phrase(
            "^ i-subscribe|isubscribe|subscribe (mo|nyo|ninyo)? (ako|ulit ako) (ulit|muli)?",
            "usage: 'i-subscribe mo ulit ako'",
        ),
    ),
    help=(Keyword("TULONG", "usage: 'help'"),),
    courtesy=("po", "salamat", "na", "nga", "pls", "please", "naman", "ho", "opo", "ok"),
    opt_out_phrases=(
        Phrase(
            f"wag|huwag ... ({CONTACT})",
            "usage: 'wag nyo na akong i-text'",
        ),
        Phrase(
            "itigil|tigilan|tigil na? po? nyo|niyo|mo|ninyo? na? po? ang? mga? (text|pagtext"
            "|pag text|pagpapadala|pagmemessage|ako|pag txt|pagtxt|pag message|sms)",
            "usage: 'itigil nyo na ang text'",
        ),
        Phrase(
            "(ayoko|ayaw ko|ayaw namin|ayaw na namin) na? ng? mga? (text~|message~|mensahe"
            "|makatanggap|sms|txt)",
            "usage: 'ayoko na ng text'",
        ),
        Phrase("maling numero|number", "usage: wrong number"),
        Phrase(
            "hindi ako (nag sign up|nagsign up|nag register|nagregister|nag subscribe)",
            "usage: never signed up",
        ),
        Phrase(
            "tanggalin|alisin nyo? na? po? (ako|ang number|ang numero|number ko|numero ko)",
            "usage: 'remove me'",
        ),
        Phrase("tama na po?", "usage: 'enough'"),
        # -- third independent test (2026-12)
        Phrase(
            "(pakitigil|paki tigil|patigil|pakihinto|itigil|ihinto|tigilan|tigil|hinto) na? po?"
            " nyo? na? po? (ang|yung|ng)? mga? (pagpapadala|pagpadala|pag send|pagsend|pag text"
            "|pagtetext|pagte text|text~|mensahe|message~|sms|txt)",
            "usage: 'pakitigil na po ang pagpapadala ng mga mensahe' (please stop sending)",
        ),
        Phrase(
            "(wag|huwag|hwag) (nyo|mo|na|po|ninyo|kayong|kang)? (na|po)? (nyo|po|na)? (akong"
            "|kaming|ako|kami)? (padalhan|padalahan|pinapadalhan|magpadala|mag padala|i text"
            "|itext|i message|imessage|itxt|tawagan|istorbohin|guluhin)",
            "usage: 'huwag nyo na akong padalhan' (don't send me any more)",
        ),
        Phrase(
            "(ayoko|ayaw ko|ayaw namin|hindi ko|di ko) na? (ng|nang)? (gusto|kailangan)? (ng|nang)?"
            " (mga)? (mensahe|text~|message~|sms|txt|makatanggap|tumanggap)",
            "usage: 'ayoko na ng mga mensahe', 'hindi ko na gusto makatanggap'",
        ),
        Phrase(
            "(tigilan|tantanan) (nyo|mo|niyo|ninyo)? (na)? (po)? (ako|kami)",
            "usage: 'tigilan nyo na ako' (leave me alone)",
        ),
        Phrase(
            "(tanggalin|alisin|burahin|i delete|idelete|iremove|i remove|pakiremove|paki remove"
            "|pakidelete|paki delete|pakitanggal|paki tanggal) (nyo|mo|niyo|ninyo)?"
            " (na)? (lang)? (po)? (ako|kami|ang number ko|ang numero ko|number ko|numero ko"
            "|ang aking numero) (sa|mula sa)? (listahan|list|lista|inyong listahan|database)?",
            "usage: 'alisin nyo na po ako sa listahan'",
        ),
        Phrase(
            "(pakitanggal~|pakialis~|paki tanggal~|paki alis~|tanggal~|alis~|pakiremove"
            "|paki remove) po? ... sa (listahan|list|lista|contacts|database)",
            "usage: 'pakitanggal ako sa listahan' (please remove me from the list)",
        ),
    ),
    review_phrases=(Phrase("hindi interesado|di interesado", "usage: 'not interested'", 0.6),),
    benign=(
        Phrase(
            f"wag|huwag (nyo|mo|mong|kang|po|nyong|ninyong)? po? kalimutan ... ({CONTACT})",
            "usage: 'wag kalimutan mag text' (don't forget to text)",
        ),
    ),
    negations=("wag", "huwag", "hindi", "di"),
    help_phrases=(
        Phrase(
            "^ sino (po)? (ito|to|kayo|sila|ka) $",
            "usage: 'Sino po ito?' (the whole message: the HELP reply)",
        ),
    ),
)
