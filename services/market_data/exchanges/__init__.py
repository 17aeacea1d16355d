"""One small adapter per exchange, built on one shared HTTP client."""

from __future__ import annotations

import httpx

from services.market_data.exchanges.base import Adapter
from services.market_data.exchanges.binance import Binance
from services.market_data.exchanges.bybit import Bybit
from services.market_data.exchanges.okx import Okx
from services.market_data.settings import Settings

__all__ = ["Adapter", "build_adapters"]


def build_adapters(settings: Settings, client: httpx.AsyncClient) -> list[Adapter]:
    """The adapters `settings.exchanges` asks for, in that order."""
    made: dict[str, Adapter] = {
        "binance": Binance(client, settings.binance_base_url, settings.binance_futures_base_url),
        "bybit": Bybit(client, settings.bybit_base_url),
        "okx": Okx(client, settings.okx_base_url),
    }
    return [made[name] for name in settings.exchanges]
