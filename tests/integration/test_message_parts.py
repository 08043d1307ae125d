"""Pieces of a long message stored by two servers at once (PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from stopline.domain.inbound import InboundMessage, Part
from stopline.services.message_parts import PartsRecorder
from stopline.storage import message_parts as repo
from tests.helpers import wait_for_a_blocked_advisory_lock

SENDER = "+447700900123"


def _piece(index: int, text: str) -> InboundMessage:
    return InboundMessage(
        "vonage",
        f"P-{index}",
        SENDER,
        "+447700900000",
        text,
        datetime.now(UTC),
        part=Part("7F", index, 2),
    )


@pytest.mark.postgres
def test_postgres_the_last_two_pieces_stored_at_once_still_make_the_message(
    postgres_schema_url: str,
) -> None:
    """Without the sender's lock, each transaction would miss the other's uncommitted
    piece and both would answer "not whole yet": the message would never be read."""
    from stopline.storage import migrate
    from stopline.storage.commit_queue import GroupCommit
    from stopline.storage.engine import create_database_engine
    from stopline.storage.ledger import lock_chains

    engine: Engine = create_database_engine(postgres_schema_url)
    migrate.upgrade(engine)
    group = GroupCommit(engine)
    other = engine.connect()
    try:
        other_tx = other.begin()
        lock_chains(other, [SENDER])  # as a second server's batch would, first
        repo.store(other, _piece(1, "please s"))
        got: list[tuple[bool, InboundMessage | None]] = []
        worker = threading.Thread(
            target=lambda: got.extend(group.run([(PartsRecorder(), _piece(2, "top texting me"))])),
            daemon=True,
        )
        worker.start()
        wait_for_a_blocked_advisory_lock(engine)
        other_tx.commit()
        worker.join(30)
        [(committed, whole)] = got
        assert committed and whole is not None and whole.body == "please stop texting me"
    finally:
        other.close()
        group.close()
        engine.dispose()
