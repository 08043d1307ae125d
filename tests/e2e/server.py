"""A real ``stopline serve`` process on a free loopback port."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from stopline.providers.fakes.server import free_port

STOPLINE = str(Path(sys.executable).with_name("stopline"))


class StoplineServer:
    def __init__(self, env: dict[str, str], extra_args: list[str] | None = None) -> None:
        self.port = free_port()
        self.env = {**os.environ, **env}
        self.args = extra_args or []
        self.process: subprocess.Popen[bytes] | None = None
        self.log = Path(env.get("STOPLINE_TEST_LOG", os.devnull))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> StoplineServer:
        command = [STOPLINE, "serve", "--host", "127.0.0.1", "--port", str(self.port), *self.args]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:  # say why (CI once saw an exit code alone)
                said = "" if str(self.log) == os.devnull else self.log.read_text()[-2000:]
                raise RuntimeError(f"stopline serve exited with {self.process.returncode}: {said}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("stopline serve did not become healthy")

    def stop(self, *, kill: bool = False) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


def wait_for(condition, timeout: float = 20, interval: float = 0.1):  # type: ignore[no-untyped-def]
    """Poll ``condition`` until it returns something truthy (no timing assertion: a bound)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)
