"""The send gate: may these numbers be texted from this sender about this topic?"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from stopline.domain.consent import scopes_for_send
from stopline.domain.phone import InvalidNumber, normalise
from stopline.domain.policy import ALLOWED, Decision, Reason, may_send
from stopline.storage import ledger as repo


@dataclass(frozen=True, slots=True)
class Checked:
    input: str
    number: str | None  # E.164, None when the input is not a phone number
    decision: Decision
    error: str | None = None


def check_many(
    conn: Connection,
    raw_numbers: Sequence[str],
    *,
    sender: str | None = None,
    topic: str | None = None,
    region: str = "US",
) -> list[Checked]:
    """One answer per input, in input order; invalid inputs are answered individually."""
    normalised: list[str | None] = []
    errors: dict[int, str] = {}
    for index, raw in enumerate(raw_numbers):
        try:
            normalised.append(normalise(raw, region))
        except InvalidNumber as exc:
            normalised.append(None)
            errors[index] = exc.reason
    valid = [n for n in normalised if n is not None]
    active = repo.active_suppressions(conn, valid, scopes_for_send(sender, topic)) if valid else {}
    out: list[Checked] = []
    for index, (raw, number) in enumerate(zip(raw_numbers, normalised, strict=True)):
        if number is None:
            out.append(Checked(raw, None, Decision(False, Reason.INVALID_NUMBER), errors[index]))
            continue
        hits = active.get(number)
        out.append(Checked(raw, number, may_send(hits, sender, topic) if hits else ALLOWED))
    return out
