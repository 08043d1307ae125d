"""The review queue's rules: when an unclear message is due, when it escalates, and what
happens if nobody decides in time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from stopline.domain.calendar import business_days_before, due_date


class Decision(StrEnum):
    OPT_OUT = "opt_out"  # the message was an opt-out: record it (source "review")
    NO_ACTION = "no_action"  # it was not: nothing changes
    OPT_IN = "opt_in"  # it was a genuine opt-in (e.g. a START whose body was not signed)


class Status(StrEnum):
    OPEN = "open"
    DECIDED = "decided"  # a person decided
    DEFAULTED = "defaulted"  # nobody decided in time: the default was applied


@dataclass(frozen=True, slots=True)
class ReviewPolicy:
    timezone: str = "UTC"  # the business's time zone, where business days are counted
    country: str = "US"  # whose public holidays are not business days
    due_business_days: int = 10  # FCC: honour a revocation within 10 business days
    escalate_business_days: int = 2  # escalate this many business days before the due date
    default: Decision = Decision.OPT_OUT  # applied when nobody decides in time
    default_lead: timedelta = timedelta(hours=24)  # applied this long before the due date

    def __post_init__(self) -> None:
        if self.due_business_days < 1:
            raise ValueError("due_business_days must be at least 1")
        if not 0 <= self.escalate_business_days < self.due_business_days:
            raise ValueError("escalate_business_days must be below due_business_days")
        if self.default_lead < timedelta(0):
            raise ValueError("default_lead cannot be negative")


@dataclass(frozen=True, slots=True)
class Schedule:
    due_at: datetime  # the legal deadline
    escalate_at: datetime  # when the item is escalated if still open
    default_at: datetime  # when the default decision is applied if still open


def schedule(received_at: datetime, policy: ReviewPolicy) -> Schedule:
    due = due_date(received_at, policy.due_business_days, policy.timezone, policy.country)
    escalate = business_days_before(
        due, policy.escalate_business_days, policy.timezone, policy.country
    )
    default_at = max(received_at, due - policy.default_lead)
    return Schedule(due, min(escalate, default_at), default_at)


# Intents of a message read as an opt-in ("START", "put me back on the list"). Such a message
# is in the queue only because it could not be honoured unseen (its body was not signed):
# it is no possible revocation, so the deadline never turns it into an opt-out.
OPT_IN_INTENTS = frozenset({"start_keyword", "start_phrase"})


def deadline_default(policy: ReviewPolicy, intent: str | None) -> Decision:
    """What the deadline applies to an item still open: the policy's default, but never an
    opt-out for a message that asked to opt in."""
    if intent in OPT_IN_INTENTS and policy.default is Decision.OPT_OUT:
        return Decision.NO_ACTION
    return policy.default
