"""Error answers: one JSON shape for every failure.

``{"error": {"code", "message", "field"?}, "detail": [...]}`` — ``detail`` keeps FastAPI's
validation format (``loc``/``msg``/``type``) so generated clients can read it too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import InterfaceError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from stopline.domain.phone import InvalidNumber
from stopline.storage.commit_queue import CommitFailed, CommitLate


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        field: str | None = None,
        headers: dict[str, str] | None = None,
        location: str = "body",  # where ``field`` is: body, query or path
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers
        self.location = location


def invalid_field(
    field: str, message: str, code: str = "invalid", location: str = "body"
) -> ApiError:
    return ApiError(422, code, message, field=field, location=location)  # named: `error_body`


def error_body(
    code: str, message: str, *, field: str | None = None, location: str = "body"
) -> bytes:
    if field is not None and not message.startswith(f"{field}:"):
        message = f"{field}: {message}"  # every message about a field starts with its name
    error: dict[str, Any] = {"code": code, "message": message}
    body: dict[str, Any] = {"error": error}
    if field is not None:
        error["field"] = field
        body["detail"] = [{"loc": [location, *field.split(".")], "msg": message, "type": code}]
    return orjson.dumps(body)


def json_error(
    status: int,
    code: str,
    message: str,
    *,
    field: str | None = None,
    headers: dict[str, str] | None = None,
    location: str = "body",
) -> Response:
    return Response(
        error_body(code, message, field=field, location=location),
        status_code=status,
        media_type="application/json",
        headers=headers,
    )


def install(
    app: FastAPI, check_key_first: Callable[[Request], Awaitable[None]] | None = None
) -> None:
    """Error handlers; ``check_key_first`` (raising `ApiError`) runs before a validation
    error is answered, so a request without a usable key gets its 401/403 first."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> Response:
        return json_error(
            exc.status,
            exc.code,
            exc.message,
            field=exc.field,
            headers=exc.headers,
            location=exc.location,
        )

    @app.exception_handler(InvalidNumber)
    async def _invalid_number(_request: Request, exc: InvalidNumber) -> Response:
        return json_error(422, "invalid_number", str(exc), field="number")

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        if check_key_first is not None:
            try:
                await check_key_first(request)
            except ApiError as refused:
                return await _api_error(request, refused)
        errors = exc.errors()
        detail = [
            {
                "loc": list(e.get("loc", ())),
                "msg": _field_message(e),
                "type": e.get("type", "invalid"),
            }
            for e in errors
        ]
        first = detail[0] if detail else {"loc": [], "msg": "invalid request", "type": "invalid"}
        field = ".".join(str(p) for p in first["loc"] if p not in ("body", "query", "path"))
        code, message = "invalid_request", first["msg"]
        whole_body = first["loc"] == ["body"] or first["type"] == "json_invalid"
        if whole_body:  # not about a field: say what is wrong with the body itself
            code, message, field = _body_problem(errors[0] if errors else {})
        body = {
            "error": {"code": code, "message": message, "field": field or None},
            "detail": detail,
        }
        return Response(orjson.dumps(body), status_code=422, media_type="application/json")

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> Response:
        # the same JSON as the hot paths' (Starlette still logs the traceback after this)
        status, code, message = unexpected_error(exc)
        return json_error(status, code, message, headers=retry_headers(status))

    # expected while something else holds the database (logged where it is found): the
    # same answer, from the exception middleware, so no traceback is logged or re-raised
    app.add_exception_handler(CommitLate, _unexpected)
    app.add_exception_handler(CommitFailed, _unexpected)  # each attempt was logged

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400 and exc.detail == "There was an error parsing the body":
            # FastAPI's answer to a JSON body its parser could not read for another reason
            # than a syntax error (bytes that are not UTF-8, or nesting past Python's
            # recursion limit): the same 422 as other bodies that are not JSON
            message = "body is not valid JSON: it is not UTF-8, or it is nested too deeply"
            body = {
                "error": {"code": "invalid_json", "message": message, "field": None},
                "detail": [{"loc": ["body"], "msg": message, "type": "json_invalid"}],
            }
            return Response(orjson.dumps(body), status_code=422, media_type="application/json")
        code = {
            404: "not_found",
            405: "method_not_allowed",
            401: "unauthorized",
            413: "payload_too_large",
        }.get(exc.status_code, "http_error")
        return json_error(exc.status_code, code, str(exc.detail), headers=dict(exc.headers or {}))


def _body_problem(error: Any) -> tuple[str, str, str]:
    """(code, message, field) for an error about the whole body rather than one field."""
    kind = error.get("type", "")
    if kind == "json_invalid":
        reason = (error.get("ctx") or {}).get("error") or error.get("msg", "")
        return "invalid_json", f"body is not valid JSON: {reason}", ""
    if kind == "missing":
        return "invalid_request", "a JSON object body is required", ""
    return (
        "invalid_request",
        "the body must be a JSON object (Content-Type: application/json)",
        "",
    )


def _field_message(error: Any) -> str:
    loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path")]
    msg = str(error.get("msg", "invalid")).removeprefix("Value error, ")  # pydantic's prefix
    return f"{'.'.join(loc)}: {msg}" if loc else msg


def dumps(payload: Any) -> bytes:
    return orjson.dumps(payload)


def unexpected_error(exc: BaseException) -> tuple[int, str, str]:
    """(status, code, message) for an exception no route handled: 503 when the database
    cannot be reached or used right now (a client may retry; nothing was decided), else
    500."""
    if isinstance(exc, (OperationalError, InterfaceError)):
        return 503, "database_unavailable", "the database is unavailable; retry later"
    if isinstance(exc, CommitLate) or (isinstance(exc, CommitFailed) and exc.busy):
        return 503, "database_busy", f"{exc}; retry later"
    return 500, "internal_error", "internal server error"


def retry_headers(status: int) -> dict[str, str] | None:
    """Retry-After for a 503 from `unexpected_error`."""
    return {"Retry-After": "5"} if status == 503 else None
