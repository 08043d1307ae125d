"""HTTP benchmark: Stopline's webhook and send-gate paths against a minimal ASGI endpoint
served the same way (uvicorn, one worker, httptools + uvloop, no access log), in one run.

    .venv/bin/python -m benchmarks.http_bench [--duration 5] [--rounds 3] [--connections 32]
                                              [--log-level INFO] [--only SCENARIO ...]

Both servers stay up for the whole run. Each scenario runs in rounds that alternate with the
baseline (baseline, scenario, baseline, scenario, ...), and its ratio is the median of the
rounds' ratios, so a machine whose speed drifts during the run (a shared VM) moves both
sides of each ratio alike. Needs `wrk` (Debian: apt-get install wrk). Prints a table of
requests/s, latency and the ratio to the baseline, and writes benchmarks/results/http.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
TOKEN = "benchmark-twilio-auth-token-0123456789"
SCENARIOS = ("webhook", "check", "batch", "batch_national_format")
UVICORN = ["--http", "httptools", "--loop", "uvloop", "--no-access-log", "--log-level", "warning"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


class Served:
    def __init__(
        self,
        target: list[str],
        env: dict[str, str],
        port: int | None = None,
        log: Path | None = None,
    ) -> None:
        """``log``: where the server's output goes (else this terminal)."""
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        with log.open("ab") if log is not None else contextlib.nullcontext() as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", *target, "--port", str(self.port), *UVICORN],
                env=env,
                cwd=HERE.parent,
                stdout=out,
                stderr=out,
            )
        wait_ready(self.url + "/healthz")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def wrk(
    url: str, script: Path | None, args: list[str], duration: int, conns: int
) -> dict[str, float]:
    cmd = ["wrk", "-t1", f"-c{conns}", f"-d{duration}s", "--latency"]
    if script is not None:
        cmd += ["-s", str(script)]
    cmd += [url]
    if args:
        cmd += ["--", *args]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)

    def pct(p: str) -> float:
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        if m is None:
            return float("nan")
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    return {
        "rps": rps,
        "p50_ms": pct("50"),
        "p99_ms": pct("99"),
        "non_2xx": float(errors.group(1)) if errors else 0.0,
    }


def request_file(path: Path, lines: list[tuple[str, str, dict[str, str], str]]) -> Path:
    with path.open("w") as f:
        for method, target, headers, body in lines:
            h = "|".join(f"{k}={v}" for k, v in headers.items())
            f.write(f"{method}\t{target}\t{h}\t{body}\n")
    return path


def twilio_requests(base: str, count: int) -> list[tuple[str, str, dict[str, str], str]]:
    from twilio.request_validator import RequestValidator

    validator = RequestValidator(TOKEN)
    out = []
    bodies = ["STOP", "Stop.", "STOP", "HELP", "What time do you open?", "stop", "START", "STOP"]
    for i in range(count):
        form = {
            "MessageSid": f"SMbench{i:010d}",
            "AccountSid": "AC" + "0" * 32,
            "From": webhook_number(i),
            "To": "+14155550199",
            "Body": bodies[i % len(bodies)],
            "NumMedia": "0",
            "NumSegments": "1",
            "SmsStatus": "received",
            "ApiVersion": "2010-04-01",
        }
        signature = validator.compute_signature(f"{base}/webhooks/twilio", form)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": signature,
        }
        out.append(("POST", "/webhooks/twilio", headers, urlencode(form)))
    return out


def webhook_number(i: int) -> str:
    return f"+1{212 + i % 700:03d}{555 + i % 300:03d}{i % 10000:04d}"


def batch_numbers() -> list[str]:
    """10,000 numbers of which 5% (500) texted STOP during the webhook run (request
    indexes that are multiples of 8 carry "STOP"); the rest never texted (exchanges 200-499
    never occur among the webhook senders)."""
    return [
        webhook_number((j // 20) * 8)
        if j % 20 == 0
        else f"+1{212 + j % 700:03d}{200 + j % 300:03d}{j:04d}"
        for j in range(10_000)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds per round")
    parser.add_argument("--rounds", type=int, default=3, help="baseline/scenario pairs")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file")
    parser.add_argument(
        "--log-level",
        default="INFO",
        help="Stopline's STOPLINE_LOG_LEVEL (default INFO, Stopline's own default: every "
        "consent change is logged); its log goes to a file in the run's folder",
    )
    parser.add_argument(
        "--only", choices=SCENARIOS, action="append", help="run only these scenarios (repeatable)"
    )
    opts = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    tmp = Path(tempfile.mkdtemp(prefix="stopline-bench-"))
    db = opts.database_url or f"sqlite:///{tmp / 'bench.db'}"
    env = {
        **os.environ,
        "STOPLINE_DATABASE_URL": db,
        "STOPLINE_TWILIO_AUTH_TOKEN": TOKEN,
        "STOPLINE_BRAND_NAME": "Bench",
        "STOPLINE_HELP_CONTACT": "help@bench.example",
        "STOPLINE_LOG_LEVEL": opts.log_level.upper(),
        "PYTHONPATH": str(HERE.parent),
    }
    subprocess.run(
        [sys.executable, "-m", "stopline", "db", "upgrade"],
        env=env,
        check=True,
        capture_output=True,
    )
    key = (
        subprocess.run(
            [
                sys.executable,
                "-m",
                "stopline",
                "keys",
                "create",
                "--name",
                "bench",
                "--scope",
                "admin",
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    d, c, rounds = opts.duration, opts.connections, opts.rounds
    chosen = opts.only or list(SCENARIOS)

    def split(items: list[Any]) -> list[list[Any]]:
        return [items[r::rounds] for r in range(rounds)]

    results: dict[str, Any] = {"connections": c, "duration_s": d, "rounds": rounds}

    port = free_port()  # signatures cover the public URL, so it is fixed before signing
    env["STOPLINE_PUBLIC_URL"] = f"http://127.0.0.1:{port}"
    baseline = Served(["benchmarks.minimal_app:app"], env)
    stopline: Served | None = None
    try:
        stopline = Served(
            ["--factory", "stopline.api.app:create_app_from_env"], env, port, tmp / "stopline.log"
        )
        script = HERE / "wrk_cycle.lua"

        def paired(runs: list[tuple[Path, int]]) -> dict[str, Any]:
            """One round per request file: the baseline, then the scenario."""
            measured = []
            for requests_file, conns in runs:
                base = wrk(baseline.url + "/", None, [], d, c)
                mine = wrk(stopline.url, script, [str(requests_file)], d, conns)  # type: ignore[union-attr]
                # the minimal endpoint sent the scenario's own requests (same wrk script, same
                # bodies, same connections): what Stopline's handling costs beyond HTTP and wrk
                same = wrk(baseline.url, script, [str(requests_file)], d, conns)
                measured.append(
                    {
                        **mine,
                        "baseline_rps": base["rps"],
                        "ratio": mine["rps"] / base["rps"],
                        "same_requests_baseline_rps": same["rps"],
                        "same_requests_ratio": mine["rps"] / same["rps"],
                    }
                )
            return {
                **{k: statistics.median(r[k] for r in measured) for k in measured[0]},
                "non_2xx": sum(r["non_2xx"] for r in measured),
                "each": measured,
            }

        auth = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        # each round sends webhooks never sent before (a retry would be answered from storage)
        if "webhook" in chosen:
            hooks = twilio_requests(stopline.url, 40_000 * rounds)
            results["webhook"] = paired(
                [(request_file(tmp / f"twilio{r}.txt", h), c) for r, h in enumerate(split(hooks))]
            )
        singles = [
            (
                "POST",
                "/v1/check",
                auth,
                json.dumps({"number": f"+1{212 + i % 700:03d}{555 + i % 300:03d}{i % 10000:04d}"}),
            )
            for i in range(10_000)
        ]
        check_file = request_file(tmp / "check.txt", singles)
        if "check" in chosen:
            results["check"] = paired([(check_file, c)] * rounds)
        numbers = batch_numbers()
        batch = [("POST", "/v1/check/batch", auth, json.dumps({"numbers": numbers}))]
        batch_file = request_file(tmp / "batch.txt", batch)
        if "batch" in chosen:
            results["batch"] = paired([(batch_file, min(c, 4))] * rounds)
        messy = [f"({n[2:5]}) {n[5:8]}-{n[8:]}" for n in numbers]
        batch_messy = [("POST", "/v1/check/batch", auth, json.dumps({"numbers": messy}))]
        messy_file = request_file(tmp / "batch2.txt", batch_messy)
        if "batch_national_format" in chosen:
            results["batch_national_format"] = paired([(messy_file, min(c, 4))] * rounds)
        with httpx.Client(base_url=stopline.url, headers=auth) as client:
            metrics = client.get("/metrics").text
        sizes = re.search(r"stopline_commit_batch_size_sum ([\d.e+]+)", metrics)
        counts = re.search(r"stopline_commit_batch_size_count ([\d.e+]+)", metrics)
        if sizes and counts and float(counts.group(1)):
            results["mean_commit_batch"] = float(sizes.group(1)) / float(counts.group(1))
    finally:
        baseline.stop()
        if stopline is not None:
            stopline.stop()

    every_base = [r["baseline_rps"] for k in chosen for r in results[k]["each"]]
    results["baseline"] = {"rps": statistics.median(every_base)}
    rows = [
        ("POST /webhooks/twilio (signed, mixed STOP/HELP/other)", results.get("webhook"), 1),
        ("POST /v1/check (single number)", results.get("check"), 1),
        ("POST /v1/check/batch (10,000 E.164, 5% opted out)", results.get("batch"), 10_000),
        ("POST /v1/check/batch (same, national format)", results.get(SCENARIOS[3]), 10_000),
    ]
    print(
        f"\n{'scenario':55} {'req/s':>8} {'numbers/s':>10} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'baseline':>9} {'ratio':>6} {'same-req':>9} {'ratio':>6}"
    )
    for name, r, per in rows:
        if r is None:
            continue
        print(
            f"{name:55} {r['rps']:8.0f} {r['rps'] * per:10.0f} {r['p50_ms']:7.2f} "
            f"{r['p99_ms']:7.2f} {r['baseline_rps']:9.0f} {r['ratio']:6.2f} "
            f"{r['same_requests_baseline_rps']:9.0f} {r['same_requests_ratio']:6.2f}"
        )
    print(
        f"medians of {rounds} rounds of {d} s; 'baseline' is the minimal endpoint's req/s for a"
        " bare GET in the rounds paired with each scenario, 'same-req' the minimal endpoint's"
        " req/s for the scenario's own requests (same wrk script, bodies and connections)"
    )
    if "mean_commit_batch" in results:
        print(f"mean group-commit batch: {results['mean_commit_batch']:.1f} requests per fsync")
    print(f"Stopline logged at {opts.log_level.upper()} to {tmp / 'stopline.log'}")
    results["log_level"] = opts.log_level.upper()
    RESULTS.mkdir(exist_ok=True)
    name = "http.json" if len(chosen) == len(SCENARIOS) else "http-partial.json"
    (RESULTS / name).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
