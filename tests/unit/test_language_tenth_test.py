"""A tenth blind test (2026-12-05: 450 messages, 203 opt-outs: 96.1% read as opt-outs, 98.0%
counting review, four missed; 6 false opt-outs among 245 others). Its general patterns:
a negation that closes a sentence ("Absolutely not. Stop texting me") read as negating
the next one; a keyword after a colon or a dash ("Sure, I'll respond: STOP") not taken as
standing alone; Chinese "wrong person" with 人 in the middle; "unsubscribe" about another
subscription or the email's link; a time limit on "don't text me"; help questions in words."""

from __future__ import annotations

import pytest

from stopline.domain.language import Action
from tests.unit.language_cases import action

OUT, NONE, REVIEW, HELP = Action.OPT_OUT, Action.NONE, Action.REVIEW, Action.HELP


@pytest.mark.parametrize(
    "text",
    [
        "Absolutely not. Stop texting me.",
        "Of course not. Unsubscribe me",
        "I'm not. Remove me.",
        "Never. Stop texting me",
        "Oh great, another text. Just what I wanted. NOT. Remove me.",
        "Don't! Stop texting me",
        "no way\nstop texting me",
    ],
)
def test_a_negation_that_ends_its_sentence_does_not_negate_the_next(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    [
        "Please don't stop texting me",
        "Please don't\nstop texting me",  # a line break is no sentence end
        "Please don't... stop the deals! I love them",  # nor an ellipsis
        "I never want these texts to stop",
        "Don't unsubscribe me",
        "Do not remove me from the list",
    ],
)
def test_a_negation_in_the_same_sentence_still_negates(text: str) -> None:
    assert action(text) is not OUT


@pytest.mark.parametrize(
    "text",
    [
        "Sure, I'll respond: STOP",
        "Reply: STOP",
        'Re: "Flash sale today only, Reply STOP to end" - STOP',
        'Replying to "Hi Sam, ready to refinance? Reply STOP to opt out": STOP',
    ],
)
def test_a_keyword_after_a_colon_or_a_dash_stands_alone(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    ["Reminder: stop by the office", "Note: stop signs are out on Elm St"],
)
def test_after_a_colon_a_keyword_in_running_text_is_still_read_in_context(text: str) -> None:
    assert action(text) is NONE


@pytest.mark.parametrize("text", ["你发错人了", "你找错人了", "你發錯人了"])
def test_chinese_wrong_person_with_the_person_named(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Is it too late to unsubscribe from the meal plan for next week?", NONE),
        ("How do I unsubscribe from the autoship?", NONE),
        ("Leave me alone for 5 minutes lol the dog is going crazy, I'll call you back", NONE),
        ("How do I unsubscribe from the email newsletter but keep getting texts?", REVIEW),
        ("Remove the stain guard from the quote, I don't need it", REVIEW),
        ("No longer interested", REVIEW),
    ],
)
def test_what_the_request_is_about_or_when_it_applies(text: str, read: Action) -> None:
    assert action(text) is read


@pytest.mark.parametrize(
    "text",
    [
        "The unsubscribe link in your text is broken",
        # on purpose (docs/language.md): the sender wants out and says the other way failed
        "The unsubscribe link in your email is broken, fyi",
        "Unsubscribe me from the texts",
        "unsubscribe from this crap",
        "Don't text me after this",
        "Don't text me again",
        # a time named beside the request stays an opt-out (the safe side), and must never
        # outweigh another request in the message
        "Please don't text me before 9am, I work nights",
        "Don't text me after 10pm. STOP",
        "never text me after 10pm, take me off your list",
        "Don't text me during class. Remove my number.",
        # another subscription's name followed by the texts is the texts
        "Unsubscribe me from the class texts",
        "unsubscribe from the autoship texts",
        "Unsubscribe me from the membership text alerts",
        "Unsubscribe me from the plan",
        "Leave me alone",
        "I don't want this",
        "I don't want it anymore stop",
    ],
)
def test_the_same_words_about_the_texts_stay_opt_outs(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    [
        "Who's texting me?",
        "What is this number?",
        "What's your customer service number?",
        "Can I talk to a real person?",
        "How do I contact support about these messages?",
        "How do I contact support?",
    ],
)
def test_help_questions_in_words_get_the_help_reply(text: str) -> None:
    assert action(text) is HELP


@pytest.mark.parametrize(
    # "Who is this?" and "What is this for?" alone get the HELP reply since the fourteenth
    # test (test_language_fourteenth_test.py)
    "text",
    ["How can I reach you tomorrow", "What time is it over there?"],
)
def test_other_questions_do_not(text: str) -> None:
    assert action(text) is not HELP
