"""Structured logging (structlog over the standard library). Phone numbers are masked in
every log line, whatever field they appear in."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import unquote

import structlog

_NUMBER = re.compile(r"\+\d[\d\s().-]{5,}\d|\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b|\b\d{10,15}\b")
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


def configure(level: str = "INFO", fmt: str = "json", *, access_log: bool = True) -> None:
    """Route every log line (ours, uvicorn's, SQLAlchemy's) through one masking handler.
    ``access_log=False`` silences uvicorn's access log here, in this process: a worker of
    ``serve --workers N`` does not inherit the parent's logging set-up."""
    shared: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.stdlib.ExtraAdder(),
        _mask_processor,
    ]
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if fmt == "json"
        else structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty())
    )
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=shared,
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                _mask_processor,  # again: tracebacks and SQL errors can quote numbers
                renderer,
            ],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    access = logging.getLogger("uvicorn.access")
    access.handlers[:] = []
    access.propagate = access_log  # uvicorn logs requests only if this logger has handlers


def get(name: str) -> Any:
    return structlog.get_logger(name)
