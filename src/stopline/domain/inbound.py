"""What to do with an inbound message: the pure decision behind every provider's webhook."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from stopline.domain.consent import (
    NUL,
    ORGANISATION,
    ClassificationRecord,
    ConsentDraft,
    Kind,
    Scope,
    ScopeKind,
    Source,
    changes_state,
    without_nul,
)
from stopline.domain.language import Action, Classification
from stopline.domain.replies import Brand, reply_text, still_opted_out


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """A provider's inbound SMS in Stopline's canonical shape."""

    provider: str
    provider_message_id: str
    from_number: str  # E.164
    to: str  # the sender address texted: E.164, short code or alphanumeric ID
    body: str
    received_at: datetime
    # The provider already recognised a keyword and answered it itself (Twilio's OptOutType,
    # Plivo's MessageIntent); None when the provider says nothing.
    provider_keyword: Action | None = None
    # False when the provider's signature does not cover the text (Plivo V2): an opt-out in
    # it is honoured, and its event says so in its evidence.
    body_signed: bool = True
    # One piece of a long message the provider delivers piece by piece (`messages_parts`).
    part: Part | None = None
    # The provider's sending service the message came through (Twilio's MessagingServiceSid):
    # its registered sender's brand and locale apply where ``to`` itself is not registered.
    service: str | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """Where a piece belongs: the sender's reference for the whole message, its position
    (from 1) and how many pieces there are."""

    ref: str
    index: int
    total: int


MAX_MESSAGE_ID = 128  # storage column sizes; longer values are replaced by a digest
MAX_ADDRESS = 64


def bounded(message: InboundMessage) -> InboundMessage:
    """The message with an over-long provider id or sender address replaced by a stable
    ``sha256:`` digest, and NUL characters replaced (`without_nul`), so no provider can make
    an opt-out unstorable by sending long ids or odd bytes."""
    mid, to, body = message.provider_message_id, message.to, message.body
    if NUL in mid or NUL in to or NUL in body:
        mid, to, body = without_nul(mid), without_nul(to), without_nul(body)
        message = replace(message, provider_message_id=mid, to=to, body=body)
    if len(mid) <= MAX_MESSAGE_ID and len(to) <= MAX_ADDRESS:
        return message
    return replace(
        message,
        provider_message_id=bounded_id(mid),
        to=digest_id(to)[:MAX_ADDRESS] if len(to) > MAX_ADDRESS else to,
    )


def bounded_id(provider_message_id: str) -> str:
    """A provider message id that fits the storage column (over-long ones as a digest)."""
    if len(provider_message_id) <= MAX_MESSAGE_ID:
        return provider_message_id
    return digest_id(provider_message_id)


def digest_id(text: str) -> str:
    """A stable ``sha256:`` id for ``text`` (fits the message id column)."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Outcome(StrEnum):
    OPTED_OUT = "opted_out"
    ALREADY_OPTED_OUT = "already_opted_out"
    OPTED_IN = "opted_in"
    HELP = "help"
    REVIEW = "review"
    SUPERSEDED = "superseded"  # an opt-in older than the opt-out in force: not applied
    NONE = "none"


@dataclass(frozen=True, slots=True)
class InboundPolicy:
    brand: Brand
    opt_out_scope: Scope = ORGANISATION
    # When a provider already answered a keyword (e.g. Twilio Advanced Opt-Out), stay silent
    # unless that provider is named here, so the recipient never gets two confirmations.
    reply_when_handled_by: frozenset[str] = frozenset()
    # Reply language when the message's own language is unknown (the sender's locale).
    language: str | None = None
    # False when nothing can carry a reply (a REST provider's message naming no address of
    # ours to send from): the message is recorded as ever, with no reply.
    can_reply: bool = True


@dataclass(frozen=True, slots=True)
class InboundDecision:
    outcome: Outcome
    action: Action
    draft: ConsentDraft | None
    reply: str | None
    # An opt-in texted to a sender whose own opt-out is in force lifts that one too.
    also: tuple[ConsentDraft, ...] = ()


def effective_action(classification: Classification, provider_keyword: Action | None) -> Action:
    """Our reading, overridden by a provider keyword flag: the provider has already blocked or
    unblocked the number on its side, so Stopline must record the same; except that a
    provider's opt-in flag never lifts what the text itself asks to stop ("STOP" flagged
    START by a misconfigured keyword list): the send gate stays shut, on the safe side."""
    if provider_keyword is Action.OPT_IN and classification.action is Action.OPT_OUT:
        return Action.OPT_OUT
    if provider_keyword in (Action.OPT_OUT, Action.OPT_IN):
        return provider_keyword
    if provider_keyword is Action.HELP and classification.action is Action.NONE:
        return Action.HELP
    return classification.action


ReplyText = Callable[[str, Brand, str | None, datetime], str]


def decide(
    message: InboundMessage,
    classification: Classification,
    active_scopes: Iterable[Scope],
    policy: InboundPolicy,
    now: datetime,
    replies: ReplyText = reply_text,
    confirmed: bool = True,
) -> InboundDecision:
    """What to record and answer for ``message``. A confirmation says the number is
    unsubscribed from when the message was received (as the ledger records it; never later
    than ``now``). ``replies`` renders reply texts (a batch can share one memo of them,
    per minute). ``confirmed``: the
    number was already sent a confirmation of the opt-out in force; when it was not (the
    opt-out came from a CRM, an import, a person's decision), a STOP texted now gets the one
    confirmation, though it changes nothing."""
    action = effective_action(classification, message.provider_keyword)
    provider_answered = message.provider_keyword is action and action is not Action.NONE
    silent = not policy.can_reply or (
        provider_answered and message.provider not in policy.reply_when_handled_by
    )

    when = min(message.received_at, now)

    def reply(kind: str) -> str | None:
        language = classification.language or policy.language
        return None if silent else replies(kind, policy.brand, language, when)

    if action in (Action.OPT_OUT, Action.OPT_IN):
        draft = _draft(message, classification, action, policy.opt_out_scope)
        if not changes_state(active_scopes, draft):
            first = action is Action.OPT_OUT and not confirmed
            return InboundDecision(
                Outcome.ALREADY_OPTED_OUT, action, None, reply("opt_out") if first else None
            )
        if action is Action.OPT_OUT:
            return InboundDecision(Outcome.OPTED_OUT, action, draft, reply("opt_out"))
        also = _sender_opt_in(draft, active_scopes)
        text = reply("opt_in")
        lifted = {draft.scope.folded(), *(d.scope.folded() for d in also)}
        remaining = [s for s in active_scopes if s.folded() not in lifted]
        if text is not None and remaining:
            language = classification.language or policy.language
            topics = [s.key for s in remaining if s.kind is ScopeKind.TOPIC]
            senders = [s.key for s in remaining if s.kind is ScopeKind.SENDER]
            text = f"{text} {still_opted_out(language, topics, senders)}".rstrip()
        return InboundDecision(Outcome.OPTED_IN, action, draft, text, also)
    if action is Action.HELP:
        return InboundDecision(Outcome.HELP, action, None, reply("help"))
    if action is Action.REVIEW:
        return InboundDecision(Outcome.REVIEW, action, None, None)
    return InboundDecision(Outcome.NONE, action, None, None)


def _sender_opt_in(draft: ConsentDraft, active: Iterable[Scope]) -> tuple[ConsentDraft, ...]:
    """START texted to a sender whose sender-scoped opt-out is in force: the person asks
    that very sender to text them again, so that opt-out is lifted too (a topic opt-out
    made elsewhere is not: the START names no topic)."""
    if not draft.sender:
        return ()
    own = Scope.sender(draft.sender)
    if own == draft.scope or all(s.folded() != own for s in active):
        return ()
    return (replace(draft, scope=own),)


def _draft(
    message: InboundMessage, classification: Classification, action: Action, scope: Scope
) -> ConsentDraft:
    by_provider = classification.action is not action
    if by_provider:
        record = ClassificationRecord(f"provider.{message.provider}.keyword", None, 1.0)
        source = Source.PROVIDER_SIGNAL
    else:
        record = ClassificationRecord(
            classification.rule, classification.language, classification.confidence
        )
        source = Source.KEYWORD if classification.rule.startswith("keyword") else Source.INTENT
    return ConsentDraft(
        number=message.from_number,
        kind=Kind.OPT_OUT if action is Action.OPT_OUT else Kind.OPT_IN,
        source=source,
        occurred_at=message.received_at,
        scope=scope,
        sender=message.to,
        provider=message.provider,
        provider_message_id=message.provider_message_id,
        raw_text=message.body,
        classification=record,
        evidence=_evidence(message, action),
    )


def _evidence(message: InboundMessage, action: Action) -> dict[str, str]:
    """Facts kept with the event beyond the text: a body its signature did not cover, and
    a provider that says it answered the keyword itself (its confirmation, not ours, is
    the one the person got: Twilio's OptOutType, Plivo's MessageIntent)."""
    evidence: dict[str, str] = {}
    if not message.body_signed:
        evidence["body_signed"] = "false"
    if message.provider_keyword is action:
        evidence["answered_by_provider"] = message.provider
    return evidence
