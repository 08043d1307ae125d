"""Playing a campaign's send forward at its rate, through quiet hours that close and open."""

from datetime import UTC, date, datetime, timedelta
from datetime import time as wall_clock
from zoneinfo import ZoneInfo

from stopline.domain.recipient_location import Location
from stopline.domain.send_timeline import Waiting, play
from stopline.domain.sending_rules import SendingRules

NEW_YORK, LOS_ANGELES = ZoneInfo("America/New_York"), ZoneInfo("America/Los_Angeles")
DAY = date(2026, 12, 8)
EAST, WEST = Location(("America/New_York",)), Location(("America/Los_Angeles",))
RULES = SendingRules()


def eastern(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, wall_clock(hour, minute), tzinfo=NEW_YORK).astimezone(UTC)


def test_a_send_that_fits_before_the_window_closes_finishes_at_the_rate() -> None:
    start = eastern(12)
    timeline = play(start, 10, [Waiting(EAST, (), start)] * 100, "promo", RULES)
    assert timeline.closing_during_send == 0 and timeline.complete
    assert timeline.finishes_at == start + timedelta(seconds=10)


def test_recipients_whose_window_closes_before_their_turn_wait_for_the_morning() -> None:
    start = eastern(20, 55)  # five minutes of window left in New York: 3,000 sends at 10/s
    waiting = [Waiting(EAST, (), start)] * 10_000
    timeline = play(start, 10, waiting, "promo", RULES)
    assert timeline.closing_during_send == 7_000
    # the 7,000 left go from 8:00 the next morning, at the same rate
    assert timeline.finishes_at == eastern(8, day=DAY + timedelta(days=1)) + timedelta(seconds=700)


def test_a_deferral_takes_no_send_slot_from_those_still_inside_their_window() -> None:
    start = eastern(20, 59)  # one minute left in New York, three hours in Los Angeles
    waiting = [Waiting(EAST, (), start)] * 600 + [Waiting(WEST, (), start)] * 600
    timeline = play(start, 10, waiting, "promo", RULES)
    assert timeline.closing_during_send == 0  # 600 eastern sends take exactly the minute
    waiting = [Waiting(EAST, (), start)] * 1_200 + [Waiting(WEST, (), start)] * 600
    timeline = play(start, 10, waiting, "promo", RULES)
    assert timeline.closing_during_send == 600
    morning = eastern(8, day=DAY + timedelta(days=1))
    assert timeline.finishes_at == morning + timedelta(seconds=60)  # the west went last night


def test_recipients_already_deferred_count_as_waiting_not_as_closing() -> None:
    start = eastern(22)
    morning = eastern(8, day=DAY + timedelta(days=1))
    timeline = play(start, 1, [Waiting(EAST, (), morning)] * 5, "promo", RULES)
    assert timeline.closing_during_send == 0
    assert timeline.finishes_at == morning + timedelta(seconds=5)


def test_exempt_topics_ignore_quiet_hours() -> None:
    start = eastern(23)
    timeline = play(start, 100, [Waiting(EAST, (), start)] * 1_000, "transactional", RULES)
    assert timeline.closing_during_send == 0 and timeline.finishes_at == start + timedelta(
        seconds=10
    )


def test_nothing_to_send_has_no_end_and_a_slow_huge_send_gives_up_with_a_floor() -> None:
    start = eastern(12)
    assert play(start, 10, [], "promo", RULES).finishes_at is None
    assert play(start, 0, [Waiting(EAST, (), start)], "promo", RULES).finishes_at is None
    # 0.01/s: 468 sends a day; 10,000 recipients would take three weeks of nightly deferrals
    timeline = play(start, 0.01, [Waiting(EAST, (), start)] * 10_000, "promo", RULES)
    assert not timeline.complete
    assert timeline.finishes_at is not None and timeline.finishes_at > start + timedelta(days=2)
