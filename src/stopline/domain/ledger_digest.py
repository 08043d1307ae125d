"""A fingerprint of the whole consent ledger, to detect truncation.

Each number's hash chain proves that its events were not edited or reordered, but a chain
whose newest events were deleted (or a number deleted altogether) is still a valid chain.
The digest closes that gap: saved somewhere else (e.g. daily), it records how many events
the ledger held up to its highest event id and the head (last seq, last hash) of every
chain. Later the same figures are recomputed over the events with an id up to that highest
id; any difference means events were removed or replaced. Events appended since then have
higher ids and do not count.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

VERSION = 1
_FORMAT = re.compile(r"^L(\d+)-(\d+)-(\d+)-([0-9a-f]{32})$")


class InvalidDigest(ValueError):
    """The text is not a ledger digest."""


@dataclass(frozen=True, slots=True)
class LedgerDigest:
    events: int
    max_id: int
    heads: str  # hex SHA-256 over every chain head, in number order
    numbers: int | None = None  # informative; not part of the short form

    def __str__(self) -> str:
        return f"L{VERSION}-{self.events}-{self.max_id}-{self.heads[:32]}"

    @classmethod
    def parse(cls, text: str) -> LedgerDigest:
        match = _FORMAT.match(text.strip())
        if match is None or int(match.group(1)) != VERSION:
            raise InvalidDigest(f"not a ledger digest: {text!r} (expected L1-EVENTS-MAXID-HASH)")
        return cls(int(match.group(2)), int(match.group(3)), match.group(4))

    def parts(self) -> dict[str, object]:
        return {
            "digest": str(self),
            "version": VERSION,
            "events": self.events,
            "numbers": self.numbers,
            "max_id": self.max_id,
            "heads_sha256": self.heads,
        }


def digest(chains: Iterable[tuple[str, int, str, int, int]]) -> LedgerDigest:
    """The digest of a ledger from each chain's ``(number, last seq, last hash, events,
    highest event id)``, given in number order (streamed: nothing is held in memory)."""
    sha = hashlib.sha256()
    numbers = events = max_id = 0
    for number, seq, head_hash, count, chain_max_id in chains:
        sha.update(f"{number}\t{seq}\t{head_hash}\n".encode())
        numbers += 1
        events += count
        max_id = max(max_id, chain_max_id)
    return LedgerDigest(events, max_id, sha.hexdigest(), numbers)


def compare(expected: LedgerDigest, actual: LedgerDigest) -> str | None:
    """Why ``actual`` (recomputed up to ``expected.max_id``) does not match, or None."""
    if actual.events < expected.events:
        return (
            f"events removed: {expected.events - actual.events} of the {expected.events} "
            f"events up to id {expected.max_id} are missing"
        )
    if actual.max_id < expected.max_id:
        return (
            f"events removed: the digest covers event ids up to {expected.max_id}, "
            f"the ledger now ends at id {actual.max_id}"
        )
    if actual.events > expected.events:
        return (
            f"{actual.events - expected.events} event(s) with ids up to {expected.max_id} "
            "appeared after the digest was taken"
        )
    if not actual.heads.startswith(expected.heads[:32]):
        return (
            "the newest events of some numbers were removed or replaced "
            f"(chain heads up to id {expected.max_id} differ)"
        )
    return None
