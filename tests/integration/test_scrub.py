"""Scrub against real suppression lists on SQLite and PostgreSQL: CLI and API."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from typer.testing import CliRunner

from stopline import bootstrap
from stopline.api.app import create_app
from stopline.cli import app
from stopline.config import Settings
from stopline.domain.consent import ORGANISATION, ConsentDraft, Kind, Scope, Source, scopes_for_send
from stopline.services.keys import create_key
from stopline.services.ledger import record
from stopline.services.scrub import load
from tests.scrub_reference import contact_list, reference_scrub

runner = CliRunner()


def _flat(text: str) -> str:
    return " ".join(text.split())


def _opt_out(engine: Engine, numbers: list[str], scope: Scope, now: object) -> None:
    drafts = [ConsentDraft(n, Kind.OPT_OUT, Source.API, now, scope) for n in numbers]  # type: ignore[arg-type]
    with engine.execution_options(sqlite_immediate=True).begin() as conn:  # read, then write
        record(conn, drafts, now)  # type: ignore[arg-type]


def test_import_accepts_messy_formats_then_scrub_removes_them(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    env = {"STOPLINE_DATABASE_URL": database_url}
    optouts = tmp_path / "optouts.csv"
    optouts.write_text(
        "number,source\n(415) 555-0100,web\n415.555.0101,web\n1-415-555-0102,x\n"
        "+1 415 555 0103,x\n+14155550104,x\n,x\nnot a number,x\n"
    )
    result = runner.invoke(app, ["suppressions", "import", str(optouts)], env=env)
    assert result.exit_code == 1, result.output  # some rows were not recorded: say so
    assert "5 opt-outs recorded" in result.output and "2 invalid" in result.output

    contacts = tmp_path / "contacts.csv"
    contacts.write_bytes(
        b"id,phone,name\r\n"
        b"1,+14155550100,a\r\n2,4155550101,b\r\n3,(415) 555-0102,c\r\n4,415 555 0103,d\r\n"
        b'5,"+1 (415) 555-0104","e, f"\r\n6,(415) 555-0199,keep me\r\n7,555-0100,x\r\n'
        b"8,+44 20 7946 0958,uk\r\n"
    )
    out, removed = tmp_path / "out.csv", tmp_path / "removed.csv"
    args = ["scrub", str(contacts), "-o", str(out), "--column", "phone", "--removed", str(removed)]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == (
        b"id,phone,name\r\n6,(415) 555-0199,keep me\r\n8,+44 20 7946 0958,uk\r\n"
    )
    lines = removed.read_bytes().splitlines()
    assert lines[0] == b"id,phone,name,stopline_row,stopline_reason,stopline_detail"
    assert len(lines) == 7 and lines[-1].endswith(
        b"invalid_number,local number without an area code"
    )
    assert "kept" in result.output and "opted out (organisation)" in result.output


def test_topic_and_sender_scopes_apply_only_to_their_sends(
    engine: Engine, database_url: str, tmp_path: Path, now: object
) -> None:
    contacts = contact_list(3000, seed=3, crlf=True)
    distinct = sorted(set(contacts.numbers))
    org, promo, sender = distinct[::6], distinct[1::6], distinct[2::6]
    _opt_out(engine, org, ORGANISATION, now)
    _opt_out(engine, promo, Scope.topic("promo"), now)
    _opt_out(engine, sender, Scope.sender("+18005550100"), now)
    source = tmp_path / "contacts.csv"
    source.write_bytes(contacts.data)
    env = {"STOPLINE_DATABASE_URL": database_url}
    cases = [
        ([], set(org)),
        (["--topic", "Promo"], set(org) | set(promo)),
        (["--sender", "(800) 555-0100", "--topic", "other"], set(org) | set(sender)),
    ]
    for extra, blocked in cases:
        out = tmp_path / "out.csv"
        result = runner.invoke(app, ["scrub", str(source), "-o", str(out), *extra], env=env)
        assert result.exit_code == 0, result.output
        expected = reference_scrub(contacts.data, contacts.records, "phone", blocked.__contains__)
        assert out.read_bytes() == expected, extra


def test_loading_suppressions_streams_each_scope(engine: Engine, now: object) -> None:
    numbers = [f"+1415555{i:04d}" for i in range(2500)]
    _opt_out(engine, numbers[:2000], ORGANISATION, now)
    _opt_out(engine, numbers[1000:], Scope.topic("promo"), now)
    with engine.connect() as conn:
        loaded = load(conn, scopes_for_send(None, "promo"))
    assert [str(s) for s in loaded.scopes] == ["organisation", "topic:promo"]
    assert [len(a) for a in loaded.numbers] == [2000, 1500]
    assert loaded.numbers[0][0] == 14155550000


def test_cli_refuses_bad_input_and_writes_nothing(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    env = {"STOPLINE_DATABASE_URL": database_url}
    source = tmp_path / "in.csv"
    source.write_text("a,b\n1,2\n")
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["scrub", str(source), "-o", str(out)], env=env)
    assert result.exit_code == 2 and "name it with --column" in _flat(result.output)
    assert not out.exists()
    same = runner.invoke(app, ["scrub", str(source), "-o", str(source), "--column", "a"], env=env)
    assert same.exit_code == 2 and "is the input file" in _flat(same.output)
    assert source.read_text() == "a,b\n1,2\n"
    odd = runner.invoke(app, ["scrub", str(tmp_path / "in.xlsx"), "-o", str(out)], env=env)
    assert odd.exit_code == 2
    # the rows are written in the input's format: an output named for another is refused
    for named in ("out.parquet", "out.jsonl"):
        other = runner.invoke(
            app, ["scrub", str(source), "-o", str(tmp_path / named), "--column", "a"], env=env
        )
        assert other.exit_code == 2 and "give it a csv name" in _flat(other.output)
        assert not (tmp_path / named).exists()
    removed = tmp_path / "removed.parquet"
    wrong = runner.invoke(
        app,
        ["scrub", str(source), "-o", str(out), "--column", "a", "--removed", str(removed)],
        env=env,
    )
    assert wrong.exit_code == 2 and not out.exists() and not removed.exists()


@pytest.fixture
def scrub_graph(graph: bootstrap.Stopline, now: object) -> bootstrap.Stopline:
    _opt_out(graph.engine, ["+14155550100"], ORGANISATION, now)
    _opt_out(graph.engine, ["+14155550101"], Scope.topic("promo"), now)
    return graph


def test_api_scrub_returns_the_kept_rows(
    client: TestClient, scrub_graph: bootstrap.Stopline, checker: dict[str, str]
) -> None:
    body = b'id,phone\n1,(415) 555-0100\n2,415.555.0101\n3,"+1 415 555 0102"\n4,nope\n'
    headers = {**checker, "Content-Type": "text/csv"}
    response = client.post("/v1/scrub?topic=promo", content=body, headers=headers)
    assert response.status_code == 200, response.text
    assert response.content == b'id,phone\n3,"+1 415 555 0102"\n'
    assert response.headers["x-stopline-rows"] == "4"
    assert response.headers["x-stopline-kept"] == "1"
    assert response.headers["x-stopline-removed-opted-out"] == "2"
    assert response.headers["x-stopline-removed-invalid"] == "1"
    removed = client.post("/v1/scrub?output=removed", content=body, headers=headers)
    assert removed.content.splitlines()[1:] == [
        b"1,(415) 555-0100,1,opted_out,organisation",
        b"4,nope,4,invalid_number,not a number",
    ]


def test_api_scrub_errors(client: TestClient, checker: dict[str, str]) -> None:
    csv_headers = {**checker, "Content-Type": "text/csv"}
    assert client.post("/v1/scrub", content=b"phone\n").status_code == 401
    missing = client.post("/v1/scrub", content=b"a,b\n1,2\n", headers=csv_headers)
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "column"
    empty = client.post("/v1/scrub", content=b"", headers=csv_headers)
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "invalid_csv"
    # kept rows are the input's own bytes: UTF-16 would come back as it came, so it is refused
    utf16 = client.post("/v1/scrub", content="phone\n1\n".encode("utf-16"), headers=csv_headers)
    assert utf16.status_code == 422 and "UTF-16" in utf16.json()["error"]["message"]
    wrong = client.post("/v1/scrub", json={"a": 1}, headers=checker)
    assert wrong.status_code == 415


def test_two_columns_with_the_phone_name_are_refused_until_one_is_chosen(
    client: TestClient, scrub_graph: bootstrap.Stopline, checker: dict[str, str]
) -> None:
    """csv.DictReader reads the *last* of two 'phone' columns: scrubbing the first one
    would hand that reader a number that opted out (415 555 0100 is opted out here)."""
    body = b"phone,phone\n4155550300,(415) 555-0100\n"
    headers = {**checker, "Content-Type": "text/csv"}
    refused = client.post("/v1/scrub", content=body, headers=headers)
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "column"
    message = refused.json()["error"]["message"]
    assert "columns 1, 2 are all named 'phone'" in message and "'column' query" in message
    second = client.post("/v1/scrub?column=2", content=body, headers=headers)
    assert second.status_code == 200 and second.headers["x-stopline-kept"] == "0"
    first = client.post("/v1/scrub?column=1", content=body, headers=headers)
    assert first.status_code == 200 and first.headers["x-stopline-kept"] == "1"


def test_two_phone_like_columns_are_refused_in_every_format_until_one_is_chosen(
    engine: Engine, database_url: str, tmp_path: Path, now: object
) -> None:
    """A row whose 'mobile' opted out must not survive because the scrub read its 'phone'
    (fifth acceptance test, 2026-12): the scrub cannot know which one the sender texts."""
    import orjson
    import pyarrow as pa
    import pyarrow.parquet as pq

    _opt_out(engine, ["+14155550100"], ORGANISATION, now)
    env = {"STOPLINE_DATABASE_URL": database_url}
    row = {"name": "A", "mobile": "(415) 555-0100", "phone": "(212) 555-0190"}
    (tmp_path / "in.csv").write_text("name,Mobile Phone,phone\nA,(415) 555-0100,(212) 555-0190\n")
    (tmp_path / "in.jsonl").write_bytes(orjson.dumps(row) + b"\n")
    pq.write_table(pa.table({k: [v] for k, v in row.items()}), tmp_path / "in.parquet")
    for name in ("in.csv", "in.jsonl", "in.parquet"):
        out = tmp_path / f"out-{name}"
        refused = runner.invoke(app, ["scrub", str(tmp_path / name), "-o", str(out)], env=env)
        assert refused.exit_code != 0 and not out.exists(), (name, refused.output)
        assert "all look like phone numbers" in _flat(refused.output), refused.output
        column = "Mobile Phone" if name == "in.csv" else "mobile"
        args = ["scrub", str(tmp_path / name), "-o", str(out), "--column", column]
        chosen = runner.invoke(app, args, env=env)
        assert chosen.exit_code == 0, (name, chosen.output)
        assert "555" not in out.read_text(errors="replace").split("\n", 1)[-1], name


def test_an_error_about_a_huge_header_names_only_a_few_columns(
    client: TestClient, checker: dict[str, str]
) -> None:
    header = ",".join(f"col{i}_" + "x" * 100 for i in range(5000)).encode()
    headers = {**checker, "Content-Type": "text/csv"}
    answer = client.post("/v1/scrub", content=header + b"\n1\n", headers=headers)
    assert answer.status_code == 422
    assert len(answer.content) < 3000 and "and 4980 more" in answer.json()["error"]["message"]


def test_api_scrub_has_its_own_body_limit(settings: Settings) -> None:
    small = settings.model_copy(update={"scrub_max_bytes": 64, "max_body_bytes": 1024 * 1024})
    built = bootstrap.build(small)
    try:
        with TestClient(create_app(app_graph=built), base_url="https://sms.example.com") as c:
            new = create_key(built.engine, "t", frozenset({"check"}), built.clock())
            headers = {"Authorization": f"Bearer {new.key}", "Content-Type": "text/csv"}
            body = b"phone\n" + b"+14155550100\n" * 10
            too_big = c.post("/v1/scrub", content=body, headers=headers)
            assert too_big.status_code == 413
            assert too_big.json()["error"]["code"] == "payload_too_large"
            assert c.post("/v1/scrub", content=body[:60], headers=headers).status_code == 200
    finally:
        built.close()


def test_cli_scrubs_parquet_and_jsonl(
    engine: Engine, database_url: str, tmp_path: Path, now: object
) -> None:
    import orjson
    import pyarrow as pa
    import pyarrow.parquet as pq

    _opt_out(engine, ["+14155550100"], ORGANISATION, now)
    env = {"STOPLINE_DATABASE_URL": database_url}
    table = pa.table({"mobile": ["(415) 555-0100", "415-555-0101", "x"], "n": [1, 2, 3]})
    pq.write_table(table, tmp_path / "in.parquet")
    out = tmp_path / "out.parquet"
    result = runner.invoke(app, ["scrub", str(tmp_path / "in.parquet"), "-o", str(out)], env=env)
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).to_pylist() == [{"mobile": "415-555-0101", "n": 2}]
    lines = [
        orjson.dumps({"to": v, "n": i}) + b"\n" for i, v in enumerate(table["mobile"].to_pylist())
    ]
    (tmp_path / "in.jsonl").write_bytes(b"".join(lines))
    out_jsonl = tmp_path / "out.jsonl"
    args = ["scrub", str(tmp_path / "in.jsonl"), "-o", str(out_jsonl)]
    assert runner.invoke(app, args, env=env).exit_code == 0
    assert out_jsonl.read_bytes() == lines[1]


def test_cli_scopes_are_spelt_as_the_gate_looks_them_up(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    env = {"STOPLINE_DATABASE_URL": database_url}
    recorded = runner.invoke(
        app, ["consent", "opt-out", "(415) 555-0100", "--scope", "topic:Marketing"], env=env
    )
    assert recorded.exit_code == 0 and "topic:marketing" in recorded.output
    source = tmp_path / "in.csv"
    source.write_text("phone\n4155550100\n4155550101\n")
    out = tmp_path / "out.csv"
    args = ["scrub", str(source), "-o", str(out), "--topic", "marketing"]
    assert runner.invoke(app, args, env=env).exit_code == 0
    assert out.read_text() == "phone\n4155550101\n"
    plain = runner.invoke(app, ["scrub", str(source), "-o", str(out)], env=env)
    assert plain.exit_code == 0 and out.read_text() == "phone\n4155550100\n4155550101\n"


def test_an_output_in_a_missing_folder_is_a_clear_error_before_anything_runs(
    database_url: str, tmp_path: Path
) -> None:
    env = {"STOPLINE_DATABASE_URL": database_url}
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("id,phone\n1,+14155550100\n")
    for extra in (
        ["-o", str(tmp_path / "nope" / "x.csv")],
        ["-o", str(tmp_path / "ok.csv"), "--removed", str(tmp_path / "no" / "r.csv")],
    ):
        result = runner.invoke(app, ["scrub", str(contacts), *extra], env=env)
        assert result.exit_code == 2, result.output
        assert "no folder" in _flat(result.output) and "Traceback" not in result.output
    assert not (tmp_path / "ok.csv").exists()


def test_import_reads_spreadsheet_exports_semicolons_other_encodings_and_floats(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    env = {"STOPLINE_DATABASE_URL": database_url}
    optouts = tmp_path / "excel.csv"
    optouts.write_bytes(
        b"Phone Number;Name\r\n12125550317.0;Ren\xe9e\r\n(415) 555-0100;x\r\n2.12555E+09;y\r\n"
    )
    result = runner.invoke(app, ["suppressions", "import", str(optouts)], env=env)
    assert result.exit_code == 1, result.output  # one row was not recorded
    assert "3 rows: 2 opt-outs recorded, 0 already opted out, 1 invalid" in _flat(result.output)
    assert "scientific notation" in _flat(result.output)
    check = runner.invoke(app, ["check", "+12125550317"], env=env)
    assert check.exit_code == 1 and "blocked" in check.output
    # Excel's "Unicode Text" is UTF-16 (tab-separated): read by its byte-order mark
    unicode_text = tmp_path / "unicode.txt"
    unicode_text.write_bytes("Name\tMobile\r\nRenée\t(646) 555-0142\r\n".encode("utf-16"))
    result = runner.invoke(app, ["suppressions", "import", str(unicode_text)], env=env)
    assert result.exit_code == 0, result.output
    assert "1 rows: 1 opt-outs recorded" in _flat(result.output)
    assert runner.invoke(app, ["check", "+16465550142"], env=env).exit_code == 1
    # the scrub keeps rows byte for byte, so it refuses UTF-16 rather than guess
    out = tmp_path / "kept.csv"
    refused = runner.invoke(
        app, ["scrub", str(unicode_text), "-o", str(out), "--format", "csv"], env=env
    )
    assert refused.exit_code == 2 and "UTF-16" in _flat(refused.output) and not out.exists()


def test_an_export_imports_back_with_each_rows_scope(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    env = {"STOPLINE_DATABASE_URL": database_url}
    for args in (["+14155550301", "--scope", "topic:marketing"], ["+14155550302"]):
        assert runner.invoke(app, ["consent", "opt-out", *args], env=env).exit_code == 0
    exported = tmp_path / "export.csv"
    assert (
        runner.invoke(app, ["suppressions", "export", "-o", str(exported)], env=env).exit_code == 0
    )
    # into an empty database: the topic opt-out stays a topic opt-out
    fresh = {"STOPLINE_DATABASE_URL": f"sqlite:///{tmp_path / 'other.db'}"}
    assert runner.invoke(app, ["db", "upgrade"], env=fresh).exit_code == 0
    result = runner.invoke(app, ["suppressions", "import", str(exported)], env=fresh)
    assert result.exit_code == 0, result.output
    assert "2 opt-outs recorded" in _flat(result.output)
    again = tmp_path / "again.csv"
    assert (
        runner.invoke(app, ["suppressions", "export", "-o", str(again)], env=fresh).exit_code == 0
    )
    scopes = sorted(line.split(",")[:2] for line in again.read_text().splitlines()[1:])
    assert scopes == [["+14155550301", "topic:marketing"], ["+14155550302", "organisation"]]
    # and each opt-out keeps its own time, not the import's
    since = sorted(line.split(",")[:3:2] for line in exported.read_text().splitlines()[1:])
    assert sorted(line.split(",")[:3:2] for line in again.read_text().splitlines()[1:]) == since
    # --scope still applies one scope to every row
    forced = runner.invoke(
        app, ["suppressions", "import", str(exported), "--scope", "topic:sales"], env=fresh
    )
    assert "2 opt-outs recorded" in _flat(forced.output)


def test_import_keeps_each_rows_own_opt_out_date(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    env = {"STOPLINE_DATABASE_URL": database_url}
    source = tmp_path / "old.csv"
    source.write_text(
        "phone,opted_out_at\n"
        "4155550401,2024-03-01T10:00:00-05:00\n"
        "4155550402,2024-03-02\n"  # a date alone: its midnight UTC
        "4155550403,\n"  # none: now
        "4155550404,03/15/2024\n"  # unreadable: recorded as of now, never dropped
        "4155550405,2999-01-01T00:00:00Z\n"  # ahead of now: now, and reported
    )
    result = runner.invoke(app, ["suppressions", "import", str(source)], env=env)
    assert result.exit_code == 0, result.output
    assert "5 opt-outs recorded" in _flat(result.output)
    assert "2 rows had a date that is not ISO 8601" in _flat(result.output)
    assert "lies before 1970 or in the future" in _flat(result.output)
    assert "03/15/2024" in _flat(result.output) and "2999-01-01" in _flat(result.output)
    out = tmp_path / "out.csv"
    assert runner.invoke(app, ["suppressions", "export", "-o", str(out)], env=env).exit_code == 0
    since = dict(line.split(",")[:3:2] for line in out.read_text().splitlines()[1:])
    assert since["+14155550401"] == "2024-03-01T15:00:00+00:00"
    assert since["+14155550402"] == "2024-03-02T00:00:00+00:00"
    assert since["+14155550403"].startswith(str(datetime.now(UTC).year))
    assert since["+14155550404"].startswith(str(datetime.now(UTC).year))
    assert since["+14155550405"] < "2999"


def test_import_reads_a_file_without_a_header_from_its_first_line(
    database_url: str, engine: Engine, tmp_path: Path
) -> None:
    """A first line holding a number is data: read as a header, its opt-out was lost."""
    env = {"STOPLINE_DATABASE_URL": database_url}
    bare = tmp_path / "bare.csv"
    bad = "".join(f"junk{i}\n" for i in range(25))
    bare.write_text(f"+16285554011\n(628) 555-4012\n\n{bad}\n\n")
    result = runner.invoke(app, ["suppressions", "import", str(bare)], env=env)
    assert result.exit_code == 1, result.output
    flat = _flat(result.output)
    # blank lines are no rows; the first 20 invalid rows are listed, then how many more
    assert "27 rows: 2 opt-outs recorded, 0 already opted out, 25 invalid" in flat
    assert "line 4: 'junk0'" in flat and "… and 5 more" in flat
    for number in ("+16285554011", "+16285554012"):
        assert runner.invoke(app, ["check", number], env=env).exit_code == 1, number
    wide = tmp_path / "wide.csv"
    wide.write_text("Ann,+16285554013,2024\n")
    named = runner.invoke(app, ["suppressions", "import", str(wide), "--column", "phone"], env=env)
    assert named.exit_code == 2 and "--column 2" in _flat(named.output)
    by_position = runner.invoke(
        app, ["suppressions", "import", str(wide), "--column", "2"], env=env
    )
    assert by_position.exit_code == 0, by_position.output
    assert runner.invoke(app, ["check", "+16285554013"], env=env).exit_code == 1


@pytest.mark.parametrize("closed", [False, True], ids=["never-closed", "closed-later"])
def test_rows_swallowed_by_a_stray_quote_are_never_written_as_kept(
    database_url: str, engine: Engine, tmp_path: Path, now: object, closed: bool
) -> None:
    """A stray quote made one "field" of the rows after it; the record was written as kept,
    an opted-out number on a line of its own inside it (a line-by-line reader would text
    it). Such a record is now removed as unreadable, with the reason; a quoted note over
    several lines without numbers is still kept as written."""
    _opt_out(engine, ["+16175550699"], ORGANISATION, now)
    tail = 'x",Paris\n' if closed else ""
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(  # the stray quote opens the last field of a row with a valid number
        'id,name,phone,city\n1,Ann,+16175550601,"Boston\nMA"\n'
        '5,Dated,+16175550604,"seen\n2024-03-15 10:30"\n'
        '6,Bob,+16175550605,"2 Elm St\nApt 4, (617) 555-0698"\n'
        '2,Smith,+16175550602,"Boston\n3,Opted,+16175550699,Boston\n'
        f"{tail}4,Fine,+16175550603,Boston\n"
    )
    out, removed = tmp_path / "out.csv", tmp_path / "removed.csv"
    args = ["scrub", str(contacts), "-o", str(out), "--column", "phone", "--removed", str(removed)]
    result = runner.invoke(app, args, env={"STOPLINE_DATABASE_URL": database_url})
    assert result.exit_code == 0, result.output
    written = out.read_text()
    assert "+16175550699" not in written
    assert '1,Ann,+16175550601,"Boston\nMA"\n' in written  # a real multi-line field stays
    assert '6,Bob,+16175550605,"2 Elm St\nApt 4, (617) 555-0698"\n' in written  # a number too
    assert '5,Dated,+16175550604,"seen\n2024-03-15 10:30"\n' in written  # a date is no row
    assert "an unmatched quote?" in _flat(result.output)
    assert "+16175550699" in removed.read_text()


def test_a_stray_quote_closed_before_the_phone_never_keeps_an_opted_out_row(
    database_url: str, engine: Engine, tmp_path: Path, now: object
) -> None:
    """Ditto marks before the phone column: the quote closes on a later line, before that
    row's phone; the record is still removed as unreadable, never written as kept."""
    _opt_out(engine, ["+16175550602"], ORGANISATION, now)
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(
        'name,city,phone\nAnn,Boston,+16175550601\nBob,",+16175550602\nCy,",+16175550603\n'
        "Dee,Austin,+16175550604\n"
    )
    out = tmp_path / "out.csv"
    args = ["scrub", str(contacts), "-o", str(out), "--column", "phone"]
    result = runner.invoke(app, args, env={"STOPLINE_DATABASE_URL": database_url})
    assert result.exit_code == 0, result.output
    assert "+16175550602" not in out.read_text()
