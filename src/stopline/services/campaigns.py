"""Campaign use cases: create (with the content rules), add an audience, preview, start,
pause, cancel, and record sends reported by other platforms."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain
from typing import Any, TextIO

from sqlalchemy import Connection, Engine

from stopline.domain.campaigns import (
    OPEN,
    STARTABLE,
    CampaignError,
    CampaignStatus,
    Preview,
    RecipientStatus,
    Step,
    clean_name,
    plan_send,
)
from stopline.domain.consent import MAX_TOPIC_LENGTH, Scope
from stopline.domain.content import ContentRules, LintResult, OnMissingOptOut, lint
from stopline.domain.phone import InvalidNumber, normalise, normalise_address, normalise_many
from stopline.domain.recipient_location import locate
from stopline.domain.segments import encoding_of
from stopline.domain.send_timeline import Waiting, play
from stopline.domain.sending_rules import SendingRules, next_allowed
from stopline.services.gate import check_many
from stopline.services.imports import locate_numbers, sniff_delimiter
from stopline.services.senders import SenderDirectory, sender_topic
from stopline.storage import campaigns as repo
from stopline.storage import senders as senders_repo
from stopline.storage.campaigns import CampaignRow
from stopline.storage.suppression_index import SuppressionIndex
from stopline.storage.tables import MAX_ID

CHUNK = 10_000


@dataclass(frozen=True, slots=True)
class CampaignDefaults:
    brand: str
    region: str = "US"
    rate_per_second: float = 10.0
    on_missing_opt_out: OnMissingOptOut = OnMissingOptOut.ADD


@dataclass(frozen=True, slots=True)
class Created:
    campaign: CampaignRow
    lint: LintResult


@dataclass(frozen=True, slots=True)
class AudienceResult:
    added: int
    duplicates: int
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (input, why): 10,000 at most
    invalid_count: int = 0


@dataclass(frozen=True, slots=True)
class ReportedSend:
    campaign: str
    number: str
    sent_at: datetime
    sender: str | None = None
    topic: str | None = None
    id: str | None = None  # the platform's message id, for idempotent re-reports


@dataclass(frozen=True, slots=True)
class ReportResult:
    recorded: int
    duplicates: int
    errors: list[tuple[int, str, str]]  # (index, field, message)


class Campaigns:
    def __init__(
        self,
        engine: Engine,
        index: SuppressionIndex,
        senders: SenderDirectory,
        rules: SendingRules,
        defaults: CampaignDefaults,
        clock: Callable[[], datetime],
    ) -> None:
        self._engine = engine
        self._writer = engine.execution_options(sqlite_immediate=True)
        self._index = index
        self._senders = senders
        self._rules = rules
        self._defaults = defaults
        self._clock = clock

    @property
    def rules(self) -> SendingRules:
        return self._rules

    # -- create ------------------------------------------------------------------------------
    def content_rules(
        self, sender: str, topic: str | None, locale: str | None, mode: OnMissingOptOut | None
    ) -> ContentRules:
        entry = self._senders.lookup(sender)
        return ContentRules(
            brand=(entry.brand if entry and entry.brand else self._defaults.brand),
            locale=locale or (entry.locale if entry and entry.locale else None) or "en-US",
            marketing=not self._rules.exempt(topic),
            on_missing_opt_out=mode or self._defaults.on_missing_opt_out,
        )

    def create(
        self,
        name: str,
        sender: str,
        template: str,
        *,
        topic: str | None = None,
        locale: str | None = None,
        on_missing_opt_out: OnMissingOptOut | None = None,
        rate_per_second: float | None = None,
    ) -> Created:
        """A draft campaign whose body is the template made compliant; raises
        `CampaignError` (422, or 409 for a taken name) or refuses the template (422)."""
        clean = clean_name(name)
        address = self._sender(sender)
        entry = self._senders.lookup(address)
        if entry is None:
            raise CampaignError("sender", f"{address} is not registered: `stopline senders add`")
        address = entry.address  # as registered ("Zeta" when asked for "ZETA")
        try:
            topic = sender_topic(entry, topic)
        except ValueError as exc:
            raise CampaignError("topic", str(exc)) from None
        topic_name = _topic(topic)
        if rate_per_second is not None and not 0 < rate_per_second <= 10_000:
            raise CampaignError("rate_per_second", "give a rate between 0 and 10000 per second")
        result = lint(template, self.content_rules(address, topic_name, locale, on_missing_opt_out))
        if result.refused:
            problems = "; ".join(f.message for f in result.findings if f.severity == "refused")
            raise CampaignError("template", f"refused: {problems}")
        now = self._clock()
        with self._writer.begin() as conn:
            if repo.by_name(conn, clean) is not None:
                raise CampaignError("name", f"a campaign named {clean!r} exists", 409)
            campaign_id = repo.create(
                conn,
                {
                    "name": clean,
                    "sender": address,
                    "topic": topic_name,
                    "template": template,
                    "body": result.text,
                    "locale": locale,
                    "status": CampaignStatus.DRAFT.value,
                    "rate_per_second": rate_per_second,
                    "created_at": now,
                },
            )
            row = repo.get(conn, campaign_id)
        assert row is not None
        return Created(row, result)

    # -- audience ----------------------------------------------------------------------------
    def add_audience(self, campaign_id: int, raw_numbers: Iterable[str]) -> AudienceResult:
        """Queue numbers (any common format); invalid ones are reported, duplicates skipped."""
        campaign = self.get(campaign_id)
        if campaign.status not in OPEN:
            raise CampaignError("status", f"the campaign is {campaign.status}: no more audience")
        added = duplicates = invalid_count = 0
        invalid: list[tuple[str, str]] = []
        chunk: list[str] = []

        def flush() -> None:
            nonlocal added, duplicates, invalid_count
            normalised = normalise_many(chunk, self._defaults.region)
            valid: dict[str, None] = {}
            for raw, number in zip(chunk, normalised, strict=True):
                if isinstance(number, InvalidNumber):
                    invalid_count += 1
                    if len(invalid) < 10_000:
                        invalid.append((raw, number.reason))
                elif number in valid:
                    duplicates += 1
                else:
                    valid[number] = None
            with self._writer.begin() as conn:
                inserted = repo.add_recipients(conn, campaign_id, list(valid), self._clock())
            added += inserted
            duplicates += len(valid) - inserted
            chunk.clear()

        for raw in raw_numbers:
            chunk.append(raw)
            if len(chunk) >= CHUNK:
                flush()
        if chunk:
            flush()
        return AudienceResult(added, duplicates, invalid, invalid_count)

    # -- read --------------------------------------------------------------------------------
    def get(self, campaign_id: int) -> CampaignRow:
        with self._engine.connect() as conn:
            row = repo.get(conn, campaign_id)
        if row is None:
            raise CampaignError("campaign", f"no campaign {campaign_id}", 404)
        return row

    @property
    def region(self) -> str:
        """The country for numbers written without +code."""
        return self._defaults.region

    def find(self, ref: str) -> CampaignRow:
        """A campaign by id or by name."""
        with self._engine.connect() as conn:
            row = None
            if ref.isascii() and ref.isdigit():  # not "¹" or "٣", which str.isdigit accepts
                campaign_id = int(ref)
                row = repo.get(conn, campaign_id) if campaign_id <= MAX_ID else None
            if row is None:  # an all-digit name from before such names were refused
                row = repo.by_name(conn, ref.strip())
        if row is None:
            raise CampaignError("campaign", f"no campaign {ref!r}", 404)
        return row

    def all(self) -> list[CampaignRow]:
        with self._engine.connect() as conn:
            return repo.all_campaigns(conn)

    def reported_sends(self, campaign_id: int) -> int:
        """Sends recorded for the campaign: for an external one, those reported to us."""
        with self._engine.connect() as conn:
            return repo.send_count(conn, campaign_id)

    def counts(self, campaign_id: int) -> dict[str, int]:
        with self._engine.connect() as conn:
            found = repo.recipient_counts(conn, campaign_id)
        return {s.value: found.get(s.value, 0) for s in RecipientStatus}

    def rate_of(self, campaign: CampaignRow) -> float:
        """The campaign's rate, else its sender's, else the default."""
        entry = self._senders.lookup(campaign.sender)
        sender_rate = entry.rate_per_second if entry else None
        return campaign.rate_per_second or sender_rate or self._defaults.rate_per_second

    def preview(
        self,
        campaign_id: int,
        now: datetime | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> Preview:
        """What sending now would do: suppressed, sendable now, deferred by quiet hours or
        caps, encoding, segments. Changes nothing. ``progress(done, total)`` after each
        chunk of recipients."""
        campaign = self.get(campaign_id)
        now = now or self._clock()
        waiting = (RecipientStatus.PENDING, RecipientStatus.SENDING)
        with self._engine.connect() as conn:
            numbers = repo.recipient_numbers(conn, campaign_id, waiting)
            prior = repo.send_times(conn, numbers, now - self._rules.cap_period)
        suppressed = sendable = quiet = capped = 0
        queue: list[Waiting] = []
        for start in range(0, len(numbers), CHUNK):
            chunk = numbers[start : start + CHUNK]
            answers = check_many(self._index, chunk, sender=campaign.sender, topic=campaign.topic)
            for checked in answers:
                if not checked.decision.allowed or checked.number is None:
                    suppressed += 1
                    continue
                location, sent_before = locate(checked.number), prior.get(checked.number, ())
                verdict = next_allowed(location, now, sent_before, campaign.topic, self._rules)
                queue.append(Waiting(location, sent_before, verdict.at))
                plan = plan_send(checked.decision, verdict)
                if plan.step is Step.SEND:
                    sendable += 1
                elif "quiet_hours" in verdict.reasons:
                    quiet += 1
                else:
                    capped += 1
            if progress is not None:
                progress(start + len(chunk), len(numbers))
        rate = self.rate_of(campaign)
        timeline = play(now, rate, queue, campaign.topic, self._rules)
        return Preview(
            recipients=len(numbers),
            suppressed=suppressed,
            sendable_now=sendable,
            deferred_quiet_hours=quiet,
            deferred_cap=capped,
            encoding=encoding_of(campaign.body or ""),
            rate_per_second=rate,
            start=now,
            timeline=timeline,
        )

    # -- state changes -----------------------------------------------------------------------
    def start(self, campaign_id: int) -> CampaignRow:
        now = self._clock()
        with self._writer.begin() as conn:
            row = repo.get(conn, campaign_id)
            if row is None:
                raise CampaignError("campaign", f"no campaign {campaign_id}", 404)
            if row.status is CampaignStatus.SENDING:
                return row
            if row.status not in STARTABLE:
                raise CampaignError("status", f"a {row.status} campaign cannot be sent", 409)
            if not senders_repo.hold(conn, row.sender, exclusive=False):  # removed since?
                raise CampaignError(
                    "sender",
                    f"{row.sender} is no longer registered: register it again "
                    "(`stopline senders add`) or cancel the campaign",
                    409,
                )
            repo.set_status(
                conn,
                campaign_id,
                CampaignStatus.SENDING,
                only_from=STARTABLE,
                started_at=row.started_at or now,
            )
            updated = repo.get(conn, campaign_id)
        assert updated is not None
        return updated

    def pause(self, campaign_id: int) -> CampaignRow:
        return self._stop(campaign_id, CampaignStatus.PAUSED)

    def cancel(self, campaign_id: int) -> CampaignRow:
        return self._stop(campaign_id, CampaignStatus.CANCELLED)

    def _stop(self, campaign_id: int, status: CampaignStatus) -> CampaignRow:
        now = self._clock()
        allowed_from = {CampaignStatus.SENDING} if status is CampaignStatus.PAUSED else set(OPEN)
        with self._writer.begin() as conn:
            row = repo.get(conn, campaign_id)
            if row is None:
                raise CampaignError("campaign", f"no campaign {campaign_id}", 404)
            if row.status is status:
                return row
            if row.status not in allowed_from:
                raise CampaignError("status", f"a {row.status} campaign cannot be {status}", 409)
            extra = {"finished_at": now} if status is CampaignStatus.CANCELLED else {}
            repo.set_status(conn, campaign_id, status, only_from=allowed_from, **extra)
            # recipients a worker holds stay its own: it settles those it already sent and
            # hands back the others (`storage.campaigns.hand_back`)
            if status is CampaignStatus.CANCELLED:
                repo.cancel_pending(conn, campaign_id, now)
            updated = repo.get(conn, campaign_id)
        assert updated is not None
        return updated

    # -- sends reported by other platforms ----------------------------------------------------
    def report_sends(self, items: Sequence[ReportedSend]) -> ReportResult:
        """Record what another platform sent, so attribution and caps see it. A campaign
        named for the first time is created (status "external"); the same ``id`` (or the same
        campaign, number and time) reported again is a duplicate, not a second send."""
        errors: list[tuple[int, str, str]] = []
        rows: list[dict[str, Any]] = []
        now = self._clock()
        with self._writer.begin() as conn:
            known: dict[str, CampaignRow] = {}
            for index, item in enumerate(items):
                try:
                    rows.append(self._reported_row(conn, item, known, now))
                except CampaignError as exc:
                    errors.append((index, exc.field, exc.message))
            recorded = repo.record_sends(conn, rows)
        return ReportResult(recorded, len(rows) - recorded, errors)

    def _reported_row(
        self, conn: Connection, item: ReportedSend, known: dict[str, CampaignRow], now: datetime
    ) -> dict[str, Any]:
        try:
            number = normalise(item.number, self._defaults.region)
        except InvalidNumber as exc:
            raise CampaignError("number", exc.reason) from None
        if item.sent_at.tzinfo is None:
            raise CampaignError("sent_at", "give a time with its UTC offset")
        if item.sent_at > now:
            raise CampaignError("sent_at", "a send cannot be in the future")
        try:
            name = clean_name(item.campaign, new=False)
            campaign = known.get(name) or repo.by_name(conn, name)
            if campaign is None:
                clean_name(name)  # a new campaign's name must not read as an id
        except CampaignError as exc:  # the report's field is "campaign"
            raise CampaignError("campaign", exc.message) from None
        if campaign is None:
            if not item.sender:
                raise CampaignError("sender", "a new campaign needs its sender")
            campaign_id = repo.create(
                conn,
                {
                    "name": name,
                    "sender": self._sender(item.sender),
                    "topic": _topic(item.topic),
                    "status": CampaignStatus.EXTERNAL.value,
                    "created_at": now,
                },
            )
            campaign = repo.get(conn, campaign_id)
            assert campaign is not None
        known[name] = campaign
        # one campaign, one sender and topic: a send from another would mix two platforms'
        # counts and baselines under one name without a word (a black-box tester)
        if item.sender and self._sender(item.sender).upper() != campaign.sender.upper():
            raise CampaignError(
                "sender",
                f"campaign {name!r} sends from {campaign.sender}: report this send under a "
                "campaign of its own sender",
            )
        if item.topic and _topic(item.topic) != campaign.topic:
            raise CampaignError(
                "topic",
                f"campaign {name!r} is about {campaign.topic or 'no topic'}: report this send "
                "under a campaign of its own topic",
            )
        stamp = item.sent_at.isoformat()
        key = f"reported:{campaign.id}:" + (f"id:{item.id}" if item.id else f"{number}:{stamp}")
        return {
            "dedupe_key": key[:250],
            "campaign_id": campaign.id,
            "number": number,
            "sender": self._sender(item.sender) if item.sender else campaign.sender,
            "topic": _topic(item.topic) if item.topic else campaign.topic,
            "source": "reported",
            "sent_at": item.sent_at,
            "recorded_at": now,
        }

    def one_off_text(self, sender: str, topic: str | None, text: str) -> LintResult | None:
        """A one-off send about a topic that is not exempt is marketing: its text gets what a
        campaign's template gets (the sender's brand, how to opt out: added, or refused as
        configured). None for an exempt topic or none (a code, a reply), sent as written,
        and for a sender that is no address (the send refuses it with its own error)."""
        try:
            address = self._sender(sender)
            topic = sender_topic(self._senders.lookup(address), topic)
        except (CampaignError, ValueError):  # the send refuses these with its own error
            return None
        if topic is None or not topic.strip() or self._rules.exempt(topic):
            return None
        return lint(text, self.content_rules(address, topic, None, None))

    def _sender(self, sender: str) -> str:
        try:
            return normalise_address(sender, self._defaults.region)
        except ValueError as exc:
            raise CampaignError("sender", str(exc)) from None


def _topic(topic: str | None) -> str | None:
    if topic is None or not topic.strip():
        return None
    key = Scope.topic(topic).key
    if len(key) > MAX_TOPIC_LENGTH:  # NFKC can lengthen a key
        raise CampaignError("topic", f"a topic has at most {MAX_TOPIC_LENGTH} characters")
    return key


_SEVERAL_PHONES = "a campaign texts one number per row"


def numbers_from_csv(
    stream: TextIO, column: str | None = None, region: str = "US"
) -> Iterator[str]:
    """The phone column of a CSV audience file (``column``, or a well-known name; the
    delimiter , ; TAB or | as the header uses it; a file whose first line holds a phone
    number has no header, `locate_numbers`). ``stream`` should read with universal
    newlines (``newline=None``), so the bare CR of old Mac spreadsheets ends a line.
    Raises `CampaignError` when the file is empty, has no such column or is not valid CSV."""
    first = stream.readline()
    if not first.strip():
        raise CampaignError("audience", "the file is empty")
    # strict: a quote never closed is an error, not the rest of the file read as one field
    reader = csv.reader(chain([first], stream), delimiter=sniff_delimiter(first), strict=True)
    try:
        header = next(reader)
        index, named = locate_numbers(header, column, region, hint=_SEVERAL_PHONES)
    except csv.Error as exc:
        raise CampaignError("audience", f"line 1 is not valid CSV: {exc}") from None
    except ValueError as exc:
        raise CampaignError("column", str(exc)) from None
    try:  # the whole file first: an error at its end must not leave half an audience
        rows = list(reader) if named else [header, *reader]
    except csv.Error as exc:
        raise CampaignError("audience", f"line {reader.line_num} is not valid CSV: {exc}") from None
    for row in rows:
        if len(row) > index:
            yield row[index]
        elif row:
            yield ""  # a short row: reported as invalid, not silently dropped
