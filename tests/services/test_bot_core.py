"""The bot's core without Telegram: registry, dispatch, replies, the market-data client."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

from services.bot.core import Call, MarketDataClient, Registry, UserError, build_registry
from services.bot.core.market import UNAVAILABLE
from services.bot.core.registry import GENERIC_FAILURE
from services.bot.core.replies import compact_usd, money, price_reply
from services.bot.settings import SettingsError, load_settings
from services.market_data.app import create_app
from services.market_data.settings import load_settings as md_settings
from tests.fakes.exchange import FakeExchange
from tests.services.inproc import serve_app
from tests.services.procs import REPO, free_port

TOKEN = "123:abcdefghijklmnop"


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def registry_with(handler) -> Registry:  # type: ignore[no-untyped-def]
    registry = Registry()
    registry.add("echo", ("WORD",), "says it back", handler)
    return registry


def test_dispatch_passes_arguments() -> None:
    async def echo(call: Call) -> str:
        return f"{call.chat_id}:{' '.join(call.args)}"

    assert run(registry_with(echo).dispatch("/echo a b", 5)) == "5:a b"
    assert run(registry_with(echo).dispatch("/ECHO@SomeBot x", 5)) == "5:x"


def test_non_commands_get_no_reply() -> None:
    async def echo(call: Call) -> str:
        return "x"

    assert run(registry_with(echo).dispatch("hello", 1)) is None
    assert run(registry_with(echo).dispatch("   ", 1)) is None


def test_handler_errors_become_short_replies() -> None:
    async def user_error(call: Call) -> str:
        raise UserError("That coin is not listed.")

    async def bug(call: Call) -> str:
        raise RuntimeError("boom")

    assert run(registry_with(user_error).dispatch("/echo x", 1)) == "That coin is not listed."
    assert run(registry_with(bug).dispatch("/echo x", 1)) == GENERIC_FAILURE


def test_allow_list_is_deny_by_default_when_set() -> None:
    async def echo(call: Call) -> str:
        return "ok"

    registry = Registry(frozenset({7}))
    registry.add("echo", (), "", echo)
    assert run(registry.dispatch("/echo", 7)) == "ok"
    assert run(registry.dispatch("/echo", 8)) is None


def test_names_are_unique() -> None:
    async def echo(call: Call) -> str:
        return ""

    registry = registry_with(echo)
    with pytest.raises(ValueError, match="/echo"):
        registry.add("echo", (), "", echo)


def test_help_is_generated_from_the_registry() -> None:
    registry = build_registry(MarketDataClient("http://127.0.0.1:9"))
    assert [c.name for c in registry.commands] == ["start", "help", "price", "oi", "analysis"]
    assert registry.help_text().splitlines()[2].startswith("/price SYMBOL - ")


def test_number_formats() -> None:
    assert money(50000) == "50,000.00"
    assert money(0.000123456789) == "0.000123457"
    assert compact_usd(4_000_000_000) == "$4.00B"
    assert compact_usd(1_500) == "$1.50K"
    assert compact_usd(12) == "$12.00"


def test_price_reply_when_nothing_answered() -> None:
    body = {"symbol": "BTC/USDT", "price": None, "exchanges": {},
            "errors": {"binance": "timeout after 1.5 s", "okx": "HTTP 500"}}
    assert price_reply(body) == ("No exchange answered for BTC/USDT.\n"
                                 "Not answering: binance (timeout after 1.5 s), okx (HTTP 500)")


def test_market_client_against_the_real_service(exchange: FakeExchange) -> None:
    app = create_app(md_settings({**exchange.env(), "CACHE_TTL": "0"}))

    async def scenario(url: str) -> None:
        client = MarketDataClient(url)
        try:
            assert (await client.price("btc"))["price"] == 50000.0
            with pytest.raises(UserError, match=r"^No exchange lists ZZZ/USDT\.$"):
                await client.price("ZZZ")
            # A slash inside the symbol must not become a path segment.
            assert (await client.open_interest("ETH/USDT"))["unit"] == "ETH"
        finally:
            await client.aclose()

    with serve_app(app) as url:
        run(scenario(url))


def test_market_client_unreachable_is_retried_then_unavailable() -> None:
    async def scenario() -> None:
        client = MarketDataClient(f"http://127.0.0.1:{free_port()}")
        try:
            with pytest.raises(UserError, match=UNAVAILABLE):
                await client.analysis("BTC")
        finally:
            await client.aclose()

    run(scenario())


def test_core_imports_no_telegram() -> None:
    code = ("import sys, services.bot.core, services.bot.settings; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('telegram', 'starlette')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_market_data_imports_no_heavy_libraries() -> None:
    code = ("import sys, services.market_data.app; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'pandas', 'numpy', 'ccxt', 'redis', 'telegram'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_bot_settings_defaults() -> None:
    s = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert (s.mode, s.api_base, s.health_port, s.allowed_chat_ids) == (
        "polling", "https://api.telegram.org", 8080, None)


def test_webhook_settings() -> None:
    s = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "BOT_MODE": "webhook",
                       "WEBHOOK_URL": "https://bot.example.com/tg/hook", "WEBHOOK_SECRET": "s3"})
    assert (s.webhook_path, s.webhook_port) == ("/tg/hook", 8443)


@pytest.mark.parametrize(("env", "line"), [
    ({}, "telegram-bot: TELEGRAM_BOT_TOKEN is required but not set"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "BOT_MODE": "push"},
     "telegram-bot: BOT_MODE must be polling or webhook, got 'push'"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "BOT_MODE": "webhook"},
     "telegram-bot: WEBHOOK_URL is required but not set"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "BOT_MODE": "webhook", "WEBHOOK_URL": "https://x/h"},
     "telegram-bot: WEBHOOK_SECRET is required but not set"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "ALLOWED_CHAT_IDS": "12,abc"},
     "telegram-bot: ALLOWED_CHAT_IDS must be a comma-separated list of integer chat ids"),
    ({"TELEGRAM_BOT_TOKEN": TOKEN, "MARKET_DATA_URL": "market-data:8001"},
     "telegram-bot: MARKET_DATA_URL must be a http/https URL with a host"),
])
def test_bad_bot_setting_stops_start_with_one_line(env: dict[str, str], line: str) -> None:
    done = subprocess.run([sys.executable, "-m", "services.bot"], cwd=REPO,
                          env={"PATH": "/usr/bin:/bin", **env}, capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith(line)


def test_settings_error_never_echoes_the_token() -> None:
    with pytest.raises(SettingsError) as err:
        load_settings({"TELEGRAM_BOT_TOKEN": "not-a-token-secret-value"})
    assert "not-a-token-secret-value" not in str(err.value)
