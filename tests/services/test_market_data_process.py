"""The market-data service as a process: start-up checks, Redis going away under load."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import httpx
import pytest
import redis

from tests.fakes.exchange import FakeExchange
from tests.services.procs import REPO, free_port, redis_server, service


@pytest.mark.parametrize(("env", "line"), [
    ({"MARKET_DATA_PORT": "x"}, "market-data: MARKET_DATA_PORT must be an integer, got 'x'"),
    ({"EXCHANGES": "ftx"},
     "market-data: EXCHANGES must list some of binance, bybit, okx, got ['ftx']"),
    ({"REDIS_URL": "localhost:6379"}, "market-data: REDIS_URL must be a redis/rediss/unix URL"),
])
def test_bad_setting_stops_start_with_one_line(env: dict[str, str], line: str) -> None:
    done = subprocess.run([sys.executable, "-m", "services.market_data"], cwd=REPO,
                          env={"PATH": "/usr/bin:/bin", **env}, capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith(line)


def test_serves_on_the_configured_port(exchange: FakeExchange) -> None:
    port = free_port()
    env = {**exchange.env(), "MARKET_DATA_PORT": str(port)}
    with service("services.market_data", env, f"http://127.0.0.1:{port}/health"):
        r = httpx.post(f"http://127.0.0.1:{port}/combined_price", json={"symbol": "BTC/USDT"})
    assert r.status_code == 200
    assert r.json()["price"] == 50000.0


@pytest.mark.redis
@pytest.mark.slow
def test_redis_killed_and_restarted_under_load_fails_no_request(exchange: FakeExchange) -> None:
    port = free_port()
    with redis_server() as rds:
        env = {**exchange.env(), "MARKET_DATA_PORT": str(port), "REDIS_URL": rds.url,
               # A short TTL keeps the service going to Redis on most requests.
               "CACHE_TTL": "0.2", "EXCHANGE_TIMEOUT": "1"}
        base = f"http://127.0.0.1:{port}"
        with service("services.market_data", env, f"{base}/health"):
            failures: list[str] = []
            statuses: list[int] = []
            stop = threading.Event()

            def stream() -> None:
                symbols = ["BTC", "ETH", "SOL"]
                with httpx.Client(base_url=base, timeout=5) as client:
                    i = 0
                    while not stop.is_set():
                        i += 1
                        try:
                            r = client.get(f"/price/{symbols[i % 3]}")
                            statuses.append(r.status_code)
                            if r.status_code != 200 or r.json()["price"] is None:
                                failures.append(f"{r.status_code} {r.text[:200]}")
                        except httpx.HTTPError as exc:
                            failures.append(repr(exc))

            workers = [threading.Thread(target=stream) for _ in range(4)]
            for w in workers:
                w.start()
            # Wait for traffic (not a fixed time: a loaded machine may take longer to start).
            guard = time.monotonic() + 30
            while len(statuses) < 20 and time.monotonic() < guard:
                time.sleep(0.05)
            assert redis.Redis(port=rds.port).keys("md:v1:price:*"), "Redis was never used"
            rds.stop()
            time.sleep(1.5)
            down = httpx.get(f"{base}/health").json()["cache"]
            rds.start()
            time.sleep(2.5)
            stop.set()
            for w in workers:
                w.join(10)
            up = httpx.get(f"{base}/health").json()["cache"]
    assert failures == []
    assert len(statuses) > 100
    assert down["backend"] == "redis" and down["redis_up"] is False
    assert up["redis_up"] is True
    assert up["errors"] > 0
