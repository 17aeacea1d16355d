"""The bot's /metrics: each command's answer time, as a process against the fakes."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families

from services.bot.metrics import CommandMetrics
from tests.fakes.exchange import FakeExchange
from tests.fakes.telegram import FakeBotApi
from tests.services.stack import bot_process, market_data_process


def _samples(text: str) -> dict[tuple[str, str, str], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out[(s.name, s.labels.get("command", ""), s.labels.get("le", ""))] = s.value
    return out


def test_the_histogram_counts_each_answer_in_its_bucket() -> None:
    m = CommandMetrics()
    m.observe("price", 0.05)
    m.observe("price", 2.0)     # on the bound: counted as at most 2 s
    m.observe("price", 12.0)    # past every bound: only +Inf
    m.failed("oi")
    got = _samples(m.render(3.0))
    assert got[("bot_command_latency_seconds_bucket", "price", "0.1")] == 1
    assert got[("bot_command_latency_seconds_bucket", "price", "1.0")] == 1
    assert got[("bot_command_latency_seconds_bucket", "price", "2.0")] == 2
    assert got[("bot_command_latency_seconds_bucket", "price", "10.0")] == 2
    assert got[("bot_command_latency_seconds_bucket", "price", "+Inf")] == 3
    assert got[("bot_command_latency_seconds_count", "price", "")] == 3
    assert abs(got[("bot_command_latency_seconds_sum", "price", "")] - 14.05) < 1e-6
    assert got[("bot_replies_failed_total", "oi", "")] == 1


def test_the_bot_times_each_command_from_update_to_answer_sent() -> None:
    with FakeExchange() as exchange, FakeBotApi() as api, \
            market_data_process(exchange, EXCHANGE_TIMEOUT="1.5", CACHE_TTL="0") as market_url, \
            bot_process("webhook", api, market_url) as (health, webhook, _proc):
        metrics_url = health.replace("/health", "/metrics")
        assert webhook is not None
        # the webhook's port faces Telegram: no /metrics there
        public = webhook.rsplit("/telegram", 1)[0]
        assert httpx.get(f"{public}/metrics").status_code == 404
        from tests.services.stack import SECRET

        def ask(text: str) -> None:
            before = len(api.sent)
            r = httpx.post(webhook, json=api.make_update(text, 42),
                           headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
            assert r.status_code == 200
            api.wait_sent(before + 1)

        ask("/price BTC")
        exchange.set_delay("all", 600)        # market-data now answers in 0.6 s or more
        ask("/price ETH")
        httpx.post(webhook, json=api.make_update("hello", 42),   # not a command: no
                   headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})  # answer, not timed
        ask("/moon")                          # not a command the bot knows
        response = httpx.get(metrics_url)
        assert response.status_code == 200
        got = _samples(response.text)
        assert got[("bot_command_latency_seconds_count", "price", "")] == 2
        assert got[("bot_command_latency_seconds_sum", "price", "")] >= 0.6
        assert got[("bot_command_latency_seconds_bucket", "price", "0.5")] <= 1  # the slow one
        assert got[("bot_command_latency_seconds_count", "unknown", "")] == 1
        assert not any(c not in ("price", "unknown", "") for _, c, _ in got)
        assert api.token not in response.text
