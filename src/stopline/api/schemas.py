"""Request and response bodies of the JSON API (documentation and validation)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from stopline.domain.consent import (
    MAX_ACTOR_LENGTH,
    MAX_NOTE_LENGTH,
    MAX_SENDER_LENGTH,
    MAX_TOPIC_LENGTH,
)
from stopline.domain.language import Action
from stopline.domain.plain_text import has_control_character

_EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
_LATEST = datetime(3000, 1, 1, tzinfo=UTC)


def _plausible(moment: datetime) -> datetime:
    """A time given with its zone must lie in 1970–2999 (UTC): outside that it is a mistake,
    and near the ends of the calendar it cannot even be converted to UTC or have a
    deadline added. (A time without a zone is refused by the route, naming the field.)"""
    if moment.tzinfo is not None:
        try:
            inside = _EARLIEST <= moment < _LATEST
        except OverflowError:
            inside = False
        if not inside:
            raise ValueError("must lie between 1970 and 2999 (UTC)")
    return moment


def _written_out(value: object) -> object:
    """Refuse epoch numbers: pydantic would read ``0`` as 1970 and ``99999999999`` as
    milliseconds, silently dating an opt-out decades away. Times are ISO 8601 text. A space
    before a UTC offset is the "+" of a query string written without %2B (``?since=
    2026-12-04T13:40:21+00:00`` arrives as "…21 00:00"): read as the "+" it was."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError("give an ISO 8601 time with its zone (e.g. 2026-01-31T12:00:00Z)")
    if isinstance(value, str):
        if value.strip().lstrip("+-").replace(".", "", 1).isdigit():
            raise ValueError("give an ISO 8601 time with its zone (e.g. 2026-01-31T12:00:00Z)")
        lost_plus = _LOST_PLUS.fullmatch(value)
        if lost_plus is not None:
            return f"{lost_plus.group(1)}+{lost_plus.group(2)}"
    return value


_LOST_PLUS = re.compile(r"(\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?) (\d\d(?::?\d\d)?)")


Instant = Annotated[datetime, BeforeValidator(_written_out), AfterValidator(_plausible)]


def _plausible_or_ahead(moment: datetime) -> datetime:
    """`_plausible`, except that a time past 2999 (CRMs write 9999-12-31 for "forever") is
    read as 3000-01-01 UTC: far ahead, which the consent route takes as now for an opt-out
    (never refused over its time) and refuses for an opt-in."""
    if moment.tzinfo is not None and moment.year >= 2999:
        try:
            ahead = moment >= _LATEST
        except OverflowError:  # 9999-12-31T23:59-05:00 is past the calendar in UTC
            ahead = True
        if ahead:
            return _LATEST
    return _plausible(moment)


# When a consent statement happened: past the calendar's end is "far ahead", not an error.
StatementTime = Annotated[
    datetime, BeforeValidator(_written_out), AfterValidator(_plausible_or_ahead)
]


def _digits_of_whole(value: object) -> object:
    """A phone number written as a JSON integer (14155550100, no quotes) is read as its
    digits, as the batch check reads it; anything else is left to the string check."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    return value


def _plain_key(key: str) -> str:
    """An evidence name with a NUL or another control character would be stored altered
    (PostgreSQL keeps no NUL), where it could meet another name: refused instead."""
    if has_control_character(key):
        raise ValueError(f"the name {key!r} holds a control character")
    return key


NumberText = Annotated[
    str,
    BeforeValidator(_digits_of_whole),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "maxLength": 64}, {"type": "integer", "minimum": 0}],
            "description": "A phone number in any common format, or its digits as a JSON integer",
        }
    ),
]


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: NumberText = Field(max_length=64, examples=["(415) 555-0100"])
    sender: str | None = Field(
        None, max_length=MAX_SENDER_LENGTH, description="Sending number or short code"
    )
    topic: str | None = Field(
        None, max_length=MAX_TOPIC_LENGTH, description="Topic / department, e.g. marketing"
    )


class CheckResult(BaseModel):
    number: str | None = Field(description="E.164, null when the input is not a phone number")
    input: str
    allowed: bool
    reason: Literal["not_suppressed", "opted_out", "invalid_number"]
    scope: str | None = Field(None, description="The opt-out that blocks: organisation, topic:…")
    since: datetime | None = None
    source: str | None = None
    error: str | None = None


def _entry_text(value: object) -> object:
    """A batch entry that is not a string is still one entry, answered on its own rather
    than failing the batch: a non-negative JSON integer as its digits (a number written
    without quotes); anything else (null, true, 1.5, -4155550100, an object) as an invalid
    entry whose ``input`` says what it was."""
    whole = _digits_of_whole(value)
    if isinstance(whole, str):
        return whole
    # Named by its JSON kind, with no digits in it: phonenumbers finds a number inside text.
    return f"<not a phone number: {_json_kind(value)}>"


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return "a negative number"
    if isinstance(value, float):
        return "a number with a fraction or exponent"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return "not a string"


BatchEntry = Annotated[
    str,
    BeforeValidator(_entry_text),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string"}, {"type": "integer"}],
            "description": "A phone number in any common format, or its digits as a JSON "
            "integer; any other value is answered on its own as an invalid entry",
        }
    ),
]


class BatchCheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    numbers: list[BatchEntry] = Field(
        max_length=10_000,
        description="Up to 10,000 numbers, any format (an entry that is not a string, such "
        "as null, is answered as an invalid number)",
    )
    sender: str | None = Field(None, max_length=MAX_SENDER_LENGTH)
    topic: str | None = Field(None, max_length=MAX_TOPIC_LENGTH)


class BatchItem(BaseModel):
    number: str | None = Field(description="E.164; null when the input is not a phone number")
    input: str | None = Field(None, description="The input, when it differs from `number`")
    allowed: bool
    reason: Literal["not_suppressed", "opted_out", "invalid_number"]
    scope: str | None = Field(None, description="Only when blocked")
    since: datetime | None = Field(None, description="Only when blocked")
    source: str | None = Field(None, description="Only when blocked")
    error: str | None = Field(None, description="Only for invalid inputs")


class BatchCheckResponse(BaseModel):
    """One result per input, in input order. Fields without a value are left out."""

    results: list[BatchItem]


class ConsentRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: NumberText = Field(max_length=64)
    kind: Literal["opt_out", "opt_in"]
    scope: str = Field("organisation", max_length=200, examples=["organisation", "topic:marketing"])
    source: Literal["api", "crm", "import", "manual"] = "api"
    occurred_at: StatementTime | None = Field(None, description="When it happened (default: now)")
    actor: str | None = Field(None, max_length=MAX_ACTOR_LENGTH, description="Who recorded it")
    text: str | None = Field(
        None, max_length=MAX_NOTE_LENGTH, description="The person's own words, if any"
    )
    evidence: dict[Annotated[str, AfterValidator(_plain_key)], str] = Field(
        default_factory=dict, description="Extra facts to keep (names without control characters)"
    )


class EventOut(BaseModel):
    id: int | None
    seq: int
    kind: Literal["opt_out", "opt_in"]
    scope: str
    source: str
    occurred_at: datetime
    recorded_at: datetime
    sender: str | None
    provider: str | None
    provider_message_id: str | None
    raw_text: str | None
    rule: str | None
    language: str | None
    confidence: float | None
    actor: str | None
    evidence: dict[str, str]
    hash: str


class ConsentResponse(BaseModel):
    number: str
    changed: bool = Field(description="False when the number was already in that state")
    event: EventOut | None


class SuppressionOut(BaseModel):
    number: str
    scope: str
    since: datetime
    source: str
    event_id: int | None


class ConfirmationOut(BaseModel):
    """The reply the event's inbound message got (compliance records keep when it was sent)."""

    text: str
    via: Literal["inline", "outbox"] = Field(
        description="inline: in the answer to the provider's webhook; outbox: a REST send"
    )
    status: str = Field(
        description="inline: sent, or not_delivered (the webhook was answered 503 and no "
        "retry came for it); outbox: pending, sending, sent or dead"
    )
    at: datetime | None = Field(description="When it went out (none while an outbox send waits)")


class ContactEventOut(EventOut):
    confirmation: ConfirmationOut | None = Field(
        description="None for events from the API, an import, a person's decision, or a "
        "message the provider answered itself"
    )


class ReceivedMessageOut(BaseModel):
    provider: str
    provider_message_id: str
    to: str = Field(description="The business number or sender it was texted to")
    text: str
    received_at: datetime
    action: str = Field(description="How it was read: opt_out, opt_in, help, review or none")
    rule: str
    outcome: str = Field(
        description="What Stopline did: opted_out, already_opted_out, opted_in, help, review, "
        "superseded or none"
    )
    reply: str | None = Field(description="The reply sent, if any")
    event_id: int | None = Field(description="The consent event it caused, if any")


class ContactResponse(BaseModel):
    number: str
    suppressed: bool = Field(description="True while any opt-out is in force for the number")
    suppressions: list[SuppressionOut]
    events: list[ContactEventOut]
    messages: list[ReceivedMessageOut] = Field(
        description="Messages texted from the number (the newest 200, oldest first), including "
        "those that changed no consent, such as a repeated STOP"
    )
    messages_total: int = Field(description="How many messages the number has texted in all")


class SuppressionPageOut(BaseModel):
    items: list[SuppressionOut]
    next_cursor: str | None


class FeedEventOut(EventOut):
    number: str


class ConsentFeedOut(BaseModel):
    events: list[FeedEventOut] = Field(description="In commit order; each event exactly once")
    next_cursor: str = Field(
        description="Pass as `cursor` for the next page; returned even when `events` is empty"
    )
    has_more: bool = Field(description="True when the page was cut at `limit`: ask again at once")


class InboundRequest(BaseModel):
    """A provider-neutral inbound message, for platforms that forward messages themselves."""

    model_config = ConfigDict(extra="forbid")
    # Longer ids and addresses than the columns hold are stored as a stable digest (as the
    # webhooks' are): a long SIP address must not cost an opt-out.
    message_id: str = Field(
        min_length=1,
        max_length=4096,
        description="Unique per message (over 128 characters: stored as its sha256 digest)",
    )
    provider: str = Field("api", max_length=32, pattern=r"^[a-z0-9_.-]+$")
    from_: str = Field(alias="from", max_length=64, examples=["+14155550100"])
    to: str = Field(
        max_length=4096,
        examples=["+14155550199"],
        description="Our address as given (over 64 characters: stored as its digest)",
    )
    # as long as a webhook's body allows: an opt-out in a long message must not be lost
    text: str = Field(max_length=65536)
    received_at: StatementTime | None = Field(
        None, description="When the platform received it; a time ahead of now is read as now"
    )


class ClassificationOut(BaseModel):
    action: Action
    intent: str
    confidence: float
    language: str | None
    rule: str
    explanation: str


class InboundResponse(BaseModel):
    action: Action
    outcome: str
    reply: str | None = Field(description="Send exactly this text back, if not null")
    duplicate: bool
    event_id: int | None
    classification: ClassificationOut


class ErrorDetail(BaseModel):
    code: str = Field(examples=["invalid_number"])
    message: str = Field(description="Starts with the field it is about, when there is one")
    field: str | None = None


class ErrorOut(BaseModel):
    """Every error answer: ``{"error": {...}}``; validation errors add FastAPI's ``detail``."""

    error: ErrorDetail
    detail: list[dict[str, Any]] | None = None


# Declared on every /v1 router, so the OpenAPI document shows the answers clients meet.
V1_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "No key, an unknown key or a revoked key"},
    403: {"model": ErrorOut, "description": "The key lacks the route's scope"},
    413: {"model": ErrorOut, "description": "The body is over the cap"},
    422: {"model": ErrorOut, "description": "Invalid input, naming the field"},
    500: {"model": ErrorOut, "description": "An unexpected error (logged); retry later"},
    503: {
        "model": ErrorOut,
        "description": "The database is unavailable or busy (`database_unavailable`, "
        "`database_busy`, with `Retry-After`); retry later",
    },
}
