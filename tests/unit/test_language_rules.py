"""The language engine, rule family by rule family, each with cases that must fire and cases
that must not."""

from __future__ import annotations

import pytest

from stopline.domain.language import Action, ClassifyContext, classify, keyword_conflicts
from stopline.domain.language.engine import classify_strict
from stopline.domain.language.lexicon import LEXICONS
from tests.unit.language_cases import action

OUT, NONE, REVIEW = Action.OPT_OUT, Action.NONE, Action.REVIEW


# -- keywords ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lexicon", "keyword"),
    [(lx.language, k) for lx in LEXICONS for k in lx.opt_out],
    ids=lambda v: getattr(v, "text", v),
)
def test_every_opt_out_keyword_of_every_language(lexicon: str, keyword: object) -> None:
    text = keyword.text  # type: ignore[attr-defined]
    context = ClassifyContext(languages=frozenset({lexicon}))
    assert action(text, context) is OUT
    assert action(text.lower(), context) is OUT
    assert action(f"  {text.title()}!! ", context) is OUT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("START", Action.OPT_IN),
        ("unstop", Action.OPT_IN),
        ("Yes", Action.OPT_IN),
        ("HELP", Action.HELP),
        ("info", Action.HELP),
        ("AIDE", Action.HELP),
        ("Ayuda", Action.HELP),
        ("帮助", Action.HELP),
    ],
)
def test_opt_in_and_help_keywords(text: str, expected: Action) -> None:
    assert action(text) is expected


def test_everyday_words_of_other_languages_need_that_language() -> None:
    # Italian FINE means "end", English "fine" means OK; Vietnamese HỦY is also a name
    # (alone and without its accents it goes to a person; see test_language_seventh_test.py).
    assert action("Fine") is NONE
    assert action("Fine", ClassifyContext(languages=frozenset({"it"}))) is OUT
    assert action("Fine", ClassifyContext(locale="it-IT")) is OUT
    assert action("Huy") is REVIEW
    assert action("Huy", ClassifyContext(locale="vi-VN")) is OUT
    assert action("Hủy", ClassifyContext(locale="vi-VN")) is OUT


def test_languages_are_reported() -> None:
    assert classify("ARRÊT").language == "fr"
    assert classify("BAJA").language == "es"
    assert classify("STOP").language == "en"
    assert classify("退订").language == "zh"
    assert classify("Отписаться").language == "ru"


@pytest.mark.parametrize(
    "text", ["Stopwatch", "Ending", "Yesterday", "Starting tomorrow", "Helpful, thanks", ""]
)
def test_words_containing_keywords_are_not_keywords(text: str) -> None:
    assert action(text) in (NONE,)


# -- courtesy, repeats, signatures ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Stop please",
        "Please stop",
        "Stop. Thank you",
        "STOP STOP STOP",
        "S T O P  S T O P",
        "S T O P!!! S T O P!!!",
        "ꜱᴛᴏᴘ ᴘʟᴇᴀꜱᴇ",
        "Ok stop",
        "stop pls",
        "Stop\nSent from my iPhone",
        "Stop -John",
        "Arret svp",
        "ALTO POR FAVOR",
        "Stopp bitte",
        "请停止",
        "配信停止してください",
        "스탑 해주세요",
    ],
)
def test_keyword_with_courtesy_words(text: str) -> None:
    result = classify_strict(text)
    assert result.action is OUT
    assert result.rule.startswith("keyword")


@pytest.mark.parametrize("text", ["Thank you!", "Ok thanks", "Please", "Sent from my iPhone"])
def test_courtesy_alone_is_nothing(text: str) -> None:
    assert action(text) is NONE


# -- phrases -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Please stop texting me",
        "Remove me from your list",
        "Take me off this list",
        "Don't text me",
        "No more messages",
        "Wrong number",
        "I never signed up for this",
        "How do I unsubscribe?",
        "I want out",
        "Leave me alone",
        "Lose my number",
        "I revoke my consent",
        "No más mensajes",
        "Dejen de enviarme mensajes",
        "Ne m'envoyez plus de textos",
        "Não me enviem mais mensagens",
        "Keine Nachrichten mehr",
        "Non voglio più ricevere messaggi",
        "Geen berichten meer",
        "请不要再发短信了",
        "もう送らないでください",
        "문자 그만 보내세요",
        "Не пишите мне больше",
        "Dừng gửi tin nhắn",
        "Wag nyo na akong i-text",
        "मैसेज मत भेजो",
        "msg mat bhejo",
        # a kind of text named between the verb and the texts (code review, 2026-12-03)
        "Cancel my insurance texts",
        "Cancel my policy alerts please",
        "Remove my son from the practice reminders",
        "I never signed up for this. How do I sign out?",
        "I never signed up for this. Where do I sign off?",
        "Vos SMS doivent s'arrêter",
        "Merci de ne plus m'envoyer de messages",
        # formal and legal wording
        "I hereby revoke any prior express consent",
        "Consent revoked",
        "I am revoking consent to contact me",
        "Revocation of consent",
        "I no longer consent to texts",
        "Please cease all text messages",
        "Please discontinue these messages",
        "Cease contacting me",
        "Add me to your do not contact list",
        "Put me on your do not call list",
        "Place this number on your internal do-not-text list",
        "Add this number to the DNC list",
        # everyday English
        "I'd appreciate it if you stopped texting me",
        "It would be great if you would stop messaging me",
        "This number belongs to someone else now",
        "Leave me the hell alone",
        "Leave me the fuck alone",
        "no texts",
        "No text messages",
        "no sms please",
        "take me offf",
        "Take me of your list",
        "How many times do I have to say stop",
        "Stop the delivery texts",
        "Stop payment reminders please",
        "Remove me from the shift reminder texts",
        "Take me off the marketing team's list",
        "Quit it",
        # other languages
        "Ich widerrufe meine Einwilligung",
        "Ich möchte meine Einwilligung widerrufen",
        "Je retire mon consentement",
        "Merci de supprimer mon numéro de votre liste",
        "Merci de me retirer de votre liste",
        "Favor de no enviar más mensajes a este número",
        "Cancelar el envío de mensajes",
        "Basta ya de mensajes",
        "Revoco mi consentimiento",
        "Quero cancelar o recebimento de mensagens",
        "Annulla iscrizione",
        "Перестаньте мне писать",
        "Не надо мне писать",
        "Nhầm số rồi",
        "ko nhan tin nua",
        "Tôi đã bảo dừng lại",
        "Pakitanggal ako sa listahan",
        "Tanggalin nyo na po ako",
        "Wag na po kayo mag text sakin",
        "सदस्यता रद्द करें",
        "अब और मैसेज नहीं चाहिए",
        "मुझे परेशान मत करो",
        "请勿再发",
        "别再联系我",
        "请不要再给我发短信了",
        "番号違いです",
        "メールいらないです",
        "今後の連絡は不要です",
    ],
)
def test_opt_out_phrases(text: str) -> None:
    result = classify_strict(text)
    assert result.action is OUT, result
    assert result.rule.startswith("phrase.")


@pytest.mark.parametrize(
    "text",
    [
        "Please text me the address",
        "Remove the item from my cart",
        "No more than 2 people",
        "Take me to the game",
        "Keep the messages coming!",
        "I signed up yesterday",
        "Wrong size, can I exchange it?",
        "How do I reset my password?",
        # what "remove me from" names is not a messaging list
        "Remove me from the waitlist, I found a table",
        "Take me off the 3pm class, I'll come at 5",
        "Please remove me from the Saturday volunteer shift",
        "Can you take us off the 8pm reservation and move us to 9?",
        "Can you drop me off at the station?",
        "Take me out to dinner",
        "Get me out of here lol",
        "Get me from the airport",
        # other look-alikes
        "Wrong number on my invoice, please fix it",
        "You sent the wrong number of boxes",
        "I never signed up for the 10k, can I still join?",
        "I need to end my lease early, who do I call?",
        "This number is in my contacts",
        "No texts yet from the driver?",
        "I reported the problem yesterday",
        "Is the blue one discontinued?",
        "I withdrew the money with permission",
        "Do not disturb mode was on, sorry I missed it",
        "Ich widerrufe den Kaufvertrag",
        "Не хочу писать отзыв",
        "Tôi không nhận được mã",
        "注文番号違いです",
    ],
)
def test_phrase_look_alikes_are_not_opt_outs(text: str) -> None:
    assert action(text) is NONE


# -- negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Don't stop",
        "Never stop sending me coupons!",
        "Please don't unsubscribe me",
        "Don't remove me, I still want updates",
        "I didn't say stop",
        "I can't stop laughing",
        "Ne me désabonnez pas",
        "不要退订",
        "I do not revoke my consent",
        "No quiero que me den de baja, me gustan las ofertas",
        "No me den de baja",
        "수신거부 하지 마세요",
        "N'arrêtez pas les messages, j'adore",
        "Je n'arrête pas de penser à votre promo",
        "Wag kalimutan mag text sa akin mamaya",
    ],
)
def test_negated_opt_outs_are_not_opt_outs(text: str) -> None:
    assert action(text) is NONE


@pytest.mark.parametrize(
    "text",
    [
        "Don't text me",
        "Never contact me again",
        "I don't want these texts",
        "No don't text me",
        "Why won't you stop texting me",
    ],
)
def test_negative_wording_that_is_an_opt_out(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    [
        "DO NOT TEXT",
        "Do not text.",
        "do not text please",
        "do not text me",
        "don't text me anymore",
        "Please do not contact",
        "Cancel subscription",
        "cancel my subscription",
        "Cancel my subscription please",
        "Stop subscription",
    ],
)
def test_bare_do_not_text_and_cancel_subscription_are_opt_outs(text: str) -> None:
    result = classify_strict(text)
    assert result.action is OUT, result
    assert result.rule.startswith("phrase.en.opt_out.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("do not text while driving", NONE),
        ("Do not text and drive", NONE),
        ("I do not text while at work", NONE),
        ("don't cancel my order", NONE),
        ("Please don't cancel my subscription", NONE),
        ("cancel subscription to the newspaper?", REVIEW),
        ("cancel my subscription to the newspaper", REVIEW),
        ("Cancel my account", REVIEW),
    ],
)
def test_do_not_text_and_cancel_subscription_look_alikes(text: str, expected: Action) -> None:
    assert action(text) is expected


# -- benign uses ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I'm at the bus stop",
        "Can you stop by the store?",
        "Take my daughter off the waitlist",
        "Les livraisons doivent s'arrêter pendant mes vacances",
        "Cancel my appointment",
        "I need to cancel my order",
        "By the end of the month",
        "I quit my job",
        "We have got to STOP this bill",
        "Stop & Shop has it cheaper",
        "Text STOP to 12345 is what it says",
        "Je suis à l'arrêt de bus",
        "Quiero cancelar mi cita",
        "公交站在哪里",
        "Stop texting while driving! great campaign",
        "Reminder: stop texting and driving",
        "Stop payment on check 1043 please",
        "Tell your driver to stop honking please",
        "Stop the presses, that deal is amazing!",
        "Unsubtle hint: I love your tacos",
        "Non-stop deals, love it",
        "Can't stop won't stop",
        "Nothing can stop us",
        "Le bus s'arrête devant chez vous?",
        "我想取消我的预约",
        "मैं बस स्टॉप पर हूँ",
        "원스탑 서비스 좋아요",
    ],
)
def test_benign_uses_of_keywords(text: str) -> None:
    assert action(text) is NONE


@pytest.mark.parametrize(
    "text", ["I'm at the bus stop, stop texting me", "Cancel my appointment and stop texting me"]
)
def test_benign_use_beside_a_real_opt_out(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop texting me while I'm driving", OUT),  # "me": not the road-safety slogan
        ("Stop payment", OUT),  # alone it may be the payment reminders
        ("Remove me from the class text list", OUT),
        ("Remove me from texts and the waitlist", OUT),
        ("Take me off", OUT),
        ("Remove me from this thread", OUT),
        ("I never signed up for this, how do I stop it?", OUT),
        ("Cancel my membership and remove me from the list", OUT),
        ("I want to cancel my membership", REVIEW),  # as "Cancel my membership"
        ("unsubscribe from email only, keep texts", NONE),
        ("Unsubscribe me from the emails and texts", OUT),
        ("Vous n'arrêtez pas de m'envoyer des messages", REVIEW),  # a complaint, not "don't"
    ],
)
def test_benign_readings_stop_where_their_object_ends(text: str, expected: Action) -> None:
    assert action(text) is expected


# -- everyday words spelt with their own language's accents ------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dừng", OUT),
        ("DỪNG", OUT),
        ("Hủy", OUT),
        ("Huỷ", OUT),
        ("Dung", NONE),
        ("Huy", REVIEW),  # the given name, or HỦY typed plainly: a person decides
        ("Anh Dũng ơi", NONE),
    ],
)
def test_accented_spelling_marks_the_language(text: str, expected: Action) -> None:
    # "Dung" and "Huy" are also names (Vietnamese senders only); "Dừng" and "Hủy" are not.
    result = classify_strict(text)
    assert result.action is expected
    assert expected is NONE or result.language == "vi"


@pytest.mark.parametrize(
    "text",
    ["स्टॉप", "스탑", "बस करो", "Discontinue", "desist", "ᴄᴀɴᴄᴇʟ", "S T O P S T O P"],
)
def test_more_keywords_alone(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    [
        "Unfollow",
        "GTFO my phone",
        "Thôi đi",
        "Удалить",
        "Отпишись",
        "रुको",
        "거부합니다",
    ],
)
def test_possible_opt_outs_go_to_review(text: str) -> None:
    assert action(text) is REVIEW


def test_a_wildcard_can_exclude_words() -> None:
    import re

    from stopline.domain.language.patterns import compile_pattern

    _firsts, source = compile_pattern("remove me from !list|text~? class", "")
    regex = re.compile(source)
    assert regex.match("remove me from the class") is not None
    assert regex.match("remove me from class") is not None
    assert regex.match("remove me from texts class") is None
    assert regex.match("remove me from list class") is None


# -- reactions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Liked “Reply STOP to opt out”",
        'Loved "Reply STOP to cancel"',
        "Reacted 👍 to “Reply STOP to opt out”",
        "👍 to “Reply STOP to unsubscribe”",
        "Le gustó “Responde ALTO para cancelar”",
        "A aimé « Répondez ARRET pour vous désabonner »",
    ],
)
def test_reactions_quote_our_own_message(text: str) -> None:
    result = classify_strict(text)
    assert result.action is NONE and result.rule == "reaction"


def test_words_after_a_reaction_still_count() -> None:
    result = classify_strict("Disliked “Reply STOP to opt out” STOP")
    assert result.action is OUT
    assert result.span is not None and result.span[0] > 30


# -- mixed intents -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["STOP HELP", "help stop", "HELP me unsubscribe", "Yes stop"])
def test_opt_out_with_help_or_yes_is_an_opt_out(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize("text", ["STOP START", "Start stop", "UNSTOP STOP"])
def test_opt_out_with_start_goes_to_review(text: str) -> None:
    result = classify_strict(text)
    assert result.action is REVIEW
    assert "mixed" in result.rule


# -- typos ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Stpo",
        "sotp",
        "Unsubscibe",
        "unsuscribe",
        "Cancle",
        "cancell",
        "Quitt",
        "Remvoe me",
        "opt ot",
        "Sotp texting pls",
    ],
)
def test_typos_of_keywords(text: str) -> None:
    result = classify_strict(text)
    assert result.action is OUT, result
    assert result.confidence < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Top",
        "Step",
        "Shop",
        "Spot",
        "Quite",
        "Quiet",
        "Send",
        "Soap",
        "Stool",
        "Remote",
        "Candle",
        "Stoop",
        "Resist",
        "Discontinued",
        "Unsubtle",
    ],
)
def test_real_words_near_keywords_are_not_corrected(text: str) -> None:
    assert action(text) is NONE


# -- confidence and thresholds -------------------------------------------------------------


def test_unclear_messages_go_to_review_between_the_thresholds() -> None:
    for text in ("Not interested", "Cancel my membership", "Stop, what is this about?", "🛑"):
        result = classify_strict(text)
        assert result.action is REVIEW, text
        assert 0.35 < result.confidence < 0.8


def test_thresholds_come_from_the_context() -> None:
    strict = ClassifyContext(sure=0.95)
    assert classify_strict("Please stop texting me", strict).action is REVIEW
    assert classify_strict("STOP", strict).action is OUT  # exact keyword: confidence 1.0
    lenient = ClassifyContext(unsure=0.7)
    assert classify_strict("Not interested", lenient).action is NONE
    with pytest.raises(ValueError, match="thresholds"):
        ClassifyContext(sure=0.3, unsure=0.5)


# -- per-sender configuration --------------------------------------------------------------


def test_sender_keywords_add_to_the_built_in_ones() -> None:
    context = ClassifyContext(
        extra_opt_out=frozenset({"LEAVE", "NO PROMO"}), extra_help=frozenset({"SUPPORT"})
    )
    assert action("leave", context) is OUT
    assert action("No promo please", context) is OUT
    assert action("support", context) is Action.HELP
    assert action("leave") is NONE
    for word in ("STOP", "HELP", "START"):  # never disabled
        assert action(word, context) is classify_strict(word).action


def test_sender_keywords_cannot_redefine_built_in_ones() -> None:
    assert keyword_conflicts(frozenset(), frozenset({"STOP"}), frozenset()) != []
    assert keyword_conflicts(frozenset({"HELP"}), frozenset(), frozenset()) != []
    assert keyword_conflicts(frozenset({"STOPPEZ"}), frozenset({"GO"}), frozenset()) == []
    assert keyword_conflicts(frozenset({"!!!"}), frozenset(), frozenset()) != []


def test_sender_keyword_language_is_the_locale() -> None:
    context = ClassifyContext(locale="fr-CA", extra_opt_out=frozenset({"BASTA"}))
    result = classify_strict("Basta", context)
    assert result.action is OUT and result.language in ("fr", "es")
    result = classify_strict("DESABONNE-MOI", ClassifyContext(locale="fr-CA"))
    assert result.action is OUT and result.language == "fr"


# -- explanations --------------------------------------------------------------------------


def test_classification_explains_itself() -> None:
    text = "Hi there. Please stop texting me, thanks"
    result = classify_strict(text)
    assert result.action is OUT
    assert result.span is not None
    assert text[result.span[0] : result.span[1]].lower().startswith("stop texting")
    assert "phrase" in result.explanation and result.rule.startswith("phrase.en.")
    assert result.as_dict()["action"] == "opt_out"


def test_classify_never_raises_on_odd_input() -> None:
    for text in ("\x00", "\ud800", "🛑" * 5000, "a" * 100_000, "\n\n\n", "'" * 50, "“”"):
        assert classify(text).action in Action


def test_long_spaced_out_letters_cost_little_memory() -> None:
    """ "S S S ..." joins into one word of thousands of letters; the typo look-up once built
    every one-letter deletion of it (2.7 GB for 100 KB of text)."""
    import tracemalloc

    from stopline.domain.language.fuzzy import nearest

    assert nearest("s" * 5000) is None
    tracemalloc.start()
    try:
        for text in ("S " * 50_000, "x " * 40_000, "s t o p " * 10_000):
            classify(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000, peak


def test_a_long_text_is_searched_once_per_keyword_not_once_per_occurrence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each occurrence searched the whole text again: 64 KB of text took 0.7 s (n²)."""
    from stopline.domain.language import verdict

    calls: list[str] = []
    real = verdict._standalone

    def counted(raw: str, word: str) -> bool:
        calls.append(word)
        return real(raw, word)

    monkeypatch.setattr(verdict, "_standalone", counted)
    classify("we stop the list and then stop the other list, " * 500)
    assert len(calls) == len(set(calls)) <= 3


def test_fast_path_answers_like_the_full_reading() -> None:
    for text in ("STOP", "Stop", "stop.", "HELP", "Yes", "Cancel!", " END"):
        assert classify(text) == classify_strict(text)


def test_guard_words_were_generated_for_the_current_keywords() -> None:
    """A keyword added without regenerating the guard list lets typo correction turn real
    words one edit away from it into opt-outs ("Peter" once became an opt-out this way)."""
    from stopline.domain.language.fuzzy import CANDIDATES, keywords_fingerprint
    from stopline.domain.language.guard_words import GENERATED_FOR

    assert keywords_fingerprint(CANDIDATES) == GENERATED_FOR, (
        "the typo-correctable keywords changed: regenerate the guard list "
        "(see scripts/guard_words.py)"
    )


def test_a_message_longer_than_any_sms_is_read_at_its_ends_in_bounded_time() -> None:
    """A 64 KB text of repeated keywords took five seconds (the reading grew faster than the
    length) and held up every opt-out behind it; now only its start and end are read, an
    opt-out there is still an opt-out, and the rest goes to a person."""
    from stopline.domain.language.engine import MAX_READ, classify_strict

    flood = classify_strict(("cancel " * 10_000)[:64_000])
    assert flood.action is Action.REVIEW and flood.rule == "length.over_read"
    text = "please stop texting me. " + "blah " * 3_000 + "thanks"
    at_start = classify_strict(text)
    assert at_start.action is Action.OPT_OUT and at_start.span is not None
    assert text[at_start.span[0] : at_start.span[1]].lower() == "stop texting"
    text = "x" * 70_000 + " STOP"
    at_end = classify_strict(text)
    assert at_end.action is Action.OPT_OUT and at_end.span is not None
    assert text[at_end.span[0] : at_end.span[1]] == "STOP"
    assert "only its start and end were read" in at_end.explanation
    assert classify_strict("STOP " + "x" * (MAX_READ - 5)).rule != "length.over_read"


# -- rule ids --------------------------------------------------------------------------------


def test_a_phrases_rule_id_comes_from_its_pattern_not_its_place() -> None:
    """Rule ids are stored with every reading; a phrase added to a lexicon must not rename
    the phrases after it (ids were positional until 2026-12-05)."""
    from stopline.domain.language.tables import PHRASES, phrase_name

    first = classify("please stop texting me")
    assert first.rule == "phrase.en.opt_out.da36353b"  # stored ids: the scheme must not drift
    info = PHRASES[first.rule.removeprefix("phrase.")]
    assert phrase_name(info.language, info.kind, info.phrase.pattern) == info.name
    assert phrase_name("en", "opt_out", "some other pattern") != info.name
    # every phrase of every lexicon has its own id (a duplicate pattern fails at import)
    total = sum(
        len(getattr(lx, field))
        for lx in LEXICONS
        for field in (
            "opt_out_phrases",
            "review_phrases",
            "benign",
            "keep",
            "opt_in_phrases",
            "help_phrases",
        )
    )
    assert len(PHRASES) == total
