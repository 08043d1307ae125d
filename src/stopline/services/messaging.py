"""Everything that talks to SMS providers, held together: the provider registry, accounts,
the sender directory, the HTTP client, outbound sends, the outbox worker, campaigns and the
broadcast worker."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import httpx

from stopline.domain.inbound import InboundMessage
from stopline.domain.language import Classification
from stopline.providers.accounts import AccountBook
from stopline.providers.base import Provider
from stopline.providers.replays import ReplayGuard
from stopline.services.broadcast import BroadcastWorker
from stopline.services.campaigns import Campaigns
from stopline.services.outbound import OutboundSender
from stopline.services.outbox import OutboxWorker, ReplyRoute
from stopline.services.send_fence import SendFence
from stopline.services.senders import SenderDirectory, SenderProfile

log = logging.getLogger("stopline.messaging")


@dataclass
class Messaging:
    providers: Mapping[str, Provider]
    accounts: AccountBook
    senders: SenderDirectory
    http: httpx.Client
    outbound: OutboundSender
    outbox: OutboxWorker
    campaigns: Campaigns
    broadcasts: BroadcastWorker
    fence: SendFence
    silent: frozenset[str] = frozenset()
    replays: ReplayGuard = field(default_factory=lambda: ReplayGuard(300.0))

    def reply_route(self, provider: Provider, profile: SenderProfile) -> ReplyRoute | None:
        """How a reply to a message received by ``provider`` leaves: None when it goes inline
        (TwiML, Plivo XML, generic JSON). A provider that answers keywords itself still needs
        Stopline's reply for everything it does not match (its answered keywords get no
        reply at all: see `answered_by_provider`)."""
        if provider.inline_replies:
            return None
        sender = profile.sender
        if sender is None or sender.provider == provider.name:
            return ReplyRoute(provider.name, sender.account if sender else None)
        # Registered with another provider than the one that just delivered a message to it
        # (a number ported, a registry out of date): the provider it arrived on hosts the
        # number now, so the reply goes back through it where it can send.
        arrived = self.outbound.can_send(provider.name)
        route = (
            ReplyRoute(provider.name) if arrived else ReplyRoute(sender.provider, sender.account)
        )
        log.warning(
            "sender %s is registered with %s but received a message through %s%s: replying "
            "through %s (update the sender: stopline senders add)",
            sender.address,
            sender.provider,
            provider.name,
            "" if arrived else ", which has no REST credentials",
            route.provider,
        )
        return route

    def answered_by_provider(
        self, provider: Provider, message: InboundMessage, classification: Classification
    ) -> InboundMessage:
        """A provider whose own keyword handling is on (``STOPLINE_SILENT_PROVIDERS``) has
        already answered the message when the *whole body* is one of its own keywords (that
        is all providers match): mark it so, and Stopline stays silent for that message only.
        "Stop. Thank you", "ＳＴＯＰ" or "please stop texting me" still get Stopline's reply."""
        if provider.name not in self.silent or message.provider_keyword is not None:
            return message
        answered = provider.own_keywords.get(message.body.strip().upper())
        if answered is not None and answered is classification.action:
            return replace(message, provider_keyword=answered)
        return message

    def close(self) -> None:
        self.broadcasts.stop()
        self.outbox.stop()
        self.http.close()
        if not self.broadcasts.running:  # a send still in flight keeps its lock until it ends
            self.fence.close()
