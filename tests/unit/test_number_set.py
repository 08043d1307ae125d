"""The vectorised integer set agrees with numpy's isin, collisions and all."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from stopline.services.scrub.number_set import NumberSet

KEYS = st.lists(st.integers(min_value=1, max_value=2**62), max_size=300, unique=True)


@settings(max_examples=200, deadline=None)
@given(KEYS, st.lists(st.integers(min_value=1, max_value=2**62), max_size=300))
def test_membership_matches_isin(keys: list[int], others: list[int]) -> None:
    table = np.array(keys, dtype=np.int64)
    members = NumberSet(table)
    probes = np.array(keys[::2] + others, dtype=np.int64)
    assert members.contains(probes).tolist() == np.isin(probes, table).tolist()
    assert len(members) == len(keys)


def test_dense_clustered_numbers() -> None:
    table = np.arange(14155550000, 14155560000, dtype=np.int64)  # one exchange, all lines
    members = NumberSet(table[::2])
    probes = np.arange(14155549000, 14155561000, dtype=np.int64)
    assert members.contains(probes).tolist() == np.isin(probes, table[::2]).tolist()
    assert not NumberSet(np.zeros(0, dtype=np.int64)).contains(probes).any()
