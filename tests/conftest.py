"""Shared fixtures: real SQLite and real PostgreSQL databases, settings, API keys, clients."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

from stopline.config import Settings
from stopline.storage import migrate
from stopline.storage.engine import create_database_engine
from stopline.storage.tables import metadata

POSTGRES_URL = os.environ.get(
    "STOPLINE_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = os.environ.get("STOPLINE_REQUIRE_POSTGRES") == "1"
TWILIO_TOKEN = "12345678901234567890123456789012"


def _postgres_available() -> str | None:
    try:
        engine = create_engine(POSTGRES_URL.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except OperationalError as exc:
        return str(exc).splitlines()[0]
    return None


_PG_PROBLEM = _postgres_available()


@pytest.fixture(scope="session")
def postgres_schema_url() -> Iterator[str]:
    """A fresh schema for this test session, migrated to head."""
    if _PG_PROBLEM is not None:
        if REQUIRE_POSTGRES:
            pytest.fail(f"PostgreSQL is required but unavailable: {_PG_PROBLEM}")
        pytest.skip(f"PostgreSQL unavailable: {_PG_PROBLEM}")
    schema = f"stopline_test_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_database_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    engine = create_database_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    yield url
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each test using this runs once on SQLite (a new file) and once on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'stopline.db'}"
        return
    url: str = request.getfixturevalue("postgres_schema_url")
    engine = create_database_engine(url)
    with engine.begin() as conn:
        names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        # the row migration 0011 seeds: `ledger rebuild` counts it up (not its fallback)
        conn.execute(text("INSERT INTO projection_state (id, generation) VALUES (1, 0)"))
    engine.dispose()
    yield url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_database_engine(database_url)
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        public_url="https://sms.example.com",
        brand_name="Acme",
        help_contact="help@acme.example",
        twilio_auth_token=TWILIO_TOKEN,  # type: ignore[arg-type]
        # in-process writer for speed; test_inbound_writer.py and the e2e tests (real
        # servers, default settings) cover the writer process
        inbound_writer="thread",
    )


@pytest.fixture
def now() -> datetime:
    return datetime.now(UTC)
