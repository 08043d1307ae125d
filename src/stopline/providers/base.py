"""What every provider adapter offers, and the errors it raises."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from stopline.domain.inbound import InboundMessage


class WebhookRejected(Exception):
    """The webhook cannot be accepted; ``status`` is the HTTP answer to give."""

    def __init__(self, status: int, reason: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason
        self.message = message


@dataclass(frozen=True, slots=True)
class WebhookRequest:
    """The parts of an HTTP request a provider signs."""

    url: str  # the public URL the provider called, query string included
    method: str
    headers: Mapping[str, str]  # looked up by lower-cased name
    body: bytes


@dataclass(frozen=True, slots=True)
class RenderedReply:
    body: bytes
    media_type: str


class InboundProvider(Protocol):
    name: str

    def verify(self, request: WebhookRequest) -> None:
        """Raise `WebhookRejected` (403) unless the request is authentic."""

    def parse(self, request: WebhookRequest) -> InboundMessage:
        """The canonical inbound message; raise `WebhookRejected` (400/422) if malformed."""

    def render(self, reply: str | None) -> RenderedReply:
        """The HTTP answer carrying ``reply`` inline (or an empty acknowledgement)."""
