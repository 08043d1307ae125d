"""An independent, slow reference for the scrub: Python's csv module and libphonenumber, one
row at a time, plus a deterministic generator of messy contact lists."""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

_PREFIX = re.compile(r"^(?:tel|sms|smsto):", re.IGNORECASE)


def reference_number(raw: str | None, region: str = "US") -> str | None:
    """The documented rule: possible for its country, NANP area code and exchange 2-9;
    failing that, 11 to 15 digits (after an optional 00) read as international, unless
    written with separators as a North American number followed by more digits."""
    if raw is None:
        return None
    text = raw.strip()
    if len(text) > 64:
        return None
    text = _PREFIX.sub("", text)
    if not text:
        return None
    found = _reference_parse(text, region)
    if found is None:
        digits = re.sub(r"[\s().-]", "", text)
        typo = (
            region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE[1]
            and digits != text
            and re.match(r"\(?[2-9]\d\d\)?[\s.-]?[2-9]\d\d[\s.-]?\d{4}", text) is not None
        )
        if re.fullmatch(r"[0-9]+", digits) and not typo:
            digits = digits[2:] if digits.startswith("00") else digits
            if 11 <= len(digits) <= 15:
                found = _reference_parse("+" + digits, region)
    return found


def _reference_parse(text: str, region: str) -> str | None:
    try:
        parsed = phonenumbers.parse(text, region)
    except NumberParseException:
        return None
    if phonenumbers.is_possible_number_with_reason(parsed) != ValidationResult.IS_POSSIBLE:
        return None
    national = str(parsed.national_number)
    if parsed.country_code == 1 and not re.fullmatch(r"[2-9]\d{2}[2-9]\d{6}", national):
        return None
    return str(phonenumbers.format_number(parsed, PhoneNumberFormat.E164))


def reference_scrub(
    data: bytes, records: list[bytes], column: str, blocked: Callable[[str], bool]
) -> bytes:
    """Header plus every record whose number is valid and not blocked, from ``records`` (the
    generator's own record bytes) after checking csv agrees on the row count."""
    text = data.decode("utf-8", "surrogateescape")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = [h.lstrip("\ufeff") for h in rows[0]]
    assert len(rows) - 1 == len(records), "generator and csv disagree on the records"
    index = header.index(column)
    head_len = len(data) - sum(len(r) for r in records)
    out = [data[:head_len]]
    for record, row in zip(records, rows[1:], strict=True):
        number = reference_number(row[index] if index < len(row) else None)
        if number is not None and not blocked(number):
            out.append(record)
    return b"".join(out)


@dataclass
class ContactList:
    data: bytes
    records: list[bytes]
    numbers: list[str]  # valid E.164 numbers that appear, for building suppression lists


AREAS = ["415", "212", "305", "405", "206", "617", "800", "555", "115", "915"]


def phone_variant(rnd: random.Random) -> str:
    area = rnd.choice(AREAS)
    exchange = rnd.choice(["555", "200", "867", "055", "999"])
    line = f"{rnd.randrange(10_000):04d}"
    shapes = [
        "+1{a}{e}{l}",
        "({a}) {e}-{l}",
        "{a}.{e}.{l}",
        "1-{a}-{e}-{l}",
        "+1 {a} {e} {l}",
        "{a}{e}{l}",
        "1{a}{e}{l}",
        "  +1 ({a}) {e}-{l} ",
        "{a}-{e}-{l} ext. 12",
        "tel:+1{a}{e}{l}",
        "\uff14\uff11\uff15{e}{l}",
        "+44 20 7946 {l}",
        "+44 7700 900{s}",
        "+33 6 12 34 {s}",
        "{e}-{l}",
        "{a}-{e}-{l}0",
        "N/A",
        "",
        "12",
        "call me",
        "+1 {a} {e} {l}\t",
        "++1{a}{e}{l}",
    ]
    shape = rnd.choice(shapes)
    return shape.format(a=area, e=exchange, l=line, s=line[:3])


def quote(field: str) -> str:
    if any(c in field for c in ',"\n\r') or (field and field[0] == " " and "," in field):
        return '"' + field.replace('"', '""') + '"'
    return field


def contact_list(
    rows: int, seed: int, *, crlf: bool = False, messy: bool = True, padding: int = 0
) -> ContactList:
    """A CSV with a phone column in every common shape, quoted names with commas, multi-line
    notes, latin-1 bytes, blank and short rows."""
    rnd = random.Random(seed)
    end = b"\r\n" if crlf else b"\n"
    header = b"\xef\xbb\xbfid,name,phone,notes,city" + end
    records: list[bytes] = []
    numbers: list[str] = []
    for i in range(rows):
        phone = phone_variant(rnd)
        number = reference_number(phone)
        if number:
            numbers.append(number)
        name = rnd.choice(["Ann", "Smith, John", 'Bob "B" Jones', "Zoë", "Ann"])
        notes = rnd.choice(["", "vip", "line one\nline two", 'say "hi"', "a,b"]) + "x" * padding
        city = rnd.choice([b"Paris", b"Montr\xe9al", b"K\xc3\xb6ln", b""])
        fields = [str(i), quote(name), quote(phone), quote(notes)]
        record = ",".join(fields).encode() + b"," + city + end
        if messy and rnd.random() < 0.02:
            record = end  # a blank line
        elif messy and rnd.random() < 0.02:
            record = f"{i},{quote(name)}".encode() + end  # a short row: no phone field
        records.append(record)
    if records and rnd.random() < 0.5:
        records[-1] = records[-1].rstrip(b"\r\n")  # no terminator on the last line
    return ContactList(header + b"".join(records), records, numbers)
