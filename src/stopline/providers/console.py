"""The console provider for development: sends are printed, nothing leaves the machine."""

from __future__ import annotations

import sys
import uuid
from datetime import datetime
from typing import TextIO

import httpx

from stopline.domain.phone import mask
from stopline.providers.base import (
    Account,
    Observer,
    OutboundMessage,
    Provider,
    SendResult,
    WebhookBatch,
    WebhookRejected,
    WebhookRequest,
)


class ConsoleProvider(Provider):
    name = "console"

    def __init__(
        self,
        *,
        stream: TextIO | None = None,
        region: str = "US",
        base_url: str | None = None,
        observer: Observer | None = None,
    ) -> None:
        super().__init__(base_url=base_url, region=region, observer=observer)
        self._stream = stream

    def _accept(self, request: WebhookRequest, received_at: datetime) -> WebhookBatch:
        raise WebhookRejected(404, "no_webhook", "the console provider receives no webhooks")

    def _send(self, client: httpx.Client, account: Account, message: OutboundMessage) -> SendResult:
        stream = self._stream or sys.stdout
        stream.write(f"[console sms] {message.sender} -> {mask(message.to)}: {message.text}\n")
        stream.flush()
        return SendResult(True, f"console-{uuid.uuid4().hex[:12]}")
