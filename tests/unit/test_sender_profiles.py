"""A sender's locale gives the reply language when the message itself has none."""

from __future__ import annotations

from datetime import UTC, datetime

from stopline.domain.inbound import InboundMessage, InboundPolicy, decide
from stopline.domain.language import Action, Classification
from stopline.domain.replies import Brand

NOW = datetime(2026, 1, 1, tzinfo=UTC)
MESSAGE = InboundMessage("generic", "m1", "+14155550100", "+14155550199", "FIN", NOW)
CUSTOM_STOP = Classification(
    Action.OPT_OUT, "stop_keyword", 1.0, None, "keyword.sender.stop_keyword", None, "custom"
)


def test_the_senders_language_is_used_when_the_keyword_has_none() -> None:
    brand = Brand("Acme", "help@acme.example")
    french = decide(MESSAGE, CUSTOM_STOP, (), InboundPolicy(brand, language="fr"), NOW)
    english = decide(MESSAGE, CUSTOM_STOP, (), InboundPolicy(brand), NOW)
    assert french.reply is not None and "désabonné" in french.reply
    assert english.reply is not None and "unsubscribed" in english.reply


def test_sender_locales_are_checked_and_written_one_way() -> None:
    import pytest

    from stopline.services.senders import InvalidSender, new_sender

    for given, kept in (
        ("fr_ca", "fr-CA"),
        ("EN-us", "en-US"),
        ("es", "es"),
        ("es-419", "es-419"),
        ("zh_hant_tw", "zh-Hant-TW"),
    ):
        assert new_sender("+14155550100", "console", locale=given).locale == kept
    for bad in ("english", "en-USA", "e", "fr CA", "12"):
        with pytest.raises(InvalidSender, match="locale"):
            new_sender("+14155550100", "console", locale=bad)
