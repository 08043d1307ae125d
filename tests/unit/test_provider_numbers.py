"""How a provider's sender number is read: providers write international numbers as bare
digits; digits that start with 0 are an international or trunk prefix instead."""

from __future__ import annotations

import pytest

from stopline.providers.base import WebhookRejected, address, phone


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
