"""The market-data HTTP service in process, against the fake exchanges over real HTTP."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

import httpx
import pytest

from services.market_data.app import create_app
from services.market_data.settings import load_settings
from tests.fakes.exchange import EXCHANGES, MODES, FakeExchange
from tests.services.inproc import serve_app

# A hang guard, not a speed check: every endpoint must answer, even with exchanges stuck.
CLIENT_TIMEOUT = 5.0


@contextlib.contextmanager
def make_client(exchange: FakeExchange, **extra: str) -> Iterator[httpx.Client]:
    # No circuit breaker: the module's service sees many faults in a row by design, and each
    # test must see its exchange asked (the breaker has tests of its own).
    env = {**exchange.env(), "EXCHANGE_TIMEOUT": "0.4", "CACHE_TTL": "0", "CACHE_ERROR_TTL": "0",
           "BREAKER_FAILURES": "0", **extra}
    with serve_app(create_app(load_settings(env))) as url, httpx.Client(
        base_url=url, timeout=CLIENT_TIMEOUT
    ) as client:
        yield client


@pytest.fixture(scope="module")
def _shared() -> Iterator[tuple[FakeExchange, httpx.Client]]:
    # One service for the module: starting uvicorn per test would dominate the run.
    with FakeExchange(slow_seconds=3.0) as fake, make_client(fake) as c:
        yield fake, c


@pytest.fixture
def exchange(_shared: tuple[FakeExchange, httpx.Client]) -> FakeExchange:
    """The module's fake exchange, every exchange back to normal."""
    _shared[0].reset()
    return _shared[0]


@pytest.fixture
def client(exchange: FakeExchange, _shared: tuple[FakeExchange, httpx.Client]) -> httpx.Client:
    """A client of a service whose exchange-health memory is shared across the module."""
    return _shared[1]


@pytest.fixture
def fresh(exchange: FakeExchange) -> Iterator[httpx.Client]:
    """A client of a service of its own, for tests that read /health or /metrics."""
    with make_client(exchange) as c:
        yield c


def test_combined_price_from_three_exchanges(client: httpx.Client) -> None:
    r = client.post("/combined_price", json={"symbol": "BTC/USDT"})
    assert r.status_code == 200
    body = r.json()
    assert body["symbol"] == "BTC/USDT"
    assert body["errors"] == {}
    assert sorted(body["exchanges"]) == ["binance", "bybit", "okx"]
    assert body["price"] == body["median"] == 50000.0
    assert body["vwap"] == pytest.approx((50000 * 1000 + 50010 * 2000 + 49990 * 500) / 3500)
    assert body["spread"] == pytest.approx(20.0)
    assert body["cached"] is False


@pytest.mark.parametrize("symbol", ["BTC", "btc/usdt", "BTC-USDT", "btcusdt"])
def test_price_accepts_every_symbol_form(client: httpx.Client, symbol: str) -> None:
    r = client.get(f"/price/{symbol}")
    assert r.status_code == 200, r.text
    assert r.json()["symbol"] == "BTC/USDT"


def test_malformed_symbol_is_a_clear_400(client: httpx.Client) -> None:
    r = client.get("/price/$$$")
    assert r.status_code == 400
    assert "malformed symbol" in r.json()["error"]


def test_unknown_symbol_is_a_404_naming_it(fresh: httpx.Client) -> None:
    client = fresh
    r = client.post("/combined_price", json={"symbol": "NOPE"})
    assert r.status_code == 404
    assert r.json()["error"] == "no exchange lists NOPE/USDT"
    # Not an exchange fault: health stays ok.
    assert client.get("/health").json()["status"] == "ok"


@pytest.mark.parametrize("body", [b"", b"{", b"[]", b'{"symbol": 5}', b'{"sym": "BTC"}'])
def test_combined_price_needs_a_symbol_body(client: httpx.Client, body: bytes) -> None:
    r = client.post("/combined_price", content=body)
    assert r.status_code == 422
    assert "symbol" in r.json()["error"]


def test_open_interest_in_coins_and_usd(client: httpx.Client) -> None:
    r = client.get("/oi/ETH")
    assert r.status_code == 200
    body = r.json()
    assert body["unit"] == "ETH"
    ex = body["exchanges"]
    assert ex["binance"] == {"coins": 80000.0, "usd": 80000.0 * 3000.0}
    assert ex["bybit"] == {"coins": 55000.0, "usd": 55000.0 * 3001.0}
    assert ex["okx"] == {"coins": 30000.0, "usd": 30000.0 * 2999.0}
    assert body["total_coins"] == 165000.0


def test_analysis_summarises_candles_and_funding(client: httpx.Client) -> None:
    r = client.get("/analysis/BTC")
    assert r.status_code == 200
    body = r.json()
    assert body["source"] == "binance"
    summary = body["summary"]
    assert summary["last"] == 50000.0
    assert summary["candles"] == 48 and summary["hours"] == 24
    assert summary["trend"].startswith("up")
    assert summary["change_pct"] > 0
    assert body["funding"] == {"binance": 0.0001, "bybit": 0.00012, "okx": 0.00008}


def test_analysis_falls_back_to_the_next_exchange(
    client: httpx.Client, exchange: FakeExchange
) -> None:
    exchange.set_mode("binance", "error")
    body = client.get("/analysis/BTC").json()
    assert body["source"] == "bybit"
    assert body["errors"] == {"binance": "HTTP 500"}


def test_health_reports_exchanges_and_cache(fresh: httpx.Client, exchange: FakeExchange) -> None:
    client = fresh
    client.get("/price/BTC")
    exchange.set_mode("okx", "451")
    client.get("/price/ETH")
    body = client.get("/health").json()
    assert body["version"]
    assert body["status"] == "degraded"
    assert body["exchanges"]["binance"]["ok"] is True
    assert body["exchanges"]["okx"]["ok"] is False
    assert body["exchanges"]["okx"]["last_error"] == "geo-blocked (HTTP 451)"
    assert body["cache"]["backend"] == "memory"
    assert body["uptime_s"] >= 0


def test_metrics_in_prometheus_text(fresh: httpx.Client) -> None:
    client = fresh
    client.get("/price/BTC")
    text = client.get("/metrics").text
    assert 'market_data_requests_total{route="/price",status="200"} 1' in text
    assert 'market_data_exchange_calls_total{exchange="okx"} 1' in text
    # The last answered call's time, per exchange, in seconds (read by envsync watch).
    latency = [line for line in text.splitlines()
               if line.startswith('market_data_exchange_latency_seconds{exchange="okx"}')]
    assert len(latency) == 1 and 0 <= float(latency[0].split()[-1]) < 10


EXPECTED_ERROR = {
    "error": "HTTP 500",
    "garbage": "bad answer: not JSON",
    "badshape": "bad answer",
    "451": "geo-blocked (HTTP 451)",
    "slow": "timeout after 0.4 s",
    "hangup": "unreachable",
}


@pytest.mark.parametrize("mode", [m for m in MODES if m != "ok"])
@pytest.mark.parametrize("down", EXCHANGES)
@pytest.mark.parametrize("path", ["/price/BTC", "/oi/BTC", "/analysis/BTC"])
def test_one_exchange_fault_gives_a_partial_answer(
    client: httpx.Client, exchange: FakeExchange, mode: str, down: str, path: str
) -> None:
    exchange.set_mode(down, mode)
    r = client.get(path)
    assert r.status_code == 200, r.text
    body = r.json()
    assert list(body["errors"]) == [down]
    assert body["errors"][down].startswith(EXPECTED_ERROR[mode])
    if path != "/analysis/BTC":
        assert sorted(body["exchanges"]) == sorted(set(EXCHANGES) - {down})
    else:
        assert body["summary"]["last"] > 0


@pytest.mark.parametrize("mode", ["error", "slow", "garbage"])
def test_every_exchange_down_is_still_an_answer(
    client: httpx.Client, exchange: FakeExchange, mode: str
) -> None:
    exchange.set_mode("all", mode)
    r = client.post("/combined_price", json={"symbol": "BTC"})
    assert r.status_code == 200
    body = r.json()
    assert body["price"] is None
    assert sorted(body["errors"]) == ["binance", "bybit", "okx"]


def test_cached_answers_do_not_call_the_exchanges(exchange: FakeExchange) -> None:
    with make_client(exchange, CACHE_TTL="60") as client:
        first = client.get("/price/BTC").json()
        calls = sum(exchange.calls.values())
        second = client.get("/price/btc-usdt").json()
        assert sum(exchange.calls.values()) == calls
    assert (first["cached"], second["cached"]) == (False, True)
    assert second["price"] == first["price"]


def test_answers_with_errors_are_cached_briefly(exchange: FakeExchange) -> None:
    exchange.set_mode("okx", "error")
    with make_client(exchange, CACHE_TTL="60", CACHE_ERROR_TTL="0") as client:
        client.get("/price/BTC")
        exchange.set_mode("okx", "ok")
        assert client.get("/price/BTC").json()["errors"] == {}


def test_only_configured_exchanges_are_asked(exchange: FakeExchange) -> None:
    with make_client(exchange, EXCHANGES="okx,bybit") as client:
        body = client.get("/price/BTC").json()
    assert sorted(body["exchanges"]) == ["bybit", "okx"]
    assert exchange.calls["binance"] == 0


def test_breaker_stops_asking_a_failing_exchange_then_probes(exchange: FakeExchange) -> None:
    with make_client(exchange, BREAKER_FAILURES="3", BREAKER_COOLOFF="0.2") as client:
        exchange.set_mode("okx", "error")
        for _ in range(3):
            assert client.get("/price/BTC").json()["errors"] == {"okx": "HTTP 500"}
        asked = exchange.calls["okx"]
        body = client.get("/price/BTC").json()
        assert body["errors"] == {"okx": "not asked: 3 failures in a row, last HTTP 500"}
        assert body["price"] == 50005.0  # the others still answer
        assert exchange.calls["okx"] == asked
        assert client.get("/health").json()["exchanges"]["okx"]["breaker"] == "open"
        exchange.set_mode("okx", "ok")
        # After the cool-off one call probes; it succeeds and the breaker closes. (A wait
        # with a hang guard, not a timing assertion.)
        for _ in range(100):
            if "okx" not in client.get("/price/BTC").json()["errors"]:
                break
            time.sleep(0.05)
        else:
            pytest.fail("okx was never asked again after it recovered")
        state = client.get("/health").json()["exchanges"]["okx"]
        assert state["breaker"] == "closed"
        assert state["ok"] is True
        assert state["skipped"] >= 1
