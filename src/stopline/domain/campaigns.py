"""Campaigns and broadcasts: states, and what each recipient's send comes to.

A campaign is one message (a template made compliant by `domain.content`) from one sender
about one topic to an audience. Its recipients wait in a durable queue; at the moment each is
sent, the send gate, the quiet hours and the frequency cap are asked again, so an opt-out
recorded mid-broadcast stops every later send to that number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from stopline.domain.policy import Decision
from stopline.domain.segments import Encoding
from stopline.domain.send_timeline import NOT_PLAYED, Timeline
from stopline.domain.sending_rules import Verdict

MAX_NAME = 200


class CampaignStatus(StrEnum):
    DRAFT = "draft"  # being prepared: audience can be added, nothing is sent
    SENDING = "sending"  # workers are sending its queue
    PAUSED = "paused"  # stopped for now; `send` resumes it
    DONE = "done"  # every recipient was sent, blocked, failed or cancelled
    CANCELLED = "cancelled"  # stopped for good; the rest of its queue is cancelled
    EXTERNAL = "external"  # sent by another platform, reported through POST /v1/sends


class RecipientStatus(StrEnum):
    PENDING = "pending"  # waiting (maybe deferred until `not_before`)
    SENDING = "sending"  # claimed by a worker (re-claimable after its lease)
    SENT = "sent"
    BLOCKED = "blocked"  # the gate said no at send time (opted out), or the provider did
    FAILED = "failed"  # the provider refused for another reason, or retries ran out
    CANCELLED = "cancelled"


STARTABLE = frozenset({CampaignStatus.DRAFT, CampaignStatus.PAUSED})
OPEN = frozenset({CampaignStatus.DRAFT, CampaignStatus.SENDING, CampaignStatus.PAUSED})


class CampaignError(ValueError):
    """Bad input for a campaign: ``field`` names what to fix."""

    def __init__(self, field: str, message: str, status: int = 422) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.status = status


def clean_name(name: str, *, new: bool = True) -> str:
    """A campaign name with its spaces tidied. A ``new`` name cannot be digits only (it
    would read as another campaign's id) nor hold a '/'; names from before these rules are
    still found."""
    text = " ".join(name.split())
    if not text or len(text) > MAX_NAME:
        raise CampaignError("name", f"give a campaign name of 1-{MAX_NAME} characters")
    if new and text.isascii() and text.isdigit():
        raise CampaignError(
            "name",
            f"{text!r} would read as a campaign id wherever a campaign is named: "
            f"add a word (e.g. 'sale-{text}')",
        )
    if new and "/" in text:  # /v1/campaigns/{name}: even as %2F it splits the path
        raise CampaignError(
            "name", f"{text!r}: a name is part of URLs, where '/' cannot be: use '-' instead"
        )
    return text


class Step(StrEnum):
    """What to do with one recipient at send time."""

    SEND = "send"
    BLOCK = "block"  # opted out (or invalid): never send
    DEFER = "defer"  # quiet hours or frequency cap: try again at `Plan.at`


@dataclass(frozen=True, slots=True)
class Plan:
    step: Step
    at: datetime | None = None  # DEFER: when
    detail: str = ""


def plan_send(decision: Decision, verdict: Verdict) -> Plan:
    """The gate first (an opted-out number is never sent, not even later), then the time."""
    if not decision.allowed:
        scope = f" ({decision.scope})" if decision.scope is not None else ""
        return Plan(Step.BLOCK, detail=f"{decision.reason.value}{scope}")
    if not verdict.allowed_now:
        return Plan(Step.DEFER, verdict.at, ", ".join(verdict.reasons))
    return Plan(Step.SEND)


@dataclass(frozen=True, slots=True)
class Preview:
    """What sending the campaign now would do (nothing is changed by a preview)."""

    recipients: int  # queued and not yet settled
    suppressed: int  # opted out at a scope that applies to this send
    sendable_now: int
    deferred_quiet_hours: int
    deferred_cap: int
    encoding: Encoding
    rate_per_second: float
    start: datetime | None = None  # the moment the preview was made for
    timeline: Timeline = NOT_PLAYED  # the send played forward at the rate

    @property
    def closing_during_send(self) -> int:
        """Sendable now, but their quiet hours begin before their turn at the rate."""
        return self.timeline.closing_during_send

    @property
    def seconds_to_finish(self) -> float | None:
        """Until the last send, waits for windows to open included (None: nothing to send)."""
        if self.start is None or self.timeline.finishes_at is None:
            return None
        return math.ceil((self.timeline.finishes_at - self.start).total_seconds())

    @property
    def segments_per_message(self) -> int:
        return self.encoding.segments

    @property
    def segments_total(self) -> int:
        """The cost estimate: segments of every message that will be sent."""
        return self.segments_per_message * (self.recipients - self.suppressed)

    @property
    def seconds_at_rate(self) -> float:
        sendable = self.recipients - self.suppressed
        return math.ceil(sendable / self.rate_per_second) if self.rate_per_second > 0 else 0.0
