"""Provider tests: every webhook key configured, REST calls sent to the fake provider APIs
served over real HTTP on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from stopline.config import Settings
from stopline.providers.fakes.server import FakeProviders
from tests.provider_payloads import fake_credentials, provider_settings


@pytest.fixture(scope="session")
def fake_server() -> Iterator[FakeProviders]:
    with FakeProviders(fake_credentials()) as fake:
        yield fake


@pytest.fixture
def fake(fake_server: FakeProviders) -> FakeProviders:
    fake_server.state.reset()
    return fake_server


@pytest.fixture
def settings(database_url: str, fake: FakeProviders) -> Settings:
    values: dict[str, Any] = provider_settings()
    return Settings(
        database_url=database_url,
        public_url="https://sms.example.com",
        brand_name="Acme",
        help_contact="help@acme.example",
        provider_url=fake.url,
        outbox_worker=False,
        broadcast_worker=False,
        outbox_backoff_seconds=0,
        inbound_writer="thread",  # the writer process: test_inbound_writer.py and e2e tests
        **values,
    )


def fake_requests(fake: FakeProviders) -> list[dict[str, Any]]:
    """What the fake REST APIs received, read over HTTP like any client would."""
    response = httpx.get(f"{fake.url}/_fake/requests")
    response.raise_for_status()
    items: list[dict[str, Any]] = response.json()
    return items
