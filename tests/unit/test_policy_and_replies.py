from __future__ import annotations

from datetime import UTC, datetime

import pytest

from stopline.domain.consent import ORGANISATION, Scope
from stopline.domain.policy import Reason, Suppression, may_send
from stopline.domain.replies import SUPPORTED_LANGUAGES, Brand, format_when, reply_text

T0 = datetime(2026, 3, 1, 17, 5, tzinfo=UTC)
N = "+14155550100"


def test_no_suppression_allows() -> None:
    assert may_send({}).allowed


def test_organisation_opt_out_blocks_every_sender_and_topic() -> None:
    active = {ORGANISATION: Suppression(N, ORGANISATION, T0, "keyword")}
    for sender, topic in ((None, None), ("+14155550199", "support"), ("12345", "marketing")):
        decision = may_send(active, sender, topic)
        assert not decision.allowed
        assert decision.reason is Reason.OPTED_OUT
        assert decision.scope == ORGANISATION


def test_topic_and_sender_opt_outs_block_only_their_own_sends() -> None:
    topic = Scope.topic("marketing")
    sender = Scope.sender("+14155550199")
    active = {topic: Suppression(N, topic, T0, "api"), sender: Suppression(N, sender, T0, "api")}
    assert not may_send(active, topic="marketing").allowed
    assert may_send(active, topic="support").allowed
    assert not may_send(active, sender="+14155550199").allowed
    assert may_send(active, sender="+14155550111", topic="support").allowed


BRAND = Brand(name="Acme", help_contact="1-800-555-0100")


def test_confirmation_names_brand_state_time_and_resubscribe_and_nothing_else() -> None:
    text = reply_text("opt_out", BRAND, "en", T0)
    assert text.startswith("Acme:")
    assert "unsubscribed" in text
    assert "2026-03-01 17:05 UTC" in text
    assert "START" in text
    for marketing in ("%", "offer", "sale", "deal", "http"):
        assert marketing not in text.lower()


def test_help_reply_has_every_ctia_element() -> None:
    text = reply_text("help", BRAND, "en", T0)
    for part in (
        "Acme",
        "1-800-555-0100",
        "Msg frequency varies",
        "Msg&data rates may apply",
        "STOP",
    ):
        assert part in text


# What each locale's HELP and START replies must carry: brand, help contact (HELP), the
# opt-out keyword, and the message frequency carriers require.
OPT_OUT_WORD = {"en": "STOP", "fr": "ARRET", "es": "ALTO"}


@pytest.mark.parametrize("language", sorted(SUPPORTED_LANGUAGES))
@pytest.mark.parametrize("kind", ["help", "opt_in"])
def test_every_locale_help_and_start_reply_has_brand_contact_opt_out_and_frequency(
    language: str, kind: str
) -> None:
    brand = Brand(name="Acme", help_contact="1-800-555-0100", frequency="4 msgs/month")
    text = reply_text(kind, brand, language, T0)
    assert text.startswith("Acme")
    assert "4 msgs/month" in text
    assert OPT_OUT_WORD[language] in text
    if kind == "help":
        assert "1-800-555-0100" in text


@pytest.mark.parametrize("kind", ["help", "opt_in"])
def test_the_default_frequency_is_in_the_replys_language(kind: str) -> None:
    """Not "Frecuencia de mensajes: Msg frequency varies" (fifth acceptance test)."""
    brand = Brand(name="Acme", help_contact="x")
    assert "Msg frequency varies" in reply_text(kind, brand, "en", T0)
    assert "Msg frequency varies" in reply_text(kind, brand, "de", T0)  # English template
    for language in ("es", "fr"):
        text = reply_text(kind, brand, language, T0)
        assert "Msg frequency" not in text and ": variable" in text, text


def test_french_reply_for_french_keywords_and_english_fallback() -> None:
    assert "désabonné" in reply_text("opt_out", BRAND, "fr", T0)
    assert reply_text("opt_out", BRAND, "xx", T0) == reply_text("opt_out", BRAND, "en", T0)


def test_custom_texts_override_per_language() -> None:
    brand = Brand("Acme", "x", custom={"opt_out.en": "{brand} bye since {when}"})
    assert reply_text("opt_out", brand, "en", T0) == "Acme bye since 2026-03-01 17:05 UTC"


def test_when_is_shown_in_the_brand_time_zone() -> None:
    assert format_when(T0, "America/New_York") == "2026-03-01 12:05 EST"


def test_remembered_utc_texts_equal_the_written_ones() -> None:
    """Equal instants share one text whatever their offset; naive times are UTC; the memo
    stays bounded."""
    from datetime import timedelta, timezone

    from stopline.domain import instants

    utc = datetime(2026, 12, 4, 16, 10, 5, 123456, tzinfo=UTC)
    paris = utc.astimezone(timezone(timedelta(hours=1)))
    naive = utc.replace(tzinfo=None)
    whole = utc.replace(microsecond=0)
    for moment in (utc, paris, naive, whole, paris, utc):
        assert instants.utc_text_remembered(moment) == instants.utc_text(moment)
    assert instants.utc_text_remembered(paris) == "2026-12-04T16:10:05.123456Z"
    assert instants.utc_text_remembered(whole) == "2026-12-04T16:10:05Z"
    assert utc in instants._TEXTS and naive in instants._TEXTS  # remembered
    assert paris not in instants._TEXTS or instants._TEXTS[paris] == instants.utc_text(paris)
    # the hour that happens twice: equal as datetimes, an hour apart as instants
    from zoneinfo import ZoneInfo

    first = datetime(2025, 11, 2, 1, 30, tzinfo=ZoneInfo("America/New_York"))
    second = first.replace(fold=1)
    assert first == second
    assert instants.utc_text_remembered(first) == "2025-11-02T05:30:00Z"
    assert instants.utc_text_remembered(second) == "2025-11-02T06:30:00Z"
    for seconds in range(instants._TEXTS_KEPT + 10):
        instants.utc_text_remembered(whole + timedelta(seconds=seconds))
    assert len(instants._TEXTS) <= instants._TEXTS_KEPT
