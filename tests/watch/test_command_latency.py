"""envsync watch reads the bot's command latency: the real bot (a process) with the fake
Telegram API, market-data in front of the exchange fake made slow; real engine."""

from __future__ import annotations

import io
import json

import pytest

from envsync.config import load_config
from envsync.watch.loop import Watcher
from tests.fakes.exchange import FakeExchange
from tests.fakes.telegram import FakeBotApi
from tests.services.stack import bot_process, market_data_process
from tests.watch.conftest import TOKEN, Receiver, Stack

pytestmark = pytest.mark.docker


def test_slow_commands_fire_after_two_rounds_and_resolve(stack: Stack,
                                                         receiver: Receiver) -> None:
    with FakeExchange() as exchange, FakeBotApi() as api, \
            market_data_process(exchange, EXCHANGE_TIMEOUT="1.8", CACHE_TTL="0") as market_url, \
            bot_process("polling", api, market_url) as (health, _, _proc):
        metrics = health.replace("/health", "/metrics")
        cfg = stack.config(receiver.port, watch=(
            f"  metrics: {{live: ['{metrics}']}}\n"
            "  rules: {command_latency: {threshold: 1}}\n"))
        log = io.StringIO()

        def ask() -> None:
            before = len(api.sent)
            api.push_text("/price BTC", 42)
            api.wait_sent(before + 1)

        def round_() -> None:
            Watcher(config=load_config(cfg), envs=["live"], interval=0.5,
                    drift_interval=3600, out=log).run(once=True)

        def titles() -> list[str]:
            return [m["title"] for m in receiver.apprise() if "too slowly" in m["title"]]

        round_()                  # first sight of the histogram: the baseline
        ask()
        round_()                  # one fast answer: good
        exchange.set_delay("all", 1700)
        ask()
        round_()                  # one slow round: pending
        assert titles() == []
        round_()                  # no command answered: no verdict, still pending
        assert titles() == []
        ask()
        round_()                  # the second slow round: firing
        assert titles() == ["[FIRING warning] live: commands answer too slowly: price"]
        message = next(m["message"] for m in receiver.apprise() if "too slowly" in m["title"])
        assert "over 1 answer (limit 1 s)" in message and f"curl -s {metrics}" in message
        exchange.set_delay("all", 0)
        ask()
        round_()
        ask()
        round_()
        assert titles() == ["[FIRING warning] live: commands answer too slowly: price",
                            "[RESOLVED warning] live: commands answer too slowly: price"]
        state = json.loads((stack.root / "snapshots" / "live" / "watch-state.json").read_text())
        assert [v[0] for v in state["counters"].values()] == [5.0]
        assert TOKEN not in log.getvalue() and api.token not in log.getvalue()
