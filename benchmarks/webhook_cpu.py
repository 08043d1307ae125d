"""Where the webhook's CPU goes: the server alone under `wrk`, and the CPU each process
spends per request (the server's event loop, its inbound writer child, `wrk` itself).

    .venv/bin/python -m benchmarks.webhook_cpu [--seconds 8] [--rounds 3] [--connections 32]
                                               [--log-level INFO]

On a machine with few cores the three share the CPUs, so throughput is the machine's CPU
divided by what all three spend per request; this prints that split per round. Compare two
versions of the code within minutes of each other (alternating), never separate days: the
figures move with the machine's own speed (docs/performance.md, "Where the CPU goes").
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.http_bench import (
    HERE,
    TOKEN,
    Served,
    free_port,
    request_file,
    twilio_requests,
)

PER_ROUND = 60_000  # prepared requests per round (each a new message)


def cpu_seconds(pid: int) -> float:
    """User plus system CPU of ``pid`` so far (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=int, default=8, help="length of each round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument(
        "--log-level",
        default="INFO",
        help="the server's STOPLINE_LOG_LEVEL (default INFO, Stopline's own: every consent "
        "change is logged); the log goes to a file that is removed afterwards",
    )
    opts = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install wrk")
    tmp = Path(tempfile.mkdtemp(prefix="stopline-cpu-"))
    port = free_port()
    env = {
        **os.environ,
        "STOPLINE_DATABASE_URL": f"sqlite:///{tmp / 'bench.db'}",
        "STOPLINE_TWILIO_AUTH_TOKEN": TOKEN,
        "STOPLINE_BRAND_NAME": "Bench",
        "STOPLINE_HELP_CONTACT": "help@bench.example",
        "STOPLINE_LOG_LEVEL": opts.log_level.upper(),
        "STOPLINE_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PYTHONPATH": str(HERE.parent),
    }
    upgrade = [sys.executable, "-m", "stopline", "db", "upgrade"]
    subprocess.run(upgrade, env=env, check=True, capture_output=True)
    target = ["--factory", "stopline.api.app:create_app_from_env"]
    server = Served(target, env, port, tmp / "stopline.log")
    try:
        found = subprocess.run(
            ["pgrep", "-P", str(server.proc.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        writer = int(found[0]) if found else None  # the inbound writer process
        hooks = twilio_requests(server.url, PER_ROUND * opts.rounds)
        print(f"{'round':>5} {'req/s':>8} {'server':>10} {'writer':>10} {'wrk':>10}  busy")
        for r in range(opts.rounds):
            requests = request_file(
                tmp / f"round{r}.txt", hooks[r * PER_ROUND : (r + 1) * PER_ROUND]
            )
            before = (cpu_seconds(server.proc.pid), cpu_seconds(writer) if writer else 0.0)
            load_before = children_cpu()
            out = subprocess.run(
                [
                    "wrk", "-t1", f"-c{opts.connections}", f"-d{opts.seconds}s",
                    "-s", str(HERE / "wrk_cycle.lua"), server.url, "--", str(requests),
                ],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            load = children_cpu() - load_before
            spent_server = cpu_seconds(server.proc.pid) - before[0]
            spent_writer = (cpu_seconds(writer) - before[1]) if writer else 0.0
            found_rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
            rps = float(found_rps.group(1)) if found_rps else 0.0
            n = max(rps * opts.seconds, 1.0)
            s = opts.seconds
            per = [f"{1e6 * spent / n:>7.1f} µs" for spent in (spent_server, spent_writer, load)]
            print(
                f"{r:>5} {rps:>8.0f} {' '.join(per)}  server {spent_server / s:.2f}, writer "
                f"{spent_writer / s:.2f}, wrk {load / s:.2f} of a CPU",
                flush=True,
            )
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
