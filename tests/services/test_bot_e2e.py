"""End to end, as processes: the bot in each mode, the market-data service, and the fakes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.fakes.exchange import FakeExchange
from tests.fakes.telegram import FakeBotApi
from tests.services.procs import free_port, wait_http
from tests.services.stack import SECRET, Stack, bot_process, market_data_process, run_stack

PRICE_BTC = (
    "BTC/USDT: 50,000.00 (median of 3 exchanges)\n"
    "binance 50,000.00 | bybit 50,010.00 | okx 49,990.00\n"
    "VWAP 50,004.29 | spread 20.00 (0.04%)"
)
OI_ETH = (
    "ETH/USDT open interest: 165,000 ETH ($495.02M)\n"
    "binance: 80,000 ETH ($240.00M)\n"
    "bybit: 55,000 ETH ($165.06M)\n"
    "okx: 30,000 ETH ($89.97M)"
)


@pytest.fixture(scope="module", params=["polling", "webhook"])
def stack(request: pytest.FixtureRequest) -> Iterator[Stack]:
    with run_stack(request.param) as s:
        yield s


@pytest.fixture
def fresh(stack: Stack) -> Stack:
    """The module's stack with the fakes' records and modes reset."""
    stack.exchange.reset()
    stack.api.sent.clear()
    return stack


def send(stack: Stack, text: str, chat_id: int = 42) -> None:
    """Deliver a message the way the mode receives it: queued for getUpdates, or POSTed."""
    if stack.mode == "polling":
        stack.api.push_text(text, chat_id)
        return
    assert stack.webhook_url
    r = httpx.post(stack.webhook_url, json=stack.api.make_update(text, chat_id),
                   headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert r.status_code == 200, r.text


def ask(stack: Stack, text: str, chat_id: int = 42) -> dict[str, Any]:
    before = len(stack.api.sent)
    send(stack, text, chat_id)
    return stack.api.wait_sent(before + 1)[before]


def test_price(fresh: Stack) -> None:
    reply = ask(fresh, "/price BTC")
    assert reply["chat_id"] == 42
    assert reply["text"] == PRICE_BTC


def test_oi(fresh: Stack) -> None:
    assert ask(fresh, "/oi eth/usdt")["text"] == OI_ETH


def test_analysis(fresh: Stack) -> None:
    text = ask(fresh, "/analysis BTC-USDT")["text"]
    lines = text.splitlines()
    assert lines[0] == "BTC/USDT, last 24 h (binance, hourly candles):"
    assert lines[1].startswith("last 50,000.00 | change +")
    assert "Trend: up: the 7 h average is above the 25 h average" in lines
    assert "Funding: binance 0.0100% | bybit 0.0120% | okx 0.0080%" in lines


def test_start_and_generated_help(fresh: Stack) -> None:
    assert ask(fresh, "/start")["text"].startswith("Hi! I report crypto market data")
    help_text = ask(fresh, "/help@fake_envsync_bot")["text"]
    assert help_text.splitlines()[1:] == [
        "/start - what this bot does",
        "/help - this list",
        "/price SYMBOL - price on each exchange, median and spread (e.g. BTC)",
        "/oi SYMBOL - open interest of the USDT perpetual, in coins and USD",
        "/analysis SYMBOL - 24 h change, range, moving averages, funding",
    ]


@pytest.mark.parametrize(("text", "reply"), [
    ("/price", "Usage: /price SYMBOL"),
    ("/price NOPE", "No exchange lists NOPE/USDT."),
    ("/price B$C", "Malformed symbol 'B$C': use a coin like BTC or a pair like BTC/USDT."),
    ("/moon", "Unknown command /moon. Send /help for the list."),
])
def test_bad_input_gets_a_short_clear_reply(fresh: Stack, text: str, reply: str) -> None:
    assert ask(fresh, text)["text"] == reply


def test_an_exchange_down_is_named_in_the_reply(fresh: Stack) -> None:
    fresh.exchange.set_mode("okx", "451")
    text = ask(fresh, "/price ETH")["text"]
    assert text.startswith("ETH/USDT: 3,000.50 (median of 2 exchanges)")
    assert text.endswith("Not answering: okx (geo-blocked (HTTP 451))")


def test_health_in_each_mode(fresh: Stack) -> None:
    body = httpx.get(fresh.health_url).json()
    assert body["status"] == "ok"
    assert body["mode"] == fresh.mode
    assert body["bot"] == "fake_envsync_bot"
    if fresh.webhook_url:
        # The webhook server answers /health too.
        same = httpx.get(fresh.webhook_url.rsplit("/telegram", 1)[0] + "/health")
        assert same.status_code == 200 and same.json()["mode"] == "webhook"


def test_mode_specific_start(stack: Stack) -> None:
    if stack.mode == "polling":
        # Updates sent while no bot polled are kept (a restart loses none).
        assert stack.api.delete_webhook_params[0]["drop_pending_updates"] != "true"
        assert stack.api.calls["setWebhook"] == 0
    else:
        hook = stack.api.webhook_history[0]
        assert hook["url"] == stack.webhook_url
        assert hook["secret_token"] == SECRET
        assert hook.get("drop_pending_updates") != "true"
        assert stack.api.calls["getUpdates"] == 0


@pytest.mark.parametrize("stack", ["webhook"], indirect=True)
@pytest.mark.parametrize("headers", [{}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"},
                                     {"X-Telegram-Bot-Api-Secret-Token": SECRET + "x"}])
def test_webhook_without_the_secret_is_403(fresh: Stack, headers: dict[str, str]) -> None:
    assert fresh.webhook_url
    r = httpx.post(fresh.webhook_url, json=fresh.api.make_update("/price BTC"), headers=headers)
    assert r.status_code == 403
    # Nothing was processed: a correct call afterwards gets the first and only reply.
    assert ask(fresh, "/start")["text"].startswith("Hi!")
    assert len(fresh.api.sent) == 1


@pytest.mark.parametrize("stack", ["webhook"], indirect=True)
def test_webhook_rejects_a_body_that_is_not_an_update(fresh: Stack) -> None:
    assert fresh.webhook_url
    r = httpx.post(fresh.webhook_url, content=b"{not json",
                   headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert r.status_code == 400


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_allow_list_denies_other_chats(mode: str) -> None:
    with run_stack(mode, ALLOWED_CHAT_IDS="7, -100200") as s:
        send(s, "/price BTC", chat_id=42)
        reply = ask(s, "/start", chat_id=7)
        assert reply["chat_id"] == 7
        assert [m["chat_id"] for m in s.api.sent] == [7]
        assert httpx.get(s.health_url).json()["updates"] == 2


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_send_failures_are_retried(mode: str) -> None:
    with run_stack(mode) as s:
        s.api.fail_next("sendMessage", 2)
        assert ask(s, "/start")["text"].startswith("Hi!")
        assert s.api.calls["sendMessage"] == 3
        health = httpx.get(s.health_url).json()
        assert (health["replies"], health["send_failures"]) == (1, 0)


def test_market_data_unreachable_gets_a_clear_reply_and_the_bot_stays_up() -> None:
    with FakeBotApi() as api, bot_process("polling", api,
                                          f"http://127.0.0.1:{free_port()}") as (health, _, _):
        api.push_text("/price BTC")
        assert api.wait_sent(1)[0]["text"] == (
            "Market data is unavailable right now. Please try again in a minute.")
        assert httpx.get(health).json()["status"] == "ok"


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_bot_api_down_at_start_is_retried(mode: str) -> None:
    with FakeExchange() as exchange, FakeBotApi() as api, \
            market_data_process(exchange) as market_url:
        api.down = True
        with bot_process(mode, api, market_url, wait=False) as (health, _, proc):
            api.wait_call("getMe")
            r = None
            for _ in range(100):
                try:
                    r = httpx.get(health)
                    break
                except httpx.TransportError:
                    time.sleep(0.05)
            assert r is not None and r.status_code == 503
            assert r.json()["status"] == "starting"
            api.down = False
            wait_http(health, proc)
            assert proc.poll() is None
