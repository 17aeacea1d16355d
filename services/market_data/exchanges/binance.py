"""Binance: spot tickers and candles, USDT-M futures for open interest and funding."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

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

__all__ = ["Binance"]

_INVALID_SYMBOL = -1121


class Binance(Adapter):
    name = "binance"

    def __init__(self, client: httpx.AsyncClient, spot_url: str, futures_url: str) -> None:
        super().__init__(client)
        self._spot = spot_url
        self._futures = futures_url

    def _reject(self, status: int, body: Any) -> ExchangeError | None:
        if isinstance(body, dict) and body.get("code") == _INVALID_SYMBOL:
            return UnknownSymbol("unknown symbol")
        return None

    async def ticker(self, pair: Pair) -> Ticker:
        body = await self._get(f"{self._spot}/api/v3/ticker/24hr", {"symbol": _sym(pair)})
        if not isinstance(body, dict):
            raise BadAnswer("bad answer: ticker is not an object")
        return Ticker(
            price=num(body.get("lastPrice"), "lastPrice"),
            volume=num(body.get("volume"), "volume"),
            high=num(body.get("highPrice"), "highPrice"),
            low=num(body.get("lowPrice"), "lowPrice"),
            change_pct=_signed(body.get("priceChangePercent")),
        )

    async def open_interest(self, pair: Pair) -> OpenInterest:
        params = {"symbol": _sym(pair)}
        oi_body, index_body = await asyncio.gather(
            self._get(f"{self._futures}/fapi/v1/openInterest", params),
            self._get(f"{self._futures}/fapi/v1/premiumIndex", params),
        )
        if not isinstance(oi_body, dict) or not isinstance(index_body, dict):
            raise BadAnswer("bad answer: open interest is not an object")
        coins = num(oi_body.get("openInterest"), "openInterest")
        return OpenInterest(coins=coins, usd=coins * num(index_body.get("markPrice"), "markPrice"))

    async def funding_rate(self, pair: Pair) -> float | None:
        body = await self._get(f"{self._futures}/fapi/v1/premiumIndex", {"symbol": _sym(pair)})
        if not isinstance(body, dict):
            raise BadAnswer("bad answer: premium index is not an object")
        return _signed(body.get("lastFundingRate"))

    async def candles(self, pair: Pair, limit: int) -> list[Candle]:
        body = await self._get(
            f"{self._spot}/api/v3/klines",
            {"symbol": _sym(pair), "interval": "1h", "limit": str(limit)},
        )
        return candles_from_rows(body)


def _sym(pair: Pair) -> str:
    return f"{pair.base}{pair.quote}"


def _signed(value: Any) -> float | None:
    """A signed number (change, funding) or None when absent or not a number."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
