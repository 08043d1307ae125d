"""Provider webhooks. Hot path: the raw body is read once, verified, parsed without per-field
validation, classified, and handed to the group-commit writer; the answer leaves only after
the commit."""

from __future__ import annotations

import asyncio
import logging

from fastapi import APIRouter, Request
from starlette.responses import Response

from stopline.api.state import stopline_of
from stopline.domain.phone import mask
from stopline.providers.base import WebhookRejected, WebhookRequest
from stopline.providers.twilio import TwilioProvider
from stopline.services.inbound import InboundCommand

log = logging.getLogger("stopline.webhooks")

router = APIRouter(prefix="/webhooks", tags=["webhooks"])

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
        "200": {"description": "TwiML", "content": {"text/xml": {}}},
        "403": {"description": "Missing or wrong signature; nothing is recorded"},
    },
}


def public_url(request: Request) -> str:
    """The URL the provider signed: STOPLINE_PUBLIC_URL + path + query, when configured."""
    base = stopline_of(request).settings.public_url
    if not base:
        return str(request.url)
    query = request.url.query
    return base.rstrip("/") + request.url.path + (f"?{query}" if query else "")


async def webhook_request(request: Request) -> WebhookRequest:
    return WebhookRequest(
        url=public_url(request),
        method=request.method,
        headers={k.lower(): v for k, v in request.headers.items()},
        body=await request.body(),
    )


@router.post("/twilio", summary="Twilio inbound SMS webhook", openapi_extra=_TWILIO_FORM)
async def twilio_inbound(request: Request) -> Response:
    app = stopline_of(request)
    provider: TwilioProvider = request.app.state.twilio
    try:
        incoming = await webhook_request(request)
        form = provider.form(incoming)
        provider.verify(incoming, form)
        message = provider.parse(incoming, app.clock(), form)
    except WebhookRejected as exc:
        app.metrics.webhook_rejected.labels("twilio", exc.reason).inc()
        log.warning("twilio webhook refused: %s", exc.message)
        return Response(exc.message, status_code=exc.status, media_type="text/plain")
    classification = app.classifier(message.body, app.context_for(message.to))
    command = InboundCommand(message, classification, app.policy_for(message.to))
    result = await asyncio.wrap_future(app.commits.submit(app.inbound, command))
    app.metrics.inbound.labels("twilio", result.outcome.value).inc()
    if not result.duplicate and result.event_id is not None:
        log.info(
            "consent change recorded",
            extra={
                "provider": "twilio",
                "number": mask(message.from_number),
                "outcome": result.outcome.value,
                "event_id": result.event_id,
            },
        )
    rendered = provider.render(result.reply)
    return Response(rendered.body, media_type=rendered.media_type)
