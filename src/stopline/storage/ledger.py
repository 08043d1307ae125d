"""Queries over the consent ledger and its suppression projection. No commits here: the
caller owns the transaction."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, bindparam, delete, func, insert, select, text, update

from stopline.domain.consent import (
    ChainHead,
    ClassificationRecord,
    ConsentDraft,
    ConsentEvent,
    Kind,
    Scope,
    Source,
)
from stopline.domain.policy import Suppression
from stopline.storage.bulk import (
    allocate_ids,
    execute,
    in_list,
    insert_tuples,
    list_param,
    select_rows,
)
from stopline.storage.columns import utc_instant
from stopline.storage.cursors import decode_cursor, encode_cursor
from stopline.storage.tables import consent_events, projection_state, suppressions

# Keep IN lists well under SQLite's limit of 32,766 bound parameters.
_CHUNK = 2000


def chunks(items: Sequence[str], size: int = _CHUNK) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_LEDGER_LOCKS = 0x5701  # advisory lock class of the numbers' chains (PostgreSQL)


def lock_chains(conn: Connection, numbers: Iterable[str]) -> None:
    """PostgreSQL: take the transaction-scoped lock of each number's chain, in one order
    everywhere (no deadlocks), so that writers appending to one number (two servers, or a
    server and its inbound writer) wait for each other instead of colliding on the next
    seq until their retries run out. SQLite needs none: it has one writer at a time."""
    if conn.dialect.name != "postgresql":
        return
    keys = sorted({chain_key(n) for n in numbers})
    if keys:
        execute(
            conn,
            "SELECT pg_advisory_xact_lock(%s, k) FROM unnest(%s::integer[]) AS k",
            (_LEDGER_LOCKS, keys),
        )


def chain_key(number: str) -> int:
    """A 32-bit key per number (two numbers sharing one only wait for each other)."""
    return int.from_bytes(
        hashlib.blake2b(number.encode(), digest_size=4).digest(), "big", signed=True
    )


def heads(conn: Connection, numbers: Iterable[str]) -> dict[str, ChainHead]:
    """The last event of each number's chain."""
    sql = (
        "SELECT e.number, e.seq, e.hash FROM consent_events e JOIN "  # noqa: S608
        "(SELECT number, max(seq) AS seq FROM consent_events "
        f"WHERE {in_list(conn, 'number')} GROUP BY number) l "
        "ON e.number = l.number AND e.seq = l.seq"
    )
    wanted = sorted(set(numbers))
    if not wanted:
        return {}
    rows = select_rows(conn, sql, [list_param(conn, wanted)])
    return {number: ChainHead(seq, digest) for number, seq, digest in rows}


def active_suppressions(
    conn: Connection, numbers: Iterable[str], scopes: Iterable[Scope] | None = None
) -> dict[str, dict[Scope, Suppression]]:
    """Suppressions in force for ``numbers`` (optionally only those at ``scopes``)."""
    wanted = sorted(set(numbers))
    if not wanted:
        return {}
    scope_names = {str(s) for s in scopes} if scopes is not None else None
    sql = (
        "SELECT number, scope, since, source, event_id FROM suppressions "  # noqa: S608
        f"WHERE {in_list(conn, 'number')}"
    )
    found: dict[str, dict[Scope, Suppression]] = {}
    parsed_scopes: dict[str, Scope] = {}
    for number, scope, since, source, event_id in select_rows(
        conn, sql, [list_param(conn, wanted)]
    ):
        if scope_names is not None and scope not in scope_names:
            continue
        parsed = parsed_scopes.get(scope)
        if parsed is None:
            parsed = parsed_scopes[scope] = Scope.parse(scope)
        found.setdefault(number, {})[parsed] = Suppression(
            number, parsed, utc_instant(since), source, event_id
        )
    return found


def latest_event_times(conn: Connection, numbers: Iterable[str]) -> dict[tuple[str, str], datetime]:
    """(number, scope) -> when the person's latest consent statement at that scope happened."""
    wanted = sorted(set(numbers))
    if not wanted:
        return {}
    sql = (
        "SELECT number, scope, max(occurred_at) FROM consent_events "  # noqa: S608
        f"WHERE {in_list(conn, 'number')} GROUP BY number, scope"
    )
    rows = select_rows(conn, sql, [list_param(conn, wanted)])
    return {(number, scope): utc_instant(moment) for number, scope, moment in rows}


def insert_events(conn: Connection, events: Sequence[ConsentEvent]) -> list[int]:
    """Append events; returns their ids in order."""
    ids = allocate_ids(conn, consent_events, len(events), _ID_GUARD)
    rows = [_event_row(e, i) for e, i in zip(events, ids, strict=True)]
    insert_tuples(conn, consent_events, EVENT_COLUMNS, rows)
    return ids


def apply_projection(
    conn: Connection,
    removed: Iterable[tuple[str, Scope]],
    added: Iterable[tuple[ConsentEvent, int]],
) -> None:
    """Lift the ``removed`` (number, scope) suppressions, then add one per opt-out event."""
    gone = [{"n": number, "s": str(scope)} for number, scope in removed]
    if gone:
        stmt = delete(suppressions).where(
            suppressions.c.number == bindparam("n"), suppressions.c.scope == bindparam("s")
        )
        conn.execute(stmt, gone)
    insert_tuples(
        conn,
        suppressions,
        ("number", "scope", "event_id", "source", "since", "recorded_at"),
        [
            (
                event.number,
                str(event.scope),
                event_id,
                event.draft.source.value,
                event.draft.occurred_at,
                event.recorded_at,
            )
            for event, event_id in added
        ],
    )


def events_for(conn: Connection, number: str) -> list[ConsentEvent]:
    query = select(consent_events).where(consent_events.c.number == number)
    return [event_from_row(row) for row in conn.execute(query.order_by(consent_events.c.seq))]


def iter_events(conn: Connection, batch: int = 5000) -> Iterator[ConsentEvent]:
    """Every event, ordered by number then seq, streamed in pages."""
    for values in iter_event_values(conn, batch):
        yield event_from_values(values)


def signalled(conn: Connection, keys: Iterable[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
    """Which ``(number, provider, provider message id)`` already have a provider-signal
    event on the ledger (one query per chunk of numbers)."""
    wanted = set(keys)
    if not wanted:
        return set()
    cols = consent_events.c
    found: set[tuple[str, str, str]] = set()
    numbers = sorted({number for number, _provider, _mid in wanted})
    for part in chunks(numbers):
        query = select(cols.number, cols.provider, cols.provider_message_id).where(
            cols.number.in_(part),
            cols.source == Source.PROVIDER_SIGNAL.value,
            cols.provider_message_id.is_not(None),
        )
        for number, provider, mid in conn.execute(query):
            if (number, provider, mid) in wanted:
                found.add((number, provider, mid))
    return found


def count_events(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(consent_events)).scalar_one())


def max_event_id(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(consent_events.c.id), 0))).scalar_one())


_ID_GUARD = (0x5702, 0)  # advisory lock: shared by appenders holding ids (PostgreSQL)


def settled_max_id(conn: Connection) -> int:
    """The highest event id, such that no event with a lower id can still appear.

    SQLite: the highest id (one writer at a time, ids in commit order). PostgreSQL: writers
    draw ids from a sequence and commit in any order, so an id below the highest committed
    one may still be in an open transaction. Every appender holds `_ID_GUARD` shared from
    drawing its ids until it ends; taking it exclusively waits for them all (new appenders
    queue behind, for as long as the statement takes), and ids drawn after it is let go
    are higher than any committed now."""
    if conn.dialect.name != "postgresql":
        return max_event_id(conn)
    conn.execute(text("SELECT pg_advisory_lock(:a, :b)"), {"a": _ID_GUARD[0], "b": _ID_GUARD[1]})
    try:
        return max_event_id(conn)
    finally:
        conn.execute(
            text("SELECT pg_advisory_unlock(:a, :b)"), {"a": _ID_GUARD[0], "b": _ID_GUARD[1]}
        )


def chain_heads(
    conn: Connection, up_to: int, batch: int = 5000
) -> Iterator[tuple[str, int, str, int, int]]:
    """``(number, last seq, last hash, events, highest id)`` of every chain, counting only
    events with an id up to ``up_to``, in number order. One grouped statement (one
    snapshot), streamed."""
    cols = consent_events.c
    last = (
        select(
            cols.number,
            func.max(cols.seq).label("seq"),
            func.count().label("events"),
            func.max(cols.id).label("max_id"),
        )
        .where(cols.id <= up_to)
        .group_by(cols.number)
        .subquery()
    )
    query = (
        select(cols.number, cols.seq, cols.hash, last.c.events, last.c.max_id)
        .join(last, (cols.number == last.c.number) & (cols.seq == last.c.seq))
        .order_by(cols.number)
    )
    result = conn.execution_options(stream_results=True, yield_per=batch).execute(query)
    for number, seq, head_hash, events, max_id in result:
        yield number, int(seq), head_hash, int(events), int(max_id)


@dataclass(frozen=True, slots=True)
class SuppressionPage:
    items: list[Suppression]
    next_cursor: str | None


def list_suppressions(
    conn: Connection,
    *,
    limit: int,
    cursor: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    scope: str | None = None,
) -> SuppressionPage:
    """Keyset pagination in ledger order; ``since``/``until`` bound the opt-out time. An
    empty ``cursor`` is the start, as none is (as the consent feed reads it); one ahead of
    the newest ledger event was never handed out (a corrupted one would otherwise read as
    "nothing more"): ValueError("invalid cursor...")."""
    cols = suppressions.c
    query = select(
        cols.number, cols.scope, cols.since, cols.source, cols.event_id, cols.recorded_at
    )
    if since is not None:
        query = query.where(cols.since >= since)
    if until is not None:
        query = query.where(cols.since < until)
    if scope is not None:
        query = query.where(cols.scope == scope)
    event_id = decode_cursor(cursor) if cursor else 0
    if event_id:
        query = query.where(cols.event_id > event_id)
    rows = conn.execute(query.order_by(cols.event_id).limit(limit + 1)).all()
    if not rows and event_id:
        newest = conn.execute(select(func.coalesce(func.max(consent_events.c.id), 0)))
        if event_id > newest.scalar_one():
            raise ValueError("invalid cursor: ahead of the newest event (not one handed out)")
    items = [
        Suppression(r.number, Scope.parse(r.scope), r.since, r.source, r.event_id)
        for r in rows[:limit]
    ]
    more = len(rows) > limit
    next_cursor = encode_cursor(items[-1].event_id or 0) if more and items else None
    return SuppressionPage(items, next_cursor)


def iter_suppressions(conn: Connection, scope: str | None = None) -> Iterator[Suppression]:
    cursor: str | None = None
    while True:
        page = list_suppressions(conn, limit=5000, cursor=cursor, scope=scope)
        yield from page.items
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def replace_projection(conn: Connection, rows: Sequence[tuple[ConsentEvent, int]]) -> None:
    """Drop the whole projection and write ``rows`` (used by `ledger rebuild`), and count
    the projection's generation up so that running servers reload their copy of it."""
    conn.execute(delete(suppressions))
    for start in range(0, len(rows), 5000):
        apply_projection(conn, (), rows[start : start + 5000])
    ps = projection_state.c
    bumped = conn.execute(update(projection_state).values(generation=ps.generation + 1))
    if bumped.rowcount == 0:  # the row was removed by hand: start it again
        conn.execute(insert(projection_state).values(id=1, generation=1))


def iter_event_values(conn: Connection, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """Every event's stored values as the driver returns them, without the column types'
    conversions, ordered by number then seq: for checking rows that may have been edited
    by hand (`event_from_values` says what in a row cannot be read)."""
    last: tuple[str, int] = ("", 0)
    sql = text(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM consent_events "  # noqa: S608
        "WHERE (number, seq) > (:number, :seq) "  # row values: the (number, seq) index
        "ORDER BY number, seq LIMIT :batch"
    )
    while True:
        rows = conn.execute(sql, {"number": last[0], "seq": last[1], "batch": batch}).all()
        if not rows:
            return
        for row in rows:
            yield dict(row._mapping)
        last = (rows[-1].number, rows[-1].seq)


def event_from_values(values: dict[str, Any]) -> ConsentEvent:
    """`event_from_row` for `iter_event_values`' values; raises ValueError or TypeError
    naming what cannot be read."""
    values = dict(values)
    for name in ("occurred_at", "recorded_at"):
        try:
            values[name] = utc_instant(values[name])
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{name}: {exc}") from None
    # The hash covers a reading's language and confidence with its rule; an event recorded
    # without a reading has none of the three, so one added by hand is an edit.
    if values["rule"] is None and (values["language"], values["confidence"]) != (None, None):
        raise ValueError("a language or confidence without the rule that gave it")
    if values["rule"] is not None and not isinstance(values["confidence"], int | float):
        raise ValueError("a rule without its confidence")
    return _event(values)


def event_from_row(row: Row[Any]) -> ConsentEvent:
    return _event(row._mapping)


def _event(m: Mapping[Any, Any]) -> ConsentEvent:
    evidence = json.loads(m["evidence"]) if m["evidence"] else {}
    if not isinstance(evidence, dict):
        raise ValueError("evidence is not a JSON object")
    classification = (
        ClassificationRecord(m["rule"], m["language"], m["confidence"])
        if m["rule"] is not None
        else None
    )
    draft = ConsentDraft(
        number=m["number"],
        kind=Kind(m["kind"]),
        source=Source(m["source"]),
        occurred_at=m["occurred_at"],
        scope=Scope.parse(m["scope"]),
        sender=m["sender"],
        provider=m["provider"],
        provider_message_id=m["provider_message_id"],
        raw_text=m["raw_text"],
        classification=classification,
        actor=m["actor"],
        evidence=evidence,
    )
    return ConsentEvent(
        draft=draft,
        seq=m["seq"],
        recorded_at=m["recorded_at"],
        prev_hash=m["prev_hash"],
        hash=m["hash"],
        id=m["id"],
    )


EVENT_COLUMNS = (
    "id",
    "number",
    "seq",
    "kind",
    "scope",
    "source",
    "sender",
    "provider",
    "provider_message_id",
    "raw_text",
    "rule",
    "language",
    "confidence",
    "actor",
    "evidence",
    "occurred_at",
    "recorded_at",
    "prev_hash",
    "hash",
)


def _event_row(event: ConsentEvent, event_id: int) -> tuple[Any, ...]:
    """The values of `EVENT_COLUMNS` for ``event``."""
    d = event.draft
    c = d.classification
    return (
        event_id,
        d.number,
        event.seq,
        d.kind.value,
        str(d.scope),
        d.source.value,
        d.sender,
        d.provider,
        d.provider_message_id,
        d.raw_text,
        c.rule if c else None,
        c.language if c else None,
        c.confidence if c else None,
        d.actor,
        json.dumps(dict(sorted(d.evidence.items())), ensure_ascii=False) if d.evidence else None,
        d.occurred_at,
        event.recorded_at,
        event.prev_hash,
        event.hash,
    )
