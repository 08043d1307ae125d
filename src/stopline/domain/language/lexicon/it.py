"""Italian."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "messaggi~|sms|pubblicita|promozion~|notifich~|avvisi|spam|offerte|chiamate|email"

LEXICON = Lexicon(
    language="it",
    name="Italian",
    opt_out=(
        Keyword(
            "FINE", "usage: 'end' (English 'fine' means OK: Italian senders only)", S.WORD, True
        ),
        Keyword("BASTA", "usage: 'enough'", S.WORD),
        Keyword("ANNULLA", "usage: 'cancel'", S.WORD),
        Keyword("CANCELLA", "usage: 'cancel/delete'", S.WORD),
        Keyword("CANCELLAMI", "usage: 'delete me'", S.STRONG),
        Keyword("DISISCRIVI", "usage: 'unsubscribe'", S.STRONG),
        Keyword("DISISCRIVIMI", "usage: 'unsubscribe me'", S.STRONG),
        Keyword("DISISCRIZIONE", "usage: 'unsubscription'", S.STRONG),
        Keyword("FERMA", "usage: 'stop!'", S.WORD),
        Keyword("FERMATEVI", "usage: 'stop!' (plural)", S.WORD),
    ),
    opt_in=(
        Keyword("ISCRIVIMI", "usage: 'subscribe me'", S.WORD),
        Keyword("RIATTIVA", "usage: 'reactivate'", S.WORD),
    ),
    opt_in_phrases=(
        Phrase(
            "iscrivimi|riattiva|riattivate|riattivami (di nuovo|ancora|i messaggi|gli sms)",
            "usage: 'iscrivimi di nuovo' (subscribe me again)",
        ),
        Phrase(
            "(voglio|vorrei) ricevere (di nuovo|ancora|nuovamente) (i|gli|le)? (messaggi|sms"
            "|notifiche|avvisi|offerte)",
            "usage: 'voglio ricevere di nuovo i messaggi'",
        ),
    ),
    help=(Keyword("AIUTO", "usage: 'help'"),),
    courtesy=(
        "per",
        "favore",
        "piacere",
        "grazie",
        "subito",
        "ora",
        "adesso",
        "ok",
        "ciao",
        "si",
        "no",
        "mille",
    ),
    opt_out_phrases=(
        # -- fourteenth independent test (2026-12-05)
        Phrase(
            "cancella|cancellate|annulla|annullate (la)? (mia)? (iscrizione|sottoscrizione)",
            "usage: 'Cancella la mia iscrizione' (cancel my subscription)",
        ),
        Phrase(
            "^ non (mi)? reiscrivete|reiscrivermi|reiscrivetemi|iscrivetemi|riabbonatemi"
            "|riabbonarmi|riscrivetemi (mai)? (di nuovo|piu)? (per favore|grazie)? $",
            "usage: 'non reiscrivetemi', 'non iscrivetemi di nuovo'",
        ),
        Phrase(
            "^ non voglio|vogliamo (piu)? reiscrivermi|riabbonarmi|reiscriverci $",
            "usage: 'non voglio reiscrivermi'",
        ),
        Phrase(
            "^ non voglio|vogliamo piu iscrivermi|iscriverci $",
            "usage: 'non voglio più iscrivermi'",
        ),
        Phrase(
            "non mi|ci scrivete|scrivere|mandate|inviate|mandare|inviare|contattate"
            "|chiamate|scrivi|mandi|mandare piu?",
            "usage: 'non mi scrivete più'",
        ),
        Phrase(
            f"non voglio|vogliamo|desidero piu? (ricevere|{MSG})", "usage: 'non voglio ricevere'"
        ),
        Phrase(f"basta ({MSG}|con)", "usage: 'basta messaggi'"),
        Phrase(f"niente piu ({MSG})", "usage: 'niente più messaggi'"),
        Phrase(
            "toglietemi|rimuovetemi|cancellatemi|eliminatemi|toglimi|rimuovimi|cancellami"
            "|disiscrivetemi",
            "usage: 'toglietemi dalla lista'",
        ),
        Phrase("numero sbagliato|errato", "usage: wrong number"),
        Phrase("non mi sono mai iscritto|iscritta|registrato|registrata", "usage: never signed up"),
        Phrase(
            "smettete|smetti|smettetela|smettila di scrivere|mandare|inviare|scrivermi"
            "|mandarmi|contattarmi",
            "usage: 'smettete di scrivermi'",
        ),
        Phrase(
            "non scrivetemi|mandatemi|inviatemi|contattatemi|chiamatemi|scrivermi|mandarmi piu?",
            "usage: imperative with clitic",
        ),
        Phrase("smettetela|smettila $", "usage: 'cut it out'"),
        Phrase("disiscriv~|cancellatemi", "usage: unsubscribe anywhere"),
        Phrase("lasciatemi|lasciami in pace", "usage: leave me alone"),
        Phrase(
            "annulla|annullare|annullate (la|mia|l)? iscrizione",
            "usage: 'annulla iscrizione' (the usual 'unsubscribe' wording)",
        ),
        Phrase(
            "revoc~|ritiro|ritirare (il|mio|ogni|qualsiasi)? consenso",
            "usage: 'revoco il consenso'",
        ),
        Phrase(
            "rimuovi|rimuovete|rimuovere|elimina|eliminate|eliminare|cancella|cancellate|cancellare"
            "|togli|togliete|togliere (il mio|mio|il|questo|il nostro) (numero|contatto|cellulare"
            "|numero di telefono)",
            "usage: 'rimuovi il mio numero'",
        ),
    ),
    review_phrases=(
        Phrase(
            "(non mi interessa|non sono interessato|non sono interessata|no grazie)",
            "usage: declines",
            0.6,
        ),
    ),
    benign=(
        Phrase("fine settimana|mese|anno|giornata|del|della|dell|di", "usage: 'fine settimana'"),
        Phrase("alla|a|la|in fine", "usage: 'alla fine'"),
        Phrase(
            "cancella|annulla il|la|mio|mia appuntamento|ordine|prenotazione|volo|consegna",
            "usage: cancel an appointment",
        ),
    ),
    negations=("non", "mai", "non voglio"),
    help_phrases=(
        Phrase(
            "^ chi (e|sei|siete|e lei|parla|mi scrive) $",
            "usage: 'Chi è?', 'Chi siete?' (the whole message: the HELP reply)",
        ),
    ),
)
