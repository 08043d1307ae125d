"""Campaigns end to end inside one process, on SQLite and PostgreSQL, with the fake provider
APIs on loopback: content rules, audience, preview, sending with the gate asked at send time,
quiet hours and caps deferring (never dropping), reported sends, and a broadcast that keeps
running while STOPs arrive."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from datetime import time as wall_clock
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient

from stopline.bootstrap import Stopline
from stopline.providers.fakes.server import FakeProviders
from stopline.services.broadcast import BroadcastWorker
from tests.helpers import twilio_form, twilio_signed
from tests.integration.providers.conftest import fake_requests
from tests.provider_payloads import TWILIO_TOKEN

SENDER = "+14155550199"
NEW_YORK = ZoneInfo("America/New_York")
# Test clocks run on a day after today, so the recipients queued now are due by then.
TOMORROW = (datetime.now(NEW_YORK) + timedelta(days=1)).date()


def new_york(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, wall_clock(hour, minute), tzinfo=NEW_YORK).astimezone(UTC)


NOON_EASTERN = new_york(TOMORROW, 12)  # 9:00 in Los Angeles


def register(client: TestClient, key: dict[str, str]) -> None:
    body = {"address": SENDER, "provider": "twilio", "brand": "Acme"}
    assert client.post("/v1/senders", json=body, headers=key).status_code == 201


def create(client: TestClient, key: dict[str, str], **extra: Any) -> Any:
    body = {
        "name": "spring",
        "sender": SENDER,
        "template": "Acme: spring sale, 20% off today. Reply STOP to opt out.",
        "topic": "promo",
        **extra,
    }
    return client.post("/v1/campaigns", json=body, headers=key)


def worker(graph: Stopline, clock: Any, **options: Any) -> BroadcastWorker:
    """The graph's broadcast worker, but on the test's clock."""
    m = graph.messaging
    return BroadcastWorker(
        graph.engine,
        graph.index,
        m.outbound,
        m.fence,
        graph.settings.sending_rules(),
        clock,
        **{"default_rate": 10_000, "backoff": 0, **options},
    )


def after_delivery(w: BroadcastWorker, n: int, then: Callable[[], object]) -> None:
    """Make ``w`` run ``then`` once its ``n``-th provider call has returned."""
    original = w._outbound.deliver_unchecked
    calls = 0

    def deliver(*args: Any) -> Any:
        nonlocal calls
        result = original(*args)
        calls += 1
        if calls == n:
            then()
        return result

    w._outbound.deliver_unchecked = deliver  # type: ignore[method-assign]


def delivered(fake: FakeProviders) -> list[dict[str, Any]]:
    return [r for r in fake_requests(fake) if r.get("status", 0) < 300 and not r["replayed"]]


def numbers(area: str, count: int, start: int = 100) -> list[str]:
    return [f"+1{area}555{n:04d}" for n in range(start, start + count)]


def test_templates_are_made_compliant_or_refused(client: TestClient, admin: dict[str, str]) -> None:
    register(client, admin)
    made = create(client, admin, name="bare", template="Big sale today!")
    assert made.status_code == 201, made.text
    body = made.json()["body"]
    assert body.startswith("Acme") and body.endswith("Reply STOP to opt out.")
    codes = {f["code"] for f in made.json()["lint"]["findings"]}
    assert codes == {"opt_out_missing", "brand_missing"}
    refused = create(client, admin, name="bare2", template="Big sale!", on_missing_opt_out="refuse")
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "template"
    taken = create(client, admin, name="bare")
    assert taken.status_code == 409
    unknown = create(client, admin, name="other", sender="+14155550111")
    assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "sender"


def test_an_all_digit_name_is_refused_because_it_would_read_as_another_campaigns_id(
    client: TestClient, admin: dict[str, str], graph: Stopline
) -> None:
    register(client, admin)
    assert create(client, admin, name="first").json()["id"] == 1
    refused = create(client, admin, name=" 1 ")
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "name"
    assert "campaign id" in refused.json()["error"]["message"]
    reported = {"campaign": "2026", "number": "+12125550100", "sender": SENDER}
    reported["sent_at"] = "2026-11-26T15:00:00Z"
    answer = client.post("/v1/sends", json={"sends": [reported]}, headers=admin).json()
    assert [e["field"] for e in answer["errors"]] == ["campaign"] and answer["recorded"] == 0
    assert create(client, admin, name="2026 launch").status_code == 201
    slash = create(client, admin, name="50/50 promo")  # /v1/campaigns/50%2F50%20promo: 404
    assert slash.status_code == 422 and "'/'" in slash.json()["error"]["message"]
    assert client.get("/v1/campaigns/1", headers=admin).json()["name"] == "first"
    assert client.get("/v1/campaigns/2026 launch", headers=admin).status_code == 200
    # a campaign named "2025" before the rule: reports under its name still reach it
    from sqlalchemy import update

    from stopline.storage.tables import campaigns

    with graph.engine.begin() as conn:
        conn.execute(update(campaigns).where(campaigns.c.id == 1).values(name="2025"))
    again = client.post(
        "/v1/sends", json={"sends": [{**reported, "campaign": "2025"}]}, headers=admin
    )
    assert again.json()["recorded"] == 1 and again.json()["errors"] == []
    assert client.get("/v1/campaigns/2025", headers=admin).json()["id"] == 1  # id 2025: none


def test_audience_preview_and_send_with_the_gate_asked_at_send_time(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    register(client, admin)
    audience = numbers("212", 20)
    messy = ["(212) 555-0100", "212.555.0101", "not a number", "+1 212 555 0102"]
    made = create(client, admin, numbers=audience + messy)
    assert made.status_code == 201, made.text
    assert made.json()["audience"] == {
        "added": 20,
        "duplicates": 3,
        "invalid": 1,
        "invalid_examples": [
            {
                "input": "not a number",
                "reason": made.json()["audience"]["invalid_examples"][0]["reason"],
            }
        ],
    }
    stop = {"number": audience[0], "kind": "opt_out"}
    assert client.post("/v1/consent", json=stop, headers=admin).status_code == 201
    topic_stop = {"number": audience[1], "kind": "opt_out", "scope": "topic:PROMO"}
    assert client.post("/v1/consent", json=topic_stop, headers=admin).status_code == 201
    preview = client.get("/v1/campaigns/spring/preview", headers=admin).json()
    assert preview["recipients"] == 20 and preview["suppressed"] == 2
    assert preview["encoding"] == "GSM-7" and preview["segments_per_message"] == 1
    assert preview["segments_total"] == 18
    started = client.post("/v1/campaigns/spring/send", headers=admin)
    assert started.status_code == 202 and started.json()["status"] == "sending"
    # opted out after the preview, before the send: the send-time check must catch it
    late = {"number": audience[2], "kind": "opt_out"}
    assert client.post("/v1/consent", json=late, headers=admin).status_code == 201
    stats = worker(graph, lambda: NOON_EASTERN).drain()
    assert (stats.sent, stats.blocked) == (17, 3)
    sent_to = [r["body"]["To"] for r in delivered(fake)]
    assert sorted(sent_to) == sorted(audience[3:])
    assert all(r["body"]["Body"] == made.json()["body"] for r in delivered(fake))
    state = client.get("/v1/campaigns/spring", headers=admin).json()
    assert state["status"] == "done"
    assert state["recipients"]["sent"] == 17 and state["recipients"]["blocked"] == 3
    again = worker(graph, lambda: NOON_EASTERN).drain()
    assert not again.busy and len(delivered(fake)) == 17  # nothing is sent twice


def test_quiet_hours_defer_and_later_deliver(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    register(client, admin)
    east, west = numbers("212", 3), numbers("415", 3)
    assert create(client, admin, numbers=east + west).status_code == 201
    late_evening = new_york(TOMORROW, 21, 30)  # 18:30 in Los Angeles
    preview = client.get("/v1/campaigns/spring/preview", headers=admin).json()
    assert preview["recipients"] == 6
    client.post("/v1/campaigns/spring/send", headers=admin)
    now = [late_evening]
    first = worker(graph, lambda: now[0]).drain()
    assert (first.sent, first.deferred) == (3, 3)
    assert sorted(r["body"]["To"] for r in delivered(fake)) == west
    next_day = TOMORROW + timedelta(days=1)
    now[0] = new_york(next_day, 7, 59)  # still too early in New York
    assert not worker(graph, lambda: now[0]).drain().busy
    now[0] = new_york(next_day, 8)
    later = worker(graph, lambda: now[0]).drain()
    assert later.sent == 3
    assert sorted(r["body"]["To"] for r in delivered(fake)) == sorted(east + west)
    assert client.get("/v1/campaigns/spring", headers=admin).json()["status"] == "done"


def test_preview_plays_the_send_forward_through_quiet_hours_that_close_on_the_way(
    client: TestClient, admin: dict[str, str], graph: Stopline
) -> None:
    """At 20:58 in New York, 1,000 eastern recipients at 2/s are all sendable *now*, but only
    the first 240 get their turn before 21:00: the preview says so, and when the rest go."""
    register(client, admin)
    east, west = numbers("212", 1_000), numbers("415", 10)
    made = create(client, admin, numbers=east + west, rate_per_second=2)
    assert made.status_code == 201
    campaigns = graph.messaging.campaigns
    preview = campaigns.preview(made.json()["id"], now=new_york(TOMORROW, 20, 58))
    assert (preview.sendable_now, preview.deferred_quiet_hours) == (1_010, 0)
    assert preview.seconds_at_rate == 505  # the rate alone
    # 240 eastern sends fill the two minutes; the 10 western ones go next (they are after
    # the eastern ones in queue order but inside their window), the other 760 wait
    assert preview.closing_during_send == 760
    morning = new_york(TOMORROW + timedelta(days=1), 8)
    assert preview.timeline.finishes_at == morning + timedelta(seconds=380)
    assert (
        preview.seconds_to_finish
        == (preview.timeline.finishes_at - new_york(TOMORROW, 20, 58)).total_seconds()
    )
    shown = client.get("/v1/campaigns/spring/preview", headers=admin).json()
    assert {"quiet_hours_during_send", "estimated_seconds_to_finish", "estimated_finish"} <= set(
        shown
    )
    assert shown["estimate_complete"] is True


def _attempts(graph: Stopline) -> list[int]:
    from sqlalchemy import select

    from stopline.storage.tables import campaign_recipients as rows

    with graph.engine.connect() as conn:
        return list(conn.execute(select(rows.c.attempts).order_by(rows.c.id)).scalars())


def test_deferrals_and_pauses_spend_neither_send_slots_nor_attempts(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    """A recipient deferred by quiet hours, or handed back by a pause, was never tried: its
    claim gives the attempt back (the retry budget is for provider failures), and a deferral
    does not wait for a send slot of the campaign's rate."""
    register(client, admin)
    assert create(client, admin, numbers=numbers("212", 4), rate_per_second=1).status_code == 201
    client.post("/v1/campaigns/spring/send", headers=admin)
    night = worker(graph, lambda: new_york(TOMORROW, 22))
    waits: list[float] = []
    night._stop.wait = lambda seconds: waits.append(seconds) or False  # type: ignore[method-assign,func-returns-value]
    assert night.drain().deferred == 4
    assert waits == [] and _attempts(graph) == [0, 0, 0, 0]
    client.post("/v1/campaigns/spring/pause", headers=admin)
    client.post("/v1/campaigns/spring/send", headers=admin)
    day = worker(graph, lambda: new_york(TOMORROW + timedelta(days=1), 12))
    after_delivery(day, 1, lambda: client.post("/v1/campaigns/spring/pause", headers=admin))
    day.run_once()
    assert _attempts(graph) == [1, 0, 0, 0]  # the three handed back were never tried


def test_a_small_campaign_is_not_held_up_by_a_large_one(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    """Workers claim a share from every sending campaign in turn."""
    register(client, admin)
    assert create(client, admin, name="big", numbers=numbers("212", 60)).status_code == 201
    client.post("/v1/campaigns/big/send", headers=admin)
    urgent = {"name": "urgent", "topic": "transactional", "numbers": ["+13125550100"]}
    assert create(client, admin, **urgent).status_code == 201
    client.post("/v1/campaigns/urgent/send", headers=admin)
    assert worker(graph, lambda: NOON_EASTERN).run_once().sent <= 20
    assert "+13125550100" in [r["body"]["To"] for r in delivered(fake)]


def test_a_recipient_deferred_while_its_campaign_is_cancelled_is_cancelled_with_it(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    register(client, admin)
    assert create(client, admin, numbers=numbers("212", 3)).status_code == 201
    client.post("/v1/campaigns/spring/send", headers=admin)
    night = worker(graph, lambda: new_york(TOMORROW, 22))
    plan = night._plan
    cancelled = False

    def cancel_while_held(*args: Any) -> Any:
        nonlocal cancelled
        if not cancelled:  # the rows are claimed: the cancel cannot take them itself
            cancelled = True
            assert client.post("/v1/campaigns/spring/cancel", headers=admin).status_code == 200
        return plan(*args)

    night._plan = cancel_while_held  # type: ignore[method-assign]
    night.run_once()
    counts = client.get("/v1/campaigns/spring", headers=admin).json()["recipients"]
    assert counts["cancelled"] == 3 and counts["pending"] == 0 and counts["sending"] == 0


def test_florida_cap_of_three_per_day_defers_the_fourth_until_the_first_ages_out(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    register(client, admin)
    miami, boston = "+13055550100", "+16175550100"
    now = [NOON_EASTERN]
    for i in range(4):
        made = create(client, admin, name=f"c{i}", numbers=[miami, boston])
        assert made.status_code == 201
        client.post(f"/v1/campaigns/c{i}/send", headers=admin)
        worker(graph, lambda: now[0]).drain()
        now[0] += timedelta(hours=1)
    to = [r["body"]["To"] for r in delivered(fake)]
    assert to.count(boston) == 4 and to.count(miami) == 3
    queued = client.get("/v1/campaigns/c3", headers=admin).json()
    assert queued["status"] == "sending" and queued["recipients"]["pending"] == 1
    now[0] = NOON_EASTERN + timedelta(hours=24)  # the first Miami send ages out
    assert worker(graph, lambda: now[0]).drain().sent == 1
    assert [r["body"]["To"] for r in delivered(fake)].count(miami) == 4


def test_transactional_topics_are_exempt_from_quiet_hours(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    register(client, admin)
    made = create(
        client,
        admin,
        topic="transactional",
        template="Acme: your order shipped.",
        numbers=numbers("212", 2),
    )
    assert made.status_code == 201 and "STOP" not in made.json()["body"]
    client.post("/v1/campaigns/spring/send", headers=admin)
    midnight = new_york(TOMORROW + timedelta(days=1), 0)
    assert worker(graph, lambda: midnight).drain().sent == 2


def test_pause_and_cancel(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    register(client, admin)
    assert create(client, admin, numbers=numbers("212", 5)).status_code == 201
    assert client.post("/v1/campaigns/spring/pause", headers=admin).status_code == 409
    client.post("/v1/campaigns/spring/send", headers=admin)
    assert client.post("/v1/campaigns/spring/pause", headers=admin).json()["status"] == "paused"
    assert not worker(graph, lambda: NOON_EASTERN).drain().busy
    cancelled = client.post("/v1/campaigns/spring/cancel", headers=admin).json()
    assert cancelled["status"] == "cancelled" and cancelled["recipients"]["cancelled"] == 5
    assert client.post("/v1/campaigns/spring/send", headers=admin).status_code == 409
    assert delivered(fake) == []


def test_a_sender_cannot_be_removed_while_its_campaign_has_recipients_to_send(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    """Removing it would fail every recipient still queued, permanently."""
    register(client, admin)
    assert create(client, admin, numbers=numbers("212", 5)).status_code == 201
    client.post("/v1/campaigns/spring/send", headers=admin)
    for state in ("sending", "paused"):
        if state == "paused":
            client.post("/v1/campaigns/spring/pause", headers=admin)
        refused = client.delete(f"/v1/senders/{SENDER}", headers=admin)
        assert refused.status_code == 409, (state, refused.text)
        assert refused.json()["error"]["code"] == "sender_in_use"
        assert "'spring'" in refused.json()["error"]["message"]
        assert client.get("/v1/senders", headers=admin).json()["items"][0]["address"] == SENDER
    client.post("/v1/campaigns/spring/send", headers=admin)  # resume
    assert worker(graph, lambda: NOON_EASTERN).drain().sent == 5
    assert len(delivered(fake)) == 5
    assert client.get("/v1/campaigns/spring", headers=admin).json()["status"] == "done"
    assert create(client, admin, name="later", numbers=numbers("212", 2)).status_code == 201
    assert client.delete(f"/v1/senders/{SENDER}", headers=admin).status_code == 200
    # a draft from a sender removed since: refused at start, nothing queued fails
    refused = client.post("/v1/campaigns/later/send", headers=admin)
    assert refused.status_code == 409 and refused.json()["error"]["field"] == "sender"
    assert client.get("/v1/campaigns/later", headers=admin).json()["status"] == "draft"


def test_a_sender_removed_while_its_campaign_starts_either_refuses_or_waits_for_it(
    client: TestClient,
    admin: dict[str, str],
    graph: Stopline,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The removal is tried while the start is between its sender check and its commit: it
    must wait for the start and then refuse (on PostgreSQL it had seen the campaign still a
    draft and deleted the sender under it)."""
    import threading
    import time

    from stopline.services import campaigns as campaigns_service
    from stopline.services import senders

    register(client, admin)
    assert create(client, admin, numbers=numbers("212", 3)).status_code == 201
    outcome: list[object] = []

    def remove() -> None:
        try:
            outcome.append(senders.remove(graph.engine, SENDER))
        except senders.SenderInUse as refused:
            outcome.append(refused)

    original = campaigns_service.repo.set_status
    removal = threading.Thread(target=remove)

    def set_status(*args: Any, **kwargs: Any) -> Any:
        removal.start()
        time.sleep(0.5)  # the removal reaches its check meanwhile
        return original(*args, **kwargs)

    monkeypatch.setattr(campaigns_service.repo, "set_status", set_status)
    assert client.post("/v1/campaigns/spring/send", headers=admin).status_code == 202
    removal.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], senders.SenderInUse), outcome
    assert client.get("/v1/senders", headers=admin).json()["items"][0]["address"] == SENDER


@pytest.mark.parametrize("stop", ["pause", "cancel"])
def test_a_pause_or_cancel_mid_batch_keeps_what_already_went_out(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders, stop: str
) -> None:
    """A pause or cancel while the worker holds a batch must not take back recipients
    already handed to the provider (they were sent again on resume, or counted as
    cancelled)."""
    register(client, admin)
    assert create(client, admin, numbers=numbers("212", 5)).status_code == 201
    client.post("/v1/campaigns/spring/send", headers=admin)
    w = worker(graph, lambda: NOON_EASTERN)

    def stop_it() -> None:
        assert client.post(f"/v1/campaigns/spring/{stop}", headers=admin).status_code == 200

    after_delivery(w, 2, stop_it)
    w.run_once()
    counts = client.get("/v1/campaigns/spring", headers=admin).json()["recipients"]
    assert counts["sent"] == 2 and len(delivered(fake)) == 2
    assert counts["cancelled" if stop == "cancel" else "pending"] == 3
    if stop == "pause":
        client.post("/v1/campaigns/spring/send", headers=admin)
        w.drain()
        counts = client.get("/v1/campaigns/spring", headers=admin).json()["recipients"]
        assert counts["sent"] == 5
        sent_to = [r["body"]["To"] for r in delivered(fake)]
        assert sorted(sent_to) == sorted(set(sent_to)) and len(sent_to) == 5  # none twice


class _Killed(BaseException):
    """The process dying: nothing in the worker catches it."""


def test_a_worker_killed_mid_batch_re_sends_only_the_recipient_it_was_sending(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    """Each send is settled with the next recipient's claim renewal, so after a crash only
    the send whose outcome was never recorded goes out again (not the whole batch)."""
    register(client, admin)
    assert create(client, admin, numbers=numbers("212", 6)).status_code == 201
    client.post("/v1/campaigns/spring/send", headers=admin)
    dying = worker(graph, lambda: NOON_EASTERN)

    def die() -> None:
        raise _Killed  # the provider took the fourth message; its outcome is lost

    after_delivery(dying, 4, die)
    with pytest.raises(_Killed):
        dying.run_once()
    counts = client.get("/v1/campaigns/spring", headers=admin).json()["recipients"]
    assert counts["sent"] == 3 and counts["sending"] == 3  # claimed: the batch of six
    after_lease = NOON_EASTERN + timedelta(minutes=5)
    assert worker(graph, lambda: after_lease).drain().sent == 3
    calls_made = [r for r in fake_requests(fake) if r.get("status", 0) < 300]
    assert len(calls_made) == 7  # the fourth recipient's send was made twice ...
    again = [r for r in calls_made if r["replayed"]]
    assert len(again) == 1 and again[0]["body"]["To"] == "+12125550103"  # ... same key
    assert sorted(r["body"]["To"] for r in delivered(fake)) == numbers("212", 6)
    assert client.get("/v1/campaigns/spring", headers=admin).json()["recipients"]["sent"] == 6


def test_a_slow_campaign_waits_in_the_queue_not_in_the_worker(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    """A campaign at one message a minute must not hold the worker (and every other
    campaign) through its waits, nor keep sending from a batch claimed before its pause (a
    black-box tester, 2026-12-05: a 0.02/s campaign stopped a 20/s one for minutes). Its
    recipients whose slot is far off go back to the queue until then, their attempt given
    back; the other campaign sends meanwhile."""
    from sqlalchemy import select

    from stopline.storage.tables import campaign_recipients as rows

    register(client, admin)
    slow = create(client, admin, name="slow", numbers=numbers("212", 3), rate_per_second=1 / 60)
    fast = create(client, admin, name="fast", numbers=numbers("213", 5), rate_per_second=1000)
    assert slow.status_code == fast.status_code == 201, (slow.text, fast.text)
    for name in ("slow", "fast"):
        client.post(f"/v1/campaigns/{name}/send", headers=admin)
    w = worker(graph, lambda: NOON_EASTERN)
    waits: list[float] = []
    original_wait = w._stop.wait

    def wait(seconds: float) -> bool:
        waits.append(seconds)
        return original_wait(seconds)

    w._stop.wait = wait  # type: ignore[method-assign]
    w.run_once()
    assert all(seconds <= 1.0 for seconds in waits), waits
    sent = sorted(r["body"]["To"] for r in delivered(fake))
    assert sent == sorted([*numbers("213", 5), numbers("212", 1)[0]])
    with graph.engine.connect() as conn:
        waiting = conn.execute(
            select(rows.c.status, rows.c.attempts, rows.c.not_before, rows.c.detail).where(
                rows.c.number.in_(numbers("212", 3)[1:])
            )
        ).all()
    assert [(status, attempts) for status, attempts, _, _ in waiting] == [("pending", 0)] * 2
    assert all(_utc(at) >= NOON_EASTERN + timedelta(seconds=50) for _, _, at, _ in waiting), (
        waiting
    )  # back in the queue until their slot, saying why (not an earlier deferral's reason)
    assert {d for *_, d in waiting} == {"paced: its campaign sends one message every 60 s"}
    client.post("/v1/campaigns/slow/pause", headers=admin)  # seen at the next claim
    later = worker(graph, lambda: NOON_EASTERN + timedelta(minutes=5))
    assert later.drain().sent == 0
    assert len(delivered(fake)) == 6


def test_worker_once_and_send_wait_wait_for_a_slow_campaigns_slots(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    """`worker --once` (and `campaigns send --wait`) send a slow campaign to its end at its
    rate, sleeping until each postponed recipient's slot, rather than stopping after one."""
    register(client, admin)
    made = create(
        client,
        admin,
        name="slow",
        numbers=numbers("212", 3),
        rate_per_second=0.5,  # a slot every 2 s: postponed, not waited for in the batch
        topic="transactional",  # exempt from quiet hours, whatever the hour of the test
    )
    assert made.status_code == 201, made.text
    client.post("/v1/campaigns/slow/send", headers=admin)
    started = time.monotonic()
    assert worker(graph, lambda: datetime.now(UTC)).drain().sent == 3
    assert time.monotonic() - started >= 3.5  # the rate held: two waits of about 2 s
    assert client.get("/v1/campaigns/slow", headers=admin).json()["status"] == "done"


def test_a_campaign_at_a_few_a_second_does_not_hold_a_faster_one_to_its_pace(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    """In one claimed batch the worker takes each next recipient from the campaign whose
    send slot comes first: the fast campaign's messages all go out before the slow one's
    second (a reviewer: at 1.2/s beside 1,000/s, taking turns sent both at 1.3/s)."""
    register(client, admin)
    slow = create(client, admin, name="slow", numbers=numbers("212", 4), rate_per_second=1.2)
    fast = create(client, admin, name="fast", numbers=numbers("213", 8), rate_per_second=1000)
    assert slow.status_code == fast.status_code == 201, (slow.text, fast.text)
    for name in ("slow", "fast"):
        client.post(f"/v1/campaigns/{name}/send", headers=admin)
    w = worker(graph, lambda: NOON_EASTERN)
    w.run_once()
    order = [r["body"]["To"] for r in delivered(fake)]
    assert sorted(order) == sorted(numbers("212", 4) + numbers("213", 8))
    second_slow = order.index(numbers("212", 4)[1])
    assert set(numbers("213", 8)) <= set(order[:second_slow]), order


def test_two_workers_pace_a_campaign_on_one_clock(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    """Every worker takes a campaign's send slots from the database, so two workers (two
    servers, or `stopline worker` beside `serve`) send it at its rate, not at twice it (a
    limitation until 2026-12-05: each worker paced on its own clock)."""
    register(client, admin)
    rate, count = 8.0, 12
    made = create(client, admin, numbers=numbers("212", count), rate_per_second=rate)
    assert made.status_code == 201, made.text
    client.post("/v1/campaigns/spring/send", headers=admin)
    outbound = graph.messaging.outbound
    original = outbound.deliver_unchecked
    calls: list[tuple[str, float]] = []

    def deliver(*args: Any) -> Any:
        calls.append((threading.current_thread().name, time.time()))
        return original(*args)

    outbound.deliver_unchecked = deliver  # type: ignore[method-assign]
    workers = [worker(graph, lambda: NOON_EASTERN, batch=2) for _ in range(2)]
    threads = [threading.Thread(target=w.drain, name=f"worker-{i}") for i, w in enumerate(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(r["body"]["To"] for r in delivered(fake)) == numbers("212", count)
    assert {name for name, _ in calls} == {"worker-0", "worker-1"}  # both sent
    moments = sorted(at for _, at in calls)
    # one clock: the first and last sends are (count - 1) slots apart; with a clock per
    # worker they were about half that
    assert moments[-1] - moments[0] >= (count - 1) / rate - 0.15, moments


def test_campaigns_that_take_their_senders_rate_share_it(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    """A sender's rate is its number's: the campaigns that take it (they set no rate of
    their own) share one send slot, kept on the sender's row, so together they send at that
    rate (a tester, 2026-12-05: two campaigns at a sender's 20/s sent 36.8/s). A campaign
    with its own rate keeps it."""
    rate = 8.0
    body = {"address": SENDER, "provider": "twilio", "brand": "Acme", "rate_per_second": rate}
    assert client.post("/v1/senders", json=body, headers=admin).status_code == 201
    for name, area in (("one", "212"), ("two", "213")):
        made = create(client, admin, name=name, numbers=numbers(area, 6), topic="transactional")
        assert made.status_code == 201, made.text
        client.post(f"/v1/campaigns/{name}/send", headers=admin)
    outbound = graph.messaging.outbound
    original = outbound.deliver_unchecked
    calls: list[float] = []

    def deliver(*args: Any) -> Any:
        calls.append(time.time())
        return original(*args)

    outbound.deliver_unchecked = deliver  # type: ignore[method-assign]
    workers = [worker(graph, lambda: NOON_EASTERN, batch=3) for _ in range(2)]
    threads = [threading.Thread(target=w.drain) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(r["body"]["To"] for r in delivered(fake)) == numbers("212", 6) + numbers("213", 6)
    moments = sorted(calls)
    # twelve sends on one slot: eleven steps; a slot per campaign made it about five
    assert moments[-1] - moments[0] >= 11 / rate - 0.15, moments
    from stopline.storage import campaigns as repo

    own = create(client, admin, name="own", numbers=numbers("214", 2), rate_per_second=50)
    assert own.status_code == 201
    client.post("/v1/campaigns/own/send", headers=admin)
    with graph.engine.begin() as conn:
        claimed = repo.claim(conn, NOON_EASTERN + timedelta(days=1), 5, timedelta(seconds=60))
    assert {(c.rate_per_second, c.pace[0]) for c in claimed} == {(50, "campaign")}


def test_a_senders_slot_is_shared_and_a_removed_sender_leaves_the_campaigns(
    graph: Stopline,
) -> None:
    from sqlalchemy import delete, insert

    from stopline.storage.campaigns import take_slot
    from stopline.storage.tables import campaigns, senders

    with graph.engine.begin() as conn:
        sender = conn.execute(
            insert(senders).values(
                address=SENDER, provider="twilio", created_at=NOON_EASTERN, rate_per_second=2
            )
        ).inserted_primary_key[0]
        ids = [
            conn.execute(
                insert(campaigns).values(
                    name=name, sender=SENDER, status="sending", created_at=NOON_EASTERN
                )
            ).inserted_primary_key[0]
            for name in ("a", "b")
        ]

    def take(campaign: int, shared: int | None) -> tuple[float, float]:
        with graph.engine.begin() as conn:
            return take_slot(conn, campaign, 0.5, 1.0, sender=shared)

    first, now = take(ids[0], sender)
    second, _ = take(ids[1], sender)  # the other campaign: the sender's next slot
    assert first == now and second == first + 0.5
    own, now = take(ids[1], None)  # its own slot is untouched by the shared ones
    assert own == now
    with graph.engine.begin() as conn:
        conn.execute(delete(senders).where(senders.c.id == sender))
    after, now = take(ids[0], sender)  # the sender is gone: the campaign's own slot
    assert after == now


def test_a_send_slot_is_taken_once_and_a_far_one_is_left(graph: Stopline) -> None:
    """Slots on the database's clock (PostgreSQL's, shared by every host): taken when near,
    left when far off, and free at once after a clock that moved back."""
    from sqlalchemy import insert, select, update

    from stopline.storage.campaigns import take_slot
    from stopline.storage.tables import campaigns

    with graph.engine.begin() as conn:
        row = {"name": "slots", "sender": SENDER, "status": "sending", "created_at": NOON_EASTERN}
        campaign = conn.execute(insert(campaigns).values(**row)).inserted_primary_key[0]

    def stored() -> float | None:
        with graph.engine.connect() as conn:
            query = select(campaigns.c.next_slot).where(campaigns.c.id == campaign)
            return conn.execute(query).scalar_one()

    def store(value: float) -> None:
        with graph.engine.begin() as conn:
            conn.execute(
                update(campaigns).where(campaigns.c.id == campaign).values(next_slot=value)
            )

    def take(step: float) -> tuple[float, float]:
        with graph.engine.begin() as conn:
            return take_slot(conn, campaign, step, 1.0)

    slot, now = take(0.5)  # the first: now
    assert slot == now and abs(now - time.time()) < 5 and stored() == slot + 0.5
    second, now = take(0.5)  # the next, half a second on
    assert second == slot + 0.5 and stored() == slot + 1.0
    store(now - 10)  # a slot in the past: now
    third, now = take(0.5)
    assert third == now and stored() == now + 0.5
    near, now = take(60.0)  # near: taken, the next a minute on
    assert near == third + 0.5 and stored() == near + 60
    far, now = take(60.0)  # far off: left for later
    assert far == near + 60 and stored() == near + 60
    store(now + 3600)  # no worker at this rate could have left it (the clock moved back)
    reset, now = take(60.0)
    assert reset == now and stored() == now + 60


def test_a_worker_and_a_cancel_take_their_locks_in_one_order(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    """PostgreSQL: the worker's transaction locks the campaign's row before any recipient's,
    as cancelling does, so a cancel that reaches a recipient whose lease ran out never
    deadlocks with the worker (a reviewer, 2026-12-05: the send slot's lock came after the
    recipient's, and one side was aborted)."""
    if graph.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's write transactions take the whole database")
    from stopline.domain.campaigns import CampaignStatus
    from stopline.storage import campaigns as repo

    register(client, admin)
    made = create(client, admin, numbers=numbers("212", 1), topic="transactional")
    assert made.status_code == 201, made.text
    client.post("/v1/campaigns/spring/send", headers=admin)
    campaign = made.json()["id"]
    w = worker(graph, lambda: datetime.now(UTC), lease=0.0)  # its claim runs out at once
    failures: list[BaseException] = []

    def run() -> None:
        try:
            w.run_once()
        except BaseException as exc:  # reported by the test
            failures.append(exc)

    thread = threading.Thread(target=run)
    with graph.engine.begin() as conn:  # cancelling: the campaign's row, then its recipients
        repo.set_status(
            conn, campaign, CampaignStatus.CANCELLED, only_from=[CampaignStatus.SENDING]
        )
        thread.start()
        time.sleep(1.0)  # the worker has claimed the recipient and waits for the campaign
        repo.cancel_pending(conn, campaign, datetime.now(UTC))
    thread.join(timeout=30)
    assert not failures, failures
    assert delivered(fake) == []
    assert client.get("/v1/campaigns/spring", headers=admin).json()["status"] == "cancelled"


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def test_reported_sends_are_idempotent_and_create_external_campaigns(
    client: TestClient, admin: dict[str, str]
) -> None:
    at = "2026-11-26T15:00:00Z"
    batch = {
        "sends": [
            {
                "campaign": "newsletter",
                "number": "(212) 555-0100",
                "sent_at": at,
                "sender": SENDER,
                "id": "m1",
            },
            {"campaign": "newsletter", "number": "+12125550101", "sent_at": at, "id": "m2"},
            {"campaign": "newsletter", "number": "nope", "sent_at": at},
            {"campaign": "unknown-new", "number": "+12125550101", "sent_at": at},
            {"campaign": "newsletter", "number": "+12125550101", "sent_at": "2999-01-01T00:00:00Z"},
        ]
    }
    answer = client.post("/v1/sends", json=batch, headers=admin)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    assert result["recorded"] == 2 and result["duplicates"] == 0
    assert [(e["index"], e["field"]) for e in result["errors"]] == [
        (2, "number"),
        (3, "sender"),
        (4, "sent_at"),
    ]
    again = client.post("/v1/sends", json={"sends": batch["sends"][:2]}, headers=admin).json()
    assert again["recorded"] == 0 and again["duplicates"] == 2
    listed = client.get("/v1/campaigns", headers=admin).json()["items"]
    assert [(c["name"], c["status"]) for c in listed] == [("newsletter", "external")]
    naive = {
        "sends": [
            {"campaign": "newsletter", "number": "+12125550101", "sent_at": "2026-11-26T15:00:00"}
        ]
    }
    refused = client.post("/v1/sends", json=naive, headers=admin)
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "sends.0.sent_at"
    assert refused.json()["error"]["message"].startswith("sends.0.sent_at: ")
    epoch = {"sends": [{"campaign": "newsletter", "number": "+12125550101", "sent_at": 0}]}
    assert client.post("/v1/sends", json=epoch, headers=admin).status_code == 422
    # another sender's or topic's send under the campaign's name is refused, not mixed in
    # (a black-box tester: two platforms reusing a name mixed their counts silently)
    mixed = {
        "sends": [
            {**batch["sends"][1], "id": "m3", "sender": "+12125550300"},
            {**batch["sends"][1], "id": "m4", "topic": "other"},
            {**batch["sends"][1], "id": "m5", "sender": SENDER, "topic": " "},
        ]
    }
    answer = client.post("/v1/sends", json=mixed, headers=admin)
    assert answer.status_code == 200, answer.text
    assert answer.json()["recorded"] == 1
    assert [(e["index"], e["field"]) for e in answer.json()["errors"]] == [
        (0, "sender"),
        (1, "topic"),
    ]


def test_a_csv_audience_uses_its_phone_column(client: TestClient, admin: dict[str, str]) -> None:
    register(client, admin)
    assert create(client, admin).status_code == 201
    csv_body = "name,mobile\nAda,(212) 555-0100\nBob,bad\nCy,212-555-0101\n"
    answer = client.post(
        "/v1/campaigns/spring/audience",
        content=csv_body,
        headers={**admin, "Content-Type": "text/csv"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["added"] == 2 and answer.json()["invalid"] == 1
    no_column = client.post(
        "/v1/campaigns/spring/audience",
        content="name,email\nAda,a@x\n",
        headers={**admin, "Content-Type": "text/csv"},
    )
    assert no_column.status_code == 422 and no_column.json()["error"]["field"] == "column"


@pytest.mark.parametrize(
    ("body", "added"),
    [
        ("phone\r2125550100\r2125550101\r", 2),  # Excel for Mac: bare CR line endings
        ("name;phone\r\nAda;2125550100\r\nBob;2125550101\r\n", 2),  # semicolons
        ('phone,note\n2125550100,"two\rlines"\n', 1),  # a CR inside a quoted field
    ],
)
def test_csv_audiences_with_any_line_ending_or_delimiter(
    client: TestClient, admin: dict[str, str], body: str, added: int
) -> None:
    register(client, admin)
    assert create(client, admin).status_code == 201
    answer = client.post(
        "/v1/campaigns/spring/audience",
        content=body,
        headers={**admin, "Content-Type": "text/csv"},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["added"] == added and answer.json()["invalid"] == 0


def test_unreadable_or_ambiguous_csv_audiences_are_422_not_500(
    client: TestClient, admin: dict[str, str]
) -> None:
    register(client, admin)
    assert create(client, admin).status_code == 201
    csv_headers = {**admin, "Content-Type": "text/csv"}
    for body, field in (
        ('phone\n"2125550100\n', "audience"),  # a quote never closed: csv.Error at the end
        ("phone,phone\n2125550100,2125550101\n", "column"),  # which one?
        ("name,mobile,phone\nAda,2125550100,2125550101\n", "column"),  # which one?
        ("", "audience"),
    ):
        answer = client.post("/v1/campaigns/spring/audience", content=body, headers=csv_headers)
        assert answer.status_code == 422, (body, answer.text)
        assert answer.json()["error"]["field"] == field
        assert "--column" not in answer.json()["error"]["message"]
    named = client.post(
        "/v1/campaigns/spring/audience?column=Mobile",
        content="name,mobile,phone\nAda,2125550100,2125550101\n",
        headers=csv_headers,
    )
    assert named.status_code == 200 and named.json()["added"] == 1
    chosen = client.post(
        "/v1/campaigns/spring/audience?column=2",
        content="phone,phone\n2125550100,2125550101\n",
        headers=csv_headers,
    )
    assert chosen.status_code == 200 and chosen.json()["added"] == 1


def test_stops_arriving_mid_broadcast_stop_every_later_send(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    """A broadcast to 1,500 numbers runs in a thread while 60 of its recipients text STOP.
    Once a STOP is acknowledged (HTTP 200 from the webhook), the fake provider must not
    receive one more message for that number."""
    register(client, admin)
    audience = numbers("212", 1500, start=1000)
    made = create(client, admin, numbers=audience, rate_per_second=2000)
    assert made.status_code == 201
    client.post("/v1/campaigns/spring/send", headers=admin)
    runner = worker(graph, lambda: NOON_EASTERN)
    thread = threading.Thread(target=runner.drain)
    thread.start()
    acknowledged: dict[str, float] = {}
    stopping = audience[::25]  # spread through the queue
    for index, number in enumerate(stopping):
        form = twilio_form(f"SM{index:032d}", "STOP", from_=number, to=SENDER)
        body, headers = twilio_signed(TWILIO_TOKEN, form)
        answer = client.post("/webhooks/twilio", content=body, headers=headers)
        assert answer.status_code == 200
        acknowledged[number] = time.time()
        time.sleep(0.005)
    thread.join(120)
    assert not thread.is_alive()
    sends = delivered(fake)
    late = [
        r
        for r in sends
        if r["body"]["To"] in acknowledged and r["at"] > acknowledged[r["body"]["To"]]
    ]
    assert late == []
    sent_to = {r["body"]["To"] for r in sends}
    assert len(sent_to) == len(sends)  # no number twice
    assert sent_to | set(stopping) == set(audience)  # everyone else got it
    assert len(set(stopping) - sent_to) > 0  # some STOPs did arrive before their send
    counts = client.get("/v1/campaigns/spring", headers=admin).json()["recipients"]
    assert counts["sent"] == len(sends) and counts["sent"] + counts["blocked"] == 1500


def test_the_report_attributes_real_stops_to_the_broadcast_that_preceded_them(
    client: TestClient, admin: dict[str, str], graph: Stopline, fake: FakeProviders
) -> None:
    register(client, admin)
    audience = numbers("212", 40)
    # exempt from quiet hours, so the real clock can drive it at any time of day
    made = create(client, admin, numbers=audience, topic="transactional")
    assert made.status_code == 201
    client.post("/v1/campaigns/spring/send", headers=admin)
    assert worker(graph, lambda: datetime.now(UTC)).drain().sent == 40
    for index, number in enumerate(audience[:4]):  # four recipients answer STOP
        body, headers = twilio_signed(
            TWILIO_TOKEN, twilio_form(f"SM{index:032d}", "STOP", from_=number, to=SENDER)
        )
        assert client.post("/webhooks/twilio", content=body, headers=headers).status_code == 200
    manual = {"number": "+12125559999", "kind": "opt_out"}  # not a reaction to a campaign
    client.post("/v1/consent", json=manual, headers=admin)
    report = client.get("/v1/reports/campaigns", headers=admin).json()
    [row] = report["campaigns"]
    assert (row["name"], row["sends"], row["opt_outs"]) == ("spring", 40, 4)
    assert row["rate"] == 0.1 and row["ci_low"] < 0.1 < row["ci_high"]
    assert report["opt_outs"] == 4 and report["attributed"] == 4
    assert row["baseline"] is None and not row["flagged"]


def test_a_spiking_campaign_is_flagged_once_with_an_event_and_normal_ones_are_not(
    client: TestClient, admin: dict[str, str], graph: Stopline
) -> None:
    """Synthetic history through the public routes: 12 campaigns of one sender reported via
    /v1/sends at about 1 % opt-outs, one at 6 %; the opt-outs are real STOP webhooks."""
    import random

    from stopline.domain.consent import ConsentDraft, Kind, Source

    rng = random.Random(7)
    start = datetime.now(UTC) - timedelta(days=30)
    stops: list[tuple[str, datetime]] = []
    for c in range(13):
        rate = 0.06 if c == 5 else 0.01
        sent_at = start + timedelta(days=2 * c)
        batch = []
        for i in range(400):
            number = f"+16462{c:02d}{i:04d}"
            batch.append(
                {
                    "campaign": f"weekly-{c:02d}",
                    "number": number,
                    "sender": SENDER,
                    "sent_at": sent_at.isoformat(),
                    "id": f"{c}-{i}",
                }
            )
            if rng.random() < rate:
                stops.append((number, sent_at + timedelta(hours=rng.uniform(0.1, 48))))
        answer = client.post("/v1/sends", json={"sends": batch}, headers=admin)
        assert answer.json()["recorded"] == 400
    for number, when in stops:
        draft = ConsentDraft(
            number=number,
            kind=Kind.OPT_OUT,
            source=Source.KEYWORD,
            occurred_at=when,
            raw_text="STOP",
        )
        graph.commits.run(graph.consent, draft)
    report = client.get("/v1/reports/campaigns", headers=admin).json()
    flagged = [r["name"] for r in report["campaigns"] if r["flagged"]]
    assert flagged == ["weekly-05"]
    events = client.get("/v1/events", headers=admin).json()["items"]
    assert [(e["kind"], e["payload"]["name"]) for e in events] == [
        ("campaign_opt_out_spike", "weekly-05")
    ]
    client.get("/v1/reports/campaigns", headers=admin)
    assert len(client.get("/v1/events", headers=admin).json()["items"]) == 1  # once


def test_the_senders_configured_rate_applies_unless_the_campaign_sets_its_own(
    client: TestClient, admin: dict[str, str], graph: Stopline
) -> None:
    body = {"address": SENDER, "provider": "twilio", "brand": "Acme", "rate_per_second": 5}
    registered = client.post("/v1/senders", json=body, headers=admin)
    assert registered.status_code == 201 and registered.json()["rate_per_second"] == 5
    assert create(client, admin, numbers=numbers("212", 12)).status_code == 201
    preview = client.get("/v1/campaigns/spring/preview", headers=admin).json()
    assert preview["rate_per_second"] == 5 and preview["estimated_seconds"] == 3
    own = create(client, admin, name="fast", numbers=numbers("212", 12), rate_per_second=50)
    assert own.status_code == 201
    assert client.get("/v1/campaigns/fast/preview", headers=admin).json()["rate_per_second"] == 50
    from stopline.storage import campaigns as repo

    client.post("/v1/campaigns/spring/send", headers=admin)
    with graph.engine.begin() as conn:
        claimed = repo.claim(conn, NOON_EASTERN + timedelta(days=1), 3, timedelta(seconds=60))
    assert [c.rate_per_second for c in claimed] == [5, 5, 5]


@pytest.mark.parametrize("ref", ["¹", "٣", str(2**70), "no-such-campaign"])
def test_an_unknown_campaign_reference_is_404_however_it_is_written(
    client: TestClient, admin: dict[str, str], ref: str
) -> None:
    for method, path, body in [
        ("get", f"/v1/campaigns/{ref}", None),
        ("post", f"/v1/campaigns/{ref}/audience", {"numbers": ["+14155550100"]}),
        ("get", f"/v1/campaigns/{ref}/preview", None),
        ("post", f"/v1/campaigns/{ref}/send", None),
    ]:
        response = client.request(method, path, json=body, headers=admin)
        assert response.status_code == 404, (method, path, response.text)
        assert "no campaign" in response.json()["error"]["message"]


def test_a_json_audience_that_is_not_numbers_gets_its_first_problem_named(
    client: TestClient, admin: dict[str, str]
) -> None:
    register(client, admin)
    assert create(client, admin).status_code == 201
    for body, code, field in (
        (b"name,phone\nAda,2125550100\n", "invalid_json", None),  # CSV without its type
        (b"[]", "invalid_json", None),
        (b'{"numbers": 5}', "invalid_request", "numbers"),
        (b'{"numbers": ["2125550100", null]}', "invalid_request", "numbers.1"),
        (b'{"phones": []}', "invalid_request", "numbers"),
    ):
        answer = client.post(
            "/v1/campaigns/spring/audience",
            content=body,
            headers={**admin, "Content-Type": "application/json"},
        )
        assert answer.status_code == 422, (body, answer.text)
        error = answer.json()["error"]
        assert (error["code"], error.get("field")) == (code, field), (body, error)
        assert "pydantic" not in error["message"] and "\n" not in error["message"]
        if code == "invalid_json":  # says how to send CSV instead
            assert "Content-Type text/csv" in error["message"]
    missing = client.get("/v1/campaigns/nope", headers=admin)
    assert missing.status_code == 404
    assert missing.json()["detail"][0]["loc"] == ["path", "ref"]  # the path parameter


def test_a_csv_audience_may_be_larger_than_other_bodies(
    client: TestClient, admin: dict[str, str]
) -> None:
    """100,000 rows of a few columns pass the 2 MiB cap of other bodies: the audience
    upload has its own (32 MiB)."""
    register(client, admin)
    assert create(client, admin).status_code == 201
    csv_headers = {**admin, "Content-Type": "text/csv"}
    notes = "x" * 100_000  # 30 rows of 100 kB: 3 MB
    body = "phone,notes\n" + "".join(f"{n},{notes}\n" for n in numbers("212", 30))
    answer = client.post("/v1/campaigns/spring/audience", content=body, headers=csv_headers)
    assert answer.status_code == 200, answer.text[:200]
    assert answer.json()["added"] == 30
    huge = "phone\n" + "2125550100\n" * (3_100_000)
    refused = client.post("/v1/campaigns/spring/audience", content=huge, headers=csv_headers)
    assert refused.status_code == 413
    other = client.post("/v1/check", content=body, headers=csv_headers)
    assert other.status_code == 413  # other routes keep their cap
    # UTF-16 (Excel's "Unicode Text"), either byte order, is read by its byte-order mark
    for utf16 in (
        "mobile\n2125550180\n".encode("utf-16-le"),
        "mobile\n2125550181\n".encode("utf-16-be"),
    ):
        bom = b"\xff\xfe" if utf16[0] else b"\xfe\xff"
        read = client.post(
            "/v1/campaigns/spring/audience", content=bom + utf16, headers=csv_headers
        )
        assert read.status_code == 200 and read.json()["added"] == 1, read.text
