"""Bybit v5: the linear (USDT perpetual) ticker carries price, open interest and funding."""

from __future__ import annotations

from typing import Any

from services.market_data.exchanges.base import (
    Adapter,
    BadAnswer,
    Candle,
    ExchangeError,
    OpenInterest,
    Ticker,
    UnknownSymbol,
    candles_from_rows,
    num,
)
from services.market_data.symbols import Pair

__all__ = ["Bybit"]

# retCode 10001 is "params error", which is what Bybit answers to an unknown symbol.
_PARAMS_ERROR = 10001


class Bybit(Adapter):
    name = "bybit"

    def _reject(self, status: int, body: Any) -> ExchangeError | None:
        if not isinstance(body, dict):
            return None
        code = body.get("retCode")
        if code == _PARAMS_ERROR:
            return UnknownSymbol("unknown symbol")
        if code not in (0, None):
            return ExchangeError(f"error {code}: {str(body.get('retMsg', ''))[:60]}")
        return None

    async def _ticker_row(self, pair: Pair) -> dict[str, Any]:
        body = await self._get(
            f"{self._base}/v5/market/tickers",
            {"category": "linear", "symbol": f"{pair.base}{pair.quote}"},
        )
        rows = _result_list(body)
        if not rows:
            raise UnknownSymbol("unknown symbol")
        row = rows[0]
        if not isinstance(row, dict):
            raise BadAnswer("bad answer: ticker is not an object")
        return row

    async def ticker(self, pair: Pair) -> Ticker:
        row = await self._ticker_row(pair)
        change = row.get("price24hPcnt")
        return Ticker(
            price=num(row.get("lastPrice"), "lastPrice"),
            volume=num(row.get("volume24h"), "volume24h"),
            high=num(row.get("highPrice24h"), "highPrice24h"),
            low=num(row.get("lowPrice24h"), "lowPrice24h"),
            # Bybit gives the change as a fraction; the other adapters give percent.
            change_pct=None if change is None else float(change) * 100,
        )

    async def open_interest(self, pair: Pair) -> OpenInterest:
        row = await self._ticker_row(pair)
        return OpenInterest(
            coins=num(row.get("openInterest"), "openInterest"),
            usd=num(row.get("openInterestValue"), "openInterestValue"),
        )

    async def funding_rate(self, pair: Pair) -> float | None:
        row = await self._ticker_row(pair)
        try:
            return float(row["fundingRate"])
        except (KeyError, TypeError, ValueError):
            return None

    async def candles(self, pair: Pair, limit: int) -> list[Candle]:
        body = await self._get(
            f"{self._base}/v5/market/kline",
            {"category": "linear", "symbol": f"{pair.base}{pair.quote}", "interval": "60",
             "limit": str(limit)},
        )
        return candles_from_rows(_result_list(body))


def _result_list(body: Any) -> list[Any]:
    try:
        rows = body["result"]["list"]
    except (KeyError, TypeError):
        raise BadAnswer("bad answer: no result.list") from None
    if not isinstance(rows, list):
        raise BadAnswer("bad answer: result.list is not a list")
    return rows
