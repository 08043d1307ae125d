"""The sender registry API (``/v1/senders``) and outbound sends (``/v1/messages``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from stopline.api.answers import (
    NOT_FOUND,
    MessageOut,
    SenderAdded,
    SenderOut,
    SenderRemoved,
    Senders,
    error,
)
from stopline.api.auth import require
from stopline.api.errors import ApiError, dumps, invalid_field
from stopline.api.schemas import V1_ERRORS
from stopline.api.state import stopline_of
from stopline.domain.content import LintResult
from stopline.domain.instants import utc_text
from stopline.services import senders
from stopline.services.keys import KeyScope, Principal
from stopline.services.outbound import SendError, SendOutcome, SendStatus
from stopline.storage import senders as senders_repo
from stopline.storage.senders import SenderRow

router = APIRouter(prefix="/v1", tags=["providers"], responses=V1_ERRORS)
AdminKey = Annotated[Principal, Depends(require(KeyScope.ADMIN))]
WriteKey = Annotated[Principal, Depends(require(KeyScope.WRITE))]


class SenderIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    address: str = Field(max_length=64, examples=["+14155550199", "12345", "MG0123…"])
    provider: str = Field(max_length=32, examples=["twilio"])
    brand: str | None = Field(None, max_length=200)
    topics: list[str] = Field(default_factory=list, max_length=50)
    locale: str | None = Field(None, max_length=16, examples=["en-US", "fr-CA"])
    account: str | None = Field(
        None,
        max_length=64,
        description="Name of the credentials (secrets file or STOPLINE_ACCOUNT_NAME_*), "
        "never the credentials themselves; empty = the provider's default account",
    )
    rate_per_second: float | None = Field(
        None,
        gt=0,
        le=10_000,
        description="Broadcast messages per second from it, shared by its campaigns that set "
        "no rate of their own (default STOPLINE_BROADCAST_RATE_PER_SECOND)",
    )


class MessageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    to: str = Field(max_length=64)
    text: str = Field(min_length=1, max_length=1600)
    sender: str = Field(max_length=64, description="A registered sending address")
    topic: str | None = Field(None, max_length=100)
    idempotency_key: str | None = Field(None, max_length=150)


def _json(payload: Any, status: int = 200) -> Response:
    return Response(dumps(payload), status_code=status, media_type="application/json")


def _sender_json(row: SenderRow) -> dict[str, Any]:
    return SenderOut(
        address=row.address,
        provider=row.provider,
        brand=row.brand,
        topics=list(row.topics),
        locale=row.locale,
        account=row.account,
        rate_per_second=row.rate_per_second,
    ).model_dump()


@router.get("/senders", summary="Registered senders", responses={200: {"model": Senders}})
async def list_senders(request: Request, _key: AdminKey) -> Response:
    app = stopline_of(request)

    def load() -> list[SenderRow]:
        with app.engine.connect() as conn:
            return senders_repo.all_senders(conn)

    rows = await run_in_threadpool(load)
    return _json({"items": [_sender_json(r) for r in rows]})


@router.post(
    "/senders",
    status_code=201,
    summary="Register a sending address",
    responses={
        201: {"model": SenderAdded, "description": "Registered"},
        409: error("Already registered (`conflict`)"),
    },
)
async def add_sender(body: SenderIn, request: Request, _key: AdminKey) -> Response:
    app = stopline_of(request)
    try:
        row = senders.new_sender(
            body.address,
            body.provider,
            brand=body.brand,
            topics=body.topics,
            locale=body.locale,
            account=body.account,
            region=app.settings.default_region,
            rate_per_second=body.rate_per_second,
        )
    except senders.InvalidSender as exc:
        raise invalid_field(exc.field, str(exc).split(": ", 1)[-1]) from None
    try:
        await run_in_threadpool(senders.add, app.engine, row, app.clock())
    except senders.AlreadyRegistered as exc:
        raise ApiError(409, "conflict", str(exc), field="address") from None
    app.messaging.senders.invalidate()
    warning = senders.credentials_warning(app.messaging.accounts, row)
    return _json({**_sender_json(row), "warnings": [warning] if warning else []}, 201)


@router.delete(
    "/senders/{address}",
    summary="Unregister a sending address",
    responses={
        200: {"model": SenderRemoved},
        **NOT_FOUND,
        409: error("A campaign from it is sending or paused (`sender_in_use`)"),
    },
)
async def remove_sender(
    request: Request, _key: AdminKey, address: Annotated[str, Path(max_length=64)]
) -> Response:
    app = stopline_of(request)
    try:
        removed = await run_in_threadpool(
            senders.remove, app.engine, address, app.settings.default_region
        )
    except senders.SenderInUse as exc:
        raise ApiError(409, "sender_in_use", str(exc), field="address", location="path") from None
    if removed is None:
        raise ApiError(404, "not_found", f"no sender {address}", field="address", location="path")
    app.messaging.senders.invalidate()
    return _json({"removed": removed})


@router.post(
    "/messages",
    summary="Send an SMS through the sender's provider, after the send gate",
    status_code=202,
    responses={
        202: {"model": MessageOut, "description": "Accepted by the provider (`sent`)"},
        409: {
            "model": MessageOut,
            "description": "Not sent: the recipient opted out (`blocked` by the gate, or "
            "`opted_out` by the provider's answer), or, for a message with a topic that is not "
            "exempt, quiet hours or the frequency cap hold it (`deferred`, with `not_before`)",
        },
        502: {"model": MessageOut, "description": "The provider refused it (`failed`)"},
    },
)
async def send_message(body: MessageIn, request: Request, _key: WriteKey) -> Response:
    app = stopline_of(request)

    def lint_and_send() -> tuple[LintResult | None, SendOutcome]:  # the sender registry and
        # the gate may read the database: off the event loop
        linted = app.messaging.campaigns.one_off_text(body.sender, body.topic, body.text)
        if linted is not None and linted.refused:
            problems = "; ".join(f.message for f in linted.findings if f.severity == "refused")
            raise invalid_field("text", f"refused: {problems}")
        text = linted.text if linted is not None else body.text
        outcome = app.messaging.outbound.send(
            body.to, text, body.sender, topic=body.topic, idempotency_key=body.idempotency_key
        )
        return linted, outcome

    try:
        linted, outcome = await run_in_threadpool(lint_and_send)
    except SendError as exc:
        raise invalid_field(exc.field, str(exc).split(": ", 1)[-1]) from None
    result = outcome.result
    payload: dict[str, Any] = {
        "status": outcome.status.value,
        "to": outcome.number,
        "provider": outcome.provider,
        "provider_message_id": result.provider_message_id if result else None,
        "error_code": result.error_code if result else None,
        "detail": result.detail if result else None,
    }
    if linted is not None and linted.changed:  # what was (or would be) sent, and why
        payload["text"] = linted.text
        payload["fixed"] = [f.message for f in linted.findings if f.severity == "fixed"]
    if outcome.decision is not None and outcome.decision.scope is not None:
        payload["scope"] = str(outcome.decision.scope)
    if outcome.status is SendStatus.DEFERRED and outcome.not_before is not None:
        payload["not_before"] = utc_text(outcome.not_before)
        payload["detail"] = (
            f"not sent: {outcome.why_deferred} for "
            f"topic {body.topic!r}; send it from {utc_text(outcome.not_before)} (topics in "
            "STOPLINE_EXEMPT_TOPICS, and sends with no topic, are exempt)"
        )
    status = {
        SendStatus.SENT: 202,
        SendStatus.BLOCKED: 409,
        SendStatus.OPTED_OUT: 409,
        SendStatus.DEFERRED: 409,
        SendStatus.FAILED: 502,
    }[outcome.status]
    return _json(payload, status)
