"""A real `stopline serve` process on a free loopback port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import TWILIO_TOKEN

STOPLINE = [sys.executable, "-m", "stopline"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(database_url: str, port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STOPLINE_")}
    env.update(
        STOPLINE_DATABASE_URL=database_url,
        STOPLINE_PUBLIC_URL=f"http://127.0.0.1:{port}",
        STOPLINE_BRAND_NAME="Acme",
        STOPLINE_HELP_CONTACT="help@acme.example",
        STOPLINE_TWILIO_AUTH_TOKEN=TWILIO_TOKEN,
        STOPLINE_LOG_LEVEL="INFO",
        **extra,
    )
    return env


class Server:
    def __init__(self, database_url: str, log_path: Path, **extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = server_env(database_url, self.port, **extra)
        self.log_path = log_path
        self.process: subprocess.Popen[bytes] | None = None

    def cli(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*STOPLINE, *args],
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    def start(self) -> Server:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [*STOPLINE, "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=self.env,
            stdout=log,
            stderr=log,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-2000:]}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("server did not become healthy")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=30)

    def new_key(self, scope: str = "admin") -> str:
        result = self.cli("keys", "create", "--name", f"e2e-{scope}", "--scope", scope)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1]


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[Server]:
    srv = Server(database_url, tmp_path / "server.log")
    srv.cli("db", "upgrade")
    yield srv
    srv.kill(signal.SIGTERM)
