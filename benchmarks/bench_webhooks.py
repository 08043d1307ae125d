"""Webhook cost per provider, in process: a real app on a fresh SQLite file, requests signed
beforehand (signing is not timed), each STOP from a new number so each one writes an event.

Prints requests/s per provider and the ratio to the Twilio route measured in the same run.
``--baseline-src /path/to/other/src`` also measures that checkout's Twilio route (for example
main's, before the provider generalisation) in a subprocess, in the same run.

    .venv/bin/python benchmarks/bench_webhooks.py --requests 1500 --baseline-src ../main/src
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

Signed = tuple[bytes, dict[str, str]]


def twilio_call(token: str, i: int) -> Signed:
    from twilio.request_validator import RequestValidator

    form = {
        "MessageSid": f"SM{i:032d}",
        "AccountSid": "AC" + "0" * 32,
        "From": f"+1415{2000000 + i:07d}",
        "To": "+14155550199",
        "Body": "STOP",
        "NumMedia": "0",
    }
    url = "https://sms.example.com/webhooks/twilio"
    signature = RequestValidator(token).compute_signature(url, form)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
    return urlencode(form).encode(), headers


def builders(token: str) -> dict[str, Callable[[int], Signed]]:
    found: dict[str, Callable[[int], Signed]] = {"twilio": lambda i: twilio_call(token, i)}
    try:
        from tests import provider_payloads as p
    except ImportError:  # a checkout without the other providers
        return found

    def person(i: int) -> str:
        return f"+1415{2000000 + i:07d}"

    def with_person(make: Callable[[str], Signed]) -> Callable[[int], Signed]:
        def build(i: int) -> Signed:
            p.PERSON = person(i)  # the payload builders read the module constant
            return make(f"M{i:08d}")

        return build

    found["telnyx"] = with_person(p.telnyx_stop)
    found["vonage"] = with_person(p.vonage_stop)
    found["plivo"] = with_person(
        lambda mid: p.plivo_v3(p.plivo_params(mid), "https://sms.example.com/webhooks/plivo")
    )
    found["bandwidth"] = with_person(p.bandwidth_stop)
    found["sinch"] = with_person(p.sinch_stop)
    found["generic"] = with_person(p.generic_stop)
    return found


def measure(names: list[str], requests: int) -> dict[str, float]:
    from fastapi.testclient import TestClient

    from stopline import bootstrap
    from stopline.api.app import create_app
    from stopline.config import Settings

    token = "12345678901234567890123456789012"
    extra: dict[str, object] = {}
    try:
        from tests.provider_payloads import provider_settings

        extra = {**provider_settings(), "outbox_worker": False}
        extra.pop("twilio_auth_token")
    except ImportError:
        pass
    rates: dict[str, float] = {}
    build = builders(token)
    for name in names:
        if name not in build:
            continue
        calls = [build[name](i) for i in range(requests)]
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(
                database_url=f"sqlite:///{tmp}/bench.db",
                public_url="https://sms.example.com",
                twilio_auth_token=token,  # type: ignore[arg-type]
                log_level="WARNING",
                **extra,  # type: ignore[arg-type]
            )
            graph = bootstrap.build(settings)
            with TestClient(create_app(app_graph=graph), base_url="https://sms.example.com") as c:
                for body, headers in calls[:50]:  # warm-up
                    c.post(f"/webhooks/{name}", content=body, headers=headers)
                started = time.perf_counter()
                for body, headers in calls[50:]:
                    answer = c.post(f"/webhooks/{name}", content=body, headers=headers)
                    assert answer.status_code == 200, answer.text
                elapsed = time.perf_counter() - started
            graph.close()
        rates[name] = (requests - 50) / elapsed
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--baseline-src", type=Path, default=None)
    parser.add_argument("--only", default="")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--rounds", type=int, default=3, help="alternate runs; medians shown")
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or [
        "twilio",
        "telnyx",
        "vonage",
        "plivo",
        "bandwidth",
        "sinch",
        "generic",
    ]
    if args.json:
        print(json.dumps(measure(names, args.requests)))
        return
    # Alternate this checkout and the baseline so that load from other processes on the
    # machine falls on both alike; report medians.
    runs: list[dict[str, float]] = []
    baselines: list[float] = []
    for _ in range(args.rounds):
        if args.baseline_src is not None:
            baselines.append(_baseline(args.baseline_src, args.requests))
        runs.append(measure(names, args.requests))
    rates = {name: statistics.median(r[name] for r in runs) for name in runs[0]}
    baseline = statistics.median(baselines) if baselines else None
    twilio = rates["twilio"]
    print(f"{'provider':<12}{'req/s':>10}{'vs twilio':>12}")
    for name, rate in rates.items():
        print(f"{name:<12}{rate:>10.0f}{rate / twilio:>12.2f}")
    if baseline is not None:
        print(
            f"baseline twilio (--baseline-src): {baseline:.0f} req/s; "
            f"this checkout's twilio / baseline = {twilio / baseline:.2f}"
        )


def _baseline(src: Path, requests: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    script = [sys.executable, __file__, "--only", "twilio", "--json"]
    out = subprocess.run(
        [*script, "--requests", str(requests)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=src,
    )
    return float(json.loads(out.stdout.strip().splitlines()[-1])["twilio"])


if __name__ == "__main__":
    main()
