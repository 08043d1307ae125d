"""Scrub a CSV stream: keep the rows whose number is valid and not suppressed, byte for byte.

Chunks of whole records are decided on a small thread pool (polars and numpy release the GIL)
and written in input order; at most ``workers + 1`` chunks are in memory at once, so memory
stays flat whatever the file size.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain
from typing import BinaryIO, Protocol

import numpy as np
import numpy.typing as npt

from stopline.services.scrub.csv_records import (
    SWALLOWED_ROWS,
    ChunkReader,
    CsvLayout,
    RecordBatch,
    Unsplittable,
    exact_batches,
    fast_phones,
    read_layout,
    swallowed_rows,
)
from stopline.services.scrub.numbers import NANP_BASE, normalise_column
from stopline.services.scrub.suppressed import Suppressions

INVALID = "invalid_number"
OPTED_OUT = "opted_out"
REMOVED_COLUMNS = ("stopline_row", "stopline_reason", "stopline_detail")


@dataclass(frozen=True, slots=True)
class ScrubOptions:
    column: str | None = None
    delimiter: str | None = None
    region: str = "US"
    chunk_bytes: int = 16 << 20
    workers: int = 2


@dataclass
class ScrubReport:
    rows: int = 0
    kept: int = 0
    invalid: int = 0
    suppressed: Counter[str] = field(default_factory=Counter)  # by scope
    invalid_reasons: Counter[str] = field(default_factory=Counter)
    exact_path: int = 0  # values that needed libphonenumber
    exact_csv: bool = False  # the exact CSV reader took over part of the file
    column: str = ""

    @property
    def removed(self) -> int:
        return self.invalid + sum(self.suppressed.values())


@dataclass(frozen=True, slots=True)
class Decided:
    batch: RecordBatch
    keep: npt.NDArray[np.bool_]
    blocked: npt.NDArray[np.int8]  # 1 + scope index, 0 when not suppressed
    reasons: list[str | None]  # invalid reason per row (None when valid)
    exact_path: int
    exact_csv: bool = False
    kept: bytes = b""  # the kept records' bytes, cut on the deciding thread


def scrub_csv(
    source: BinaryIO,
    kept: BinaryIO,
    suppressed: Suppressions,
    options: ScrubOptions = ScrubOptions(),
    *,
    removed: BinaryIO | None = None,
    progress: Callable[[int], None] | None = None,
) -> ScrubReport:
    """Write the header and every kept record of ``source`` to ``kept``; with ``removed``,
    write each removed record there with its row number, reason and detail."""
    layout, leftover = read_layout(source, options.column, options.delimiter, options.region)
    index = layout.phone_index
    column = layout.columns[index] if layout.header else f"column {index + 1} (no header)"
    report = ScrubReport(column=column)
    kept.write(layout.header)
    if removed is not None and layout.header:  # a file without a header gets none back
        removed.write(_removed_header(layout))
    reader = ChunkReader(source, leftover, options.chunk_bytes)
    done = len(layout.header)

    def render(record: bytes, row: int, reason: str, detail: str) -> bytes:
        return _removed_row(record, row, reason, detail, layout)

    behind = WriteBehind(kept)

    def finish(decided: Decided) -> None:
        nonlocal done
        write_decided(decided, behind, render, report, suppressed, removed)
        done += len(decided.batch.data)
        if progress is not None:
            progress(done)

    try:
        for decided in _decide_all(reader, layout, suppressed, options):
            finish(decided)
    except BaseException:
        behind.close(raising=False)  # the error under way is the one to report
        raise
    behind.close()
    return report


class WriteBehind:
    """Writes to ``sink`` on a thread of its own, in order, one write in flight: the next
    chunk is read and decided while the last one is written (writing the kept rows was a
    third of a scrub's time, all of it on the thread that reads). A failed write raises
    from the next call, or from `close`."""

    def __init__(self, sink: Sink) -> None:
        self._sink = sink
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="scrub-write")
        self._last: Future[object] | None = None

    def write(self, data: bytes, /) -> None:
        self._wait()
        self._last = self._pool.submit(self._sink.write, data)

    def _wait(self) -> None:
        last, self._last = self._last, None
        if last is not None:
            last.result()

    def close(self, *, raising: bool = True) -> None:
        """Wait for the last write; the sink itself stays open. Without ``raising`` a failed
        write is not raised (an error already under way is the one to report)."""
        try:
            self._wait()
        except Exception:
            if raising:
                raise
        finally:
            self._pool.shutdown()


def _decide_all(
    reader: ChunkReader, layout: CsvLayout, suppressed: Suppressions, options: ScrubOptions
) -> Iterator[Decided]:
    """Fast path on a thread pool, in order; the exact path for the rest when it fails."""
    leftovers: list[bytes] = []
    with ThreadPoolExecutor(max(1, options.workers), thread_name_prefix="scrub") as pool:
        pending: deque[tuple[bytes, Future[Decided | None]]] = deque()
        failed = False
        while not failed:
            try:
                chunk = reader.next_chunk()
            except Unsplittable:
                failed = True
                break
            if chunk is None:
                break
            data, bounds = chunk
            pending.append(
                (data, pool.submit(_decide_fast, data, bounds, layout, suppressed, options))
            )
            while len(pending) > options.workers:
                data, future = pending.popleft()
                result = future.result()
                if result is None:
                    leftovers.append(data)
                    failed = True
                    break
                yield result
        while pending:
            data, future = pending.popleft()
            result = None if failed else future.result()
            if result is None:
                failed = True
                leftovers.append(data)
            else:
                yield result
    if failed:
        for batch in exact_batches(chain(leftovers, reader.rest()), layout):
            yield decide(batch, suppressed, options, exact_csv=True)


def _decide_fast(
    data: bytes,
    bounds: npt.NDArray[np.int64],
    layout: CsvLayout,
    suppressed: Suppressions,
    options: ScrubOptions,
) -> Decided | None:
    phones = fast_phones(data, len(bounds) - 1, layout)
    if phones is None:
        return None
    batch = RecordBatch(data, bounds, phones, layout.delimiter, len(layout.columns))
    return decide(batch, suppressed, options)


def decide(
    batch: RecordBatch,
    suppressed: Suppressions,
    options: ScrubOptions,
    *,
    exact_csv: bool = False,
) -> Decided:
    column = normalise_column(batch.phones, options.region)
    valid = column.valid
    reasons: list[str | None] = column.reasons.to_list() if not valid.all() else []
    swallowed = swallowed_rows(batch)
    if swallowed:  # removed as unreadable rows, never written as kept
        valid = valid.copy()
        reasons = reasons or [None] * len(batch)
        for index in swallowed:
            valid[index] = False
            reasons[index] = SWALLOWED_ROWS
    blocked = suppressed.blocking(column.numbers)
    if column.bare.any():  # ten bare digits: blocked if either reading is (phone.read_abroad)
        rows = np.flatnonzero(column.bare & (blocked == 0))
        if len(rows):
            blocked[rows] = suppressed.blocking(column.numbers[rows] - NANP_BASE)
    blocked[~valid] = 0
    keep = valid & (blocked == 0)
    kept = kept_bytes(batch, keep) if batch.data else b""
    return Decided(batch, keep, blocked, reasons, column.exact_path, exact_csv, kept)


RemovedRenderer = Callable[[bytes, int, str, str], bytes]


class Sink(Protocol):
    def write(self, data: bytes, /) -> object: ...


def write_decided(
    decided: Decided,
    kept: Sink | None,
    render: RemovedRenderer | None,
    report: ScrubReport,
    suppressed: Suppressions,
    removed: Sink | None,
) -> None:
    """Write the kept records (unless ``kept`` is None), count the removed ones, render them
    to ``removed``."""
    batch, keep = decided.batch, decided.keep
    first_row = report.rows + 1
    report.rows += len(batch)
    report.kept += int(keep.sum())
    report.exact_path += decided.exact_path
    report.exact_csv = report.exact_csv or decided.exact_csv
    if kept is not None:
        kept.write(decided.kept)
    if keep.all():
        return
    counts = np.bincount(decided.blocked[~keep], minlength=len(suppressed.scopes) + 1)
    for scope_no, count in enumerate(counts.tolist()[1:], start=1):
        if count:
            report.suppressed[str(suppressed.scopes[scope_no - 1])] += count
    invalid_rows = np.flatnonzero(~keep & (decided.blocked == 0))
    report.invalid += len(invalid_rows)
    report.invalid_reasons.update(decided.reasons[i] or "invalid" for i in invalid_rows.tolist())
    if removed is None or render is None:
        return
    for index in np.flatnonzero(~keep).tolist():
        scope_no = int(decided.blocked[index])
        if scope_no:
            reason, detail = OPTED_OUT, str(suppressed.scopes[scope_no - 1])
        else:
            reason, detail = INVALID, decided.reasons[index] or "invalid"
        record = batch.data[batch.bounds[index] : batch.bounds[index + 1]]
        removed.write(render(record, first_row + index, reason, detail))


def kept_bytes(batch: RecordBatch, keep: npt.NDArray[np.bool_]) -> bytes:
    """The bytes of the kept records, in order, unchanged: one slice per run of kept rows."""
    if keep.all():
        return batch.data
    flips = np.flatnonzero(np.diff(keep.astype(np.int8), prepend=0, append=0))
    starts = batch.bounds[flips[0::2]].tolist()  # runs of kept rows start and end in pairs
    ends = batch.bounds[flips[1::2]].tolist()
    view = memoryview(batch.data)
    return b"".join([view[s:e] for s, e in zip(starts, ends, strict=True)])


def _removed_header(layout: CsvLayout) -> bytes:
    body = layout.header.rstrip(b"\r\n")
    extra = layout.delimiter.join(REMOVED_COLUMNS).encode()
    return body + layout.delimiter.encode() + extra + layout.terminator


def _removed_row(record: bytes, row: int, reason: str, detail: str, layout: CsvLayout) -> bytes:
    end = b"\r\n" if record.endswith(b"\r\n") else b"\n"
    body = record[: -len(end)] if record.endswith(end) else record
    sep = layout.delimiter
    text = detail
    if any(c in text for c in (sep, '"', "\n", "\r")):
        text = '"' + text.replace('"', '""') + '"'
    # a short row (or a blank line) is padded to the header's width, so the three columns
    # line up under their names; a row with more fields than the header keeps them all
    missing = len(layout.columns) - _field_count(body, sep)
    padding = sep * missing if missing > 0 else ""
    return body + f"{padding}{sep}{row}{sep}{reason}{sep}{text}".encode() + end


def _field_count(body: bytes, delimiter: str) -> int:
    """How many fields a record holds (quotes respected; a blank line holds one, empty).
    Latin-1 maps bytes one to one, so any ASCII-compatible encoding counts right."""
    if delimiter.encode() not in body:
        return 1
    try:
        fields = next(csv.reader(io.StringIO(body.decode("latin-1")), delimiter=delimiter), [])
    except csv.Error:  # a bare CR inside an unquoted field: count the delimiters instead
        return body.count(delimiter.encode()) + 1
    return max(len(fields), 1)
