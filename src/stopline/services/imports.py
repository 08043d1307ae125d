"""Bulk suppression import and export (CSV), streaming in batches."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import chain, islice
from typing import IO, BinaryIO, TextIO

from sqlalchemy import Engine

from stopline.domain.consent import ORGANISATION, ConsentDraft, Kind, Scope, Source
from stopline.domain.instants import CLOCK_SKEW
from stopline.domain.phone import InvalidNumber, normalise, try_normalise
from stopline.services.ledger import record
from stopline.storage import ledger as repo

NUMBER_COLUMNS = (
    "number",
    "phone",
    "phone_number",
    "phonenumber",
    "mobile",
    "mobile_number",
    "mobile_phone",
    "msisdn",
    "cell",
    "cell_phone",
    "cellphone",
    "cell_number",
    "telephone",
    "tel",
    "to",
    "recipient",
    "e164",
    "e.164",
    "e_164",
    "contact",
)


# An opt-out's own time in an imported file, by column name (the first found).
# (Not a bare "date": in a contact export it may be a sign-up or last-order date.)
DATE_COLUMNS = ("since", "opted_out_at", "opt_out_date", "opt_out_at", "occurred_at")

DELIMITERS = (",", ";", "\t", "|")

# Excel's "Unicode Text" and some CRMs save UTF-16; read as UTF-8 its header is garbled.
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


# How much of a file `text_encoding` looks at.
ENCODING_SAMPLE = 1 << 16


def head_of(raw: BinaryIO) -> bytes:
    """The first `ENCODING_SAMPLE` bytes of a seekable file, which is left at its start."""
    head = raw.read(ENCODING_SAMPLE)
    raw.seek(0)
    return head


def text_encoding(head: bytes) -> str:
    """How to read a CSV that starts with ``head`` (its first `ENCODING_SAMPLE` bytes):
    UTF-16 when it has that byte-order mark; UTF-8 (its own mark skipped) when the sample
    reads as UTF-8; else Windows-1252, as spreadsheets on Windows save CSV ("Téléphone"
    then stays a name ``--column`` can give, not "T�l�phone")."""
    if head[:2] in UTF16_BOMS:
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not only a character cut at the sample's end
            return "cp1252"
    return "utf-8-sig"


def sniff_delimiter(header: str) -> str:
    """The most frequent of , ; TAB | in the header line (comma when none appears)."""
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


# How a scrub's refusal of two phone columns ends.
SCRUB_SEVERAL_PHONES = (
    "the one the sending tool will text; scrub again by the other if it texts both"
)


def find_number_column(
    header: list[str], wanted: str | None = None, *, sole: bool = False, hint: str = ""
) -> int:
    """Index of the phone column: ``wanted`` (a name, or a 1-based position when no column
    has that name) if given, else the first well-known name. Two columns with the chosen
    name are refused rather than one picked silently: a reader that takes the other one
    would text the numbers this one was scrubbed for. With ``sole``, two columns with
    different well-known names ("phone", "mobile") are refused too (a scrub by one would
    keep the rows whose other number opted out; an import that read one would drop the
    other's opt-outs); ``hint`` ends that message."""
    folded = [_column_key(h) for h in header]
    if wanted is not None:
        key = _column_key(wanted)
        if key in folded:
            return _only(folded, key, header)
        if key.isdigit() and 1 <= int(key) <= len(header):
            return int(key) - 1
        raise ValueError(f"no column named {wanted!r} (columns: {_names(header)})")
    known = [name for name in NUMBER_COLUMNS if name in folded]
    if sole and len(known) > 1:
        listed = ", ".join(repr(header[folded.index(name)].strip()) for name in known)
        raise ValueError(
            f"columns {listed} all look like phone numbers: name the one to read with --column"
            + (f" ({hint})" if hint else "")
        )
    for name in known:
        return _only(folded, name, header)
    if _binary(header):
        raise ValueError(
            "the first line is not text: is this a compressed or binary file (a .gz, .zip "
            "or spreadsheet)? Give a CSV file (decompress it, or save the sheet as CSV)"
        )
    raise ValueError(
        f"cannot tell which column holds phone numbers (columns: {_names(header)}); "
        "name it with --column"
    )


def _column_key(name: str) -> str:
    """A column name as compared: case, spaces, dashes and accents aside ("Téléphone" is
    "telephone", "Phone-Number" is "phone_number")."""
    plain = unicodedata.normalize("NFKD", name.strip().lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return plain.replace(" ", "_").replace("-", "_")


def _binary(header: list[str]) -> bool:
    """Whether a "header" holds what no text file's first line does: control characters
    other than tabs, or bytes that were not UTF-8 (read as U+FFFD)."""
    return any(c == "\ufffd" or (c < " " and c not in "\t\r\n") for name in header for c in name)


def locate_numbers(
    first: list[str], wanted: str | None, region: str, *, hint: str = ""
) -> tuple[int, bool]:
    """The phone column's index, and whether ``first`` (a file's first row) is a header.

    A first row with a phone number in it is data: no header names a column like a
    number, and taking that row for one would skip it (an import would lose its opt-out,
    a scrub would pass it through unscrubbed). Its phone column is then ``wanted`` as a
    1-based position, or the one cell that reads as a phone number."""
    numbered = [i for i, cell in enumerate(first) if cell.strip() and try_normalise(cell, region)]
    if not numbered:
        return find_number_column(first, wanted, sole=True, hint=hint), True
    positions = ", ".join(str(i + 1) for i in numbered)
    if wanted is not None:
        key = wanted.strip()
        if key.isdigit() and 1 <= int(key) <= len(first):
            return int(key) - 1, False
        raise ValueError(
            f"the file has no header (its first line holds a phone number in column "
            f"{positions}): name the phone column by its position, e.g. --column {numbered[0] + 1}"
        )
    if len(numbered) > 1:
        raise ValueError(
            f"the file has no header, and columns {positions} of its first line all hold "
            "phone numbers: name the one to read by its position with --column"
            + (f" ({hint})" if hint else "")
        )
    return numbered[0], False


def _only(folded: list[str], key: str, header: list[str]) -> int:
    positions = [i + 1 for i, name in enumerate(folded) if name == key]
    if len(positions) > 1:
        listed = ", ".join(str(p) for p in positions)
        raise ValueError(
            f"columns {listed} are all named {header[positions[0] - 1].strip()!r}: "
            f"choose one by its position with --column (e.g. {positions[0]})"
        )
    return positions[0] - 1


def _names(header: list[str], most: int = 20) -> str:
    """The header for an error message: at most ``most`` names of at most 40 characters
    (a binary file read as CSV has a "header" of megabytes)."""
    shown = [name if len(name) <= 40 else name[:40] + "…" for name in header[:most]]
    more = f" and {len(header) - most} more" if len(header) > most else ""
    return ", ".join(shown) + more


# A field that starts like a phone number ("+1 (617) 555-0101"), and a date (not one).
_PHONE_FIELD = re.compile(r'(?:^|[,;\t|])[ \t]*"?[ \t]*(\+?[(]?\d[\d \t().-]{5,}\d)')
_DATE = re.compile(r"\(?\d{4}-\d{2}-\d{2}")


def reads_like_a_row(line: str, delimiter: str = ",", fields: int = 0) -> bool:
    """Whether a line inside a quoted field looks like another row: it has a full row's
    delimiters (``fields`` - 1, when the row's width is known) and one of its fields starts
    with at least eight digits written like a phone number. A stray quote makes one "field"
    of the rows after it; a multi-line note or address ("Apt 4", (217) 555-0164) rarely
    holds a line with both (one that does fails safe: its rows are read as rows)."""
    if fields > 1 and line.count(delimiter) < fields - 1:
        return False
    for found in _PHONE_FIELD.finditer(line):
        token = found.group(1)
        if sum(ch.isdigit() for ch in token) >= 8 and not _DATE.match(token):
            return True
    return False


class CsvRows:
    """The rows of a CSV with the line each starts on, read as a spreadsheet reads them,
    except that nothing is dropped without a word.

    A row strict CSV cannot read (``1,"Bob"x``) is read leniently, as before, and a field
    too long for the csv module becomes an error for that row alone. A quote that makes one
    field of several lines, where those lines read like rows of their own (never closed
    before the end of the file, closed rows later, or running past the csv module's field
    limit), would hide their opt-outs in one "name": those lines are read again with quotes
    as plain characters, and ``notes`` says so."""

    def __init__(self, lines: Iterable[str], delimiter: str) -> None:
        self.delimiter = delimiter
        self.fields = 0  # a full row's width: the first row's (the header's)
        self.notes: list[str] = []
        self._lines = iter(lines)
        self._pending: list[str] = []  # the physical lines of the row being read
        self._reader = csv.reader(self._recorded(), delimiter=delimiter, strict=True)

    def _recorded(self) -> Iterator[str]:
        for line in self._lines:
            self._pending.append(line)
            yield line

    def __iter__(self) -> Iterator[tuple[int, list[str] | None, str]]:
        """``(line, row, "")``, or ``(line, None, why)`` for a row that cannot be read."""
        line = 1
        while True:
            self._pending.clear()
            try:
                row = next(self._reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raw = list(self._pending)
                at_end = "unexpected end of data" in str(exc)
                if at_end or len(raw) > 1:
                    yield from self._unquoted(line, raw, "is never closed" if at_end else "")
                    if at_end:
                        return
                    line += len(raw)
                    continue
                try:
                    row = next(csv.reader(raw, delimiter=self.delimiter))
                except (csv.Error, StopIteration) as lenient:
                    yield line, None, f"unreadable CSV row: {lenient}"
                    line += len(raw)
                    continue
            raw = self._pending
            if len(raw) > 1 and self._swallows(row, raw[1:]):
                yield from self._unquoted(line, list(raw), "runs over lines that read as rows")
            else:
                self.fields = self.fields or len(row)
                yield line, row, ""
            line += len(raw)

    def _swallows(self, row: list[str], later: list[str]) -> bool:
        """Whether a row over several lines hides rows: lines that read as rows of their own,
        in a row that is not a full row's width or whose lines each have a full row's
        delimiters (a note or an address over lines, closed where it should be, is data)."""
        if self.fields and len(row) == self.fields:
            return any(reads_like_a_row(text, self.delimiter, self.fields) for text in later)
        return any(reads_like_a_row(text) for text in later)

    def _unquoted(
        self, line: int, raw: list[str], what: str
    ) -> Iterator[tuple[int, list[str] | None, str]]:
        self.notes.append(
            f"line {line}: a quote opened there {what or 'runs on too long'}; its "
            f"{len(raw):,} line(s) were read with quotes as plain characters"
        )
        plain = csv.reader(raw, delimiter=self.delimiter, quoting=csv.QUOTE_NONE)
        for offset, again in enumerate(plain):
            yield line + offset, again, ""


@dataclass
class ImportReport:
    rows: int = 0
    recorded: int = 0
    already: int = 0
    invalid: int = 0
    invalid_examples: list[tuple[int, str, str]] = field(default_factory=list)
    undated: int = 0  # rows whose date could not be read: recorded as of the import
    undated_examples: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how the file was read, when unusual
    # other columns that hold phone numbers, not imported (the file holds more to record)
    left_columns: list[str] = field(default_factory=list)


def import_csv(
    engine: Engine,
    stream: TextIO,
    *,
    column: str | None,
    scope: Scope | None,
    source: Source,
    actor: str,
    now: Callable[[], datetime],
    region: str,
    batch_size: int = 2000,
    progress: Callable[[int], None] | None = None,
    settled: Callable[[Sequence[str]], None] | None = None,
) -> ImportReport:
    """Record an opt-out for every valid number in the CSV; each batch commits on its own.
    With ``scope`` None, a ``scope`` column (as `export_rows` writes) gives each row's scope
    (empty: organisation), so an export imports back as it was; without one, organisation.
    A date column (``since`` as `export_rows` writes it, or ``opted_out_at``, ``occurred_at``,
    ``date``) keeps each opt-out's own time: the proof of when it was asked for must not
    become the time of the import. A time without a zone is read as UTC, a date alone as
    its midnight UTC, a time up to five minutes ahead of now (clocks differ) as now; a date
    that cannot be read, or further in the future, leaves the opt-out recorded as of the
    import (counted in ``undated``), never dropped. ``settled`` is called with the numbers
    each committed batch opted out (the CLI waits there for broadcast sends in flight)."""
    first = stream.readline()
    if not first.strip():
        raise ValueError("the file is empty" if not first else "the first line is empty")
    source_rows = CsvRows(chain([first], stream), sniff_delimiter(first))
    reader = iter(source_rows)
    _line, header, why = next(reader)
    if header is None:
        raise ValueError(f"line 1: {why}")
    index, named = locate_numbers(header, column, region, hint="import each in turn to record both")
    rows: Iterator[tuple[int, list[str] | None, str]] = reader
    report = ImportReport()
    if not named:  # no header: the first row is an opt-out like the rest
        rows, header = chain([(1, header, "")], reader), []
    elif column is None:  # the column was picked by its name: say if another is one too
        sample = list(islice(reader, _SAMPLE_ROWS))
        rows = chain(sample, reader)
        for other in _other_number_columns(sample, index, region):
            report.left_columns.append(header[other].strip())
            report.notes.append(
                f"column {header[other].strip()!r} also holds phone numbers; only "
                f"{header[index].strip()!r} was imported (import the file again with "
                f"--column {header[other].strip()!r} to record those too)"
            )
    folded = [_column_key(h) for h in header]
    scope_index = folded.index("scope") if scope is None and "scope" in folded else None
    date_index = next((folded.index(n) for n in DATE_COLUMNS if n in folded), None)
    batch: list[ConsentDraft] = []
    for line, row, why in rows:
        if row is None:
            report.rows += 1
            report.invalid += 1
            if len(report.invalid_examples) < 20:
                report.invalid_examples.append((line, "", why))
            continue
        if not any(cell.strip() for cell in row):
            continue  # a blank line is no row (spreadsheets leave them at the end)
        report.rows += 1
        raw = row[index] if index < len(row) else ""
        try:
            number = normalise(raw, region)  # spreadsheets' "….0" numbers included
            row_scope = scope or ORGANISATION
            if scope_index is not None and scope_index < len(row) and row[scope_index].strip():
                row_scope = _scope(row[scope_index], region)
            when = now()
            if date_index is not None and date_index < len(row) and row[date_index].strip():
                try:
                    moment = _instant(row[date_index], header[date_index])
                    if moment > when + CLOCK_SKEW:
                        raise ValueError("in the future")
                    when = min(moment, when)
                except ValueError:  # never lose the opt-out over its date: as of now
                    report.undated += 1
                    if len(report.undated_examples) < 20:
                        report.undated_examples.append((line, row[date_index]))
        except ValueError as exc:
            report.invalid += 1
            if len(report.invalid_examples) < 20:
                reason = exc.reason if isinstance(exc, InvalidNumber) else str(exc)
                report.invalid_examples.append((line, raw, reason))
            continue
        batch.append(ConsentDraft(number, Kind.OPT_OUT, source, when, row_scope, actor=actor))
        if len(batch) >= batch_size:
            _flush(engine, batch, now(), report, settled)
            batch = []
            if progress:
                progress(report.rows)
    if batch:
        _flush(engine, batch, now(), report, settled)
    if progress:
        progress(report.rows)
    report.notes.extend(source_rows.notes)
    return report


_SAMPLE_ROWS = 20


def _other_number_columns(
    sample: list[tuple[int, list[str] | None, str]], chosen: int, region: str
) -> list[int]:
    """Columns besides ``chosen`` whose cells in the first rows are mostly phone numbers
    ("home" beside "mobile"): the import reads one column, and must say so."""
    cells: dict[int, list[str]] = {}
    for _line, row, _why in sample:
        for i, cell in enumerate(row or ()):
            if i != chosen and cell.strip():
                cells.setdefault(i, []).append(cell)
    return [
        i
        for i, values in sorted(cells.items())
        if sum(1 for v in values if try_normalise(v, region)) * 2 > len(values)
    ]


def _instant(text: str, name: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{name.strip()} {text!r}: not an ISO 8601 date or time") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if not 1970 <= moment.astimezone(UTC).year <= 2999:
        raise ValueError(f"{name.strip()} {text!r}: must lie between 1970 and 2999")
    return moment.astimezone(UTC)


def _scope(text: str, region: str) -> Scope:
    try:
        return Scope.canonical(text, region)
    except ValueError as exc:
        raise ValueError(f"scope {text!r}: {exc}") from None


def _flush(
    engine: Engine,
    batch: list[ConsentDraft],
    now: datetime,
    report: ImportReport,
    settled: Callable[[Sequence[str]], None] | None,
) -> None:
    with engine.execution_options(sqlite_immediate=True).begin() as conn:
        results = record(conn, batch, now)
    changed = [d.number for d, r in zip(batch, results, strict=True) if r.changed]
    report.recorded += len(changed)
    report.already += len(results) - len(changed)
    if settled is not None:
        settled(changed)


def export_rows(engine: Engine, scope: str | None = None) -> Iterator[list[str]]:
    yield ["number", "scope", "since", "source", "event_id"]
    with engine.connect() as conn:
        for s in repo.iter_suppressions(conn, scope):
            yield [
                s.number,
                str(s.scope),
                s.since.isoformat() if s.since else "",
                s.source,
                str(s.event_id),
            ]


def write_csv(rows: Iterable[list[str]], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    count = -1
    for row in rows:
        writer.writerow(row)
        count += 1
    return max(count, 0)
