"""market-data under a flood while the exchanges fail: 400 concurrent requests, distinct symbols.

Run: .venv/bin/python bench/market_data_overload.py [--baseline-ref REF] [--requests 400]
     [--bursts 2]
Setup, all on 127.0.0.1: the fake exchange (tests/fakes/exchange.py) as its own process with
binance answering HTTP 500, bybit slow (5 s, past every timeout) and okx hanging up; the
service as a process pinned to CPU 0; 400 clients on CPU 1, each on its own connection,
sending GET /price/<distinct symbol> all at once, while one more client asks /health every
100 ms; then a second such burst (new symbols) on the same process, which meets the circuit
breakers that the first one opened.
Baseline in the same run: the same service as of --baseline-ref (default: the last commit
before load shedding), extracted with `git archive` and run the same way.
Figures per run: client latency p50/p99/max, the share answered 503 (with Retry-After), the
service's CPU seconds over the burst, its RSS after, and /health latency during the burst.
Goal (issue 8): every request answered within 2 s, /health fast, RSS under 96 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.services_common import (
    PY,
    REPO,
    exchange_env,
    fake_exchange,
    free_port,
    pct,
    rss_mb,
    start,
    stop,
)

# The last commit on main before admission control and the bounded pool.
BASELINE_REF = "92b2664"
MODES = {"binance": "error", "bybit": "slow", "okx": "hangup"}
CLIENT_TIMEOUT = 60.0  # a request unanswered by then counts as not answered


@dataclass
class Run:
    label: str
    latencies: list[float] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    retry_after: int = 0
    health: list[float] = field(default_factory=list)
    health_failed: int = 0
    cpu_s: float = 0.0
    rss_mb: float = 0.0
    wall_s: float = 0.0


def cpu_seconds(pid: int) -> float:
    """utime + stime of `pid` from /proc, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def checkout(ref: str) -> Iterator[Path]:
    """`services/` as of `ref`, in a temporary folder that can run `python -m services...`."""
    data = subprocess.run(["git", "archive", ref, "services"], cwd=REPO, check=True,
                          capture_output=True).stdout
    with tempfile.TemporaryDirectory(prefix="md-baseline-") as tmp:
        with tarfile.open(fileobj=BytesIO(data)) as tar:
            tar.extractall(tmp, filter="data")
        yield Path(tmp)


async def one(port: int, symbol: str, run: Run) -> None:
    t0 = time.perf_counter()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"GET /price/{symbol} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                     .encode())
        raw = await asyncio.wait_for(reader.read(), CLIENT_TIMEOUT)
        writer.close()
        head = raw.split(b"\r\n\r\n", 1)[0].lower()
        status = int(head.split(b" ", 2)[1])
    except (OSError, TimeoutError, IndexError, ValueError):
        status = 0
        head = b""
    run.latencies.append(time.perf_counter() - t0)
    run.statuses.append(status)
    if b"\r\nretry-after:" in head:
        run.retry_after += 1


async def health_probe(url: str, run: Run, done: asyncio.Event) -> None:
    async with httpx.AsyncClient(timeout=CLIENT_TIMEOUT) as client:
        while not done.is_set():
            t0 = time.perf_counter()
            try:
                ok = (await client.get(url)).status_code == 200
            except httpx.HTTPError:
                ok = False
            run.health.append(time.perf_counter() - t0)
            run.health_failed += not ok
            await asyncio.sleep(0.1)


def burst(port: int, pid: int, count: int, run: Run, tag: str) -> None:
    symbols = [f"Q{tag}{i:04d}" for i in range(count)]

    async def main() -> None:
        done = asyncio.Event()
        probe = asyncio.create_task(health_probe(f"http://127.0.0.1:{port}/health", run, done))
        await asyncio.sleep(0.05)
        await asyncio.gather(*(one(port, s, run) for s in symbols))
        done.set()
        await probe

    cpu0, t0 = cpu_seconds(pid), time.perf_counter()
    asyncio.run(main())
    run.wall_s = time.perf_counter() - t0
    run.cpu_s = cpu_seconds(pid) - cpu0
    run.rss_mb = rss_mb(pid)


def measure(label: str, cwd: Path, fx_url: str, count: int, bursts: int) -> list[Run]:
    """`bursts` floods one after another on one service process, each with new symbols."""
    port = free_port()
    proc = start([PY, "-m", "services.market_data"],
                 {**exchange_env(fx_url), "MARKET_DATA_PORT": str(port),
                  "PYTHONPATH": str(cwd)},
                 f"http://127.0.0.1:{port}/health", cpu=0, cwd=cwd)
    runs = []
    try:
        for n in range(bursts):
            runs.append(Run(f"{label} #{n + 1}"))
            burst(port, proc.pid, count, runs[-1], f"{label[0].upper()}{n}")
    finally:
        stop(proc)
    return runs


def report(runs: list[Run]) -> None:
    def row(name: str, values: list[str]) -> None:
        print(f"{name:34s}" + "".join(f"{v:>19s}" for v in values))

    row("", [r.label for r in runs])
    row("requests answered (any status)", [f"{sum(s > 0 for s in r.statuses)}/"
                                           f"{len(r.statuses)}" for r in runs])
    row("200 (partial answers)", [str(r.statuses.count(200)) for r in runs])
    row("503 share", [f"{r.statuses.count(503) / len(r.statuses):.0%}" for r in runs])
    row("503 with Retry-After", [f"{r.retry_after}/{r.statuses.count(503)}" for r in runs])
    row("other statuses", [str(sorted({s for s in r.statuses if s not in (200, 503)}))
                           for r in runs])
    row("latency p50", [f"{pct(r.latencies, 50) * 1000:.0f} ms" for r in runs])
    row("latency p99", [f"{pct(r.latencies, 99) * 1000:.0f} ms" for r in runs])
    row("latency max", [f"{max(r.latencies) * 1000:.0f} ms" for r in runs])
    row("answered within 2 s", [f"{sum(t <= 2 for t in r.latencies) / len(r.latencies):.0%}"
                                for r in runs])
    row("burst wall time", [f"{r.wall_s:.1f} s" for r in runs])
    row("service CPU seconds in the burst", [f"{r.cpu_s:.2f} s" for r in runs])
    row("service RSS after", [f"{r.rss_mb:.1f} MB" for r in runs])
    row("/health during burst p50 / max", [
        f"{pct(r.health, 50) * 1000:.0f} / {max(r.health) * 1000:.0f} ms" for r in runs])
    row("/health probes (failed)", [f"{len(r.health)} ({r.health_failed})" for r in runs])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-ref", default=BASELINE_REF)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--bursts", type=int, default=2)
    args = parser.parse_args()
    if (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {1})
    fx_proc, fx_url = fake_exchange(0)
    try:
        for name, mode in MODES.items():
            httpx.post(f"{fx_url}/_fake/mode", json={"exchange": name, "mode": mode})
        print(f"fake exchange: {fx_url}, modes {json.dumps(MODES)}; "
              f"{args.requests} concurrent GET /price/<distinct symbol>")
        runs = measure("now", REPO, fx_url, args.requests, args.bursts)
        with checkout(args.baseline_ref) as old:
            runs += measure(f"base {args.baseline_ref}", old, fx_url, args.requests,
                            args.bursts)
        report(runs)
    finally:
        stop(fx_proc)


if __name__ == "__main__":
    main()
