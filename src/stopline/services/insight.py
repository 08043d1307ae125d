"""The campaign report from recorded sends and ledger opt-outs: attribution, rates with
confidence intervals, spikes flagged against the sender's baseline, and a spike event for
other systems (recorded once per campaign in ``insight_events``).

Opt-outs that count are those the person made: their own message (keyword or recognised
wording, or a reviewed message) or their provider's opt-out signal; imports, API and manual
entries are not reactions to a campaign."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import Engine, select

from stopline.domain.campaign_stats import CampaignFigures, campaign_figures
from stopline.domain.consent import Kind, Source
from stopline.domain.instants import utc_text
from stopline.services.attribution import OptOutRecord, SendRecord, attribute, tally
from stopline.storage import campaigns as repo
from stopline.storage.tables import consent_events

PERSON_SOURCES = (Source.KEYWORD, Source.INTENT, Source.REVIEW, Source.PROVIDER_SIGNAL)
SPIKE_EVENT = "campaign_opt_out_spike"


@dataclass(frozen=True, slots=True)
class CampaignReport:
    generated_at: datetime
    window: timedelta
    alpha: float
    min_sends: int
    figures: list[CampaignFigures]
    opt_outs: int  # opt-outs considered
    attributed: int
    new_spikes: list[int]  # campaign ids whose spike event was emitted by this report


def campaign_report(
    engine: Engine,
    clock: Callable[[], datetime],
    *,
    window: timedelta = timedelta(hours=72),
    alpha: float = 0.01,
    min_sends: int = 100,
    emit: bool = True,
) -> CampaignReport:
    now = clock()
    e = consent_events.c
    with engine.connect() as conn:
        campaigns = [(c.id, c.name, c.sender, c.topic) for c in repo.all_campaigns(conn)]
        sends = [SendRecord(n, int(c), t) for n, c, t in repo.all_sends(conn)]
        query = select(e.id, e.number, e.occurred_at).where(
            e.kind == Kind.OPT_OUT.value, e.source.in_([s.value for s in PERSON_SOURCES])
        )
        opt_outs = [OptOutRecord(int(i), n, t) for i, n, t in conn.execute(query)]
    attributed = attribute(sends, opt_outs, window)
    figures = campaign_figures(
        tally(campaigns, sends, attributed), alpha=alpha, min_sends=min_sends
    )
    new_spikes: list[int] = []
    if emit and any(f.flagged for f in figures):
        with engine.execution_options(sqlite_immediate=True).begin() as conn:
            for figure in figures:
                if figure.flagged and repo.emit_event(
                    conn,
                    SPIKE_EVENT,
                    f"campaign:{figure.tally.campaign_id}",
                    orjson.dumps(figure_json(figure)).decode(),
                    now,
                ):
                    new_spikes.append(figure.tally.campaign_id)
    return CampaignReport(
        now, window, alpha, min_sends, figures, len(opt_outs), len(attributed), new_spikes
    )


def figure_json(figure: CampaignFigures) -> dict[str, Any]:
    t = figure.tally
    return {
        "campaign_id": t.campaign_id,
        "name": t.name,
        "sender": t.sender,
        "topic": t.topic,
        "first_sent": utc_text(t.first_sent),
        "last_sent": utc_text(t.last_sent),
        "sends": t.sends,
        "opt_outs": t.opt_outs,
        "rate": figure.rate,
        "ci_low": figure.low,
        "ci_high": figure.high,
        "baseline": figure.baseline,
        "p_value": figure.p_value,
        "adjusted_p": figure.adjusted_p,
        "flagged": figure.flagged,
        "reason": figure.reason,
    }


def report_json(report: CampaignReport) -> dict[str, Any]:
    return {
        "generated_at": utc_text(report.generated_at),
        "window_hours": report.window.total_seconds() / 3600,
        "alpha": report.alpha,
        "min_sends": report.min_sends,
        "opt_outs": report.opt_outs,
        "attributed": report.attributed,
        "campaigns": [figure_json(f) for f in report.figures],
        "new_spikes": report.new_spikes,
    }
