"""`stopline audit-inbound` on real databases: Twilio's CSV export and JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from stopline.cli import app as cli
from stopline.cli.base import err as cli_err
from stopline.cli.base import out as cli_out
from stopline.config import Settings
from stopline.services.audit import parse_date
from stopline.storage import ledger

TWILIO_HEADER = (
    "From,To,Body,Status,SentDate,ApiVersion,NumSegments,ErrorCode,AccountSid,Sid,Direction,"
    "Price,PriceUnit"
)
ROWS = [
    ("+14155550101", "Please stop texting me", "2026-03-05T18:20:11-08:00", "SM1", "inbound"),
    ("+14155550102", "STOP", "2026-03-05T18:21:11-08:00", "SM2", "inbound"),
    ("+14155550103", "What time do you open?", "2026-03-05T18:22:11-08:00", "SM3", "inbound"),
    (
        "+14155550103",
        "We open at 9. Reply STOP to opt out",
        "2026-03-05T18:23:11-08:00",
        "SM4",
        "outbound-reply",
    ),
    ("+14155550104", "No más mensajes", "2026-03-06T10:00:00-08:00", "SM5", "inbound"),
    ("+14155550104", "START", "2026-03-07T10:00:00-08:00", "SM6", "inbound"),
    ("+14155550105", "Not interested", "2026-03-07T10:00:00-08:00", "SM7", "inbound"),
    ("not-a-number", "STOP", "2026-03-07T10:00:00-08:00", "SM8", "inbound"),
    ("+14155550106", "Wrong number", "yesterday-ish", "SM9", "inbound"),
]


@pytest.fixture
def runner(settings: Settings, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("STOPLINE_DATABASE_URL", settings.database_url)
    monkeypatch.setattr(cli_out, "width", 200)
    monkeypatch.setattr(cli_err, "width", 200)
    return CliRunner()


def twilio_csv(path: Path) -> Path:
    lines = [TWILIO_HEADER]
    for number, body, date, sid, direction in ROWS:
        lines.append(
            f'{number},+14155550199,"{body}",received,{date},2010-04-01,1,0,AC1,{sid},'
            f"{direction},-0.0079,USD"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reports_missed_opt_outs_then_records_them(
    runner: CliRunner, tmp_path: Path, engine: Engine
) -> None:
    export = twilio_csv(tmp_path / "messages.csv")
    report = tmp_path / "findings.csv"
    dry = runner.invoke(cli, ["audit-inbound", str(export), "--report", str(report)])
    assert dry.exit_code == 0, dry.output
    assert "2 missed opt-outs" in dry.output
    assert "9 rows, 6 inbound (1 outbound, not read)" in dry.output  # 2 unreadable
    assert "1 that the provider's keyword rule would not catch" in dry.output
    assert "1 re-subscribed later" in dry.output and "1 unclear" in dry.output
    assert "2 unreadable rows" in dry.output and "line 9" in dry.output
    assert "Please stop texting me" in dry.output
    with engine.connect() as conn:
        assert ledger.count_events(conn) == 0  # nothing recorded without --apply
    findings = report.read_text(encoding="utf-8").splitlines()
    assert findings[0].startswith("status,line,date,number")
    assert sum(line.startswith("missed,") for line in findings) == 2
    applied = runner.invoke(cli, ["audit-inbound", str(export), "--apply"])
    assert applied.exit_code == 0, applied.output
    assert "2 opt-outs recorded" in applied.output
    with engine.connect() as conn:
        [event] = ledger.events_for(conn, "+14155550101")
        assert ledger.events_for(conn, "+14155550104") == []  # re-subscribed: nothing missed
    assert event.draft.source.value == "intent" and event.draft.actor == "audit-inbound"
    assert event.draft.provider_message_id == "SM1"
    assert event.draft.occurred_at == parse_date("2026-03-05T18:20:11-08:00")
    again = runner.invoke(cli, ["audit-inbound", str(export)])
    assert "0 missed opt-outs" in again.output and "2 already suppressed" in again.output


def test_json_lines_export(runner: CliRunner, tmp_path: Path, engine: Engine) -> None:
    export = tmp_path / "inbound.jsonl"
    items = [
        {
            "from": "+14155550121",
            "to": "12345",
            "body": "unsubscibe",
            "date_sent": "Thu, 05 Mar 2026 18:20:11 +0000",
        },
        {
            "from": "+14155550122",
            "to": "12345",
            "body": "see you at 5",
            "date_sent": "2026-03-05 10:00",
        },
    ]
    export.write_text("\n".join(json.dumps(i) for i in items) + "\n\n[1]\n", encoding="utf-8")
    result = runner.invoke(cli, ["audit-inbound", str(export), "--apply"])
    assert result.exit_code == 0, result.output
    assert "1 missed opt-outs" in result.output and "1 unreadable rows" in result.output
    with engine.connect() as conn:
        [event] = ledger.events_for(conn, "+14155550121")
    assert event.draft.sender == "12345" and event.draft.raw_text == "unsubscibe"


def test_unusable_files_are_refused_clearly(runner: CliRunner, tmp_path: Path) -> None:
    no_body = tmp_path / "x.csv"
    no_body.write_text("From,To,When\n+14155550100,1,2026-01-01\n", encoding="utf-8")
    result = runner.invoke(cli, ["audit-inbound", str(no_body)])
    assert result.exit_code == 2 and "lacks body, date" in result.output
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert runner.invoke(cli, ["audit-inbound", str(empty)]).exit_code == 2
    missing = runner.invoke(cli, ["audit-inbound", str(tmp_path / "nope.csv")])
    assert missing.exit_code == 2


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2026-03-05T18:20:11-08:00", "2026-03-06T02:20:11+00:00"),
        ("2026-03-06T02:20:11Z", "2026-03-06T02:20:11+00:00"),
        ("Thu, 05 Mar 2026 18:20:11 +0000", "2026-03-05T18:20:11+00:00"),
        ("2026-03-05 18:20:11", "2026-03-05T18:20:11+00:00"),
        ("03/05/2026 6:20 PM", "2026-03-05T18:20:00+00:00"),
    ],
)
def test_dates(text: str, iso: str) -> None:
    assert parse_date(text).isoformat() == iso


def test_dates_without_zone_use_the_given_zone() -> None:
    assert (
        parse_date("2026-03-05 10:00", "America/New_York").isoformat()
        == "2026-03-05T15:00:00+00:00"
    )
    with pytest.raises(ValueError, match="unreadable"):
        parse_date("someday")


def test_a_windows_export_with_accents_far_into_it_is_read(
    runner: CliRunner, tmp_path: Path
) -> None:
    """cp1252 bytes first met after the first buffer (a reviewer: "'utf-8' codec can't
    decode byte 0xea", exit 2, nothing read)."""
    lines = ["from,to,body,date"]
    lines += [f"+1415555{i:04d},+14155550199,see you at 5,2026-03-05T10:00:00Z" for i in range(300)]
    lines.append("+14155559998,+14155550199,arrêtez STOP,2026-03-05T10:00:00Z")
    export = tmp_path / "late.csv"
    export.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    result = runner.invoke(cli, ["audit-inbound", str(export)])
    assert result.exit_code == 0, result.output
    assert "301 rows" in result.output and "1 missed opt-outs" in result.output
