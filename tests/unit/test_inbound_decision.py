from __future__ import annotations

from datetime import UTC, datetime

from stopline.domain.consent import ORGANISATION, Kind, Source
from stopline.domain.inbound import InboundMessage, InboundPolicy, Outcome, decide
from stopline.domain.language import Action, classify
from stopline.domain.replies import Brand

T0 = datetime(2026, 5, 1, 9, 30, tzinfo=UTC)
POLICY = InboundPolicy(Brand("Acme", "help@acme.example"))


def message(body: str, provider_keyword: Action | None = None) -> InboundMessage:
    return InboundMessage(
        "twilio", "SM1", "+14155550100", "+14155550199", body, T0, provider_keyword
    )


def run(
    body: str,
    active: set = frozenset(),
    provider_keyword: Action | None = None,  # type: ignore[assignment,type-arg]
    policy: InboundPolicy = POLICY,
):
    return decide(message(body, provider_keyword), classify(body), active, policy, T0)


def test_stop_records_an_organisation_opt_out_and_confirms() -> None:
    d = run("STOP")
    assert d.outcome is Outcome.OPTED_OUT
    assert d.draft is not None and d.draft.kind is Kind.OPT_OUT and d.draft.scope == ORGANISATION
    assert d.draft.source is Source.KEYWORD and d.draft.raw_text == "STOP"
    assert d.reply is not None and "unsubscribed" in d.reply


def test_repeated_stop_is_not_confirmed_twice() -> None:
    d = run("STOP", {ORGANISATION})
    assert d.outcome is Outcome.ALREADY_OPTED_OUT
    assert d.draft is None and d.reply is None


def test_start_opts_in_with_a_reply_and_help_replies_without_changing_consent() -> None:
    start = run("START", {ORGANISATION})
    assert start.outcome is Outcome.OPTED_IN and start.draft is not None
    assert start.reply is not None and "You are subscribed to" in start.reply
    help_ = run("HELP", {ORGANISATION})
    assert help_.outcome is Outcome.HELP and help_.draft is None
    assert help_.reply is not None and "Msg&data rates may apply" in help_.reply


def test_start_says_which_opt_outs_made_elsewhere_stay_in_force() -> None:
    """An opt-in lifts exactly its own scope: the reply must not promise every text again
    while a topic (or another sender) stays opted out."""
    from stopline.domain.consent import Scope

    promo, shop = Scope.topic("promo"), Scope.sender("+14155550111")
    start = run("START", {ORGANISATION, promo, shop})
    assert start.reply is not None and "You are subscribed to" in start.reply
    assert start.reply.endswith("Still unsubscribed from: promo, texts from +14155550111."), (
        start.reply
    )
    assert run("START", {ORGANISATION}).reply == run("START").reply  # nothing else: no note
    # START texted to a sender lifts that sender's own opt-out too: not listed as remaining
    own = Scope.sender("+14155550199")
    assert "Still" not in (run("START", {ORGANISATION, own}).reply or "")
    from stopline.domain.replies import still_opted_out

    assert (
        still_opted_out("fr", ["promo"], ["ACME"])
        == "Toujours désabonné de : promo, textos de ACME."
    )
    assert still_opted_out("de", ["promo"], []) == "Still unsubscribed from: promo."
    assert still_opted_out("es", [], []) == ""
    reprise = decide(message("START"), classify("START"), {promo}, POLICY, T0)
    assert reprise.reply is not None and reprise.reply.endswith("Still unsubscribed from: promo.")


def test_other_text_is_stored_without_reply() -> None:
    d = run("what time do you open?")
    assert d.outcome is Outcome.NONE and d.reply is None and d.draft is None


def test_provider_already_answered_stop_so_stopline_stays_silent() -> None:
    d = run("STOP", provider_keyword=Action.OPT_OUT)
    assert d.outcome is Outcome.OPTED_OUT and d.draft is not None and d.reply is None
    twilio_loud = InboundPolicy(POLICY.brand, reply_when_handled_by=frozenset({"twilio"}))
    loud = run("STOP", provider_keyword=Action.OPT_OUT, policy=twilio_loud)
    assert loud.reply is not None


def test_replying_after_twilio_answered_does_not_make_other_providers_reply() -> None:
    """STOPLINE_TWILIO_REPLY_WHEN_PROVIDER_HANDLED is Twilio's: a Telnyx or Plivo keyword
    the provider already answered stays silent (else two confirmations)."""
    twilio_loud = InboundPolicy(POLICY.brand, reply_when_handled_by=frozenset({"twilio"}))
    for provider in ("telnyx", "plivo", "vonage"):
        msg = InboundMessage(
            provider, "m1", "+14155550100", "+14155550199", "STOP", T0, Action.OPT_OUT
        )
        d = decide(msg, classify("STOP"), frozenset(), twilio_loud, T0)
        assert d.outcome is Outcome.OPTED_OUT and d.reply is None, provider


def test_provider_opt_out_flag_wins_over_an_unrecognised_text() -> None:
    d = run("custom-word", provider_keyword=Action.OPT_OUT)
    assert d.outcome is Outcome.OPTED_OUT
    assert d.draft is not None and d.draft.source is Source.PROVIDER_SIGNAL


def test_french_keyword_gets_a_french_confirmation() -> None:
    d = run("ARRÊT")
    assert d.reply is not None and "désabonné" in d.reply
