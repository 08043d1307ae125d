"""The vectorised normaliser agrees with `domain.phone.normalise` on every input."""

from __future__ import annotations

import random

import phonenumbers
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stopline.domain.phone import InvalidNumber, normalise, read_abroad, try_normalise
from stopline.services.scrub.numbers import (
    E164_NANP_PLAIN,
    MISSING,
    normalise_column,
    plain_nanp_e164,
)
from tests.scrub_reference import phone_variant, reference_number

SHAPED = st.text(alphabet="0123456789 ()-.+\t", max_size=22)
DIGITS = st.from_regex(r"\+?1?[ .\-(]?[0-9]{3}[ .\-)]{0,2}[0-9]{3}[ .\-]?[0-9]{4}", fullmatch=True)


def _check(values: list[str | None], region: str) -> None:
    column = normalise_column(pl.Series(values, dtype=pl.String), region)
    reasons = column.reasons.to_list()
    bare = column.bare.tolist()
    for value, number, reason, ten in zip(
        values, column.numbers.tolist(), reasons, bare, strict=True
    ):
        if value is None:
            assert number == 0 and reason == MISSING and not ten
            continue
        try:
            expected: str | None = normalise(value, region)
            why = None
        except InvalidNumber as exc:
            expected, why = None, exc.reason
        assert (f"+{number}" if number else None) == expected, value
        assert reason == why, value
        assert ten == (expected is not None and read_abroad(value, expected) is not None), value


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(SHAPED, DIGITS, st.text(max_size=20)), max_size=40),
    st.sampled_from(["US", "CA", "GB", "JM", "FR"]),
)
def test_agrees_with_normalise_on_any_input(values: list[str], region: str) -> None:
    _check(values, region)


@pytest.mark.parametrize("region", ["US", "CA", "GB"])
def test_agrees_on_thousands_of_realistic_values(region: str) -> None:
    rnd = random.Random(11)
    values: list[str | None] = [phone_variant(rnd) for _ in range(5000)] + [None]
    _check(values, region)


def test_common_formats_take_the_fast_path() -> None:
    values = [
        "+14155550100",
        "(415) 555-0100",
        "415.555.0100",
        "1-415-555-0100",
        "+1 415 555 0100",
        "4155550100",
        " +1 (415) 555-0100 ",
    ]
    column = normalise_column(pl.Series(values), "US")
    assert column.exact_path == 0
    assert set(column.numbers.tolist()) == {14155550100}


def test_other_shapes_use_libphonenumber_once_per_distinct_value() -> None:
    values = ["+44 20 7946 0958"] * 1000 + ["nope"] * 1000
    column = normalise_column(pl.Series(values), "US")
    assert column.exact_path == 2000
    assert column.numbers[0] == 442079460958 and column.numbers[-1] == 0
    assert column.reasons[-1] == "not a number"


def test_reference_matches_domain_rule() -> None:
    rnd = random.Random(5)
    for _ in range(3000):
        value = phone_variant(rnd)
        assert reference_number(value) == try_normalise(value), value


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.from_regex(r"\+1[0-9]{10}", fullmatch=True),
            st.text(alphabet="+1234567890 a", min_size=11, max_size=13),
            st.none(),
        ),
        max_size=30,
    )
)
def test_plain_e164_matrix_matches_the_regex(values: list[str | None]) -> None:
    series = pl.Series(values, dtype=pl.String)
    hit, digits = plain_nanp_e164(series)
    expected = series.str.contains(E164_NANP_PLAIN).fill_null(False).to_list()
    assert hit.tolist() == expected
    for value, ok, number in zip(values, hit.tolist(), digits.tolist(), strict=True):
        assert (number == int(value[1:])) if ok and value else number == 0


def test_international_e164_classes_agree_with_normalise() -> None:
    rnd = random.Random(8)
    codes = sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
    values: list[str | None] = [
        f"+{rnd.choice(codes)}"
        + "".join(rnd.choice("0123456789") for _ in range(rnd.randint(3, 15)))
        for _ in range(20_000)
    ]
    _check(values, "US")
    column = normalise_column(pl.Series(values, dtype=pl.String), "US")
    assert column.exact_path < len(values) // 2  # most were decided per class
