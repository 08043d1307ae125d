"""Per-sender language settings and reply texts through the Twilio webhook, on SQLite and
PostgreSQL; configuration errors are refused with a clear message."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from stopline import bootstrap
from stopline.api.app import create_app
from stopline.config import Settings
from tests.conftest import TWILIO_TOKEN
from tests.helpers import twilio_form
from tests.integration.test_twilio_webhook import message_text, post

ITALIAN_LINE = "+14155550177"


@pytest.fixture
def configured(settings: Settings) -> Iterator[TestClient]:
    custom = Settings(
        database_url=settings.database_url,
        public_url="https://sms.example.com",
        brand_name="Acme",
        help_contact="help@acme.example",
        twilio_auth_token=TWILIO_TOKEN,  # type: ignore[arg-type]
        language={  # type: ignore[arg-type]
            "extra_opt_out_keywords": ["LEAVE ME"],
            "replies": {"opt_out.de": "{brand}: Abgemeldet seit {when}. START zum Anmelden."},
        },
        senders={  # type: ignore[arg-type]
            ITALIAN_LINE: {
                "locale": "it-IT",
                "extra_help_keywords": ["ASSISTENZA"],
                "replies": {"opt_out.it": "{brand}: disiscritto dal {when}."},
            }
        },
    )
    graph = bootstrap.build(custom)
    with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com") as client:
        yield client
    graph.close()


def test_arret_gets_the_french_reply(configured: TestClient) -> None:
    text = message_text(post(configured, twilio_form("SM200", "ARRÊT")).text)
    assert text is not None and "désabonné" in text and "Acme" in text


def test_custom_reply_for_a_language_without_a_template(configured: TestClient) -> None:
    text = message_text(post(configured, twilio_form("SM201", "Keine Nachrichten mehr")).text)
    assert text is not None and text.startswith("Acme: Abgemeldet seit")


def test_global_extra_keyword_and_stop_still_works(configured: TestClient) -> None:
    assert "unsubscribed" in (
        message_text(post(configured, twilio_form("SM202", "leave me")).text) or ""
    )
    other = twilio_form("SM203", "STOP", from_="+14155550111")
    assert "unsubscribed" in (message_text(post(configured, other).text) or "")


def test_sender_settings_apply_to_that_sender_only(configured: TestClient) -> None:
    italian = twilio_form("SM204", "Fine", to=ITALIAN_LINE)
    text = message_text(post(configured, italian).text)
    assert text is not None and "disiscritto" in text
    elsewhere = twilio_form("SM205", "Fine", from_="+14155550112")
    assert message_text(post(configured, elsewhere).text) is None  # English "fine" = OK
    helped = twilio_form("SM206", "assistenza", from_="+14155550113", to=ITALIAN_LINE)
    assert "help@acme.example" in (message_text(post(configured, helped).text) or "")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("language", {"extra_opt_in_keywords": ["STOP"]}, "cannot be changed"),
        ("language", {"languages": ["xx"]}, "unknown language"),
        ("language", {"replies": {"opt_out": "x"}}, "keys look like"),
        ("language", {"replies": {"help.en": "{nope}"}}, "placeholder"),
        ("senders", {"+14155550100": {"extra_help_keywords": ["START"]}}, "cannot be changed"),
        ("confidence_sure", 0.2, "confidence_unsure"),
        ("review_holiday_country", "XX", "holiday country"),
    ],
)
def test_bad_settings_are_refused(field: str, value: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Settings(**{field: value})  # type: ignore[arg-type]
