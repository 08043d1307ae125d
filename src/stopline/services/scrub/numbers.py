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
import pyarrow as pa

from stopline.domain.phone import InvalidNumber, normalise, read_abroad

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
    # read as North American from ten bare digits: their other reading, the same digits as
    # an international number without its "+", blocks them too (`phone.read_abroad`)
    bare: npt.NDArray[np.bool_]

    @property
    def valid(self) -> npt.NDArray[np.bool_]:
        return self.numbers > 0


def normalise_column(values: pl.Series, region: str = "US") -> NormalisedColumn:
    """Normalise every value of a String series (nulls mean the field was missing)."""
    region = region.upper()
    n = len(values)
    s = values.cast(pl.String)
    bare = np.zeros(n, dtype=np.bool_)

    decided, numbers = plain_nanp_e164(s)  # fresh arrays, 0 where not decided
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
        if pattern is NANP_NATIONAL:  # ten bytes that match it are the ten digits alone
            bare[where] = _ten_long(subset.filter(pl.Series(hit)))

    reasons = pl.Series("reason", [], dtype=pl.String).extend_constant(None, n)
    if not decided.all():
        rest = np.flatnonzero(~decided)
        hit, found, why = international_e164(s.gather(rest))
        numbers[rest[hit]] = found[hit]
        decided[rest[hit]] = True
        if why.is_not_null().any():
            reasons = reasons.scatter(rest[hit], why.filter(pl.Series(hit)))
    exact = 0
    if not decided.all():
        rest = np.flatnonzero(~decided)
        exact = len(rest)
        found, why, abroad = _exact(s.gather(rest), region)
        numbers[rest] = found
        reasons = reasons.scatter(rest, why)
        bare[rest] = abroad
    return NormalisedColumn(numbers, reasons, exact, bare)


def _ten_long(values: pl.Series) -> npt.NDArray[np.bool_]:
    """Which values are ten bytes long without the blanks around them."""
    ten = values.str.strip_chars(" \t").str.len_bytes() == 10
    return ten.fill_null(False).to_numpy()


_PLACES = 10 ** np.arange(10, -1, -1, dtype=np.int64)


def plain_nanp_e164(values: pl.Series) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.int64]]:
    """Which values are exactly ``+1NXXNXXXXXX`` (the `E164_NANP_PLAIN` shape), and their
    digits as integers. Twelve-byte strings sit inline in Arrow's 16-byte string views, so
    this reads them as a 12-column byte matrix without copying the column."""
    array = values.rechunk().to_arrow(compat_level=pl.CompatLevel.newest())
    if not isinstance(array, pa.StringViewArray):
        array = array.cast(pa.string_view())
    n = len(array)
    if n == 0:
        return np.zeros(0, dtype=np.bool_), np.zeros(0, dtype=np.int64)
    raw = np.frombuffer(array.buffers()[1], dtype=np.uint8)
    views = raw[array.offset * 16 : (array.offset + n) * 16].reshape(n, 16)
    lengths = views.view("<i4")[:, 0]  # each view: int32 length, then up to 12 inline bytes
    inline = views[:, 4:16]
    digit = inline[:, 1:] - np.uint8(ord("0"))  # wraps below "0": non-digits become >= 10
    highest = digit[:, 0].copy()  # column by column: numpy reduces a short row axis slowly
    for column in range(1, 11):
        np.maximum(highest, digit[:, column], out=highest)
    ok = (
        (lengths == 12)
        & ~array.is_null().to_numpy(zero_copy_only=False)
        & (inline[:, 0] == ord("+"))
        & (highest < 10)
        & (digit[:, 0] == 1)
        & (digit[:, 1] >= 2)
        & (digit[:, 4] >= 2)
    )
    digits = np.where(ok, digit.astype(np.int64) @ _PLACES, 0)
    return ok, digits


INTERNATIONAL_PLAIN = r"^\+[2-9][0-9]{5,16}$"


def international_e164(
    values: pl.Series,
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.int64], pl.Series]:
    """Plain E.164 outside North America (``+447700900123``), decided once per class.

    For a ``+``-prefixed digit string, libphonenumber's answer depends only on the country
    code, the national number's length and whether the country's national prefix can be
    stripped from its start. For countries whose national prefix for parsing is absent or a
    set of literal digit strings, a national number starting with another digit is never
    stripped, so every number of the class (country code, length, first digit) gets the
    same answer: one `normalise` call per class decides them all (a valid representative
    must come back unchanged, or the class is left to the exact path).
    """
    n = len(values)
    hit = np.zeros(n, dtype=np.bool_)
    found = np.zeros(n, dtype=np.int64)
    why = pl.Series("reason", [], dtype=pl.String).extend_constant(None, n)
    shaped = values.str.contains(INTERNATIONAL_PLAIN).fill_null(False)
    if not shaped.any():
        return hit, found, why
    rows = np.flatnonzero(shaped.to_numpy())
    text = values.filter(shaped)
    code = np.zeros(len(rows), dtype=np.int64)
    for width in (3, 2, 1):  # calling codes are prefix-free: at most one width matches
        head = text.str.slice(1, width).cast(pl.Int64).to_numpy()
        code = np.where(np.isin(head, _CALLING_CODES[width]), head, code)
    code_width = pl.col("code").cast(pl.String).str.len_bytes().cast(pl.Int64)
    frame = pl.DataFrame({"v": text, "code": code}).with_columns(
        length=pl.col("v").str.len_bytes().cast(pl.Int64) - 1 - code_width,
        first=pl.col("v").str.slice(code_width + 1, 1),
    )
    decided: list[tuple[int, int, str, str | None]] = []
    classes = frame.filter(pl.col("code") > 0).group_by("code", "length", "first")
    for cc, size, digit, sample in classes.agg(pl.col("v").first()).iter_rows():
        if digit in _STRIPPABLE_FIRST.get(cc, "0123456789"):
            continue  # a national prefix may be stripped: the exact path decides
        try:
            if normalise(sample) == sample:
                decided.append((cc, size, digit, None))
        except InvalidNumber as exc:
            decided.append((cc, size, digit, exc.reason))
    if not decided:
        return hit, found, why
    table = pl.DataFrame(
        decided,
        schema={"code": pl.Int64, "length": pl.Int64, "first": pl.String, "reason": pl.String},
        orient="row",
    ).with_columns(known=pl.lit(True))
    joined = frame.join(table, on=["code", "length", "first"], how="left", maintain_order="left")
    known = joined["known"].fill_null(False).to_numpy()
    valid = known & joined["reason"].is_null().to_numpy()
    hit[rows[known]] = True
    found[rows[valid]] = text.filter(pl.Series(valid)).str.slice(1).str.to_integer().to_numpy()
    why = why.scatter(rows[known], joined["reason"].filter(pl.Series(known)))
    return hit, found, why


def _calling_codes() -> dict[int, npt.NDArray[np.int64]]:
    codes = [c for c in phonenumbers.COUNTRY_CODE_TO_REGION_CODE if c != 1]
    return {w: np.array([c for c in codes if len(str(c)) == w], dtype=np.int64) for w in (1, 2, 3)}


def _strippable_first_digits() -> dict[int, str]:
    """Per calling code, the first digits from which a national prefix may be stripped;
    codes whose prefix rule is a real pattern are left out (always the exact path)."""
    out: dict[int, str] = {}
    for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
        region = phonenumbers.region_code_for_country_code(code)
        meta = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(code, region)
        if meta is None:
            continue
        rule = meta.national_prefix_for_parsing
        if not rule:
            out[code] = ""
        elif all(part.isdigit() for part in rule.split("|")):
            out[code] = "".join(sorted({part[0] for part in rule.split("|")}))
    return out


_CALLING_CODES = _calling_codes()
_STRIPPABLE_FIRST = _strippable_first_digits()


def _exact(
    values: pl.Series, region: str
) -> tuple[npt.NDArray[np.int64], pl.Series, npt.NDArray[np.bool_]]:
    """libphonenumber, once per distinct value; also which values are ten bare digits."""
    distinct = values.unique(maintain_order=False).to_list()
    as_number: list[int] = []
    as_reason: list[str | None] = []
    as_bare: list[bool] = []
    for raw in distinct:
        if raw is None:
            as_number.append(0)
            as_reason.append(MISSING)
            as_bare.append(False)
            continue
        try:
            e164 = normalise(raw, region)
        except InvalidNumber as exc:
            as_number.append(0)
            as_reason.append(exc.reason)
            as_bare.append(False)
        else:
            as_number.append(int(e164[1:]))
            as_reason.append(None)
            as_bare.append(read_abroad(raw, e164) is not None)
    frame = pl.DataFrame(
        {"v": distinct, "n": as_number, "r": as_reason, "b": as_bare},
        schema={"v": pl.String, "n": pl.Int64, "r": pl.String, "b": pl.Boolean},
    )
    looked_up = pl.DataFrame({"v": values}).join(
        frame, on="v", how="left", nulls_equal=True, maintain_order="left"
    )
    bare = looked_up["b"].to_numpy().astype(np.bool_)
    return looked_up["n"].to_numpy().astype(np.int64), looked_up["r"], bare


def e164_text(number: int) -> str:
    """The E.164 text of an integer produced here."""
    return f"+{number}"


def region_supported(region: str) -> bool:
    return region.upper() in phonenumbers.SUPPORTED_REGIONS
