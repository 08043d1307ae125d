"""A fourteenth blind test (2026-12-05: 507 messages written before reading the engine, 261
opt-outs in 38 languages: 92.3% read as opt-outs, 93.9% counting review; every miss but one
in a language without a lexicon or in Spanish PARA; help 20/42). Its worst finding came from
probes: "De-subscribe me" was read as an opt-in (its SUBSCRIBE), which lifts an opt-out.
Also: Vietnamese "Hủy đăng ký nhận tin" read as nothing (the English intensifier "dang" was
dropped from "đăng ký"), Chinese and Korean refusals to unsubscribe read as opt-outs, and
"Who is this?" answered with nothing rather than the HELP reply."""

from __future__ import annotations

import pytest

from stopline.domain.language import Action, classify
from stopline.domain.language.tables import without_intensifiers
from tests.unit.language_cases import action

OUT, NONE, REVIEW, IN, HELP = (
    Action.OPT_OUT,
    Action.NONE,
    Action.REVIEW,
    Action.OPT_IN,
    Action.HELP,
)


@pytest.mark.parametrize(
    "text",
    [
        "De-subscribe me",
        "de subscribe me",
        "Desubscribe",
        "Desubscribe me",
        "dis-subscribe me",
        "Disubscribe me",
        "Please de-subscribe me from these texts",
        "un-subscribe me",
        "De-register me",
        "Deregister",
        "cancel subscribe",
        "Quit subscribing me",
        "Stop for now",
        "stop these for now thanks",
        # a reviewer's: the bare word was an opt-out, the request with "my number" nothing
        "please deregister my number",
        "deregister my number",
        "unregister me",
        "de register my number",
    ],
)
def test_unsubscribe_spelt_another_way_is_an_opt_out_never_an_opt_in(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    ["Subscribe me", "Resubscribe me please", "I want to subscribe"],
)
def test_subscribe_itself_stays_an_opt_in(text: str) -> None:
    assert action(text) is IN


@pytest.mark.parametrize(
    "text",
    [
        "stop for gas",
        "I want to deregister my car",
        "Stop for now? No, keep going",
        "Deregister me from the gym",
        "deregister my number from the school list",
    ],
)
def test_the_new_english_forms_leave_other_uses_alone(text: str) -> None:
    assert action(text) is not OUT


@pytest.mark.parametrize(
    "text",
    [
        "Hủy đăng ký nhận tin",
        "Huỷ đăng ký nhận tin",
        "huy dang ky nhan tin",
        "Hủy đăng kí",
        "huy dk",
        "Hủy ĐK",
        "Tôi không đăng ký",
    ],
)
def test_vietnamese_unsubscribe_is_read_whole(text: str) -> None:
    assert action(text) is OUT


def test_an_intensifier_is_kept_where_another_language_uses_the_word() -> None:
    assert without_intensifiers(["huy", "dang", "ky", "nhan", "tin"]) is None
    assert without_intensifiers(["stop", "dang", "texting", "me"]) == [0, 2, 3]
    assert action("stop dang texting me") is OUT
    span = classify("please stop the dang texts").span
    assert span is not None and "stop" in "please stop the dang texts"[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Спри", "bg"),
        ("Не ми пращайте повече съобщения", "bg"),
        ("Откажи абонамент", "bg"),
        ("Престаните да ми шаљете поруке", "sr"),
        ("Одјава", "sr"),
        ("Zrušiť odber", "cs"),
        ("Prestaňte mi písať", "cs"),
        ("Nechcem dostávať správy", "cs"),
        ("Atsisakyti", "lt"),
        ("Atšaukti prenumeratą", "lt"),
        ("Nustokite man rašyti", "lt"),
        ("Nebesiųskite žinučių", "lt"),
        ("Atteikties", "lv"),
        ("Pārtrauciet sūtīt ziņas", "lv"),
        ("Loobu", "et"),
        ("Lõpetage sõnumite saatmine", "et"),
        ("Tühista tellimus", "et"),
        ("Stopio", "cy"),
        ("Stopiwch", "cy"),
        ("Dad-danysgrifio", "cy"),
        ("Dad-gofrestru", "cy"),
        ("Peidiwch ag anfon negeseuon ataf", "cy"),
        ("Ndalo", "sq"),
        ("Mos më dërgoni mesazhe", "sq"),
        ("Tsum", "hmn"),
        ("Tsis txhob xa ntawv tuaj rau kuv", "hmn"),
        ("रोक्नुहोस्", "ne"),
        ("मलाई सन्देश नपठाउनुहोस्", "ne"),
        ("थांबवा", "ne"),
        ("Yeka", "zu"),
        ("Ngicela ningangithumeleli imilayezo", "zu"),
        ("Hou op om boodskappe te stuur", "af"),
        ("Hætta áskrift", "is"),
        ("Sitaki tena", "sw"),
        ("বন্ধ", "bn"),
        ("সদস্যতা বাতিল", "bn"),
        ("بند", "ur"),
        ("رکن سازی ختم کریں", "ur"),
        ("Para", "es"),
        ("para ya", "es"),
        ("Para por favor", "es"),
        ("No quiero suscribirme más, basta", "es"),
        ("Não quero mais", "pt"),
        ("Cancella la mia iscrizione", "it"),
        ("Abo kündigen", "de"),
        ("Anuluj subskrypcję", "pl"),
        ("Avsluta prenumeration", "sv"),
        ("ביטול", "he"),
        ("תורידו אותי מהרשימה", "he"),
        ("หยุด", "th"),
        ("ยกเลิกการสมัคร", "th"),
    ],
)
def test_opt_outs_in_languages_read_since_this_test(text: str, language: str) -> None:
    result = classify(text)
    assert result.action is OUT, result
    assert result.language == language


@pytest.mark.parametrize(
    "text",
    [
        "Спри колата пред магазина",  # bg: stop the car in front of the shop
        "Не искам да закъснявам",  # bg: I don't want to be late
        "Одјава из хотела је у 11",  # sr: the hotel check-out is at 11
        "Не желим да касним",  # sr: I don't want to be late
        "Nustokite juoktis",  # lt: stop laughing
        "Atteikties no cukura ir grūti",  # lv: giving up sugar is hard
        "Ma ei saa loobu kohvist",  # et: I can't give up coffee
        "Peidiwch â phoeni",  # cy: don't worry
        "Ndalo makinën këtu",  # sq: stop the car here
        "Kuv tsum mus ua hauj lwm",  # hmn: I must go to work
        "Yeka ukukhala mntanami",  # zu: stop crying, my child
        "Hou op huil asseblief",  # af: stop crying please
        "Ég ætla að hætta í vinnunni",  # is: I'm going to quit my job
        "पसल कति बजे बन्द हुन्छ?",  # ne: what time does the shop close?
        "Para el torneo no me anoten",  # es: not PARA alone
        "วันหยุด",  # th: holiday (holds หยุด)
        "دکان بند ہے",  # ur: the shop is closed
        # a reviewer's: "don't send" with no message noun, everyday verbs, typos of the new
        # short keywords, English and Taglish
        "I already paid hala sorry late",
        "Paid a hala na po",
        "Teka!",
        "teka po",
        "Tsun",
        "Loob",
        "Немојте слати пакет данас",
        "Немојте да пишете стару адресу на пакету",
        "Mos më dërgoni paketën sot",
        "Tsis txhob xa khoom hnub no",
        "Ungangithumeleli imali namhlanje",
        "Peidiwch ag anfon y parsel heddiw",
        "पैसा नपठाउनु",
        "आज पार्सल पाठवू नका",
        "गाडी थांबवा",
        "ऑर्डर थांबवा",
        "अर्डर रोक्नुहोस्",
        "Verwyder my ou adres en gebruik die nuwe een",
        "Одјавите ме за вечеру, нећу доћи",
        "Ég þarf að afskrá bílinn minn",
        "Anh Huy đk không?",
        "Huy đk rồi nhé",
        "Em gửi anh Huy đk hợp đồng",
        "Nechci platit za správu účtu",
        "Nechci čekat na správce budovy",
    ],
)
def test_ordinary_messages_in_those_languages_are_not_opt_outs(text: str) -> None:
    assert action(text) is not OUT


@pytest.mark.parametrize(
    "text",
    [
        "我不想退订",
        "别退订我",
        "不要退訂",
        "그만 웃겨 ㅋㅋ",
        "Wypisz mi fakturę proszę",
        "Wypisz receptę na jutro",
    ],
)
def test_refusals_to_unsubscribe_and_other_senses_are_not_opt_outs(text: str) -> None:
    assert action(text) is not OUT


@pytest.mark.parametrize(
    "text",
    [
        "不要再发了，退订",
        "Stopp",
        "Wypisz mnie",
        "수신거부",
        "退订",
        # a reviewer's: "didn't / won't unsubscribe" is a complaint that asks for it, and a
        # folded "Stopp! Im Ernst." reads like "Stopp im Ernst" (benign readings dropped)
        "我发了退订你们没有退订",
        "没有退订成功，再发就投诉",
        "为什么还没有退订？",
        "你们没有退订我吗？请马上退订",
        "수신거부 안 해주시면 신고합니다",
        "왜 수신거부 안 해요?",
        "Stopp! Im Ernst.",
        "STOPP! Bei Ihnen ist das doch Spam",
        "Stopp an diese Nummer",
    ],
)
def test_the_same_words_still_opt_out(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    [
        "Who is this?",
        "who dis",
        "Who's this",
        "Who are you?",
        "who?",
        "What is this?",
        "What's this about",
        "What company is this?",
        "Why am I getting these texts?",
        "¿Quién es?",
        "¿Quién me escribe?",
        "Qui est-ce ?",
        "C'est qui ?",
        "Wer ist das?",
        "Was ist das für eine Nummer?",
        "Quem é?",
        "Кто это?",
        "Sino po ito?",
        "Chi è?",
        "Ai vậy?",
    ],
)
def test_who_is_this_gets_the_help_reply(text: str) -> None:
    assert action(text) is HELP


@pytest.mark.parametrize(
    "text",
    [
        "Who is this? STOP",
        "STOP who is this",
        "who is this stop texting me",
        "Who is this? I want out",
    ],
)
def test_who_is_this_beside_an_opt_out_is_an_opt_out(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize("text", ["ఆపు", "ឈប់", "ရပ်"])
def test_a_short_message_in_a_script_no_lexicon_reads_goes_to_review(text: str) -> None:
    assert action(text) is REVIEW
