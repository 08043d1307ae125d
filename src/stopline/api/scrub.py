"""POST /v1/scrub: upload a CSV, get back the rows that may be texted (or the removed ones).

The upload is spooled to a temporary file as it arrives and the answer is streamed from
another, so memory stays flat for any size up to STOPLINE_SCRUB_MAX_BYTES.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.responses import FileResponse, Response

from stopline.api.answers import error
from stopline.api.auth import require
from stopline.api.consent import sender_of
from stopline.api.errors import ApiError
from stopline.api.schemas import V1_ERRORS
from stopline.api.state import stopline_of
from stopline.bootstrap import Stopline
from stopline.domain.consent import scopes_for_send
from stopline.services.keys import KeyScope, Principal
from stopline.services.scrub import ScrubOptions, ScrubReport, scrub_csv
from stopline.services.scrub.suppressed import loading as suppressions_loading

router = APIRouter(prefix="/v1", tags=["scrub"], responses=V1_ERRORS)

CheckKey = Annotated[Principal, Depends(require(KeyScope.CHECK))]
CSV_TYPES = ("text/csv", "application/csv", "text/plain", "application/octet-stream", "")


@router.post(
    "/scrub",
    summary="Scrub a CSV contact list: only rows with a valid, not opted-out number come back",
    response_class=Response,
    responses={
        200: {
            "content": {"text/csv": {"schema": {"type": "string", "format": "binary"}}},
            "description": "The kept (or removed) rows",
        },
        415: error("The body is not sent as CSV (`unsupported_media_type`)"),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                media: {"schema": {"type": "string", "format": "binary"}}
                for media in ("text/csv", "application/octet-stream")
            },
        }
    },
)
async def scrub(
    request: Request,
    _key: CheckKey,
    column: Annotated[str | None, Query(max_length=200, description="Phone column")] = None,
    topic: Annotated[str | None, Query(max_length=100, description="Topic of the send")] = None,
    sender: Annotated[str | None, Query(max_length=64, description="Sending number")] = None,
    delimiter: Annotated[str | None, Query(min_length=1, max_length=1)] = None,
    output: Annotated[
        Literal["kept", "removed"],
        Query(description="kept rows, or removed rows with stopline_row/reason/detail columns"),
    ] = "kept",
) -> Response:
    """Send the CSV as the raw request body (``Content-Type: text/csv``, or
    ``application/octet-stream`` as generated clients send a file). The answer keeps the
    header and every other column exactly as sent, in order. Counts are in the
    ``X-Stopline-*`` headers. Opt-outs of every scope that applies count (organisation, and
    the topic and sender given)."""
    app = stopline_of(request)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in CSV_TYPES:
        raise ApiError(
            415, "unsupported_media_type", "send the CSV as the raw body with Content-Type text/csv"
        )
    send_from = sender_of(sender, app.settings.default_region, "query")
    workdir = Path(tempfile.mkdtemp(prefix="stopline-scrub-"))
    try:
        upload = workdir / "upload.csv"
        size = 0
        with upload.open("wb") as spool:
            async for chunk in request.stream():
                size += len(chunk)
                await run_in_threadpool(spool.write, chunk)
        if size == 0:
            raise ApiError(422, "invalid_csv", "the request body is empty")
        region = app.settings.default_region
        options = ScrubOptions(column=column, delimiter=delimiter, region=region)
        report = await run_in_threadpool(
            _run, app, upload, workdir, options, send_from, topic, output
        )
    except ApiError:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    except ValueError as exc:
        shutil.rmtree(workdir, ignore_errors=True)
        message = str(exc).replace("with --column", "with the 'column' query parameter")
        raise ApiError(
            422,
            "invalid_csv",
            message,
            # about choosing the phone column (the 'column' parameter), not any CSV problem
            field="column"
            if "'column' query parameter" in message or "no column named" in message
            else None,
            location="query",
        ) from None
    except BaseException:
        shutil.rmtree(workdir, ignore_errors=True)
        raise
    return FileResponse(
        workdir / f"{output}.csv",
        media_type="text/csv",
        filename=f"{output}.csv",
        headers=_headers(report),
        background=BackgroundTask(shutil.rmtree, workdir, ignore_errors=True),
    )


def _run(
    app: Stopline,
    upload: Path,
    workdir: Path,
    options: ScrubOptions,
    sender: str | None,
    topic: str | None,
    output: str,
) -> ScrubReport:
    kept_path, removed_path = workdir / "kept.csv", workdir / "removed.csv"
    with (
        suppressions_loading(app.engine, scopes_for_send(sender, topic)) as suppressed,
        upload.open("rb") as source,
        kept_path.open("wb") as kept,
    ):
        if output == "removed":
            with removed_path.open("wb") as removed:
                return scrub_csv(source, kept, suppressed, options, removed=removed)
        return scrub_csv(source, kept, suppressed, options)


def _headers(report: ScrubReport) -> dict[str, str]:
    return {
        "X-Stopline-Rows": str(report.rows),
        "X-Stopline-Kept": str(report.kept),
        "X-Stopline-Removed-Invalid": str(report.invalid),
        "X-Stopline-Removed-Opted-Out": str(sum(report.suppressed.values())),
        "X-Stopline-Phone-Column": quote(report.column),
    }
