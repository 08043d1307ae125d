from stopline.domain.recipient_location import CONTIGUOUS_US_ZONES, locate


def test_mobiles_outside_north_america_are_in_their_own_countrys_zones() -> None:
    assert "Europe/London" in locate("+447911001000").zones
    assert locate("+33612345678").zones == ("Europe/Paris",)
    au = locate("+61412345678").zones
    assert "Australia/Perth" in au and "Australia/Sydney" in au
    assert "America/New_York" not in au


def test_north_american_numbers_keep_their_area_codes_zone_or_the_fallback() -> None:
    assert locate("+12125551000").zones == ("America/New_York",)
    assert len(locate("+18005551234").zones) == 4  # toll-free: the contiguous US


def test_an_exchange_libphonenumber_does_not_know_gets_every_zone_of_its_area_code() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from stopline.domain.sending_rules import next_allowed

    # 850 spans Eastern (Tallahassee) and Central (Pensacola); the 555 exchange is in no table
    assert locate("+18505550123").zones == ("America/Chicago", "America/New_York")
    assert locate("+18504320000").zones == ("America/Chicago",)  # Pensacola's own entry
    for area in ("270", "308", "423", "541", "812", "906"):
        assert len(locate(f"+1{area}5550123").zones) == 2, area
    # 08:00 in Tallahassee is 07:00 in Pensacola: not yet
    eight_eastern = datetime(2026, 3, 2, 8, 0, tzinfo=ZoneInfo("America/New_York"))
    verdict = next_allowed(locate("+18505550123"), eight_eastern)
    assert not verdict.allowed_now
    assert verdict.at == datetime(2026, 3, 2, 8, 0, tzinfo=ZoneInfo("America/Chicago"))


def test_a_number_in_a_range_libphonenumber_does_not_know_is_still_in_its_country() -> None:
    """+44 7700 900123 (a range set aside for drama) has no region of its own; it is still
    British, not in the North American fallback that would let it be texted at 22:30."""
    import phonenumbers

    for number, zone in (
        ("+447700900123", "Europe/London"),
        ("+390000000000", "Europe/Rome"),
        ("+61000000000", "Australia/Sydney"),
    ):
        assert phonenumbers.region_code_for_number(phonenumbers.parse(number)) is None
        zones = locate(number).zones
        assert zone in zones, (number, zones)
        assert "America/New_York" not in zones


def test_alaska_and_the_pacific_territories_are_not_read_as_the_contiguous_us() -> None:
    """A black-box tester (2026-12-05): a 907 exchange libphonenumber does not list (its area
    code spans six zones, Anchorage to Adak) and American Samoa, Guam and the Northern
    Marianas fell back to the contiguous US zones, so quiet hours ended at 07:00 in
    Anchorage and 05:00 in Pago Pago. Zones that lie close together are kept however many
    there are, and a number of a known state or territory gets that place's zones."""
    from datetime import UTC, datetime

    from stopline.domain.sending_rules import SendingRules, next_allowed

    dawn = datetime(2026, 12, 5, 15, 28, tzinfo=UTC)  # 06:28 in Anchorage
    alaska = locate("+19075550100")
    assert "America/Anchorage" in alaska.zones and "America/New_York" not in alaska.zones
    opens = {
        number: next_allowed(locate(number), dawn, (), "promo", SendingRules()).at
        for number in ("+19075550100", "+16842480100", "+16715550100", "+16705550100")
    }
    assert opens["+19075550100"] == datetime(2026, 12, 5, 18, tzinfo=UTC)  # 08:00 in Adak
    assert opens["+16842480100"] == datetime(2026, 12, 5, 19, tzinfo=UTC)  # 08:00 in Pago Pago
    assert opens["+16715550100"] == datetime(2026, 12, 5, 22, tzinfo=UTC)  # 08:00 in Guam
    assert opens["+16705550100"] == datetime(2026, 12, 5, 22, tzinfo=UTC)  # and Saipan
    assert locate("+18005550100").zones == CONTIGUOUS_US_ZONES  # toll-free: anywhere
