"""Cut a CSV byte stream into records without changing a byte, and read one field of each.

Records end at a newline outside quotes (RFC 4180; ``\\n`` or ``\\r\\n``). The fast path finds
record ends with numpy (newline positions, quote parity) and lets polars' CSV reader parse the
one column Stopline needs; the two must agree on the number of rows. When they do not (a stray
quote inside an unquoted field, a record larger than the read-ahead), the rest of the stream is
read by the exact path: Python's csv module, line by line. Nothing is decoded except the header
and the phone field, so other columns pass through untouched, whatever their encoding.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np
import numpy.typing as npt
import polars as pl

from stopline.services.imports import (
    SCRUB_SEVERAL_PHONES,
    locate_numbers,
    reads_like_a_row,
    sniff_delimiter,
    text_encoding,
)

QUOTE = ord('"')
NEWLINE = ord("\n")


@dataclass(frozen=True, slots=True)
class CsvLayout:
    header: bytes  # the header record exactly as read, terminator included; b"" for none
    columns: list[str]  # the header's names (without a header: the first row's fields)
    delimiter: str
    phone_index: int
    terminator: bytes = b"\n"  # the first record's line ending


@dataclass(frozen=True, slots=True)
class RecordBatch:
    """Consecutive records: record i is ``data[bounds[i]:bounds[i + 1]]``."""

    data: bytes
    bounds: npt.NDArray[np.int64]
    phones: pl.Series  # the phone field of each record (String; null when the row lacks it)
    delimiter: str = ","
    fields: int = 0  # a full row's width (the header's); 0 when unknown

    def __len__(self) -> int:
        return len(self.bounds) - 1


SWALLOWED_ROWS = (
    "a quoted field runs over lines that read like rows of their own (an unmatched quote?): "
    "fix the quote and scrub again"
)


def swallowed_rows(batch: RecordBatch) -> list[int]:
    """Records whose later lines hold what looks like another row (a full row's delimiters
    and a phone number): a stray quote made one "field" of several rows, and writing the
    record as kept would pass their numbers through unchecked (a line-by-line reader would
    text them). A quoted address or note over lines, closed where it should be, is kept."""
    ends = len(batch) - (0 if batch.data.endswith(b"\n") else 1)  # newlines ending records
    if batch.data.count(b"\n") <= ends:
        return []  # no record spans lines
    newlines = np.flatnonzero(np.frombuffer(batch.data, dtype=np.uint8) == 0x0A)
    owner = np.searchsorted(batch.bounds, newlines, side="right") - 1
    inner = newlines < batch.bounds[owner + 1] - 1  # not the newline that ends its record
    found: list[int] = []
    for i in np.unique(owner[inner]).tolist():
        record = batch.data[batch.bounds[i] : batch.bounds[i + 1]]
        later = record[record.find(b"\n") + 1 :].splitlines()
        shape = (batch.delimiter, batch.fields)
        if any(reads_like_a_row(line.decode("utf-8", "replace"), *shape) for line in later):
            found.append(i)
    return found


def record_bounds(
    data: bytes | bytearray, *, final: bool, quoted: bool = True
) -> npt.NDArray[np.int64]:
    """Offsets where records start, plus the end of the last complete record. With ``final``
    a last record without a terminator counts too; with ``quoted`` a newline inside a quoted
    field does not end a record."""
    arr = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(arr == NEWLINE)
    if quoted and data.find(b'"') != -1:
        quotes = np.flatnonzero(arr == QUOTE)
        ends = ends[(np.searchsorted(quotes, ends) & 1) == 0]
    bounds = np.empty(len(ends) + 1, dtype=np.int64)
    bounds[0] = 0
    bounds[1:] = ends + 1
    if final and bounds[-1] < len(data):
        bounds = np.append(bounds, len(data))
    return bounds


def read_layout(
    stream: BinaryIO, column: str | None, delimiter: str | None, region: str = "US"
) -> tuple[CsvLayout, bytes]:
    """Read the header record; returns the layout and the bytes already read after it. A
    first record holding a phone number is data, not a header (`locate_numbers`): the
    layout's header is then empty and the bytes returned start with that record."""
    buf = b""
    while True:
        block = stream.read(1 << 16)
        buf += block
        bounds = record_bounds(buf, final=not block)
        if len(bounds) > 1 or not block:
            break
        if len(buf) > 1 << 22:
            raise ValueError("the header line is longer than 4 MiB: is this a CSV file?")
    if not buf.strip():
        raise ValueError("the file is empty")
    if text_encoding(buf) == "utf-16":  # rows are kept byte for byte: no re-encoding
        raise ValueError("the file is UTF-16: save it as UTF-8 (Excel: 'CSV UTF-8') and scrub that")
    if len(bounds) < 2:
        raise ValueError("the header has an unterminated quoted field")
    header = buf[: bounds[1]]
    try:
        text = header.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = header.decode("latin-1")
    if "\r" in text.rstrip("\r\n"):
        raise ValueError(
            "lines end with a bare carriage return (old Mac format): "
            "convert the file to \\n or \\r\\n line endings"
        )
    sep = delimiter or sniff_delimiter(text)
    names = next(csv.reader(io.StringIO(text), delimiter=sep), [])
    if not names:
        raise ValueError("the header line is empty")
    try:
        index, named = locate_numbers(names, column, region, hint=SCRUB_SEVERAL_PHONES)
    except ValueError as exc:
        raise ColumnNotFound(str(exc)) from None
    ending = b"\r\n" if header.endswith(b"\r\n") else b"\n"
    if not named:
        return CsvLayout(b"", names, sep, index, ending), buf
    return CsvLayout(header, names, sep, index, ending), buf[bounds[1] :]


class ChunkReader:
    """Reads ``size``-byte blocks and hands out runs of whole records."""

    def __init__(
        self, stream: BinaryIO, leftover: bytes, size: int, *, quoted: bool = True
    ) -> None:
        self._stream = stream
        self._quoted = quoted
        self._buf = bytearray(leftover)
        self._size = size
        self._eof = False

    def next_chunk(self) -> tuple[bytes, npt.NDArray[np.int64]] | None:
        """The next run of records, or None at the end. Raises `Unsplittable` when no record
        boundary turns up within 8 blocks (a stray quote makes the rest look quoted)."""
        while True:
            if not self._eof and len(self._buf) < self._size:
                block = self._stream.read(self._size)
                if block:
                    self._buf += block
                    continue
                self._eof = True
            if not self._buf:
                return None
            bounds = record_bounds(self._buf, final=self._eof, quoted=self._quoted)
            if len(bounds) > 1:
                cut = int(bounds[-1])
                data = bytes(self._buf[:cut])
                del self._buf[:cut]
                return data, bounds
            if self._eof or len(self._buf) > 8 * self._size:
                raise Unsplittable
            block = self._stream.read(self._size)
            if block:
                self._buf += block
            else:
                self._eof = True

    def rest(self) -> Iterator[bytes]:
        """Everything not handed out yet, as raw blocks."""
        if self._buf:
            yield bytes(self._buf)
            self._buf.clear()
        while not self._eof:
            block = self._stream.read(self._size)
            if not block:
                self._eof = True
                return
            yield block


class ColumnNotFound(ValueError):
    """The phone column named (or any well-known one) is not in the header."""


class Unsplittable(Exception):
    """The fast record splitter cannot go on; switch to the exact path."""


def fast_phones(data: bytes, rows: int, layout: CsvLayout) -> pl.Series | None:
    """The phone field of each record via polars, or None if polars does not see ``rows``."""
    schema = {f"column_{i + 1}": pl.String for i in range(len(layout.columns))}
    try:
        frame = pl.read_csv(
            data,
            has_header=False,
            separator=layout.delimiter,
            quote_char='"',
            schema=schema,
            columns=[layout.phone_index],
            truncate_ragged_lines=True,
            missing_columns="insert",
            encoding="utf8-lossy",
            raise_if_empty=False,
        )
    except (pl.exceptions.PolarsError, ValueError):
        return None
    if frame.height != rows:
        return None
    return frame.to_series().alias("phone")


def exact_batches(
    blocks: Iterator[bytes], layout: CsvLayout, rows_per_batch: int = 50_000
) -> Iterator[RecordBatch]:
    """Records and their phone field as Python's csv module reads them (slow, exact)."""
    pending: list[bytes] = []

    def text_lines() -> Iterator[str]:
        for line in _lines(blocks):
            pending.append(line)
            yield line.decode("utf-8", "replace")

    reader = csv.reader(text_lines(), delimiter=layout.delimiter)
    records: list[bytes] = []
    phones: list[str | None] = []
    index = layout.phone_index
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ValueError(f"CSV error near line {reader.line_num + 1}: {exc}") from None
        records.append(b"".join(pending))
        pending.clear()
        phones.append(row[index] if index < len(row) else None)
        if len(records) >= rows_per_batch:
            yield _batch(records, phones, layout)
            records, phones = [], []
    if records:
        yield _batch(records, phones, layout)


def _batch(records: list[bytes], phones: list[str | None], layout: CsvLayout) -> RecordBatch:
    lengths = np.fromiter((len(r) for r in records), dtype=np.int64, count=len(records))
    bounds = np.zeros(len(records) + 1, dtype=np.int64)
    np.cumsum(lengths, out=bounds[1:])
    series = pl.Series("phone", phones, dtype=pl.String)
    return RecordBatch(b"".join(records), bounds, series, layout.delimiter, len(layout.columns))


def _lines(blocks: Iterator[bytes]) -> Iterator[bytes]:
    carry = b""
    for block in blocks:
        data = carry + block
        start = 0
        while True:
            end = data.find(b"\n", start)
            if end < 0:
                break
            yield data[start : end + 1]
            start = end + 1
        carry = data[start:]
    if carry:
        yield carry
