from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stopline.domain.phone import (
    InvalidNumber,
    _normalise_parsed,
    all_canonical,
    all_written,
    is_assigned,
    mask,
    normalise,
    normalise_address,
    normalise_many,
    try_normalise,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+14155550100", "+14155550100"),
        ("(415) 555-0100", "+14155550100"),
        ("415.555.0100", "+14155550100"),
        ("1 415 555 0100", "+14155550100"),
        ("  +1 (415) 555-0100  ", "+14155550100"),
        ("tel:+14155550100", "+14155550100"),
        ("+1 555 867 5310", "+15558675310"),  # Twilio's documentation number: possible
        ("+44 7700 900000", "+447700900000"),  # Ofcom drama range, used in Vonage docs
        ("+33 6 12 34 56 78", "+33612345678"),
        ("１４１５５５５０１００", "+14155550100"),  # full-width digits
    ],
)
def test_normalises_common_formats(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_default_region_applies_to_national_numbers() -> None:
    assert normalise("07700 900123", "GB") == "+447700900123"
    assert normalise("06 12 34 56 78", "FR") == "+33612345678"


@pytest.mark.parametrize(
    "raw", ["", "abc", "555-0100", "+1 123 456 7890", "+1 415 055 0100", "12", "+999123", "x" * 80]
)
def test_rejects_impossible_numbers_with_a_reason(raw: str) -> None:
    with pytest.raises(InvalidNumber) as info:
        normalise(raw)
    assert info.value.reason
    assert "not a valid phone number" in str(info.value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("447700900999", "+447700900999"),  # as Vonage, Plivo and Sinch write numbers
        ("46701234567", "+46701234567"),
        ("00447700900999", "+447700900999"),  # the international prefix most countries use
        ("0044 7700 900999", "+447700900999"),
        ("004798765436", "+4798765436"),  # ten digits after 00: Norway (a black-box tester)
        ("0047 98765436", "+4798765436"),
        ("004591234567", "+4591234567"),  # Denmark
        ("006591234567", "+6591234567"),  # Singapore
        ("33-6-12-34-56-78", "+33612345678"),
        ("14155550100", "+14155550100"),  # still the default region's own reading first
    ],
)
def test_international_numbers_written_without_the_plus_are_read_as_the_webhooks_do(
    raw: str, expected: str
) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize("raw", ["415555501000", "4155550100123456", "00415", "0014155550"])
def test_digits_that_fit_no_country_still_fail(raw: str) -> None:
    with pytest.raises(InvalidNumber):
        normalise(raw)


def test_a_national_number_of_the_default_region_is_never_read_as_international() -> None:
    assert normalise("07700 900123", "GB") == "+447700900123"
    assert normalise("4155550100") == "+14155550100"


def test_try_normalise_returns_none() -> None:
    assert try_normalise("nope") is None


def test_sender_addresses_keep_short_codes_and_alphanumerics() -> None:
    assert normalise_address("12345") == "12345"
    assert normalise_address("AcmeInc") == "AcmeInc"
    assert normalise_address("(415) 555-0199") == "+14155550199"


def test_assigned_is_stricter_than_possible() -> None:
    assert is_assigned("+14155550100")
    assert not is_assigned("+15558675310")


def test_mask_keeps_only_country_code_and_last_digits() -> None:
    assert mask("+14155550100") == "+1********00"
    assert mask("+447700900000") == "+44********00"


e164ish = st.one_of(
    st.from_regex(r"\+1[0-9]{10}", fullmatch=True),
    st.from_regex(r"\+1[2-9][0-9]{2}[2-9][0-9]{6}", fullmatch=True),
    st.text(alphabet="+0123456789１ \n", min_size=10, max_size=14),
    st.just(""),
    st.just("+14155550100\n+14155550101"),  # one entry that looks like two lines
)


@settings(max_examples=500)
@given(st.lists(e164ish, max_size=6))
def test_all_canonical_agrees_with_checking_each_number(numbers: list[str]) -> None:
    one_by_one = bool(numbers) and all(
        re.fullmatch(r"\+1[2-9]\d{2}[2-9]\d{6}", n, flags=re.ASCII) for n in numbers
    )
    assert all_canonical(numbers) == one_by_one
    if one_by_one:
        assert normalise_many(numbers) == numbers


def test_normalise_many_reports_invalid_entries_in_place() -> None:
    out = normalise_many(["+14155550100", "(415) 555-0101", "nope"])
    assert out[:2] == ["+14155550100", "+14155550101"]
    assert isinstance(out[2], InvalidNumber)


def test_numbers_written_with_non_ascii_digits_are_normalised_to_ascii() -> None:
    assert normalise("+141５5550100") == "+14155550100"  # a fullwidth digit
    assert normalise("+1415555٠100") == "+14155550100"  # an Arabic-Indic digit
    assert not all_canonical(["+141５5550100"])


# North American numbers as people write them, including near misses (area codes and
# exchanges starting 0 or 1, a digit too many or too few, odd separators, other digits).
_sep = st.sampled_from(["", " ", "-", ".", "  ", " - ", "/", "\t", "_"])
_written = st.builds(
    lambda prefix, area, paren, s1, exchange, s2, line: (
        prefix + (f"({area})" if paren else area) + s1 + exchange + s2 + line
    ),
    st.sampled_from(["", "1", "+1", "1 ", "+1 ", "1-", "+1-", "1.", "+1.", "+", "11", "0", "+44 "]),
    st.from_regex(r"[0-9]{2,4}", fullmatch=True),
    st.booleans(),
    _sep,
    st.from_regex(r"[0-9]{3}", fullmatch=True),
    _sep,
    st.from_regex(r"[0-9١５]{3,5}", fullmatch=True),
)


def _by_libphonenumber(raw: str, region: str) -> str | None:
    """What `normalise` answered before its own reading of North American numbers."""
    try:
        return _normalise_parsed.__wrapped__(raw.strip(), region)
    except InvalidNumber:
        return None


@settings(max_examples=3000)
@given(_written, st.sampled_from(["US", "CA", "JM", "PR", "GU", "us", "GB", "DE"]))
def test_written_north_american_numbers_read_as_libphonenumber_reads_them(
    raw: str, region: str
) -> None:
    assert try_normalise(raw, region) == _by_libphonenumber(raw, region.upper())


@settings(max_examples=500)
@given(st.lists(_written, min_size=1, max_size=8), st.sampled_from(["US", "CA", "GB"]))
def test_all_written_agrees_with_normalising_each_number(raws: list[str], region: str) -> None:
    one_by_one = [try_normalise(r, region) for r in raws]
    written = all_written(raws, region)
    if written is not None:
        assert written == one_by_one
    got = normalise_many(raws, region)
    assert [n if isinstance(n, str) else None for n in got] == one_by_one


def test_all_written_takes_only_lists_of_north_american_numbers() -> None:
    numbers = ["(415) 555-0100", "1-415-555-0101", "+14155550102", "415.555.0103"]
    assert all_written(numbers) == [f"+1415555010{i}" for i in range(4)]
    assert all_written(numbers, "GB") is None  # "(415) 555-0100" is not British
    assert all_written([*numbers, "nope"]) is None
    assert all_written([*numbers, "(415) 055-0100"]) is None  # exchange starting 0
    assert all_written(["(415) 555-0100\n(415) 555-0101"]) is None  # one entry, two lines
    assert all_written([]) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("4155550100.0", "+14155550100"),
        ("14155550100.0", "+14155550100"),
        ("+14155550100.0", "+14155550100"),
        (" 4155550100.00 ", "+14155550100"),
        ("447700900123.0", "+447700900123"),
    ],
)
def test_a_spreadsheets_whole_float_is_the_number_it_holds(raw: str, expected: str) -> None:
    """Not its digits with the zero: "4155550100.0" read as 41555501000 was a Swiss number,
    so an opted-out person written so was answered allowed (fifth acceptance test)."""
    assert normalise(raw) == expected


@pytest.mark.parametrize("raw", ["4155550100.5", "4155550100.25", "4.15555E+09", "2.1255E+10"])
def test_fractions_and_scientific_notation_are_refused_with_a_reason(raw: str) -> None:
    with pytest.raises(InvalidNumber) as caught:
        normalise(raw)
    assert "fraction" in caught.value.reason or "scientific" in caught.value.reason


def test_mexican_mobiles_written_with_the_old_1_are_the_plus_52_number() -> None:
    for raw in ("+5215512345678", "+52 1 55 1234 5678", "005215512345678", "5215512345678"):
        assert normalise(raw) == "+525512345678", raw
    assert normalise("+52 55 1234 5678") == "+525512345678"
    assert normalise("+52 1234567890") == "+521234567890"  # ten digits: kept as written
    with pytest.raises(InvalidNumber):
        normalise("+52 1 55 1234 56789")  # one digit too many even without the 1


@pytest.mark.parametrize(
    "raw", ["(415) 555-01000", "(206) 316-32070", "405.901.68650", "4155550100 0", "206-867-50140"]
)
def test_a_grouped_north_american_number_with_a_digit_too_many_is_invalid(raw: str) -> None:
    """Read as international digits it became a number in Switzerland, Egypt or Romania,
    kept by the scrub and texted by a campaign (acceptance test, 2026-12-04)."""
    with pytest.raises(InvalidNumber, match="too long"):
        normalise(raw)
    assert isinstance(normalise_many([raw, "+14155550100"])[0], InvalidNumber)  # batches too
    # written as one run of digits it is still read as international (providers write so)
    digits = re.sub(r"\D", "", raw)
    assert normalise(digits) == "+" + digits


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("+1 415 555 0306 (mobile)", "+14155550306"),
        ("415 555 0306 mobile", "+14155550306"),
        ("415-555-0306 [work]", "+14155550306"),
        ("+44 7700 900123 (cell)", "+447700900123"),
        ("1-800-FLOWERS", "+18003569377"),  # a vanity number still reads whole
    ],
)
def test_a_label_after_a_number_is_not_read_as_keypad_letters(written: str, number: str) -> None:
    """An acceptance tester's import: "+1 415 555 0306 (mobile)" was refused as too long
    (the letters were read as a keypad's digits)."""
    assert normalise(written) == number


def test_ten_bare_digits_have_a_second_reading_abroad() -> None:
    from stopline.domain.phone import read_abroad

    assert read_abroad("4534437570", normalise("4534437570")) == "+4534437570"
    assert read_abroad(" 4798765432\t", "+14798765432") == "+4798765432"
    for written in ("+14534437570", "14534437570", "453-443-7570", "(453) 443 7570"):
        assert read_abroad(written, normalise(written)) is None, written
    assert read_abroad("4534437570", "+4534437570") is None  # read so already
    assert read_abroad("07700900123", normalise("07700900123", "GB")) is None
    # digits of any script and invisible characters, as `normalise` reads them (a reviewer)
    for written in (
        "４５３４４３７５７０",
        "\u200b4534437570",
        "٤٥٣٤٤٣٧٥٧٠",
        "4534437570.0",  # a spreadsheet's float
        "'4534437570",
        '="4534437570"',
        "tel:4534437570",
    ):
        assert read_abroad(written, normalise(written)) == "+4534437570", written


@pytest.mark.parametrize(
    "space", ["\u2009", "\u202f", "\u2007", "\u2000", "\t", "\u00a0", "\u3000", "\u200b"]
)
def test_a_number_spaced_with_any_unicode_space_is_read(space: str) -> None:
    """A black-box tester's thin, narrow no-break (French grouping), figure and en-quad
    spaces and tabs were refused (422), so an opt-out sent in such a form was lost."""
    assert normalise(f"+1{space}415{space}555{space}0129") == "+14155550129"
    assert normalise(f"(415){space}555-0129") == "+14155550129"
    assert normalise(f"+33{space}6{space}12{space}34{space}56{space}78") == "+33612345678"


@pytest.mark.parametrize("mark", ["\u200e", "\u200f", "\u200c", "\u200d", "\ufeff", "\u2066"])
def test_invisible_marks_inside_a_number_are_dropped(mark: str) -> None:
    assert normalise(f"+1 415 555{mark}0129") == "+14155550129"
    assert normalise(f"{mark}+1 415 555 0129{mark}") == "+14155550129"
