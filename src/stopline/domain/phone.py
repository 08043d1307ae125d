"""Phone numbers: E.164 normalisation on top of libphonenumber (``phonenumbers``).

A number is accepted when libphonenumber can parse it and finds it *possible* for its country
(right length), and, inside the North American Numbering Plan, when its area code and exchange
do not start with 0 or 1. Numbers from fictional ranges that providers use in their own
documentation (+1 555 …, +44 7700 900…) are accepted on purpose: an opt-out from any number a
carrier delivered must be honoured. Mexican mobiles written the old way, "+521" and ten
digits, are read as the +52 number they now are. `is_assigned` tells the stricter
libphonenumber validity.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

# [0-9], never \d: \d also matches other scripts' digits ("+141５5550100" is not E.164)
_NANP = r"\+1[2-9][0-9]{2}[2-9][0-9]{6}"
_NANP_E164 = re.compile(_NANP)
_NANP_E164_LINES = re.compile(f"{_NANP}(?:\n{_NANP})*")  # numbers, one per line
_NANP_NATIONAL = re.compile(r"[2-9][0-9]{2}[2-9][0-9]{6}")
_NANP_SHAPED = re.compile(r"\+1[0-9]{10}")  # E.164 length for +1, any area code and exchange
_NANP_RULE = "North American area code and exchange cannot start with 0 or 1"
# North American numbers as people write them, read without libphonenumber when the default
# region is North American: "(415) 555-0100", "415.555.0100", "1 415 555 0100",
# "+1-415-555-0100", "4155550100". A property test holds this to libphonenumber's reading.
# Atomic groups and possessive separators: none of them can give back a character that the
# next part could use (area codes and exchanges start 2-9), and matching is faster so.
_WRITTEN = (
    r"(?>\+?1[ .\-]?)?(?>\([2-9][0-9]{2}\)|[2-9][0-9]{2})[ .\-]?+[2-9][0-9]{2}[ .\-]?+[0-9]{4}"
)
_NANP_WRITTEN = re.compile(_WRITTEN)
_NANP_WRITTEN_LINES = re.compile(f"{_WRITTEN}(?:\n{_WRITTEN})*")
_WRITING = str.maketrans("", "", " .-()+")  # what `_WRITTEN` allows besides digits
_NANP_REGIONS = frozenset(phonenumbers.COUNTRY_CODE_TO_REGION_CODE[1])
_CHANNEL_PREFIX = re.compile(r"^(?:tel|sms|smsto):", re.IGNORECASE)


class InvalidNumber(ValueError):
    """Raised when a string is not a usable phone number."""

    def __init__(self, raw: str, reason: str) -> None:
        super().__init__(f"{raw!r} is not a valid phone number: {reason}")
        self.raw = raw
        self.reason = reason


def normalise(raw: str, region: str = "US") -> str:
    """Return the E.164 form of ``raw`` (``+14155550100``) or raise `InvalidNumber`.

    ``region`` is the ISO 3166 country assumed for numbers written without a country code.
    """
    text = raw.strip()
    if _NANP_E164.fullmatch(text):  # fast path: already canonical North American E.164
        return text
    if _NANP_SHAPED.fullmatch(text):  # the same shape, area code or exchange starting 0/1
        raise InvalidNumber(text, _NANP_RULE)
    if len(text) > 64:
        raise InvalidNumber(raw[:64], "too long")
    region = region.upper()
    if region in _NANP_REGIONS and _NANP_WRITTEN.fullmatch(text):
        return "+1" + text.translate(_WRITING)[-10:]
    return _normalise_parsed(text, region)


# Spaces of every width (thin, narrow no-break, figure, en quad, tab...), which typesetting
# and French grouping put in numbers, and the invisible marks that copying from a web page or
# a right-to-left text leaves in them (LRM, ZWNJ, BOM...): libphonenumber knows only some.
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


@lru_cache(maxsize=131_072)
def _normalise_parsed(text: str, region: str) -> str:
    plain = _INVISIBLE.sub("", _ODD_SPACE.sub(" ", text))
    cleaned = _from_spreadsheet(text, _CHANNEL_PREFIX.sub("", plain))
    if not cleaned:
        raise InvalidNumber(text, "empty")
    try:
        return _parse_in(text, cleaned, region)
    except InvalidNumber:
        labelled = _LABEL.fullmatch(cleaned)
        if labelled is not None:  # "+1 415 555 0306 (mobile)": letters read as a keypad's
            try:
                return _parse_in(text, labelled.group(1), region)
            except InvalidNumber:
                pass
        international = _international_digits(cleaned)
        if international is None or _grouped_national(cleaned, region):
            raise
        # "447700900999", "00447700900999": providers (Vonage, Plivo, Sinch) and systems
        # that copy their numbers write international numbers without the "+"; read so
        # only when the number is not one of the default region's own.
        try:
            return _parse_in(text, international, region)
        except InvalidNumber:
            pass
        raise


# A number followed by a word that labels it ("(mobile)", "cell", "[work]"): read without the
# label when the whole cannot be read (a vanity number such as 1-800-FLOWERS reads whole).
_LABEL = re.compile(r"(.*[0-9][^A-Za-z]*?)\s*[(\[]?\s*[A-Za-z][A-Za-z .'/-]*[)\]]?\s*")


# A number a spreadsheet stored as a number: "4155550100.0" is 4155550100, not the eleven
# digits 41555501000 (read as international, a different person's number).
_WHOLE_FLOAT = re.compile(r"(\+?[0-9]{7,})\.0+")
_FRACTION = re.compile(r"\+?[0-9]{7,}\.[0-9]{1,2}")
_SCIENTIFIC = re.compile(r"[0-9](?:\.[0-9]+)?[eE]\+?[0-9]+")


def _from_spreadsheet(text: str, cleaned: str) -> str:
    """``cleaned`` without a spreadsheet's ".0"; a fraction or scientific notation (digits
    already lost) is refused."""
    whole = _WHOLE_FLOAT.fullmatch(cleaned)
    if whole is not None:
        return whole.group(1)
    if _FRACTION.fullmatch(cleaned):
        raise InvalidNumber(text, "a number with a fraction, not a phone number")
    if _SCIENTIFIC.fullmatch(cleaned):
        raise InvalidNumber(
            text, "written in scientific notation (a spreadsheet dropped digits): export as text"
        )
    return cleaned


_FORMATTING = re.compile(r"[\s().\-]")
_DIGITS = re.compile(r"[0-9]{11,17}")


def _international_digits(cleaned: str) -> str | None:
    """``cleaned`` as "+digits" when it is only digits (and spaces, dots, dashes,
    brackets): 11 to 15 of them, or 9 to 15 after a "00" international prefix, which no
    national number starts with ("004798765436" is Norway's +47 98765436)."""
    digits = _FORMATTING.sub("", cleaned)
    if not _DIGITS.fullmatch(digits):
        return None
    if digits.startswith("00"):
        digits = digits[2:]
        return "+" + digits if 9 <= len(digits) <= 15 else None
    return "+" + digits if 11 <= len(digits) <= 15 else None


# A North American number grouped as people write one ("(415) 555-0100", "405.901.6865"),
# then more digits: a national number with a digit too many, not an international number
# without its "+" ("(415) 555-01000" is not +41 555 501000 in Switzerland).
_NANP_GROUPED = re.compile(r"\(?[2-9][0-9]{2}\)?[\s.\-]?[2-9][0-9]{2}[\s.\-]?[0-9]{4}")


def _grouped_national(cleaned: str, region: str) -> bool:
    return (
        region in _NANP_REGIONS
        and _FORMATTING.search(cleaned) is not None
        and _NANP_GROUPED.match(cleaned) is not None
    )


def _parse_in(text: str, cleaned: str, region: str) -> str:
    try:
        parsed = phonenumbers.parse(cleaned, region)
    except NumberParseException as exc:
        raise InvalidNumber(text, _parse_reason(exc)) from None
    _drop_mexican_mobile_1(parsed)
    reason = phonenumbers.is_possible_number_with_reason(parsed)
    if reason != ValidationResult.IS_POSSIBLE:
        raise InvalidNumber(text, _possibility_reason(reason))
    if parsed.country_code == 1 and not _NANP_NATIONAL.fullmatch(str(parsed.national_number)):
        raise InvalidNumber(text, _NANP_RULE)
    return str(phonenumbers.format_number(parsed, PhoneNumberFormat.E164))


def _drop_mexican_mobile_1(parsed: phonenumbers.PhoneNumber) -> None:
    """Mexico dropped the "1" that international calls to its mobiles once put after +52
    (2019), but WhatsApp and some carriers still deliver "+521 55 1234 5678": that person is
    +52 55 1234 5678, and their STOP must reach the same number the business texts."""
    national = str(parsed.national_number)
    if parsed.country_code == 52 and len(national) == 11 and national[0] == "1":
        parsed.national_number = int(national[1:])


def all_canonical(raws: Sequence[str]) -> bool:
    """True when every entry is already canonical North American E.164 (``+1NPANXXXXXX``,
    NPA and NXX starting 2-9): the usual case for systems that store numbers properly.

    One regular-expression match over the entries joined by newlines (10,000 numbers in about
    half a millisecond); the length check makes sure no entry held a newline of its own.
    """
    count = len(raws)
    if count == 0:
        return False
    joined = "\n".join(raws)
    return len(joined) == 13 * count - 1 and _NANP_E164_LINES.fullmatch(joined) is not None


def all_written(raws: Sequence[str], region: str = "US") -> list[str] | None:
    """The E.164 forms of ``raws`` when every entry is a North American number written in
    one of the usual ways ("(415) 555-0100", "1-415-555-0100", "+14155550100", ...) and
    ``region`` is North American; otherwise None. Like `all_canonical`, one match over the
    joined entries, then one pass that drops the punctuation (10,000 numbers in one to two
    milliseconds, where libphonenumber takes about 20 µs a number)."""
    count = len(raws)
    if count == 0 or region.upper() not in _NANP_REGIONS:
        return None
    joined = "\n".join(raws)
    if joined.count("\n") != count - 1 or _NANP_WRITTEN_LINES.fullmatch(joined) is None:
        return None
    digits = joined.translate(_WRITING)  # ten digits a line, or eleven starting with 1
    if digits.startswith("1") or "\n1" in digits:
        return ["+1" + line[-10:] for line in digits.split("\n")]
    return ("+1" + digits.replace("\n", "\n+1")).split("\n")


def normalise_many(raws: Sequence[str], region: str = "US") -> list[str | InvalidNumber]:
    """`normalise` over a list, in order; an invalid entry yields its `InvalidNumber`."""
    if all_canonical(raws):
        return list(raws)
    written = all_written(raws, region)
    if written is not None:
        return list[str | InvalidNumber](written)
    return normalise_each(raws, region)


def read_abroad(raw: str, number: str) -> str | None:
    """The other reading of ten bare digits that were read as a North American ``number``:
    the same digits as an international number without its "+". ``4534437570`` is
    +1 453 443 7570 in the US, and Danish +45 34437570 in a list exported from Vonage, Plivo
    or Sinch, which write numbers so. The send gate blocks such an input when either reading
    is suppressed. None for anything else (a "+", a leading 1, separators). Digits of any
    script and invisible format characters count as `normalise` reads them."""
    if len(number) != 12:
        return None
    if len(raw) == 10 and raw.isascii():  # the usual shape, at once
        digits = raw
    else:
        text = _bare(raw)
        if len(text) != 10 or not text.isdecimal():
            return None
        digits = phonenumbers.normalize_digits_only(text)
    if number == "+1" + digits:
        return "+" + digits
    return None


def _bare(raw: str) -> str:
    """``raw`` without what is around the digits themselves: invisible characters, blanks, a
    "tel:" prefix, a spreadsheet's text marks ('…, ="…") and its ".0" on a whole number."""
    text = "".join(c for c in raw if unicodedata.category(c) != "Cf").strip()
    text = _CHANNEL_PREFIX.sub("", text)
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    text = text.removeprefix("'").strip()
    whole = _WHOLE_FLOAT.fullmatch(text)
    return whole.group(1) if whole is not None else text


def normalise_each(raws: Sequence[str], region: str = "US") -> list[str | InvalidNumber]:
    """`normalise_many` one entry at a time (for lists the whole-list paths did not take)."""
    out: list[str | InvalidNumber] = []
    for raw in raws:
        try:
            out.append(normalise(raw, region))
        except InvalidNumber as exc:
            out.append(exc)
    return out


def try_normalise(raw: str, region: str = "US") -> str | None:
    """`normalise`, returning None instead of raising."""
    try:
        return normalise(raw, region)
    except InvalidNumber:
        return None


def normalise_address(raw: str, region: str = "US") -> str:
    """Normalise a sender address: a phone number becomes E.164, a short code or an
    alphanumeric sender ID is kept as written (trimmed)."""
    number = try_normalise(raw, region)
    return number if number is not None else raw.strip()


# Besides letters and digits, what sender addresses are written with: phone punctuation
# ("+1 (415) 555-0100"), and the spaces, dots and ampersands of alphanumeric sender IDs.
_ADDRESS_MARKS = frozenset(" +-()._&'/")


def address_problem(raw: str) -> str | None:
    """Why ``raw`` cannot be a sender address (a phone number, a short code, an
    alphanumeric sender ID or a messaging service id), or None when it can (read in NFKC
    form: a number in full-width digits is a number)."""
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        return "it is empty: give a number, short code or sender id"
    if not any(c.isalnum() for c in text):
        return f"{text!r} has no letters or digits"
    odd = sorted({c for c in text if not c.isalnum() and c not in _ADDRESS_MARKS})
    if odd:
        shown = " ".join(repr(c) for c in odd[:5])
        return f"{text!r} holds {shown}: a number, short code or sender id has none"
    return None


def named_sender(raw: str | None, region: str = "US") -> str | None:
    """The sender a check, scrub or send names, normalised; None when it names none (blank).
    Raises `ValueError` (why) for one that can be no address ("abc!!"): checked silently, it
    matched no sender-scoped opt-out and answered "allowed"."""
    if raw is None or not raw.strip():
        return None
    problem = address_problem(raw)
    if problem is not None:
        raise ValueError(problem)
    return normalise_address(raw, region)


def is_assigned(e164: str) -> bool:
    """libphonenumber's strict validity: the number lies in a range assigned for use."""
    return bool(phonenumbers.is_valid_number(phonenumbers.parse(e164, None)))


def mask(e164: str) -> str:
    """Mask a number for logs: keep the country code and the last two digits."""
    if len(e164) < 6:
        return "***"
    head = 2 if e164.startswith("+1") else 3
    return e164[:head] + "*" * (len(e164) - head - 2) + e164[-2:]


def _parse_reason(exc: NumberParseException) -> str:
    return {
        NumberParseException.INVALID_COUNTRY_CODE: "unknown or missing country code",
        NumberParseException.NOT_A_NUMBER: "not a number",
        NumberParseException.TOO_SHORT_AFTER_IDD: "too short",
        NumberParseException.TOO_SHORT_NSN: "too short",
        NumberParseException.TOO_LONG: "too long",
    }.get(exc.error_type, "cannot be parsed")


def _possibility_reason(result: int) -> str:
    return {
        ValidationResult.INVALID_COUNTRY_CODE: "unknown country code",
        ValidationResult.TOO_SHORT: "too short",
        ValidationResult.TOO_LONG: "too long",
        ValidationResult.IS_POSSIBLE_LOCAL_ONLY: "local number without an area code",
        ValidationResult.INVALID_LENGTH: "wrong length for its country",
    }.get(result, "not a possible number")
