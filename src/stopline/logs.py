"""Structured logging over the standard library: JSON lines (the default) or structlog's
console renderer for humans. Phone numbers are masked in every log line, whatever field they
appear in."""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import MutableMapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

import orjson
import structlog

# Separators people and providers put in numbers, Unicode dashes included ("+1‑415‑…"), and
# "+", which a form or query string writes for a space ("From=415+555+0198").
_SEP = r"[\s().\-\u2010-\u2015/+]"
# Digits are bounded by non-digits, not word boundaries: "4155558002xyz", "…8002ext9" and
# "4155558002_" are numbers too (acceptance test, 2026-12-04). The last form: seven or more
# digits each set apart ("4 1 5 5 5 5 0 1 9 9", "4-1-5-5-…"; acceptance test, 2026-12-05).
_NUMBER = re.compile(
    rf"\+\d(?:\d|{_SEP}){{5,}}\d"
    rf"|(?<!\d)\(?\d{{3}}\)?{_SEP}?\d{{3}}{_SEP}?\d{{4}}(?!\d)"
    r"|(?<!\d)\d{10,15}(?!\d)"
    rf"|(?<!\d)\d(?:{_SEP}{{1,2}}\d){{6,}}(?!\d)"
)
_UNMASKED_KEYS = frozenset({"timestamp", "level", "logger"})


def _mask_match(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    if len(digits) < 7:
        return match.group(0)
    return ("+" if match.group(0).startswith("+") else "") + "*" * (len(digits) - 2) + digits[-2:]


def mask_numbers(text: str) -> str:
    """Replace anything that looks like a phone number by stars and its last two digits
    (also when percent-encoded, as in an access log's path: ``%2B1%20415%20555%201234``)."""
    if "%" in text:
        text = unquote(text)
    return _NUMBER.sub(_mask_match, text)


def _mask_processor(
    _logger: Any, _name: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    for key, value in event_dict.items():
        if isinstance(value, str) and key not in _UNMASKED_KEYS:
            event_dict[key] = mask_numbers(value)
    return event_dict


# The attributes every LogRecord has; anything else on a record came from ``extra=``.
_RECORD_KEYS = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "color_message",  # uvicorn's copy of its message with terminal colours
}


class JsonLines(logging.Formatter):
    """One JSON object per record: ``event``, ``level``, ``logger``, ``timestamp`` (UTC, when
    the record was made), then the record's ``extra`` fields, and ``exception`` with the
    traceback if there is one; every string value is masked except the level, logger and
    timestamp.

    Written for speed: every opt-out and opt-in is logged, and structlog's formatter for
    standard-library records (a copy of each record, a second LogRecord, a frame walk, two
    rounds of processors, `json.dumps`) cost about 57 µs a line, a third of the webhook
    server's CPU per request at the default level."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "event": record.getMessage(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "timestamp": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="microseconds")
            .replace("+00:00", "Z"),
        }
        for key, value in record.__dict__.items():
            if key not in _RECORD_KEYS:
                line[key] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        _mask_processor(None, "", line)  # the console format's masking, the same rule
        try:
            return orjson.dumps(line, default=_masked_text, option=orjson.OPT_NON_STR_KEYS).decode()
        except TypeError:  # e.g. an integer beyond 64 bits in an extra field
            return json.dumps(line, default=_masked_text)


def _masked_text(value: object) -> str:
    """An extra field JSON has no type for, as masked text."""
    return mask_numbers(str(value))


def configure(level: str = "INFO", fmt: str = "json", *, access_log: bool = True) -> None:
    """Route every log line (ours, uvicorn's, SQLAlchemy's) through one masking handler.
    ``access_log=False`` silences uvicorn's access log here, in this process: a worker of
    ``serve --workers N`` does not inherit the parent's logging set-up."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines() if fmt == "json" else _console())
    _collect_only_what_lines_show(json_lines=fmt == "json")
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    access = logging.getLogger("uvicorn.access")
    access.handlers[:] = []
    access.propagate = access_log  # uvicorn logs requests only if this logger has handlers
    # httpx logs every request's full URL at INFO: a sync URL's password or token, a
    # provider's account path. Failures reach our own lines, without the secrets.
    # and alembic narrates every migration check of every command at INFO
    for chatty in ("httpx", "httpcore", "alembic"):
        logging.getLogger(chatty).setLevel(max(logging.WARNING, root.level))


_SOURCE_FILE = logging._srcfile


def _collect_only_what_lines_show(*, json_lines: bool) -> None:
    """The logging HOWTO's optimisations ("Optimization"): a JSON line names no thread,
    process or source line, so records skip collecting them (a frame walk and three look-ups
    per record, about a third of a line's cost). The console format keeps the defaults."""
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = not json_lines
    logging._srcfile = None if json_lines else _SOURCE_FILE


def _console() -> logging.Formatter:
    """structlog's readable, coloured lines (``STOPLINE_LOG_FORMAT=console``)."""
    shared: list[Any] = [
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.stdlib.ExtraAdder(),
        _mask_processor,
    ]
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,
            _mask_processor,  # again: tracebacks and SQL errors can quote numbers
            structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty()),
        ],
    )
