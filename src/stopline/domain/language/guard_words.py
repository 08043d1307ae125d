"""Real words one edit away from an opt-out keyword: never corrected into the keyword."""

from __future__ import annotations

GUARD_WORDS: frozenset[str] = frozenset(
    [
        "step",
        "shop",
        "stoop",
        "stomp",
        "slop",
        "atop",
        "spot",
        "stow",
        "stops",
        "soap",
        "snap",
        "stoops",
        "quiet",
        "quite",
        "quilt",
        "suit",
        "send",
        "bend",
        "lend",
        "tend",
        "mend",
        "fend",
        "ends",
        "remote",
        "remover",
    ]
)
