"""Historical audit: opt-outs hidden in past inbound messages.

Reads an export of inbound messages (CSV with a header, Twilio's message-log export
included, or JSON lines), classifies every inbound body and keeps, per number, its latest
consent-relevant message. A number whose latest such message is an opt-out and that is not
suppressed now is an opt-out that was missed; a later START in the file means the person
re-subscribed, so nothing is missed. Suppressions are looked up in chunks (one query per
thousand numbers), and recording writes one transaction per chunk.
"""

from __future__ import annotations

import csv
import email.utils
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import IO, Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from stopline.domain.consent import ORGANISATION, ClassificationRecord, ConsentDraft, Kind, Source
from stopline.domain.language import Action, Classification, ClassifyContext
from stopline.domain.phone import InvalidNumber, normalise, normalise_address
from stopline.evaluation.baselines import exact
from stopline.services.ledger import record
from stopline.storage import ledger as ledger_repo

COLUMNS: dict[str, tuple[str, ...]] = {
    "from": ("from", "from_number", "sender", "phone", "msisdn", "source"),
    "to": ("to", "to_number", "recipient", "destination", "to_address"),
    "body": ("body", "text", "message", "content", "msg"),
    "date": (
        "date",
        "sentdate",
        "sent_date",
        "date_sent",
        "datesent",
        "date_created",
        "datecreated",
        "received_at",
        "timestamp",
        "time",
        "created_at",
    ),
    "sid": ("sid", "messagesid", "message_sid", "message_id", "id", "smssid"),
    "direction": ("direction",),
}
_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%Y-%m-%d",
    "%m/%d/%Y",
)


class AuditError(ValueError):
    pass


def parse_date(value: str, zone: str = "UTC") -> datetime:
    """ISO 8601, RFC 2822 (Twilio's API) or a few spreadsheet forms; a time without zone is
    read in ``zone``."""
    text = value.strip()
    if not text:
        raise ValueError("empty date")
    moment: datetime | None = None
    try:
        moment = datetime.fromisoformat(text.replace(" UTC", "+00:00"))
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            for fmt in _FORMATS:
                try:
                    moment = datetime.strptime(text, fmt)
                    break
                except ValueError:
                    continue
    if moment is None:
        raise ValueError(f"unreadable date {value!r}")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class InboundRecord:
    line: int
    number: str
    to: str
    body: str
    at: datetime
    sid: str | None


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Outbound:
    """A message the business sent (an export holds both directions): counted, not read."""

    line: int


def _pick(names: Iterable[str]) -> dict[str, str]:
    """Our field -> the file's column name (case and punctuation ignored)."""
    wanted = {alias: key for key, aliases in COLUMNS.items() for alias in aliases}
    found: dict[str, str] = {}
    for name in names:
        simple = name.strip().lower().replace(" ", "").replace("-", "_")
        key = wanted.get(simple) or wanted.get(simple.replace("_", ""))
        if key and key not in found:
            found[key] = name
    return found


def _record(
    line: int, item: dict[str, Any], columns: dict[str, str], region: str, zone: str
) -> InboundRecord | Problem | Outbound | None:
    def get(key: str) -> str:
        name = columns.get(key)
        value = item.get(name) if name else None
        return "" if value is None else str(value)

    direction = get("direction").lower()
    if direction and not direction.startswith("inbound") and direction != "incoming":
        return Outbound(line)  # outbound messages are ours, not the recipient's
    body = get("body")
    try:
        number = normalise(get("from"), region)
    except InvalidNumber as exc:
        return Problem(line, f"from: {exc}")
    try:
        at = parse_date(get("date"), zone)
    except ValueError as exc:
        return Problem(line, f"date: {exc}")
    to = get("to")
    return InboundRecord(
        line, number, normalise_address(to, region) if to else "", body, at, get("sid") or None
    )


def read_records(
    stream: IO[str], *, jsonl: bool, region: str, zone: str = "UTC"
) -> Iterator[InboundRecord | Problem | Outbound]:
    """Inbound messages from a CSV (with header) or JSON-lines stream."""
    if jsonl:
        columns: dict[str, str] | None = None
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Problem(number, f"not JSON: {exc.msg}")
                continue
            if not isinstance(item, dict):
                yield Problem(number, "not a JSON object")
                continue
            columns = (
                _pick(item)
                if columns is None or not set(columns.values()) <= set(item)
                else columns
            )
            _require(columns, f"line {number}")
            found = _record(number, item, columns, region, zone)
            if found is not None:
                yield found
        return
    reader = csv.DictReader(stream)
    if not reader.fieldnames:
        raise AuditError("the CSV file is empty or has no header row")
    columns = _pick(reader.fieldnames)
    _require(columns, "the header")
    for row in reader:
        found = _record(reader.line_num, row, columns, region, zone)
        if found is not None:
            yield found


def _require(columns: dict[str, str], where: str) -> None:
    missing = [key for key in ("from", "body", "date") if key not in columns]
    if missing:
        raise AuditError(
            f"{where} lacks {', '.join(missing)} column(s); accepted names: "
            + "; ".join(f"{k}: {', '.join(COLUMNS[k])}" for k in missing)
        )


@dataclass(frozen=True, slots=True)
class Finding:
    record: InboundRecord
    reading: Classification
    provider_caught: bool  # the exact-keyword rule providers document would have caught it
    status: str  # missed | already_suppressed | resubscribed | unclear


@dataclass
class AuditReport:
    rows: int = 0
    inbound: int = 0
    outbound: int = 0
    problems: list[Problem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    recorded: int = 0

    def count(self, status: str) -> int:
        return sum(1 for f in self.findings if f.status == status)


def audit(
    records: Iterable[InboundRecord | Problem | Outbound],
    engine: Engine,
    classify: Callable[[str, ClassifyContext], Classification],
    context_for: Callable[[str], ClassifyContext],
    *,
    apply: bool,
    now: Callable[[], datetime],
    actor: str = "audit-inbound",
    source_name: str = "",
    chunk: int = 1000,
    settled: Callable[[Sequence[str]], None] | None = None,
) -> AuditReport:
    """Find the opt-outs in ``records`` that the ledger lacks; with ``apply``, record them
    (``settled`` is then called with the numbers each committed chunk opted out)."""
    report = AuditReport()
    latest: dict[str, tuple[InboundRecord, Classification]] = {}
    opted_out: set[str] = set()  # numbers with any opt-out in the file
    unclear: list[tuple[InboundRecord, Classification]] = []
    for item in records:
        report.rows += 1
        if isinstance(item, Problem):
            report.problems.append(item)
            continue
        if isinstance(item, Outbound):
            report.outbound += 1
            continue
        report.inbound += 1
        reading = classify(item.body, context_for(item.to))
        if reading.action is Action.REVIEW:
            unclear.append((item, reading))
        if reading.action not in (Action.OPT_OUT, Action.OPT_IN):
            continue
        if reading.action is Action.OPT_OUT:
            opted_out.add(item.number)
        current = latest.get(item.number)
        if current is None or item.at >= current[0].at:
            latest[item.number] = (item, reading)
    numbers = sorted(latest)
    for start in range(0, len(numbers), chunk):
        part = numbers[start : start + chunk]
        with engine.connect() as conn:
            active = ledger_repo.active_suppressions(conn, part, [ORGANISATION])
            since = ledger_repo.latest_event_times(conn, part)
        drafts: list[ConsentDraft] = []
        for number in part:
            item, reading = latest[number]
            caught = exact(item.body) == "opt_out"
            if reading.action is Action.OPT_IN:
                if number in opted_out:  # stopped, then started again: nothing is missing
                    report.findings.append(Finding(item, reading, caught, "resubscribed"))
                continue
            later = since.get((number, str(ORGANISATION)))
            if number in active:
                status = "already_suppressed"
            elif later is not None and later > item.at:  # a newer statement in the ledger
                status = "resubscribed"
            else:
                status = "missed"
            report.findings.append(Finding(item, reading, caught, status))
            if status == "missed" and apply:
                drafts.append(_draft(item, reading, actor, source_name))
        if drafts:
            with engine.execution_options(sqlite_immediate=True).begin() as conn:
                results = record(conn, drafts, now())
            changed = [d.number for d, r in zip(drafts, results, strict=True) if r.changed]
            report.recorded += len(changed)
            if settled is not None:
                settled(changed)
    for item, reading in unclear:
        report.findings.append(Finding(item, reading, exact(item.body) == "opt_out", "unclear"))
    return report


def _draft(
    item: InboundRecord, reading: Classification, actor: str, source_name: str
) -> ConsentDraft:
    evidence = {"line": str(item.line)}
    if source_name:
        evidence["file"] = source_name
    return ConsentDraft(
        number=item.number,
        kind=Kind.OPT_OUT,
        source=Source.KEYWORD if reading.rule.startswith("keyword") else Source.INTENT,
        occurred_at=item.at,
        scope=ORGANISATION,
        sender=item.to or None,
        provider="import",
        provider_message_id=item.sid,
        raw_text=item.body,
        classification=ClassificationRecord(reading.rule, reading.language, reading.confidence),
        actor=actor,
        evidence=evidence,
    )
