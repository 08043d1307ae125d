"""Request body caps, enforced before a handler reads anything (pure ASGI middleware)."""

from __future__ import annotations

from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stopline.api.errors import json_error


class BodyTooLarge(StarletteHTTPException):
    """Raised while the body arrives (chunked, or longer than declared). An HTTP exception,
    so that a framework reading the body passes it on as 413 rather than as a parse error."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body is larger than the {limit}-byte limit")


class BodyLimit:
    """Refuse bodies over ``limit`` bytes (``webhook_limit`` under /webhooks) with 413, both
    when Content-Length says so and when a chunked body grows past it."""

    def __init__(
        self,
        app: ASGIApp,
        limit: int,
        webhook_limit: int,
        paths: dict[str, int] | None = None,
        suffixes: dict[tuple[str, str], int] | None = None,
    ) -> None:
        self.app = app
        self.limit = limit
        self.webhook_limit = webhook_limit
        self.paths = paths or {}  # exact path -> its own limit (bulk uploads)
        # (prefix, suffix) -> limit, for uploads to a path with a name in it
        self.suffixes = suffixes or {}

    def limit_for(self, path: str) -> int:
        limit = self.webhook_limit if path.startswith("/webhooks") else self.limit
        for (prefix, suffix), own in self.suffixes.items():
            if path.startswith(prefix) and path.endswith(suffix):
                return own
        return self.paths.get(path, limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # every method: a GET may carry a body too
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        if declared_length(scope) > limit:
            await too_large(limit, scope, receive, send)
            return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await too_large(limit, scope, receive, send)


def declared_length(scope: Scope) -> int:
    """The request's Content-Length (0 when absent or unreadable: the body is then counted
    as it arrives)."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0
    return 0


async def too_large(limit: int, scope: Scope, receive: Receive, send: Send) -> None:
    response = json_error(
        413, "payload_too_large", f"request body is larger than the {limit}-byte limit"
    )
    await response(scope, receive, send)
