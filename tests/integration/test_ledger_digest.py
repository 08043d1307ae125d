"""`stopline ledger digest` and `ledger verify --expect`: removing the newest events of a
number (or a whole number) passes the chain check but not the digest saved earlier."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from stopline.cli import app as cli
from stopline.cli.base import err as cli_err
from stopline.cli.base import out as cli_out
from stopline.config import Settings
from stopline.domain.consent import ConsentDraft, Kind, Source
from stopline.services.ledger import record
from tests.helpers import wait_for_a_blocked_advisory_lock

A, B, C = "+14155550121", "+14155550122", "+14155550123"


@pytest.fixture
def runner(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("STOPLINE_DATABASE_URL", settings.database_url)
    monkeypatch.setattr(cli_out, "width", 200)
    monkeypatch.setattr(cli_err, "width", 200)
    return CliRunner()


def _record(engine: Engine, now: datetime, *changes: tuple[str, Kind]) -> None:
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        for number, kind in changes:
            record(conn, [ConsentDraft(number, kind, Source.API, now)], now)


def _digest(runner: CliRunner) -> str:
    result = runner.invoke(cli, ["ledger", "digest"])
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


@pytest.fixture
def ledger(engine: Engine, now: datetime) -> Engine:
    _record(engine, now, (A, Kind.OPT_OUT), (B, Kind.OPT_OUT), (B, Kind.OPT_IN), (C, Kind.OPT_OUT))
    return engine


def test_digest_is_stable_and_its_parts_are_printed(runner: CliRunner, ledger: Engine) -> None:
    digest = _digest(runner)
    assert digest.startswith("L1-4-") and digest == _digest(runner)
    parts = json.loads(runner.invoke(cli, ["ledger", "digest", "--json"]).stdout)
    assert parts["digest"] == digest
    assert (parts["events"], parts["numbers"]) == (4, 3)
    assert digest.split("-")[2] == str(parts["max_id"])
    assert len(parts["heads_sha256"]) == 64


def test_removing_the_newest_event_of_a_number_fails_only_against_the_digest(
    runner: CliRunner, ledger: Engine
) -> None:
    saved = _digest(runner)
    with ledger.begin() as conn:
        conn.execute(text("DELETE FROM consent_events WHERE number = :n AND seq = 2"), {"n": B})
    honest = runner.invoke(cli, ["ledger", "verify"])
    # every remaining chain is still valid; only the suppression table, which still shows
    # B's removed opt-in, no longer matches the ledger (an attacker could fix that too)
    assert "FAILED" not in honest.stderr and "differs from the ledger" in honest.stderr
    caught = runner.invoke(cli, ["ledger", "verify", "--expect", saved])
    assert caught.exit_code == 1
    assert "ledger does not match digest" in caught.stderr
    assert "events removed: 1 of the 4 events" in caught.stderr


def test_removing_the_newest_event_of_the_ledger_is_found(
    runner: CliRunner, ledger: Engine
) -> None:
    saved = _digest(runner)
    with ledger.begin() as conn:
        conn.execute(text("DELETE FROM suppressions WHERE number = :n"), {"n": C})
        conn.execute(text("DELETE FROM consent_events WHERE number = :n"), {"n": C})
    assert runner.invoke(cli, ["ledger", "verify"]).exit_code == 0
    caught = runner.invoke(cli, ["ledger", "verify", "--expect", saved])
    assert caught.exit_code == 1
    assert "events removed" in caught.stderr


def test_a_replaced_tail_is_found_even_with_the_same_count(
    runner: CliRunner, ledger: Engine, now: datetime
) -> None:
    saved = _digest(runner)
    with ledger.begin() as conn:
        # B's last event replaced in place: count and ids unchanged.
        conn.execute(
            text("UPDATE consent_events SET hash = 'x' WHERE number = :n AND seq = 2"), {"n": B}
        )
    caught = runner.invoke(cli, ["ledger", "verify", "--expect", saved])
    assert caught.exit_code == 1
    assert "chain heads up to id" in caught.stderr


def test_events_appended_after_the_digest_still_match(
    runner: CliRunner, ledger: Engine, now: datetime
) -> None:
    saved = _digest(runner)
    later = now + timedelta(minutes=1)
    _record(ledger, later, (A, Kind.OPT_IN), ("+14155550124", Kind.OPT_OUT))
    result = runner.invoke(cli, ["ledger", "verify", "--expect", saved])
    assert result.exit_code == 0, result.output
    assert "6 events on 4 chains" in result.stdout and "matches digest" in result.stdout
    assert _digest(runner) != saved


def test_a_malformed_digest_is_refused(runner: CliRunner, ledger: Engine) -> None:
    result = runner.invoke(cli, ["ledger", "verify", "--expect", "abc"])
    assert result.exit_code == 2 and "not a ledger digest" in result.stderr


@pytest.mark.postgres
def test_postgres_a_digest_waits_for_events_with_lower_ids_still_being_committed(
    postgres_schema_url: str, now: datetime
) -> None:
    """On PostgreSQL ids are drawn before commit, so a transaction holding a lower id can
    commit after one holding a higher id. A digest taken in between must not cover the
    lower id before it is committed, or `verify --expect` later reports an event that
    "appeared after the digest" on an untouched ledger."""
    import threading

    from stopline.domain.ledger_digest import LedgerDigest
    from stopline.services.ledger import check_digest, digest
    from stopline.storage import migrate
    from stopline.storage.engine import create_database_engine

    engine: Engine = create_database_engine(postgres_schema_url)
    migrate.upgrade(engine)
    slow = engine.connect()
    try:
        with engine.connect() as conn:
            before = digest(conn).events
        slow_tx = slow.begin()
        lower, higher = "+14155550131", "+14155550132"  # numbers no other test uses
        record(slow, [ConsentDraft(lower, Kind.OPT_OUT, Source.API, now)], now)  # still open
        _record(engine, now, (higher, Kind.OPT_OUT))  # a higher id, committed
        taken: list[LedgerDigest] = []
        with engine.connect() as conn:
            worker = threading.Thread(target=lambda: taken.append(digest(conn)), daemon=True)
            worker.start()
            wait_for_a_blocked_advisory_lock(engine)  # the digest waits for the open one
            waited = not taken
            slow_tx.commit()
            worker.join(30)
            conn.rollback()
        assert waited
        [saved] = taken
        assert saved.events == before + 2
        with engine.connect() as conn:
            assert check_digest(conn, saved) is None
    finally:
        slow.close()
        engine.dispose()
