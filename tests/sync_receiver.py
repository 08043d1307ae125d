"""A CRM's webhook endpoint on loopback, for the consent sync tests: records each request
and checks its signature with the Standard Webhooks library."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from standardwebhooks.webhooks import Webhook

from stopline.services.sync_secret import new_secret

SECRET = new_secret()


class Receiver:
    """A CRM's webhook endpoint: records every request; answers from ``statuses`` first
    (a status, or a status and extra headers such as ``Retry-After``)."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.statuses: list[int | tuple[int, dict[str, str]]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append(({k.lower(): v for k, v in self.headers.items()}, body))
                answer = receiver.statuses.pop(0) if receiver.statuses else 204
                status, extra = answer if isinstance(answer, tuple) else (answer, {})
                self.send_response(status)
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/stopline"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def events(self, index: int) -> list[dict[str, Any]]:
        """The events of request ``index``, after checking its signature."""
        headers, body = self.requests[index]
        payload = Webhook(SECRET).verify(body, headers)
        assert payload["type"] == "consent.events"
        return list(payload["data"]["events"])

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
