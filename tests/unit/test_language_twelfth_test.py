"""A twelfth blind test (2026-12-05: 594 messages, 283 opt-outs: 97.5% read as opt-outs,
98.9% counting review, three missed entirely; 9 false opt-outs among 311 others; opt-ins
26/31). Its worst finding came from probes: refusals to be subscribed again were read as
opt-ins ("START? No.", "Resubscribe? Never.", "Why did you resubscribe me??"), which lifts
an opt-out, and negated opt-in wording ("Do NOT resubscribe me") was read as nothing.
Also: reassigned numbers described without "wrong number", the person's own misdial read
as an opt-out, and "STOP? No, keep them coming" read as one."""

from __future__ import annotations

import pytest

from stopline.domain.language import Action
from tests.unit.language_cases import action

OUT, NONE, REVIEW, IN = Action.OPT_OUT, Action.NONE, Action.REVIEW, Action.OPT_IN


@pytest.mark.parametrize(
    "text",
    [
        "START? Absolutely not.",
        "START? No.",
        "Start?? no way",
        "Start? lol no",
        "UNSTOP??? absolutely not",
        "Resubscribe? Never.",
        "Opt me back in? lol no",
        "Opt back in? Hard pass",
        "Please resubscribe me? Are you kidding? No.",
        "Wieder anmelden? Nein danke",
        "¿Suscribirme de nuevo? Jamás",
        "Me réabonner? Jamais",
        "Start? No. STOP.",
        "Unstop? No. Keep me unsubscribed.",
    ],
)
def test_a_request_to_resubscribe_asked_back_and_answered_no_is_an_opt_out(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    [
        "Do NOT resubscribe me",
        "Never resubscribe me",
        "Don't put me back on the list",
        "Don't start texting me again",
        "I'm not opting back in",
        "Do not unstop",
        "我不想重新订阅",
        "配信再開しないで",
    ],
)
def test_opt_in_wording_under_a_negation_is_an_opt_out(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    [
        "Why don't you resubscribe me?",  # an invitation, or sarcasm: a person reads it
        "Why did you resubscribe me??",
        "How dare you resubscribe me",
        "Did you just resubscribe me?",
    ],
)
def test_questions_and_complaints_about_being_resubscribed_go_to_a_person(text: str) -> None:
    assert action(text) is REVIEW


@pytest.mark.parametrize(
    "text",
    [
        "Not my number anymore",
        "This is no longer Maria's number",
        "Maria doesn't have this phone anymore",
        "No one by that name here",
        "You resubscribed me without my permission",
    ],
)
def test_reassigned_numbers_and_unasked_resubscriptions_are_opt_outs(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    [
        "STOP? No, keep them coming",
        "ARRET? Non, je veux continuer à recevoir vos messages",
        "¿STOP? No, quiero seguir recibiendo sus mensajes",
        "Sorry, I texted the wrong number",
        "My bad, I dialed the wrong number",
        "Oops wrong number, meant to text my sister",
        "I think I dialed the wrong number earlier, sorry. Is this Dr. Patel's office?",
    ],
)
def test_a_declined_stop_and_ones_own_misdial_are_not_opt_outs(text: str) -> None:
    assert action(text) is NONE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("START", IN),
        ("Please resubscribe me", IN),
        ("I'm opting back in", IN),
        ("Put me back on the list please", IN),
        ("START?", IN),  # a bare question stays as before
        ("Stop?? no more texts", OUT),  # the answer is itself an opt-out
        ("Stop? No. Stop texting me", OUT),
        ("wrong number", OUT),
        ("You have the wrong number", OUT),
        ("don't stop", NONE),
        ("Unsubscribe? No way", NONE),
        # a request asked back counts only when alone, and the answer only when complete
        # and, for an opt-out, asking to keep the texts (a reviewer's cases)
        ("STOP? Never!", OUT),
        ("Can you stop texting me? No one signed up for this", OUT),
        ("Please stop? No one wants this spam", OUT),
        ("STOP? No means no", OUT),
        ("Can you take me off your list? No joke", OUT),
        ("Arret? Non", OUT),
        ("Should we start now? No.", IN),  # as before: START in a short message
        ("Please don't add me back to the group chat, it's too noisy", NONE),
        ("Don't sign me back up for piano next term", NONE),
        ("I don't want to opt back in to the tournament", NONE),
        ("Don't start with me", NONE),
        ("Why did you put me back on hold", NONE),
        ("Did you add me back to the carpool?", NONE),
    ],
)
def test_the_readings_beside_these_rules_stay(text: str, expected: Action) -> None:
    assert action(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "UN-SUBSCRIBE",
        "un subscribe",
        "Un subscribe me",
        "5T0P",
        "S.T.0.P",
        "opt-0ut",
        "$TOP",
        "st*p",
        "un5ub5cr1be",
        "I'd rather you didn't text me",
        "Exclude me from your mailing list",
        "I'd like to be excluded from future messages",
        "opted out",
        "I already opted out",
        "Όχι άλλα μηνύματα",
        "This isn't Karen. Got this number last month.",
        "Yeah right, like I want to receive your texts again",
        "I want to stop receiving paper bills and texts",  # the texts follow the paper
        "I'm going to unsubscribe",
    ],
)
def test_more_ways_of_saying_stop_from_the_probes(text: str) -> None:
    assert action(text) is OUT


@pytest.mark.parametrize(
    "text",
    [
        "I want to stop receiving paper bills",
        "How do I stop getting paper statements?",
        "I want to stop getting overdraft fees",
        "I was going to unsubscribe but then I saw this deal",
        "Why would I want to stop? Great deals",
        "Meet at 5pm",
        "I paid $50 for st0ck",
        "room 5-B",
    ],
)
def test_paper_fees_stories_and_numbers_are_not_opt_outs(text: str) -> None:
    assert action(text) is NONE


def test_a_sarcastic_request_for_the_texts_is_no_opt_in() -> None:
    assert action("Why would I want to get texts again?") is REVIEW


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no START", OUT),  # a refusal right before the keyword: refused (was an opt-in)
        ("no unstop", OUT),
        ("No. START", IN),  # a sentence mark between: the keyword stands
        ("Nope, START", IN),
        ("START", IN),
    ],
)
def test_a_refusal_right_before_an_opt_in_keyword_refuses_it(text: str, expected: Action) -> None:
    assert action(text) is expected
