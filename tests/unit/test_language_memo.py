"""The engine's bounded memo."""

from __future__ import annotations

from stopline.domain.language.memo import Memo


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
