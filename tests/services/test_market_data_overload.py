"""Load shedding: a flood of distinct symbols while every exchange fails gets an answer for
every request (a partial 200, or 503 with Retry-After), and /health keeps answering.

Timing is the benchmark's business (bench/market_data_overload.py); here the client timeout
is only a hang guard, far above the 2 s the service promises."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest

from services.market_data.admission import Admission, Overloaded
from tests.fakes.exchange import FakeExchange
from tests.services.procs import PRODUCTION_LIMIT_MB, free_port, rss_mb, service

FLOOD = 400
HANG_GUARD = 30.0


async def _get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    """One request on its own connection: (status, lower-cased headers, body); status 0 when
    no answer came within the hang guard."""
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".encode())
        raw = await asyncio.wait_for(reader.read(), HANG_GUARD)
        writer.close()
    except (OSError, TimeoutError):
        return 0, {}, b""
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers, body


def _flood(port: int) -> list[tuple[int, dict[str, str], bytes]]:
    async def run() -> list[tuple[int, dict[str, str], bytes]]:
        return await asyncio.gather(*(_get(port, f"/price/F{i:04d}") for i in range(FLOOD)))

    return asyncio.run(run())


@pytest.mark.slow
def test_a_flood_of_distinct_symbols_while_exchanges_fail_is_answered() -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with FakeExchange(slow_seconds=3.0) as fx:
        fx.set_mode("binance", "error")
        fx.set_mode("bybit", "slow")
        fx.set_mode("okx", "hangup")
        with service("services.market_data", {**fx.env(), "MARKET_DATA_PORT": str(port)},
                     f"{base}/health") as proc:
            health: list[int] = []
            flooding = threading.Event()
            done = threading.Event()

            def probe() -> None:
                with httpx.Client(timeout=HANG_GUARD) as client:
                    while not done.is_set():
                        if flooding.is_set():
                            health.append(client.get(f"{base}/health").status_code)
                        time.sleep(0.05)

            prober = threading.Thread(target=probe)
            prober.start()
            flooding.set()
            answers = _flood(port)
            done.set()
            prober.join(HANG_GUARD)
            after = httpx.get(f"{base}/health").json()
            rss = rss_mb(proc.pid)

    statuses = [status for status, _, _ in answers]
    assert sorted(set(statuses)) == [200, 503], statuses.count(0)
    for status, headers, body in answers:
        if status == 503:
            assert headers.get("retry-after") == "1"
            assert b"busy" in body
        else:
            # A partial answer: every exchange failed in its own way, still a 200.
            assert set(httpx.Response(200, content=body).json()["errors"]) == {
                "binance", "bybit", "okx"}
    assert health and set(health) == {200}
    assert after["admission"]["shed"] == statuses.count(503)
    assert after["admission"]["running"] == after["admission"]["waiting"] == 0
    assert rss < PRODUCTION_LIMIT_MB


def test_admission_sheds_past_its_queue_and_after_its_wait() -> None:
    async def run() -> tuple[list[str], dict[str, int]]:
        gate = Admission(slots=1, queue=1)
        release = asyncio.Event()
        outcomes: list[str] = []

        async def job(wait: float) -> None:
            try:
                async with gate.slot(wait):
                    await release.wait()
                outcomes.append("ran")
            except Overloaded:
                outcomes.append("shed")

        holder = asyncio.create_task(job(0))
        await asyncio.sleep(0)
        waiter = asyncio.create_task(job(0.05))  # waits, then gives up
        await asyncio.sleep(0)
        await job(10)  # the queue (1) is full: refused at once, without waiting
        await waiter
        release.set()
        await holder
        return outcomes, gate.state()

    outcomes, state = asyncio.run(run())
    assert outcomes == ["shed", "shed", "ran"]
    assert state == {"slots": 1, "queue": 1, "running": 0, "waiting": 0, "admitted": 1,
                     "shed": 2}
