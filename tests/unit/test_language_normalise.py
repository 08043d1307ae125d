"""Normalisation: what every message goes through before any rule reads it."""

from __future__ import annotations

import pytest

from stopline.domain.language.normalise import fold, fold_spans
from stopline.domain.language.plain import plain, signature_start
from stopline.domain.language.tables import VOCABULARY


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ＳＴＯＰ", "stop"),  # full-width
        ("𝐒𝐓𝐎𝐏 𝓢𝓽𝓸𝓹", "stop stop"),  # mathematical alphanumerics
        ("ⓈⓉⓄⓅ", "stop"),  # circled letters
        ("Ѕтор", "stop"),  # Cyrillic look-alikes, no genuinely Russian letter
        ("SТОР", "stop"),  # Latin S + Cyrillic
        ("ΑΡΡΕΤ", "appet"),  # Greek look-alikes map letter by letter
        ("st\u200bop", "stop"),  # zero-width space
        ("STOP\u00a0now", "stop now"),  # non-breaking space
        ("don’t", "dont"),  # curly apostrophe
        ("“Stop”", "stop"),  # curly quotes
        ("STOP!!!!!!", "stop"),  # repeated punctuation
        ("S T O P", "stop"),  # spaced-out letters
        ("s.t.o.p", "stop"),
        ("STOOOOP", "stop"),  # repeated letters
        ("🛑STOP🛑", "stop"),  # emoji
        ("🇸🇹🇴🇵", "stop"),  # regional indicator letters
        ("ST0P", "stop"),  # digit for a letter
        ("ARRÊT", "arret"),  # accents
        ("l'arrêt de bus", "l arret de bus"),  # French elision
        ("wrong #", "wrong number"),
        ("Đừng gửi", "dung gui"),  # Vietnamese đ
        ("ꜱᴛᴏᴘ", "stop"),  # small capitals (fancy-font generators)
        ("ᴄᴀɴᴄᴇʟ ᴘʟᴇᴀꜱᴇ", "cancel please"),
        ("ᴜɴꜱᴜʙꜱᴄʀɪʙᴇ", "unsubscribe"),
        ("S T O P S T O P", "stop stop"),  # a spaced-out word typed twice
        ("S T O P  S T O P", "stop stop"),
        ("S T O P!!! S T O P!!!", "stop stop"),
        ("E N D E N D E N D", "end end end"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Не пишите мне", "не пишите мне"),  # genuine Russian keeps its letters
        ("I need 2 tickets for 10am", "i need 2 tickets for 10am"),  # numbers stay numbers
        ("a b", "a b"),  # two single letters are not spelled-out words
        ("h a h a", "haha"),  # a repeated unit of two letters stays one word
        ("s t o p t e x t i n g", "stoptexting"),  # not a repetition: joined as it is
        ("Thanks, see you", "thanks see you"),
    ],
)
def test_fold_leaves_ordinary_text_alone(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Stop\nSent from my iPhone", "Stop"),
        ("STOP\n\nSent from my Samsung Galaxy smartphone.", "STOP"),
        ("Cancel\nGet Outlook for iOS", "Cancel"),
        ("Stop -John", "Stop"),
        ("Unsubscribe\n- Maria", "Unsubscribe"),
        ("Stop. Thanks, Dave", "Stop"),
        ("stop -- sent from my phone", "stop"),
    ],
)
def test_signatures_are_cut(text: str, cut: str) -> None:
    assert fold(text[: signature_start(text, VOCABULARY.__contains__)]) == fold(cut)


@pytest.mark.parametrize(
    "text",
    [
        "Who is this?\nSTOP",  # a keyword on its own line is not a name
        "I never signed up.\nStop",
        "Please stop texting me",
        "The package was sent from my old address",  # not at the end
        "",
    ],
)
def test_non_signatures_are_kept(text: str) -> None:
    end = signature_start(text, VOCABULARY.__contains__)
    assert fold(text[:end]).split()[-1:] == fold(text).split()[-1:]


def test_fold_spans_point_back_into_the_original() -> None:
    text = "Hey!! Please STOP texting me"
    words, spans = fold_spans(text)
    assert words == fold(text).split()
    assert [text[a:b] for a, b in spans] == ["Hey", "Please", "STOP", "texting", "me"]
    spaced, spans = fold_spans("ok S T O P now")
    assert spaced == ["ok", "stop", "now"]
    assert spans[1] == (3, 10)
    twice, spans = fold_spans("S T O P!!! S T O P!!!")
    assert twice == ["stop", "stop"]
    assert spans == [(0, 7), (11, 18)]


def test_plain_keeps_punctuation_but_unmasks_letters() -> None:
    assert plain("Ѕтор. Ѕent from my iРhone")[0] == "stop. sent from my iphone"
    assert plain("Stop. Sent") == ("Stop. Sent", None)  # ASCII untouched
    probe, origin = plain("st\u200bop. ＯＫ")
    assert probe == "stop. OK"
    assert plain("ꜱᴛᴏᴘ. ok")[0] == "stop. ok"  # small capitals
    assert origin is not None and origin[2] == 3 and origin[-1] == len("st\u200bop. ＯＫ")
