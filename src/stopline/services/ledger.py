"""Staging consent changes on the hash-chained ledger within one unit of work."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import groupby
from operator import itemgetter

from sqlalchemy import Connection

from stopline.domain import ledger_digest
from stopline.domain.consent import (
    ChainHead,
    ConsentDraft,
    ConsentEvent,
    Kind,
    Scope,
    Source,
    append,
    changes_state,
    event_hash,
    fold,
    verify_chain,
)
from stopline.domain.ledger_digest import LedgerDigest
from stopline.storage import ledger as repo


class LedgerStage:
    """Loads chain heads and active scopes for a set of numbers, accepts drafts in order
    (each seeing the ones before it), then writes events and the projection in one go."""

    def __init__(self, conn: Connection, numbers: Iterable[str]) -> None:
        wanted = set(numbers)
        self._conn = conn
        repo.lock_chains(conn, wanted)  # before reading the heads this stage will extend
        self._heads: dict[str, ChainHead] = repo.heads(conn, wanted)
        loaded = repo.active_suppressions(conn, wanted)
        self._initial: dict[str, dict[Scope, int | None]] = {
            n: {scope: s.event_id for scope, s in active.items()} for n, active in loaded.items()
        }
        # when each suppression in force began (the person's own time), to refuse back-dated
        # opt-ins: a stale CRM sync must never lift a newer opt-out
        self._since: dict[tuple[str, Scope], datetime] = {
            (n, scope): s.since
            for n, active in loaded.items()
            for scope, s in active.items()
            if s.since is not None
        }
        # number -> scope -> None (suppressed before this stage) or the staged opt-out index
        self._active: dict[str, dict[Scope, int | None]] = {
            n: dict.fromkeys(active, None) for n, active in self._initial.items()
        }
        self._staged: list[ConsentEvent] = []

    def active_scopes(self, number: str) -> set[Scope]:
        return set(self._active.get(number, {}))

    def since(self, number: str, scope: Scope) -> datetime | None:
        """When the opt-out in force at ``scope`` began (None if unknown or none)."""
        return self._since.get((number, scope))

    def superseded(self, draft: ConsentDraft) -> datetime | None:
        """For an opt-in made *before* the opt-out now in force at its scope, when that
        opt-out happened; None otherwise. Such an opt-in changes nothing (the newer statement
        stands) and is not appended."""
        if draft.kind is not Kind.OPT_IN:
            return None
        since = self._since.get((draft.number, draft.scope))
        if since is None or draft.scope not in self.active_scopes(draft.number):
            return None
        return since if draft.occurred_at < since else None

    def stage(self, draft: ConsentDraft, recorded_at: datetime) -> int | None:
        """Stage ``draft`` if it changes consent; returns its index for `flush` results."""
        if not changes_state(self.active_scopes(draft.number), draft):
            return None
        if self.superseded(draft) is not None:
            return None
        event = append(self._heads.get(draft.number), draft, recorded_at)
        self._heads[draft.number] = ChainHead(event.seq, event.hash)
        index = len(self._staged)
        self._staged.append(event)
        scopes = self._active.setdefault(draft.number, {})
        if event.kind is Kind.OPT_OUT:
            scopes[event.scope] = index
            self._since[(draft.number, draft.scope)] = draft.occurred_at
        else:
            scopes.pop(event.scope, None)
            self._since.pop((draft.number, draft.scope), None)
            # an opt-out stored under an earlier spelling of this scope ("sender:Acme" before
            # sender IDs were upper-cased) is lifted with it, by an opt-in of its own
            folded = event.scope.folded()
            for other in [s for s in scopes if s != event.scope and s.folded() == folded]:
                self.stage(replace(draft, scope=other), recorded_at)
        return index

    def flush(self) -> list[tuple[ConsentEvent, int]]:
        """Write staged events and the projection changes; returns (event, id) by stage index."""
        ids = repo.insert_events(self._conn, self._staged)
        removed: list[tuple[str, Scope]] = []
        added: list[tuple[ConsentEvent, int]] = []
        for number in {e.number for e in self._staged}:
            before = self._initial.get(number, {})
            after = self._active.get(number, {})
            for scope in before:
                if scope not in after or after[scope] is not None:
                    removed.append((number, scope))
            for index in after.values():
                if index is not None:
                    added.append((self._staged[index], ids[index]))
        repo.apply_projection(self._conn, removed, added)
        written = list(zip(self._staged, ids, strict=True))
        self._staged = []
        return written


@dataclass(frozen=True, slots=True)
class RecordResult:
    changed: bool
    event_id: int | None
    event: ConsentEvent | None
    superseded_by: datetime | None = None  # an opt-in older than the opt-out in force


class ConsentRecorder:
    """Batch handler for the commit queue: consent changes from the API, CLI or imports."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock

    def chain_numbers(self, _conn: Connection, drafts: Sequence[ConsentDraft]) -> list[str]:
        """The ledger chains a batch may extend (locked first: `GroupCommit`)."""
        return [d.number for d in drafts]

    def __call__(self, conn: Connection, drafts: Sequence[ConsentDraft]) -> list[RecordResult]:
        return record(conn, drafts, self._clock())


def record(conn: Connection, drafts: Sequence[ConsentDraft], now: datetime) -> list[RecordResult]:
    """Record consent changes in order, skipping those that change nothing, and provider
    signals about a message already signalled (a provider's retried status callback must not
    opt out again someone who opted back in since)."""
    keys = [_signal_key(d) for d in drafts]
    seen = repo.signalled(conn, (k for k in keys if k is not None))
    stage = LedgerStage(conn, (d.number for d in drafts))
    outcomes: list[tuple[datetime | None, int | None]] = []
    for draft, key in zip(drafts, keys, strict=True):
        if key is not None and key in seen:
            outcomes.append((None, None))
            continue
        newer = stage.superseded(draft)
        index = stage.stage(draft, now)
        outcomes.append((newer, index))
        if key is not None and index is not None:
            seen.add(key)
    written = stage.flush()
    return [
        RecordResult(False, None, None, newer)
        if i is None
        else RecordResult(True, written[i][1], written[i][0])
        for newer, i in outcomes
    ]


@dataclass(frozen=True, slots=True)
class VerifyReport:
    numbers: int
    events: int
    problems: list[str]


def verify(conn: Connection, progress: Callable[[int], None] | None = None) -> VerifyReport:
    """Check every number's hash chain (``progress`` is told how many events were read, now
    and then)."""
    problems: list[str] = []
    numbers = events = 0
    for number, rows in groupby(repo.iter_event_values(conn), key=itemgetter("number")):
        numbers += 1
        if progress is not None and numbers % 1000 == 0:
            progress(events)
        chain: list[ConsentEvent] = []
        unreadable: str | None = None
        after = 0  # events after an unreadable one: their links cannot be checked
        for values in rows:
            events += 1
            if unreadable is not None:
                after += 1
                continue
            try:  # a row edited by hand may not even be readable: that is a finding too
                event = repo.event_from_values(values)
                event_hash(event.draft, event.seq, event.recorded_at, event.prev_hash)
            except (ValueError, TypeError, AttributeError) as exc:
                unreadable = f"{number} seq {values['seq']}: unreadable ({exc})"
                continue
            chain.append(event)
        # the readable events before it are checked; the chain cannot be followed past it
        # (reporting its gap as "expected seq" and "link broken" too would only repeat it)
        problems.extend(f"{p.number} seq {p.seq}: {p.problem}" for p in verify_chain(number, chain))
        if unreadable is not None:
            later = f"; the {after} later events of this number are not checked" if after else ""
            problems.append(unreadable + later)
    return VerifyReport(numbers, events, problems)


def digest(conn: Connection, up_to: int | None = None) -> LedgerDigest:
    """The ledger's digest: over every event, or only those with an id up to ``up_to`` (to
    compare with a digest taken when that was the highest id). Without ``up_to`` it covers
    the events up to the highest id no open transaction can still add below (on
    PostgreSQL it waits for the appenders that hold lower ids: see `settled_max_id`)."""
    if up_to is None:
        up_to = repo.settled_max_id(conn)
    return ledger_digest.digest(repo.chain_heads(conn, up_to))


def check_digest(conn: Connection, expected: LedgerDigest) -> str | None:
    """Why the ledger no longer matches a digest saved earlier, or None if it does."""
    actual = digest(conn, expected.max_id)
    return ledger_digest.compare(expected, actual)


def projection_drift(conn: Connection, limit: int = 100) -> tuple[int, list[str]]:
    """How the suppression table differs from the fold of the ledger (rows missing, rows
    with no opt-out in force behind them, rows pointing at another event or giving another
    time or source than their event, rows that cannot be read): the count and
    up to ``limit`` descriptions. Read the chains with `verify` first: an unreadable event
    raises here."""
    expected = {
        (event.number, event.scope): (event, event_id) for event, event_id in _in_force(conn)
    }
    found = 0
    problems: list[str] = []

    def note(text: str) -> None:
        nonlocal found
        found += 1
        if len(problems) < limit:
            problems.append(text)

    rows = repo.iter_suppressions(conn)
    while True:
        try:
            row = next(rows)
        except StopIteration:
            break
        except (TypeError, ValueError) as exc:  # a value edited into the wrong type
            note(f"the suppression table has a row that cannot be read ({exc})")
            return found, problems
        in_force = expected.pop((row.number, row.scope), None)
        if in_force is None:
            note(f"{row.number} {row.scope}: suppressed, but no opt-out in force in the ledger")
            continue
        event, event_id = in_force
        where = f"{row.number} {row.scope}"
        if event_id != row.event_id:
            note(f"{where}: points at event {row.event_id}, not {event_id}")
        elif row.since != event.draft.occurred_at:
            note(
                f"{where}: since {_iso(row.since)}, the ledger says {_iso(event.draft.occurred_at)}"
            )
        elif row.source != event.draft.source.value:
            note(f"{where}: source {row.source!r}, the ledger says {event.draft.source.value!r}")
    for number, scope in expected:
        note(f"{number} {scope}: opted out in the ledger, missing from the suppression table")
    return found, problems


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else "none"


def rebuild(conn: Connection) -> int:
    """Recompute the suppression table from the ledger; returns the number of rows.

    Writers are held off for the duration (SQLite: the caller's ``BEGIN IMMEDIATE``;
    PostgreSQL: a SHARE lock on the ledger), so no opt-out can commit between the read and
    the rewrite and be lost from the projection."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("LOCK TABLE consent_events IN SHARE MODE")
    rows = list(_in_force(conn))
    repo.replace_projection(conn, rows)
    return len(rows)


def _in_force(conn: Connection) -> Iterator[tuple[ConsentEvent, int]]:
    """Every opt-out in force by the ledger (its fold), with its event id: what the
    suppression table must hold."""
    for _number, chain in _chains(repo.iter_events(conn)):
        for event in fold(chain).values():
            assert event.id is not None
            yield event, event.id


def _signal_key(draft: ConsentDraft) -> tuple[str, str, str] | None:
    if draft.source is not Source.PROVIDER_SIGNAL:
        return None
    if draft.provider is None or draft.provider_message_id is None:
        return None
    return draft.number, draft.provider, draft.provider_message_id


def _chains(events: Iterable[ConsentEvent]) -> Iterable[tuple[str, list[ConsentEvent]]]:
    current: list[ConsentEvent] = []
    for event in events:
        if current and current[0].number != event.number:
            yield current[0].number, current
            current = []
        current.append(event)
    if current:
        yield current[0].number, current
