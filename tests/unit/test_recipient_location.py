from stopline.domain.recipient_location import locate


def test_mobiles_outside_north_america_are_in_their_own_countrys_zones() -> None:
    assert "Europe/London" in locate("+447911001000").zones
    assert locate("+33612345678").zones == ("Europe/Paris",)
    au = locate("+61412345678").zones
    assert "Australia/Perth" in au and "Australia/Sydney" in au
    assert "America/New_York" not in au


def test_north_american_numbers_keep_their_area_codes_zone_or_the_fallback() -> None:
    assert locate("+12125551000").zones == ("America/New_York",)
    assert len(locate("+18005551234").zones) == 4  # toll-free: the contiguous US
