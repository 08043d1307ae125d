"""Campaign rows, broadcast queues and recorded sends. No commits here: the caller owns the
transaction."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, and_, case, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from stopline.domain.campaigns import CampaignStatus, RecipientStatus
from stopline.storage.tables import campaign_recipients, campaigns, insight_events, senders, sends


@dataclass(frozen=True, slots=True)
class CampaignRow:
    id: int
    name: str
    sender: str
    topic: str | None
    template: str | None
    body: str | None
    locale: str | None
    status: CampaignStatus
    rate_per_second: float | None  # the campaign's own; None: see `Campaigns.rate_of`
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


@dataclass(frozen=True, slots=True)
class QueuedSend:
    """A claimed recipient with what its send needs."""

    id: int
    campaign_id: int
    number: str
    attempts: int  # including the claim that returned this row
    sender: str
    topic: str | None
    body: str
    rate_per_second: float | None  # the campaign's, else its sender's
    # the sender whose send slot paces this send: set when the campaign has no rate of its
    # own and its sender has one, which the sender's campaigns then share
    paced_by_sender: int | None = None

    @property
    def pace(self) -> tuple[str, int]:
        """Whose send slots this send takes: its sender's (shared) or its campaign's."""
        if self.paced_by_sender is not None:
            return ("sender", self.paced_by_sender)
        return ("campaign", self.campaign_id)


_CAMPAIGN_COLUMNS = (
    campaigns.c.id,
    campaigns.c.name,
    campaigns.c.sender,
    campaigns.c.topic,
    campaigns.c.template,
    campaigns.c.body,
    campaigns.c.locale,
    campaigns.c.status,
    campaigns.c.rate_per_second,
    campaigns.c.created_at,
    campaigns.c.started_at,
    campaigns.c.finished_at,
)


def _campaign(row: Any) -> CampaignRow:
    values = list(row)
    values[7] = CampaignStatus(values[7])
    return CampaignRow(*values)


def _insert_ignoring_conflicts(conn: Connection, table: Any, rows: Sequence[dict[str, Any]]) -> int:
    """Insert ``rows``, skipping those that collide with a unique constraint; the count
    inserted."""
    if not rows:
        return 0
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    inserted = 0
    for start in range(0, len(rows), 1000):  # RETURNING counts exactly on both databases
        chunk = list(rows[start : start + 1000])
        statement = (
            dialect.insert(table).values(chunk).on_conflict_do_nothing().returning(table.c.id)
        )
        inserted += len(conn.execute(statement).all())
    return inserted


def create(conn: Connection, values: dict[str, Any]) -> int:
    key = conn.execute(insert(campaigns).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def get(conn: Connection, campaign_id: int) -> CampaignRow | None:
    row = conn.execute(select(*_CAMPAIGN_COLUMNS).where(campaigns.c.id == campaign_id)).first()
    return _campaign(row) if row else None


def by_name(conn: Connection, name: str) -> CampaignRow | None:
    row = conn.execute(select(*_CAMPAIGN_COLUMNS).where(campaigns.c.name == name)).first()
    return _campaign(row) if row else None


def all_campaigns(conn: Connection) -> list[CampaignRow]:
    query = select(*_CAMPAIGN_COLUMNS).order_by(campaigns.c.id)
    return [_campaign(r) for r in conn.execute(query)]


def set_status(
    conn: Connection,
    campaign_id: int,
    status: CampaignStatus,
    *,
    only_from: Iterable[CampaignStatus],
    **values: Any,
) -> bool:
    """Move a campaign to ``status`` if it is in one of ``only_from``."""
    c = campaigns.c
    result = conn.execute(
        update(campaigns)
        .where(c.id == campaign_id, c.status.in_([s.value for s in only_from]))
        .values(status=status.value, **values)
    )
    return bool(result.rowcount)


def add_recipients(
    conn: Connection, campaign_id: int, numbers: Sequence[str], now: datetime
) -> int:
    """Queue ``numbers`` (E.164, distinct); numbers already queued are skipped."""
    rows = [
        {
            "campaign_id": campaign_id,
            "number": n,
            "status": RecipientStatus.PENDING.value,
            "not_before": now,
            "attempts": 0,
        }
        for n in numbers
    ]
    return _insert_ignoring_conflicts(conn, campaign_recipients, rows)


def recipient_counts(conn: Connection, campaign_id: int) -> dict[str, int]:
    c = campaign_recipients.c
    query = select(c.status, func.count()).where(c.campaign_id == campaign_id).group_by(c.status)
    return {status: int(n) for status, n in conn.execute(query)}


def send_count(conn: Connection, campaign_id: int) -> int:
    """Sends recorded for the campaign (the worker's, or those reported by another platform)."""
    query = select(func.count()).select_from(sends).where(sends.c.campaign_id == campaign_id)
    return int(conn.execute(query).scalar_one())


def recipient_numbers(
    conn: Connection, campaign_id: int, statuses: Iterable[RecipientStatus]
) -> list[str]:
    c = campaign_recipients.c
    query = (
        select(c.number)
        .where(c.campaign_id == campaign_id, c.status.in_([s.value for s in statuses]))
        .order_by(c.id)
    )
    return [r[0] for r in conn.execute(query)]


def recipients(conn: Connection, campaign_id: int, limit: int, after: int = 0) -> list[Any]:
    c = campaign_recipients.c
    query = (
        select(c.id, c.number, c.status, c.not_before, c.attempts, c.detail, c.sent_at)
        .where(c.campaign_id == campaign_id, c.id > after)
        .order_by(c.id)
        .limit(limit)
    )
    return list(conn.execute(query))


def cancel_pending(conn: Connection, campaign_id: int, now: datetime) -> int:
    """Cancel the recipients no worker holds: pending ones, and claims whose lease is over
    (their worker is gone). A live claim is its worker's to settle (sent, if it already
    went out) or to hand back (`hand_back`)."""
    c = campaign_recipients.c
    unheld = or_(
        c.status == RecipientStatus.PENDING.value,
        and_(c.status == RecipientStatus.SENDING.value, c.not_before <= now),
    )
    result = conn.execute(
        update(campaign_recipients)
        .where(c.campaign_id == campaign_id, unheld)
        .values(status=RecipientStatus.CANCELLED.value, detail="campaign cancelled")
    )
    return int(result.rowcount)


def any_sending(conn: Connection) -> bool:
    """Whether some campaign is sending (a plain read: idle workers take no write lock)."""
    query = select(campaigns.c.id).where(campaigns.c.status == CampaignStatus.SENDING.value)
    return conn.execute(query.limit(1)).first() is not None


def claim(conn: Connection, now: datetime, limit: int, lease: timedelta) -> list[QueuedSend]:
    """Claim due recipients of campaigns that are sending: pending ones whose time has come,
    and claimed ones whose worker vanished (lease over), a share of ``limit`` from each
    sending campaign (a large campaign does not hold up the others, nor their retries).
    PostgreSQL workers skip rows another worker holds; SQLite serialises writers anyway."""
    r, k = campaign_recipients.c, campaigns.c
    sending = list(
        conn.execute(
            select(k.id).where(k.status == CampaignStatus.SENDING.value).order_by(k.id)
        ).scalars()
    )
    if not sending:
        return []
    share = max(1, -(-limit // len(sending)))  # ceiling: every campaign gets a turn
    claimable = (RecipientStatus.PENDING.value, RecipientStatus.SENDING.value)
    rate = func.coalesce(k.rate_per_second, senders.c.rate_per_second).label("rate")
    shared = case(
        (and_(k.rate_per_second.is_(None), senders.c.rate_per_second.is_not(None)), senders.c.id),
        else_=None,
    ).label("shared")
    rows: list[Any] = []
    for campaign_id in sending:
        query = (
            select(
                r.id, r.campaign_id, r.number, r.attempts, k.sender, k.topic, k.body, rate, shared
            )
            .join(campaigns, campaigns.c.id == r.campaign_id)
            .outerjoin(senders, senders.c.address == k.sender)
            .where(
                r.campaign_id == campaign_id,
                k.status == CampaignStatus.SENDING.value,
                r.status.in_(claimable),
                r.not_before <= now,
            )
            .order_by(r.not_before, r.id)
            .limit(share)
        )
        if conn.dialect.name == "postgresql":
            query = query.with_for_update(of=campaign_recipients, skip_locked=True)
        rows.extend(conn.execute(query).all())
    if not rows:
        return []
    conn.execute(
        update(campaign_recipients)
        .where(r.id.in_([row.id for row in rows]))
        .values(
            status=RecipientStatus.SENDING.value, attempts=r.attempts + 1, not_before=now + lease
        )
    )
    return [
        QueuedSend(
            row.id,
            row.campaign_id,
            row.number,
            row.attempts + 1,
            row.sender,
            row.topic,
            row.body or "",
            row.rate,
            row.shared,
        )
        for row in rows
    ]


def _still_ours(item: QueuedSend) -> tuple[Any, ...]:
    """The row is still claimed by the worker that claimed ``item`` (nobody re-claimed it)."""
    r = campaign_recipients.c
    return (r.id == item.id, r.status == RecipientStatus.SENDING.value, r.attempts == item.attempts)


def renew(conn: Connection, item: QueuedSend, now: datetime, lease: timedelta) -> bool:
    """Extend our claim just before sending; False when another worker took the row over
    (or the campaign was paused or cancelled meanwhile): then we must not send."""
    r, k = campaign_recipients.c, campaigns.c
    still_sending = (
        select(k.id)
        .where(k.id == item.campaign_id, k.status == CampaignStatus.SENDING.value)
        .scalar_subquery()
    )
    result = conn.execute(
        update(campaign_recipients)
        .where(*_still_ours(item), r.campaign_id == still_sending)
        .values(not_before=now + lease)
    )
    return bool(result.rowcount)


def settle(conn: Connection, item: QueuedSend, status: RecipientStatus, **values: Any) -> bool:
    """Record a claimed recipient's outcome, unless another worker re-claimed it meanwhile.
    A recipient put back to pending (deferred, or to retry) in a campaign cancelled while
    it was held is cancelled with it: nothing would ever send it."""
    stored: Any = status.value
    if status is RecipientStatus.PENDING:
        k = campaigns.c
        campaign_status = select(k.status).where(k.id == item.campaign_id).scalar_subquery()
        stored = case(
            (campaign_status == CampaignStatus.CANCELLED.value, RecipientStatus.CANCELLED.value),
            else_=RecipientStatus.PENDING.value,
        )
    result = conn.execute(
        update(campaign_recipients).where(*_still_ours(item)).values(status=stored, **values)
    )
    return bool(result.rowcount)


def hand_back(conn: Connection, item: QueuedSend, now: datetime) -> bool:
    """A claim whose campaign stopped sending before this recipient's turn: back to pending
    (paused: due at once when sending resumes) or cancelled with its campaign. Only the
    worker that holds the claim does this, so a pause never takes back a recipient that was
    already handed to the provider and is about to be settled as sent."""
    k = campaigns.c
    campaign_status = select(k.status).where(k.id == item.campaign_id).scalar_subquery()
    status = case(
        (campaign_status == CampaignStatus.CANCELLED.value, RecipientStatus.CANCELLED.value),
        else_=RecipientStatus.PENDING.value,
    )
    r = campaign_recipients.c
    result = conn.execute(
        update(campaign_recipients)
        .where(*_still_ours(item), campaign_status != CampaignStatus.SENDING.value)
        .values(status=status, not_before=now, attempts=r.attempts - 1)  # no send was tried
    )
    return bool(result.rowcount)


def finish_done(conn: Connection, now: datetime) -> list[int]:
    """Mark sending campaigns whose queue is empty as done; their ids."""
    r, k = campaign_recipients.c, campaigns.c
    open_rows = (
        select(r.id)
        .where(
            r.campaign_id == k.id,
            r.status.in_((RecipientStatus.PENDING.value, RecipientStatus.SENDING.value)),
        )
        .exists()
    )
    ids = [
        int(row[0])
        for row in conn.execute(
            select(k.id).where(k.status == CampaignStatus.SENDING.value, ~open_rows)
        )
    ]
    if ids:
        conn.execute(
            update(campaigns)
            .where(k.id.in_(ids), k.status == CampaignStatus.SENDING.value)
            .values(status=CampaignStatus.DONE.value, finished_at=now)
        )
    return ids


# -- sends ------------------------------------------------------------------------------------
def record_sends(conn: Connection, rows: Sequence[dict[str, Any]]) -> int:
    """Record sends; a row whose ``dedupe_key`` is already recorded is skipped."""
    return _insert_ignoring_conflicts(conn, sends, rows)


def record_one_off(
    conn: Connection, key: str, number: str, sender: str, topic: str, sent_at: datetime
) -> None:
    """Record a one-off send about ``topic`` (no campaign), once per ``key`` (the provider
    and its message id)."""
    row = {
        "dedupe_key": f"one-off:{key}"[:250],
        "campaign_id": None,
        "number": number,
        "sender": sender,
        "topic": topic,
        "source": "one_off",
        "sent_at": sent_at,
        "recorded_at": sent_at,
    }
    _insert_ignoring_conflicts(conn, sends, [row])


def send_times(
    conn: Connection, numbers: Sequence[str], since: datetime
) -> dict[str, list[datetime]]:
    """When each number was sent a message since ``since`` (frequency caps): a campaign's,
    reported or one-off about a topic that is not exempt."""
    found: dict[str, list[datetime]] = {}
    s = sends.c
    for start in range(0, len(numbers), 500):
        chunk = list(numbers[start : start + 500])
        query = select(s.number, s.sent_at).where(s.number.in_(chunk), s.sent_at > since)
        for number, sent_at in conn.execute(query):
            found.setdefault(number, []).append(sent_at)
    return found


def all_sends(conn: Connection, since: datetime | None = None) -> Any:
    """(number, campaign_id, sent_at) of every campaign's recorded send, streamed."""
    s = sends.c
    query = select(s.number, s.campaign_id, s.sent_at).where(s.campaign_id.is_not(None))
    if since is not None:
        query = query.where(s.sent_at >= since)
    return conn.execution_options(stream_results=True, yield_per=50_000).execute(query)


# -- insight events ---------------------------------------------------------------------------
def emit_event(conn: Connection, kind: str, subject: str, payload: str, now: datetime) -> bool:
    """Record an event once per (kind, subject); False when it was already recorded."""
    row = {"kind": kind, "subject": subject, "payload": payload, "created_at": now}
    return _insert_ignoring_conflicts(conn, insight_events, [row]) == 1


def events(conn: Connection, after: int = 0, limit: int = 100) -> list[Any]:
    e = insight_events.c
    query = (
        select(e.id, e.kind, e.subject, e.payload, e.created_at, e.delivered_at)
        .where(e.id > after)
        .order_by(e.id)
        .limit(limit)
    )
    return list(conn.execute(query))


def lock_campaign(conn: Connection, campaign_id: int) -> None:
    """Hold the campaign's row until the transaction ends (PostgreSQL; on SQLite the write
    transaction holds the whole database). A worker's transaction takes this first, before
    any recipient row, in the order pausing and cancelling take them (the campaign, then its
    recipients), so the two never wait for each other in a cycle."""
    k = campaigns.c
    conn.execute(select(k.id).where(k.id == campaign_id).with_for_update())


def take_slot(
    conn: Connection, campaign_id: int, step: float, near: float, *, sender: int | None = None
) -> tuple[float, float]:
    """The campaign's next send slot and the present moment, in seconds since the epoch on
    the database's clock (PostgreSQL's, shared by every host; SQLite's database is on this
    machine, so this machine's). The slot is shared by every worker: when it is at most
    ``near`` seconds away it is taken (the next one is ``step`` later); a later one is left
    for whoever comes at its time. The caller's transaction holds the campaign's row
    (`lock_campaign`), so two workers never take one slot. A stored slot further off than
    any taken at this rate could leave (the clock moved back, or the rate rose since) counts
    as free now.

    With ``sender`` (`QueuedSend.paced_by_sender`) the slot is that sender's, shared by its
    campaigns that take its rate; its row is locked here, after the campaign's. A sender
    removed meanwhile leaves the campaign's own slot."""
    if sender is not None:
        taken = _take(conn, senders, sender, step, near)
        if taken is not None:
            return taken
    taken = _take(conn, campaigns, campaign_id, step, near)
    if taken is None:
        raise LookupError(f"no campaign {campaign_id}")
    return taken


def _take(
    conn: Connection, table: Table, row_id: int, step: float, near: float
) -> tuple[float, float] | None:
    c = table.c
    if conn.dialect.name == "postgresql":
        clock: Any = func.extract("epoch", func.clock_timestamp())
        row = conn.execute(
            select(c.next_slot, clock).where(c.id == row_id).with_for_update()
        ).one_or_none()
        if row is None:
            return None
        stored, now = row[0], float(row[1])
    else:
        found = conn.execute(select(c.next_slot).where(c.id == row_id)).one_or_none()
        if found is None:
            return None
        stored, now = found[0], time.time()
    moved_back = stored is not None and stored > now + near + step + _CLOCK_JUMP
    slot = now if stored is None or moved_back else max(stored, now)
    if slot - now <= near:
        conn.execute(update(table).where(c.id == row_id).values(next_slot=slot + step))
    return slot, now


# Seconds a stored slot may lie beyond the furthest one a worker could have left before it
# counts as left by a clock that has since moved back.
_CLOCK_JUMP = 1.0
