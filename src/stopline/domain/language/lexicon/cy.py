"""Welsh (a small lexicon: the keywords and 'stop sending me messages')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "negeseuon|neges|tecstiau|tecst|testunau|sms"
SEND = "anfon|danfon|tecstio|hala"

LEXICON = Lexicon(
    language="cy",
    name="Welsh",
    opt_out=(
        Keyword("STOPIO", "usage: 'stop(ping)', alone only", S.WORD),
        Keyword("STOPIWCH", "usage: 'stop!' (plural/polite imperative)"),
        Keyword("DAD-DANYSGRIFIO", "usage: 'unsubscribe'", S.STRONG),
        Keyword("DAD-DANYSGRIFIWCH FI", "usage: 'unsubscribe me'", S.STRONG),
        Keyword("DAD-GOFRESTRU", "usage: 'deregister' (a car too): alone only", S.WORD),
        Keyword("DAD-GOFRESTRWCH FI", "usage: 'deregister me'", S.STRONG),
    ),
    help=(Keyword("CYMORTH", "usage: 'help'"),),
    courtesy=("plis", "diolch", "os gwelwch yn dda", "nawr", "rwan"),
    opt_out_phrases=(
        Phrase(
            f"peidiwch (ag|a)? ({SEND}) ({MSG}|ataf|ata i|i mi)",
            "usage: 'Peidiwch ag anfon negeseuon ataf'",
        ),
        Phrase(f"stopiwch|stopia ({SEND}) ({MSG})?", "usage: 'Stopiwch anfon negeseuon'"),
        Phrase(
            f"rhowch y gorau i ({SEND}) ({MSG})?",
            "usage: 'Rhowch y gorau i anfon negeseuon' (stop sending messages)",
        ),
        Phrase("tynnwch fi oddi ar (y|eich) rhestr", "usage: 'take me off the list'"),
    ),
    negations=("ddim", "nid", "byth"),
    typos=False,
)
