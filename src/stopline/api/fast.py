"""Lean handling for the hottest routes.

A `FastRoute` is documented by FastAPI from its endpoint's signature (body model, response
model, security) like any other route, but is served by a plain ``(Request) -> Response``
handler attached with `served_by`: no dependency solving, the body validated once by the same
pydantic model straight from the raw bytes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, TypeVar

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from stopline.api.errors import ApiError, json_error
from stopline.api.state import stopline_of
from stopline.services.keys import KeyScope, Principal

log = logging.getLogger("stopline.api")

Handler = Callable[[Request], Coroutine[Any, Any, Response]]
M = TypeVar("M", bound=BaseModel)
E = TypeVar("E", bound=Callable[..., Any])


class FastRoute(APIRoute):
    def get_route_handler(self) -> Handler:
        fast: Handler | None = getattr(self.endpoint, "fast_handler", None)
        return fast if fast is not None else super().get_route_handler()


def served_by(handler: Handler) -> Callable[[E], E]:
    def attach(endpoint: E) -> E:
        endpoint.fast_handler = handler  # type: ignore[attr-defined]
        return endpoint

    return attach


def authenticate(request: Request, scope: KeyScope) -> Principal:
    """The same checks as `api.auth.require`, without FastAPI's dependency machinery."""
    header = request.headers.get("authorization", "")
    kind, _, credentials = header.partition(" ")
    if kind.lower() != "bearer" or not credentials.strip():
        raise ApiError(
            401,
            "unauthorized",
            "missing API key: send 'Authorization: Bearer <key>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    principal = stopline_of(request).keys.resolve(credentials.strip())
    if principal is None:
        raise ApiError(
            401,
            "unauthorized",
            "unknown or revoked API key",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )
    if scope not in principal.scopes:
        raise ApiError(403, "forbidden", f"this API key lacks the '{scope}' scope")
    return principal


async def json_body(request: Request, model: type[M]) -> M:
    """Validate the raw JSON body with ``model``; errors become 422 naming the field."""
    body = await request.body()
    try:
        return model.model_validate_json(body)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(p) for p in first.get("loc", ())]
        field = ".".join(loc) or None
        msg = first.get("msg", "invalid")
        if first.get("type") == "json_invalid":
            raise ApiError(422, "invalid_json", f"body is not valid JSON: {msg}") from None
        raise ApiError(
            422, "invalid_request", f"{field}: {msg}" if field else str(msg), field=field
        ) from None


class HotPaths:
    """The outermost ASGI app: requests for a `FastRoute` path go straight to its handler
    (no router walk, no per-request middleware stack); everything else, lifespan included,
    goes to the FastAPI application. Errors are answered exactly as FastAPI would."""

    def __init__(self, api: FastAPI, routers: Sequence[APIRouter]) -> None:
        self.api = api
        self._routes: dict[tuple[str, str], tuple[Handler, APIRoute]] = {}
        for router in routers:
            for route in router.routes:
                if isinstance(route, FastRoute) and hasattr(route.endpoint, "fast_handler"):
                    for method in route.methods or ():
                        handler = route.endpoint.fast_handler
                        self._routes[(method, route.path)] = (handler, route)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            hit = self._routes.get((scope["method"], scope["path"]))
            if hit is not None:
                handler, route = hit
                scope["app"] = self.api
                scope["route"] = route
                try:
                    response = await handler(Request(scope, receive))
                except ApiError as exc:
                    response = json_error(
                        exc.status, exc.code, exc.message, field=exc.field, headers=exc.headers
                    )
                except Exception:
                    log.exception("unhandled error on %s %s", scope["method"], scope["path"])
                    response = json_error(500, "internal_error", "internal server error")
                await response(scope, receive, send)
                return
        await self.api(scope, receive, send)
