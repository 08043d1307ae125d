"""One ASGI app that answers like each provider's send endpoint.

Besides the documented shapes it honours an ``Idempotency-Key`` header (a repeated key returns
the first answer and creates nothing), and offers control routes under ``/_fake``:
``GET /_fake/requests`` (every send request seen), ``POST /_fake/opted-out`` (numbers the
provider refuses), ``POST /_fake/fail`` (fail the next N sends with a status), ``POST
/_fake/latency`` (sends arrive that many seconds after they are made; ``GET
/_fake/in-transit`` lists those on their way), ``POST /_fake/reset``.
"""

from __future__ import annotations

import asyncio
import base64
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

import orjson
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


@dataclass
class FakeState:
    requests: list[dict[str, Any]] = field(default_factory=list)
    opted_out: set[str] = field(default_factory=set)
    fail_next: int = 0
    fail_status: int = 503
    answers: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    # Network transit: each send arrives this many seconds after it was made; meanwhile it is
    # listed in `in_transit` (so a test can act while a message is on its way).
    latency: float = 0.0
    in_transit: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.requests.clear()
            self.opted_out.clear()
            self.fail_next = 0
            self.answers.clear()
            self.latency = 0.0
            self.in_transit.clear()


def _json(payload: Any, status: int) -> Response:
    return Response(orjson.dumps(payload), status_code=status, media_type="application/json")


def _basic(request: Request) -> tuple[str, str] | None:
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    user, _, secret = base64.b64decode(encoded).decode().partition(":")
    return user, secret


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token if scheme.lower() == "bearer" and token else None


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


Handler = Callable[[Request, dict[str, Any]], tuple[int, Any]]


def create_fake_app(
    credentials: Mapping[str, Mapping[str, str]] | None = None, state: FakeState | None = None
) -> Starlette:
    """``credentials`` per provider (same field names as Stopline accounts); when given, a
    request with other credentials gets the provider's 401."""
    state = state or FakeState()
    creds = credentials or {}

    def expect(provider: str, *names: str) -> tuple[str, ...] | None:
        if provider not in creds:
            return None
        return tuple(creds[provider].get(n, "") for n in names)

    def twilio(request: Request, body: dict[str, Any]) -> tuple[int, Any]:
        sid = request.path_params["sid"]
        want = expect("twilio", "account_sid", "auth_token")
        if (
            _basic(request) is None
            or (want and _basic(request) != want)
            or (want and want[0] != sid)
        ):
            return 401, {"code": 20003, "message": "Authenticate", "status": 401}
        if not body.get("To") or not body.get("Body"):
            return 400, {
                "code": 21604,
                "message": "A 'To' phone number is required.",
                "status": 400,
            }
        if body["To"] in state.opted_out:
            return 400, {
                "code": 21610,
                "message": "Attempt to send to unsubscribed recipient",
                "more_info": "https://www.twilio.com/docs/errors/21610",
                "status": 400,
            }
        return 201, {
            "sid": "SM" + uuid.uuid4().hex,
            "account_sid": sid,
            "to": body["To"],
            "from": body.get("From"),
            "messaging_service_sid": body.get("MessagingServiceSid"),
            "body": body["Body"],
            "status": "queued",
            "date_created": _now(),
        }

    def telnyx(request: Request, body: dict[str, Any]) -> tuple[int, Any]:
        want = expect("telnyx", "api_key")
        if _bearer(request) is None or (want and (_bearer(request),) != want):
            return 401, {"errors": [{"code": "10009", "title": "Authentication failed"}]}
        if body.get("to") in state.opted_out:
            return 409, {
                "errors": [
                    {
                        "code": "40300",
                        "title": "Blocked due to STOP message",
                        "detail": "The recipient replied STOP to this sender.",
                    }
                ]
            }
        return 200, {
            "data": {
                "record_type": "message",
                "direction": "outbound",
                "id": str(uuid.uuid4()),
                "type": "SMS",
                "from": {"phone_number": body.get("from")},
                "to": [{"phone_number": body.get("to"), "status": "queued"}],
                "text": body.get("text"),
                "messaging_profile_id": body.get("messaging_profile_id"),
            }
        }

    def vonage(request: Request, body: dict[str, Any]) -> tuple[int, Any]:
        want = expect("vonage", "api_key", "api_secret")
        if _basic(request) is None or (want and _basic(request) != want):
            return 401, {
                "type": "https://developer.nexmo.com/api-errors#unauthorized",
                "title": "Unauthorized",
                "detail": "You did not provide correct credentials.",
            }
        if body.get("channel") != "sms" or not body.get("to"):
            return 422, {
                "type": "https://developer.nexmo.com/api-errors/messages#1150",
                "title": "Invalid params",
                "detail": "channel and to are required",
            }
        return 202, {"message_uuid": str(uuid.uuid4())}

    def plivo(request: Request, body: dict[str, Any]) -> tuple[int, Any]:
        auth_id = request.path_params["auth_id"]
        want = expect("plivo", "auth_id", "auth_token")
        if (
            _basic(request) is None
            or (want and _basic(request) != want)
            or (want and want[0] != auth_id)
        ):
            return 401, {"api_id": str(uuid.uuid4()), "error": "authentication failed"}
        return 202, {
            "api_id": str(uuid.uuid4()),
            "message": "message(s) queued",
            "message_uuid": [str(uuid.uuid4())],
        }

    def bandwidth(request: Request, body: dict[str, Any]) -> tuple[int, Any]:
        want = expect("bandwidth", "username", "password")
        if _basic(request) is None or (want and _basic(request) != want):
            return 401, {"type": "unauthorized", "description": "Authentication failed"}
        if not isinstance(body.get("to"), list) or not body.get("applicationId"):
            return 400, {"type": "request-validation", "description": "to[] and applicationId"}
        return 202, {
            "id": uuid.uuid4().hex,
            "owner": body.get("from"),
            "applicationId": body["applicationId"],
            "time": _now(),
            "segmentCount": 1,
            "direction": "out",
            "to": body["to"],
            "from": body.get("from"),
            "text": body.get("text"),
            "tag": body.get("tag"),
        }

    def sinch(request: Request, body: dict[str, Any]) -> tuple[int, Any]:
        want = expect("sinch", "api_token")
        if _bearer(request) is None or (want and (_bearer(request),) != want):
            return 401, {"code": "unauthorized", "text": "Invalid credentials"}
        return 201, {
            "id": uuid.uuid4().hex[:26].upper(),
            "to": body.get("to"),
            "from": body.get("from"),
            "canceled": False,
            "body": body.get("body"),
            "type": "mt_text",
            "created_at": _now(),
            "client_reference": body.get("client_reference"),
        }

    def endpoint(provider: str, handler: Handler, form: bool = False) -> Callable[..., Any]:
        async def handle(request: Request) -> Response:
            raw = await request.body()
            body: dict[str, Any] = (
                dict(parse_qsl(raw.decode())) if form else (orjson.loads(raw) if raw else {})
            )
            key = request.headers.get("idempotency-key")
            if state.latency > 0:
                transit = {"provider": provider, "body": body, "started": time.time()}
                with state.lock:
                    state.in_transit.append(transit)
                try:
                    await asyncio.sleep(state.latency)
                finally:
                    with state.lock:
                        state.in_transit.remove(transit)
            record: dict[str, Any] = {
                "provider": provider,
                "path": request.url.path,
                "body": body,
                "idempotency_key": key,
                "replayed": False,
                "at": time.time(),  # when it arrived (tests compare with other events)
            }
            with state.lock:
                if key and key in state.answers:
                    record["replayed"] = True
                    state.requests.append(record)
                    status, content = state.answers[key]
                    return Response(content, status_code=status, media_type="application/json")
                if state.fail_next > 0:
                    state.fail_next -= 1
                    record["failed"] = True
                    state.requests.append(record)
                    return _json({"error": "temporarily unavailable"}, state.fail_status)
                status, payload = handler(request, body)
                content = orjson.dumps(payload)
                record["status"] = status
                state.requests.append(record)
                if key and status < 300:
                    state.answers[key] = (status, content)
            return Response(content, status_code=status, media_type="application/json")

        return handle

    async def list_requests(request: Request) -> Response:
        with state.lock:
            return _json(list(state.requests), 200)

    async def set_opted_out(request: Request) -> Response:
        numbers = orjson.loads(await request.body()).get("numbers", [])
        with state.lock:
            state.opted_out.update(str(n) for n in numbers)
        return _json({"opted_out": sorted(state.opted_out)}, 200)

    async def set_fail(request: Request) -> Response:
        spec = orjson.loads(await request.body())
        with state.lock:
            state.fail_next = int(spec.get("count", 1))
            state.fail_status = int(spec.get("status", 503))
        return _json({"fail_next": state.fail_next}, 200)

    async def set_latency(request: Request) -> Response:
        with state.lock:
            state.latency = float(orjson.loads(await request.body()).get("seconds", 0.0))
        return _json({"latency": state.latency}, 200)

    async def list_in_transit(request: Request) -> Response:
        with state.lock:
            return _json(list(state.in_transit), 200)

    async def reset(request: Request) -> Response:
        state.reset()
        return _json({"reset": True}, 200)

    routes = [
        Route(
            "/2010-04-01/Accounts/{sid}/Messages.json",
            endpoint("twilio", twilio, form=True),
            methods=["POST"],
        ),
        Route("/v2/messages", endpoint("telnyx", telnyx), methods=["POST"]),
        Route("/v1/messages", endpoint("vonage", vonage), methods=["POST"]),
        Route("/v1/Account/{auth_id}/Message/", endpoint("plivo", plivo), methods=["POST"]),
        Route(
            "/api/v2/users/{account_id}/messages",
            endpoint("bandwidth", bandwidth),
            methods=["POST"],
        ),
        Route("/xms/v1/{plan}/batches", endpoint("sinch", sinch), methods=["POST"]),
        Route("/_fake/requests", list_requests, methods=["GET"]),
        Route("/_fake/opted-out", set_opted_out, methods=["POST"]),
        Route("/_fake/fail", set_fail, methods=["POST"]),
        Route("/_fake/latency", set_latency, methods=["POST"]),
        Route("/_fake/in-transit", list_in_transit, methods=["GET"]),
        Route("/_fake/reset", reset, methods=["POST"]),
    ]
    app = Starlette(routes=routes)
    app.state.fake = state
    return app
