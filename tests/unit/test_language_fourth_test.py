"""The fourth independent test (2026-12): a blind set of 993 messages written before the
engine was read (562 opt-outs, 333 ordinary replies, 38 opt-ins, 42 help, 18 ambiguous).

Here: every blind message whose answer the fixes changed, a sample of those it already got
right (so that they stay right), and cases written afterwards, in other wording, for each new
rule and its look-alikes. The fixes: small lexicons for Swedish, Norwegian, Danish, Indonesian
and Malay, Czech, Hebrew and Thai; English slang, shorthand and non-native wording ("dnt txt
me", "ion want these", "no mo txts", "RMV", "please not message me", "stop to send me");
requests whose object is the number ("this is my daughter's phone, please remove it", "remove
4155550123 from your list", "new owner of this number"); channel preference ("only contact me
by email"); fundraising ("stop asking me for donations"); the program's own instruction quoted
in a reply ("... or STOP to opt out") and "stop autopay" as benign; opt-in wording in Spanish,
French, Portuguese, German, Chinese and Japanese; guard words regenerated (a name such as
"Peter" was being "corrected" into a keyword)."""

from __future__ import annotations

import pytest

from stopline.domain.language import Action
from stopline.domain.language.engine import classify_strict
from tests.unit.language_cases import action

# -- blind messages the fixes changed ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "New owner of this number. Not Mike. Remove.",
        "Please delete my contact information",
        "No longer interested in these texts",
        "Stop asking me for money",
        "STOP this is my work phone",
        "This number belongs to a deceased person, please remove",
        "Don't send msg to this no.",
        "I am not interested kindly remove",
        "quit hittin my phone",
        "I ain't signed up for this stop",
        "why y'all keep textin me, stop",
        "ion want these texts",
        "stop to send me message please",
        "no more send",
        "please not message me",
        "rmv me",
        "pls rmv",
        "no mo txts",
        "dnt txt me",
        "remove mee",
        "Blocked and reported",
        "I'm good on texts, thanks",
        "please use email instead of text",
        "Please only contact me by email",
        "Please stop asking for donations",
        "Remove 4155550123 from your list",
        "Help, I keep getting these texts, make it stop",
        "I never want to hear from you again",
        "I don't want to hear from you",
        "This is my daughter's phone please remove it",
        '"Your order has shipped! Reply STOP to unsubscribe" STOP',
    ],
)
def test_blind_opt_outs_fixed(text: str) -> None:
    assert action(text) is Action.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "Rimuovi il mio numero",
        "不要再發簡訊給我",
        "请把我的号码删除",
        "もう送ってこないで",
        "الرجاء حذف رقمي",
        "Sluta skicka sms till mig",
        "Avregistrera",
        "Berhenti kirim pesan",
        "Tolong hapus nomor saya",
        "Berhenti",
        "הסירו אותי מהרשימה",
        "תפסיקו לשלוח לי הודעות",
        "หยุดส่งข้อความ",
        "Přestaňte mi posílat zprávy",
        "Odhlásit",
        "Stop med at sende beskeder",
        "Slutt å sende meg meldinger",
    ],
)
def test_blind_opt_outs_in_other_languages_fixed(text: str) -> None:
    assert action(text) is Action.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "How do I stop autopay?",
        "תודה",
        "ขอบคุณครับ",
        "Confirmed. See you then.\n\n"
        "> Reminder: appt Tue 2pm. Reply C to confirm or STOP to opt out",
        "Yes please send me the coupon\n> Reply YES for 20% off or STOP to opt out",
    ],
)
def test_blind_ordinary_replies_fixed(text: str) -> None:
    assert action(text) is Action.NONE


@pytest.mark.parametrize(
    "text",
    [
        "yes send me texts again",
        "Quiero volver a recibir mensajes",
        "Suscribirme de nuevo por favor",
        "Je veux recevoir à nouveau les SMS",
        "Réabonnez-moi",
        "Quero voltar a receber mensagens",
        "Bitte wieder anmelden",
        "重新订阅",
        "配信再開",
        "I want back on the list",
    ],
)
def test_blind_opt_ins_fixed(text: str) -> None:
    assert action(text) is Action.OPT_IN


def test_blind_complaint_without_a_request_goes_to_review() -> None:
    assert action("why do you keep texting me") is Action.REVIEW


# -- blind messages it already read right -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "STOP",
        "unsubscribe",
        "unsub",
        "opt out pls",
        "stop all",
        "Do not contact me again",
        "I never signed up for this, remove me",
        "stop texting me 😡",
        "Delete my info",
        "cancel my subscription",
        "STOP ALERTS",
        "remove me from your donor texts",
        "plz stop txting",
        "Get me off your list now",
        "Text STOP?? fine. STOP",
        "Kindly cease sending me texts",
        "Kindly remove my number from your list",
        "stop hittin me up",
        "stop plz",
        "plese stop",
        "You do not have my consent to text me. Stop.",
        "Stop with the political texts",
        "Remove me from your fundraising texts",
        "help me unsubscribe",
        "Stop sending",
        "Take me off please",
        "knock it off with the texts",
        "Stop. Not interested",
        "Stop, thanks. Karen",
        "Cancelar suscripción",
        "PARE",
        "Désabonner",
        "Arrêtez les SMS s'il vous plaît",
        "STOPP",
        "Falsche Nummer, bitte aufhören",
        "Uitschrijven",
        "退訂",
        "Hủy đăng ký",
        "wag nyo na ako itext",
        "मेरा नंबर हटा दो",
        "توقف",
        "mesaj atmayın artık",
        "> Reply STOP to opt out\nSTOP",
    ],
)
def test_blind_opt_outs_still_read(text: str) -> None:
    assert action(text) is Action.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "❤️",
        "Confirmed",
        "Can I reschedule?",
        "Do you have parking?",
        "Awesome, thanks!",
        "Love it",
        "When will my order arrive?",
        "Please leave at the front desk",
        "ok stop at 5",
        "I'm at the bus stop",
        "please don't stop these texts, they're helpful",
        "I stopped taking the medication, is that ok?",
        "Cancel the order please, I found it cheaper",
        "Can you remove the late fee?",
        "Code was wrong, send a new one",
        "Not yet",
        "Don't forget my order",
        "Please text me the details",
        "I donated $20",
        "Is there a stopover?",
        "no cap that deal fire",
        "Will come by 5 pm",
        "Call me at 555-0199",
        "Can the driver stop at the back entrance?",
        "Send me the coupon",
        "Ok I'll be home after 6",
        "Hi, is Dr. Lee in today?",
        "Can I bring my kid?",
        "Yes I'm interested",
        "The link doesn't open",
        "Sí, ahí estaré",
        "Confirmo mi cita",
        "Merci",
        "L'arrêt de bus est juste devant",
        "Valeu!",
        "Ich möchte meinen Termin absagen",
        "收到",
        "谢谢提醒",
        "Cảm ơn",
        "Pupunta po ako bukas",
        "شكرا",
        "Teşekkürler",
        "I'll be there 👍\n\nSent from Yahoo Mail for iPhone",
    ],
)
def test_blind_ordinary_replies_stay_none(text: str) -> None:
    assert action(text) is Action.NONE


@pytest.mark.parametrize(
    "text",
    [
        "START",
        "UNSTOP",
        "resubscribe",
        "subscribe",
        "Please add me back",
        "opt in",
        "Start sending me messages again",
        "START 👍",
        "I accidentally texted stop, please resubscribe me",
        "Resume texts please",
    ],
)
def test_blind_opt_ins_still_read(text: str) -> None:
    assert action(text) is Action.OPT_IN


@pytest.mark.parametrize(
    "text", ["HELP", "INFO", "info pls", "AIDE", "AIUTO", "도움말", "POMOC", "मदद"]
)
def test_blind_help_still_read(text: str) -> None:
    assert action(text) is Action.HELP


# -- the new rules, in other wording, and their look-alikes -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "quit begging us to donate",
        "Stop hitting me up for money every week",
        "I'm the new owner of this phone",
        "Not his cell anymore, kindly remove",
        "This is a work line please delete it",
        "Take Maria off your list",
        "Delete 555 123 4567 from your texting list",
        "reported and blocked",
        "Please don't send messages to my number",
        "We don't want to hear from you",
        "We are good without the reminders",
        "Only reach me by phone please",
        "Email me rather than texting",
        "pls no text me",
        "Quit of sending me sms",
        "make these texts stop",
        "ion need these messages",
        "dnt message me again",
        "no mo msgs pls",
        "i aint never signed up for this",
        "STOP this is not Karen",
        "stop. I never signed up",
        "Why do you guys keep messaging me, stop",
        '"Sale ends tonight" STOP',
        "Remove my phone number",
    ],
)
def test_new_opt_out_wording(text: str) -> None:
    assert action(text) is Action.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "Stop asking me if I'm ok, I'm fine",
        "The new owner of the store is nice",
        "Remove the cheese from my order please",
        "Remove Tom from your guest list",
        "remove the late fee from your system",
        "I reported the issue and blocked the card",
        "Please don't send the package before Monday",
        "Please don't send messages to my number before 9am",
        "I don't want to hear from you until you have the part",
        "I'm good with the texts",
        "I'm good on the timing, thanks",
        "Only contact me by text please",
        "Text me instead of emailing",
        "please no onions",
        "stop to pick up my order",
        "stop this is so cute",
        "Why do you keep sending me the wrong item",
        "Stop autopay please",
        "Cancel my auto renewal",
        "Reply YES for the coupon or STOP to opt out, it said. Got it, thanks",
    ],
)
def test_new_rule_look_alikes_are_not_opt_outs(text: str) -> None:
    assert action(text) is not Action.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "Sluta messa mig",
        "Skicka inte fler sms",
        "Avanmäl",
        "Meld meg av",
        "Ikke send meg flere meldinger",
        "Hold op med at skrive til mig",
        "Afmeld",
        "Jangan kirim pesan lagi",
        "UNREG",
        "Hentikan sms promo",
        "Nepište mi",
        "Smažte moje číslo",
        "הסר",
        "אל תשלחו לי הודעות",
        "ยกเลิกรับข้อความ",
        "不要再發了",
        "Eliminate il mio numero",
        "احذف رقمي من فضلك",
    ],
)
def test_new_languages(text: str) -> None:
    assert action(text) is Action.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "Skicka inte paketet förrän måndag",  # sv: don't send the parcel before Monday
        "Send ikke pakken før mandag",  # da/nb: the same
        "Jangan kirim paket ke alamat lama",  # id: don't send the parcel to the old address
        "Neposílejte mi to na starou adresu",  # cs: the same
        "ยกเลิกนัดพรุ่งนี้ครับ",  # th: cancel tomorrow's appointment
        "תודה רבה",  # he: thank you very much
        "ขอบคุณครับ",  # th: thank you
    ],
)
def test_new_languages_look_alikes(text: str) -> None:
    assert action(text) is not Action.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "סליחה, טעות",  # he: sorry, a mistake (no reading: a person reads it)
        "พรุ่งนี้เปิดกี่โมงครับ",  # th: what time do you open tomorrow?
    ],
)
def test_hebrew_and_thai_without_a_reading_still_go_to_review(text: str) -> None:
    result = classify_strict(text)
    assert result.action is Action.REVIEW
    assert result.rule == "script.unread"


@pytest.mark.parametrize(
    "text",
    [
        "Yes send me texts again please",
        "Je veux recevoir les SMS de nouveau",
        "Quero receber as mensagens de novo",
        "Ich möchte wieder SMS bekommen",
        "配信再開してください",
    ],
)
def test_new_opt_in_wording(text: str) -> None:
    assert action(text) is Action.OPT_IN


@pytest.mark.parametrize(
    "text",
    [
        "send me the coupon again",  # a resend, not a re-subscription
        "Vuelvan a enviarme el código",
        "Bitte die SMS wieder senden",
        "I want back on the schedule",
        "No quiero volver a recibir mensajes",  # negated: an opt-out
    ],
)
def test_new_opt_in_look_alikes(text: str) -> None:
    assert action(text) is not Action.OPT_IN


@pytest.mark.parametrize(
    "text", ["Peter", "Thanks Peter", "meter", "dose", "ankle", "angle", "slut", "fatal"]
)
def test_real_words_are_not_corrected_into_keywords(text: str) -> None:
    # guard_words.py regenerated: these were one edit from a keyword added since
    assert action(text) is Action.NONE
