"""Bulk inserts for the write hot path, straight to the driver's ``executemany``.

SQLAlchemy's per-row parameter processing costs more than the database work for the small,
frequent batches of the webhook path, so rows are adapted once here and handed to the driver.
Table and column names come from `tables.py`, never from input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, text

from stopline.storage.columns import UTCDateTime


def sqlite_instant(value: datetime) -> str:
    """The text form SQLAlchemy uses for DateTime on SQLite (UTC, always microseconds)."""
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    for name in columns:
        if name not in table.c:
            raise KeyError(f"{table.name} has no column {name!r}")
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "  # noqa: S608 (names from tables.py)
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    params = [tuple(row.values()) for row in rows]
    if conn.dialect.name == "sqlite":  # SQLite stores instants as text: convert those columns
        moments = [
            i for i, name in enumerate(columns) if isinstance(table.c[name].type, UTCDateTime)
        ]
        if moments:
            converted = []
            for values in params:
                row = list(values)
                for i in moments:
                    if row[i] is not None:
                        row[i] = sqlite_instant(row[i])
                converted.append(tuple(row))
            params = converted
    conn.exec_driver_sql(sql, params)


def allocate_ids(conn: Connection, table: Table, count: int) -> list[int]:
    """``count`` new primary keys for ``table``, in increasing order.

    PostgreSQL draws them from the column's sequence. SQLite continues from the current
    maximum: safe because SQLite has one writer at a time, and a transaction whose snapshot
    went stale cannot upgrade to a write (it fails instead of reusing an id).
    """
    if count == 0:
        return []
    if conn.dialect.name == "postgresql":
        rows = conn.execute(
            text(
                f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) "  # noqa: S608
                "FROM generate_series(1, :n)"
            ),
            {"n": count},
        )
        return sorted(int(r[0]) for r in rows)
    start = conn.execute(
        text(f"SELECT coalesce(max(id), 0) FROM {table.name}")  # noqa: S608
    ).scalar_one()
    return list(range(int(start) + 1, int(start) + 1 + count))
