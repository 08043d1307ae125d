"""Scrub Parquet files and JSON lines with the same decisions as CSV.

Parquet is read and written batch by batch with its schema unchanged (the phone column may be
text or integer). JSON lines keep each kept line byte for byte; a line that is not a JSON object
is removed as invalid.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import orjson
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from stopline.services.imports import SCRUB_SEVERAL_PHONES, find_number_column
from stopline.services.scrub.csv_records import ChunkReader, RecordBatch
from stopline.services.scrub.run import (
    REMOVED_COLUMNS,
    ScrubOptions,
    ScrubReport,
    decide,
    write_decided,
)
from stopline.services.scrub.suppressed import Suppressions

NOT_AN_OBJECT = "line is not a JSON object"


def scrub_parquet(
    source: Path,
    kept: Path,
    suppressed: Suppressions,
    options: ScrubOptions = ScrubOptions(),
    *,
    removed: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ScrubReport:
    """Kept rows to ``kept`` (same schema); removed rows plus reason columns to ``removed``."""
    try:
        parquet = pq.ParquetFile(source)
    except (pa.ArrowInvalid, OSError) as exc:
        raise ValueError(f"not a readable Parquet file: {exc}") from None
    schema = parquet.schema_arrow
    size = source.stat().st_size
    index = find_number_column(
        list(schema.names), options.column, sole=True, hint=SCRUB_SEVERAL_PHONES
    )
    report = ScrubReport(column=schema.names[index])
    removed_schema = schema.append(pa.field(REMOVED_COLUMNS[0], pa.int64()))
    for name in REMOVED_COLUMNS[1:]:
        removed_schema = removed_schema.append(pa.field(name, pa.string()))
    kept_writer = pq.ParquetWriter(kept, schema)
    removed_writer = pq.ParquetWriter(removed, removed_schema) if removed else None
    try:
        for group in range(parquet.num_row_groups):
            for batch in parquet.iter_batches(batch_size=250_000, row_groups=[group]):
                _parquet_batch(
                    batch, index, kept_writer, removed_writer, report, suppressed, options
                )
            if progress is not None:  # in bytes of the file, like the other formats
                progress(size * (group + 1) // parquet.num_row_groups)
    finally:
        kept_writer.close()
        if removed_writer is not None:
            removed_writer.close()
    return report


def _parquet_batch(
    batch: pa.RecordBatch,
    index: int,
    kept: pq.ParquetWriter,
    removed: pq.ParquetWriter | None,
    report: ScrubReport,
    suppressed: Suppressions,
    options: ScrubOptions,
) -> None:
    phones = pl.Series(batch.column(index)).cast(pl.String, strict=False)
    bounds = np.arange(len(batch) + 1, dtype=np.int64)
    decided = decide(RecordBatch(b"", bounds, phones), suppressed, options)
    first_row = report.rows + 1
    write_decided(decided, None, None, report, suppressed, None)
    kept.write_batch(batch.filter(pa.array(decided.keep)))
    if removed is None or decided.keep.all():
        return
    drop = np.flatnonzero(~decided.keep)
    reasons, details = [], []
    for i in drop.tolist():
        scope_no = int(decided.blocked[i])
        if scope_no:
            reasons.append("opted_out")
            details.append(str(suppressed.scopes[scope_no - 1]))
        else:
            reasons.append("invalid_number")
            details.append(decided.reasons[i] or "invalid")
    gone = batch.take(pa.array(drop))
    columns = [*gone.columns, pa.array(drop + first_row), pa.array(reasons), pa.array(details)]
    removed.write_batch(pa.RecordBatch.from_arrays(columns, schema=removed.schema))


def scrub_jsonl(
    source: BinaryIO,
    kept: BinaryIO,
    suppressed: Suppressions,
    options: ScrubOptions = ScrubOptions(),
    *,
    removed: BinaryIO | None = None,
    progress: Callable[[int], None] | None = None,
) -> ScrubReport:
    """One JSON object per line; the phone field is ``options.column`` or a well-known name."""
    reader = ChunkReader(source, b"", options.chunk_bytes, quoted=False)
    report = ScrubReport()
    key: str | None = None
    done = 0
    while (chunk := reader.next_chunk()) is not None:
        data, bounds = chunk
        values: list[str | None] = []
        objects: list[dict[str, Any] | None] = []
        for start, end in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
            line = data[start:end]
            try:
                obj = orjson.loads(line) if line.strip() else None
            except orjson.JSONDecodeError:
                obj = None
            if not isinstance(obj, dict):
                objects.append(None)
                values.append(None)
                continue
            if key is None:
                found = find_number_column(
                    list(obj), options.column, sole=True, hint=SCRUB_SEVERAL_PHONES
                )
                key = list(obj)[found]
                report.column = key
            objects.append(obj)
            value = obj.get(key)
            values.append(None if value is None else str(value))
        phones = pl.Series("phone", values, dtype=pl.String)
        decided = decide(RecordBatch(data, bounds, phones), suppressed, options)
        reasons = decided.reasons or [None] * len(values)
        for i, obj in enumerate(objects):
            if obj is None and not decided.keep[i]:
                reasons[i] = (
                    NOT_AN_OBJECT if data[bounds[i] : bounds[i + 1]].strip() else "blank line"
                )
        decided = dataclasses.replace(decided, reasons=reasons)
        write_decided(decided, kept, _json_removed, report, suppressed, removed)
        done += len(data)
        if progress is not None:
            progress(done)
    return report


def _json_removed(record: bytes, row: int, reason: str, detail: str) -> bytes:
    try:
        obj = orjson.loads(record)
    except orjson.JSONDecodeError:
        obj = None
    if not isinstance(obj, dict):
        obj = {"line": record.decode("utf-8", "replace").rstrip("\r\n")}
    obj.update(dict(zip(REMOVED_COLUMNS, (row, reason, detail), strict=True)))
    return orjson.dumps(obj) + b"\n"
