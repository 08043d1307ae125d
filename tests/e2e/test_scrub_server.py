"""`stopline serve` on loopback: opt-outs imported by the CLI, then a multi-megabyte CSV
streamed to POST /v1/scrub comes back exactly as the slow reference says."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import Server
from tests.scrub_reference import contact_list, reference_scrub

pytestmark = pytest.mark.e2e


def test_scrub_over_http_matches_the_reference(server: Server, tmp_path: Path) -> None:
    contacts = contact_list(15_000, seed=9, crlf=True, padding=150)
    assert len(contacts.data) > 2 * 1024 * 1024  # larger than the ordinary body limit
    blocked = sorted(set(contacts.numbers))[::4]
    optouts = tmp_path / "optouts.csv"
    # as a CRM would export them: national formats
    optouts.write_text(
        "number\n" + "".join(f"({n[2:5]}) {n[5:8]}-{n[8:]}\n" for n in blocked if n[:2] == "+1")
    )
    imported = server.cli("suppressions", "import", str(optouts))
    assert imported.returncode == 0, imported.stderr
    server.start()
    key = server.new_key("check")

    def upload() -> Iterator[bytes]:  # chunked transfer: no Content-Length
        for start in range(0, len(contacts.data), 256 * 1024):
            yield contacts.data[start : start + 256 * 1024]

    with httpx.Client(timeout=120) as client:
        response = client.post(
            f"{server.url}/v1/scrub",
            content=upload(),
            headers={"Authorization": f"Bearer {key}", "Content-Type": "text/csv"},
        )
    assert response.status_code == 200, response.text[:500]
    nanp = {n for n in blocked if n[:2] == "+1"}
    expected = reference_scrub(contacts.data, contacts.records, "phone", nanp.__contains__)
    assert response.content == expected
    assert int(response.headers["x-stopline-rows"]) == len(contacts.records)
    assert int(response.headers["x-stopline-removed-opted-out"]) > 0
