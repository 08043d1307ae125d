from __future__ import annotations

import json
import logging

import pytest

from stopline import logs


def test_numbers_are_masked_in_any_format() -> None:
    for raw in ("+14155550100", "(415) 555-0100", "415-555-0100", "4155550100", "+44 7700 900000"):
        masked = logs.mask_numbers(f"from {raw} ok")
        assert "555" not in masked.replace("****", "") or "0100" not in masked
        assert masked.endswith("00 ok")


def test_percent_encoded_numbers_are_masked_too() -> None:
    """An access log line quotes the path as sent: /v1/contacts/%2B1%20415%20555%201234."""
    for path in ("/v1/contacts/%2B1%20415%20555%201234", "/v1/contacts/%28415%29%20555-1234"):
        masked = logs.mask_numbers(f'"GET {path} HTTP/1.1" 200')
        assert "555" not in masked and masked.endswith('34 HTTP/1.1" 200'), masked


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
