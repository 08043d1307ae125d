"""Bearer API keys with scopes on every /v1 route."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from stopline.api.errors import ApiError
from stopline.api.state import stopline_of
from stopline.services.keys import KeyScope, Principal

bearer = HTTPBearer(auto_error=False, description="An API key from `stopline keys create`")


def require(scope: KeyScope) -> Callable[..., Awaitable[Principal]]:
    async def dependency(
        request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)
    ) -> Principal:
        if credentials is None or not credentials.credentials:
            raise ApiError(
                401,
                "unauthorized",
                "missing API key: send 'Authorization: Bearer <key>'",
                headers={"WWW-Authenticate": "Bearer"},
            )
        principal = await stopline_of(request).keys.resolve_async(credentials.credentials)
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

    dependency.key_scope = scope  # type: ignore[attr-defined]  # found by `check_key_first`
    return dependency


async def check_key_first(request: Request) -> None:
    """Raise the route's 401/403 if its key is missing, unknown or lacks the scope.

    FastAPI reads and decodes a JSON body before it runs any dependency, so a body that
    is not JSON would be answered 422 before the key is looked at: a caller without a valid
    key would learn about the body rather than that it may not call the route at all.
    The validation error handler calls this first."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    pending = list(dependant.dependencies) if dependant is not None else []
    while pending:
        found = pending.pop()
        call = found.call
        if call is not None and hasattr(call, "key_scope"):
            await call(request, await bearer(request))
            return
        pending.extend(found.dependencies)
