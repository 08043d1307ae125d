"""Which unexpected errors a client may retry (503, Retry-After) and which are ours (500)."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import IntegrityError, OperationalError

from stopline.api.errors import retry_headers, unexpected_error
from stopline.storage.commit_queue import CommitFailed, CommitLate, _gave_up


def test_a_busy_database_is_503_and_a_failing_write_500() -> None:
    locked = OperationalError(
        "INSERT ...", {"body": "Jane, stop"}, sqlite3.OperationalError("database is locked")
    )
    clash = IntegrityError(
        "INSERT ...", {"body": "Jane, stop"}, sqlite3.IntegrityError("UNIQUE constraint failed")
    )
    busy, broken = _gave_up(locked), _gave_up(clash)
    assert busy.busy and str(busy) == "could not commit after retries: database is locked"
    assert not broken.busy and "Jane" not in str(broken)
    assert unexpected_error(busy)[:2] == (503, "database_busy")
    assert unexpected_error(broken)[:2] == (500, "internal_error")
    assert unexpected_error(CommitLate("not committed within 10 s"))[:2] == (503, "database_busy")
    assert retry_headers(503) == {"Retry-After": "5"} and retry_headers(500) is None
    assert isinstance(busy, CommitFailed) and not _gave_up(None).busy
    schema = OperationalError("SELECT ...", {}, sqlite3.OperationalError("no such table: x"))
    assert not _gave_up(schema).busy
