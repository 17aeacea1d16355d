"""The bot at LOG_LEVEL=DEBUG, in both modes: neither its token nor the webhook secret (nor
any 8-character piece of them) reaches its logs, whatever library logs the Bot API URL."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import httpx
import pytest

from services.common.env import SettingsError
from services.common.logs import redact
from services.market_data.settings import load_settings
from tests.fakes.exchange import FakeExchange
from tests.fakes.telegram import FakeBotApi
from tests.services.stack import bot_process, market_data_process

# Distinct from every other test's values, so a hit can only come from this run.
TOKEN = "987654321:AAHk2Qx9LogCanaryZr7Wm4Tb8Vn1Pq5Ys3"
SECRET = "hook-Canary_7Kd93mQpX2vLr8Nz"


def pieces(value: str, size: int = 8) -> list[str]:
    """Every `size`-character substring of `value`."""
    return [value[i:i + size] for i in range(len(value) - size + 1)]


def leaks(text: str) -> list[str]:
    """The pieces of the token or the secret found in `text`."""
    return [p for p in pieces(TOKEN) + pieces(SECRET) if p in text]


@pytest.fixture(scope="module")
def exchange() -> Iterator[FakeExchange]:
    with FakeExchange() as fx:
        yield fx


@pytest.mark.parametrize("mode", ["polling", "webhook"])
def test_debug_logs_hold_no_token_and_no_secret(exchange: FakeExchange, mode: str) -> None:
    output: list[bytes] = []
    with FakeBotApi(token=TOKEN) as api, market_data_process(exchange) as market_url, \
            bot_process(mode, api, market_url, LOG_LEVEL="DEBUG",
                        WEBHOOK_SECRET=SECRET) as (_, webhook_url, proc):
        assert proc.stdout is not None
        # DEBUG is chatty: drain the pipe while the bot runs so it never blocks on a write.
        reader = threading.Thread(target=lambda: output.extend(proc.stdout or []), daemon=True)
        reader.start()
        api.fail_next("sendMessage")  # a refused call: its error is logged with its URL
        before = len(api.sent)
        if webhook_url:
            update = api.make_update("/price BTC")
            bad = httpx.post(webhook_url, json=update,
                             headers={"X-Telegram-Bot-Api-Secret-Token": SECRET[:-1]})
            assert bad.status_code == 403
            ok = httpx.post(webhook_url, json=update,
                            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
            assert ok.status_code == 200
        else:
            api.push_text("/price BTC")
        assert "BTC/USDT" in api.wait_sent(before + 1)[before]["text"]
    reader.join(10)
    logs = b"".join(output).decode(errors="replace")
    # The run did log at DEBUG, Bot API traffic included: the check below is not vacuous.
    assert '"level": "debug"' in logs
    assert "sendMessage" in logs
    assert leaks(logs) == []


def test_redact_covers_the_known_values_and_any_bot_token_shape() -> None:
    text = (f"POST https://api.telegram.org/bot{TOKEN}/getMe secret={SECRET} "
            "other https://api.telegram.org/bot1234567:AAbbCCddEEffGGhhIIjj/sendMessage "
            f"encoded {TOKEN.replace(':', '%3A')}")
    out = redact(text, [TOKEN, SECRET])
    assert leaks(out) == []
    assert "AAbbCCddEEffGGhhIIjj" not in out
    assert "https://api.telegram.org/bot[redacted]/getMe" in out
    assert "https://api.telegram.org/bot[redacted]/sendMessage" in out


def test_a_bad_url_setting_is_quoted_without_its_credentials() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings({"REDIS_URL": f"http://user:{SECRET}@cache:6379/0"})
    assert str(caught.value) == (
        "REDIS_URL must be a redis/rediss/unix URL with a host, got 'http://***@cache:6379/0'"
    )
