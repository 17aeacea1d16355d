"""The bot's commands: /start, /help, /price, /oi, /analysis."""

from __future__ import annotations

from services.bot.core.market import MarketDataClient
from services.bot.core.registry import Call, Registry
from services.bot.core.replies import analysis_reply, oi_reply, price_reply

__all__ = ["build_registry"]

WELCOME = ("Hi! I report crypto market data from Binance, Bybit and OKX.\n"
           "Send /help for the commands.")


def build_registry(market: MarketDataClient, allowed: frozenset[int] | None = None) -> Registry:
    """A registry with every command, answering through `market`."""
    registry = Registry(allowed)

    async def start(call: Call) -> str:
        return WELCOME

    async def help_(call: Call) -> str:
        return "Commands:\n" + registry.help_text()

    async def price(call: Call) -> str:
        return price_reply(await market.price(call.args[0]))

    async def oi(call: Call) -> str:
        return oi_reply(await market.open_interest(call.args[0]))

    async def analysis(call: Call) -> str:
        return analysis_reply(await market.analysis(call.args[0]))

    registry.add("start", (), "what this bot does", start)
    registry.add("help", (), "this list", help_)
    registry.add("price", ("SYMBOL",), "price on each exchange, median and spread (e.g. BTC)",
                 price)
    registry.add("oi", ("SYMBOL",), "open interest of the USDT perpetual, in coins and USD", oi)
    registry.add("analysis", ("SYMBOL",), "24 h change, range, moving averages, funding",
                 analysis)
    return registry
