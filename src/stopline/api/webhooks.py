"""Provider webhooks, one route per provider (``POST /webhooks/{name}``). Hot path: the raw
body is read once, verified and parsed by the provider module, each inbound message is
classified with its sender's profile and handed to the group-commit writer with its reply
route (inline, or the outbox); status callbacks that say "opted out" become ledger events.
The answer leaves only after the commit."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from dataclasses import replace
from typing import Any

from fastapi import APIRouter
from starlette.responses import Response

from stopline.api.errors import error_body
from stopline.api.fast import FastRequest, FastResponse, FastRoute, served_by
from stopline.domain.inbound import InboundMessage
from stopline.domain.language import Action, Classification
from stopline.providers.base import WebhookRejected, WebhookRequest
from stopline.providers.registry import WEBHOOK_PROVIDERS
from stopline.services.inbound import InboundCommand, InboundResult, note_late
from stopline.services.signals import status_signal
from stopline.storage.commit_queue import CommitLate

log = logging.getLogger("stopline.webhooks")

router = APIRouter(prefix="/webhooks", tags=["webhooks"], route_class=FastRoute)


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}},
    }


class _Answer(Response):
    """Documents a webhook's 200 answer: each provider gets the reply in its own format."""


def _answer_of(media_type: str) -> type[Response]:
    return type(f"Answer_{media_type.replace('/', '_')}", (_Answer,), {"media_type": media_type})


# The 200 answer per provider: inline replies (TwiML, Plivo XML, the generic JSON), else an
# empty body (the reply leaves through the provider's REST API).
_ANSWERS = {"twilio": "text/xml", "plivo": "application/xml", "generic": "application/json"}


_TWILIO_FORM = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "required": ["MessageSid", "From", "To"],
                    "properties": {
                        "MessageSid": {"type": "string"},
                        "From": {"type": "string", "example": "+14155550100"},
                        "To": {"type": "string", "example": "+14155550199"},
                        "Body": {"type": "string", "example": "STOP"},
                        "OptOutType": {"type": "string", "enum": ["STOP", "START", "HELP"]},
                    },
                }
            }
        },
    },
    "parameters": [
        {
            "name": "X-Twilio-Signature",
            "in": "header",
            "required": True,
            "schema": {"type": "string"},
        }
    ],
    "responses": {
        "200": {
            "description": "TwiML",
            "content": {"text/xml": {"schema": {"type": "string"}}},
        },
        "400": _error("Signed, but not a form Stopline can read (field named)"),
        "403": _error("Missing or wrong signature; nothing is recorded"),
        "413": _error("Body larger than the cap; nothing is recorded"),
        "422": _error("Signed, but a number cannot be read (field named)"),
        "500": _error("Not recorded (e.g. the database failed): Twilio retries"),
        "503": _error("STOPLINE_TWILIO_AUTH_TOKEN is not configured"),
    },
}


async def receive(request: FastRequest, name: str) -> FastResponse:
    app = request.stopline
    messaging = app.messaging
    provider = messaging.providers[name]
    try:
        incoming = WebhookRequest(
            url=request.url(app.settings.public_url),
            method=request.scope["method"],
            headers=request.headers,
            body=request.body,
        )
        batch = provider.accept(incoming, app.clock())
        replay = provider.replay_key(incoming)
        digest = messaging.replays.digest(incoming.url, incoming.body) if replay else ""
        if replay is not None and not messaging.replays.claim(replay, digest):
            raise WebhookRejected(
                403, "replayed", "this signature was already used for a different request"
            )
    except WebhookRejected as exc:
        app.metrics.webhook_rejected.labels(name, exc.reason).inc()
        log.warning("%s webhook refused: %s", name, exc.message)
        status, headers = provider.refusal(exc)
        # the /v1 error shape: providers show the body in their webhook logs, and people
        # reading it with curl get what every other Stopline error gives them
        body = error_body(exc.reason, exc.message)
        return FastResponse(status, "application/json", body, headers or None)
    pending: list[Awaitable[Any]] = []
    queued = False
    messages: list[InboundMessage] = []
    commands: list[InboundCommand] = []
    for message in batch.messages:
        if message.part is not None:  # a piece of a long message: read only once whole
            whole = await app.commits.submit_async(app.parts, message)
            if whole is None:
                app.metrics.count_inbound(name, "part")
                continue
            message = whole
        messages.append(message)
    for message in messages:
        profile = await messaging.senders.profile_async(message.to)
        if profile.sender is None and message.service and message.to not in app.senders:
            # a pool number with no registration or settings of its own: its Messaging
            # Service's, where that is registered
            service = await messaging.senders.profile_async(message.service)
            if service.sender is not None:
                profile = service
        classification = app.classifier(message.body, profile.context)
        if not batch.body_signed:
            message, classification = unsigned_body(message, classification)
        message = messaging.answered_by_provider(provider, message, classification)
        policy = profile.policy
        if message.to or (provider.inline_replies and not provider.inline_reply_names_sender):
            route = messaging.reply_route(provider, profile)
        else:  # no address of ours to send a REST reply from: recorded, with no reply
            route, policy = None, replace(policy, can_reply=False)
            log.warning("%s message names no recipient: it gets no reply", name)
        command = InboundCommand(message, classification, policy, route)
        commands.append(command)
        pending.append(app.inbound_writer.record(command))
        queued = queued or route is not None
    for report in batch.statuses:
        # only "the recipient opted out" becomes a draft: honoured even when the body is
        # not signed (the safe side, as for an opt-out message), and marked as such
        draft = status_signal(report, app.policy.opt_out_scope, body_signed=batch.body_signed)
        if draft is not None:
            pending.append(app.commits.submit_async(app.consent, draft))
    try:
        if len(pending) == 1:  # the common case: no gather machinery
            results: list[Any] = [await pending[0]]
        else:
            results = list(await asyncio.gather(*pending))
    except CommitLate:  # answered 503: an inline reply does not go out with it
        if provider.inline_replies:
            for command in commands:
                note_late(app.inbound_writer.record, command)
        raise
    reply: str | None = None
    stopped = [r.recipient or "" for r in batch.statuses]
    for message, result in zip(messages, results, strict=False):  # statuses' results follow
        assert isinstance(result, InboundResult)  # each change is logged where it committed
        app.metrics.count_inbound(name, result.counted)
        reply = reply or result.reply
        if result.action is Action.OPT_OUT:
            stopped.append(message.from_number)
    # an opt-out is acknowledged only once no broadcast send to that number is in flight
    if stopped:
        await messaging.fence.settled(stopped)
    if queued:
        messaging.outbox.wake()
    rendered = provider.render(reply, batch)
    return FastResponse(rendered.status, rendered.media_type, rendered.body)


def unsigned_body(
    message: InboundMessage, classification: Classification
) -> tuple[InboundMessage, Classification]:
    """A request whose signature does not cover the body (Plivo V2) is authentic, but its
    text may have been swapped: an opt-out in it is still honoured (the safe side), while an
    opt-in is only queued for review. The provider's own keyword flag (it has replied
    itself) is kept only where it agrees with Stopline's reading of an opt-out or a HELP:
    at worst a swapped body then gets no reply from Stopline, never a wrong change."""
    message = replace(message, body_signed=False)  # kept as the event's evidence
    keyword = message.provider_keyword
    if keyword is not None and not (
        keyword is classification.action and keyword in (Action.OPT_OUT, Action.HELP)
    ):
        message = replace(message, provider_keyword=None)
    if classification.action is Action.OPT_IN:
        classification = classification._replace(
            action=Action.REVIEW,
            explanation="opt-in from a request whose body is not signed: a person decides",
        )
    return message, classification


_SUMMARIES = {
    "twilio": "Twilio inbound SMS and status callbacks (X-Twilio-Signature)",
    "telnyx": "Telnyx message.received / message.finalized (Ed25519 signature)",
    "vonage": "Vonage Messages API (signed JWT) and legacy SMS API (sig) inbound and receipts",
    "plivo": "Plivo incoming messages and status callbacks (signature V3 or V2)",
    "bandwidth": "Bandwidth Messaging v2 callbacks (JSON array, HTTP Basic)",
    "sinch": "Sinch SMS MO callbacks and delivery reports (HMAC or HTTP Basic)",
    "generic": "Generic signed JSON webhook (X-Stopline-Signature, HMAC-SHA256)",
}
_REFUSED = {
    "400": _error("Authentic, but not a payload Stopline can read (field named)"),
    "401": _error("Missing or wrong Basic credentials; nothing is recorded"),
    "403": _error("Missing or wrong signature, or a stale timestamp; nothing recorded"),
    "413": _error("Body larger than the cap; nothing is recorded"),
    "422": _error("Authentic, but a number cannot be read (field named)"),
    "500": _error("Not recorded (e.g. the database failed): the provider retries"),
    "503": _error("This provider's webhook key is not configured"),
}


def _register(name: str, method: str, summary: str, extra: dict[str, Any]) -> None:
    async def handle(request: FastRequest) -> FastResponse:
        return await receive(request, name)

    async def endpoint() -> None:
        """Documents the route; requests are served by `receive` (see `api.fast`)."""
        raise NotImplementedError

    suffix = "" if method == "POST" else f"_{method.lower()}"
    endpoint.__name__ = f"{name}_webhook{suffix}"
    media = _ANSWERS.get(name, "text/plain")
    answer: dict[str, Any] = {"description": "Recorded (or a retry of a message recorded)"}
    if name == "generic":
        reply = {"type": "object", "properties": {"reply": {"type": ["string", "null"]}}}
        answer["content"] = {media: {"schema": reply}}
    else:
        answer["content"] = {media: {"schema": {"type": "string"}}}
    router.add_api_route(
        f"/{name}",
        served_by(handle)(endpoint),
        methods=[method],
        summary=summary,
        operation_id=endpoint.__name__,
        response_class=_answer_of(media),
        responses={200: answer},
        openapi_extra=extra,
    )


for _name in WEBHOOK_PROVIDERS:
    _register(
        _name,
        "POST",
        _SUMMARIES[_name],
        _TWILIO_FORM if _name == "twilio" else {"responses": _REFUSED},
    )
_register(
    "twilio",
    "GET",
    "Twilio inbound SMS and status callbacks sent as GET (the URL and its query signed)",
    {"responses": _REFUSED},
)
_register(
    "plivo",
    "GET",
    "Plivo incoming messages and status callbacks sent as GET (message_method GET)",
    {"responses": _REFUSED},
)
_register(
    "vonage",
    "GET",
    "Vonage legacy SMS API inbound and receipts sent as GET (sig in the query)",
    {"responses": _REFUSED},
)
