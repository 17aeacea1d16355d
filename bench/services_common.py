"""Helpers for the services' benchmarks: processes, RSS, percentiles, a fast load generator."""

from __future__ import annotations

import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident set size of `pid` in MB (VmRSS from /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


def pct(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def summary_ms(values: Sequence[float]) -> str:
    ms = [v * 1000 for v in values]
    return (f"p50 {pct(ms, 50):7.2f} ms  p99 {pct(ms, 99):7.2f} ms  "
            f"mean {statistics.fmean(ms):7.2f} ms  (n={len(ms)})")


def start(args: list[str], env: dict[str, str], health: str | None,
          cpu: int | None = None, cwd: Path = REPO) -> subprocess.Popen[bytes]:
    """Start a process (optionally pinned to one CPU) and wait for its health URL."""
    full = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONUNBUFFERED": "1",
            "LOG_LEVEL": "WARNING", **env}
    if cpu is not None:
        args = ["taskset", "-c", str(cpu), *args]
    proc = subprocess.Popen(args, cwd=cwd, env=full, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    if health:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(health, timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise RuntimeError(f"{args} did not become healthy: {err[-2000:]}")
            time.sleep(0.05)
    return proc


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def child_pid(proc: subprocess.Popen[bytes]) -> int:
    """The Python process behind `taskset` (taskset execs, so it is the same pid)."""
    return proc.pid


def fake_exchange(delay_ms: float) -> tuple[subprocess.Popen[bytes], str]:
    """The fake exchange as its own process, so its threads do not share our GIL."""
    port = free_port()
    proc = subprocess.Popen([PY, "-m", "tests.fakes.exchange", "--port", str(port),
                             "--delay-ms", str(delay_ms)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    proc.stdout.readline()  # the URL, printed once it listens
    return proc, f"http://127.0.0.1:{port}"


def exchange_env(url: str) -> dict[str, str]:
    return {"BINANCE_BASE_URL": url, "BINANCE_FUTURES_BASE_URL": url, "BYBIT_BASE_URL": url,
            "OKX_BASE_URL": url}


async def _worker(host: str, port: int, requests: list[bytes], latencies: list[float],
                  errors: list[str]) -> None:
    """Keep-alive HTTP/1.1 over a raw socket: cheap enough that the server, not the load
    generator, is what gets measured."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for raw in requests:
            t0 = time.perf_counter()
            writer.write(raw)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - t0)
            if status != 200:
                errors.append(str(status))
    finally:
        writer.close()


def request_bytes(method: str, path: str, body: bytes = b"") -> bytes:
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    if body:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


def load(port: int, requests: list[bytes], concurrency: int) -> tuple[float, list[float], list[str]]:
    """Send `requests` split over `concurrency` connections; (seconds, latencies, errors)."""
    latencies: list[float] = []
    errors: list[str] = []
    shares = [requests[i::concurrency] for i in range(concurrency)]

    async def run() -> None:
        await asyncio.gather(*(_worker("127.0.0.1", port, share, latencies, errors)
                               for share in shares if share))

    t0 = time.perf_counter()
    asyncio.run(run())
    return time.perf_counter() - t0, latencies, errors


def python_floor_mb(imports: str = "") -> float:
    """RSS of a bare interpreter that has imported `imports` (a baseline for this machine)."""
    code = (f"import {imports}\n" if imports else "") + (
        "print([l for l in open('/proc/self/status') if l.startswith('VmRSS')][0].split()[1])")
    out = subprocess.run([PY, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024
