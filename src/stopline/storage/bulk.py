"""Driver-level SQL for the write hot path: bulk inserts and set-based look-ups.

SQLAlchemy's statement compilation and per-row parameter processing cost more than the
database work for the small, frequent batches of the webhook path, so these helpers hand
plain SQL to the driver's own cursor, inside the caller's transaction; driver errors are
raised as SQLAlchemy's (`IntegrityError`, `OperationalError`, ...), as ``exec_driver_sql``
would. Table and column names come from `tables.py`, never from input; values are always
bound parameters.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.exc import DBAPIError

from stopline.domain.memo import Memo
from stopline.storage.columns import UTCDateTime


def sqlite_instant(value: datetime) -> str:
    """The text form SQLAlchemy uses for DateTime on SQLite (UTC, always microseconds)."""
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def bound_instant(conn: Connection, value: datetime) -> datetime | str:
    """An instant as a raw driver statement binds it, matching what `UTCDateTime` stores:
    SQLite's text form (so that comparisons in SQL hold), the datetime elsewhere."""
    return sqlite_instant(value) if conn.dialect.name == "sqlite" else value


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        insert_tuples(conn, table, tuple(rows[0]), [tuple(row.values()) for row in rows])


def insert_tuples(
    conn: Connection, table: Table, columns: tuple[str, ...], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert ``rows``, each holding the values of ``columns`` in that order."""
    if not rows:
        return
    sqlite = conn.dialect.name == "sqlite"
    sql, moments = _insert_statement(table, columns, sqlite)
    if moments:  # SQLite stores instants as text: convert those columns
        converted = []
        for values in rows:
            row = list(values)
            for i in moments:
                moment = row[i]
                if moment is not None:
                    row[i] = _TEXT_FORMS[moment]
            converted.append(row)
        rows = converted
    execute(conn, sql, rows, many=True)


@lru_cache(maxsize=64)
def _insert_statement(
    table: Table, columns: tuple[str, ...], sqlite: bool
) -> tuple[str, tuple[int, ...]]:
    """The INSERT for ``columns`` and, on SQLite, which of them hold instants."""
    for name in columns:
        if name not in table.c:
            raise KeyError(f"{table.name} has no column {name!r}")
    mark = "?" if sqlite else "%s"
    sql = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) "  # noqa: S608 (names from tables.py)
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    moments = (
        tuple(i for i, name in enumerate(columns) if isinstance(table.c[name].type, UTCDateTime))
        if sqlite
        else ()
    )
    return sql, moments


# `sqlite_instant` of recent instants: one batch writes the same instants to several tables
# (a message's receipt time, the batch's commit time).
_TEXT_FORMS: Memo[datetime, str] = Memo(sqlite_instant, limit=4096, renew=True)


def execute(conn: Connection, sql: str, params: Any = (), *, many: bool = False) -> Sequence[Any]:
    """Run ``sql`` on the driver's cursor in ``conn``'s transaction; returns the rows read."""
    if not conn.in_transaction():
        conn.begin()  # what SQLAlchemy's own execute would do first (autobegin)
    dbapi = conn.dialect.loaded_dbapi
    cursor = conn.connection.cursor()
    try:
        if many:
            cursor.executemany(sql, params)
        else:
            cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description is not None else []
    except dbapi.Error as exc:
        lost = conn.dialect.is_disconnect(exc, conn.connection.dbapi_connection, cursor)
        if lost:
            conn.invalidate()  # as SQLAlchemy does: the pool will not hand it out again
        raise DBAPIError.instance(
            sql,
            params,
            exc,
            dbapi.Error,
            connection_invalidated=lost,
            dialect=conn.dialect,
            ismulti=many,
        ) from exc
    finally:
        cursor.close()


def allocate_ids(
    conn: Connection, table: Table, count: int, guard: tuple[int, int] | None = None
) -> list[int]:
    """``count`` new primary keys for ``table``, in increasing order.

    PostgreSQL draws them from the column's sequence; with ``guard``, the same statement
    first takes that advisory lock, shared, until the transaction ends, so that whoever
    takes it exclusively waits for every transaction holding ids it has not committed yet
    (see `storage.ledger.settled_max_id`). SQLite continues from the current maximum: safe
    because SQLite has one writer at a time, and a transaction whose snapshot went stale
    cannot upgrade to a write (it fails instead of reusing an id).
    """
    if count == 0:
        return []
    if conn.dialect.name == "postgresql":
        sequence = f"nextval(pg_get_serial_sequence('{table.name}', 'id'))"
        if guard is None:
            sql = f"SELECT {sequence} FROM generate_series(1, %s)"  # noqa: S608
            params: tuple[int, ...] = (count,)
        else:
            # The lock's row is produced before any row of the join, so before any nextval.
            guarded = "WITH guard AS MATERIALIZED (SELECT pg_advisory_xact_lock_shared(%s, %s)) "
            sql = guarded + f"SELECT {sequence} FROM guard, generate_series(1, %s)"  # noqa: S608
            params = (*guard, count)
        rows = execute(conn, sql, params)
        return sorted(int(r[0]) for r in rows)
    [(start,)] = execute(
        conn,
        f"SELECT coalesce(max(id), 0) FROM {table.name}",  # noqa: S608
    )
    return list(range(int(start) + 1, int(start) + 1 + count))


def marker(conn: Connection) -> str:
    """The driver's parameter marker."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def in_list(conn: Connection, column: str) -> str:
    """``column`` is one of a list bound as a single parameter (see `list_param`)."""
    if conn.dialect.name == "sqlite":
        return f"{column} IN (SELECT value FROM json_each(?))"  # noqa: S608 (column names are ours)
    return f"{column} = ANY(%s)"


def list_param(conn: Connection, values: Iterable[str | int]) -> Any:
    items = list(values)
    return json.dumps(items) if conn.dialect.name == "sqlite" else items


def select_rows(conn: Connection, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in execute(conn, sql, tuple(params))]
