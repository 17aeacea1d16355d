"""OKX v5: spot ticker and candles; the USDT swap for open interest and funding."""

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

__all__ = ["Okx"]

# 51001: "Instrument ID does not exist".
_NO_INSTRUMENT = "51001"


class Okx(Adapter):
    name = "okx"

    def _reject(self, status: int, body: Any) -> ExchangeError | None:
        if not isinstance(body, dict):
            return None
        code = str(body.get("code", "0"))
        if code == _NO_INSTRUMENT:
            return UnknownSymbol("unknown symbol")
        if code != "0":
            return ExchangeError(f"error {code}: {str(body.get('msg', ''))[:60]}")
        return None

    async def _first(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        body = await self._get(f"{self._base}{path}", params)
        rows = _data(body)
        if not rows:
            raise UnknownSymbol("unknown symbol")
        if not isinstance(rows[0], dict):
            raise BadAnswer("bad answer: data[0] is not an object")
        return rows[0]

    async def ticker(self, pair: Pair) -> Ticker:
        row = await self._first("/api/v5/market/ticker", {"instId": f"{pair.base}-{pair.quote}"})
        last = num(row.get("last"), "last")
        opened = row.get("open24h")
        change = None
        if opened not in (None, "", "0"):
            change = (last / num(opened, "open24h") - 1) * 100
        return Ticker(
            price=last,
            volume=num(row.get("vol24h"), "vol24h"),
            high=num(row.get("high24h"), "high24h"),
            low=num(row.get("low24h"), "low24h"),
            change_pct=change,
        )

    async def open_interest(self, pair: Pair) -> OpenInterest:
        row = await self._first(
            "/api/v5/public/open-interest",
            {"instType": "SWAP", "instId": f"{pair.base}-{pair.quote}-SWAP"},
        )
        # oi is in contracts; oiCcy is the same interest in coins, the unit we report.
        return OpenInterest(
            coins=num(row.get("oiCcy"), "oiCcy"), usd=num(row.get("oiUsd"), "oiUsd")
        )

    async def funding_rate(self, pair: Pair) -> float | None:
        row = await self._first(
            "/api/v5/public/funding-rate", {"instId": f"{pair.base}-{pair.quote}-SWAP"}
        )
        try:
            return float(row["fundingRate"])
        except (KeyError, TypeError, ValueError):
            return None

    async def candles(self, pair: Pair, limit: int) -> list[Candle]:
        body = await self._get(
            f"{self._base}/api/v5/market/candles",
            {"instId": f"{pair.base}-{pair.quote}", "bar": "1H", "limit": str(limit)},
        )
        return candles_from_rows(_data(body))


def _data(body: Any) -> list[Any]:
    rows = body.get("data") if isinstance(body, dict) else None
    if not isinstance(rows, list):
        raise BadAnswer("bad answer: no data list")
    return rows
