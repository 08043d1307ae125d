"""Which CSV column holds the phone numbers (`services.imports.find_number_column`)."""

from __future__ import annotations

import pytest

from stopline.services.imports import find_number_column


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
