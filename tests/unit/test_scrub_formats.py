"""Parquet and JSON lines go through the same decisions as CSV."""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from stopline.domain.consent import ORGANISATION
from stopline.services.scrub import ScrubOptions, SuppressionSet
from stopline.services.scrub.other_formats import scrub_jsonl, scrub_parquet

SUPPRESSED = SuppressionSet.of((ORGANISATION,), {ORGANISATION: ["+14155550101"]})


def test_parquet_keeps_schema_and_order(tmp_path: Path) -> None:
    table = pa.table(
        {
            "id": pa.array([1, 2, 3, 4], pa.int32()),
            "mobile": pa.array([4155550100, 4155550101, 12, None], pa.int64()),
            "name": ["Ann", "Bob", "Cy", "Di"],
        }
    )
    source = tmp_path / "in.parquet"
    pq.write_table(table, source, row_group_size=2)
    kept, removed = tmp_path / "out.parquet", tmp_path / "removed.parquet"
    report = scrub_parquet(source, kept, SUPPRESSED, ScrubOptions(), removed=removed)
    out = pq.read_table(kept)
    assert out.schema == table.schema
    assert out.to_pylist() == [{"id": 1, "mobile": 4155550100, "name": "Ann"}]
    gone = pq.read_table(removed).to_pylist()
    assert [(r["id"], r["stopline_row"], r["stopline_reason"]) for r in gone] == [
        (2, 2, "opted_out"),
        (3, 3, "invalid_number"),
        (4, 4, "invalid_number"),
    ]
    assert report.rows == 4 and report.kept == 1 and report.column == "mobile"


def test_jsonl_keeps_lines_byte_for_byte() -> None:
    lines = [
        b'{"phone": "(415) 555-0100", "name": "Ann",  "x": 1.50}\n',
        b'{"phone": 4155550101, "name": "Bob"}\n',
        b"not json\n",
        b"\n",
        b'{"name": "no phone"}\n',
        b'{"phone": "+44 20 7946 0958"}',
    ]
    kept, removed = io.BytesIO(), io.BytesIO()
    report = scrub_jsonl(
        io.BytesIO(b"".join(lines)), kept, SUPPRESSED, ScrubOptions(chunk_bytes=64), removed=removed
    )
    assert kept.getvalue() == lines[0] + lines[5]
    rows = [orjson.loads(line) for line in removed.getvalue().splitlines()]
    assert [(r["stopline_row"], r["stopline_detail"]) for r in rows] == [
        (2, "organisation"),
        (3, "line is not a JSON object"),
        (4, "blank line"),
        (5, "no value in the phone column"),
    ]
    assert report.rows == 6 and report.kept == 2
