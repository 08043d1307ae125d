"""Campaigns and broadcasts (``/v1/campaigns``), sends reported by other platforms
(``/v1/sends``) and insight events (``/v1/events``)."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Annotated, Any, Literal

import orjson
from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from stopline.api.answers import (
    NOT_FOUND,
    AudienceOut,
    CampaignCreated,
    CampaignList,
    CampaignOut,
    CampaignReport,
    InsightEvents,
    PreviewOut,
    SendsOut,
    SendsRefused,
    error,
)
from stopline.api.auth import require
from stopline.api.errors import ApiError, dumps
from stopline.api.schemas import V1_ERRORS, Instant, NumberText
from stopline.api.state import stopline_of
from stopline.domain.campaigns import CampaignError, Preview
from stopline.domain.content import LintResult, OnMissingOptOut
from stopline.domain.instants import utc_text
from stopline.services.campaign_settings import MAX_WINDOW_HOURS
from stopline.services.campaigns import (
    AudienceResult,
    Campaigns,
    ReportedSend,
    numbers_from_csv,
)
from stopline.services.imports import ENCODING_SAMPLE, text_encoding
from stopline.services.insight import campaign_report, report_json
from stopline.services.keys import KeyScope, Principal
from stopline.storage import campaigns as repo
from stopline.storage.campaigns import CampaignRow
from stopline.storage.tables import MAX_ID

router = APIRouter(prefix="/v1", tags=["campaigns"], responses=V1_ERRORS)
WriteKey = Annotated[Principal, Depends(require(KeyScope.WRITE))]
Ref = Annotated[str, Path(max_length=200, description="Campaign id or name")]


class CampaignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=200, examples=["spring-sale"])
    sender: str = Field(max_length=64, description="A registered sending address")
    template: str = Field(min_length=1, max_length=1600, examples=["Spring sale: 20% off!"])
    topic: str | None = Field(None, max_length=100, examples=["promo"])
    locale: str | None = Field(None, max_length=16, examples=["en-US", "fr-CA"])
    on_missing_opt_out: Literal["add", "refuse"] | None = Field(
        None, description="Default: STOPLINE_MISSING_OPT_OUT"
    )
    rate_per_second: float | None = Field(None, gt=0, le=10_000)
    numbers: list[NumberText] = Field(
        default_factory=list, max_length=100_000, description="The audience (any format)"
    )


class AudienceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    numbers: list[NumberText] = Field(max_length=100_000)


class SendIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    campaign: str = Field(max_length=200, description="Campaign name (created if new)")
    number: str = Field(max_length=64)
    sent_at: Instant = Field(description="When it was sent, with its UTC offset")
    sender: str | None = Field(None, max_length=64, description="Needed for a new campaign")
    topic: str | None = Field(None, max_length=100)
    id: str | None = Field(None, max_length=150, description="Your message id (idempotency)")


class SendsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sends: list[SendIn] = Field(min_length=1, max_length=10_000)


def _json(payload: Any, status: int = 200) -> Response:
    return Response(dumps(payload), status_code=status, media_type="application/json")


def _campaigns(request: Request) -> Campaigns:
    return stopline_of(request).messaging.campaigns


def _error(exc: CampaignError) -> ApiError:
    codes = {404: "not_found", 409: "conflict", 422: "invalid"}
    message = exc.message.replace("with --column", "with the 'column' query parameter")
    # A campaign is named in the URL's path (its parameter `ref`), the CSV column in its
    # query; the rest is body.
    location = {"campaign": "path", "column": "query"}.get(exc.field, "body")
    field = "ref" if exc.field == "campaign" else exc.field
    return ApiError(
        exc.status, codes.get(exc.status, "invalid"), message, field=field, location=location
    )


def _audience_problem(exc: ValidationError) -> ApiError:
    """A JSON audience body that is not ``{"numbers": [...]}``: its first problem, named."""
    first = exc.errors()[0]
    field = ".".join(str(p) for p in first["loc"]) or None
    if first["type"] == "json_invalid" or field is None:
        reason = (first.get("ctx") or {}).get("error") or first["msg"]
        problem = (
            f"not valid JSON: {reason}" if first["type"] == "json_invalid" else "not an object"
        )
        message = (
            'give JSON {"numbers": [...]} or a CSV body with Content-Type text/csv '
            f"(the body is {problem})"
        )
        return ApiError(422, "invalid_json", message)
    message = f"{field}: {first['msg'].removeprefix('Value error, ')}"
    return ApiError(422, "invalid_request", message, field=field)


def campaign_json(row: CampaignRow, counts: dict[str, int] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": row.id,
        "name": row.name,
        "sender": row.sender,
        "topic": row.topic,
        "status": row.status.value,
        "template": row.template,
        "body": row.body,
        "locale": row.locale,
        "rate_per_second": row.rate_per_second,
        "created_at": row.created_at,
        "started_at": row.started_at,
        "finished_at": row.finished_at,
    }
    if counts is not None:
        out["recipients"] = counts
    return out


def lint_json(result: LintResult) -> dict[str, Any]:
    return {
        "changed": result.changed,
        "findings": [
            {"code": f.code, "severity": f.severity.value, "message": f.message}
            for f in result.findings
        ],
    }


def audience_json(result: AudienceResult) -> dict[str, Any]:
    return {
        "added": result.added,
        "duplicates": result.duplicates,
        "invalid": result.invalid_count,
        "invalid_examples": [{"input": i, "reason": r} for i, r in result.invalid[:100]],
    }


def preview_json(preview: Preview) -> dict[str, Any]:
    finish = preview.timeline.finishes_at
    return {
        "recipients": preview.recipients,
        "suppressed": preview.suppressed,
        "sendable_now": preview.sendable_now,
        "deferred_quiet_hours": preview.deferred_quiet_hours,
        "deferred_cap": preview.deferred_cap,
        "encoding": preview.encoding.name,
        "units": preview.encoding.units,
        "non_gsm_characters": list(preview.encoding.non_gsm),
        "segments_per_message": preview.segments_per_message,
        "segments_total": preview.segments_total,
        "rate_per_second": preview.rate_per_second,
        "estimated_seconds": preview.seconds_at_rate,
        "quiet_hours_during_send": preview.closing_during_send,
        "estimated_seconds_to_finish": preview.seconds_to_finish,
        "estimated_finish": utc_text(finish) if (finish := preview.timeline.finishes_at) else None,
        "estimate_complete": preview.timeline.complete,
    }


@router.post(
    "/campaigns",
    status_code=201,
    summary="Create a campaign (draft)",
    responses={201: {"model": CampaignCreated}, 409: error("The name is taken (`conflict`)")},
)
async def create_campaign(body: CampaignIn, request: Request, _key: WriteKey) -> Response:
    campaigns = _campaigns(request)
    mode = OnMissingOptOut(body.on_missing_opt_out) if body.on_missing_opt_out else None

    def work() -> dict[str, Any]:
        created = campaigns.create(
            body.name,
            body.sender,
            body.template,
            topic=body.topic,
            locale=body.locale,
            on_missing_opt_out=mode,
            rate_per_second=body.rate_per_second,
        )
        audience = campaigns.add_audience(created.campaign.id, body.numbers)
        return {
            **campaign_json(created.campaign, campaigns.counts(created.campaign.id)),
            "lint": lint_json(created.lint),
            "audience": audience_json(audience),
        }

    try:
        return _json(await run_in_threadpool(work), 201)
    except CampaignError as exc:
        raise _error(exc) from None


@router.get("/campaigns", summary="Every campaign", responses={200: {"model": CampaignList}})
async def list_campaigns(request: Request, _key: WriteKey) -> Response:
    rows = await run_in_threadpool(_campaigns(request).all)
    return _json({"items": [campaign_json(r) for r in rows]})


@router.get(
    "/campaigns/{ref}",
    summary="One campaign with its recipients per status",
    responses={200: {"model": CampaignOut}, **NOT_FOUND},
)
async def get_campaign(ref: Ref, request: Request, _key: WriteKey) -> Response:
    campaigns = _campaigns(request)

    def work() -> dict[str, Any]:
        row = campaigns.find(ref)
        return campaign_json(row, campaigns.counts(row.id))

    try:
        return _json(await run_in_threadpool(work))
    except CampaignError as exc:
        raise _error(exc) from None


@router.post(
    "/campaigns/{ref}/audience",
    summary="Add recipients: JSON {numbers: [...]} or a CSV body (text/csv, phone column)",
    responses={
        200: {"model": AudienceOut},
        **NOT_FOUND,
        409: error("The campaign is no longer a draft or paused (`conflict`)"),
    },
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {"schema": AudienceIn.model_json_schema()},
                "text/csv": {"schema": {"type": "string"}},
            }
        }
    },
)
async def add_audience(
    ref: Ref,
    request: Request,
    _key: WriteKey,
    column: Annotated[str | None, Query(max_length=100)] = None,
) -> Response:
    campaigns = _campaigns(request)
    raw = await request.body()
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "text/csv":
        numbers: Any = None
        text = raw.decode(
            text_encoding(raw[:ENCODING_SAMPLE]), errors="replace"
        )  # or UTF-16, cp1252
    else:
        try:
            numbers = AudienceIn.model_validate_json(raw).numbers
        except ValidationError as exc:
            raise _audience_problem(exc) from None
        text = ""

    def work() -> dict[str, Any]:
        row = campaigns.find(ref)
        source = (
            numbers
            if numbers is not None
            else numbers_from_csv(io.StringIO(text, newline=None), column, campaigns.region)
        )
        return audience_json(campaigns.add_audience(row.id, source))

    try:
        return _json(await run_in_threadpool(work))
    except CampaignError as exc:
        raise _error(exc) from None


@router.get(
    "/campaigns/{ref}/preview",
    summary="What sending now would do (changes nothing)",
    responses={200: {"model": PreviewOut}, **NOT_FOUND},
)
async def preview_campaign(ref: Ref, request: Request, _key: WriteKey) -> Response:
    campaigns = _campaigns(request)

    def work() -> dict[str, Any]:
        row = campaigns.find(ref)
        return {"campaign": campaign_json(row), **preview_json(campaigns.preview(row.id))}

    try:
        return _json(await run_in_threadpool(work))
    except CampaignError as exc:
        raise _error(exc) from None


def _transition(action: Literal["send", "pause", "cancel"]) -> Any:
    async def handler(ref: Ref, request: Request, _key: WriteKey) -> Response:
        graph = stopline_of(request)
        campaigns = graph.messaging.campaigns

        def work() -> dict[str, Any]:
            row = campaigns.find(ref)
            changed = {
                "send": campaigns.start,
                "pause": campaigns.pause,
                "cancel": campaigns.cancel,
            }[action](row.id)
            return campaign_json(changed, campaigns.counts(row.id))

        try:
            payload = await run_in_threadpool(work)
        except CampaignError as exc:
            raise _error(exc) from None
        if action == "send":
            graph.messaging.broadcasts.wake()
        return _json(payload, 202 if action == "send" else 200)

    return handler


_CHANGED = {**NOT_FOUND, 409: error("Not allowed in the campaign's state (`conflict`)")}
router.add_api_route(
    "/campaigns/{ref}/send",
    _transition("send"),
    methods=["POST"],
    status_code=202,
    responses={202: {"model": CampaignOut}, **_CHANGED},
    summary="Start (or resume) sending: every send re-checks the gate at send time",
)
router.add_api_route(
    "/campaigns/{ref}/pause",
    _transition("pause"),
    methods=["POST"],
    summary="Pause sending",
    responses={200: {"model": CampaignOut}, **_CHANGED},
)
router.add_api_route(
    "/campaigns/{ref}/cancel",
    _transition("cancel"),
    methods=["POST"],
    responses={200: {"model": CampaignOut}, **_CHANGED},
    summary="Stop for good: the rest of the queue is cancelled",
)


@router.post(
    "/sends",
    summary="Report messages your own platform sent (for attribution)",
    responses={
        200: {"model": SendsOut, "description": "Each send answered on its own"},
        422: {
            "model": SendsRefused,
            "description": "Nothing usable: every send was refused (or the body is invalid: "
            "then the usual error alone)",
        },
    },
)
async def report_sends(body: SendsIn, request: Request, _key: WriteKey) -> Response:
    campaigns = _campaigns(request)
    items = [
        ReportedSend(s.campaign, s.number, s.sent_at, s.sender, s.topic, s.id) for s in body.sends
    ]
    result = await run_in_threadpool(campaigns.report_sends, items)
    errors = [{"index": i, "field": f, "message": m} for i, f, m in result.errors]
    # Like a batch check, each send is answered on its own: good ones are recorded beside bad
    # ones (200 with "errors"); only a batch with nothing usable is a 422, in the usual shape.
    payload: dict[str, Any] = {
        "recorded": result.recorded,
        "duplicates": result.duplicates,
        "errors": errors,
    }
    if errors and not (result.recorded or result.duplicates):
        first = errors[0]
        field = f"sends.{first['index']}.{first['field']}"
        payload["error"] = {
            "code": "invalid",
            "message": f"{field}: {first['message']}",
            "field": field,
        }
        return _json(payload, 422)
    return _json(payload, 200)


@router.get(
    "/events",
    summary="Insight events (e.g. opt-out spikes) for alerting and CRMs",
    responses={200: {"model": InsightEvents}},
)
async def list_events(
    request: Request,
    _key: WriteKey,
    after: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    graph = stopline_of(request)

    def load() -> list[Any]:
        with graph.engine.connect() as conn:
            return repo.events(conn, after, limit)

    rows = await run_in_threadpool(load)
    items = [
        {
            "id": r.id,
            "kind": r.kind,
            "subject": r.subject,
            "payload": orjson.loads(r.payload),
            "created_at": r.created_at,
        }
        for r in rows
    ]
    return _json({"items": items, "next_after": items[-1]["id"] if items else after})


@router.get(
    "/reports/campaigns",
    summary="Opt-out rate per campaign, spikes flagged",
    responses={200: {"model": CampaignReport}},
)
async def campaign_report_route(
    request: Request,
    _key: WriteKey,
    window_hours: Annotated[float | None, Query(gt=0, le=MAX_WINDOW_HOURS)] = None,
) -> Response:
    graph = stopline_of(request)
    s = graph.settings
    window = timedelta(hours=window_hours) if window_hours else s.attribution_window()
    report = await run_in_threadpool(
        lambda: campaign_report(
            graph.engine,
            graph.clock,
            window=window,
            alpha=s.spike_alpha,
            min_sends=s.spike_min_sends,
        )
    )
    return _json(report_json(report))
