"""Provider webhooks. Hot path: the raw body is read once, verified, parsed without per-field
validation, classified, and handed to the group-commit writer; the answer leaves only after
the commit."""

from __future__ import annotations

import logging

from fastapi import APIRouter

from stopline.api.fast import FastRequest, FastResponse, FastRoute, served_by
from stopline.domain.phone import mask
from stopline.providers.base import WebhookRejected, WebhookRequest
from stopline.providers.twilio import TwilioProvider
from stopline.services.inbound import InboundCommand

log = logging.getLogger("stopline.webhooks")

router = APIRouter(prefix="/webhooks", tags=["webhooks"], route_class=FastRoute)

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


async def _twilio(request: FastRequest) -> FastResponse:
    app = request.stopline
    provider: TwilioProvider = request.state.twilio
    try:
        incoming = WebhookRequest(
            url=request.url(app.settings.public_url),
            method=request.scope["method"],
            headers=request.headers,
            body=request.body,
        )
        pairs = provider.form(incoming)
        provider.verify(incoming, pairs)
        message = provider.parse(pairs, app.clock())
    except WebhookRejected as exc:
        app.metrics.webhook_rejected.labels("twilio", exc.reason).inc()
        log.warning("twilio webhook refused: %s", exc.message)
        return FastResponse(exc.status, "text/plain; charset=utf-8", exc.message.encode())
    classification = app.classifier(message.body, app.context_for(message.to))
    command = InboundCommand(message, classification, app.policy_for(message.to))
    result = await app.commits.submit_async(app.inbound, command)
    app.metrics.count_inbound("twilio", result.outcome.value)
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
    return FastResponse(200, rendered.media_type, rendered.body)


@router.post("/twilio", summary="Twilio inbound SMS webhook", openapi_extra=_TWILIO_FORM)
@served_by(_twilio)
async def twilio_inbound() -> None:
    """Documents the route; requests are served by `_twilio` (see `api.fast`)."""
    raise NotImplementedError
