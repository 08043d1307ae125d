"""Lean handling for the hottest routes (webhooks, send-gate checks).

A `FastRoute` is documented by FastAPI from its endpoint's signature (body model, response
model, security) like any other route, but is served by a plain
``(FastRequest) -> FastResponse`` handler attached with `served_by`. `HotPaths`, the outermost
ASGI app, sends requests for those paths straight to the handler: no router walk, no
dependency solving, no per-request middleware objects; the body is validated once, by the
same pydantic model, straight from the raw bytes. Any other request (and the same paths if
they ever reach FastAPI) is served by FastAPI as usual, with identical answers.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, NamedTuple, TypeVar, get_args, get_origin

import orjson
from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from stopline.api.errors import ApiError, error_body, retry_headers, unexpected_error
from stopline.api.limits import BodyLimit, declared_length, too_large
from stopline.api.observe import RequestMetrics
from stopline.bootstrap import Stopline
from stopline.services.keys import KeyScope, Principal
from stopline.storage.commit_queue import CommitFailed, CommitLate

log = logging.getLogger("stopline.api")

M = TypeVar("M", bound=BaseModel)
E = TypeVar("E", bound=Callable[..., Any])


@dataclass(slots=True)
class FastRequest:
    scope: Scope
    body: bytes
    _headers: dict[str, str] | None = field(default=None, repr=False)
    _stopline: Stopline | None = field(default=None, repr=False)

    @property
    def headers(self) -> dict[str, str]:
        """Header names lower-cased (as ASGI delivers them); the last value wins."""
        if self._headers is None:
            self._headers = {
                k.decode("latin-1"): v.decode("latin-1") for k, v in self.scope["headers"]
            }
        return self._headers

    def header(self, name: bytes) -> str | None:
        """One header (``name`` lower-case), without decoding the others."""
        if self._headers is not None:
            return self._headers.get(name.decode("latin-1"))
        found = None
        for key, value in self.scope["headers"]:
            if key == name:
                found = value  # the last value wins, as in `headers`
        return None if found is None else found.decode("latin-1")

    @property
    def stopline(self) -> Stopline:
        if self._stopline is None:
            self._stopline = self.scope["app"].state.stopline
        return self._stopline

    @property
    def state(self) -> Any:
        return self.scope["app"].state

    def url(self, public_base: str | None) -> str:
        """The URL as the caller addressed it: ``public_base`` (STOPLINE_PUBLIC_URL) plus path
        and query when configured, else rebuilt from the request."""
        query = bytes(self.scope.get("query_string", b"")).decode("latin-1")
        path = str(self.scope.get("root_path", "")) + str(self.scope["path"])
        if public_base:
            base = public_base.rstrip("/")
        else:
            scheme: str = self.scope.get("scheme", "http")
            host = self.headers.get("host")
            if host is None:
                server = self.scope.get("server") or ("localhost", 80)
                host = f"{server[0]}:{server[1]}"
            base = f"{scheme}://{host}"
        return base + path + (f"?{query}" if query else "")


class FastResponse(NamedTuple):
    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] | None = None

    async def send(self, send: Send) -> None:
        raw = [
            (b"content-type", self.media_type.encode("latin-1")),
            (b"content-length", str(len(self.body)).encode("latin-1")),
        ]
        if self.headers:
            raw += [
                (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in self.headers.items()
            ]
        await send({"type": "http.response.start", "status": self.status, "headers": raw})
        await send({"type": "http.response.body", "body": self.body})


Handler = Callable[[FastRequest], Coroutine[Any, Any, FastResponse]]


def error_response(exc: ApiError) -> FastResponse:
    return FastResponse(
        exc.status,
        "application/json",
        error_body(exc.code, exc.message, field=exc.field, location=exc.location),
        exc.headers,
    )


class FastRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        fast: Handler | None = getattr(self.endpoint, "fast_handler", None)
        if fast is None:
            return super().get_route_handler()

        async def through_fastapi(request: Request) -> Response:
            try:
                answer = await fast(FastRequest(request.scope, await request.body()))
            except ApiError as exc:
                answer = error_response(exc)
            return Response(answer.body, answer.status, answer.headers, answer.media_type)

        return through_fastapi


def served_by(handler: Handler) -> Callable[[E], E]:
    def attach(endpoint: E) -> E:
        endpoint.fast_handler = handler  # type: ignore[attr-defined]
        return endpoint

    return attach


async def authenticate(request: FastRequest, scope: KeyScope) -> Principal:
    """The same checks as `api.auth.require`, without FastAPI's dependency machinery."""
    header = request.header(b"authorization") or ""
    kind, _, credentials = header.partition(" ")
    if kind.lower() != "bearer" or not credentials.strip():
        raise ApiError(
            401,
            "unauthorized",
            "missing API key: send 'Authorization: Bearer <key>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    keys = request.stopline.keys
    known = keys.cached(credentials.strip())  # no coroutine for the usual cache hit
    principal = known[0] if known is not None else await keys.resolve_async(credentials.strip())
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


def json_body(request: FastRequest, model: type[M]) -> M:
    """Validate the raw JSON body with ``model``; errors become 422 naming the field."""
    try:
        return model.model_validate_json(request.body)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = [str(p) for p in first.get("loc", ())]
        name = ".".join(loc) or None
        msg = first.get("msg", "invalid")
        if first.get("type") == "json_invalid":
            raise ApiError(422, "invalid_json", f"body is not valid JSON: {msg}") from None
        raise ApiError(
            422, "invalid_request", f"{name}: {msg}" if name else str(msg), field=name
        ) from None


class FlatStrings:
    """A shortcut past pydantic for the commonest bodies of a model whose fields are all
    strings (``str`` or ``str | None``, optionally with a ``max_length``) or lists of
    strings (``list[str]``, optionally with a ``max_length`` on the list): a JSON object of
    such fields, each within its limit. `fields` returns them as the model would hold them,
    or None when the body is anything else; the caller then validates with the model as
    usual (for its errors, and for whatever the model would accept or coerce).

    Worth having on the hot routes: pydantic's validator costs little in a loop but adds
    about a tenth to a single check in a busy server (a large code path run once per
    request), and about a millisecond to a batch of 10,000 numbers (a type test per item
    costs a quarter of that).
    """

    def __init__(self, model: type[BaseModel]) -> None:
        # name -> (max length, may be null, is a list of strings)
        self._limits: dict[str, tuple[int, bool, bool]] = {}
        self._required: frozenset[str] = frozenset(
            name for name, info in model.model_fields.items() if info.is_required()
        )
        if model.model_config.get("extra") != "forbid":
            raise TypeError(f"{model.__name__} must forbid extra fields")
        for name, info in model.model_fields.items():
            listed = _string_list(info.annotation)
            if not listed and info.annotation not in (str, str | None):
                raise TypeError(f"{model.__name__}.{name} is not a plain string field")
            if info.alias not in (None, name):
                raise TypeError(f"{model.__name__}.{name} has an alias")
            if not info.is_required() and info.default is not None:
                raise TypeError(f"{model.__name__}.{name} has a default other than None")
            limit = min(
                (m.max_length for m in info.metadata if getattr(m, "max_length", None)),
                default=sys.maxsize,
            )
            self._limits[name] = (limit, info.annotation == (str | None), listed)

    def fields(self, body: bytes) -> dict[str, Any] | None:
        try:
            data = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None
        if type(data) is not dict or not self._required <= data.keys():
            return None
        limits = self._limits
        for name, value in data.items():
            rule = limits.get(name)
            if rule is None:
                return None
            if rule[2]:
                if type(value) is not list or len(value) > rule[0]:
                    return None
                if not all(type(item) is str for item in value):
                    return None
            elif type(value) is str:
                if len(value) > rule[0]:
                    return None
            elif value is not None or not rule[1]:
                return None
        return data


def _string_list(annotation: Any) -> bool:
    """``list[str]``, or a list of ``Annotated[str, ...]`` (validators that leave strings as
    they are: the property test in tests/unit/test_flat_strings.py holds that to account)."""
    if get_origin(annotation) is not list:
        return False
    (item,) = get_args(annotation)
    if get_origin(item) is Annotated:
        item = get_args(item)[0]
    return item is str


# Where Stopline's own routes start: a path under one of these is never taken for the
# public URL's prefix plus a route.
_OWN_ROOTS = ("/v1/", "/webhooks/", "/docs-assets/")
_OWN_PATHS = frozenset({"/docs", "/openapi.json", "/healthz", "/metrics"})


class HotPaths:
    """The outermost ASGI app: requests for a `FastRoute` path go straight to its handler,
    with the same body cap (``limits``) and request metrics (``observed``) as every other
    request but without their per-request wrappers; everything else, lifespan included,
    goes to ``rest`` (those middlewares around the FastAPI application ``api``)."""

    def __init__(
        self,
        api: FastAPI,
        routers: Sequence[APIRouter],
        *,
        rest: ASGIApp,
        limits: BodyLimit,
        observed: RequestMetrics,
        prefix: str = "",
    ) -> None:
        self.api = api
        self.rest = rest
        self.observed = observed
        # STOPLINE_PUBLIC_URL's path ("/sl" in https://example.com/sl): a proxy that passes
        # it on instead of stripping it still reaches every route (not a 404 that loses an
        # opt-out, since providers do not retry a 4xx)
        self._prefix = prefix.rstrip("/")
        self._routes: dict[tuple[str, str], tuple[Handler, APIRoute, int]] = {}
        for router in routers:
            for route in router.routes:
                if isinstance(route, FastRoute) and hasattr(route.endpoint, "fast_handler"):
                    for method in route.methods or ():
                        handler = route.endpoint.fast_handler
                        limit = limits.limit_for(route.path)
                        self._routes[(method, route.path)] = (handler, route, limit)

    def _unprefixed(self, scope: Scope) -> Scope | None:
        """``scope`` with the public URL's path prefix taken off its path, when it starts
        with it ("/sl/webhooks/twilio" -> "/webhooks/twilio"); None otherwise. The URL a
        webhook's signature covers is still the public URL plus the path without it."""
        prefix = self._prefix
        if not prefix or scope["type"] not in ("http", "websocket"):
            return None
        path: str = scope["path"]
        if not path.startswith(prefix) or path[len(prefix) : len(prefix) + 1] not in ("/", ""):
            return None
        if path.startswith(_OWN_ROOTS) or path in _OWN_PATHS:
            return None  # a route of ours as it is (a public path "/v1" takes nothing off)
        inner = dict(scope)
        inner["path"] = path[len(prefix) :] or "/"
        raw = scope.get("raw_path")
        if isinstance(raw, bytes) and raw.startswith(prefix.encode()):
            inner["raw_path"] = raw[len(prefix) :] or b"/"
        return inner

    def _with_slash(self, scope: Scope) -> tuple[Handler, APIRoute, int] | None:
        """A hot route written with a trailing slash ("/webhooks/twilio/", as a provider's
        console may hold it): served as itself, not redirected (a redirect's URL comes from
        the Host header, and the provider signed the URL with the slash, which the handler
        verifies as it was called)."""
        path = scope["path"] if scope["type"] == "http" else ""
        if len(path) < 2 or not path.endswith("/"):
            return None
        return self._routes.get((scope["method"], path.rstrip("/")))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        hit = (
            self._routes.get((scope["method"], scope["path"])) if scope["type"] == "http" else None
        )
        if hit is None:
            hit = self._with_slash(scope)
            if hit is None:
                inner = self._unprefixed(scope)
                if inner is None:
                    await self.rest(scope, receive, send)
                    return
                scope = inner  # taken off once: "/sl/sl/metrics" is not "/metrics"
                hit = self._routes.get((scope["method"], scope["path"])) or self._with_slash(scope)
                if hit is None:
                    await self.rest(scope, receive, send)
                    return
        started = time.perf_counter()
        handler, route, limit = hit
        scope["app"] = self.api
        scope["route"] = route
        status = 500  # counted as such if the client goes away or something raises
        try:
            if declared_length(scope) > limit:
                status = 413
                await too_large(limit, scope, receive, send)
                return
            body = b""
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return  # client went away
                body += message.get("body", b"")
                if len(body) > limit:
                    status = 413
                    await too_large(limit, scope, receive, send)
                    return
                if not message.get("more_body", False):
                    break
            try:
                answer = await handler(FastRequest(scope, body))
            except ApiError as exc:
                answer = error_response(exc)
            except Exception as exc:
                if not isinstance(exc, (CommitLate, CommitFailed)):  # logged where found
                    log.exception("unhandled error on %s %s", scope["method"], scope["path"])
                failed, code, why = unexpected_error(exc)
                answer = FastResponse(
                    failed,
                    "application/json",
                    error_body(code, why),
                    retry_headers(failed),
                )
            status = answer.status
            await answer.send(send)
        finally:
            self.observed.record(route.path, status, time.perf_counter() - started)
