"""Parse what users type as a market symbol (`BTC`, `btc/usdt`, `BTC-USDT`, `BTCUSDT`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QUOTES", "Pair", "SymbolError", "parse_symbol"]

# Quotes the three exchanges' USDT-margined markets share; the first is the default.
QUOTES = ("USDT", "USDC")
_SPLIT = re.compile(r"^([A-Z0-9]{2,15})[/\-_: ]([A-Z0-9]{2,10})$")
_BARE = re.compile(r"^[A-Z0-9]{2,20}$")


class SymbolError(ValueError):
    """The text is not a symbol this service can look up; the message says what would be."""


@dataclass(frozen=True)
class Pair:
    """A spot pair such as BTC/USDT."""

    base: str
    quote: str

    def __str__(self) -> str:
        return f"{self.base}/{self.quote}"


def parse_symbol(text: str) -> Pair:
    """Return the pair `text` names; a bare coin means its USDT pair.

    Raises SymbolError for anything else, with a message fit to show a user."""
    raw = text.strip().upper()
    match = _SPLIT.match(raw)
    if match:
        base, quote = match.groups()
    elif _BARE.match(raw):
        base, quote = raw, QUOTES[0]
        for candidate in QUOTES:
            if raw.endswith(candidate) and len(raw) > len(candidate) + 1:
                base, quote = raw[: -len(candidate)], candidate
                break
    else:
        raise SymbolError(
            f"malformed symbol {text.strip()[:40]!r}: use a coin like BTC or a pair like BTC/USDT"
        )
    if quote not in QUOTES:
        raise SymbolError(f"unsupported quote {quote!r} in {text.strip()[:40]!r}: use one of "
                          + ", ".join(QUOTES))
    if base in QUOTES:
        raise SymbolError(f"{base} is a quote currency, not a coin to price")
    return Pair(base, quote)
