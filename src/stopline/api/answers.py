"""The shapes of answers that routes write themselves (orjson, no response model on the hot
path): declared here so that the OpenAPI document, and the clients generated from it, know
them. `tests/integration/providers/test_openapi_answers.py` holds each route's real answers
to these models, extra fields refused."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from stopline.api.schemas import ErrorDetail, ErrorOut


class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Health(_Answer):
    status: Literal["ok", "unavailable"]
    database: str | None = Field(None, description="The error's type, when unavailable")
    writer: str | None = Field(None, description="'stopped' when the inbound writer is down")


class SenderOut(_Answer):
    address: str
    provider: str
    brand: str | None
    topics: list[str]
    locale: str | None
    account: str | None
    rate_per_second: float | None = None


class SenderAdded(SenderOut):
    warnings: list[str] = Field(
        default_factory=list,
        description="Problems that do not stop the registration, e.g. credentials not found",
    )


class Senders(_Answer):
    items: list[SenderOut]


class SenderRemoved(_Answer):
    removed: str = Field(description="The registered address that was removed")


class MessageOut(_Answer):
    status: Literal["sent", "blocked", "opted_out", "failed", "deferred"]
    to: str | None = Field(description="E.164")
    provider: str | None
    provider_message_id: str | None
    error_code: str | None = Field(description="The provider's error code, when it refused")
    detail: str | None
    scope: str | None = Field(None, description="The opt-out that blocked it, when blocked")
    not_before: str | None = Field(
        None, description="When deferred: the first moment it may be sent (ISO 8601, UTC)"
    )
    text: str | None = Field(
        None,
        description="When the text was made compliant (a topic that is not exempt is "
        "marketing: the sender's brand and how to opt out are added): what was sent",
    )
    fixed: list[str] | None = Field(None, description="What was added to the text, and why")


class AudienceOut(_Answer):
    added: int
    duplicates: int
    invalid: int
    invalid_examples: list[dict[str, str]] = Field(
        description="Up to 100 entries that are not numbers: {input, reason}"
    )


class CampaignOut(_Answer):
    id: int
    name: str
    sender: str
    topic: str | None
    status: Literal["draft", "sending", "paused", "done", "cancelled", "external"]
    template: str = Field(description="As written")
    body: str = Field(description="As sent: brand and opt-out instructions added if missing")
    locale: str | None
    rate_per_second: float | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    recipients: dict[str, int] | None = Field(
        None, description="Recipients per status (pending, sent, suppressed, …)"
    )


class LintFinding(_Answer):
    code: str
    severity: str
    message: str


class LintOut(_Answer):
    changed: bool = Field(description="Whether the template was changed to comply")
    findings: list[LintFinding]


class CampaignCreated(CampaignOut):
    lint: LintOut
    audience: AudienceOut


class CampaignList(_Answer):
    items: list[CampaignOut]


class PreviewOut(_Answer):
    campaign: CampaignOut
    recipients: int
    suppressed: int
    sendable_now: int
    deferred_quiet_hours: int
    deferred_cap: int
    encoding: Literal["GSM-7", "UCS-2"]
    units: int
    non_gsm_characters: list[str]
    segments_per_message: int
    segments_total: int
    rate_per_second: float
    estimated_seconds: float
    quiet_hours_during_send: int = Field(
        description="Sendable now, but their quiet hours begin before their turn at the rate"
    )
    estimated_seconds_to_finish: float | None
    estimated_finish: datetime | None
    estimate_complete: bool


class SendProblem(_Answer):
    index: int
    field: str
    message: str


class SendsOut(_Answer):
    recorded: int
    duplicates: int
    errors: list[SendProblem] = Field(description="Sends not recorded, each on its own")


class SendsRefused(_Answer):
    """A batch with nothing usable (every send refused), or an invalid body (then only
    ``error`` and ``detail``, as every error answer)."""

    recorded: int = 0
    duplicates: int = 0
    errors: list[SendProblem] = Field(default_factory=list)
    error: ErrorDetail = Field(description="The first problem, as every error names it")
    detail: list[dict[str, Any]] | None = None


class InsightEvent(_Answer):
    id: int
    kind: str = Field(examples=["opt_out_spike"])
    subject: str
    payload: dict[str, Any]
    created_at: datetime


class InsightEvents(_Answer):
    items: list[InsightEvent]
    next_after: int = Field(description="Pass as `after` for the next page")


class CampaignFigures(_Answer):
    campaign_id: int
    name: str
    sender: str
    topic: str | None
    first_sent: datetime
    last_sent: datetime
    sends: int
    opt_outs: int
    rate: float
    ci_low: float
    ci_high: float
    baseline: float | None
    p_value: float | None
    adjusted_p: float | None
    flagged: bool
    reason: str = Field(description="Why flagged, why not, or why not tested")


class CampaignReport(_Answer):
    generated_at: datetime
    window_hours: float
    alpha: float
    min_sends: int
    opt_outs: int
    attributed: int
    campaigns: list[CampaignFigures]
    new_spikes: list[int] = Field(description="Campaigns whose spike event this report emitted")


class SweepOut(_Answer):
    escalated: list[int] = Field(description="Review items escalated by this sweep")
    defaulted: list[int] = Field(description="Review items decided by their deadline default")


def error(description: str) -> dict[str, Any]:
    """A `responses` entry for an error answer."""
    return {"model": ErrorOut, "description": description}


NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: error("Nothing by that id or name (`not_found`)")
}
