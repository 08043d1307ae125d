"""Operations endpoints: health, Prometheus metrics, the offline OpenAPI page."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from prometheus_client import CONTENT_TYPE_LATEST
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, Response

from stopline.api.answers import Health
from stopline.api.errors import dumps
from stopline.api.state import stopline_of

router = APIRouter(tags=["operations"])


@router.head("/healthz", include_in_schema=False)  # load balancers probe with HEAD too
@router.get(
    "/healthz",
    summary="200 when the database answers and the writer runs",
    responses={
        200: {"model": Health},
        503: {"model": Health, "description": "The database or the commit writer is down"},
    },
)
async def healthz(request: Request) -> Response:
    app = stopline_of(request)

    def probe() -> None:
        with app.engine.connect() as conn:
            conn.execute(text("SELECT 1"))

    try:
        await run_in_threadpool(probe)
    except Exception as exc:
        body = {"status": "unavailable", "database": type(exc).__name__}
        return Response(dumps(body), status_code=503, media_type="application/json")
    if not app.commits.alive:
        body = {"status": "unavailable", "writer": "stopped"}
        return Response(dumps(body), status_code=503, media_type="application/json")
    return Response(dumps({"status": "ok"}), media_type="application/json")


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text format"}},
)
async def metrics(request: Request) -> Response:
    body = await run_in_threadpool(stopline_of(request).metrics.exposition)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


def tidy_openapi(app: FastAPI) -> None:
    """The OpenAPI document without a 413 on operations that document no body (the /v1
    routers declare their shared error answers once, for every route)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            for operations in schema.get("paths", {}).values():
                for operation in operations.values():
                    if "requestBody" not in operation:
                        operation.get("responses", {}).pop("413", None)
        return app.openapi_schema or generate()

    app.openapi = openapi  # type: ignore[method-assign]


def mount_docs(app: FastAPI) -> None:
    """Swagger UI served from the installed package: works with no internet access."""
    static = files("fastapi_offline") / "static"
    app.mount("/docs-assets", StaticFiles(directory=str(static)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        # relative to /docs: the page works under a proxy's path prefix too
        return get_swagger_ui_html(
            openapi_url=(app.openapi_url or "/openapi.json").lstrip("/"),
            title=f"{app.title} API",
            swagger_js_url="docs-assets/swagger-ui-bundle.js",
            swagger_css_url="docs-assets/swagger-ui.css",
            swagger_favicon_url="docs-assets/favicon.png",
        )
