"""How a provider's sender number is read: providers write international numbers as bare
digits; digits that start with 0 are an international or trunk prefix instead."""

from __future__ import annotations

import pytest

from stopline.providers.base import (
    WebhookRejected,
    address,
    digits_address,
    digits_phone,
    phone,
)


@pytest.mark.parametrize(
    ("written", "region", "read"),
    [
        ("447700900001", "US", "+447700900001"),  # Vonage, Plivo, Sinch: no "+"
        ("14155550100", "DE", "+14155550100"),  # never read as a German number
        ("00447700900001", "US", "+447700900001"),
        ("00447700900001", "DE", "+447700900001"),
        ("07700900712", "GB", "+447700900712"),  # national, in the default region
        ("4155550100", "US", "+14155550100"),
        ("+33612345678", "US", "+33612345678"),
    ],
)
def test_provider_numbers(written: str, region: str, read: str) -> None:
    assert phone(written, region, "from") == read
    assert address(written, region) == read


def test_an_unreadable_number_is_a_422_naming_the_field() -> None:
    with pytest.raises(WebhookRejected) as raised:
        phone("0", "US", "msisdn")
    assert raised.value.status == 422 and "msisdn" in str(raised.value)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("4798765432", "+4798765432"),  # Norway: 10 digits in all, not +1 479 876 5432
        ("4591234567", "+4591234567"),  # Denmark: not refused as "+1 459 123 …"
        ("6598765432", "+6598765432"),  # Singapore
        ("14155550100", "+14155550100"),
        ("447700900001", "+447700900001"),
        ("2125550100", "+12125550100"),  # no number as +212 …: the fallback reading
        ("00447700900001", "+447700900001"),
        ("+4798765432", "+4798765432"),
    ],
)
def test_digits_from_providers_that_write_e164_without_plus(written: str, read: str) -> None:
    """Vonage, Plivo and Sinch: bare digits are international whatever their length."""
    assert digits_phone(written, "US", "from") == read
    assert digits_address(written, "US") == read


@pytest.mark.parametrize(
    "written", ["12345", "60123", "430000", "491234", "981234", "ACME", "Acme Ltd"]
)
def test_short_codes_and_sender_ids_stay_as_written(written: str) -> None:
    assert digits_address(written, "US") == written
