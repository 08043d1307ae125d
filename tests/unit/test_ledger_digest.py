"""The ledger digest: pure hashing over chain heads, its short form and the comparison."""

from __future__ import annotations

import pytest

from stopline.domain.ledger_digest import InvalidDigest, LedgerDigest, compare, digest

CHAINS = [("+14155550101", 2, "a" * 64, 2, 7), ("+14155550102", 1, "b" * 64, 1, 3)]


def test_short_form_round_trips() -> None:
    d = digest(CHAINS)
    assert (d.events, d.max_id, d.numbers) == (3, 7, 2)
    parsed = LedgerDigest.parse(str(d))
    assert (parsed.events, parsed.max_id) == (3, 7)
    assert compare(parsed, d) is None


def test_every_truncation_changes_the_comparison() -> None:
    saved = LedgerDigest.parse(str(digest(CHAINS)))
    shorter = [("+14155550101", 1, "c" * 64, 1, 5), CHAINS[1]]
    assert "events removed: 1 of the 3" in (compare(saved, digest(shorter)) or "")
    assert "events removed: 2 of the 3" in (compare(saved, digest(CHAINS[1:])) or "")
    moved = [("+14155550101", 2, "a" * 64, 2, 5), CHAINS[1]]
    assert "ends at id 5" in (compare(saved, digest(moved)) or "")
    relinked = [("+14155550101", 2, "d" * 64, 2, 7), CHAINS[1]]
    assert "chain heads" in (compare(saved, digest(relinked)) or "")


@pytest.mark.parametrize("text", ["", "L1-1-2", "L2-1-1-" + "0" * 32, "L1-1-1-" + "Z" * 32])
def test_malformed_digests_are_refused(text: str) -> None:
    with pytest.raises(InvalidDigest):
        LedgerDigest.parse(text)
