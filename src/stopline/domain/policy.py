"""The send gate's rule: may this number be texted, from this sender, about this topic?"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from stopline.domain.consent import Scope, scopes_for_send


class Reason(StrEnum):
    NOT_SUPPRESSED = "not_suppressed"
    OPTED_OUT = "opted_out"
    INVALID_NUMBER = "invalid_number"


@dataclass(frozen=True, slots=True)
class Suppression:
    """One row of the suppression projection."""

    number: str
    scope: Scope
    since: datetime | None
    source: str
    event_id: int | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    reason: Reason
    scope: Scope | None = None
    since: datetime | None = None
    source: str | None = None


ALLOWED = Decision(allowed=True, reason=Reason.NOT_SUPPRESSED)


def may_send(
    active: Mapping[Scope, Suppression], sender: str | None = None, topic: str | None = None
) -> Decision:
    """Decide from a number's active suppressions. The broadest blocking scope is reported
    (organisation first), since that is the one a person must lift to text again."""
    for scope in scopes_for_send(sender, topic):
        hit = active.get(scope)
        if hit is not None:
            return Decision(False, Reason.OPTED_OUT, scope, hit.since, hit.source)
    return ALLOWED
