"""Twilio Programmable Messaging: inbound webhooks (form-encoded), X-Twilio-Signature, TwiML.

Signatures are checked with the official SDK's `RequestValidator` against the public URL.
``OptOutType`` (sent when a Messaging Service has Advanced Opt-Out) tells Stopline that Twilio
has already answered a keyword, so Stopline does not reply a second time.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qsl

from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from stopline.domain.inbound import InboundMessage
from stopline.domain.language import Action
from stopline.domain.phone import InvalidNumber, normalise, normalise_address
from stopline.providers.base import RenderedReply, WebhookRejected, WebhookRequest

_OPT_OUT_TYPES = {"STOP": Action.OPT_OUT, "START": Action.OPT_IN, "HELP": Action.HELP}
_EMPTY = RenderedReply(
    b'<?xml version="1.0" encoding="UTF-8"?><Response />', "text/xml; charset=utf-8"
)


class _Params(dict[str, str]):
    """Form parameters with repeated names kept, as `RequestValidator` expects."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        super().__init__(pairs)
        self._all: dict[str, list[str]] = {}
        for name, value in pairs:
            self._all.setdefault(name, []).append(value)

    def getall(self, name: str) -> list[str]:
        return self._all.get(name, [])


class TwilioProvider:
    name = "twilio"

    def __init__(self, auth_token: str | None, region: str = "US") -> None:
        self._validator = RequestValidator(auth_token) if auth_token else None
        self._region = region

    def form(self, request: WebhookRequest) -> _Params:
        try:
            text = request.body.decode("utf-8")
            pairs = parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text))
        except (UnicodeDecodeError, ValueError):
            raise WebhookRejected(400, "malformed", "body is not form-encoded UTF-8") from None
        return _Params(pairs)

    def verify(self, request: WebhookRequest, params: _Params | None = None) -> None:
        if self._validator is None:
            raise WebhookRejected(
                503, "not_configured", "Twilio webhooks need STOPLINE_TWILIO_AUTH_TOKEN"
            )
        signature = request.headers.get("x-twilio-signature", "")
        if not signature:
            raise WebhookRejected(403, "missing_signature", "X-Twilio-Signature is missing")
        form = params if params is not None else self.form(request)
        if not self._validator.validate(request.url, form, signature):
            raise WebhookRejected(403, "bad_signature", "X-Twilio-Signature does not match")

    def parse(
        self, request: WebhookRequest, received_at: datetime, params: _Params | None = None
    ) -> InboundMessage:
        form = params if params is not None else self.form(request)
        sid = form.get("MessageSid") or form.get("SmsSid") or form.get("SmsMessageSid")
        missing = [
            name
            for name, value in (
                ("MessageSid", sid),
                ("From", form.get("From")),
                ("To", form.get("To")),
            )
            if not value
        ]
        if missing:
            raise WebhookRejected(400, "malformed", f"missing parameter(s): {', '.join(missing)}")
        try:
            sender = normalise(form["From"], self._region)
        except InvalidNumber as exc:
            raise WebhookRejected(422, "invalid_number", f"From: {exc}") from None
        assert sid is not None
        return InboundMessage(
            provider=self.name,
            provider_message_id=sid,
            from_number=sender,
            to=normalise_address(form["To"], self._region),
            body=form.get("Body", ""),
            received_at=received_at,
            provider_keyword=_OPT_OUT_TYPES.get(form.get("OptOutType", "").upper()),
        )

    def render(self, reply: str | None) -> RenderedReply:
        if not reply:
            return _EMPTY
        twiml = MessagingResponse()
        twiml.message(reply)
        return RenderedReply(str(twiml).encode("utf-8"), "text/xml; charset=utf-8")
