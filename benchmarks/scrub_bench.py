"""Benchmark: `stopline scrub` of a 10M-row list against a 1M-number suppression list, beside
a DuckDB anti-join on the same already-normalised files, measured in the same run.

    python -m benchmarks.scrub_bench [--rows 10000000] [--suppressed 1000000] [--runs 2]

Data is generated deterministically (fixed seeds) into --workdir and reused when present:
contacts_e164.csv (every number in E.164), contacts_mixed.csv (the same rows with the numbers
in seven national and international shapes, 0.2 % non-North-American), suppressed.csv (the
normalised list DuckDB reads) and stopline.db (the same list recorded through the ledger, which
the scrub reads). Each measured job runs in its own process; its peak memory is the child's
maximum resident set size. Targets (issue 5): E.164 within 1.5x of DuckDB, mixed within 3x,
peak memory under 1 GB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import polars as pl

FORMATS = [
    "+1{a}{e}{l}",
    "({a}) {e}-{l}",
    "{a}.{e}.{l}",
    "1-{a}-{e}-{l}",
    "+1 {a} {e} {l}",
    "{a}-{e}-{l}",
    "{a}{e}{l}",
]


def generate(workdir: Path, rows: int, suppressed: int) -> None:
    workdir.mkdir(parents=True, exist_ok=True)
    stamp = workdir / f"done-{rows}-{suppressed}"
    if stamp.exists():
        return
    print(f"generating {rows:,} rows and {suppressed:,} suppressions in {workdir}", flush=True)
    rng = np.random.default_rng(20260101)
    area = rng.integers(200, 1000, rows)
    exchange = rng.integers(200, 1000, rows)
    line = rng.integers(0, 10_000, rows)
    shape = rng.integers(0, len(FORMATS), rows)
    foreign = rng.random(rows) < 0.002
    frame = pl.DataFrame({"area": area, "exch": exchange, "line": line, "shape": shape})
    a, e = pl.col("area").cast(pl.String), pl.col("exch").cast(pl.String)
    ln = pl.col("line").cast(pl.String).str.zfill(4)
    uk = pl.Series(foreign)
    e164 = pl.when(uk).then(pl.format("+44207946{}", ln)).otherwise(pl.format("+1{}{}{}", a, e, ln))
    mixed = pl.when(uk).then(pl.format("+44 20 7946 {}", ln))
    for index, fmt in enumerate(FORMATS):
        pieces = fmt.replace("{a}", "\0a\0").replace("{e}", "\0e\0").replace("{l}", "\0l\0")
        parts = [p for p in pieces.split("\0") if p]
        exprs = [{"a": a, "e": e, "l": ln}.get(p, pl.lit(p)) for p in parts]
        mixed = mixed.when(pl.col("shape") == index).then(pl.concat_str(exprs))
    frame = frame.with_columns(
        id=pl.int_range(rows),
        first_name=pl.lit("Alex"),
        e164=e164,
        mixed=mixed.otherwise(pl.lit("")),
        email=pl.format("user{}@example.com", pl.int_range(rows)),
        plan=pl.lit("gold"),
    )
    for kind in ("e164", "mixed"):
        frame.select("id", "first_name", pl.col(kind).alias("phone"), "email", "plan").write_csv(
            workdir / f"contacts_{kind}.csv"
        )
    # half of the suppressed numbers are on the list, half are not
    on_list = frame["e164"].unique().sample(suppressed // 2, seed=7)
    extra = pl.DataFrame(
        {
            "a": rng.integers(200, 1000, suppressed),
            "e": rng.integers(200, 1000, suppressed),
            "l": rng.integers(0, 10_000, suppressed),
        }
    ).select(pl.format("+1{}{}{}", "a", "e", pl.col("l").cast(pl.String).str.zfill(4)))
    numbers = pl.concat([on_list, extra.to_series().alias("e164")]).unique().head(suppressed)
    pl.DataFrame({"number": numbers}).write_csv(workdir / "suppressed.csv")
    _record(workdir / "stopline.db", numbers.to_list())
    stamp.touch()


def _record(path: Path, numbers: list[str]) -> None:
    """Record the opt-outs through the ledger (events, hash chains, projection)."""
    from stopline.domain.consent import ORGANISATION, ConsentDraft, Kind, Source
    from stopline.services.ledger import record
    from stopline.storage import migrate
    from stopline.storage.engine import create_database_engine

    path.unlink(missing_ok=True)
    engine = create_database_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    now = datetime.now(UTC)
    started = time.perf_counter()
    for start in range(0, len(numbers), 20_000):
        drafts = [
            ConsentDraft(n, Kind.OPT_OUT, Source.IMPORT, now, ORGANISATION)
            for n in numbers[start : start + 20_000]
        ]
        with engine.begin() as conn:
            record(conn, drafts, now)
    engine.dispose()
    print(f"recorded {len(numbers):,} opt-outs in {time.perf_counter() - started:.0f} s")


@dataclass
class Measured:
    seconds: float
    peak_mb: float
    rows_out: int


def measure(argv: list[str], output: Path) -> Measured:
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        assert process.stderr is not None
        sys.exit(f"{argv} failed:\n{process.stderr.read().decode()}")
    with output.open("rb") as handle:
        rows_out = sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 24), b"")) - 1
    return Measured(seconds, usage.ru_maxrss / 1024, rows_out)


def duckdb_job(workdir: Path, output: Path) -> None:
    import duckdb

    contacts, suppressed = workdir / "contacts_e164.csv", workdir / "suppressed.csv"
    query = (  # the paths are the benchmark's own files
        f"COPY (SELECT c.* FROM read_csv('{contacts}', all_varchar = true) c "
        f"ANTI JOIN read_csv('{suppressed}', all_varchar = true) s ON c.phone = s.number) "
        f"TO '{output}' (HEADER)"
    )
    duckdb.connect().execute(query)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--suppressed", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/stopline-scrub-bench"))
    parser.add_argument("--duckdb-job", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    workdir: Path = args.workdir
    if args.duckdb_job:
        duckdb_job(workdir, args.duckdb_job)
        return
    generate(workdir, args.rows, args.suppressed)
    stopline = Path(sys.executable).with_name("stopline")
    env_db = f"sqlite:///{workdir / 'stopline.db'}"
    os.environ["STOPLINE_DATABASE_URL"] = env_db
    jobs = {
        "duckdb anti-join (E.164)": (
            [sys.executable, "-m", "benchmarks.scrub_bench", "--workdir", str(workdir)],
            "--duckdb-job",
        ),
        "stopline scrub (E.164)": (
            [str(stopline), "scrub", str(workdir / "contacts_e164.csv")],
            "-o",
        ),
        "stopline scrub (mixed)": (
            [str(stopline), "scrub", str(workdir / "contacts_mixed.csv")],
            "-o",
        ),
    }
    results: dict[str, list[Measured]] = {name: [] for name in jobs}
    for run in range(args.runs):  # interleaved, so a busy moment hits every job alike
        for name, (argv, flag) in jobs.items():
            output = workdir / f"out-{len(results[name])}-{name.split()[0]}.csv"
            measured = measure([*argv, flag, str(output)], output)
            results[name].append(measured)
            output.unlink()
            print(
                f"run {run + 1}  {name:<26} {measured.seconds:7.2f} s  "
                f"peak {measured.peak_mb:6.0f} MB  rows out {measured.rows_out:,}",
                flush=True,
            )
    best = {name: min(r.seconds for r in runs) for name, runs in results.items()}
    baseline = "duckdb anti-join (E.164)"
    base = best[baseline]
    print(f"\n{args.rows:,} rows against {args.suppressed:,} suppressed numbers ({args.runs} runs)")
    print(f"{'job':<28}{'best s':>8}{'x DuckDB':>10}{'median x':>10}{'peak MB':>9}  target")
    targets = {"stopline scrub (E.164)": 1.5, "stopline scrub (mixed)": 3.0}
    for name, runs in results.items():
        ratio = best[name] / base
        # the same run's DuckDB time: a busy moment slows both
        paired = statistics.median(
            r.seconds / d.seconds for r, d in zip(runs, results[baseline], strict=True)
        )
        peak = max(r.peak_mb for r in runs)
        target = targets.get(name)
        verdict = (
            ""
            if target is None
            else (
                f"<= {target}x {'met' if max(ratio, paired) <= target else 'MISSED'}; "
                f"< 1024 MB {'met' if peak < 1024 else 'MISSED'}"
            )
        )
        print(f"{name:<28}{best[name]:8.2f}{ratio:10.2f}{paired:10.2f}{peak:9.0f}  {verdict}")
    counts = {r.rows_out for runs in results.values() for r in runs}
    print("same rows out in every job:", "yes" if len(counts) == 1 else f"NO {sorted(counts)}")


if __name__ == "__main__":
    main()
