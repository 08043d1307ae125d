"""The send gate's read model: an in-memory copy of the suppression projection that is
brought up to date from the ledger *before every answer*.

Each check first asks the database for ledger events committed since the index last looked
(one indexed query that normally returns nothing), applies them, then answers from memory. So
an opt-out committed before a check starts is always seen, whichever process recorded it,
while a 10,000-number batch costs one small query instead of 10,000 index probes.

How "since the last look" is tracked, per database:
- SQLite has one writer at a time (``BEGIN IMMEDIATE``), so event ids commit in increasing
  order: the cursor is the highest id seen. When the database's wal-index header shows that
  nothing at all has committed since that id was read (`WalWatch`), the query is skipped.
- PostgreSQL writers commit in any order, so ids are not enough. Each event stores the id of
  the transaction that wrote it (``txid``, a column default); every transaction older than
  the snapshot's ``xmin`` has finished, so the next look re-reads only events of transactions
  from ``xmin`` on, skipping ids already applied.
Memory: about 100 bytes per suppressed number (1 million is about 100 MB per process).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple, Protocol, TypeVar

from sqlalchemy import create_engine
from sqlalchemy.engine import URL

from stopline.storage.engine import is_sqlite, normalise_url
from stopline.storage.wal_watch import WalWatch

ORGANISATION = "organisation"

Hit = tuple[str, str, int]  # number, scope, event_id
_DETAILS_KEPT = 100_000  # details of blocked numbers remembered (about 20 MB at most)
Event = tuple[int, str, int, str, str]  # id, number, seq, scope, kind
W = TypeVar("W")  # what a look-up is asked about: a set of numbers, or one


@dataclass(frozen=True, slots=True)
class Detail:
    since: datetime
    source: str


class _Feed(Protocol):
    def load(self) -> tuple[Any, list[Hit]]: ...
    def changes(self, cursor: Any) -> tuple[Any, list[Event]]: ...
    def current(self, cursor: Any) -> bool: ...
    def details(self, hits: Sequence[Hit]) -> dict[int, Detail]: ...
    def close(self) -> None: ...


class SuppressionIndex:
    def __init__(self, database_url: str) -> None:
        url = normalise_url(database_url)
        self._feed: _Feed = (
            _SqliteFeed(url.database or ":memory:") if is_sqlite(url) else _PostgresFeed(url)
        )
        # SQLite look-ups take microseconds and never wait for the writer (WAL): callers may
        # run them on the event loop. Network databases belong in a thread pool.
        self.inline = isinstance(self._feed, _SqliteFeed)
        self._org: dict[str, int] = {}
        self._scoped: dict[str, dict[str, int]] = {}
        self._cursor: Any = None
        self._version = 0  # odd while a refresh applies events (see `blocked`)
        self._lock = threading.Lock()
        self._details: dict[Hit, Detail] = {}
        # suppressed numbers of ten digits outside North America ("+4534437570"): only when
        # there are any do ten bare digits need their second reading (`phone.read_abroad`)
        self._abroad: set[str] = set()

    def blocked(self, numbers: Iterable[str], scopes: Sequence[str]) -> list[Hit]:
        """Current suppressions of ``numbers`` at any of ``scopes``, fresh from the ledger.

        When the database shows that nothing has committed since the index last looked, the
        look-up runs without the lock, as a seqlock reader: it is kept only if no refresh
        applied events meanwhile (``_version`` unchanged and even). Otherwise the refresh
        and the look-up happen under the lock (checks may run in a thread pool)."""
        wanted = numbers if isinstance(numbers, (set, frozenset)) else set(numbers)
        return self._fresh(self._lookup, wanted, scopes)

    def blocked_one(self, number: str, scopes: Sequence[str]) -> list[Hit]:
        """`blocked` for one number (the single check), without building sets."""
        return self._fresh(self._lookup_one, number, scopes)

    def _fresh(
        self, lookup: Callable[[W, Sequence[str]], list[Hit]], wanted: W, scopes: Sequence[str]
    ) -> list[Hit]:
        version = self._version
        cursor = self._cursor
        if version % 2 == 0 and cursor is not None and self._feed.current(cursor):
            hits = lookup(wanted, scopes)
            if self._version == version:
                return hits
        with self._lock:
            self._refresh()
            return lookup(wanted, scopes)

    def _lookup_one(self, number: str, scopes: Sequence[str]) -> list[Hit]:
        """`_lookup` for one number; the same guarantees."""
        hits: list[Hit] = []
        for s in scopes:
            if s == ORGANISATION:
                event_id = self._org.get(number)
            else:
                event_id = (self._scoped.get(number) or {}).get(s)
            if event_id is not None:
                hits.append((number, s, event_id))
        return hits

    def _lookup(self, wanted: set[str] | frozenset[str], scopes: Sequence[str]) -> list[Hit]:
        """Never raises on a concurrent refresh (a lock-free reader discards such results)."""
        hits: list[Hit] = []
        if ORGANISATION in scopes:
            org = self._org
            for number in org.keys() & wanted:
                event_id = org.get(number)
                if event_id is not None:
                    hits.append((number, ORGANISATION, event_id))
        others = [s for s in scopes if s != ORGANISATION]
        if others:
            scoped = self._scoped
            for number in scoped.keys() & wanted:
                by_scope = scoped.get(number) or {}
                for s in others:
                    event_id = by_scope.get(s)
                    if event_id is not None:
                        hits.append((number, s, event_id))
        return hits

    def details(self, hits: Sequence[Hit]) -> dict[int, Detail]:
        """When and how each hit's opt-out happened: one query for those not seen before.
        Kept per hit (number, scope, event id): the projection row an event made always
        says the same (its own time and source), and a lifted suppression simply stops
        being a hit."""
        if not hits:
            return {}
        cache = self._details
        found: dict[int, Detail] = {}
        missing: list[Hit] = []
        for hit in hits:
            detail = cache.get(hit)
            if detail is None:
                missing.append(hit)
            else:
                found[hit[2]] = detail
        if missing:
            fetched = self._feed.details(missing)
            if len(cache) + len(missing) > _DETAILS_KEPT:
                cache.clear()  # bounded memory; refilled by the next look-ups
            for hit in missing:
                detail = fetched.get(hit[2])
                if detail is not None:
                    cache[hit] = found[hit[2]] = detail
        return found

    def holds_ten_digits_abroad(self) -> bool:
        """Whether any suppressed number is ten digits outside North America (as fresh as
        the last look-up: ask after one)."""
        return bool(self._abroad)

    def size(self) -> int:
        return len(self._org) + sum(len(v) for v in self._scoped.values())

    def refresh(self) -> None:
        with self._lock:
            self._refresh()

    def _refresh(self) -> None:
        """Apply what committed since the last look (under the lock). The cursor is
        published only after its events are applied, and ``_version`` is odd while they
        are, so a lock-free reader never takes a half-applied state for a current one."""
        if self._cursor is None:
            self._load()
            return
        cursor, events = self._feed.changes(self._cursor)
        if cursor.generation != self._cursor.generation:
            self._load()  # the projection was rewritten (`ledger rebuild`): start again
            return
        if events:
            self._version += 1
            try:
                for event_id, number, _seq, scope, kind in events:
                    if kind == "opt_out":
                        self._set(number, scope, event_id)
                    else:
                        self._unset(number, scope)
            finally:
                self._version += 1
        self._cursor = cursor

    def _load(self) -> None:
        """Load the whole table into new maps and swap them in at once: readers without the
        lock (the gate's look at `holds_ten_digits_abroad` among them) never see a
        half-filled index, at start-up or after a rebuild."""
        cursor, rows = self._feed.load()
        org: dict[str, int] = {}
        scoped: dict[str, dict[str, int]] = {}
        abroad: set[str] = set()
        for number, scope, event_id in rows:
            _add(org, scoped, abroad, number, scope, event_id)
        self._version += 1
        try:
            self._org, self._scoped, self._abroad = org, scoped, abroad
            self._details = {}
        finally:
            self._version += 1
        self._cursor = cursor

    def close(self) -> None:
        self._feed.close()

    def _set(self, number: str, scope: str, event_id: int) -> None:
        _add(self._org, self._scoped, self._abroad, number, scope, event_id)

    def _unset(self, number: str, scope: str) -> None:
        if scope == ORGANISATION:
            self._org.pop(number, None)
        else:
            by_scope = self._scoped.get(number)
            if by_scope is not None:
                by_scope.pop(scope, None)
                if not by_scope:
                    del self._scoped[number]
        if number in self._abroad and number not in self._org and number not in self._scoped:
            self._abroad.discard(number)


def _add(
    org: dict[str, int],
    scoped: dict[str, dict[str, int]],
    abroad: set[str],
    number: str,
    scope: str,
    event_id: int,
) -> None:
    """Put one suppression into the index's maps."""
    if len(number) == 11 and number[1] != "1":
        abroad.add(number)
    if scope == ORGANISATION:
        org[number] = event_id
    else:
        scoped.setdefault(number, {})[scope] = event_id


class _SqliteCursor(NamedTuple):
    last_id: int  # the highest event id applied
    mark: bytes | None  # the wal-index header read just before ``last_id`` was
    generation: int  # the projection's (`projection_state`), read after ``last_id``


# The projection's generation: 0 before `ledger rebuild` ever ran (or where its row is gone).
_GENERATION = "SELECT coalesce(max(generation), 0) FROM projection_state"
# One statement, one snapshot: the generation row (its id NULL), then the new events. A
# join or an ORDER BY over the compound costs a sort per look; the events come in rowid
# order from the range search, and are sorted again in Python (linear when in order).
_CHANGES = (
    f"SELECT NULL, ({_GENERATION}), NULL, NULL, NULL "  # noqa: S608 (constants only)
    "UNION ALL SELECT id, number, seq, scope, kind FROM consent_events WHERE id > ?"
)


class _SqliteFeed:
    """Thread-local read-only connections in autocommit mode. Each look for changes first
    reads the database's wal-index header (`WalWatch`): when no transaction has committed
    since the last query, the query is skipped."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._watch: WalWatch | None = None

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                self._path, isolation_level=None, timeout=30, check_same_thread=False
            )
            conn.execute("PRAGMA query_only=1")
            conn.execute("PRAGMA busy_timeout=30000")
            self._local.conn = conn
            self._all.append(conn)
            # reading the journal mode opens the WAL index; connections stay open until
            # `close`, so the -shm file the watch reads is the live one
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if self._watch is None and str(mode).lower() == "wal":
                self._watch = WalWatch(self._path)
        return conn

    def _mark(self) -> bytes | None:
        return self._watch.mark() if self._watch is not None else None

    def load(self) -> tuple[_SqliteCursor, list[Hit]]:
        conn = self._conn()
        mark = self._mark()
        conn.execute("BEGIN")  # one snapshot for the cursor and the rows
        try:
            cursor = conn.execute("SELECT coalesce(max(id), 0) FROM consent_events").fetchone()[0]
            rows = conn.execute("SELECT number, scope, event_id FROM suppressions").fetchall()
            generation = conn.execute(_GENERATION).fetchone()[0]
        finally:
            conn.execute("COMMIT")
        return _SqliteCursor(int(cursor), mark, int(generation)), rows

    def current(self, cursor: _SqliteCursor) -> bool:
        """True when nothing has committed since ``cursor`` was read."""
        mark = self._mark()
        return mark is not None and mark == cursor.mark

    def changes(self, cursor: _SqliteCursor) -> tuple[_SqliteCursor, list[Event]]:
        mark = self._mark()  # read before the query: a commit after it shows next time
        if mark is not None and mark == cursor.mark:
            return cursor, []
        rows = self._conn().execute(_CHANGES, (cursor.last_id,)).fetchall()
        if len(rows) == 1:  # the usual look: the generation alone, no new events
            generation, events = int(rows[0][1]), []
        else:
            generation = next(int(row[1]) for row in rows if row[0] is None)
            events = sorted(row for row in rows if row[0] is not None)  # by id
        last = events[-1][0] if events else cursor.last_id
        return _SqliteCursor(last, mark, generation), events

    def details(self, hits: Sequence[Hit]) -> dict[int, Detail]:
        ids = json.dumps(sorted({h[2] for h in hits}))
        rows = self._conn().execute(
            "SELECT event_id, since, source FROM suppressions "
            "WHERE event_id IN (SELECT value FROM json_each(?))",
            (ids,),
        )
        return {
            event_id: Detail(datetime.fromisoformat(since).replace(tzinfo=UTC), source)
            for event_id, since, source in rows
        }

    def close(self) -> None:
        if self._watch is not None:
            self._watch.close()
        for conn in self._all:
            conn.close()
        self._all.clear()


@dataclass(frozen=True, slots=True)
class _PgCursor:
    xmin: int
    applied: frozenset[int]  # ids already applied from transactions >= xmin
    generation: int  # the projection's (`projection_state`), read in the same snapshot


class _PostgresFeed:
    def __init__(self, url: URL) -> None:
        # A small, separate pool (not the application's engine): refreshes run one at a time
        # under the index's lock, so one connection serves them and a second serves the
        # `details` look-ups of blocked numbers that run alongside. Two overflow connections
        # absorb a burst of those; beyond that callers wait briefly for a free one instead of
        # opening more server connections per process.
        self._engine = create_engine(
            url,
            pool_size=2,
            max_overflow=2,
            pool_timeout=30,
            pool_pre_ping=True,
            pool_recycle=1800,
            hide_parameters=True,
        )

    @contextmanager
    def _cursor(self, *, snapshot: bool = False) -> Iterator[Any]:
        raw = self._engine.raw_connection()
        try:
            cur = raw.cursor()
            try:
                if snapshot:
                    cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                yield cur
            finally:
                cur.close()
                raw.rollback()  # read-only: end the transaction either way
        finally:
            raw.close()

    def load(self) -> tuple[_PgCursor, list[Hit]]:
        with self._cursor(snapshot=True) as cur:
            cur.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            xmin = int(cur.fetchone()[0])
            cur.execute("SELECT id FROM consent_events WHERE txid >= %s", (xmin,))
            applied = frozenset(r[0] for r in cur.fetchall())
            cur.execute("SELECT number, scope, event_id FROM suppressions")
            rows = cur.fetchall()
            cur.execute(_GENERATION)
            generation = int(cur.fetchone()[0])
        return _PgCursor(xmin, applied, generation), rows

    def current(self, cursor: _PgCursor) -> bool:
        return False  # no cheap way to know: every check looks for changes

    def changes(self, cursor: _PgCursor) -> tuple[_PgCursor, list[Event]]:
        with self._cursor() as cur:
            cur.execute(
                "SELECT s.xmin, e.id, e.number, e.seq, e.scope, e.kind, e.txid, s.generation "  # noqa: S608
                "FROM (SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin, "
                f"({_GENERATION}) AS generation) s "
                "LEFT JOIN consent_events e ON e.txid >= %s ORDER BY e.number, e.seq",
                (cursor.xmin,),
            )
            rows = cur.fetchall()
        xmin, generation = int(rows[0][0]), int(rows[0][7])
        events: list[Event] = []
        still_open: set[int] = set()
        for _x, event_id, number, seq, scope, kind, txid, _g in rows:
            if event_id is None:
                continue
            if txid >= xmin:
                still_open.add(event_id)
            if event_id not in cursor.applied:
                events.append((event_id, number, seq, scope, kind))
        return _PgCursor(xmin, frozenset(still_open), generation), events

    def details(self, hits: Sequence[Hit]) -> dict[int, Detail]:
        with self._cursor() as cur:
            cur.execute(
                "SELECT event_id, since, source FROM suppressions WHERE event_id = ANY(%s)",
                (sorted({h[2] for h in hits}),),
            )
            return {e: Detail(since.astimezone(UTC), src) for e, since, src in cur.fetchall()}

    def close(self) -> None:
        self._engine.dispose()
