"""Outbound sends: the send gate first, then the sender's provider REST API. A provider that
refuses because the recipient opted out becomes a `provider_signal` ledger event."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import httpx

from stopline.domain.consent import ConsentDraft
from stopline.domain.phone import normalise_address
from stopline.domain.policy import Decision
from stopline.domain.recipient_location import locate
from stopline.domain.sending_rules import SendingRules, Verdict, next_allowed
from stopline.providers.accounts import AccountBook
from stopline.providers.base import MissingCredentials, OutboundMessage, Provider, SendResult
from stopline.services.gate import check_many
from stopline.services.send_fence import SendFence
from stopline.services.senders import SenderDirectory, sender_topic
from stopline.services.signals import send_signal
from stopline.storage.outbox import OutboxRow
from stopline.storage.senders import SenderRow
from stopline.storage.suppression_index import SuppressionIndex

log = logging.getLogger(__name__)


class SendStatus(StrEnum):
    SENT = "sent"
    BLOCKED = "blocked"  # the gate refused: the number is opted out
    OPTED_OUT = "opted_out"  # the provider refused: recipient opted out (now recorded)
    FAILED = "failed"
    DEFERRED = "deferred"  # a marketing topic outside quiet hours or over the cap: not sent


@dataclass(frozen=True, slots=True)
class OneOffSend:
    """A one-off send that counts towards the frequency caps (its topic is not exempt)."""

    key: str  # provider:message id: recorded once per message the provider accepted
    number: str
    sender: str
    topic: str
    sent_at: datetime


class SendError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


@dataclass(frozen=True, slots=True)
class SendOutcome:
    status: SendStatus
    number: str
    provider: str | None
    result: SendResult | None = None
    decision: Decision | None = None
    not_before: datetime | None = None  # deferred: the first moment it may be sent
    reasons: tuple[str, ...] = ()  # deferred: quiet_hours, frequency_cap

    @property
    def why_deferred(self) -> str:
        """The reasons as people read them: "quiet hours and frequency cap"."""
        return " and ".join(r.replace("_", " ") for r in self.reasons)


class OutboundSender:
    def __init__(
        self,
        index: SuppressionIndex,
        providers: Mapping[str, Provider],
        accounts: AccountBook,
        senders: SenderDirectory,
        http: httpx.Client,
        record: Callable[[ConsentDraft], object],
        clock: Callable[[], datetime],
        region: str = "US",
        rules: SendingRules | None = None,
        recent_sends: Callable[[str, datetime], list[datetime]] | None = None,
        record_send: Callable[[OneOffSend], None] | None = None,
        fence: SendFence | None = None,
    ) -> None:
        self._index = index
        self._fence = fence or SendFence()
        self._rules = rules
        self._recent_sends = recent_sends
        self._record_send = record_send
        self._providers = providers
        self._accounts = accounts
        self._senders = senders
        self._http = http
        self._record = record
        self._clock = clock
        self._region = region

    def send(
        self,
        to: str,
        text: str,
        sender: str,
        *,
        topic: str | None = None,
        provider: str | None = None,
        idempotency_key: str | None = None,
    ) -> SendOutcome:
        """Check the gate, then send. Raises `SendError` for bad input. The number is marked
        in the send fence from before the check until the provider has answered, as a
        broadcast's are: an opt-out acknowledged meanwhile waits for this send, and one
        acknowledged before it is seen by the check."""
        address = normalise_address(sender, self._region)
        name, entry = self._route(address, provider)
        try:
            topic = sender_topic(entry, topic)
        except ValueError as exc:
            raise SendError("topic", str(exc)) from None
        [read] = check_many(self._index, [to], sender=address, topic=topic, region=self._region)
        if read.number is None:
            raise SendError("to", read.error or "not a phone number")
        with self._fence.sending(read.number):
            return self._checked_send(to, text, address, topic, name, entry, idempotency_key)

    def _checked_send(
        self,
        to: str,
        text: str,
        address: str,
        topic: str | None,
        name: str,
        entry: SenderRow | None,
        idempotency_key: str | None,
    ) -> SendOutcome:
        # the input as given, again: ten bare digits are read both ways (an opt-out of the
        # number abroad blocks it), now with the number marked
        [checked] = check_many(self._index, [to], sender=address, topic=topic, region=self._region)
        if checked.number is None:  # pragma: no cover (read as a number a moment ago)
            raise SendError("to", checked.error or "not a phone number")
        if not checked.decision.allowed:
            return SendOutcome(SendStatus.BLOCKED, checked.number, name, None, checked.decision)
        verdict = self._timing(checked.number, topic)
        if verdict is not None and not verdict.allowed_now:
            return SendOutcome(
                SendStatus.DEFERRED,
                checked.number,
                name,
                not_before=verdict.at,
                reasons=verdict.reasons,
            )
        key = idempotency_key or f"send:{uuid.uuid4().hex}"
        result = self._send(name, entry, address, checked.number, text, key)
        if result.accepted:
            if verdict is not None and self._record_send is not None:
                # counts towards later caps, the broadcasts' included (not when exempt)
                # once per message the provider accepted (a retry it took for the same one
                # has its id), not per caller's key, which may be reused for anything
                accepted = result.provider_message_id or uuid.uuid4().hex
                sent = OneOffSend(
                    f"{name}:{accepted}", checked.number, address, topic or "", self._clock()
                )
                try:
                    self._record_send(sent)
                except Exception:  # the message is gone: say so, and that the cap missed it
                    log.exception("a sent message was not recorded for the frequency caps")
            return SendOutcome(SendStatus.SENT, checked.number, name, result)
        if result.opted_out:
            self.record_opt_out_signal(name, checked.number, address, result)
            return SendOutcome(SendStatus.OPTED_OUT, checked.number, name, result)
        return SendOutcome(SendStatus.FAILED, checked.number, name, result)

    def _timing(self, number: str, topic: str | None) -> Verdict | None:
        """Quiet hours and the cap for a send about ``topic`` (as for broadcasts: recent
        sends count, a campaign's or one-off). None when neither applies: a send with no
        topic (a code, a reply to the person) or an exempt topic."""
        if topic is None or self._rules is None or self._rules.exempt(topic):
            return None
        now = self._clock()
        since = now - self._rules.cap_period
        recent = self._recent_sends(number, since) if self._recent_sends else []
        return next_allowed(locate(number), now, recent, topic, self._rules)

    def provider_for(self, address: str, provider: str | None = None) -> str:
        """The provider a registered sender sends through (raises `SendError`)."""
        return self._route(address, provider)[0]

    def _route(self, address: str, provider: str | None) -> tuple[str, SenderRow | None]:
        entry = self._senders.lookup(address)
        name = entry.provider if entry else provider
        if name is None:
            raise SendError("sender", f"{address} is not registered: `stopline senders add`")
        if provider is not None and provider != name:
            raise SendError("provider", f"{address} is registered with {name}, not {provider}")
        if name not in self._providers:
            raise SendError("provider", f"unknown provider {name!r}")
        return name, entry

    def deliver_unchecked(
        self, address: str, number: str, text: str, key: str, provider: str | None = None
    ) -> SendResult:
        """One REST call from ``address`` to ``number``, *without* the gate: only for callers
        that have just checked it themselves (`send`, the broadcast worker)."""
        try:
            name, entry = self._route(address, provider)
        except SendError as exc:
            return SendResult(False, error_code="sender", detail=str(exc))
        return self._send(name, entry, address, number, text, key)

    def _send(
        self, name: str, entry: SenderRow | None, address: str, number: str, text: str, key: str
    ) -> SendResult:
        try:
            account = self._accounts.get(name, entry.account if entry else None)
        except MissingCredentials as exc:
            return SendResult(False, error_code="credentials", detail=str(exc))
        # from the address as registered ("Zeta" when asked for "ZETA"): IDs such as
        # messaging service SIDs are case-sensitive at the provider
        message = OutboundMessage(entry.address if entry else address, number, text, key)
        return self._providers[name].send(self._http, account, message)

    def record_opt_out_signal(
        self, provider: str, number: str, sender: str, result: SendResult
    ) -> None:
        """A send refused because the recipient opted out at the provider: keep it as evidence."""
        self._record(send_signal(provider, number, sender, result, self._clock()))

    def can_send(self, provider: str) -> bool:
        """True when ``provider``'s default account has credentials configured."""
        return self._accounts.ready(provider)

    def deliver(self, row: OutboxRow) -> SendResult:
        """The outbox worker's delivery: one REST call with the row's idempotency key."""
        provider = self._providers.get(row.provider)
        if provider is None:
            return SendResult(False, error_code="provider", detail=f"unknown {row.provider!r}")
        try:
            account = self._accounts.get(row.provider, row.account)
        except MissingCredentials as exc:
            return SendResult(False, error_code="credentials", detail=str(exc), retryable=True)
        message = OutboundMessage(row.sender, row.to_number, row.body, row.idempotency_key)
        return provider.send(self._http, account, message)

    def record_refusal(self, row: OutboxRow, result: SendResult) -> None:
        """An outbox send refused because the recipient opted out: keep it as evidence."""
        self.record_opt_out_signal(row.provider, row.to_number, row.sender, result)
