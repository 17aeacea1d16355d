"""What every exchange adapter promises, and the one place HTTP trouble becomes ExchangeError."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

from services.market_data.symbols import Pair

__all__ = [
    "Adapter",
    "BadAnswer",
    "Candle",
    "ExchangeError",
    "OpenInterest",
    "Ticker",
    "UnknownSymbol",
    "candles_from_rows",
    "num",
]


class ExchangeError(Exception):
    """One exchange could not answer; the message is short and safe to return to clients."""


class UnknownSymbol(ExchangeError):
    """The exchange answered, and it does not list this market."""


class BadAnswer(ExchangeError):
    """The exchange answered something that is not the documented shape."""


@dataclass(frozen=True)
class Ticker:
    """Last price and, where the exchange gives them, 24 h volume (base coin) and range."""

    price: float
    volume: float | None = None
    high: float | None = None
    low: float | None = None
    change_pct: float | None = None


@dataclass(frozen=True)
class OpenInterest:
    """Open interest of the USDT perpetual, in base coins and in USD."""

    coins: float
    usd: float


@dataclass(frozen=True)
class Candle:
    """One hourly candle; `time` is its open time in ms since the epoch."""

    time: int
    open: float
    high: float
    low: float
    close: float
    volume: float


def num(value: Any, what: str) -> float:
    """Return `value` (exchanges send numbers as strings) as a positive-or-zero float.

    Raises BadAnswer naming `what` when it is missing, not a number, negative or NaN."""
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise BadAnswer(f"bad answer: {what} is {str(value)[:20]!r}") from None
    if not result >= 0 or result == float("inf"):
        raise BadAnswer(f"bad answer: {what} is {result}")
    return result


def candles_from_rows(rows: Any) -> list[Candle]:
    """Candles from rows shaped [open time, open, high, low, close, volume, ...] — the shape
    all three exchanges share — sorted oldest first (Bybit and OKX list newest first)."""
    if not isinstance(rows, list):
        raise BadAnswer("bad answer: candles are not a list")
    try:
        candles = [
            Candle(int(k[0]), num(k[1], "open"), num(k[2], "high"), num(k[3], "low"),
                   num(k[4], "close"), num(k[5], "volume"))
            for k in rows
        ]
    except (TypeError, IndexError, ValueError):
        raise BadAnswer("bad answer: malformed candle") from None
    return sorted(candles, key=lambda c: c.time)


class Adapter:
    """One exchange's public REST API. Subclasses implement the four market calls and may
    override `_reject` to recognise their unknown-symbol answers."""

    name = "exchange"

    def __init__(self, client: httpx.AsyncClient, base_url: str = "") -> None:
        self._client = client
        self._base = base_url

    async def ticker(self, pair: Pair) -> Ticker:
        raise NotImplementedError

    async def open_interest(self, pair: Pair) -> OpenInterest:
        raise NotImplementedError

    async def funding_rate(self, pair: Pair) -> float | None:
        """The current funding rate of the perpetual as a fraction, or None if not offered."""
        return None

    async def candles(self, pair: Pair, limit: int) -> list[Candle]:
        """Up to `limit` hourly candles, oldest first."""
        raise NotImplementedError

    def _reject(self, status: int, body: Any) -> ExchangeError | None:
        """Return the error an answer stands for (e.g. UnknownSymbol), or None if it is fine."""
        return None

    async def _get(self, url: str, params: dict[str, str]) -> Any:
        """GET `url` and return its JSON body; every failure becomes an ExchangeError."""
        try:
            response = await self._client.get(url, params=params)
        except httpx.TimeoutException:
            raise ExchangeError("timeout") from None
        except httpx.HTTPError as exc:
            raise ExchangeError(f"unreachable: {type(exc).__name__}") from None
        if response.status_code in (403, 451):
            # Binance answers 451 to some regions: worth saying plainly.
            raise ExchangeError(f"geo-blocked (HTTP {response.status_code})")
        try:
            body = json.loads(response.content)
        except ValueError:
            if response.status_code >= 400:
                raise ExchangeError(f"HTTP {response.status_code}") from None
            raise BadAnswer("bad answer: not JSON") from None
        rejected = self._reject(response.status_code, body)
        if rejected is not None:
            raise rejected
        if response.status_code >= 400:
            raise ExchangeError(f"HTTP {response.status_code}")
        return body
