"""The bot's core: commands and their replies. No Telegram imports here: the transports own
Telegram, so the core is tested, and reused, without it."""

from __future__ import annotations

from services.bot.core.commands import build_registry
from services.bot.core.market import MarketDataClient
from services.bot.core.registry import Call, Command, Registry, UserError

__all__ = ["Call", "Command", "MarketDataClient", "Registry", "UserError", "build_registry"]
