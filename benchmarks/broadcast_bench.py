"""Broadcast benchmark: how fast the broadcast worker sends when the campaign's rate does not
hold it back, beside the bare cost of the same provider calls, in one run.

    .venv/bin/python -m benchmarks.broadcast_bench [--recipients 3000] [--database-url URL]

Baseline: one httpx client posting the same Twilio-shaped requests, one after another, to
the same fake Twilio API on loopback. Stopline: a campaign of the same size sent by
`BroadcastWorker.drain()` — per recipient a claim share, lease renewal, a gate check against
the ledger, quiet hours and cap (with a query for the number's recent sends), the provider
call and the transaction that records the send. 5 % of the audience is opted out.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from datetime import time as wall_clock
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
from tests.provider_payloads import TWILIO_SID, fake_credentials, provider_settings

from stopline import bootstrap
from stopline.config import Settings
from stopline.domain.consent import ConsentDraft, Kind, Source
from stopline.providers.fakes.server import FakeProviders
from stopline.services import senders
from stopline.services.broadcast import BroadcastWorker

SENDER = "+14155550199"
# Noon in New York tomorrow: every recipient queued now is due, none in quiet hours.
NOON_EASTERN = datetime.combine(
    (datetime.now(UTC) + timedelta(days=1)).date(),
    wall_clock(12),
    tzinfo=ZoneInfo("America/New_York"),
)


def baseline(fake: FakeProviders, count: int) -> float:
    url = f"{fake.url}/2010-04-01/Accounts/{TWILIO_SID}/Messages.json"
    token = fake_credentials()["twilio"]
    auth = (TWILIO_SID, token.get("auth_token", ""))
    with httpx.Client(timeout=10) as client:
        start = time.perf_counter()
        for i in range(count):
            data = {"To": f"+1212555{i:04d}", "From": SENDER, "Body": "Acme: sale. Reply STOP"}
            client.post(url, data=data, auth=auth, headers={"Idempotency-Key": f"b{i}"})
        return count / (time.perf_counter() - start)


def stopline(fake: FakeProviders, count: int, database_url: str) -> tuple[float, int]:
    settings = Settings(
        database_url=database_url,
        provider_url=fake.url,
        outbox_worker=False,
        broadcast_worker=False,
        brand_name="Acme",
        **provider_settings(),
    )
    graph = bootstrap.build(settings)
    try:
        row = senders.new_sender(SENDER, "twilio", brand="Acme")
        senders.add(graph.engine, row, graph.clock())
        campaigns = graph.messaging.campaigns
        made = campaigns.create(
            f"bench-{time.time_ns()}", SENDER, "Acme: sale today.", rate_per_second=10_000
        )
        audience = [f"+1212555{i:04d}" for i in range(count)]
        campaigns.add_audience(made.campaign.id, audience)
        for number in audience[::20]:
            draft = ConsentDraft(
                number=number, kind=Kind.OPT_OUT, source=Source.KEYWORD, occurred_at=graph.clock()
            )
            graph.commits.run(graph.consent, draft)
        campaigns.start(made.campaign.id)
        m = graph.messaging
        worker = BroadcastWorker(  # on a daytime clock: nothing is deferred by quiet hours
            graph.engine,
            graph.index,
            m.outbound,
            m.fence,
            settings.sending_rules(),
            lambda: NOON_EASTERN,
            default_rate=10_000,
        )
        start = time.perf_counter()
        stats = worker.drain()
        elapsed = time.perf_counter() - start
        return (stats.sent + stats.blocked) / elapsed, stats.sent
    finally:
        graph.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file")
    args = parser.parse_args()
    with FakeProviders(fake_credentials()) as fake, tempfile.TemporaryDirectory() as tmp:
        bases: list[float] = []
        ours: list[float] = []
        for round_ in range(args.rounds):
            fake.state.reset()
            bases.append(baseline(fake, args.recipients))
            fake.state.reset()
            url = args.database_url or f"sqlite:///{Path(tmp) / f'bench{round_}.db'}"
            rate, sent = stopline(fake, args.recipients, url)
            ours.append(rate)
        base, mine = statistics.median(bases), statistics.median(ours)
        print(f"{'job':<44} {'recipients/s':>12} {'ratio':>6}")
        print(f"{'baseline: bare provider calls (httpx)':<44} {base:>12.0f} {1.0:>6.2f}")
        label = "stopline broadcast worker (gate each send)"
        print(f"{label:<44} {mine:>12.0f} {mine / base:>6.2f}")
        print(f"median of {args.rounds} rounds, {args.recipients} recipients, {sent} sent")


if __name__ == "__main__":
    main()
