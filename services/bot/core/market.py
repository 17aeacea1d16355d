"""The bot's one client of the market-data service."""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import quote

import httpx

from services.bot.core.registry import UserError

__all__ = ["UNAVAILABLE", "MarketDataClient"]

log = logging.getLogger("bot.market")

UNAVAILABLE = "Market data is unavailable right now. Please try again in a minute."
# Connection trouble is retried this many times more, waiting a little longer each time.
RETRIES = 2
BACKOFF = 0.25


class MarketDataClient:
    """GETs answers from the market-data service; every failure becomes a UserError whose
    message can be shown to the user as it is."""

    def __init__(self, base_url: str, timeout: float = 3.0,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._http = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport)

    async def price(self, symbol: str) -> dict[str, Any]:
        return await self._get(f"/price/{quote(symbol, safe='')}")

    async def open_interest(self, symbol: str) -> dict[str, Any]:
        return await self._get(f"/oi/{quote(symbol, safe='')}")

    async def analysis(self, symbol: str) -> dict[str, Any]:
        return await self._get(f"/analysis/{quote(symbol, safe='')}")

    async def _get(self, path: str) -> dict[str, Any]:
        for attempt in range(RETRIES + 1):
            try:
                response = await self._http.get(path)
                break
            except httpx.TransportError as exc:
                log.warning("market-data unreachable",
                            extra={"path": path, "attempt": attempt + 1, "error": repr(exc)})
                if attempt == RETRIES:
                    raise UserError(UNAVAILABLE) from None
                await asyncio.sleep(BACKOFF * 2**attempt)
        if response.status_code in (400, 404, 422):
            # The service's message is written for people ("no exchange lists FOO/USDT").
            raise UserError(_error_of(response) or "I could not look that up.")
        if response.status_code != 200:
            log.warning("market-data failed", extra={"path": path, "status": response.status_code})
            raise UserError(UNAVAILABLE)
        try:
            body = response.json()
        except ValueError:
            raise UserError(UNAVAILABLE) from None
        if not isinstance(body, dict):
            raise UserError(UNAVAILABLE)
        return body

    async def aclose(self) -> None:
        await self._http.aclose()


def _error_of(response: httpx.Response) -> str | None:
    try:
        message = response.json().get("error")
    except (ValueError, AttributeError):
        return None
    if not message:
        return None
    text = str(message)[:200]
    return text[0].upper() + text[1:] + ("" if text.endswith(".") else ".")
