"""The whole bundled application as processes against the fakes: market-data + bot."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

from tests.fakes.exchange import FakeExchange
from tests.fakes.telegram import FakeBotApi
from tests.services.procs import free_port, service

__all__ = ["SECRET", "Stack", "bot_process", "market_data_process", "run_stack"]

SECRET = "test-webhook-secret_123"


@dataclass
class Stack:
    """Where everything listens."""

    mode: str
    exchange: FakeExchange
    api: FakeBotApi
    market_url: str
    health_url: str
    webhook_url: str | None
    bot: subprocess.Popen[bytes]


@contextlib.contextmanager
def market_data_process(exchange: FakeExchange, **env: str) -> Iterator[str]:
    """`python -m services.market_data` on a free port; yields its base URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with service("services.market_data",
                 {**exchange.env(), "MARKET_DATA_PORT": str(port), **env}, f"{url}/health"):
        yield url


@contextlib.contextmanager
def bot_process(mode: str, api: FakeBotApi, market_url: str, *, wait: bool = True,
                **env: str) -> Iterator[tuple[str, str | None, subprocess.Popen[bytes]]]:
    """`python -m services.bot` in `mode`; yields (health URL, webhook URL or None, process)."""
    health_port = free_port()
    full = {**api.env(), "BOT_MODE": mode, "MARKET_DATA_URL": market_url,
            "BOT_HEALTH_PORT": str(health_port), "LOG_LEVEL": "WARNING"}
    webhook_url = None
    if mode == "webhook":
        port = free_port()
        webhook_url = f"http://127.0.0.1:{port}/telegram/webhook"
        full.update({"WEBHOOK_URL": webhook_url, "WEBHOOK_PORT": str(port),
                     "WEBHOOK_SECRET": SECRET})
    full.update(env)
    health = f"http://127.0.0.1:{health_port}/health"
    with service("services.bot", full, health if wait else None) as proc:
        yield health, webhook_url, proc


@contextlib.contextmanager
def run_stack(mode: str, **bot_env: str) -> Iterator[Stack]:
    """Fake exchange and Bot API, market-data and the bot in `mode`, all up and healthy."""
    with FakeExchange(slow_seconds=3.0) as exchange, FakeBotApi() as api, \
            market_data_process(exchange, EXCHANGE_TIMEOUT="0.5") as market_url, \
            bot_process(mode, api, market_url, **bot_env) as (health, webhook, proc):
        yield Stack(mode, exchange, api, market_url, health, webhook, proc)
