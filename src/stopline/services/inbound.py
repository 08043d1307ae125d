"""Recording inbound messages: idempotent on the provider's id, one ledger event per consent
change, the reply decided and stored with the message so a retry gets the same answer, and a
review item (in the same transaction) for every message whose intent is unclear."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from stopline.domain.consent import Scope
from stopline.domain.inbound import (
    InboundMessage,
    InboundPolicy,
    Outcome,
    bounded,
    decide,
    digest_id,
    effective_action,
)
from stopline.domain.language import Action, Classification
from stopline.domain.phone import mask
from stopline.domain.replies import Brand, reply_text
from stopline.domain.review import ReviewPolicy
from stopline.services.ledger import LedgerStage
from stopline.services.outbox import ReplyRoute, reply_key
from stopline.services.review import item_row
from stopline.storage import inbound as repo
from stopline.storage import outbox
from stopline.storage import review as review_repo
from stopline.storage.commit_queue import CommitLate

log = logging.getLogger("stopline.inbound")


@dataclass(frozen=True, slots=True)
class InboundCommand:
    message: InboundMessage
    classification: Classification
    policy: InboundPolicy
    reply_via: ReplyRoute | None = None  # REST reply through the outbox (None: inline/none)
    # Sent again after its request was answered 503: whatever inline reply the message is
    # stored with did not reach the provider (marked so, in order with its retries).
    late: bool = False


@dataclass(frozen=True, slots=True)
class InboundResult:
    outcome: Outcome
    action: Action
    reply: str | None
    duplicate: bool
    event_id: int | None
    # A duplicate's reading as stored with the first delivery: (intent, rule, language,
    # confidence), so a retry is answered as the first was even if its text differs.
    first_reading: tuple[str | None, str, str | None, float] | None = None

    @property
    def counted(self) -> str:
        """The outcome label of `stopline_inbound_messages`: a provider's retry of a message
        already recorded is a "duplicate", not a second opt-out."""
        return "duplicate" if self.duplicate else self.outcome.value


class InboundRecorder:
    """Batch handler for the commit queue: records many inbound messages in one transaction."""

    def __init__(self, clock: Callable[[], datetime], review: ReviewPolicy | None = None) -> None:
        self._clock = clock
        self._review = review or ReviewPolicy()

    @staticmethod
    def _confirmed(
        conn: Connection,
        stage: LedgerStage,
        command: InboundCommand,
        active: set[Scope],
        confirmed_now: set[str],
    ) -> bool:
        """Whether the number already had its confirmation of the opt-out in force: it texted
        an opt-out since that began (looked up only for an opt-out from a number already
        opted out at the policy's scope, i.e. rarely)."""
        number, scope = command.message.from_number, command.policy.opt_out_scope
        if scope not in active or number in confirmed_now:
            return True
        if effective_action(command.classification, command.message.provider_keyword) is not (
            Action.OPT_OUT
        ):
            return True
        return repo.texted_opt_out_since(conn, number, stage.since(number, scope))

    @staticmethod
    def committed(commands: Sequence[InboundCommand], results: Sequence[InboundResult]) -> None:
        """Log each consent change once it is committed (called by whoever committed it: the
        inbound writer process, or the server's commit thread, after answering)."""
        if not log.isEnabledFor(logging.INFO):  # masking costs; skip it when unlogged
            return
        for command, result in zip(commands, results, strict=True):
            if not result.duplicate and result.event_id is not None:
                message = command.message
                log.info(
                    "consent change recorded",
                    extra={
                        "provider": message.provider,
                        "number": mask(message.from_number),
                        "outcome": result.outcome.value,
                        "event_id": result.event_id,
                    },
                )

    def chain_numbers(self, _conn: Connection, commands: Sequence[InboundCommand]) -> list[str]:
        """The ledger chains a batch may extend (locked first: `GroupCommit`)."""
        return [c.message.from_number for c in commands]

    def __call__(self, conn: Connection, commands: Sequence[InboundCommand]) -> list[InboundResult]:
        now = self._clock()
        commands = [
            c if bounded(c.message) is c.message else replace(c, message=bounded(c.message))
            for c in commands
        ]
        known: dict[tuple[str, str], InboundResult] = {}
        commands, renamed = _own_ids(commands, _stored(conn, commands, known), known)
        if renamed:  # ids another number had used: their own ids may be stored already
            _stored(conn, renamed, known)
        late = _late_state(commands, known)
        if late:  # marks of messages stored before, set first: decisions below read them
            stored = {k: v for k, v in late.items() if k in known and known[k].reply is not None}
            repo.mark_late(conn, [k for k, undelivered in stored.items() if undelivered], now)
            repo.clear_late(conn, [k for k, undelivered in stored.items() if not undelivered])
        stage = LedgerStage(conn, (c.message.from_number for c in commands))
        replies = _ReplyMemo()
        results: list[InboundResult | None] = []
        pending: list[tuple[InboundCommand, InboundResult, int | None]] = []
        confirmed_now: set[str] = set()  # numbers sent a confirmation in this batch
        first_in_batch: dict[tuple[str, str], int] = {}  # message id -> its `pending` index
        retried_in_batch: list[tuple[int, int]] = []  # (`results` index, first's index)
        for command in commands:
            message = command.message
            key = (message.provider, message.provider_message_id)
            if key in known:
                if key in first_in_batch:  # answered with the first's event id, once known
                    retried_in_batch.append((len(results), first_in_batch[key]))
                results.append(known[key])
                continue
            number = message.from_number
            active = stage.active_scopes(number)
            decision = decide(
                message,
                command.classification,
                active,
                command.policy,
                now,
                replies,
                confirmed=self._confirmed(conn, stage, command, active, confirmed_now),
            )
            if (
                decision.reply is not None
                and decision.action is Action.OPT_OUT
                and not late.get(key, False)  # its answer was a 503: no confirmation went out
            ):
                confirmed_now.add(number)
            if decision.draft is not None and stage.superseded(decision.draft) is not None:
                # a START sent before an opt-out that is now in force (a late delivery):
                # the newer opt-out stands, and no "subscribed again" reply goes out
                decision = replace(
                    decision, outcome=Outcome.SUPERSEDED, draft=None, reply=None, also=()
                )
            index = stage.stage(decision.draft, now) if decision.draft is not None else None
            for extra in decision.also:
                stage.stage(extra, now)
            result = InboundResult(decision.outcome, decision.action, decision.reply, False, None)
            c = command.classification
            reading = (c.intent, c.rule, c.language, c.confidence)
            known[key] = InboundResult(
                result.outcome, result.action, result.reply, True, None, reading
            )
            first_in_batch[key] = len(pending)
            pending.append((command, result, index))
            results.append(None)
        written = stage.flush()
        rows = []
        final: list[InboundResult] = []
        for command, result, index in pending:
            event_id = written[index][1] if index is not None else None
            final.append(
                InboundResult(result.outcome, result.action, result.reply, False, event_id)
            )
            c = command.classification
            m = command.message
            rows.append(
                repo.InboundRow(
                    m.provider,
                    m.provider_message_id,
                    m.from_number,
                    m.to,
                    m.body,
                    m.received_at,
                    now,
                    result.action.value,
                    c.intent,
                    c.rule,
                    c.language,
                    c.confidence,
                    result.outcome.value,
                    result.reply,
                    event_id,
                )
            )
        reviewed = [i for i, (_c, r, _x) in enumerate(pending) if r.outcome is Outcome.REVIEW]
        if reviewed:
            marked = set(reviewed)
            repo.insert_many(conn, [row for i, row in enumerate(rows) if i not in marked])
            inbound_ids = repo.insert_returning_ids(conn, [rows[i] for i in reviewed])
            review_repo.insert_items(
                conn,
                [
                    item_row(
                        inbound_id=inbound_id,
                        number=pending[i][0].message.from_number,
                        sender=pending[i][0].message.to,
                        received_at=pending[i][0].message.received_at,
                        now=now,
                        policy=self._review,
                    )
                    for i, inbound_id in zip(reviewed, inbound_ids, strict=True)
                ],
            )
        else:
            repo.insert_many(conn, rows)
        outbox.enqueue(
            conn, [_outbox_row(c, r.reply, now) for c, r, _ in pending if r.reply and c.reply_via]
        )
        if late:  # messages first recorded in this batch
            new = [k for c, r, _ in pending if late.get(k := _key(c)) and r.reply is not None]
            repo.mark_late(conn, new, now)
        fresh = iter(final)
        answers = [r if r is not None else next(fresh) for r in results]
        for position, first in retried_in_batch:
            answers[position] = replace(answers[position], event_id=final[first].event_id)
        return answers


def _key(command: InboundCommand) -> tuple[str, str]:
    return command.message.provider, command.message.provider_message_id


def _late_state(
    commands: Sequence[InboundCommand], stored: Mapping[tuple[str, str], InboundResult]
) -> dict[tuple[str, str], bool]:
    """Per message of the batch that a late copy or a retry speaks of, whether its inline
    reply is undelivered when the batch is done, in the order the commands came: a late
    copy (its request was answered 503) marks it; a later retry answered with the stored
    reply delivers it. Settled before anything is decided, so that a STOP in the same batch
    as an earlier one's late copy is confirmed. REST replies (the outbox) are never marked."""
    state: dict[tuple[str, str], bool] = {}
    seen: set[tuple[str, str]] = set()
    for command in commands:
        if command.reply_via is not None:
            continue
        key = _key(command)
        if command.late:
            state[key] = True
        elif key in stored or key in seen:  # a retry: answered with the reply
            state[key] = False  # (clears a mark an earlier batch made)
        seen.add(key)
    return state


def _stored(
    conn: Connection,
    commands: Sequence[InboundCommand],
    known: dict[tuple[str, str], InboundResult],
) -> dict[tuple[str, str], tuple[str, str, str]]:
    """Add the stored answers for ``commands``' message ids to ``known``; return the
    conversation (sender, our address) and text of each stored message (by provider and
    id)."""
    owners: dict[tuple[str, str], tuple[str, str, str]] = {}
    for provider in {c.message.provider for c in commands}:
        ids = [c.message.provider_message_id for c in commands if c.message.provider == provider]
        for mid, stored in repo.find(conn, provider, ids).items():
            owners[(provider, mid)] = (stored.from_number, stored.to_address, stored.body)
            known[(provider, mid)] = InboundResult(
                Outcome(stored.outcome),
                Action(stored.action),
                stored.reply_text,
                True,
                stored.event_id,
                (stored.intent, stored.rule, stored.language, stored.confidence),
            )
    return owners


def _own_ids(
    commands: list[InboundCommand],
    owners: dict[tuple[str, str], tuple[str, str, str]],
    known: dict[tuple[str, str], InboundResult],
) -> tuple[list[InboundCommand], list[InboundCommand]]:
    """A provider's retry repeats its conversation (sender and our address); a message id
    already used in *another* conversation is a different message (a platform numbering
    per conversation, or a forged id) and must not be answered as someone else's
    duplicate, losing its opt-out. It is recorded under an id of its own: a digest of the
    id and its conversation, stable across its own retries.

    A retry whose text differs is still a retry (answered as the first was), with a
    warning, unless it reads as an opt-out where the first did not: "hello" then "STOP"
    under one id would lose the opt-out, so that one is a message of its own too."""
    out: list[InboundCommand] = []
    renamed: list[InboundCommand] = []
    for command in commands:
        m = command.message
        key = (m.provider, m.provider_message_id)
        owner = owners.setdefault(key, (m.from_number, m.to, m.body))
        own: str | None = None
        if owner[:2] != (m.from_number, m.to):
            own = digest_id(f"{m.provider_message_id}\n{m.from_number}\n{m.to}")
        elif owner[2] != m.body and key in known:
            new_stop = (
                command.classification.action is Action.OPT_OUT
                and known[key].action is not Action.OPT_OUT
            )
            log.warning(
                "%s message id %s came again with a different text (%s): %s",
                m.provider,
                m.provider_message_id,
                mask(m.from_number),
                "it reads as an opt-out, so it is recorded as a message of its own"
                if new_stop
                else "answered as the first delivery",
            )
            if new_stop:
                own = digest_id(f"{m.provider_message_id}\n{m.from_number}\n{m.to}\n{m.body}")
        if own is not None:
            command = replace(command, message=replace(m, provider_message_id=own))
            renamed.append(command)
        out.append(command)
    return out, renamed


class _ReplyMemo:
    """`reply_text` for one batch: replies show the time to the minute, so each (kind,
    brand, language, minute) is rendered once rather than once per message."""

    def __init__(self) -> None:
        self._texts: dict[tuple[str, int, str | None, datetime], str] = {}
        self._brands: list[Brand] = []  # keeps each brand alive while its id is a key

    def __call__(self, kind: str, brand: Brand, language: str | None, when: datetime) -> str:
        minute = when.replace(second=0, microsecond=0)
        key = (kind, id(brand), language, minute)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = reply_text(kind, brand, language, minute)
            self._brands.append(brand)
        return text


def command_to_wire(command: InboundCommand) -> list[Any]:
    """The command as JSON-ready values, for the inbound writer process (its policy travels
    separately, once per policy object)."""
    m, c, route = command.message, command.classification, command.reply_via
    return [
        m.provider,
        m.provider_message_id,
        m.from_number,
        m.to,
        m.body,
        m.received_at,  # orjson writes it in ISO 8601 (in C)
        m.provider_keyword.value if m.provider_keyword is not None else None,
        c.action.value,
        c.intent,
        c.confidence,
        c.language,
        c.rule,
        list(c.span) if c.span is not None else None,
        c.explanation,
        [route.provider, route.account] if route is not None else None,
        m.body_signed,
        command.late,
    ]


def command_from_wire(values: Sequence[Any], policy: InboundPolicy) -> InboundCommand:
    (provider, mid, sender, to, body, received, keyword) = values[:7]
    (action, intent, confidence, language, rule, span, explanation, route, signed) = values[7:16]
    late = bool(values[16]) if len(values) > 16 else False
    message = InboundMessage(
        provider,
        mid,
        sender,
        to,
        body,
        datetime.fromisoformat(received),
        _ACTIONS[keyword] if keyword is not None else None,
        signed,
    )
    classification = Classification(
        _ACTIONS[action],
        intent,
        confidence,
        language,
        rule,
        (span[0], span[1]) if span is not None else None,
        explanation,
    )
    reply_via = ReplyRoute(route[0], route[1]) if route is not None else None
    return InboundCommand(message, classification, policy, reply_via, late)


def note_late(record: Callable[[InboundCommand], Awaitable[Any]], command: InboundCommand) -> None:
    """``command``'s request was answered 503 (its commit came after the deadline; it still
    commits): an inline reply it is stored with never reached whoever asked. The same
    command is sent again marked late, through the same writer and so after the original
    and before any retry of it, which the recorder turns into the mark (a later STOP from the
    number then gets the confirmation, and the contact's history says so; a retry answered
    with the reply clears it). Nothing waits for it."""
    if command.reply_via is not None:
        return  # a REST reply: the outbox sends it whatever the answer was
    try:
        pending = asyncio.ensure_future(record(replace(command, late=True)))
    except Exception:  # the writer is shutting down: the mark is lost, the message is not
        log.warning("a message answered 503 could not be marked as not replied to")
        return
    pending.add_done_callback(_consumed)


def _consumed(done: asyncio.Future[Any]) -> None:
    # CommitLate: the copy waits for the database too; it still commits when it is free
    if not done.cancelled() and not isinstance(done.exception(), (type(None), CommitLate)):
        log.warning("a message answered 503 was not marked as not replied to: %s", done.exception())


def result_to_wire(result: InboundResult) -> list[Any]:
    return [
        result.outcome.value,
        result.action.value,
        result.reply,
        result.duplicate,
        result.event_id,
        result.first_reading,
    ]


def result_from_wire(values: Sequence[Any]) -> InboundResult:
    outcome, action, reply, duplicate, event_id = values[:5]
    reading = values[5] if len(values) > 5 else None  # a writer from before the reading
    first = (reading[0], reading[1], reading[2], reading[3]) if reading is not None else None
    return InboundResult(_OUTCOMES[outcome], _ACTIONS[action], reply, duplicate, event_id, first)


# Enum members by value: a dictionary look-up costs a thirtieth of calling the enum.
_OUTCOMES: dict[str, Outcome] = {o.value: o for o in Outcome}
_ACTIONS: dict[str, Action] = {a.value: a for a in Action}


def _outbox_row(command: InboundCommand, reply: str, now: datetime) -> dict[str, Any]:
    route, m = command.reply_via, command.message
    assert route is not None
    return outbox.reply_row(
        key=reply_key(m.provider, m.provider_message_id),
        provider=route.provider,
        account=route.account,
        sender=m.to,
        to_number=m.from_number,
        body=reply,
        now=now,
    )
