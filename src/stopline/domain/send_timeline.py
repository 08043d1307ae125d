"""When a campaign's sends would go out, at its rate, as quiet hours close and open on the way.

A preview that only asks "may this number be texted now?" tells an operator at 20:55 that a
99,000-number campaign is sendable for the next 2.8 hours, when most of it will meet the 21:00
end of its recipients' window and wait for the morning. This plays the send forward the way
the worker does it: recipients in queue order, one send slot every ``1 / rate`` seconds, each
asked again at its turn; a deferral takes no slot and comes back when its window opens.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from stopline.domain.recipient_location import Location
from stopline.domain.sending_rules import SendingRules, next_allowed

# Each recipient is asked at most this many times on average before the estimate gives up:
# a slow rate for a large audience can take weeks, each night deferring everyone not yet sent.
_TURNS_PER_RECIPIENT = 4


@dataclass(frozen=True, slots=True)
class Waiting:
    """One recipient the gate allows: where it is, its recent sends, and when it is due."""

    location: Location
    prior: Sequence[datetime]
    due: datetime  # the start for one that may be texted now, else its next allowed moment


@dataclass(frozen=True, slots=True)
class Timeline:
    closing_during_send: int  # may be texted at the start, but not any more at their turn
    finishes_at: datetime | None  # when the last send's slot ends (None: nothing to send)
    complete: bool = True  # False: the play gave up before the end (finishes_at is a floor)


NOT_PLAYED = Timeline(0, None)


def play(
    start: datetime,
    rate_per_second: float,
    waiting: Sequence[Waiting],
    topic: str | None,
    rules: SendingRules,
) -> Timeline:
    """Play the send forward from ``start``; ``waiting`` in the order the worker claims."""
    if not waiting or rate_per_second <= 0:
        return NOT_PLAYED
    slot = timedelta(seconds=1 / rate_per_second)
    queue = [(w.due, i) for i, w in enumerate(waiting)]
    heapq.heapify(queue)
    clock = start
    sent = False
    closing = 0
    counted: set[int] = set()
    budget = _TURNS_PER_RECIPIENT * len(waiting) + 1_000
    while queue:
        if budget == 0:
            return Timeline(closing, max(clock, queue[0][0]), complete=False)
        budget -= 1
        due, i = heapq.heappop(queue)
        turn = max(due, clock)
        item = waiting[i]
        verdict = next_allowed(item.location, turn, item.prior, topic, rules)
        if verdict.allowed_now:
            sent, clock = True, turn + slot
            continue
        if item.due == start and turn > start and i not in counted:
            counted.add(i)
            closing += 1
        heapq.heappush(queue, (verdict.at, i))
    return Timeline(closing, clock if sent else None)
