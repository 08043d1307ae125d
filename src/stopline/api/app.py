"""The FastAPI application factory."""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import ASGIApp

import stopline
from stopline import bootstrap, heap, logs
from stopline.api import campaigns, consent, errors, messaging, ops, review, scrub, webhooks
from stopline.api.auth import check_key_first
from stopline.api.fast import HotPaths
from stopline.api.limits import BodyLimit
from stopline.api.observe import RequestMetrics
from stopline.config import Settings
from stopline.metrics import process_metrics

AUDIENCE_MAX_BYTES = 32 * 1024 * 1024

DESCRIPTION = """
Stopline receives your SMS providers' inbound webhooks, records every opt-out and opt-in on an
append-only, hash-chained consent ledger, answers STOP/HELP/START, and tells every system that
sends texts whether it may text a number.

Every `/v1` route needs `Authorization: Bearer <key>` (create one with
`stopline keys create --name NAME --scope check|write|admin`).
"""


def create_app(
    settings: Settings | None = None,
    app_graph: bootstrap.Stopline | None = None,
    *,
    freeze_heap: bool = False,
) -> ASGIApp:
    """Build the ASGI app: the hot paths (webhooks, checks) outermost, then request metrics
    and body limits around the FastAPI application for every other request. The object
    graph is built at start-up (lifespan), not at import. ``freeze_heap``: a serving
    process, whose start-up objects the garbage collector may stop walking (`heap`)."""
    settings = settings or (app_graph.settings if app_graph else Settings())
    metrics = app_graph.metrics if app_graph else process_metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        graph = app_graph or bootstrap.build(settings, metrics=metrics)
        bootstrap.warn_about(graph.settings)
        app.state.stopline = graph
        try:
            if settings.inbound_writer == "process":
                await graph.inbound_writer.start_process(graph.settings)
            if settings.outbox_worker:
                graph.messaging.outbox.start()  # REST replies are delivered after commit
            if settings.broadcast_worker:
                graph.messaging.broadcasts.start()
            if graph.sync is not None and settings.sync_worker:
                graph.sync.start()  # consent events pushed to STOPLINE_SYNC_URL
            async with review.periodic_sweep(graph):
                if freeze_heap:
                    heap.freeze_startup_objects()
                yield
        finally:
            if graph.sync is not None:
                graph.sync.stop()
            graph.messaging.broadcasts.stop()
            graph.messaging.outbox.stop()
            await graph.inbound_writer.stop_process()
            if app_graph is None:
                graph.close()

    prefix = public_prefix(settings.public_url)
    app = FastAPI(
        title="Stopline",
        version=stopline.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        # "Try it out" calls the API under the public URL's path: behind a proxy that strips
        # it, and directly (the prefix is taken off again on the way in)
        servers=[{"url": prefix}] if prefix else None,
    )
    errors.install(app, check_key_first)
    app.include_router(ops.router)
    app.include_router(consent.hot)
    app.include_router(consent.router)
    app.include_router(webhooks.router)
    app.include_router(review.router)
    app.include_router(scrub.router)
    app.include_router(messaging.router)
    app.include_router(campaigns.router)
    ops.mount_docs(app)
    ops.tidy_openapi(app)
    limits = BodyLimit(
        app,
        limit=settings.max_body_bytes,
        webhook_limit=settings.max_webhook_bytes,
        paths={"/v1/scrub": settings.scrub_max_bytes},
        # a campaign's CSV audience: 100,000 rows of a few columns each
        suffixes={("/v1/campaigns/", "/audience"): AUDIENCE_MAX_BYTES},
    )
    observed = RequestMetrics(limits, metrics=metrics)
    return HotPaths(
        app,
        [consent.hot, webhooks.router],
        rest=observed,
        limits=limits,
        observed=observed,
        prefix=public_prefix(settings.public_url),
    )


def public_prefix(public_url: str | None) -> str:
    """The path part of STOPLINE_PUBLIC_URL ("/sl" in https://example.com/sl/), or ""."""
    from urllib.parse import urlsplit

    return urlsplit(public_url).path.rstrip("/") if public_url else ""


def create_app_from_env() -> ASGIApp:
    """Factory for ``uvicorn --factory`` and multi-worker serving."""
    _exit_with_parent()
    settings = Settings()
    logs.configure(settings.log_level, settings.log_format, access_log=settings.access_log)
    return create_app(settings, freeze_heap=True)


SERVE_PID = "STOPLINE_SERVE_PID"  # set by `serve --workers N` for its workers


def _exit_with_parent() -> None:
    """Linux: a worker of ``serve --workers N`` gets SIGTERM (a graceful shutdown) when the
    process that started it dies, even by SIGKILL, instead of serving on as an orphan; a
    worker whose serving process died before this ran exits at once. The serving process
    names itself in `SERVE_PID`: a parent read here could already be the one that adopted
    the orphan."""
    serving = os.environ.get(SERVE_PID)
    if serving is None or not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not glibc/musl
        return
    if str(os.getppid()) != serving:  # it died before the request took effect
        sys.stderr.write(f"stopline: the serving process {serving} is gone; worker exits\n")
        os._exit(1)
