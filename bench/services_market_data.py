"""The market-data service: memory, /combined_price latency cold and cached, throughput.

Run: .venv/bin/python bench/services_market_data.py [--json]
Setup, all on 127.0.0.1: the fake exchange (tests/fakes/exchange.py) as its own process, every
exchange answering in 50 ms; the service as a process pinned to CPU 0; the load generator
(raw keep-alive sockets) on CPU 1.
Baselines measured in the same run: a bare interpreter with starlette+uvicorn+httpx imported
(the memory floor), one direct call to the fake exchange (the slowest exchange), and the
three calls made one after another (what a sequential fan-out would cost).
Goals (issue 4): RSS under 45 MB after 10,000 requests (old service: 110.9 MB; production
target: under 70 MB); cold p50 under 1.5x the slowest exchange; cached p50 under 5 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._figures import Figure, figure, json_line
from bench.services_common import (
    PY,
    exchange_env,
    fake_exchange,
    free_port,
    load,
    pct,
    python_floor_mb,
    request_bytes,
    rss_mb,
    start,
    stop,
    summary_ms,
)

DELAY_MS = 50.0


def service(exchange_url: str, **env: str) -> tuple[object, int]:
    port = free_port()
    proc = start([PY, "-m", "services.market_data"],
                 {**exchange_env(exchange_url), "MARKET_DATA_PORT": str(port), **env},
                 f"http://127.0.0.1:{port}/health", cpu=0)
    return proc, port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="end with the figures as one JSON line")
    args = parser.parse_args()
    figures: dict[str, Figure] = {}
    # The load generator gets the other core.
    if (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {1})
    fx_proc, fx_url = fake_exchange(DELAY_MS)
    try:
        print(f"fake exchange: {fx_url}, each exchange answers in {DELAY_MS:.0f} ms")
        floor = python_floor_mb("starlette, uvicorn, httpx")
        print(f"baseline RSS, python + starlette/uvicorn/httpx imported: {floor:6.1f} MB")

        # Baselines for latency: one exchange direct, and three one after another.
        with httpx.Client() as c:
            c.get(f"{fx_url}/api/v3/ticker/24hr?symbol=BTCUSDT")
            direct, sequential = [], []
            for _ in range(30):
                t0 = time.perf_counter()
                c.get(f"{fx_url}/api/v3/ticker/24hr?symbol=BTCUSDT")
                direct.append(time.perf_counter() - t0)
                t0 = time.perf_counter()
                c.get(f"{fx_url}/api/v3/ticker/24hr?symbol=BTCUSDT")
                c.get(f"{fx_url}/v5/market/tickers?category=linear&symbol=BTCUSDT")
                c.get(f"{fx_url}/api/v5/market/ticker?instId=BTC-USDT")
                sequential.append(time.perf_counter() - t0)
        slowest = pct(direct, 50)
        figures["RSS floor (python + starlette/uvicorn/httpx)"] = figure(floor, "MB", reference=True)
        figures["one exchange direct p50 (baseline)"] = figure(slowest * 1000, "ms", reference=True)
        print(f"baseline, one exchange direct:          {summary_ms(direct)}")
        print(f"baseline, three exchanges sequentially:  {summary_ms(sequential)}")

        # Cold: no cache at all, every request fans out.
        proc, port = service(fx_url, CACHE_TTL="0", CACHE_ERROR_TTL="0")
        try:
            body = json.dumps({"symbol": "BTC/USDT"}).encode()
            req = request_bytes("POST", "/combined_price", body)
            load(port, [req] * 5, 1)
            _, cold, errs = load(port, [req] * 200, 1)
            assert not errs, errs[:5]
            print(f"/combined_price cold (3 x 50 ms fan-out): {summary_ms(cold)}"
                  f"  = {pct(cold, 50) / slowest:.2f}x the slowest exchange (goal < 1.5x)")
            figures["/combined_price cold p50"] = figure(pct(cold, 50) * 1000, "ms")
            figures["/combined_price cold p50 vs one exchange"] = figure(pct(cold, 50) / slowest, "x")
        finally:
            stop(proc)

        # Cached: one warm-up, then every answer from the in-process cache.
        proc, port = service(fx_url, CACHE_TTL="600")
        pid = proc.pid  # type: ignore[attr-defined]
        try:
            rss_start = rss_mb(pid)
            load(port, [req] * 10, 1)
            _, warm, errs = load(port, [req] * 3000, 1)
            assert not errs, errs[:5]
            print(f"/combined_price cached:                  {summary_ms(warm)}  (goal p50 < 5 ms)")
            figures["/combined_price cached p50"] = figure(pct(warm, 50) * 1000, "ms")
            for conc in (1, 8, 32):
                secs, lat, errs = load(port, [req] * 10000, conc)
                assert not errs, errs[:5]
                print(f"throughput, cache warm, service on 1 core, {conc:2d} connections: "
                      f"{len(lat) / secs:8.0f} req/s  ({summary_ms(lat)})")
                figures[f"throughput, {conc} connections"] = figure(len(lat) / secs, "req/s",
                                                                     "higher")
        finally:
            stop(proc)  # type: ignore[arg-type]

        # Memory: after start, and after 10,000 mixed requests with a 1 s TTL, so both cached
        # and fan-out paths run over every endpoint and three symbols.
        proc, port = service(fx_url, CACHE_TTL="1")
        pid = proc.pid  # type: ignore[attr-defined]
        try:
            after_start = rss_mb(pid)
            mix = []
            for sym in ("BTC", "ETH", "SOL"):
                mix += [request_bytes("GET", f"/price/{sym}"), request_bytes("GET", f"/oi/{sym}"),
                        request_bytes("GET", f"/analysis/{sym}"),
                        request_bytes("POST", "/combined_price",
                                      json.dumps({"symbol": f"{sym}/USDT"}).encode())]
            requests = (mix * (10000 // len(mix) + 1))[:10000]
            secs, lat, errs = load(port, requests, 16)
            assert not errs, errs[:5]
            after = rss_mb(pid)
            print(f"RSS after start: {after_start:6.1f} MB (cached-run service: {rss_start:.1f} MB)")
            print(f"RSS after 10,000 mixed requests ({secs:.1f} s, 16 connections, 0 errors): "
                  f"{after:6.1f} MB  (goal < 45 MB; old service 110.9 MB; floor {floor:.1f} MB)")
            figures["RSS after start"] = figure(after_start, "MB")
            figures["RSS after 10,000 mixed requests"] = figure(after, "MB")
        finally:
            stop(proc)  # type: ignore[arg-type]
    finally:
        stop(fx_proc)
    if args.json:
        print(json_line("services_market_data", figures))


if __name__ == "__main__":
    main()
