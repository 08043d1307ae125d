"""The review queue's use cases: create items for unclear messages, decide them, and sweep
(escalate before the due date, apply the default at the deadline).

Deciding "opt-out" appends a ledger event whose source is ``review`` and whose actor is the
reviewer (or ``stopline:deadline-default``), through `LedgerStage`, so the hash chain and the
suppression projection stay right. The event's time is when the person texted: that is when
they revoked consent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from stopline.domain.consent import (
    ORGANISATION,
    ClassificationRecord,
    ConsentDraft,
    Kind,
    Scope,
    Source,
)
from stopline.domain.review import Decision, ReviewPolicy, Status, deadline_default, schedule
from stopline.services.ledger import LedgerStage
from stopline.storage import ledger as ledger_repo
from stopline.storage import review as repo
from stopline.storage.review import ReviewItem

log = logging.getLogger("stopline.review")

DEADLINE_ACTOR = "stopline:deadline-default"


def item_row(
    *,
    inbound_id: int,
    number: str,
    sender: str,
    received_at: datetime,
    now: datetime,
    policy: ReviewPolicy,
) -> dict[str, Any]:
    """A new open review item for an inbound message."""
    plan = schedule(received_at, policy)
    return {
        "inbound_id": inbound_id,
        "number": number,
        "sender": sender,
        "received_at": received_at,
        "created_at": now,
        "due_at": plan.due_at,
        "escalate_at": plan.escalate_at,
        "default_at": plan.default_at,
        "status": Status.OPEN.value,
    }


@dataclass(frozen=True, slots=True)
class ReviewDecision:
    item_id: int
    decision: Decision
    actor: str
    note: str | None = None
    scope: Scope = ORGANISATION


@dataclass(frozen=True, slots=True)
class DecisionResult:
    item_id: int
    outcome: str  # decided | already_decided | not_found
    item: ReviewItem | None
    event_id: int | None = None
    changed: bool = False  # an event was recorded (False: the number was already so)
    # an opt-out decision on a message the person has since followed with another consent
    # statement (a START, a STOP): it is closed as no_action, the later statement stands
    superseded_by: datetime | None = None


def decide(
    conn: Connection,
    decisions: Sequence[ReviewDecision],
    now: datetime,
    *,
    status: Status = Status.DECIDED,
) -> list[DecisionResult]:
    """Decide items; each is claimed first, so an item is decided once whatever the races.
    The numbers' ledger chains are locked before anything is read or written: a START the
    person sends meanwhile is then either seen (the opt-out becomes no_action) or waits."""
    before = repo.get_many(conn, [d.item_id for d in decisions])
    ledger_repo.lock_chains(conn, [item.number for item in before.values()])
    decisions, superseded = _supersede(conn, decisions)
    # item id -> the position of the decision that claimed it: two decisions of one item in
    # one batch (two reviewers at once, committed together) record only the first's event
    winner: dict[int, int] = {}
    for position, d in enumerate(decisions):
        if d.item_id in winner:
            continue
        claimed = repo.claim(
            conn,
            [d.item_id],
            status=status.value,
            decision=d.decision.value,
            decided_at=now,
            decided_by=d.actor,
            note=d.note,
        )
        if d.item_id in claimed:
            winner[d.item_id] = position
    items = repo.get_many(conn, [d.item_id for d in decisions])
    changes = [
        d
        for position, d in enumerate(decisions)
        if winner.get(d.item_id) == position and d.decision in _RECORDED
    ]
    stage = LedgerStage(conn, (items[d.item_id].number for d in changes))
    indexes = {d.item_id: stage.stage(_draft(items[d.item_id], d), now) for d in changes}
    written = stage.flush()
    events = {item: written[i][1] for item, i in indexes.items() if i is not None}
    repo.set_events(conn, sorted(events.items()))
    fresh = repo.get_many(conn, sorted(events)) if events else {}
    results: list[DecisionResult] = []
    for position, d in enumerate(decisions):
        item = fresh.get(d.item_id) or items.get(d.item_id)
        if item is None:
            results.append(DecisionResult(d.item_id, "not_found", None))
        elif winner.get(d.item_id) == position:
            results.append(
                DecisionResult(
                    d.item_id,
                    "decided",
                    item,
                    events.get(d.item_id),
                    d.item_id in events,
                    superseded.get(d.item_id),
                )
            )
        else:
            results.append(DecisionResult(d.item_id, "already_decided", item))
    return results


# Decisions that record a consent event.
_RECORDED = frozenset({Decision.OPT_OUT, Decision.OPT_IN})


def _supersede(
    conn: Connection, decisions: Sequence[ReviewDecision]
) -> tuple[list[ReviewDecision], dict[int, datetime]]:
    """Turn opt-out and opt-in decisions into no_action where the person made a later
    consent statement (at the decision's scope or organisation-wide) than the message under
    review."""
    changes = [d for d in decisions if d.decision in _RECORDED]
    if not changes:
        return list(decisions), {}
    items = repo.get_many(conn, [d.item_id for d in changes])
    latest = ledger_repo.latest_event_times(conn, {i.number for i in items.values()})
    out: list[ReviewDecision] = []
    superseded: dict[int, datetime] = {}
    for d in decisions:
        item = items.get(d.item_id)
        if d.decision in _RECORDED and item is not None:
            times = [latest.get((item.number, str(s))) for s in {d.scope, ORGANISATION}]
            later = max((t for t in times if t is not None), default=None)
            if later is not None and later > item.received_at:
                superseded[d.item_id] = later
                note = f"superseded: a later consent statement at {later.isoformat()}"
                d = replace(
                    d, decision=Decision.NO_ACTION, note=f"{d.note}; {note}" if d.note else note
                )
        out.append(d)
    return out, superseded


def _draft(item: ReviewItem, decision: ReviewDecision) -> ConsentDraft:
    evidence = {"review_item": str(item.id)}
    if decision.note:
        evidence["note"] = decision.note
    return ConsentDraft(
        number=item.number,
        kind=Kind.OPT_IN if decision.decision is Decision.OPT_IN else Kind.OPT_OUT,
        source=Source.REVIEW,
        occurred_at=item.received_at,
        scope=decision.scope,
        sender=item.sender,
        provider=item.provider,
        provider_message_id=item.provider_message_id,
        raw_text=item.body,
        classification=ClassificationRecord(item.rule, item.language, item.confidence),
        actor=decision.actor,
        evidence=evidence,
    )


class ReviewDecider:
    """Batch handler for the commit queue (API decisions)."""

    def __init__(self, clock: Callable[[], datetime]) -> None:
        self._clock = clock

    def chain_numbers(self, conn: Connection, decisions: Sequence[ReviewDecision]) -> list[str]:
        """The ledger chains a batch may extend (locked first: `GroupCommit`)."""
        return [
            item.number for item in repo.get_many(conn, [d.item_id for d in decisions]).values()
        ]

    def __call__(
        self, conn: Connection, decisions: Sequence[ReviewDecision]
    ) -> list[DecisionResult]:
        return decide(conn, decisions, self._clock())


@dataclass
class SweepReport:
    escalated: list[int] = field(default_factory=list)
    defaulted: list[DecisionResult] = field(default_factory=list)

    @property
    def opted_out(self) -> list[str]:
        """The numbers whose deadline default recorded a new opt-out (the caller waits for
        broadcast sends to them still in flight before it reports them done)."""
        return [
            r.item.number
            for r in self.defaulted
            if r.changed and r.item is not None and r.item.decision == Decision.OPT_OUT.value
        ]

    @property
    def empty(self) -> bool:
        return not self.escalated and not self.defaulted


def sweep(conn: Connection, now: datetime, policy: ReviewPolicy) -> SweepReport:
    """Escalate items whose escalation time has come, and apply the default decision to
    items whose default time has come. Safe to run from several processes at once.

    The chains of the numbers it may append to are locked before its first write
    (PostgreSQL): a transaction's id is taken at its first write, and a sweep that escalated
    items first and then waited for a number's chain would carry an older id than the
    writer it waited for, so the consent feed, in transaction order, would hand out that
    number's events out of order (a black-box tester, 2026-12-05)."""
    due = repo.default_due(conn, now)
    items = repo.get_many(conn, due)
    ledger_repo.lock_chains(conn, [item.number for item in items.values()])
    report = SweepReport(escalated=repo.escalate_due(conn, now))
    if due:
        decisions = []
        for item_id in due:
            item = items.get(item_id)
            chosen = deadline_default(policy, item.intent if item is not None else None)
            why = f"no decision before the deadline: default {chosen.value}"
            if chosen is not policy.default:
                why += " (the message asked to opt in: never defaulted to an opt-out)"
            decisions.append(ReviewDecision(item_id, chosen, DEADLINE_ACTOR, why))
        report.defaulted = [
            r
            for r in decide(conn, decisions, now, status=Status.DEFAULTED)
            if r.outcome == "decided"
        ]
    return report


def log_report(report: SweepReport) -> None:
    """The escalation and default events, as structured log lines."""
    for item_id in report.escalated:
        log.warning(
            "review item escalated: due soon and still undecided",
            extra={"event": "review.escalated", "review_item": item_id},
        )
    for result in report.defaulted:
        log.warning(
            "review deadline reached: default decision applied",
            extra={
                "event": "review.defaulted",
                "review_item": result.item_id,
                "decision": result.item.decision if result.item else None,
                "event_id": result.event_id,
            },
        )


class ReviewSweeper:
    """Batch handler for the commit queue: one sweep per submitted moment."""

    def __init__(self, policy: ReviewPolicy) -> None:
        self._policy = policy

    def chain_numbers(self, conn: Connection, moments: Sequence[datetime]) -> list[str]:
        """The ledger chains the sweeps may extend (locked first: `GroupCommit`)."""
        if not moments:
            return []
        due = repo.default_due(conn, max(moments))
        return [item.number for item in repo.get_many(conn, due).values()]

    def __call__(self, conn: Connection, moments: Sequence[datetime]) -> list[SweepReport]:
        return [sweep(conn, moment, self._policy) for moment in moments]
