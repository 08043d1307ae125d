"""Quiet hours and frequency caps for marketing texts: when may this one go out?

TCPA: solicitations only 8:00-21:00 in the recipient's local time. Stricter state rules
(compliance.md): Florida (FTSA) and Oklahoma 8:00-20:00 and at most 3 marketing messages per
24 hours; Connecticut, Maryland and Washington 8:00-20:00. A message outside its window or over
its cap is deferred to the next allowed time, never dropped. Topics configured as transactional
are exempt. All times are timezone-aware; the window must hold in every zone the recipient may
be in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from stopline.domain.recipient_location import Location


@dataclass(frozen=True, slots=True)
class Window:
    """Local wall-clock hours in which sending is allowed: ``start`` <= t < ``end``."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError("a sending window must start before it ends")


@dataclass(frozen=True, slots=True)
class StateRule:
    window: Window
    max_per_period: int | None = None  # marketing messages per `SendingRules.cap_period`


TCPA_WINDOW = Window(time(8), time(21))
EVENING_8PM = Window(time(8), time(20))
STATE_RULES: Mapping[str, StateRule] = {
    "FL": StateRule(EVENING_8PM, 3),  # Florida Telephone Solicitation Act
    "OK": StateRule(EVENING_8PM, 3),  # Oklahoma Telephone Solicitation Act
    "CT": StateRule(EVENING_8PM),
    "MD": StateRule(EVENING_8PM),
    "WA": StateRule(EVENING_8PM),
}


@dataclass(frozen=True, slots=True)
class SendingRules:
    window: Window = TCPA_WINDOW
    max_per_period: int | None = None  # a cap for every recipient, if the business wants one
    cap_period: timedelta = timedelta(hours=24)
    state_rules: Mapping[str, StateRule] = field(default_factory=lambda: dict(STATE_RULES))
    exempt_topics: frozenset[str] = frozenset({"transactional"})

    def exempt(self, topic: str | None) -> bool:
        return topic is not None and topic.strip().lower() in self.exempt_topics

    def for_state(self, state: str | None) -> tuple[Window, int | None]:
        """The window and cap that apply in ``state``: the stricter of the general and the
        state rule."""
        rule = self.state_rules.get(state or "")
        if rule is None:
            return self.window, self.max_per_period
        window = Window(
            max(self.window.start, rule.window.start), min(self.window.end, rule.window.end)
        )
        caps = [c for c in (self.max_per_period, rule.max_per_period) if c is not None]
        return window, min(caps) if caps else None


@dataclass(frozen=True, slots=True)
class Verdict:
    allowed_now: bool
    at: datetime  # the time to send: now, or the next allowed time
    reasons: tuple[str, ...]  # why it was deferred (empty when allowed now)
    window: Window
    cap: int | None
    zones: tuple[str, ...]


def in_window(moment: datetime, zones: Iterable[str], window: Window) -> bool:
    return all(_inside(moment.astimezone(ZoneInfo(z)), window) for z in zones)


def sends_in_period(moment: datetime, prior: Iterable[datetime], period: timedelta) -> int:
    """Sends in the period that ends at ``moment``: (moment - period, moment]."""
    return sum(1 for s in prior if moment - period < s <= moment)


def next_allowed(
    location: Location,
    now: datetime,
    prior_sends: Iterable[datetime] = (),
    topic: str | None = None,
    rules: SendingRules = SendingRules(),
) -> Verdict:
    """When a marketing text to this recipient may go out: ``now`` if allowed, else the first
    later moment that is inside the window in every zone and under the cap."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    window, cap = rules.for_state(location.state)
    zones = location.zones
    if rules.exempt(topic):
        return Verdict(True, now, (), window, cap, zones)
    sends = sorted(s for s in prior_sends if s <= now)
    reasons: list[str] = []
    moment = now
    for _ in range(64):
        opened = _next_in_all_zones(moment, zones, window)
        if opened != moment and "quiet_hours" not in reasons:
            reasons.append("quiet_hours")
        freed = _next_under_cap(opened, sends, cap, rules.cap_period)
        if freed != opened and "frequency_cap" not in reasons:
            reasons.append("frequency_cap")
        if freed == moment:
            return Verdict(moment == now, moment, tuple(reasons), window, cap, zones)
        moment = freed
    raise ValueError(f"no time is inside {window} in all of {', '.join(zones)}")


def _inside(local: datetime, window: Window) -> bool:
    return window.start <= local.time().replace(tzinfo=None) < window.end


def _next_in_zone(moment: datetime, zone: ZoneInfo, window: Window) -> datetime:
    local = moment.astimezone(zone)
    if _inside(local, window):
        return moment
    day = local.date() if local.time() < window.start else local.date() + timedelta(days=1)
    return datetime.combine(day, window.start, tzinfo=zone).astimezone(moment.tzinfo)


def _next_in_all_zones(moment: datetime, zones: tuple[str, ...], window: Window) -> datetime:
    infos = [ZoneInfo(z) for z in zones]
    for _ in range(16):  # each pass moves to a window opening in some zone
        later = max(_next_in_zone(moment, z, window) for z in infos)
        if later == moment:
            return moment
        moment = later
    raise ValueError(f"the {window} window never opens in all of {', '.join(zones)} at once")


def _next_under_cap(
    moment: datetime, sends: list[datetime], cap: int | None, period: timedelta
) -> datetime:
    if cap is None:
        return moment
    recent = [s for s in sends if moment - period < s <= moment]
    if len(recent) < cap:
        return moment
    # the oldest sends must age out until only cap - 1 remain in the period
    return recent[len(recent) - cap] + period
