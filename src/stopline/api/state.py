"""Access to the application's Stopline object graph from a request."""

from __future__ import annotations

from starlette.requests import Request

from stopline.bootstrap import Stopline


def stopline_of(request: Request) -> Stopline:
    app: Stopline = request.app.state.stopline
    return app
