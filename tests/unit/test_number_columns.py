"""Which CSV column holds the phone numbers (`services.imports.find_number_column`)."""

from __future__ import annotations

import io

import pytest

from stopline.services.campaigns import numbers_from_csv
from stopline.services.imports import find_number_column, locate_numbers


def test_the_first_well_known_name_is_read_by_default() -> None:
    assert find_number_column(["id", "name", "Phone Number"]) == 2
    assert find_number_column(["id", "tel", "cell"]) in (1, 2)  # scrub: one column decided


def test_an_import_refuses_two_columns_that_both_look_like_phone_numbers() -> None:
    """Reading only one would silently drop the other column's opt-outs."""
    with pytest.raises(ValueError, match=r"'tel', 'cell'|'cell', 'tel'") as refused:
        find_number_column(["id", "tel", "cell"], sole=True)
    assert "--column" in str(refused.value)
    assert find_number_column(["id", "tel", "cell"], "cell", sole=True) == 2
    assert find_number_column(["number", "scope", "since", "source"], sole=True) == 0


def test_a_first_line_holding_a_phone_number_is_data_not_a_header() -> None:
    """Read as a header, that line's opt-out would be lost on import, or its number passed
    through a scrub unscrubbed."""
    assert locate_numbers(["Name", "Phone"], None, "US") == (1, True)
    assert locate_numbers(["+16285554011"], None, "US") == (0, False)
    assert locate_numbers(["Bob", "(628) 555-4011", "2024"], None, "US") == (1, False)
    assert locate_numbers(["Bob", "+16285554011", "+16285554012"], "3", "US") == (2, False)
    with pytest.raises(ValueError, match="columns 2, 3 of its first line") as refused:
        locate_numbers(["Bob", "+16285554011", "+16285554012"], None, "US")
    assert "--column" in str(refused.value)
    with pytest.raises(ValueError, match=r"no header .* by its position, e\.g\. --column 1"):
        locate_numbers(["+16285554011"], "phone", "US")
    # national numbers count in their region only; short digit names are never numbers
    assert locate_numbers(["020 7946 0958", "phone"], None, "GB") == (0, False)
    assert locate_numbers(["2024", "12345", "phone"], None, "US") == (2, True)


def test_a_campaign_audience_without_a_header_keeps_its_first_number() -> None:
    bare = io.StringIO("+16285554011,Ann\n(628) 555-4012,Bob\n", newline=None)
    assert list(numbers_from_csv(bare, None, "US")) == ["+16285554011", "(628) 555-4012"]
    named = io.StringIO("Name,Mobile\nAnn,+16285554011\n", newline=None)
    assert list(numbers_from_csv(named, None, "US")) == ["+16285554011"]


def test_a_binary_first_line_is_named_as_such_not_listed_as_columns() -> None:
    gzip_header = "\x1f\ufffd\x08\x00\x00\x00\x00\x00\x00\x03+\ufffd"
    with pytest.raises(ValueError, match="compressed or binary file") as refused:
        find_number_column([gzip_header, "x"])
    assert "\x1f" not in str(refused.value)
    with pytest.raises(ValueError, match="cannot tell which column"):
        find_number_column(["id", "name\twith tab"])
