"""The send gate: may these numbers be texted from this sender about this topic?"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from stopline.domain.consent import Scope, scopes_for_send
from stopline.domain.phone import (
    InvalidNumber,
    all_canonical,
    all_written,
    normalise_each,
    read_abroad,
)
from stopline.domain.policy import ALLOWED, Decision, Reason, Suppression, may_send
from stopline.storage.suppression_index import Detail, Hit, SuppressionIndex


@dataclass(frozen=True, slots=True)
class Checked:
    input: str
    number: str | None  # E.164, None when the input is not a phone number
    decision: Decision
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Answers:
    """The gate's answers for a list of inputs, kept compact: most numbers are allowed, so
    only blocked numbers carry a `Decision`."""

    inputs: Sequence[str]
    numbers: Sequence[str | InvalidNumber]  # E.164, or why the input is not a number
    blocked: dict[str, Decision]  # E.164 -> the decision that blocks it
    canonical: bool = False  # every input was already E.164, so numbers == inputs
    blocked_at: Sequence[int] = ()  # when plain: the positions of blocked inputs
    plain: bool = False  # every input was a number written with digits and " +.-()" only

    def __len__(self) -> int:
        return len(self.inputs)

    def __iter__(self) -> Iterator[Checked]:
        for raw, number in zip(self.inputs, self.numbers, strict=True):
            yield self.checked(raw, number)

    def checked(self, raw: str, number: str | InvalidNumber) -> Checked:
        if isinstance(number, InvalidNumber):
            return Checked(raw, None, Decision(False, Reason.INVALID_NUMBER), number.reason)
        return Checked(raw, number, self.blocked.get(number, ALLOWED))

    def allowed_count(self) -> int:
        if self.plain:
            return len(self.inputs) - len(self.blocked_at)
        blocked = sum(map(self.blocked.__contains__, self.numbers)) if self.blocked else 0
        invalid = sum(1 for n in self.numbers if isinstance(n, InvalidNumber))
        return len(self.inputs) - invalid - blocked


def check_many(
    index: SuppressionIndex,
    raw_numbers: Sequence[str],
    *,
    sender: str | None = None,
    topic: str | None = None,
    region: str = "US",
) -> Answers:
    """One answer per input, in input order; invalid inputs are answered individually."""
    canonical = all_canonical(raw_numbers)
    written = None if canonical else all_written(raw_numbers, region)
    numbers: Sequence[str | InvalidNumber]
    if canonical or written is not None:
        numbers = written or raw_numbers
        valid = set(numbers)
    else:
        numbers = normalise_each(raw_numbers, region)
        valid = {n for n in numbers if isinstance(n, str)}
    blocked = _blocked(index, valid, sender, topic)
    if not canonical and index.holds_ten_digits_abroad():  # asked after a look-up: fresh
        numbers, blocked = _either_reading(index, raw_numbers, numbers, blocked, sender, topic)
    plain = canonical or written is not None
    at: Sequence[int] = ()
    if plain and blocked:
        at = list(compress(range(len(numbers)), map(blocked.__contains__, numbers)))
    return Answers(raw_numbers, numbers, blocked, canonical, at, plain)


def check_one(
    index: SuppressionIndex,
    raw: str,
    number: str,
    *,
    sender: str | None = None,
    topic: str | None = None,
) -> Checked:
    """`check_many` for one input that the caller has already normalised to ``number``
    (E.164), without the list machinery: a number blocked by one opt-out whose details are
    known gets its answer straight away, anything else goes the general way."""
    scope_names, scopes = _scopes(sender, topic)
    hits = index.blocked_one(number, scope_names)
    if not hits and index.holds_ten_digits_abroad():  # asked after a look-up: fresh
        abroad = read_abroad(raw, number)  # ten bare digits: blocked if either reading is
        if abroad is not None:
            hits = index.blocked_one(abroad, scope_names)
            number = abroad if hits else number
    if not hits:
        return Checked(raw, number, ALLOWED)
    if len(hits) == 1:
        (hit,) = hits
        detail = index.details(hits).get(hit[2])
        if detail is not None:
            return Checked(raw, number, _opted_out(scopes[hit[1]], detail))
    return Checked(raw, number, _blocked(index, {number}, sender, topic).get(number, ALLOWED))


def _either_reading(
    index: SuppressionIndex,
    raws: Sequence[str],
    numbers: Sequence[str | InvalidNumber],
    blocked: dict[str, Decision],
    sender: str | None,
    topic: str | None,
) -> tuple[Sequence[str | InvalidNumber], dict[str, Decision]]:
    """Ten bare digits read as a North American number are blocked when their reading as
    an international number without its "+" is (`phone.read_abroad`); such an input is then
    answered with that number and its opt-out."""
    others: dict[int, str] = {}
    for at, (raw, number) in enumerate(zip(raws, numbers, strict=True)):
        # a quick look first: most inputs are E.164, or formatted, or the wrong length
        if len(raw) < 10 or raw[0] == "+" or not isinstance(number, str) or number in blocked:
            continue
        abroad = read_abroad(raw, number)
        if abroad is not None:
            others[at] = abroad
    if not others:
        return numbers, blocked
    found = _blocked(index, set(others.values()), sender, topic)
    if not found:
        return numbers, blocked
    read = list(numbers)
    for at, abroad in others.items():
        if abroad in found:
            read[at] = abroad
    return read, {**blocked, **found}


@lru_cache(maxsize=1024)
def _scopes(sender: str | None, topic: str | None) -> tuple[tuple[str, ...], dict[str, Scope]]:
    """The scopes whose opt-outs block this send, as the index names them, and parsed."""
    scopes = scopes_for_send(sender, topic)
    return tuple(str(s) for s in scopes), {str(s): s for s in scopes}


def _blocked(
    index: SuppressionIndex, numbers: set[str], sender: str | None, topic: str | None
) -> dict[str, Decision]:
    """The decision for each of ``numbers`` that may not be texted (E.164 -> decision)."""
    scope_names, scopes = _scopes(sender, topic)
    for _attempt in range(3):
        hits = index.blocked(numbers, scope_names)
        if not hits:
            return {}
        details = index.details(hits)
        if all(h[2] in details for h in hits):
            break  # else a suppression changed between the two reads: look again
    by_number: dict[str, list[Hit]] = {}
    for hit in hits:
        by_number.setdefault(hit[0], []).append(hit)
    blocked: dict[str, Decision] = {}
    for number, found in by_number.items():
        if len(found) == 1:  # the usual case: the one opt-out that applies is the answer
            [(_number, scope_text, event_id)] = found
            blocked[number] = _opted_out(scopes[scope_text], details.get(event_id))
            continue
        active: dict[Scope, Suppression] = {}
        for _number, scope_text, event_id in found:
            scope = scopes[scope_text]
            detail = details.get(event_id)  # still missing after retries: stay blocked
            active[scope] = Suppression(
                number,
                scope,
                detail.since if detail else None,
                detail.source if detail else "unknown",
                event_id,
            )
        # several scopes block it: report the broadest (organisation first)
        blocked[number] = may_send(active, sender, topic)
    return blocked


def _opted_out(scope: Scope, detail: Detail | None) -> Decision:
    """Blocked by one opt-out; without its details (still missing after the retries) the
    number stays blocked, its source unknown."""
    if detail is None:
        return Decision(False, Reason.OPTED_OUT, scope, None, "unknown")
    return Decision(False, Reason.OPTED_OUT, scope, detail.since, detail.source)
