"""The OpenAPI page renders in a real browser (Debian's Chromium), with no internet access."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.conftest import Server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _browser_server(tmp_path: Path, public_path: str = "") -> Iterator[Server]:
    if CHROMIUM is None:
        if os.environ.get("STOPLINE_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    srv = Server(f"sqlite:///{tmp_path / 'docs.db'}", tmp_path / "server.log")
    if public_path:
        srv.env["STOPLINE_PUBLIC_URL"] = f"{srv.url}{public_path}"
    yield srv.start()
    srv.kill()


@pytest.fixture
def docs_server(tmp_path: Path) -> Iterator[Server]:
    yield from _browser_server(tmp_path)


def render(url: str) -> str:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--virtual-time-budget=15000",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    return result.stdout


def test_swagger_ui_lists_every_route(docs_server: Server) -> None:
    dom = render(f"{docs_server.url}/docs")
    for path in (
        "/v1/check",
        "/v1/check/batch",
        "/v1/contacts/{number}",
        "/v1/consent",
        "/v1/suppressions",
        "/v1/inbound",
        "/webhooks/twilio",
        "/healthz",
    ):
        assert f'data-path="{path}"' in dom, path
    assert "Authorize" in dom  # the bearer-key scheme is offered


@pytest.fixture
def prefixed_server(tmp_path: Path) -> Iterator[Server]:
    """A server whose public URL has a path, as behind a proxy at https://example.com/sl."""
    yield from _browser_server(tmp_path, "/sl")


def test_swagger_ui_under_the_public_urls_path(prefixed_server: Server) -> None:
    """The page loaded its assets and schema from the site's root, so behind a proxy at a
    path it was blank (a black-box tester): its links are relative now, and a request that
    still carries the path (a proxy that passes it on) reaches the same routes."""
    dom = render(f"{prefixed_server.url}/sl/docs")
    assert 'data-path="/v1/check"' in dom and "Authorize" in dom
    dom = render(f"{prefixed_server.url}/docs")  # and directly, as a proxy that strips it
    assert 'data-path="/v1/check"' in dom
