"""Greek (a small lexicon: the keywords and the commonest 'stop sending me messages')."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "μηνυματ~|μηνυμα|sms|διαφημισ~|ενημερωσ~|μυνηματ~"
SEND = "στελνετε|στελνεις|στελνετε|στειλετε|στειλεις|ενοχλειτε|ενοχλεις|γραφετε"

LEXICON = Lexicon(
    language="el",
    name="Greek",
    opt_out=(
        Keyword("STAMATISTE", "usage: Greeklish 'σταματήστε' (stop!)"),
        Keyword("ΣΤΟΠ", "usage: 'stop' in Greek letters"),
        Keyword("ΔΙΑΓΡΑΦΗ", "usage: 'deletion', the opt-out reply of Greek SMS programs"),
        Keyword("ΑΠΕΓΓΡΑΦΗ", "usage: 'unsubscription'", S.STRONG),
        Keyword("ΣΤΑΜΑΤΗΣΤΕ", "usage: 'stop' (plural/polite imperative)"),
        Keyword("ΣΤΑΜΑΤΑ", "usage: 'stop' (imperative)", S.WORD),
        Keyword("ΦΤΑΝΕΙ", "usage: 'enough'", S.WORD),
        Keyword("ΔΙΑΚΟΠΗ", "usage: 'discontinue', the opt-out reply of Greek SMS services", S.WORD),
        Keyword("ΔΙΑΚΟΨΤΕ", "usage: 'discontinue (it)', imperative", S.WORD),
    ),
    help=(Keyword("ΒΟΗΘΕΙΑ", "usage: 'help'"),),
    courtesy=("παρακαλω", "ευχαριστω", "πια", "αλλο", "τωρα"),
    opt_out_phrases=(
        Phrase(
            "stamatiste|stamata (na stelnete)? (ta)? (minimata|mhnymata|sms|mynimata)",
            "usage: Greeklish 'stamatiste ta minimata' (stop the messages)",
        ),
        Phrase(
            f"σταματηστε|σταματα|σταματηστε να? (μου|μας)? ({SEND}|{MSG})",
            "usage: 'σταματήστε να μου στέλνετε μηνύματα'",
        ),
        Phrase(f"(μη|μην) (μου|μας)? ({SEND})", "usage: 'μη μου στέλνετε άλλα μηνύματα'"),
        Phrase(f"δεν (θελω|θελουμε) ... ({MSG})", "usage: 'δεν θέλω άλλα μηνύματα'"),
        Phrase(
            "(διαγραψτε|αφαιρεστε|βγαλτε) (με|μας|τον αριθμο μου|το νουμερο μου)",
            "usage: 'διαγράψτε με από τη λίστα' (remove me)",
        ),
        Phrase("(λαθος αριθμος|λαθος νουμερο)", "usage: wrong number"),
        Phrase(f"οχι (αλλα|αλλο|πια|αλλη) ({MSG})", "usage: 'Όχι άλλα μηνύματα' (no more)"),
        Phrase(
            f"διακοπη|διακοψτε|σταματηστε (της|την|τη|των|τα|τις)? (αποστολη~|συνδρομη~|λιστα~"
            f"|{MSG})",
            "usage: 'διακοπή αποστολής μηνυμάτων', 'διακοπή συνδρομής' (stop the messages)",
        ),
    ),
    review_phrases=(Phrase("(δεν ενδιαφερομαι|δε με ενδιαφερει)", "usage: 'not interested'", 0.6),),
    benign=(
        Phrase(
            "διακοπη|διακοπες (ρευματος|νερου|υδροδοτησης|ηλεκτροδοτησης|λειτουργιας|εργασιων"
            "|κυκλοφοριας|σπουδων|θεραπειας|φαρμακου|ιντερνετ|τηλεφωνου|δρομολογιων|πληρωμης)",
            "usage: 'διακοπή ρεύματος' (power cut) and other interruptions, not the texts",
        ),
        Phrase("καλες διακοπες", "usage: 'καλές διακοπές' (happy holidays)"),
    ),
    negations=("μη", "μην", "δεν"),
)
