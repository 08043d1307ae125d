"""CSV scrub exactness against the slow reference, with small chunks to cross boundaries."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from stopline.domain.consent import ORGANISATION, Scope
from stopline.services.scrub import ScrubOptions, ScrubReport, SuppressionSet, scrub_csv
from stopline.services.scrub.csv_records import ColumnNotFound
from tests.scrub_reference import contact_list, reference_number, reference_scrub

PROMO = Scope.topic("promo")
SENDER = Scope.sender("+18005550100")


def _suppressions(numbers: list[str]) -> SuppressionSet:
    distinct = sorted(set(numbers))
    return SuppressionSet.of(
        (ORGANISATION, PROMO, SENDER),
        {ORGANISATION: distinct[::5], PROMO: distinct[1::7], SENDER: distinct[2::11]},
    )


def _run(
    data: bytes, suppressed: SuppressionSet, **options: Any
) -> tuple[bytes, bytes, ScrubReport]:
    kept, removed = io.BytesIO(), io.BytesIO()
    report = scrub_csv(io.BytesIO(data), kept, suppressed, ScrubOptions(**options), removed=removed)
    return kept.getvalue(), removed.getvalue(), report


@pytest.mark.parametrize(
    ("crlf", "chunk", "workers"), [(False, 1 << 20, 2), (True, 4096, 3), (False, 700, 1)]
)
def test_output_equals_the_slow_reference(crlf: bool, chunk: int, workers: int) -> None:
    contacts = contact_list(6000, seed=chunk, crlf=crlf)
    suppressed = _suppressions(contacts.numbers)
    blocked: dict[Scope, set[str]] = {s: set() for s in suppressed.scopes}
    for scope, table in zip(suppressed.scopes, suppressed.numbers, strict=True):
        blocked[scope] = {f"+{n}" for n in table.tolist()}
    # a send about "promo": organisation and topic opt-outs apply, the sender's do not
    only = SuppressionSet(suppressed.scopes[:2], suppressed.numbers[:2])
    expected = reference_scrub(
        contacts.data,
        contacts.records,
        "phone",
        lambda n: n in blocked[ORGANISATION] or n in blocked[PROMO],
    )
    kept, removed, report = _run(
        contacts.data, only, column="phone", chunk_bytes=chunk, workers=workers
    )
    assert kept == expected
    assert report.rows == len(contacts.records)
    assert report.kept + report.removed == report.rows
    assert report.exact_csv is False
    assert removed.count(b"opted_out,organisation") > 0
    assert removed.count(b"opted_out,topic:promo") > 0


def test_stray_quotes_hand_over_to_the_exact_reader() -> None:
    lines = [b"id,size,phone\n"]
    records = []
    for i in range(3000):
        size = b'5" screen' if i % 500 == 7 else b"small"
        records.append(b"%d,%s,+1415555%04d\n" % (i, size, i))
    data = lines[0] + b"".join(records)
    suppressed = SuppressionSet.of((ORGANISATION,), {ORGANISATION: ["+14155550010"]})
    expected = reference_scrub(data, records, "phone", lambda n: n == "+14155550010")
    kept, _removed, report = _run(data, suppressed, chunk_bytes=2048)
    assert kept == expected
    assert report.exact_csv is True
    assert report.rows == 3000


def test_removed_file_has_row_reason_and_detail() -> None:
    data = b'name,phone\r\n"Smith, J",(415) 555-0100\r\nAnn,12\r\nBob,415 555 0101\r\nEve\r\n'
    suppressed = SuppressionSet.of((ORGANISATION,), {ORGANISATION: ["+14155550100"]})
    kept, removed, report = _run(data, suppressed)
    assert kept == b"name,phone\r\nBob,415 555 0101\r\n"
    assert removed.splitlines() == [
        b"name,phone,stopline_row,stopline_reason,stopline_detail",
        b'"Smith, J",(415) 555-0100,1,opted_out,organisation',
        b"Ann,12,2,invalid_number,too short",
        b"Eve,,4,invalid_number,no value in the phone column",  # padded: columns line up
    ]
    assert report.invalid == 2 and dict(report.suppressed) == {"organisation": 1}


def test_removed_rows_line_up_under_the_header_whatever_their_width() -> None:
    data = (
        b"id,phone,note\n1,+14155550100\n\n2,+14155550100,a,extra\n"
        b'3,+14155550100,"x, y"\n4;5,+14155550100\n'
    )
    suppressed = SuppressionSet.of((ORGANISATION,), {ORGANISATION: ["+14155550100"]})
    kept, removed, _ = _run(data, suppressed)
    assert kept == b"id,phone,note\n"
    rows = list(csv.reader(io.StringIO(removed.decode())))
    header = rows[0]
    assert header == ["id", "phone", "note", "stopline_row", "stopline_reason", "stopline_detail"]
    by_row = {r[-3]: r for r in rows[1:]}
    assert by_row["1"] == ["1", "+14155550100", "", "1", "opted_out", "organisation"]
    assert by_row["2"][3:] == ["2", "invalid_number", "no value in the phone column"]
    assert len(by_row["2"]) == 6  # the blank line, padded to the header's width
    assert by_row["4"][:3] == ["3", "+14155550100", "x, y"] and len(by_row["4"]) == 6
    # a bare carriage return inside an unquoted field does not stop the removed file
    odd, gone, _ = _run(b"id,phone,note\n1,+14155550100,a\rb\n", suppressed)
    assert odd == b"id,phone,note\n" and gone.endswith(b"a\rb,1,opted_out,organisation\n")
    # a row wider than the header keeps every field; the three columns follow them
    assert by_row["3"] == ["2", "+14155550100", "a", "extra", "3", "opted_out", "organisation"]


def test_other_delimiters_are_detected() -> None:
    data = b"name;phone\nAnn;+14155550100\nBob;+14155550101\n"
    suppressed = SuppressionSet.of((ORGANISATION,), {ORGANISATION: ["+14155550101"]})
    kept, _, _ = _run(data, suppressed)
    assert kept == b"name;phone\nAnn;+14155550100\n"
    tabbed = data.replace(b";", b"\t")
    assert _run(tabbed, suppressed)[0] == tabbed[: tabbed.index(b"Bob")]


def test_header_only_and_empty_files() -> None:
    empty = SuppressionSet.of((ORGANISATION,), {})
    assert _run(b"phone\n", empty)[0] == b"phone\n"
    assert _run(b"phone", empty)[0] == b"phone"
    with pytest.raises(ValueError, match="empty"):
        _run(b"", empty)


def test_missing_column_is_a_clear_error() -> None:
    empty = SuppressionSet.of((ORGANISATION,), {})
    with pytest.raises(ColumnNotFound, match="name it with --column"):
        _run(b"a,b\n1,2\n", empty)
    with pytest.raises(ColumnNotFound, match="no column named 'mobile'"):
        _run(b"a,phone\n1,2\n", empty, column="mobile")


def test_bare_carriage_returns_are_refused() -> None:
    with pytest.raises(ValueError, match="carriage return"):
        _run(b"name,phone\rAnn,+14155550100\r", SuppressionSet.of((ORGANISATION,), {}))


def test_reference_is_the_domain_rule() -> None:
    assert reference_number("(415) 555-0100") == "+14155550100"
    assert reference_number("415-555-010") is None


@pytest.mark.parametrize("ending", [b"\n", b"\r\n"])
def test_a_file_without_a_header_is_scrubbed_from_its_first_line(ending: bytes) -> None:
    """Taken for a header, an opted-out number on the first line would go out unscrubbed."""
    blocked = SuppressionSet.of((ORGANISATION,), {ORGANISATION: ["+14155550101"]})
    data = ending.join([b"+14155550101,Ann", b"+14155550102,Bob", b"x,Cy", b""])
    kept, removed, report = _run(data, blocked)
    assert kept == b"+14155550102,Bob" + ending
    lines = removed.split(ending)
    assert lines[0] == b"+14155550101,Ann,1,opted_out,organisation"  # no header added
    assert lines[1].startswith(b"x,Cy,3,invalid")
    assert (report.rows, report.kept, report.column) == (3, 1, "column 1 (no header)")
    named = _run(b"Name,Phone\nAnn,+14155550101\n", blocked)
    assert named[0] == b"Name,Phone\n" and named[2].column == "Phone"
