"""Campaign attribution: which campaign message an opt-out answers.

Last touch within a window: an opt-out goes to the *last* campaign message sent to the same
number at or before the opt-out, if that message is not older than the window (72 hours by
default; a send exactly one window before the opt-out still counts). An opt-out with no such
send is not attributed. Two sends to one number at the same instant: the one with the larger
campaign id wins (a deterministic rule; in practice the later-created campaign).

Small inputs are matched in plain Python; large ones with a polars as-of join (``by`` number,
``backward``, ``tolerance`` = window). Both give the same answer, which the tests check.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from stopline.domain.campaign_stats import CampaignTally

if TYPE_CHECKING:  # polars loads only for large inputs
    import polars as pl

# Below this many sends + opt-outs plain Python is faster than building data frames.
POLARS_THRESHOLD = 20_000


@dataclass(frozen=True, slots=True)
class SendRecord:
    number: str  # E.164
    campaign_id: int
    sent_at: datetime  # tz-aware UTC


@dataclass(frozen=True, slots=True)
class OptOutRecord:
    event_id: int
    number: str
    occurred_at: datetime  # tz-aware UTC


def attribute(
    sends: Iterable[SendRecord],
    opt_outs: Iterable[OptOutRecord],
    window: timedelta = timedelta(hours=72),
) -> dict[int, int]:
    """event_id -> campaign_id: each opt-out goes to the LAST send to that number at or before
    occurred_at and not older than window; unattributed opt-outs are absent."""
    if window < timedelta(0):
        raise ValueError("window cannot be negative")
    send_list = list(sends)
    opt_out_list = list(opt_outs)
    for s in send_list:
        _require_aware(s.sent_at, "sent_at")
    for o in opt_out_list:
        _require_aware(o.occurred_at, "occurred_at")
    if not send_list or not opt_out_list:
        return {}
    if len(send_list) + len(opt_out_list) >= POLARS_THRESHOLD:
        return _attribute_polars(send_list, opt_out_list, window)
    return _attribute_python(send_list, opt_out_list, window)


def tally(
    campaigns: Sequence[tuple[int, str, str, str | None]],
    sends: Sequence[SendRecord],
    attributed: Mapping[int, int],
) -> list[CampaignTally]:
    """One tally per campaign that has sends, in the order of ``campaigns``.

    ``campaigns`` are ``(campaign_id, name, sender, topic)``. Sends and first/last send times
    come from ``sends``; opt-outs are the attributed events per campaign (``attributed`` as
    returned by :func:`attribute`). Campaigns without any send are left out (there is no rate
    to report and no first send to place them in time); sends and attributions to campaigns
    not listed are ignored.
    """
    count: Counter[int] = Counter()
    first: dict[int, datetime] = {}
    last: dict[int, datetime] = {}
    for s in sends:
        cid = s.campaign_id
        count[cid] += 1
        if cid not in first or s.sent_at < first[cid]:
            first[cid] = s.sent_at
        if cid not in last or s.sent_at > last[cid]:
            last[cid] = s.sent_at
    opt_outs = Counter(attributed.values())
    return [
        CampaignTally(
            campaign_id=cid,
            name=name,
            sender=sender,
            topic=topic,
            first_sent=first[cid],
            last_sent=last[cid],
            sends=count[cid],
            opt_outs=opt_outs[cid],
        )
        for cid, name, sender, topic in campaigns
        if count[cid] > 0
    ]


def _require_aware(moment: datetime, field: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{field} must be timezone-aware")


def _attribute_python(
    sends: Sequence[SendRecord], opt_outs: Sequence[OptOutRecord], window: timedelta
) -> dict[int, int]:
    by_number: defaultdict[str, list[tuple[datetime, int]]] = defaultdict(list)
    for s in sends:
        by_number[s.number].append((s.sent_at, s.campaign_id))
    times: dict[str, list[datetime]] = {}
    for number, entries in by_number.items():
        entries.sort()  # by time, then campaign id: the last of equal times has the largest id
        times[number] = [moment for moment, _ in entries]
    result: dict[int, int] = {}
    for o in opt_outs:
        if o.number not in times:
            continue
        index = bisect.bisect_right(times[o.number], o.occurred_at) - 1
        if index < 0:
            continue
        sent_at, campaign_id = by_number[o.number][index]
        if o.occurred_at - sent_at <= window:
            result[o.event_id] = campaign_id
    return result


def _attribute_polars(
    sends: Sequence[SendRecord], opt_outs: Sequence[OptOutRecord], window: timedelta
) -> dict[int, int]:
    import polars as pl

    moment = pl.Datetime("us", "UTC")
    right: pl.DataFrame = (
        pl.DataFrame(
            {
                "number": [s.number for s in sends],
                "sent_at": [s.sent_at.astimezone(UTC) for s in sends],
                "campaign_id": [s.campaign_id for s in sends],
            },
            schema={"number": pl.String, "sent_at": moment, "campaign_id": pl.Int64},
        )
        # ties: one row per (number, instant), the largest campaign id
        .group_by("number", "sent_at")
        .agg(pl.col("campaign_id").max())
        .sort("sent_at")
    )
    left: pl.DataFrame = pl.DataFrame(
        {
            "event_id": [o.event_id for o in opt_outs],
            "number": [o.number for o in opt_outs],
            "occurred_at": [o.occurred_at.astimezone(UTC) for o in opt_outs],
        },
        schema={"event_id": pl.Int64, "number": pl.String, "occurred_at": moment},
    ).sort("occurred_at")
    joined = left.join_asof(
        right,
        left_on="occurred_at",
        right_on="sent_at",
        by="number",
        strategy="backward",
        tolerance=window,
        check_sortedness=False,  # both sides are sorted just above
    ).filter(pl.col("campaign_id").is_not_null())
    return dict(zip(joined["event_id"].to_list(), joined["campaign_id"].to_list(), strict=True))
