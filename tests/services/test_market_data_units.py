"""Pure parts of the market-data service: symbols, arithmetic, settings."""

from __future__ import annotations

import pytest

from services.common.env import SettingsError
from services.market_data.exchanges.base import Candle
from services.market_data.settings import load_settings
from services.market_data.stats import combine, sma, summarize_candles
from services.market_data.symbols import Pair, SymbolError, parse_symbol


@pytest.mark.parametrize("text", ["BTC", "btc", "btc/usdt", "BTC-USDT", "BTCUSDT", " BTC_usdt "])
def test_symbol_forms_all_mean_btc_usdt(text: str) -> None:
    assert parse_symbol(text) == Pair("BTC", "USDT")


def test_symbol_with_usdc_quote() -> None:
    assert str(parse_symbol("eth/usdc")) == "ETH/USDC"


@pytest.mark.parametrize(("text", "words"), [
    ("", "malformed"), ("!!", "malformed"), ("BTC/USDT/X", "malformed"),
    ("BTC/EUR", "unsupported quote"), ("USDT", "quote currency"), ("a" * 60, "malformed"),
])
def test_bad_symbols_say_why(text: str, words: str) -> None:
    with pytest.raises(SymbolError, match=words):
        parse_symbol(text)


def test_combine_median_vwap_spread() -> None:
    got = combine({"a": 100.0, "b": 102.0, "c": 101.0}, {"a": 1.0, "b": 3.0})
    assert got["median"] == 101.0
    assert got["vwap"] == pytest.approx((100 * 1 + 102 * 3) / 4)
    assert got["spread"] == 2.0
    assert got["spread_pct"] == pytest.approx(2 / 101 * 100)


def test_combine_without_volumes_has_no_vwap() -> None:
    assert combine({"a": 5.0}, {})["vwap"] is None


def test_sma_needs_enough_values() -> None:
    assert sma([1, 2, 3], 2) == 2.5
    assert sma([1, 2], 3) is None


def test_summary_of_rising_candles() -> None:
    candles = [Candle(i, 100 + i, 101 + i, 99 + i, 100.5 + i, 1) for i in range(48)]
    got = summarize_candles(candles)
    assert got["last"] == 147.5
    assert got["hours"] == 24
    assert got["trend"].startswith("up")
    assert got["high"] == 148 and got["low"] == 123


def test_summary_with_few_candles_is_honest() -> None:
    got = summarize_candles([Candle(0, 10, 11, 9, 10, 1)])
    assert got["trend"] == "not enough candles for a trend"
    assert got["sma_25h"] is None


def test_settings_defaults() -> None:
    s = load_settings({})
    assert (s.host, s.port, s.exchanges, s.redis_url) == (
        "127.0.0.1", 8001, ("binance", "bybit", "okx"), None)


@pytest.mark.parametrize(("env", "name"), [
    ({"MARKET_DATA_PORT": "http"}, "MARKET_DATA_PORT"),
    ({"MARKET_DATA_PORT": "70000"}, "MARKET_DATA_PORT"),
    ({"EXCHANGES": "binance,kraken"}, "EXCHANGES"),
    ({"BYBIT_BASE_URL": "ftp://x"}, "BYBIT_BASE_URL"),
    ({"OKX_BASE_URL": "http://host:notaport"}, "OKX_BASE_URL"),
    ({"REDIS_URL": "http://127.0.0.1:6379"}, "REDIS_URL"),
    ({"EXCHANGE_TIMEOUT": "5"}, "EXCHANGE_TIMEOUT"),
])
def test_bad_settings_name_the_variable(env: dict[str, str], name: str) -> None:
    with pytest.raises(SettingsError, match=name):
        load_settings(env)
