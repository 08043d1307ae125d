"""Request metrics, labelled by route template (never by raw path: paths can hold numbers)."""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stopline.metrics import Metrics


class RequestMetrics:
    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        root = scope.get("root_path", "")

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            self.record(_template(scope, root), status, time.perf_counter() - started)

    def record(self, route: str | None, status: int, seconds: float) -> None:
        """Count one request by route template and status, and its latency."""
        self.metrics.requests.record(route or "unmatched", status, seconds)


def _template(scope: Scope, root: str) -> str | None:
    """The matched route's template; for a mounted app (the docs page's files), the mount's
    prefix, since a mount sets no route but extends ``root_path``."""
    route = scope.get("route")
    if route is not None:
        path = getattr(route, "path", None)
        return path if isinstance(path, str) else None
    mounted = scope.get("root_path", "")
    if isinstance(mounted, str) and mounted != root and mounted.startswith(root):
        return mounted[len(root) :] + "/{path}"
    return None
