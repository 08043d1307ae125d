"""Campaign and broadcast settings (``STOPLINE_*``); `stopline.config.Settings` inherits them."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field
from pydantic_settings import BaseSettings

from stopline.domain.sending_rules import SendingRules

# The longest attribution window (a year): the API's limit too.
MAX_WINDOW_HOURS = 24 * 365


class CampaignSettings(BaseSettings):
    broadcast_worker: bool = Field(True, description="Send broadcasts from the server process")
    broadcast_rate_per_second: float = Field(
        10.0, gt=0, description="Default sending rate of a campaign (messages per second)"
    )
    broadcast_poll_seconds: float = Field(1.0, description="Broadcast queue poll interval")
    broadcast_lease_seconds: float = Field(
        60.0, description="A claimed recipient is re-claimed after this long without an answer"
    )
    broadcast_max_attempts: int = Field(5, description="Attempts before a recipient fails")
    exempt_topics: str = Field(
        "transactional",
        description="Comma-separated topics exempt from quiet hours and frequency caps",
    )
    marketing_cap_per_day: int | None = Field(
        None, ge=1, description="Most marketing texts per recipient per 24 h (states may cap lower)"
    )
    attribution_hours: float = Field(
        72.0,
        gt=0,
        le=MAX_WINDOW_HOURS,
        allow_inf_nan=False,
        description="An opt-out is attributed to the last campaign sent this recently (at "
        "most a year)",
    )
    spike_alpha: float = Field(
        0.01, gt=0, lt=1, description="Significance level of the opt-out spike flag"
    )
    spike_min_sends: int = Field(
        100, ge=1, description="Campaigns with fewer sends are not flagged"
    )

    def sending_rules(self) -> SendingRules:
        topics = frozenset(t.strip().lower() for t in self.exempt_topics.split(",") if t.strip())
        return SendingRules(max_per_period=self.marketing_cap_per_day, exempt_topics=topics)

    def attribution_window(self) -> timedelta:
        return timedelta(hours=self.attribution_hours)
