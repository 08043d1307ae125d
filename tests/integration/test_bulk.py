"""The driver-level helpers behave like SQLAlchemy's own execution: errors arrive as
SQLAlchemy's exception types (the group commit retries on those), and a connection without
a transaction begins one, so ``commit()`` keeps the rows and ``rollback()`` drops them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from stopline.storage.bulk import insert_rows
from stopline.storage.tables import api_keys


def row(key_id: int) -> dict[str, object]:
    return {
        "id": key_id,
        "name": f"k{key_id}",
        "prefix": f"p{key_id}",
        "key_hash": f"h{key_id}",
        "scopes": "check",
        "created_at": datetime.now(UTC),
    }


def count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(api_keys)).scalar_one())


def test_a_duplicate_key_is_sqlalchemys_integrity_error(engine: Engine) -> None:
    with engine.begin() as conn:
        insert_rows(conn, api_keys, [row(1)])
    with pytest.raises(IntegrityError), engine.begin() as conn:
        insert_rows(conn, api_keys, [row(2), row(1)])
    assert count(engine) == 1  # the failed transaction left nothing


def test_without_a_transaction_one_is_begun(engine: Engine) -> None:
    with engine.connect() as conn:
        insert_rows(conn, api_keys, [row(1), row(2)])
        assert conn.in_transaction()
        conn.rollback()
    assert count(engine) == 0
    with engine.connect() as conn:
        insert_rows(conn, api_keys, [row(3)])
        conn.commit()
    assert count(engine) == 1
