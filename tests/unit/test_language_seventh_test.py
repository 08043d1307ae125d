"""The seventh independent test (2026-12): whole-message opt-outs in Greek, Chinese/Japanese,
Dutch, Vietnamese, Finnish, French and Polish read as nothing, and two English false
opt-outs. The fixes: ΔΙΑΚΟΠΗ (Greek; accents and tonos were already folded, the word was
missing), 中止 and 配信中止, OPHOUDEN/HOU OP, a Finnish lexicon (LOPETA), "ne plus
recevoir", ZATRZYMAJ; a plain "HUY" alone goes to review (the given name Huy, or HỦY typed
without accents); "I'll quit texting you" is the person's own texting; "unsubscribe my son
but keep me" is mixed (review). On the way: a Japanese courtesy mark ("。") folded to
nothing and split every CJK message it was stripped from into single characters, so
"停止してください" was never read as keyword and courtesy."""

from __future__ import annotations

import pytest

from stopline.domain.language import Action, ClassifyContext
from stopline.domain.language.engine import classify_strict
from stopline.domain.language.patterns import compile_pattern
from tests.unit.language_cases import action

OUT, NONE, REVIEW = Action.OPT_OUT, Action.NONE, Action.REVIEW


@pytest.mark.parametrize(
    "text",
    [
        # the tester's messages
        "διακοπή",
        "中止",
        "ophouden",
        "lopeta",
        "Ne plus recevoir",
        "Zatrzymaj",
        # close variants
        "διακοπη",
        "ΔΙΑΚΟΠΗ",
        "Διακοπή!",
        "διακοπή παρακαλώ",
        "Διακοπή αποστολής μηνυμάτων",
        "διακόψτε τα μηνύματα",
        "中止してください",
        "中止。",
        "请中止",
        "配信中止",
        "配信を中止してください",
        "請中止發送短信",
        "停止してください",
        "OPHOUDEN!",
        "Ophouden aub",
        "Hou op",
        "hou op met die berichten",
        "ophouden met sms'en",
        "LOPETA kiitos",
        "lopeta viestit",
        "Lopettakaa viestien lähettäminen",
        "älä lähetä enää viestejä",
        "en halua enää viestejä",
        "Peru tilaus",
        "ne plus recevoir.",
        "NE PLUS RECEVOIR svp",
        "ne plus recevoir de sms",
        "Je souhaite ne plus recevoir vos offres",
        "je ne veux plus recevoir",
        "zatrzymaj!",
        "Zatrzymaj proszę",
        "ZATRZYMAJCIE",
        "zatrzymaj wiadomości",
        "Zatrzymaj to",
        "przestań",
        "Przestań!",
        "hủy",
        "HUY QC",
        "hủy tin nhắn",
        "quit texting me",
        "Quit texting me!",
        "stop sending",
        "Stop sending.",
        "Please stop texting me, I'll stop texting you",
        "unsubscribe my son from the newsletter",  # this number may be where his texts go
    ],
)
def test_opt_outs(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    [
        "I'll quit texting you so much lol",
        "I'll stop texting you",
        "I will quit texting you",
        "ok I'll stop texting you now",
        "I'm gonna stop texting you",
        "i'll quit messaging u lol",
        "I should stop texting you so much",
        "sorry I'll stop bothering you",
        "I'll stop sending you memes",
        # benign uses of the new words
        "Διακοπή ρεύματος στην περιοχή μας σήμερα",
        "καλές διακοπές",
        "μη διακόψτε",
        "試合は雨で中止になった",
        "中止しないで",
        "不要中止",
        "het moet ophouden met regenen",
        "ophouden met roken",
        "niet ophouden",
        "hou op met zeuren",
        "lopeta tupakointi",
        "älä lopeta",
        "peruuta varaus",
        "pois",  # Portuguese "pois" (well): Finnish POIS is for Finnish senders
        "Zatrzymaj się",
        "zatrzymajcie przesyłkę",
        "je ne veux plus recevoir de factures papier",
        "Je veux ne plus recevoir la facture papier",
        # the name Huy in a sentence
        "This is Huy",
        "Thanks, Huy",
        "Huy here",
        "Huy đây",
    ],
)
def test_not_opt_outs(text: str) -> None:
    assert action(text) is NONE


@pytest.mark.parametrize(
    "text",
    [
        # HUY alone without accents: the given name, or HỦY typed plainly
        "HUY",
        "Huy",
        "huy.",
        "HUY nha",
        # someone else's subscription, this number kept: mixed
        "can I unsubscribe my son from the newsletter but keep me",
        "unsubscribe my son but not me",
        "stop texting my son but keep me",
        # the new words in a short sentence: a person reads it
        "明日のイベントは中止ですか？",
        "Έχουμε διακοπή",
        "ei kiinnosta",
    ],
)
def test_review(text: str) -> None:
    assert action(text) is REVIEW


def test_home_senders_read_the_plain_spelling() -> None:
    vietnamese = ClassifyContext(locale="vi-VN")
    assert action("HUY", vietnamese) is OUT
    assert action("Huy nha", vietnamese) is OUT
    finnish = ClassifyContext(locale="fi-FI")
    assert action("POIS", finnish) is OUT
    assert action("Pois kiitos", finnish) is OUT


def test_languages_are_reported() -> None:
    assert classify_strict("διακοπή").language == "el"
    assert classify_strict("lopeta").language == "fi"
    assert classify_strict("ophouden").language == "nl"
    assert classify_strict("Zatrzymaj").language == "pl"
    assert classify_strict("Ne plus recevoir").language == "fr"
    assert classify_strict("HUY").language == "vi"


def test_start_anchor() -> None:
    # "^" (first) in a pattern: the message starts there
    _firsts, source = compile_pattern("^ huy $", "")
    assert source.startswith("^")
    assert action("Hi Huy") is NONE
