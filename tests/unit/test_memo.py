"""The bounded memo."""

from __future__ import annotations

from stopline.domain.memo import Memo


def test_values_are_computed_once_and_memory_stays_bounded() -> None:
    calls: list[str] = []

    def make(key: str) -> int:
        calls.append(key)
        return len(key)

    memo = Memo(make, limit=2)
    assert (memo["a"], memo["bb"], memo["a"]) == (1, 2, 1)
    assert calls == ["a", "bb"]
    assert memo["ccc"] == 3 and memo["ccc"] == 3  # over the limit: answered, not kept
    assert calls == ["a", "bb", "ccc", "ccc"] and len(memo) == 2


def test_a_renewing_memo_starts_over_when_full_and_keeps_recent_keys() -> None:
    calls: list[str] = []

    def make(key: str) -> int:
        calls.append(key)
        return len(key)

    memo = Memo(make, limit=2, renew=True)
    assert (memo["a"], memo["bb"]) == (1, 2)
    assert memo["ccc"] == 3 and memo["ccc"] == 3  # full: cleared, then the new key kept
    assert calls == ["a", "bb", "ccc"] and dict(memo) == {"ccc": 3}
    assert memo["a"] == 1 and calls[-1] == "a" and len(memo) == 2
