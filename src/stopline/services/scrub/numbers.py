"""Normalise a column of phone numbers at once, agreeing exactly with `domain.phone.normalise`.

Two vectorised fast paths (polars regexes) decide the common shapes: North American E.164
(``+14155550100``, also with ``+1`` and spaces, dots, dashes or brackets) and, when the
default region is the US or Canada, North American national formats (``(415) 555-0100``,
``415.555.0100``, ``1-415-555-0100``, ``4155550100``). For these shapes libphonenumber's
answer is known: the ten digits with ``+1`` in front when the area code and exchange start
with 2-9. Every other value (other countries, extensions, letters, junk) goes to the exact
path, `normalise` itself, once per distinct value. Tests compare the two on generated input.

Numbers are returned as integers: the E.164 digits without the ``+`` (``14155550100``),
which makes the suppression lookup a sorted-array search instead of a string hash.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import phonenumbers
import polars as pl

from stopline.domain.phone import InvalidNumber, normalise

NANP_PLUS = r"^[ \t]*\+1[ .\-]?\(?([2-9][0-9]{2})\)?[ .\-]?([2-9][0-9]{2})[ .\-]?([0-9]{4})[ \t]*$"
NANP_NATIONAL = (
    r"^[ \t]*(?:1[ .\-]?)?\(?([2-9][0-9]{2})\)?[ .\-]?([2-9][0-9]{2})[ .\-]?([0-9]{4})[ \t]*$"
)
E164_NANP_PLAIN = r"^\+1[2-9][0-9]{2}[2-9][0-9]{6}$"
# Regions whose national format is exactly the ten NANP digits, optionally after a 1.
NATIONAL_FAST_REGIONS = frozenset({"US", "CA"})
MISSING = "no value in the phone column"
NANP_BASE = 10_000_000_000  # 1 followed by ten zeros: +1 NXX NXX XXXX as an integer


@dataclass(frozen=True, slots=True)
class NormalisedColumn:
    """One entry per input value: the E.164 number as an integer (0 when invalid) and, for
    invalid values, why (None when valid)."""

    numbers: npt.NDArray[np.int64]
    reasons: pl.Series
    exact_path: int  # how many values needed libphonenumber

    @property
    def valid(self) -> npt.NDArray[np.bool_]:
        return self.numbers > 0


def normalise_column(values: pl.Series, region: str = "US") -> NormalisedColumn:
    """Normalise every value of a String series (nulls mean the field was missing)."""
    region = region.upper()
    n = len(values)
    numbers = np.zeros(n, dtype=np.int64)
    s = values.cast(pl.String)
    decided = np.zeros(n, dtype=np.bool_)

    plain = s.str.contains(E164_NANP_PLAIN).fill_null(False).to_numpy()
    if plain.any():
        digits = s.filter(pl.Series(plain)).str.slice(1).str.to_integer(strict=True)
        numbers[plain] = digits.to_numpy()
        decided |= plain
    patterns = [NANP_PLUS]
    if region in NATIONAL_FAST_REGIONS:
        patterns.append(NANP_NATIONAL)
    for pattern in patterns:
        if decided.all():
            break
        rest = np.flatnonzero(~decided)
        subset = s.gather(rest)
        groups = subset.str.extract_groups(pattern).struct.unnest()
        hit = groups["1"].is_not_null().to_numpy()
        if not hit.any():
            continue
        joined = groups.filter(pl.Series(hit)).select(pl.concat_str("1", "2", "3")).to_series()
        where = rest[hit]
        numbers[where] = joined.str.to_integer(strict=True).to_numpy() + NANP_BASE
        decided[where] = True

    reasons = pl.Series("reason", [None] * n, dtype=pl.String)
    exact = 0
    if not decided.all():
        rest = np.flatnonzero(~decided)
        exact = len(rest)
        found, why = _exact(s.gather(rest), region)
        numbers[rest] = found
        reasons = reasons.scatter(rest, why)
    return NormalisedColumn(numbers, reasons, exact)


def _exact(values: pl.Series, region: str) -> tuple[npt.NDArray[np.int64], pl.Series]:
    """libphonenumber, once per distinct value."""
    distinct = values.unique(maintain_order=False).to_list()
    as_number: list[int] = []
    as_reason: list[str | None] = []
    for raw in distinct:
        if raw is None:
            as_number.append(0)
            as_reason.append(MISSING)
            continue
        try:
            e164 = normalise(raw, region)
        except InvalidNumber as exc:
            as_number.append(0)
            as_reason.append(exc.reason)
        else:
            as_number.append(int(e164[1:]))
            as_reason.append(None)
    frame = pl.DataFrame(
        {"v": distinct, "n": as_number, "r": as_reason},
        schema={"v": pl.String, "n": pl.Int64, "r": pl.String},
    )
    looked_up = pl.DataFrame({"v": values}).join(
        frame, on="v", how="left", nulls_equal=True, maintain_order="left"
    )
    return looked_up["n"].to_numpy().astype(np.int64), looked_up["r"]


def e164_text(number: int) -> str:
    """The E.164 text of an integer produced here."""
    return f"+{number}"


def region_supported(region: str) -> bool:
    return region.upper() in phonenumbers.SUPPORTED_REGIONS
