"""Polish."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

# What is sent (folded: "wiadomości" -> "wiadomosci", "SMS-ów" -> "sms ow").
MSG = "wiadomosc~|sms~|esem~|powiadomie~|reklam~|promocj~|oferty|ofert|spam~|maili|newsletter~"
MSG += "|powiadomien"
SEND = "wysylac|wysylania|wysylanie|pisac|przysylac|dzwonic|spamowac|nekac|zawracac|smsowac"
SEND += "|wysylajcie|wysylaj|piszcie|pisz|przysylajcie|przysylaj|dzwoncie|dzwon|spamujcie"
SEND += "|spamuj|nekajcie|zawracajcie|wysylacie|piszecie|przysylacie"

LEXICON = Lexicon(
    language="pl",
    name="Polish",
    opt_out=(
        Keyword("WYPISZ", "usage: 'unsubscribe (me)', imperative"),
        Keyword("WYPISZ MNIE", "usage: 'unsubscribe me'", S.STRONG),
        Keyword("WYPISZCIE MNIE", "usage: 'unsubscribe me' (plural you)", S.STRONG),
        Keyword("REZYGNUJE", "usage: 'I resign/opt out', the usual reply to Polish SMS programs"),
        Keyword("REZYGNACJA", "usage: 'opting out', keyword of Polish SMS programs"),
        Keyword("ANULUJ", "usage: 'cancel'", S.WORD),
        Keyword("KONIEC", "usage: 'end'", S.WORD),
        Keyword("DOSC", "usage: 'enough' (dość)", S.WORD),
        Keyword("DOSYC", "usage: 'enough' (dosyć)", S.WORD),
        Keyword("PRZESTAN", "usage: 'stop it' (przestań)"),
        Keyword("PRZESTANCIE", "usage: 'stop it' (przestańcie, plural)"),
        Keyword("WYPISANIE", "usage: 'unsubscription'", S.STRONG),
        Keyword("ZATRZYMAJ", "usage: 'stop (it)', imperative (zatrzymaj)", S.WORD),
        Keyword("ZATRZYMAJCIE", "usage: 'stop (it)', plural imperative", S.WORD),
    ),
    help=(Keyword("POMOC", "usage: 'help'"),),
    courtesy=("prosze", "prosimy", "dziekuje", "dzieki", "juz", "teraz", "natychmiast", "tak"),
    opt_out_phrases=(
        # -- fourteenth independent test (2026-12-05)
        Phrase(
            "^ (anuluj|anulujcie|anulowac) (moja)? (subskrypcje|prenumerate|zapis) $",
            "usage: 'Anuluj subskrypcję' (cancel the subscription) as the whole message",
        ),
        Phrase(
            "^ nie zapisuj|zapisujcie|dopisuj|dopisujcie|dodawaj|dodawajcie|subskrybuj"
            " mnie|nas "
            "(ponownie|znowu|wiecej)? (prosze|dziekuje)? $",
            "usage: 'nie zapisuj mnie ponownie'",
        ),
        Phrase(
            f"przestan|przestancie|przestac|skonczcie|przestaniecie|zatrzymaj|zatrzymajcie mi|nam?"
            f" ({SEND}|{MSG})",
            "usage: 'proszę przestać wysyłać mi wiadomości', 'przestańcie pisać'",
        ),
        Phrase(
            f"przestan|przestancie|przestac|skonczcie|przestaniecie do|ze (mnie|nas) ({SEND})",
            "usage: 'proszę przestać do mnie pisać'",
        ),
        Phrase(f"koniec|dosc|dosyc z ({MSG}|tym|wysylaniem)", "usage: 'dość z tymi SMS-ami'"),
        Phrase(
            f"nie ({SEND}) ... (do mnie|mi|nam|do nas|wiecej|juz|sms~|wiadomosc~|na ten)",
            "usage: 'nie piszcie do mnie więcej', 'nie wysyłajcie mi SMS-ów'",
        ),
        Phrase(
            "nie (wysylajcie|wysylaj|piszcie|pisz|przysylajcie|dzwoncie|spamujcie) $",
            "usage: 'nie piszcie' as the whole reply",
        ),
        Phrase(
            f"nie (chce|chcemy|zycze sobie|potrzebuje) ... ({MSG}|otrzymywac|dostawac|kontaktu)",
            "usage: 'nie chcę więcej SMS-ów', 'nie chcę otrzymywać wiadomości'",
        ),
        Phrase(
            "usun|usuncie|usunac|wypisz|wypiszcie|wypisac|wykresl|wykreslcie|wykreslic (mnie|moj"
            "|nas|ten numer|numer)",
            "usage: 'usuńcie mój numer', 'wypisz mnie'",
        ),
        Phrase(
            "(mnie|moj numer|nas) (usunac|wypisac|wykreslic|skreslic)? z (listy|bazy|subskrypcji"
            "|newslettera)",
            "usage: 'proszę mnie usunąć z listy'",
        ),
        Phrase(
            "rezygnuje|rezygnacja|rezygnuj z? (sms~|wiadomosc~|powiadomien|subskrypcji"
            "|newslettera|uslugi|otrzymywania|reklam)",
            "usage: 'rezygnuję z SMS-ów'",
        ),
        Phrase(
            "(zly|bledny|niewlasciwy|pomylka|pomyliliscie) (numer|numerem|numeru|numery)",
            "usage: wrong number",
        ),
        Phrase(
            "nie (zapisywalem|zapisywalam|zapisalem|zapisalam|zgadzalem|zgadzalam|wyrazalem"
            "|wyrazalam)",
            "usage: 'I never signed up / agreed'",
        ),
        Phrase("(wycofuje|odwoluje|cofam) (zgode|zgody)", "usage: 'I withdraw my consent'"),
        Phrase("zostawcie|zostaw mnie w spokoju", "usage: 'leave me alone'"),
        Phrase("zatrzymaj|zatrzymajcie (to|te|tego) $", "usage: 'zatrzymaj to' (stop this)"),
        Phrase("wypisz~ (mnie|nas|z)", "usage: unsubscribe"),
    ),
    review_phrases=(
        Phrase("nie jestem zainteresowany|zainteresowana", "usage: 'not interested'", 0.6),
        Phrase("nie interesuje mnie", "usage: 'not interested'", 0.6),
    ),
    benign=(
        # -- fourteenth independent test (2026-12-05)
        Phrase(
            "wypisz|wypiszcie|wypisac|wypisze|wypisal|wypisala (mi|nam|dla mnie)? (fakture|recepte"
            "|rachunek|zaswiadczenie|skierowanie|paragon|zwolnienie|l4|czek|mandat)",
            "usage: 'Wypisz mi fakturę' (write out an invoice or a prescription)",
        ),
        Phrase(
            "anuluj|anulowac|anulowanie|anulujcie|odwolac|odwoluje (wizyte|wizyty|zamowienie"
            "|zamowienia|rezerwacje|rezerwacji|spotkanie|termin|platnosc|dostawe)",
            "usage: cancelling an appointment or order",
        ),
        Phrase("koniec (miesiaca|roku|tygodnia|dnia|sezonu|promocji)", "usage: 'end of the month'"),
        Phrase("rezygnuje z (wizyty|zamowienia|rezerwacji|terminu)", "usage: cancelling a visit"),
        Phrase(
            "zatrzymaj|zatrzymajcie (sie|zamowienie|zamowienia|wysylke|przesylke|paczke|dostawe"
            "|platnosc|platnosci|przelew|samochod|auto|autobus|go|ja|je|tutaj|tu)",
            "usage: 'zatrzymaj się' (halt), 'zatrzymajcie przesyłkę' (hold the parcel)",
        ),
    ),
    negations=("nie", "nigdy nie", "nigdy"),
)
