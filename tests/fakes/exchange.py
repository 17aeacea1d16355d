"""A fake of the three exchanges' public REST APIs, as one real HTTP server on 127.0.0.1.

Paths and answer shapes follow Binance (spot /api/v3, futures /fapi/v1), Bybit v5 and OKX v5,
so one server can stand behind every *_BASE_URL at once. Each exchange can be switched to a
fault mode:

    ok        documented answers
    error     HTTP 500 with a text body
    garbage   HTTP 200 with an HTML body (not JSON)
    badshape  HTTP 200 with JSON of the wrong shape
    451       HTTP 451, as Binance answers restricted regions
    slow      answers after `slow_seconds` (default 5 s, longer than any client timeout)
    hangup    closes the connection without answering

Use in tests:  with FakeExchange() as fx: env = fx.env(); fx.set_mode("okx", "slow")
As a process:  python -m tests.fakes.exchange --port 9100 [--delay-ms 50] [--host 0.0.0.0]
               (--host 0.0.0.0 inside a container on a network the test made)
               (POST /_fake/mode {"exchange": "okx", "mode": "451"} switches a mode)
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from collections import Counter
from typing import Any

from tests.fakes._server import FakeHttpServer, Reply, Request, json_reply

__all__ = ["EXCHANGES", "MODES", "FakeExchange"]

EXCHANGES = ("binance", "bybit", "okx")
MODES = ("ok", "error", "garbage", "badshape", "451", "slow", "hangup")

# Prices differ a little by exchange so the median, VWAP and spread are all checkable.
DEFAULT_PRICES: dict[str, dict[str, float]] = {
    "binance": {"BTC": 50000.0, "ETH": 3000.0, "SOL": 150.0},
    "bybit": {"BTC": 50010.0, "ETH": 3001.0, "SOL": 150.2},
    "okx": {"BTC": 49990.0, "ETH": 2999.0, "SOL": 149.9},
}
DEFAULT_VOLUMES = {"binance": 1000.0, "bybit": 2000.0, "okx": 500.0}
OPEN_INTEREST_COINS = {"binance": 80000.0, "bybit": 55000.0, "okx": 30000.0}
FUNDING = {"binance": 0.0001, "bybit": 0.00012, "okx": 0.00008}


class FakeExchange:
    """The fake; thread-safe setters so a test can change modes while requests run."""

    def __init__(self, *, port: int = 0, delay_ms: float = 0.0, slow_seconds: float = 5.0,
                 host: str = "127.0.0.1") -> None:
        self.prices = {k: dict(v) for k, v in DEFAULT_PRICES.items()}
        self.volumes = dict(DEFAULT_VOLUMES)
        self.modes = dict.fromkeys(EXCHANGES, "ok")
        self.delay = dict.fromkeys(EXCHANGES, delay_ms / 1000)
        self.slow_seconds = slow_seconds
        self.calls: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._http = FakeHttpServer(self, port, host)

    # --- control -------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return self._http.url

    def env(self) -> dict[str, str]:
        """The market-data service's exchange settings pointing at this fake."""
        return {"BINANCE_BASE_URL": self.url, "BINANCE_FUTURES_BASE_URL": self.url,
                "BYBIT_BASE_URL": self.url, "OKX_BASE_URL": self.url}

    def set_mode(self, exchange: str, mode: str) -> None:
        """Switch one exchange (or "all") to a mode from MODES."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; one of {MODES}")
        with self._lock:
            for name in EXCHANGES if exchange == "all" else (exchange,):
                self.modes[name] = mode

    def set_delay(self, exchange: str, ms: float) -> None:
        """Make every answer of `exchange` (or "all") take `ms` milliseconds."""
        with self._lock:
            for name in EXCHANGES if exchange == "all" else (exchange,):
                self.delay[name] = ms / 1000

    def reset(self) -> None:
        """All exchanges back to ok, no delay, call counts cleared."""
        with self._lock:
            self.modes = dict.fromkeys(EXCHANGES, "ok")
            self.delay = dict.fromkeys(EXCHANGES, 0.0)
            self.calls.clear()

    def start(self) -> FakeExchange:
        self._http.start()
        return self

    def stop(self) -> None:
        self._http.stop()

    def __enter__(self) -> FakeExchange:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- serving -------------------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        if request.path == "/_fake/mode" and request.method == "POST":
            doc = json.loads(request.body)
            self.set_mode(doc["exchange"], doc["mode"])
            if "delay_ms" in doc:
                self.set_delay(doc["exchange"], float(doc["delay_ms"]))
            return json_reply({"modes": self.modes})
        exchange, route = _route(request.path)
        if exchange is None or route is None:
            return json_reply({"error": f"fake exchange has no {request.path}"}, 404)
        with self._lock:
            self.calls[exchange] += 1
            mode, delay = self.modes[exchange], self.delay[exchange]
        if delay:
            time.sleep(delay)
        if mode == "slow":
            time.sleep(self.slow_seconds)
        elif mode == "error":
            return Reply(500, b"Internal Server Error", "text/plain")
        elif mode == "garbage":
            return Reply(200, b"<html><body>maintenance</body></html>", "text/html")
        elif mode == "badshape":
            return json_reply({"unexpected": True, "data": "nothing you know"})
        elif mode == "451":
            return json_reply({"code": 0, "msg": "Service unavailable from a restricted "
                                                  "location according to 'b. Eligibility'."}, 451)
        elif mode == "hangup":
            return Reply(hangup=True)
        return route(self, exchange, request.query)

    def _coin(self, exchange: str, base: str, quote: str) -> float | None:
        if quote not in ("USDT", "USDC"):
            return None
        return self.prices[exchange].get(base)

    # Binance -------------------------------------------------------------------------------
    def _binance_symbol(self, query: dict[str, str]) -> tuple[str, float] | None:
        symbol = query.get("symbol", "")
        for quote in ("USDT", "USDC"):
            if symbol.endswith(quote):
                price = self._coin("binance", symbol[: -len(quote)], quote)
                if price is not None:
                    return symbol, price
        return None

    def binance_ticker_price(self, ex: str, q: dict[str, str]) -> Reply:
        found = self._binance_symbol(q)
        if found is None:
            return _binance_invalid()
        return json_reply({"symbol": found[0], "price": f"{found[1]:.2f}"})

    def binance_ticker_24hr(self, ex: str, q: dict[str, str]) -> Reply:
        found = self._binance_symbol(q)
        if found is None:
            return _binance_invalid()
        symbol, price = found
        opened = price * 0.98
        return json_reply({
            "symbol": symbol, "lastPrice": f"{price:.2f}", "openPrice": f"{opened:.2f}",
            "priceChangePercent": f"{(price / opened - 1) * 100:.3f}",
            "highPrice": f"{price * 1.01:.2f}", "lowPrice": f"{price * 0.97:.2f}",
            "volume": f"{self.volumes['binance']:.3f}",
            "quoteVolume": f"{self.volumes['binance'] * price:.2f}",
        })

    def binance_klines(self, ex: str, q: dict[str, str]) -> Reply:
        found = self._binance_symbol(q)
        if found is None:
            return _binance_invalid()
        rows = _candles(found[1], int(q.get("limit", "48")))
        return json_reply([[t, f"{o}", f"{h}", f"{lo}", f"{c}", "12.5", t + 3_599_999, "0", 10,
                            "0", "0", "0"] for t, o, h, lo, c in rows])

    def binance_open_interest(self, ex: str, q: dict[str, str]) -> Reply:
        found = self._binance_symbol(q)
        if found is None:
            return _binance_invalid()
        coins = OPEN_INTEREST_COINS["binance"]
        return json_reply({"openInterest": f"{coins:.3f}", "symbol": found[0],
                           "time": int(time.time() * 1000)})

    def binance_premium_index(self, ex: str, q: dict[str, str]) -> Reply:
        found = self._binance_symbol(q)
        if found is None:
            return _binance_invalid()
        return json_reply({"symbol": found[0], "markPrice": f"{found[1]:.2f}",
                           "indexPrice": f"{found[1]:.2f}",
                           "lastFundingRate": f"{FUNDING['binance']:.8f}",
                           "nextFundingTime": 0, "time": int(time.time() * 1000)})

    # Bybit ---------------------------------------------------------------------------------
    def bybit_tickers(self, ex: str, q: dict[str, str]) -> Reply:
        symbol = q.get("symbol", "")
        price = self._coin("bybit", symbol.removesuffix("USDT"), "USDT") if symbol.endswith(
            "USDT") else None
        if price is None:
            return _bybit_invalid()
        coins = OPEN_INTEREST_COINS["bybit"]
        return json_reply(_bybit_ok({"category": "linear", "list": [{
            "symbol": symbol, "lastPrice": f"{price:.2f}", "markPrice": f"{price:.2f}",
            "price24hPcnt": "0.0200", "highPrice24h": f"{price * 1.01:.2f}",
            "lowPrice24h": f"{price * 0.97:.2f}", "volume24h": f"{self.volumes['bybit']:.3f}",
            "turnover24h": f"{self.volumes['bybit'] * price:.2f}",
            "openInterest": f"{coins:.3f}", "openInterestValue": f"{coins * price:.2f}",
            "fundingRate": f"{FUNDING['bybit']:.8f}",
        }]}))

    def bybit_kline(self, ex: str, q: dict[str, str]) -> Reply:
        symbol = q.get("symbol", "")
        price = self._coin("bybit", symbol.removesuffix("USDT"), "USDT") if symbol.endswith(
            "USDT") else None
        if price is None:
            return _bybit_invalid()
        rows = _candles(price, int(q.get("limit", "48")))
        listed = [[str(t), f"{o}", f"{h}", f"{lo}", f"{c}", "20.0", "0"] for t, o, h, lo, c in rows]
        return json_reply(_bybit_ok({"category": "linear", "symbol": symbol,
                                     "list": list(reversed(listed))}))

    # OKX -----------------------------------------------------------------------------------
    def _okx_price(self, inst: str) -> float | None:
        parts = inst.split("-")
        if len(parts) not in (2, 3) or (len(parts) == 3 and parts[2] != "SWAP"):
            return None
        return self._coin("okx", parts[0], parts[1])

    def okx_ticker(self, ex: str, q: dict[str, str]) -> Reply:
        price = self._okx_price(q.get("instId", ""))
        if price is None:
            return _okx_invalid()
        return json_reply(_okx_ok([{
            "instType": "SPOT", "instId": q["instId"], "last": f"{price:.2f}",
            "open24h": f"{price / 1.02:.2f}", "high24h": f"{price * 1.01:.2f}",
            "low24h": f"{price * 0.97:.2f}", "vol24h": f"{self.volumes['okx']:.3f}",
            "volCcy24h": f"{self.volumes['okx'] * price:.2f}", "ts": str(int(time.time() * 1000)),
        }]))

    def okx_open_interest(self, ex: str, q: dict[str, str]) -> Reply:
        price = self._okx_price(q.get("instId", ""))
        if price is None:
            return _okx_invalid()
        coins = OPEN_INTEREST_COINS["okx"]
        return json_reply(_okx_ok([{
            "instType": "SWAP", "instId": q["instId"], "oi": f"{coins * 100:.0f}",
            "oiCcy": f"{coins:.3f}", "oiUsd": f"{coins * price:.2f}",
            "ts": str(int(time.time() * 1000)),
        }]))

    def okx_funding(self, ex: str, q: dict[str, str]) -> Reply:
        price = self._okx_price(q.get("instId", ""))
        if price is None:
            return _okx_invalid()
        rate = f"{FUNDING['okx']:.8f}"
        return json_reply(_okx_ok([{"instId": q["instId"], "fundingRate": rate}]))

    def okx_candles(self, ex: str, q: dict[str, str]) -> Reply:
        price = self._okx_price(q.get("instId", ""))
        if price is None:
            return _okx_invalid()
        rows = _candles(price, int(q.get("limit", "48")))
        listed = [[str(t), f"{o}", f"{h}", f"{lo}", f"{c}", "5.0", "0", "0", "1"]
                  for t, o, h, lo, c in rows]
        return json_reply(_okx_ok(list(reversed(listed))))


_ROUTES: dict[str, tuple[str, Any]] = {
    "/api/v3/ticker/price": ("binance", FakeExchange.binance_ticker_price),
    "/api/v3/ticker/24hr": ("binance", FakeExchange.binance_ticker_24hr),
    "/api/v3/klines": ("binance", FakeExchange.binance_klines),
    "/fapi/v1/openInterest": ("binance", FakeExchange.binance_open_interest),
    "/fapi/v1/premiumIndex": ("binance", FakeExchange.binance_premium_index),
    "/v5/market/tickers": ("bybit", FakeExchange.bybit_tickers),
    "/v5/market/kline": ("bybit", FakeExchange.bybit_kline),
    "/api/v5/market/ticker": ("okx", FakeExchange.okx_ticker),
    "/api/v5/public/open-interest": ("okx", FakeExchange.okx_open_interest),
    "/api/v5/public/funding-rate": ("okx", FakeExchange.okx_funding),
    "/api/v5/market/candles": ("okx", FakeExchange.okx_candles),
}


def _route(path: str) -> tuple[str | None, Any]:
    exchange, route = _ROUTES.get(path.rstrip("/"), (None, None))
    return exchange, route


def _candles(price: float, limit: int) -> list[tuple[int, float, float, float, float]]:
    """`limit` hourly candles, oldest first, rising steadily to close at `price`."""
    limit = max(1, min(limit, 500))
    hour = 3_600_000
    now = int(time.time() * 1000) // hour * hour
    rows = []
    for i in range(limit):
        close = round(price * (1 - 0.001 * (limit - 1 - i)), 2)
        opened = round(close * 0.999, 2)
        rows.append((now - (limit - 1 - i) * hour, opened, round(close * 1.002, 2),
                     round(opened * 0.998, 2), close))
    return rows


def _binance_invalid() -> Reply:
    return json_reply({"code": -1121, "msg": "Invalid symbol."}, 400)


def _bybit_ok(result: dict[str, Any]) -> dict[str, Any]:
    return {"retCode": 0, "retMsg": "OK", "result": result, "retExtInfo": {},
            "time": int(time.time() * 1000)}


def _bybit_invalid() -> Reply:
    return json_reply({"retCode": 10001, "retMsg": "params error: symbol invalid", "result": {},
                       "retExtInfo": {}, "time": int(time.time() * 1000)})


def _okx_ok(data: list[Any]) -> dict[str, Any]:
    return {"code": "0", "msg": "", "data": data}


def _okx_invalid() -> Reply:
    return json_reply({"code": "51001", "msg": "Instrument ID does not exist", "data": []})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--delay-ms", type=float, default=0.0)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    fake = FakeExchange(port=args.port, delay_ms=args.delay_ms, host=args.host).start()
    print(fake.url, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        fake.stop()


if __name__ == "__main__":
    main()
