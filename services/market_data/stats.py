"""Pure arithmetic over prices and candles: no I/O, no numpy (a few dozen numbers need none)."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from services.market_data.exchanges.base import Candle

__all__ = ["combine", "summarize_candles"]


def combine(prices: dict[str, float], volumes: dict[str, float]) -> dict[str, float | None]:
    """Combine per-exchange prices: median, volume-weighted average (over the exchanges that
    report a volume; None when none does), and the spread between the highest and lowest.

    `prices` must not be empty."""
    values = list(prices.values())
    lo, hi = min(values), max(values)
    weights = {name: volumes[name] for name in prices if volumes.get(name)}
    total = sum(weights.values())
    vwap = sum(prices[name] * w for name, w in weights.items()) / total if total > 0 else None
    mid = median(values)
    return {
        "median": mid,
        "vwap": vwap,
        "spread": hi - lo,
        "spread_pct": (hi - lo) / mid * 100 if mid else 0.0,
    }


def sma(closes: Sequence[float], window: int) -> float | None:
    """Simple moving average of the last `window` closes, None when there are fewer."""
    if window <= 0 or len(closes) < window:
        return None
    return sum(closes[-window:]) / window


def summarize_candles(candles: Sequence[Candle]) -> dict[str, object]:
    """Change, range and moving averages over hourly candles (oldest first), with a
    one-line trend that says only what the numbers say. `candles` must not be empty."""
    closes = [c.close for c in candles]
    last = closes[-1]
    day = candles[-24:]
    first_open = day[0].open
    change_pct = (last / first_open - 1) * 100 if first_open else 0.0
    high = max(c.high for c in day)
    low = min(c.low for c in day)
    sma_short, sma_long = sma(closes, 7), sma(closes, 25)
    if sma_short is None or sma_long is None:
        trend = "not enough candles for a trend"
    elif sma_short > sma_long * 1.002:
        trend = "up: the 7 h average is above the 25 h average"
    elif sma_short < sma_long * 0.998:
        trend = "down: the 7 h average is below the 25 h average"
    else:
        trend = "flat: the 7 h and 25 h averages are within 0.2%"
    return {
        "last": last,
        "candles": len(candles),
        "hours": len(day),
        "change_pct": change_pct,
        "high": high,
        "low": low,
        "range_pct": (high - low) / low * 100 if low else 0.0,
        "position_in_range_pct": (last - low) / (high - low) * 100 if high > low else 50.0,
        "sma_7h": sma_short,
        "sma_25h": sma_long,
        "trend": trend,
    }
