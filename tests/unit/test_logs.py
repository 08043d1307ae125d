from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stopline import logs


def test_numbers_are_masked_in_any_format() -> None:
    for raw in ("+14155550100", "(415) 555-0100", "415-555-0100", "4155550100", "+44 7700 900000"):
        masked = logs.mask_numbers(f"from {raw} ok")
        assert "555" not in masked.replace("****", "") or "0100" not in masked
        assert masked.endswith("00 ok")


@pytest.mark.parametrize(
    "raw", ["4155558002xyz", "415 555 8002ext9", "4155558002_", "+1\u2011415\u2011555\u20118002"]
)
def test_numbers_run_into_letters_or_written_with_unicode_dashes_are_masked(raw: str) -> None:
    """A refused webhook's message quoted "From: '4155558002xyz'" whole (acceptance test)."""
    masked = logs.mask_numbers(f"From: '{raw}' is not a valid phone number")
    assert "555" not in masked and "8002" not in masked and "02" in masked, masked


def test_percent_encoded_numbers_are_masked_too() -> None:
    """An access log line quotes the path as sent: /v1/contacts/%2B1%20415%20555%201234."""
    for path in ("/v1/contacts/%2B1%20415%20555%201234", "/v1/contacts/%28415%29%20555-1234"):
        masked = logs.mask_numbers(f'"GET {path} HTTP/1.1" 200')
        assert "555" not in masked and masked.endswith('34 HTTP/1.1" 200'), masked


@pytest.mark.parametrize(
    ("raw", "tail"),
    [
        ("From=415+555+0198", "98"),  # a form or query string's "+" for a space
        ("From=+1+415+555+0196", "96"),
        ("From=+44+7700+900+195", "95"),
        ("From=(415)+555+0197", "97"),
        ("4 1 5 5 5 5 0 1 9 9 9 9 9 9 9 9 9", "99"),
        ("4-1-5-5-5-5-0-1-9-9", "99"),
        ("/v1/contacts/4%201%205%205%205%205%200%202%200%200", "00"),
        ("/v1/contacts/4.1.5.5.5.5.0.2.0.0", "00"),
    ],
)
def test_numbers_written_with_plus_signs_or_digit_by_digit_are_masked(raw: str, tail: str) -> None:
    """A black-box tester found these in clear in the logs (2026-12-05)."""
    masked = logs.mask_numbers(f"GET {raw}&To=x")
    assert "555" not in masked and "5 5 5" not in masked and "5-5-5" not in masked, masked
    assert "5.5.5" not in masked and masked.endswith(f"{tail}&To=x"), masked


def test_versions_addresses_and_times_are_not_numbers() -> None:
    for text in ("HTTP/1.1", "127.0.0.1:8000", "2026-12-05 12:30:00", "v1.2.3", "0.5 s"):
        assert logs.mask_numbers(text) == text


def test_the_access_log_can_be_silenced_in_any_process() -> None:
    """A worker of `serve --workers N` sets up its own logging: STOPLINE_ACCESS_LOG=false
    must hold there too (uvicorn logs requests when its access logger has handlers)."""
    try:
        logs.configure("INFO", "json", access_log=False)
        assert not logging.getLogger("uvicorn.access").hasHandlers()
        logs.configure("INFO", "json", access_log=True)
        assert logging.getLogger("uvicorn.access").hasHandlers()
    finally:
        logs.configure("INFO", "json")


def test_dates_and_ids_are_left_alone() -> None:
    assert (
        logs.mask_numbers("2026-11-26T11:44:36 SM12ab event 42")
        == "2026-11-26T11:44:36 SM12ab event 42"
    )


def test_structured_log_lines_mask_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    logs.configure("INFO", "json")
    logging.getLogger("stopline.test").info(
        "got STOP from +14155550100", extra={"to": "+14155550199"}
    )
    line = capsys.readouterr().err.strip().splitlines()[-1]
    record = json.loads(line)
    assert "+14155550100" not in line and "+14155550199" not in line
    assert record["level"] == "info"


def test_numbers_in_tracebacks_are_masked(capsys: pytest.CaptureFixture[str]) -> None:
    logs.configure("INFO", "json")
    try:
        raise ValueError(("+14155550100", "STOP"))
    except ValueError:
        logging.getLogger("stopline.test").exception("batch failed")
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert "ValueError" in line and "+14155550100" not in line


def test_a_json_line_carries_the_record_and_its_extra_fields(
    capsys: pytest.CaptureFixture[str],
) -> None:
    logs.configure("INFO", "json")
    before = datetime.now(UTC)
    logging.getLogger("stopline.webhooks").info(
        "consent change recorded",
        extra={
            "provider": "twilio",
            "event_id": 7,
            "confidence": 0.5,
            "numbers": ["+14155550100"],  # not text: kept as JSON, as before
            "sender": Path("/tmp/+14155550199"),  # no JSON type: masked text
            "huge": 2**70,  # beyond orjson's integers: still one line
        },
    )
    line = capsys.readouterr().err.strip().splitlines()[-1]
    record = json.loads(line)
    assert record["event"] == "consent change recorded"
    assert (record["level"], record["logger"]) == ("info", "stopline.webhooks")
    stamp = datetime.fromisoformat(record["timestamp"].replace("Z", "+00:00"))
    assert record["timestamp"].endswith("Z") and before <= stamp <= datetime.now(UTC)
    assert (record["provider"], record["event_id"], record["confidence"]) == ("twilio", 7, 0.5)
    assert record["sender"] == "/tmp/+*********99" and record["huge"] == 2**70
    assert not {"args", "msg", "pathname", "thread", "color_message"} & record.keys()


def test_a_json_line_for_a_format_string_and_the_console_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    try:
        logs.configure("INFO", "json")
        logging.getLogger("stopline.test.server").warning(  # as uvicorn logs, with colours
            "refused %s", "+14155550100", extra={"color_message": "\x1b[1mrefused\x1b[0m"}
        )
        record = json.loads(capsys.readouterr().err.strip().splitlines()[-1])
        assert record["event"] == "refused +*********00" and "color_message" not in record
        logs.configure("INFO", "console")
        logging.getLogger("stopline.test").warning("from +14155550100")
        out = capsys.readouterr().err
        assert "from +*********00" in out and "+14155550100" not in out
        assert logging.logThreads  # the console format keeps the standard record fields
    finally:
        logs.configure("INFO", "json")
