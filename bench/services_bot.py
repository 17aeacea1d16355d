"""The Telegram bot in each mode: RSS, and the /price round trip (update in -> sendMessage out).

Run: .venv/bin/python bench/services_bot.py [--json]
Setup, all on 127.0.0.1: the fake exchange and the market-data service as processes (cache
warm, so the round trip measures the bot); the fake Bot API (tests/fakes/telegram.py) in this
process, timestamping each sendMessage; the bot as a process in polling, then webhook mode.
Baselines in the same run: a bare interpreter with telegram.ext imported (the memory floor of
any PTB bot), and the market-data /price call made directly (the part that is not the bot).
"""

from __future__ import annotations

import argparse
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
    pct,
    python_floor_mb,
    rss_mb,
    start,
    stop,
    summary_ms,
)
from tests.fakes.telegram import FakeBotApi

ROUND_TRIPS = 300
SECRET = "bench-secret"


def round_trips(api: FakeBotApi, mode: str, webhook_url: str | None) -> list[float]:
    times = []
    with httpx.Client() as client:
        for i in range(ROUND_TRIPS + 10):
            before = len(api.sent)
            t0 = time.monotonic()
            if mode == "polling":
                api.push_text("/price BTC", chat_id=1000 + i)
            else:
                assert webhook_url
                r = client.post(webhook_url, json=api.make_update("/price BTC", 1000 + i),
                                headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
                r.raise_for_status()
            sent = api.wait_sent(before + 1, timeout=10)[before]
            assert sent["text"].startswith("BTC/USDT: "), sent["text"]
            if i >= 10:  # the first few warm up connections and code paths
                times.append(sent["at"] - t0)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="end with the figures as one JSON line")
    args = parser.parse_args()
    figures: dict[str, Figure] = {}
    fx_proc, fx_url = fake_exchange(0)
    md_port = free_port()
    md = start([PY, "-m", "services.market_data"],
               {**exchange_env(fx_url), "MARKET_DATA_PORT": str(md_port), "CACHE_TTL": "600"},
               f"http://127.0.0.1:{md_port}/health")
    md_url = f"http://127.0.0.1:{md_port}"
    try:
        floor = python_floor_mb("telegram.ext")
        print(f"baseline RSS, python + telegram.ext imported: {floor:6.1f} MB")
        figures["RSS floor (python + telegram.ext)"] = figure(floor, "MB", reference=True)
        with httpx.Client() as c:
            c.get(f"{md_url}/price/BTC")
            direct = []
            for _ in range(ROUND_TRIPS):
                t0 = time.perf_counter()
                c.get(f"{md_url}/price/BTC")
                direct.append(time.perf_counter() - t0)
        print(f"baseline, market-data /price/BTC direct (cached): {summary_ms(direct)}")
        figures["market-data /price direct p50 (baseline)"] = figure(pct(direct, 50) * 1000, "ms",
                                                                    reference=True)
        for mode in ("polling", "webhook"):
            with FakeBotApi() as api:
                health_port = free_port()
                env = {**api.env(), "BOT_MODE": mode, "MARKET_DATA_URL": md_url,
                       "BOT_HEALTH_PORT": str(health_port)}
                webhook_url = None
                if mode == "webhook":
                    port = free_port()
                    webhook_url = f"http://127.0.0.1:{port}/telegram/webhook"
                    env.update({"WEBHOOK_URL": webhook_url, "WEBHOOK_PORT": str(port),
                                "WEBHOOK_SECRET": SECRET})
                bot = start([PY, "-m", "services.bot"], env,
                            f"http://127.0.0.1:{health_port}/health")
                try:
                    after_start = rss_mb(bot.pid)
                    times = round_trips(api, mode, webhook_url)
                    after = rss_mb(bot.pid)
                finally:
                    stop(bot)
            print(f"bot {mode:8s} RSS after start {after_start:5.1f} MB, after "
                  f"{ROUND_TRIPS + 10} round trips {after:5.1f} MB")
            print(f"bot {mode:8s} /price round trip: {summary_ms(times)}")
            figures[f"bot {mode}: RSS after start"] = figure(after_start, "MB")
            figures[f"bot {mode}: RSS after round trips"] = figure(after, "MB")
            figures[f"bot {mode}: /price round trip p50"] = figure(pct(times, 50) * 1000, "ms")
    finally:
        stop(md)
        stop(fx_proc)
    if args.json:
        print(json_line("services_bot", figures))


if __name__ == "__main__":
    main()
