"""Structured logging (structlog over the standard library). Phone numbers are masked in
every log line, whatever field they appear in."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

_NUMBER = re.compile(r"\+\d[\d\s().-]{5,}\d|\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b|\b\d{10,15}\b")
_UNMASKED_KEYS = frozenset({"timestamp", "level", "logger"})


def _mask_match(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    if len(digits) < 7:
        return match.group(0)
    return ("+" if match.group(0).startswith("+") else "") + "*" * (len(digits) - 2) + digits[-2:]


def mask_numbers(text: str) -> str:
    """Replace anything that looks like a phone number by stars and its last two digits."""
    return _NUMBER.sub(_mask_match, text)


def _mask_processor(
    _logger: Any, _name: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    for key, value in event_dict.items():
        if isinstance(value, str) and key not in _UNMASKED_KEYS:
            event_dict[key] = mask_numbers(value)
    return event_dict


def configure(level: str = "INFO", fmt: str = "json") -> None:
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
    for noisy in ("uvicorn.access",):
        logging.getLogger(noisy).propagate = True


def get(name: str) -> Any:
    return structlog.get_logger(name)
