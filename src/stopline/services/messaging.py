"""Everything that talks to SMS providers, held together: the provider registry, accounts,
the sender directory, the HTTP client, outbound sends and the outbox worker."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import httpx

from stopline.domain.inbound import InboundMessage
from stopline.domain.language import Action, Classification
from stopline.providers.accounts import AccountBook
from stopline.providers.base import Provider
from stopline.services.outbound import OutboundSender
from stopline.services.outbox import OutboxWorker, ReplyRoute
from stopline.services.senders import SenderDirectory, SenderProfile


@dataclass
class Messaging:
    providers: Mapping[str, Provider]
    accounts: AccountBook
    senders: SenderDirectory
    http: httpx.Client
    outbound: OutboundSender
    outbox: OutboxWorker
    silent: frozenset[str] = frozenset()

    def reply_route(self, provider: Provider, profile: SenderProfile) -> ReplyRoute | None:
        """How a reply to a message received by ``provider`` leaves: None when it goes inline
        (TwiML, Plivo XML, generic JSON) or when the provider answers keywords itself."""
        if provider.inline_replies or provider.name in self.silent:
            return None
        sender = profile.sender
        if sender is not None:
            return ReplyRoute(sender.provider, sender.account)
        return ReplyRoute(provider.name, None)

    def answered_by_provider(
        self, provider: Provider, message: InboundMessage, classification: Classification
    ) -> InboundMessage:
        """A provider whose own keyword handling is on (``STOPLINE_SILENT_PROVIDERS``) has
        already answered STOP/START/HELP: mark it so, and Stopline stays silent."""
        if (
            provider.name in self.silent
            and message.provider_keyword is None
            and classification.rule.startswith("keyword")
            and classification.action in (Action.OPT_OUT, Action.OPT_IN, Action.HELP)
        ):
            return replace(message, provider_keyword=classification.action)
        return message

    def close(self) -> None:
        self.outbox.stop()
        self.http.close()
