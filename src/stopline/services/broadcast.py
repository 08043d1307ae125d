"""Sending broadcasts from their durable queue, one recipient at a time, at each campaign's
rate. Every send asks the gate again at send time (an opt-out committed mid-broadcast stops
every later send to that number), then the quiet hours and frequency cap (deferring, never
dropping), then calls the provider with an idempotency key unique to the recipient.

A claimed recipient stays claimed for a lease; if the process dies mid-send it is claimed
again after the lease and re-sent with the same idempotency key (a provider that honours it
creates one message). The send is recorded in ``sends`` (for caps and attribution) in the
same transaction that marks the recipient sent: the transaction that renews the next
recipient's claim, so a process killed mid-batch re-sends at most the one recipient whose
provider call was in flight, at no extra commit per send.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine

from stopline.domain.campaigns import Plan, RecipientStatus, Step, plan_send
from stopline.domain.recipient_location import locate
from stopline.domain.sending_rules import SendingRules, next_allowed
from stopline.providers.base import SendResult
from stopline.services.gate import check_many
from stopline.services.outbound import OutboundSender
from stopline.services.polling import PollingWorker
from stopline.services.send_fence import SendFence
from stopline.storage import campaigns as repo
from stopline.storage.campaigns import QueuedSend
from stopline.storage.suppression_index import SuppressionIndex

log = logging.getLogger("stopline.broadcast")

# A recipient whose campaign's next send slot is further away than this goes back to the
# queue until then, rather than holding the worker (and every other campaign) while it waits.
_LONG_WAIT = 1.0


@dataclass(frozen=True, slots=True)
class BroadcastStats:
    sent: int = 0
    blocked: int = 0
    deferred: int = 0
    retried: int = 0
    failed: int = 0
    paced: int = 0  # back in the queue until their campaign's next send slot
    next_slot: float | None = None  # seconds until the earliest of those slots

    def __add__(self, other: BroadcastStats) -> BroadcastStats:
        return BroadcastStats(
            self.sent + other.sent,
            self.blocked + other.blocked,
            self.deferred + other.deferred,
            self.retried + other.retried,
            self.failed + other.failed,
            self.paced + other.paced,
            other.next_slot,
        )

    @property
    def busy(self) -> bool:
        return bool(self.sent or self.blocked or self.deferred or self.retried or self.failed)


@dataclass(frozen=True, slots=True)
class _Outcome:
    item: QueuedSend
    status: RecipientStatus
    outcome: str  # sent | blocked | deferred | retried | failed
    values: dict[str, Any]
    sent_at: datetime | None = None


class BroadcastWorker(PollingWorker):
    def __init__(
        self,
        engine: Engine,
        index: SuppressionIndex,
        outbound: OutboundSender,
        fence: SendFence,
        rules: SendingRules,
        clock: Callable[[], datetime],
        *,
        default_rate: float = 10.0,
        poll: float = 1.0,
        lease: float = 60.0,
        max_attempts: int = 5,
        backoff: float = 5.0,
        batch: int = 20,
    ) -> None:
        super().__init__("broadcast", poll)
        self._engine = engine.execution_options(sqlite_immediate=True)
        self._reader = engine
        self._index = index
        self._outbound = outbound
        self._fence = fence
        self._rules = rules
        self._clock = clock
        self._default_rate = default_rate
        self._lease = timedelta(seconds=lease)
        self._max_attempts = max_attempts
        self._backoff = backoff
        self._batch = batch
        # by `QueuedSend.pace` (a campaign, or a sender its campaigns share):
        self._next_slot: dict[tuple[str, int], float] = {}  # its next send slot, as last seen
        self._postponed: dict[tuple[str, int], float] = {}  # this pass: a postponement's next
        self._waiting: list[float] = []  # slots postponed recipients wait for, to come

    def _pass(self) -> bool:
        stats = self.run_once()
        if stats.busy:
            return True
        if stats.next_slot is not None and stats.next_slot < self._poll:
            self._stop.wait(stats.next_slot)  # a paced campaign's slot comes before the poll
            return True
        return False

    # -- one pass ----------------------------------------------------------------------------
    def run_once(self) -> BroadcastStats:
        """Claim a batch of due recipients and handle each; each outcome is settled with the
        next recipient's claim renewal (the last one on its own), then campaigns whose queue
        is empty are finished."""
        with self._reader.connect() as conn:
            if not repo.any_sending(conn):
                return BroadcastStats()  # idle: no write transaction at all
        now = self._clock()
        with self._engine.begin() as conn:
            items = repo.claim(conn, now, self._batch, self._lease)
        counts: dict[str, int] = {}
        unsettled: list[_Outcome] = []
        self._postponed.clear()
        started = time.time()
        self._waiting = [at for at in self._waiting if at > started]  # the rest are due
        for item in self._soonest_first(items):
            if self._stop.is_set():
                break
            outcome = self._one(item, unsettled, counts)
            if outcome is not None:
                unsettled.append(outcome)
        if unsettled:
            with self._engine.begin() as conn:
                self._record(conn, unsettled, counts)
        stats = BroadcastStats(
            sent=counts.get("sent", 0),
            blocked=counts.get("blocked", 0),
            deferred=counts.get("deferred", 0),
            retried=counts.get("retried", 0),
            failed=counts.get("failed", 0),
            paced=counts.get("paced", 0),
            next_slot=self._seconds_to_next_slot(),
        )
        with self._engine.begin() as conn:
            for campaign_id in repo.finish_done(conn, self._clock()):
                self._next_slot.pop(("campaign", campaign_id), None)
                log.info("campaign finished", extra={"campaign_id": campaign_id})
        return stats

    def _soonest_first(self, items: list[QueuedSend]) -> Iterator[QueuedSend]:
        """A claimed batch, each next recipient taken from the campaign whose next send slot
        comes first (each campaign's own in claim order): the worker waits for a slot only
        when no campaign in the batch has one ready, so a campaign at 2 messages a second
        does not hold one at 200 to its pace."""
        queues: dict[int, deque[QueuedSend]] = {}
        for item in items:
            queues.setdefault(item.campaign_id, deque()).append(item)
        while queues:
            campaign = min(queues, key=lambda c: self._next_slot.get(queues[c][0].pace, 0.0))
            yield queues[campaign].popleft()
            if not queues[campaign]:
                del queues[campaign]

    def drain(self, limit: int = 100_000) -> BroadcastStats:
        """Handle due recipients until none is left (or ``limit`` passes), waiting for the
        send slots of paced campaigns (`worker --once`)."""
        total = BroadcastStats()
        for _ in range(limit):
            stats = self.run_once()
            total = total + stats
            if stats.busy:
                continue
            if stats.next_slot is None or self._stop.is_set():
                break
            self._stop.wait(stats.next_slot)
        return total

    def _seconds_to_next_slot(self) -> float | None:
        """Seconds until the first slot that a recipient postponed by this pass or an
        earlier one waits for (None when none waits)."""
        if not self._waiting:
            return None
        return max(0.0, min(self._waiting) - time.time())

    def _postpone(self, item: QueuedSend, slot: float, rate: float) -> _Outcome:
        """``item`` back to the queue until a slot of its campaign's that is far off. Each
        postponed recipient of a campaign takes the slot after the last one's, so they come
        back one at a time, in their order, not all at one moment (the slot is taken, in the
        database, when they come back)."""
        at = max(self._postponed.get(item.pace, slot), slot)
        self._postponed[item.pace] = at + 1.0 / rate
        self._waiting.append(at)
        whose = "its sender's campaigns send" if item.paced_by_sender else "its campaign sends"
        paced: dict[str, Any] = {
            "detail": f"paced: {whose} {_pace_text(rate)}",
            "not_before": self._clock() + timedelta(seconds=max(0.0, at - time.time())),
            "attempts": item.attempts - 1,  # no send was tried: the attempt is given back
        }
        return _Outcome(item, RecipientStatus.PENDING, "paced", paced)

    def _one(
        self, item: QueuedSend, unsettled: list[_Outcome], counts: dict[str, int]
    ) -> _Outcome | None:
        """Decide and (maybe) send one recipient. A recipient that may not be texted now
        (blocked, or deferred by quiet hours or a cap) is settled without taking a send slot
        of its campaign's rate. The transaction that renews the claim first settles
        ``unsettled`` (the outcomes since the last one, emptied once committed; the settled
        outcomes' sends are then in ``sends`` for the cap), adding to ``counts``, and takes
        the campaign's next send slot, which every worker shares (`repo.take_slot`). A slot
        near enough is waited for; one further off sends the recipient back to the queue
        until then (a slow campaign never holds up the others, and a pause of it is seen at
        its next claim)."""
        early = self._plan(item, self._clock())
        if early.step is not Step.SEND:
            return self._not_sent(item, early)
        rate = item.rate_per_second or self._default_rate
        if item.pace in self._postponed:  # this pass already found its slot far off
            return self._postpone(item, self._postponed[item.pace], rate)
        now = self._clock()
        with self._engine.begin() as conn:
            repo.lock_campaign(conn, item.campaign_id)  # first: the order pausing takes
            tally = dict(counts)
            self._record(conn, unsettled, tally)
            renewed = repo.renew(conn, item, now, self._lease)
            if renewed:
                slot, then = repo.take_slot(
                    conn, item.campaign_id, 1.0 / rate, _LONG_WAIT, sender=item.paced_by_sender
                )
            else:
                repo.hand_back(conn, item, now)  # paused or cancelled (no-op if re-claimed)
        counts.update(tally)  # committed: count them once
        unsettled.clear()
        if not renewed:
            return None
        delay = slot - then  # on the database's clock; at most `_LONG_WAIT` when taken
        if delay > _LONG_WAIT:
            return self._postpone(item, time.time() + delay, rate)
        self._next_slot[item.pace] = time.time() + delay + 1.0 / rate
        if delay > 0:
            self._stop.wait(delay)
        with self._fence.sending(item.number):
            # the gate, asked again now: the suppression index reads the ledger up to this
            # moment, and this batch's earlier sends are recorded for the cap
            now = self._clock()
            plan = self._plan(item, now)
            if plan.step is not Step.SEND:
                return self._not_sent(item, plan)
            key = f"campaign:{item.campaign_id}:{item.id}"
            handed = self._clock()  # "sent at": when it was handed to the provider
            try:
                result = self._outbound.deliver_unchecked(item.sender, item.number, item.body, key)
            except Exception as exc:  # a bug, not a provider answer: retry later
                log.exception("broadcast send raised", extra={"recipient_id": item.id})
                result = SendResult(False, detail=f"{type(exc).__name__}: {exc}", retryable=True)
        at = self._clock()
        if result.accepted:
            values: dict[str, Any] = {
                "detail": None,
                "provider_message_id": result.provider_message_id,
            }
            sent = {**values, "sent_at": handed}
            return _Outcome(item, RecipientStatus.SENT, "sent", sent, handed)
        if result.opted_out:
            provider = self._outbound.provider_for(item.sender)
            self._outbound.record_opt_out_signal(provider, item.number, item.sender, result)
            detail = {"detail": f"provider: {result.error_code}"}
            return _Outcome(item, RecipientStatus.BLOCKED, "blocked", detail)
        code = f"[{result.error_code}] " if result.error_code else ""
        error = (f"{code}{result.detail}".strip() or "provider refused")[:2000]
        if result.retryable and item.attempts < self._max_attempts:
            delay = min(self._backoff * 2 ** (item.attempts - 1), 600.0)
            values = {"detail": error, "not_before": at + timedelta(seconds=delay)}
            return _Outcome(item, RecipientStatus.PENDING, "retried", values)
        return _Outcome(item, RecipientStatus.FAILED, "failed", {"detail": error})

    def _plan(self, item: QueuedSend, now: datetime) -> Plan:
        """Send, block or defer ``item`` now: the gate, then the quiet hours and the cap
        (with every recorded send to that number in the cap's period)."""
        [checked] = check_many(self._index, [item.number], sender=item.sender, topic=item.topic)
        with self._reader.connect() as conn:  # a read: no write lock while a send is fenced
            prior = repo.send_times(conn, [item.number], now - self._rules.cap_period)
        recent = prior.get(item.number, [])
        verdict = next_allowed(locate(item.number), now, recent, item.topic, self._rules)
        return plan_send(checked.decision, verdict)

    @staticmethod
    def _not_sent(item: QueuedSend, plan: Plan) -> _Outcome:
        if plan.step is Step.BLOCK:
            return _Outcome(item, RecipientStatus.BLOCKED, "blocked", {"detail": plan.detail})
        # deferred: no send was tried, so the claim's attempt is given back
        values = {"detail": plan.detail, "not_before": plan.at, "attempts": item.attempts - 1}
        return _Outcome(item, RecipientStatus.PENDING, "deferred", values)

    @staticmethod
    def _record(conn: Connection, outcomes: list[_Outcome], counts: dict[str, int]) -> None:
        """Settle ``outcomes`` and record their sends in ``conn``'s transaction, counting them
        in ``counts``. A process that dies before this commits re-sends those recipients
        after their lease, with the same idempotency keys."""
        sends: list[dict[str, object]] = []
        for o in outcomes:
            if not repo.settle(conn, o.item, o.status, **o.values):
                continue  # another worker re-claimed it meanwhile
            counts[o.outcome] = counts.get(o.outcome, 0) + 1
            if o.sent_at is not None:
                sends.append(
                    {
                        "dedupe_key": f"broadcast:{o.item.id}",
                        "campaign_id": o.item.campaign_id,
                        "number": o.item.number,
                        "sender": o.item.sender,
                        "topic": o.item.topic,
                        "source": "broadcast",
                        "sent_at": o.sent_at,
                        "recorded_at": o.sent_at,
                    }
                )
        if sends:
            repo.record_sends(conn, sends)


def _pace_text(rate: float) -> str:
    """A send rate as people say it: "20 messages a second", "one message every 60 s"."""
    return f"{rate:g} messages a second" if rate >= 1 else f"one message every {1 / rate:.3g} s"
