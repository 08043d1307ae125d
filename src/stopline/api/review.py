"""The review queue API: list unclear inbound messages, decide them, run a sweep.

Reading and deciding need a ``write`` key (``admin`` implies it): review items carry the
people's own words."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from starlette.responses import Response

from stopline.api.answers import NOT_FOUND, SweepOut, error
from stopline.api.auth import require
from stopline.api.consent import json, read
from stopline.api.errors import ApiError, invalid_field
from stopline.api.schemas import V1_ERRORS
from stopline.api.state import stopline_of
from stopline.bootstrap import Stopline
from stopline.domain.consent import Scope
from stopline.domain.instants import utc_text
from stopline.domain.review import Decision
from stopline.services.keys import KeyScope, Principal
from stopline.services.review import ReviewDecision, SweepReport, log_report
from stopline.storage import review as repo
from stopline.storage.cursors import decode_cursor, encode_cursor
from stopline.storage.review import ReviewItem
from stopline.storage.tables import MAX_ID

log = logging.getLogger("stopline.review")

router = APIRouter(prefix="/v1/review", tags=["review"], responses=V1_ERRORS)
WriteKey = Annotated[Principal, Depends(require(KeyScope.WRITE))]
AdminKey = Annotated[Principal, Depends(require(KeyScope.ADMIN))]
STATUSES = {"open": ["open"], "closed": ["decided", "defaulted"], "all": None}
STATUSES |= {"decided": ["decided"], "defaulted": ["defaulted"]}


class ReviewItemOut(BaseModel):
    id: int
    status: Literal["open", "decided", "defaulted"]
    number: str
    sender: str
    text: str
    received_at: datetime
    due_at: datetime = Field(description="Legal deadline: 10 US business days after receipt")
    escalate_at: datetime
    default_at: datetime = Field(description="When the configured default is applied")
    escalated: bool
    reading: dict[str, Any] = Field(description="rule, language and confidence of the engine")
    decision: Literal["opt_out", "no_action", "opt_in"] | None = None
    decided_at: datetime | None = None
    decided_by: str | None = None
    note: str | None = None
    event_id: int | None = None
    provider: str
    provider_message_id: str


class ReviewPageOut(BaseModel):
    items: list[ReviewItemOut]
    next_cursor: str | None


def _snake(value: object) -> object:
    """The CLI's spelling ("opt-out", "No-Action") read as the API's ("opt_out")."""
    return value.strip().lower().replace("-", "_") if isinstance(value, str) else value


class DecisionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Annotated[Literal["opt_out", "no_action", "opt_in"], BeforeValidator(_snake)] = Field(
        description="opt_out, no_action, or opt_in (honours a START that could not be "
        "honoured unseen); the CLI's opt-out, no-action and opt-in are read too"
    )
    note: str | None = Field(None, max_length=2000)
    actor: str | None = Field(
        None, max_length=200, description="Who decided (default: the API key's name)"
    )
    scope: str = Field("organisation", max_length=200, description="Scope of the opt-out or opt-in")


class DecisionOut(BaseModel):
    item: ReviewItemOut
    event_id: int | None = Field(description="The consent event recorded, if any")
    changed: bool = Field(
        description="False when nothing changed (already opted out, or not opted out)"
    )
    superseded_by: datetime | None = Field(
        None,
        description="When nothing was recorded because a newer opt-out or opt-in is in "
        "force: that statement's time",
    )


def item_json(item: ReviewItem) -> dict[str, Any]:
    out = ReviewItemOut(
        id=item.id,
        status=item.status,
        number=item.number,
        sender=item.sender,
        text=item.body,
        received_at=item.received_at,
        due_at=item.due_at,
        escalate_at=item.escalate_at,
        default_at=item.default_at,
        escalated=item.escalated_at is not None,
        reading={"rule": item.rule, "language": item.language, "confidence": item.confidence},
        decision=item.decision,
        decided_at=item.decided_at,
        decided_by=item.decided_by,
        note=item.note,
        event_id=item.event_id,
        provider=item.provider,
        provider_message_id=item.provider_message_id,
    )
    return out.model_dump(mode="json")


@router.get("", response_model=ReviewPageOut, summary="Review items, oldest first")
async def list_items(
    request: Request,
    _key: WriteKey,
    status: Annotated[Literal["open", "closed", "decided", "defaulted", "all"], Query()] = "open",
    escalated: Annotated[bool | None, Query(description="Only (not) escalated items")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    cursor: Annotated[str | None, Query(max_length=32)] = None,
) -> Response:
    app = stopline_of(request)
    after = None
    if cursor is not None:
        try:
            after = decode_cursor(cursor)
        except ValueError as exc:
            raise invalid_field("cursor", str(exc), location="query") from None
    rows = await read(
        app,
        lambda conn: repo.page(
            conn, statuses=STATUSES[status], limit=limit, after=after, escalated=escalated
        ),
    )
    more = len(rows) > limit
    items = rows[:limit]
    next_cursor = encode_cursor(items[-1].id) if more and items else None
    return json({"items": [item_json(i) for i in items], "next_cursor": next_cursor})


@router.get(
    "/{item_id}", response_model=ReviewItemOut, summary="One review item", responses=NOT_FOUND
)
async def get_item(
    request: Request, _key: WriteKey, item_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> Response:
    app = stopline_of(request)
    item = await read(app, lambda conn: repo.get(conn, item_id))
    if item is None:
        raise ApiError(404, "not_found", f"no review item #{item_id}")
    return json(item_json(item))


@router.post(
    "/{item_id}/decision",
    response_model=DecisionOut,
    summary="Decide a review item: opt_out or opt_in records it (source review, actor you)",
    responses={**NOT_FOUND, 409: error("Already decided (`already_decided`)")},
)
async def decide_item(
    body: DecisionRequest,
    request: Request,
    key: WriteKey,
    item_id: Annotated[int, Path(ge=1, le=MAX_ID)],
) -> Response:
    app = stopline_of(request)
    try:
        scope = Scope.canonical(body.scope, app.settings.default_region)
    except ValueError as exc:
        raise invalid_field("scope", str(exc)) from None
    decision = ReviewDecision(
        item_id, Decision(body.decision), body.actor or key.actor, body.note, scope
    )
    result = await app.commits.submit_async(app.reviews, decision)
    if result.outcome == "not_found" or result.item is None:
        raise ApiError(404, "not_found", f"no review item #{item_id}")
    if result.changed and decision.decision is Decision.OPT_OUT:
        # acknowledged only once no broadcast send to that number is in flight
        await app.messaging.fence.settled([result.item.number])
    if result.outcome == "already_decided":
        raise ApiError(
            409,
            "already_decided",
            f"review item #{item_id} was already {result.item.status} "
            f"({result.item.decision} by {result.item.decided_by})",
        )
    superseded = utc_text(result.superseded_by) if result.superseded_by else None
    return json(
        {
            "item": item_json(result.item),
            "event_id": result.event_id,
            "changed": result.changed,
            "superseded_by": superseded,
        }
    )


@router.post(
    "/sweep",
    summary="Escalate and apply deadline defaults now (admin)",
    responses={200: {"model": SweepOut}},
)
async def sweep_now(request: Request, _key: AdminKey) -> Response:
    report = await run_sweep(stopline_of(request))
    return json(
        {
            "escalated": report.escalated,
            "defaulted": [r.item_id for r in report.defaulted],
        }
    )


async def run_sweep(app: Stopline, *, wait: bool = False) -> SweepReport:
    """``wait``: the periodic sweep waits for its commit however long it takes, so its
    alerts and metrics are never skipped for a commit that landed late."""
    report: SweepReport = await app.commits.submit_async(app.sweeper, app.clock(), wait=wait)
    await app.messaging.fence.settled(report.opted_out)  # as every opt-out's answer does
    log_report(report)
    app.metrics.review_escalated.inc(len(report.escalated))
    app.metrics.review_defaulted.inc(len(report.defaulted))
    return report


async def sweep_forever(app: Stopline, every: float) -> None:
    """Run the sweep every ``every`` seconds until cancelled; a failure is logged and the
    next round runs as usual."""
    while True:
        await asyncio.sleep(every)
        try:
            await run_sweep(app, wait=True)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("review sweep failed")


@contextlib.asynccontextmanager
async def periodic_sweep(app: Stopline) -> Any:
    """Background sweeps for the app's lifetime (off when review_sweep_seconds is 0)."""
    every = app.settings.review_sweep_seconds
    task = asyncio.create_task(sweep_forever(app, every)) if every > 0 else None
    try:
        yield
    finally:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
