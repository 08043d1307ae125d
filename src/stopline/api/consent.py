"""The consent API: send-gate checks, contacts, consent changes, suppressions, neutral inbound."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from datetime import UTC
from typing import Annotated, Any, TypeVar, cast

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from stopline.api.auth import require
from stopline.api.errors import ApiError, dumps, invalid_field
from stopline.api.fast import (
    FastRequest,
    FastResponse,
    FastRoute,
    FlatStrings,
    authenticate,
    json_body,
    served_by,
)
from stopline.api.schemas import (
    V1_ERRORS,
    BatchCheckRequest,
    BatchCheckResponse,
    CheckRequest,
    CheckResult,
    ConsentFeedOut,
    ConsentRequest,
    ConsentResponse,
    ContactResponse,
    ErrorOut,
    InboundRequest,
    InboundResponse,
    Instant,
    SuppressionPageOut,
)
from stopline.api.state import stopline_of
from stopline.bootstrap import Stopline
from stopline.domain.consent import ConsentDraft, ConsentEvent, Kind, Scope, Source
from stopline.domain.inbound import InboundMessage
from stopline.domain.instants import CLOCK_SKEW, utc_text, utc_text_remembered
from stopline.domain.phone import InvalidNumber, named_sender, normalise, normalise_address
from stopline.domain.policy import Suppression
from stopline.services import gate
from stopline.services.event_records import event_record
from stopline.services.inbound import InboundCommand, note_late
from stopline.services.keys import KeyScope, Principal
from stopline.storage import consent_feed
from stopline.storage import ledger as ledger_repo
from stopline.storage.commit_queue import CommitLate
from stopline.storage.inbound import Confirmation, ReceivedMessage, confirmations, messages_from

router = APIRouter(prefix="/v1", tags=["consent"], responses=V1_ERRORS)
hot = APIRouter(prefix="/v1", tags=["consent"], route_class=FastRoute, responses=V1_ERRORS)

T = TypeVar("T")
CheckKey = Annotated[Principal, Depends(require(KeyScope.CHECK))]
WriteKey = Annotated[Principal, Depends(require(KeyScope.WRITE))]


async def read(app: Stopline, work: Callable[[Connection], T]) -> T:
    """Run a read-only unit of work in the thread pool."""

    def run() -> T:
        with app.engine.connect() as conn:
            return work(conn)

    return await run_in_threadpool(run)


def sender_of(sender: str | None, region: str, location: str = "body") -> str | None:
    """`phone.named_sender`, its refusal as a 422 naming ``sender``."""
    try:
        return named_sender(sender, region)
    except ValueError as exc:
        raise invalid_field("sender", str(exc), "invalid_request", location) from None


async def gate_check(
    app: Stopline, numbers: Sequence[str], sender: str | None, topic: str | None
) -> gate.Answers:
    """SQLite look-ups take microseconds and never wait for the writer (WAL), so they run
    inline; network databases go to the thread pool."""
    region = app.settings.default_region
    sender_address = sender_of(sender, region)

    def run() -> gate.Answers:
        return gate.check_many(
            app.index, numbers, sender=sender_address, topic=topic, region=region
        )

    return run() if app.index.inline else await run_in_threadpool(run)


async def gate_check_one(
    app: Stopline, raw: str, number: str, sender: str | None, topic: str | None
) -> gate.Checked:
    """`gate_check` for one input, already normalised to ``number`` (E.164)."""
    sender_address = sender_of(sender, app.settings.default_region)
    if app.index.inline:
        return gate.check_one(app.index, raw, number, sender=sender_address, topic=topic)
    return await run_in_threadpool(
        gate.check_one, app.index, raw, number, sender=sender_address, topic=topic
    )


def json(payload: Any, status: int = 200) -> Response:
    return Response(dumps(payload), status_code=status, media_type="application/json")


def checked_json(item: gate.Checked) -> dict[str, Any]:
    d = item.decision
    return {
        "number": item.number,
        "input": item.input,
        "allowed": d.allowed,
        "reason": d.reason.value,
        "scope": str(d.scope) if d.scope else None,
        "since": utc_text_remembered(d.since) if d.since else None,
        "source": d.source,
        "error": item.error,
    }


def batch_item(checked: gate.Checked) -> dict[str, Any]:
    """A batch result: `checked_json` without empty fields, except ``number`` (null for an
    input that is not a phone number); ``input`` only when it differs from ``number``
    (batches are large; clients match results by position)."""
    item = {k: v for k, v in checked_json(checked).items() if v is not None or k == "number"}
    if item.get("input") == item["number"]:
        del item["input"]
    return item


def render_results(answers: gate.Answers) -> bytes:
    """``{"results": [...]}`` of `batch_item` objects. When every input was a number written
    plainly (digits and " +.-()", so nothing to escape), runs of allowed numbers are written
    from templates (with one string join when every input was already E.164) and blocked
    numbers from a template: byte-for-byte what `batch_item` would give."""
    if not answers.plain:
        return ('{"results":[' + ",".join(_any_results(answers)) + "]}").encode()
    inputs = answers.inputs
    numbers = cast(Sequence[str], answers.numbers)  # plain: every input was a number
    blocked = answers.blocked
    chunks: list[str] = []
    start = 0
    quoted: dict[str | None, str] = {}

    def quote(value: str | None) -> str:
        text = quoted.get(value)
        if text is None:
            text = quoted[value] = dumps(value).decode()
        return text

    for index in [*answers.blocked_at, len(numbers)]:
        if index > start:
            chunks.append(_allowed_run(inputs, numbers, start, index, answers.canonical))
        if index < len(numbers):
            number, raw = numbers[index], inputs[index]
            d = blocked[number]
            given = f',"input":"{raw}"' if raw != number else ""
            since = f',"since":"{utc_text_remembered(d.since)}"' if d.since else ""
            chunks.append(
                f'{{"number":"{number}"{given},"allowed":false,"reason":"{d.reason.value}",'
                f'"scope":{quote(str(d.scope) if d.scope else None)}{since},'
                f'"source":{quote(d.source)}}}'
            )
        start = index + 1
    return ('{"results":[' + ",".join(chunks) + "]}").encode()


def _any_results(answers: gate.Answers) -> list[str]:
    """Each `batch_item` as JSON text, for inputs written any way: allowed numbers and
    invalid inputs from templates (inputs and errors escaped by orjson), blocked numbers
    through `batch_item`."""
    blocked = answers.blocked
    parts: list[str] = []
    add = parts.append
    errors: dict[str, str] = {}
    for number, raw in zip(answers.numbers, answers.inputs, strict=True):
        if type(number) is str:
            if number in blocked:
                add(dumps(batch_item(answers.checked(raw, number))).decode())
            elif number == raw:
                add(_ALLOWED_SAME % number)
            else:
                add(_ALLOWED_HEAD + number + '","input":' + dumps(raw).decode() + _ALLOWED_END)
            continue
        assert isinstance(number, InvalidNumber)
        error = errors.get(number.reason)
        if error is None:
            error = errors[number.reason] = dumps(number.reason).decode()
        add(_INVALID % (dumps(raw).decode(), error))
    return parts


_INVALID = '{"number":null,"input":%s,"allowed":false,"reason":"invalid_number","error":%s}'
_ALLOWED_HEAD = '{"number":"'
_ALLOWED_END = ',"allowed":true,"reason":"not_suppressed"}'
_ALLOWED_TAIL = '"' + _ALLOWED_END
_ALLOWED_SEPARATOR = _ALLOWED_TAIL + "," + _ALLOWED_HEAD
_ALLOWED_SAME = _ALLOWED_HEAD + "%s" + _ALLOWED_TAIL
_ALLOWED_WRITTEN = _ALLOWED_HEAD + '%s","input":"%s' + _ALLOWED_TAIL
_INPUT_AFTER_NUMBER = '","input":"'


def _allowed_run(
    inputs: Sequence[str], numbers: Sequence[str], start: int, stop: int, canonical: bool
) -> str:
    """The results for inputs ``start``..``stop`` (all allowed), comma-separated."""
    if canonical:
        return _ALLOWED_HEAD + _ALLOWED_SEPARATOR.join(inputs[start:stop]) + _ALLOWED_TAIL
    given, found = inputs[start:stop], numbers[start:stop]
    if any(map(operator.eq, given, found)):  # some written in E.164 already: no "input"
        return ",".join(
            [
                _ALLOWED_SAME % number if number == raw else _ALLOWED_WRITTEN % (number, raw)
                for number, raw in zip(found, given, strict=True)
            ]
        )
    # number, input, separator, ... in one list filled by slices (no per-item Python)
    count = stop - start
    parts = [_INPUT_AFTER_NUMBER] * (4 * count)
    parts[0::4] = found
    parts[2::4] = given
    parts[3::4] = [_ALLOWED_SEPARATOR] * count
    parts[-1] = _ALLOWED_TAIL
    return _ALLOWED_HEAD + "".join(parts)


_CHECK_FIELDS = FlatStrings(CheckRequest)
_BATCH_FIELDS = FlatStrings(BatchCheckRequest)


async def _check(request: FastRequest) -> FastResponse:
    await authenticate(request, KeyScope.CHECK)
    fields = _CHECK_FIELDS.fields(request.body)
    if fields is None:  # anything but a plain object of strings: let the model decide
        body = json_body(request, CheckRequest)
        number, sender, topic = body.number, body.sender, body.topic
    else:
        number = fields["number"] or ""  # required: never None here
        sender, topic = fields.get("sender"), fields.get("topic")
    app = request.stopline
    try:
        e164 = normalise(number, app.settings.default_region)
    except InvalidNumber as exc:
        raise invalid_field("number", str(exc), "invalid_number") from None
    result = await gate_check_one(app, number, e164, sender, topic)
    app.metrics.count_checks(1, 0) if result.decision.allowed else app.metrics.count_checks(0, 1)
    return FastResponse(200, "application/json", dumps(checked_json(result)))


@hot.post("/check", response_model=CheckResult, summary="May I text this number?")
@served_by(_check)
async def check(body: CheckRequest, _key: CheckKey) -> CheckResult:
    """Documents the route; requests are served by `_check` (see `api.fast`)."""
    raise NotImplementedError


async def _check_batch(request: FastRequest) -> FastResponse:
    await authenticate(request, KeyScope.CHECK)
    app = request.stopline
    fields = _BATCH_FIELDS.fields(request.body)
    if fields is None:  # anything but a plain object: let the model decide (and explain)
        body = json_body(request, BatchCheckRequest)
        numbers, sender, topic = body.numbers, body.sender, body.topic
    else:
        numbers, sender, topic = fields["numbers"], fields.get("sender"), fields.get("topic")
    if len(numbers) > app.settings.batch_limit:
        raise invalid_field("numbers", f"at most {app.settings.batch_limit} numbers per batch")
    answers = await gate_check(app, numbers, sender, topic)
    allowed = answers.allowed_count()
    app.metrics.count_checks(allowed, len(answers) - allowed)
    return FastResponse(200, "application/json", render_results(answers))


@hot.post(
    "/check/batch",
    response_model=BatchCheckResponse,
    summary="Check up to 10,000 numbers; one result per input, in input order",
)
@served_by(_check_batch)
async def check_batch(body: BatchCheckRequest, _key: CheckKey) -> BatchCheckResponse:
    """Documents the route; requests are served by `_check_batch` (see `api.fast`)."""
    raise NotImplementedError


@router.get(
    "/contacts/{number:path}",
    response_model=ContactResponse,
    summary="A number's consent state and full event history",
)
async def contact(
    request: Request, _key: CheckKey, number: Annotated[str, Path(max_length=64)]
) -> Response:
    app = stopline_of(request)
    try:
        e164 = normalise(number, app.settings.default_region)
    except InvalidNumber as exc:
        raise ApiError(
            422, "invalid_number", f"number: {exc}", field="number", location="path"
        ) from None

    def load(
        conn: Connection,
    ) -> tuple[
        list[ConsentEvent],
        dict[Scope, Suppression],
        dict[int, Confirmation],
        tuple[list[ReceivedMessage], int],
    ]:
        events = ledger_repo.events_for(conn, e164)
        active = ledger_repo.active_suppressions(conn, [e164]).get(e164, {})
        replies = confirmations(conn, e164, [e.id for e in events if e.id is not None])
        return events, active, replies, messages_from(conn, e164, CONTACT_MESSAGES)

    events, active, replies, (messages, total) = await read(app, load)
    return json(
        {
            "number": e164,
            "suppressed": bool(active),
            "suppressions": [
                suppression_json(s) for s in sorted(active.values(), key=lambda s: s.scope)
            ],
            "events": [
                {**event_json(e), "confirmation": confirmation_json(replies.get(e.id or 0))}
                for e in events
            ],
            "messages": [message_json(m) for m in messages],
            "messages_total": total,
        }
    )


CONTACT_MESSAGES = 200  # the newest messages a contact shows (messages_total counts all)


def message_json(m: ReceivedMessage) -> dict[str, Any]:
    return {
        "provider": m.provider,
        "provider_message_id": m.provider_message_id,
        "to": m.to_address,
        "text": m.body,
        "received_at": utc_text(m.received_at),
        "action": m.action,
        "rule": m.rule,
        "outcome": m.outcome,
        "reply": m.reply_text,
        "event_id": m.event_id,
    }


def confirmation_json(found: Confirmation | None) -> dict[str, Any] | None:
    if found is None:
        return None
    at = utc_text(found.at) if found.at else None
    return {"text": found.text, "via": found.via, "status": found.status, "at": at}


@router.post(
    "/consent",
    response_model=ConsentResponse,
    summary="Record an opt-out or opt-in",
    responses={
        200: {"description": "Nothing recorded: the number was already opted out there"},
        201: {"model": ConsentResponse, "description": "An event was recorded"},
        409: {"model": ErrorOut, "description": "An opt-in older than the opt-out in force"},
    },
)
async def record_consent(body: ConsentRequest, request: Request, key: WriteKey) -> Response:
    app = stopline_of(request)
    region = app.settings.default_region
    try:
        number = normalise(body.number, region)
    except InvalidNumber as exc:
        raise invalid_field("number", str(exc), "invalid_number") from None
    if not body.scope.strip() and body.kind == "opt_in":
        # an empty template variable, not a choice: as an organisation-wide opt-in it would
        # lift every opt-out (an empty scope on an opt-out is read as organisation: the
        # safe side, and nothing is lost)
        raise invalid_field("scope", _EMPTY_SCOPE)
    try:
        scope = Scope.canonical(body.scope, region)
    except ValueError as exc:
        raise invalid_field("scope", str(exc)) from None
    now = app.clock()
    occurred = body.occurred_at or now
    if occurred.tzinfo is None:
        raise invalid_field("occurred_at", "needs a time zone (e.g. 2026-01-31T12:00:00Z)")
    if occurred > now:
        # Another system's clock runs ahead: within CLOCK_SKEW that is now. An opt-out is
        # recorded as of now whatever its time says (refused, a client would drop it); an
        # opt-in further ahead is refused, since its time is wrong in some other way.
        if occurred - now > CLOCK_SKEW and body.kind == "opt_in":
            ahead = int((occurred - now).total_seconds())
            raise invalid_field(
                "occurred_at",
                f"is {ahead} s in the future (more than the {int(CLOCK_SKEW.total_seconds())}"
                " s clocks may differ)",
            )
        occurred = now
    occurred = occurred.astimezone(UTC)  # answered as stored and as every later read shows it
    draft = ConsentDraft(
        number=number,
        kind=Kind(body.kind),
        source=Source(body.source),
        occurred_at=occurred,
        scope=scope,
        raw_text=body.text,
        actor=body.actor or key.actor,
        evidence=body.evidence,
    )
    result = await app.commits.submit_async(app.consent, draft)
    await app.messaging.fence.settled([number])  # no broadcast send still in flight to it
    if result.superseded_by is not None:
        raise ApiError(
            409,
            "superseded",
            f"occurred_at: this opt-in is older than the opt-out in force at {scope} "
            f"(since {utc_text(result.superseded_by)}); the newer statement stands",
            field="occurred_at",
        )
    return json(
        {
            "number": number,
            "changed": result.changed,
            "event": event_json(result.event, result.event_id) if result.event else None,
        },
        status=201 if result.changed else 200,
    )


@router.get(
    "/suppressions",
    response_model=SuppressionPageOut,
    summary="The suppression list, paginated (cursor), filtered by time and scope",
)
async def list_suppressions(
    request: Request,
    _key: CheckKey,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    cursor: Annotated[str | None, Query(max_length=32)] = None,
    since: Annotated[Instant | None, Query(description="Opted out at or after")] = None,
    until: Annotated[Instant | None, Query(description="Opted out before")] = None,
    scope: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    app = stopline_of(request)
    scope_name = None
    if scope is not None:
        if not scope.strip():
            raise invalid_field("scope", _EMPTY_SCOPE, location="query")
        try:
            scope_name = str(Scope.canonical(scope, app.settings.default_region))
        except ValueError as exc:
            raise invalid_field("scope", str(exc), location="query") from None
    for name, value in (("since", since), ("until", until)):
        if value is not None and value.tzinfo is None:
            raise invalid_field(name, "needs a time zone", location="query")
    try:
        page = await read(
            app,
            lambda conn: ledger_repo.list_suppressions(
                conn, limit=limit, cursor=cursor, since=since, until=until, scope=scope_name
            ),
        )
    except ValueError as exc:
        raise invalid_field("cursor", str(exc), location="query") from None
    return json(
        {"items": [suppression_json(s) for s in page.items], "next_cursor": page.next_cursor}
    )


@router.get(
    "/consent/events",
    response_model=ConsentFeedOut,
    summary="Every consent event once, in commit order: the feed a CRM or warehouse follows",
)
async def consent_events(
    request: Request,
    _key: CheckKey,
    cursor: Annotated[
        str | None,
        Query(max_length=40, description="`next_cursor` of the previous page (none: the start)"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> Response:
    """Store `next_cursor` after processing a page and ask again with it: every event is
    handed out once and in order, also on PostgreSQL with concurrent writers (see
    `storage/consent_feed.py`). Events never change, so a page can be re-read safely."""
    app = stopline_of(request)
    try:
        page = await read(app, lambda conn: consent_feed.read_page(conn, cursor, limit))
    except ValueError as exc:
        raise invalid_field("cursor", str(exc), location="query") from None
    return json(
        {
            "events": [event_record(e) for e in page.events],
            "next_cursor": page.cursor,
            "has_more": page.more,
        }
    )


_EMPTY_SCOPE = "it is empty: give organisation, topic:KEY or sender:ADDRESS (or leave it out)"


@router.post(
    "/inbound",
    response_model=InboundResponse,
    summary="Report an inbound message from a platform that forwards messages itself",
)
async def inbound(body: InboundRequest, request: Request, _key: WriteKey) -> Response:
    app = stopline_of(request)
    region = app.settings.default_region
    try:
        sender = normalise(body.from_, region)
    except InvalidNumber as exc:
        raise invalid_field("from", str(exc), "invalid_number") from None
    now = app.clock()
    received = body.received_at or now
    if received.tzinfo is None:
        raise invalid_field("received_at", "needs a time zone")
    # Nothing is received later than Stopline hears of it: a time ahead of this clock (a
    # sender's clock skew, or a typo) is read as now, so it can neither date an opt-out in
    # the future (where no later opt-in could ever follow it) nor be refused and lost.
    received = min(received, now)
    message = InboundMessage(
        provider=body.provider,
        provider_message_id=body.message_id,
        from_number=sender,
        to=normalise_address(body.to, region),
        body=body.text,
        received_at=received,
    )
    # The same profile as the webhooks: configured senders and those registered at runtime
    # (`stopline senders add`, /v1/senders) with their brand and locale.
    profile = await app.messaging.senders.profile_async(message.to)
    classification = app.classifier(message.body, profile.context)
    command = InboundCommand(message, classification, profile.policy)
    try:
        result = await app.inbound_writer.record(command)
    except CommitLate:  # answered 503: the caller never gets this reply to send
        note_late(app.inbound_writer.record, command)
        raise
    await app.messaging.fence.settled([sender])
    app.metrics.count_inbound(body.provider, result.counted)
    reading = {k: v for k, v in classification.as_dict().items() if k != "span"}
    if result.first_reading is not None:  # a retry: the reading of the first delivery
        intent, rule, language, confidence = result.first_reading
        reading = {
            "action": result.action.value,
            "intent": intent,
            "confidence": confidence,
            "language": language,
            "rule": rule,
            "explanation": "as read when this message id was first received",
        }
    return json(
        {
            "action": result.action.value,
            "outcome": result.outcome.value,
            "reply": result.reply,
            "duplicate": result.duplicate,
            "event_id": result.event_id,
            "classification": reading,
        }
    )


def suppression_json(s: Suppression) -> dict[str, Any]:
    return {
        "number": s.number,
        "scope": str(s.scope),
        "since": utc_text(s.since) if s.since else None,
        "source": s.source,
        "event_id": s.event_id,
    }


def event_json(event: ConsentEvent, event_id: int | None = None) -> dict[str, Any]:
    """A contact's event (the fields of `EventOut`, which documents them)."""
    return event_record(event, event_id, number=False)
