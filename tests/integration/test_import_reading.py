"""How `stopline suppressions import` reads files that are not clean CSV: nothing is dropped
without a word (findings of a durability tester, 2026-12-04)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select

from stopline.domain.consent import Source
from stopline.services.imports import CsvRows, ImportReport, import_csv
from stopline.storage.tables import suppressions


def run(engine: Engine, text: str, column: str | None = None) -> ImportReport:
    return import_csv(
        engine,
        io.StringIO(text, newline=""),
        column=column,
        scope=None,
        source=Source.IMPORT,
        actor="test",
        now=lambda: datetime.now(UTC),
        region="US",
    )


def suppressed(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(suppressions)).scalar_one())


@pytest.mark.parametrize("after", [3000, 10_000])  # 10,000 runs past the csv field limit
def test_a_quote_never_closed_does_not_swallow_the_rest_of_the_file(
    engine: Engine, after: int
) -> None:
    rows = ["phone,name", "+16175550601,Bob", '+16175550602,"Smith, Jr']
    rows += [f"+1617{7000000 + i},n{i}" for i in range(after)]
    report = run(engine, "\n".join(rows) + "\n")
    assert (report.rows, report.recorded, report.invalid) == (after + 2, after + 2, 0)
    assert suppressed(engine) == after + 2
    assert report.notes and report.notes[0].startswith("line 3: a quote opened there")


def test_a_quote_closed_rows_later_does_not_hide_them(engine: Engine) -> None:
    text = (
        'phone,name\n+16175550701,"Bob\n+16175550702,Ann\n+16175550703,Carol"\n'
        '+16175550704,"a note\nover two lines"\n'
    )
    report = run(engine, text)
    assert report.recorded == 4 and suppressed(engine) == 4
    [note] = report.notes
    assert note.startswith("line 2: a quote opened there runs over lines that read as rows")


def test_a_field_too_long_to_read_loses_only_its_own_row(engine: Engine) -> None:
    text = "phone\n+16175550401\n+16175550402\n" + "x" * 200_000 + "\n+16175550403\n"
    report = run(engine, text)
    assert (report.recorded, report.invalid) == (3, 1)
    [(line, _value, reason)] = report.invalid_examples
    assert line == 4 and "field larger than field limit" in reason


def test_rows_a_spreadsheet_reads_are_read_as_before(engine: Engine) -> None:
    """Quotes inside a field, a multi-line quoted note, CRLF endings: read leniently, on the
    line each row starts."""
    text = (
        'phone,note\r\n+16175550301,"Bob"x\r\n+16175550302,"two\r\nlines"\r\n'
        "+16175550303,ok\r\nnot a number,\r\n"
    )
    report = run(engine, text)
    assert (report.rows, report.recorded, report.invalid) == (4, 3, 1)
    assert [line for line, _v, _r in report.invalid_examples] == [6]
    assert report.notes == []


def test_another_column_of_phone_numbers_is_named(engine: Engine) -> None:
    text = "home,mobile,id\n+16175550231,+16175550232,17\n+16175550233,+16175550234,18\n"
    report = run(engine, text)
    assert report.recorded == 2
    [note] = report.notes
    assert note.startswith("column 'home' also holds phone numbers; only 'mobile' was imported")
    assert report.left_columns == ["home"]  # the CLI exits 1: numbers left unrecorded
    assert run(engine, text, column="home").recorded == 2
    assert suppressed(engine) == 4


def test_line_numbers_follow_physical_lines() -> None:
    rows = list(CsvRows(['a,"b\n', 'c"\n', "d,e\n"], ","))
    assert [(line, row) for line, row, _why in rows] == [(1, ["a", "b\nc"]), (3, ["d", "e"])]


def test_quoted_fields_over_several_lines_closed_where_they_should_be_are_data(
    engine: Engine,
) -> None:
    """A CRM export's multi-line notes and addresses, even with a phone number inside them,
    are fields (a black-box tester, 2026-12-05: the opt-out of each row was lost and the
    number in the note recorded instead)."""
    text = (
        "name,number,notes\n"
        '"Doe, John",(212) 555-1101,"line1\nline2, (212) 555-1199"\n'
        '"Smith ""JJ""",212-555-1102,plain\n'
        'Ann,(217) 555-0365,"VIP\nspouse, (217) 555-0399"\n'
    )
    report = run(engine, text)
    assert (report.rows, report.recorded, report.invalid, report.notes) == (3, 3, 0, [])
    address = 'name,address,phone\nBob,"2 Elm St\nApt 4",(217) 555-0364\n'
    assert run(engine, address).recorded == 1
    with engine.connect() as conn:
        numbers = set(conn.execute(select(suppressions.c.number)).scalars())
    assert numbers == {"+12125551101", "+12125551102", "+12175550365", "+12175550364"}


def test_a_windows_spreadsheet_csv_is_read_as_cp1252_and_its_accented_header_named(
    engine: Engine,
) -> None:
    """A French Excel's CSV (cp1252, "Téléphone"): the header reads as written, so the column
    is found by its name, with or without --column (a tester saw "T�l�phone" and a message
    about a compressed file)."""
    from stopline.services.imports import text_encoding

    data = "Nom;Téléphone\r\nJosé;(646) 555-0171\r\nFrançois;646 555 0172\r\n".encode("cp1252")
    assert text_encoding(data) == "cp1252"
    assert text_encoding("Nom;Téléphone\n".encode()) == "utf-8-sig"
    assert text_encoding("Téléphone".encode()[:-1] + b"\xc3") == "utf-8-sig"  # cut mid-letter
    text = data.decode(text_encoding(data))
    for column in (None, "Téléphone", "telephone"):
        assert run(engine, text, column).rows == 2, column
    assert suppressed(engine) == 2


@pytest.mark.parametrize(
    "text",
    [
        # ditto marks in the column before the phone
        'name,city,phone\nAnn,Boston,+16175550601\nBob,",+16175550602\nCy,",+16175550603\n'
        "Dee,Austin,+16175550604\n",
        # two columns, an inch mark
        'name,phone\nAnn,+16175550601\n"Big Bob,+16175550602\nCy 5\'11",+16175550603\n'
        "Dee,+16175550604\n",
        # rows shorter than the header
        'phone,name,note\n+16175550601,"Ann\n+16175550602,Bob\n+16175550603,Cy",vip\n'
        "+16175550604,Dee\n",
    ],
    ids=["ditto", "two-columns", "ragged"],
)
def test_a_stray_quote_closed_before_the_phone_still_hides_no_opt_out(
    engine: Engine, text: str
) -> None:
    """Found by a reviewer the same day: reading only the part of a line before a quote let
    these through (Bob's opt-out was lost, and a scrub kept his opted-out row)."""
    report = run(engine, text)
    assert report.recorded == 4 and suppressed(engine) == 4, report
    assert report.notes
