"""The ledger as a change feed: every consent event once, in commit order, behind an opaque
cursor, for systems that follow Stopline (a CRM, a data warehouse, the sync worker).

Event ids alone are not a safe cursor on PostgreSQL: ids are taken when a transaction
inserts, so a transaction holding a lower id can commit after a reader has passed a higher
one, and the reader would skip it for ever. There the feed follows ``(txid, id)`` and only
hands out events of transactions older than its snapshot's ``xmin``: every such
transaction has ended, so nothing can appear behind the cursor later (an event shows up a
moment after its commit, once every older transaction has ended too). SQLite has one writer
at a time, so ids commit in order and the id is the cursor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from stopline.domain.consent import ConsentEvent
from stopline.storage.ledger import EVENT_COLUMNS, event_from_values
from stopline.storage.tables import MAX_ID

_SELECT = ", ".join(f"e.{name}" for name in EVENT_COLUMNS)
# PostgreSQL: events of transactions that had all ended when the statement's snapshot was
# taken (one statement, so the snapshot and the rows agree). Followed by more conditions.
_FINISHED = (
    "FROM consent_events e, "
    "(SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin) s "
    "WHERE e.txid IS NOT NULL AND e.txid < s.xmin "
)


@dataclass(frozen=True, slots=True)
class FeedPage:
    events: list[ConsentEvent]
    cursor: str  # where the next page starts (returned even when the page is empty)
    more: bool  # True when the page was cut at the limit


@dataclass(frozen=True, slots=True)
class _Position:
    txid: int  # 0 on SQLite
    event_id: int


def read_page(
    conn: Connection, cursor: str | None, limit: int, until: str | None = None
) -> FeedPage:
    """Up to ``limit`` events after ``cursor`` (None: from the beginning), and none after
    ``until`` (a cursor handed out earlier: the same events again). Raises
    ValueError("invalid cursor...") for a cursor this database did not hand out (also one
    ahead of its newest event: a follower holding it would otherwise wait for ever)."""
    postgres = conn.dialect.name == "postgresql"
    after = _decode(cursor, postgres)
    last = _decode(until, postgres) if until else _Position(MAX_ID, MAX_ID)
    if postgres:
        rows = _postgres_rows(conn, after, last, limit + 1)
    else:
        rows = _sqlite_rows(conn, after, last, limit + 1)
    if not rows and after.event_id:
        newest = conn.execute(text("SELECT coalesce(max(id), 0) FROM consent_events")).scalar_one()
        if after.event_id > int(newest):  # a cursor of another (or a restored) database
            raise ValueError("invalid cursor: it is ahead of this ledger")
        if postgres and after.txid >= _next_txid(conn):
            raise ValueError("invalid cursor: it is ahead of this database's transactions")
    more = len(rows) > limit
    rows = rows[:limit]
    if rows:
        tail = rows[-1]
        after = _Position(int(tail["txid"] or 0) if postgres else 0, int(tail["id"]))
    events = [event_from_values({k: v for k, v in r.items() if k != "txid"}) for r in rows]
    return FeedPage(events, _encode(after, postgres), more)


def _sqlite_rows(
    conn: Connection, after: _Position, last: _Position, limit: int
) -> list[dict[str, Any]]:
    sql = text(
        f"SELECT {_SELECT} FROM consent_events e "  # noqa: S608 (column names are constants)
        "WHERE e.id > :id AND e.id <= :last ORDER BY e.id LIMIT :limit"
    )
    params = {"id": after.event_id, "last": last.event_id, "limit": limit}
    return _dicts(conn.execute(sql, params).mappings().all())


def _postgres_rows(
    conn: Connection, after: _Position, last: _Position, limit: int
) -> list[dict[str, Any]]:
    # One statement, so the snapshot's xmin and the rows come from the same snapshot.
    sql = text(
        f"SELECT {_SELECT}, e.txid {_FINISHED}"
        "AND (e.txid, e.id) > (:txid, :id) "
        "AND (e.txid, e.id) <= (:last_txid, :last_id) ORDER BY e.txid, e.id LIMIT :limit"
    )
    params = {
        "txid": after.txid,
        "id": after.event_id,
        "last_txid": last.txid,
        "last_id": last.event_id,
        "limit": limit,
    }
    return _dicts(conn.execute(sql, params).mappings().all())


def _next_txid(conn: Connection) -> int:
    return int(
        conn.execute(
            text("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint")
        ).scalar_one()
    )


def adopt_restored_txids(conn: Connection) -> int:
    """PostgreSQL: events restored from another cluster (pg_dump, logical replication) keep
    that cluster's transaction ids, which may be ahead of this cluster's: the feed would
    hold them back for ever and sort new events before them. Give such events this
    transaction's id (they then follow, once, in id order); returns how many. Followers'
    cursors from the old cluster are then refused as ahead (`read_page`): reset them."""
    if conn.dialect.name != "postgresql":
        return 0
    highest = conn.execute(text("SELECT max(txid) FROM consent_events")).scalar()
    if highest is None or int(highest) < _next_txid(conn):
        return 0  # the usual case, answered without taking a transaction id
    current = int(conn.execute(text("SELECT pg_current_xact_id()::text::bigint")).scalar_one())
    if int(highest) < current:
        return 0
    moved = conn.execute(
        text("UPDATE consent_events SET txid = :now WHERE txid >= :now"), {"now": current}
    )
    return int(moved.rowcount or 0)


def _dicts(rows: Sequence[Any]) -> list[dict[str, Any]]:
    return [dict(r) for r in rows]


# Cursors name the database kind they came from, so one from SQLite is refused by a
# PostgreSQL deployment (and the other way round) instead of silently skipping events.
_SQLITE, _POSTGRES = "s", "p"


def _encode(position: _Position, postgres: bool) -> str:
    if postgres:
        return f"{_POSTGRES}{position.txid:x}.{position.event_id:x}"
    return f"{_SQLITE}{position.event_id:x}"


def _decode(cursor: str | None, postgres: bool) -> _Position:
    if cursor is None or cursor == "":
        return _Position(0, 0)
    kind, rest = cursor[:1], cursor[1:]
    try:
        if postgres and kind == _POSTGRES:
            txid_text, id_text = rest.split(".")
            position = _Position(_hex(txid_text), _hex(id_text))
        elif not postgres and kind == _SQLITE:
            position = _Position(0, _hex(rest))
        else:
            raise ValueError
    except ValueError:
        raise ValueError("invalid cursor") from None
    return position


def _hex(value: str) -> int:
    if not value or not all(c in "0123456789abcdef" for c in value):
        raise ValueError
    number = int(value, 16)
    if number > MAX_ID:
        raise ValueError
    return number


def count_after(conn: Connection, cursor: str | None) -> int:
    """How many events the feed would hand out after ``cursor`` now (one counting query)."""
    postgres = conn.dialect.name == "postgresql"
    after = _decode(cursor, postgres)
    if postgres:
        sql = text(f"SELECT count(*) {_FINISHED}AND (e.txid, e.id) > (:txid, :id)")
        params = {"txid": after.txid, "id": after.event_id}
    else:
        sql = text("SELECT count(*) FROM consent_events WHERE id > :id")
        params = {"id": after.event_id}
    return int(conn.execute(sql, params).scalar_one())


def end_cursor(conn: Connection) -> str:
    """A cursor after every event handed out so far (to follow only what comes next)."""
    if conn.dialect.name == "postgresql":
        row = conn.execute(
            text(f"SELECT e.txid, e.id {_FINISHED}ORDER BY e.txid DESC, e.id DESC LIMIT 1")
        ).first()
        position = _Position(int(row[0]), int(row[1])) if row else _Position(0, 0)
        return _encode(position, True)
    last = conn.execute(text("SELECT coalesce(max(id), 0) FROM consent_events")).scalar_one()
    return _encode(_Position(0, int(last)), False)
