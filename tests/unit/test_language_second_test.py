"""Rules added after the second independent test (2026-12): new languages (Polish, Arabic,
Haitian Creole, Turkish), third-person objects, plain-English synonyms, consent withdrawal,
threats conditional on more texts, standalone keyword sentences, typos, benign look-alikes,
"keep the texts" wording and an opening START. Each rule family has cases written for these
tests (not the tester's sentences) that must fire and look-alikes that must not."""

from __future__ import annotations

import pytest

from stopline.domain.language import Action
from stopline.domain.language.normalise import fold
from stopline.domain.language.patterns import compile_pattern
from tests.unit.language_cases import action


@pytest.mark.parametrize(
    "text",
    [
        "Don't text him anymore",
        "Please do not text my mother again, she passed away",
        "Do not message this phone again",
        "Never text this line again",
        "Don't contact her again please",
        "Remove his number please",
        "Please delete my dad's number, he died",
        "Take her number off your list",
        "Remove my mom's number from your list",
        "My husband died, please stop texting him",
        "Switch off these notifications",
        "Please turn off all text alerts for this number",
        "Turn these off please",
        "Disable these notifications",
        "Mute all these messages",
        "Cut it out",
        "Knock it off already",
        "Cut it out with the spam",
        "I'm so done with your texts",
        "I'm tired of these messages",
        "Sick of your promos",
        "Fed up with all these texts",
        "Leave my number alone",
        "No further communication please",
        "No further texts",
        "I don't wish to receive these anymore",
        "I no longer want to get these",
        "I would prefer not to receive texts from you",
        "I'd rather not receive any more messages",
        "I'd rather not get these",
        "Not interested in receiving any more texts",
        "Is there any way to stop receiving these messages?",
        "Is there a way to unsubscribe?",
        "What part of STOP don't you understand?",
        "Do you not understand the word stop??",
        "Get off my phone",
        "get the hell off my phone",
        "Piss off",
        "Fuck off",
        "Go away",
        "You don't have my permission to text this number",
        "You do not have my consent to contact me",
        "You have no permission to message me",
        "Whatever consent I gave you is hereby revoked",
        "Any permission I may have given is withdrawn",
        "I do not give you permission to text me",
        "I never gave you consent",
        "One more text and I'm reporting you",
        "Any more messages and I call my lawyer",
        "Another text and you're blocked",
        "If you text me again I will sue",
        "If I get one more text from you I'm reporting this to the FCC",
        "If these messages continue I will contact my attorney",
        "If you keep texting me I'll file a complaint",
        "I'm reporting this number to the FTC",
        "Filing a complaint with the FCC",
        "This violates the TCPA",
        "Keep texting me and see what happens",
        "Top texting me",
        "Quite texting me",
        "Stock texting me please",
        "Stopped texting me please",
        "tak me off your list",
        "stpo texting me",
        "unsubscibe",
        "Stop testing me",
        "Stop sending me these",
        "Stop bugging me",
        "Stop blowing up my phone",
        "Stop harassing me",
        "stop getting texts from you how?",
        "Remove me",
        "remove my number",
        "How do I stop these?",
        "How do I remove myself from this list?",
        "I want to opt out of these texts",
        "opt me out",
        "I want to opt out",
        "I want these texts to stop",
        "I need these messages to end now",
        "I don't want these texts to continue",
        "Unsubscribe",
        "Stop. Thanks.",
        "Who is this? STOP",
        "Love these... NOT. Stop.",
        "Nobody asked for this. STOP",
        "These texts keep coming at 3am. Stop please. Thanks",
        "I'm on vacation. Please stop now.",
        "DNC",
        "Please put me on your DNC list",
        "STOP proszę",
        "Przestańcie pisać",
        "Nie wysyłajcie mi więcej wiadomości",
        "Usuńcie mój numer",
        "Rezygnuję",
        "Rezygnuję z SMS-ów",
        "Nie chcę otrzymywać wiadomości",
        "Zły numer",
        "توقف",
        "أوقفوا الإرسال",
        "ايقاف",
        "الغاء الاشتراك من فضلك",
        "لا تراسلني مرة أخرى",
        "لا أريد استلام رسائل",
        "احذفوا رقمي من القائمة",
        "الرقم غلط",
        "Sispann",
        "Tanpri sispann voye mesaj ban mwen",
        "Mwen pa vle resevwa mesaj ankò",
        "Retire nimewo m",
        "Dezabone",
        "RET",
        "İptal",
        "Bana mesaj göndermeyin",
        "SMS istemiyorum",
        "Beni listeden çıkarın",
        "Abonelikten çık",
        "Yanlış numara",
        "Bájame de la lista",
        "Me tira dessa lista por favor",
        "Deixa de me mandar mensagem",
        "Tigilan niyo na ang pag-text sa akin",
        "Ayoko na ng mga text niyo",
    ],
)
def test_opt_outs(text: str) -> None:
    assert action(text) is Action.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "Don't text him until Monday, he's traveling",
        "Please remove my old number and use this one",
        "The rash won't go away, should I come in?",
        "I'd rather not get the blue one, can I swap?",
        "Turn off the oven at 5",
        "Can I turn off notifications in the app?",
        "No further questions, thanks!",
        "Knock knock",
        "Can you cut it into slices?",
        "You have my permission to text me the results",
        "I give you permission to share my results with Dr. Lee",
        "Can I get one more text reminder before the appointment?",
        "If I get another coupon can I use both?",
        "I'll report back after the meeting",
        "My lawyer will call you about the contract",
        "You stopped texting me the reminders, why?",
        "I'm at the top",
        "Stop raising prices!",
        "Stop! You're hilarious",
        "Stop it you're too funny",
        "Please stop by tomorrow",
        "Should I stop taking ibuprofen?",
        "Will the rain stop before the game?",
        "When does the sale stop?",
        "My tooth pain won't stop",
        "I'd like to cancel the 2pm",
        "Cancel the extra cheese",
        "How do I remove a stain from my shirt?",
        "Remove the pickles please",
        "Can I opt out of the paper bill?",
        "Unsubscribe me from emails but I still want the texts",
        "I never want these deals to end",
        "I'd hate for these texts to stop",
        "I don't want these texts to stop",
        "Unsubscribe my work email please",
        "I unsubscribed by accident, can I get back on?",
        "Do I reply STOP or END to opt out? Just wondering",
        "Stop! That's amazing",
        "Start the car please",
        "Start date is Monday",
        "I voted for the DNC candidate",
        "Anuluj wizytę na jutro",
        "Do końca miesiąca",
        "Dziękuję, do zobaczenia",
        "أريد إلغاء الموعد",
        "شكرا جزيلا",
        "Mesi anpil",
        "Mwen ap vini demen",
        "Randevu iptal edildi mi?",
        "Teşekkürler",
    ],
)
def test_look_alikes_are_not_opt_outs(text: str) -> None:
    assert action(text) is Action.NONE


@pytest.mark.parametrize(
    "text",
    [
        "My father passed away last week",
        "fuck you",
        "When will the texts stop?",
        "These texts won't stop",
        "The texts won't stop",
        "STOP START",
        "If you text me again tomorrow I can confirm then",
        "Don't call him, text him instead",
        "Don't call me, just text",
        "Stp",
    ],
)
def test_unclear_or_mixed_go_to_review(text: str) -> None:
    assert action(text) is Action.REVIEW


@pytest.mark.parametrize(
    "text",
    [
        "START - my son replied stop by accident",
        "START. I want the texts again",
        "Opt in",
        "OPTIN",
        "Join",
        "Subscribe me",
        "Sign me up!",
        "Add me back please",
    ],
)
def test_opt_in_keywords_and_an_opening_start(text: str) -> None:
    assert action(text) is Action.OPT_IN


def test_arabic_spelling_variants_fold_alike() -> None:
    assert fold("إلغاء الاشتراك") == fold("الغاء الاشتراك")
    assert fold("رسالة") == fold("رساله")
    assert fold("مُسَاعَدَة") == fold("مساعده")


def test_exclusions_may_list_several_words_and_suffixes() -> None:
    import re

    _first, source = compile_pattern("stop !texting|*ing -(the car|me)", "")
    pattern = re.compile(source)
    assert pattern.match("stop raising taxes")
    assert not pattern.match("stop texting")
    assert not pattern.match("stop now")  # not an -ing word
    assert not pattern.match("stop making me")
    assert pattern.match("stop making the bed")
    assert not pattern.match("stop making the car")


def test_a_standalone_keyword_is_not_explained_away_by_the_sentence_before() -> None:
    assert action("Nothing can stop us") is Action.NONE
    assert action("Nothing can stop us. STOP.") is Action.OPT_OUT
    assert action("Please don't stop") is Action.NONE
    assert action("I didn't sign up for this, not. Stop.") is Action.OPT_OUT


def test_keep_wording_only_matters_beside_an_opt_out() -> None:
    assert action("Just text me the address") is Action.NONE
    assert action("Stop calling me, just text") is Action.REVIEW
    assert action("Keep the texts coming. STOP.") is Action.OPT_OUT  # sarcasm, then a STOP
