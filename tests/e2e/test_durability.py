"""An acknowledged opt-out survives SIGKILL, and replaying everything changes nothing."""

from __future__ import annotations

import asyncio
import json
import signal

import httpx

from tests.conftest import TWILIO_TOKEN
from tests.e2e.conftest import Server
from tests.helpers import twilio_form, twilio_signed

BURST = 600
CONCURRENCY = 32
KILL_AFTER = 150


def requests_for(server: Server) -> list[tuple[str, bytes, dict[str, str]]]:
    url = f"{server.url}/webhooks/twilio"
    out = []
    for i in range(BURST):
        number = f"+1415666{i:04d}"
        body, headers = twilio_signed(
            TWILIO_TOKEN, twilio_form(f"SMkill{i:05d}", "STOP", number), url
        )
        out.append((number, body, headers))
    return out


async def burst(
    server: Server, requests: list[tuple[str, bytes, dict[str, str]]], kill_after: int | None
) -> set[str]:
    """Send all requests, 32 at a time; SIGKILL the server after ``kill_after`` 200s."""
    answered: set[str] = set()
    queue: asyncio.Queue[tuple[str, bytes, dict[str, str]]] = asyncio.Queue()
    for item in requests:
        queue.put_nowait(item)

    async def worker(client: httpx.AsyncClient) -> None:
        while not queue.empty():
            number, body, headers = queue.get_nowait()
            try:
                response = await client.post(
                    f"{server.url}/webhooks/twilio", content=body, headers=headers
                )
            except httpx.HTTPError:
                continue
            if response.status_code == 200 and "<Message>" in response.text:
                answered.add(number)
                if kill_after is not None and len(answered) == kill_after:
                    server.kill(signal.SIGKILL)

    limits = httpx.Limits(max_connections=CONCURRENCY)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:
        await asyncio.gather(*(worker(client) for _ in range(CONCURRENCY)))
    return answered


def test_sigkill_mid_burst_loses_no_acknowledged_opt_out(server: Server) -> None:
    server.start()
    requests = requests_for(server)
    answered = asyncio.run(burst(server, requests, KILL_AFTER))
    assert server.process is not None and server.process.returncode == -signal.SIGKILL
    assert KILL_AFTER <= len(answered) < BURST

    server.start()
    key = server.new_key("check")
    auth = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=server.url, headers=auth, timeout=30) as client:
        numbers = [number for number, _, _ in requests]
        results = client.post("/v1/check/batch", json={"numbers": numbers}).json()["results"]
        blocked = {r["number"] for r in results if not r["allowed"]}
        assert answered <= blocked, f"lost {len(answered - blocked)} acknowledged opt-outs"

        asyncio.run(burst(server, requests, None))  # replay every webhook, same MessageSids
        results = client.post("/v1/check/batch", json={"numbers": numbers}).json()["results"]
        assert all(not r["allowed"] for r in results)
        for number in numbers[:: BURST // 40] + sorted(answered)[:20]:
            events = client.get(f"/v1/contacts/{number}").json()["events"]
            assert [e["kind"] for e in events] == ["opt_out"], number
    verify = server.cli("ledger", "verify")
    assert verify.returncode == 0, verify.stderr
    assert f"{BURST} events" in verify.stdout


def test_sigterm_finishes_in_flight_work_and_exits_cleanly(server: Server) -> None:
    server.start()
    requests = requests_for(server)[:200]
    answered = asyncio.run(burst_then_term(server, requests))
    # uvicorn shuts down gracefully, then re-raises SIGTERM so the exit status tells why
    assert server.process is not None and server.process.returncode in (0, -signal.SIGTERM)
    assert "Application shutdown complete" in server.log_path.read_text()
    server.start()
    key = server.new_key("check")
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}) as client:
        numbers = sorted(answered)
        results = client.post("/v1/check/batch", json={"numbers": numbers}).json()["results"]
        assert all(not r["allowed"] for r in results)


async def burst_then_term(
    server: Server, requests: list[tuple[str, bytes, dict[str, str]]]
) -> set[str]:
    answered: set[str] = set()

    async def one(
        client: httpx.AsyncClient, number: str, body: bytes, headers: dict[str, str]
    ) -> None:
        try:
            response = await client.post(
                f"{server.url}/webhooks/twilio", content=body, headers=headers
            )
        except httpx.HTTPError:
            return
        if response.status_code == 200:
            answered.add(number)

    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=CONCURRENCY), timeout=30) as c:
        tasks = [asyncio.create_task(one(c, *r)) for r in requests]
        await asyncio.sleep(0.2)
        server.kill(signal.SIGTERM)
        await asyncio.gather(*tasks)
    return answered


def test_each_opt_out_is_logged_once_by_the_writer_process(server: Server) -> None:
    """The inbound writer process logs each consent change after answering (off the
    server's event loop); retries log nothing; numbers are masked."""
    server.start()
    with httpx.Client(timeout=30) as client:
        for number, body, headers in requests_for(server)[:5] * 2:  # each sent twice
            response = client.post(f"{server.url}/webhooks/twilio", content=body, headers=headers)
            assert response.status_code == 200, number
    server.kill(signal.SIGTERM)  # the writer logs what it committed before it exits
    log = server.log_path.read_text()
    logged = [json.loads(line) for line in log.splitlines() if "consent change recorded" in line]
    assert len(logged) == 5 and len({r["event_id"] for r in logged}) == 5
    assert {(r["logger"], r["provider"], r["outcome"]) for r in logged} == {
        ("stopline.inbound", "twilio", "opted_out")
    }
    assert "+1415666" not in log
    assert sorted(r["number"][-2:] for r in logged) == ["00", "01", "02", "03", "04"]
    assert all(r["number"].startswith("+") and "666" not in r["number"] for r in logged)
