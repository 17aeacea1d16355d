"""Turn market-data answers into short chat replies (plain text: no markup to escape)."""

from __future__ import annotations

from typing import Any

__all__ = ["analysis_reply", "oi_reply", "price_reply"]


def money(value: float) -> str:
    """A price: thousands separated, two decimals; small coins keep 6 significant digits."""
    return f"{value:,.2f}" if value >= 1 else f"{value:.6g}"


def compact_usd(value: float) -> str:
    """USD in K/M/B so large open interest stays readable."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return f"${value / size:,.2f}{suffix}"
    return f"${value:,.2f}"


def _errors(body: dict[str, Any]) -> str | None:
    errors = body.get("errors") or {}
    if not errors:
        return None
    return "Not answering: " + ", ".join(f"{name} ({why})" for name, why in errors.items())


def _with_errors(lines: list[str], body: dict[str, Any]) -> str:
    note = _errors(body)
    return "\n".join([*lines, note] if note else lines)


def price_reply(body: dict[str, Any]) -> str:
    """Median price, each exchange's price, VWAP and spread; which exchanges failed."""
    symbol = body["symbol"]
    if body.get("price") is None:
        return _with_errors([f"No exchange answered for {symbol}."], body)
    per = body["exchanges"]
    lines = [
        f"{symbol}: {money(body['price'])} (median of {len(per)} exchange"
        f"{'s' if len(per) != 1 else ''})",
        " | ".join(f"{name} {money(v['price'])}" for name, v in per.items()),
    ]
    extra = []
    if body.get("vwap") is not None:
        extra.append(f"VWAP {money(body['vwap'])}")
    if len(per) > 1:
        extra.append(f"spread {money(body['spread'])} ({body['spread_pct']:.2f}%)")
    if extra:
        lines.append(" | ".join(extra))
    return _with_errors(lines, body)


def oi_reply(body: dict[str, Any]) -> str:
    """Open interest per exchange in coins and USD, and the total."""
    symbol, unit = body["symbol"], body["unit"]
    if body.get("total_coins") is None:
        return _with_errors([f"No exchange answered with open interest for {symbol}."], body)
    lines = [
        f"{symbol} open interest: {body['total_coins']:,.0f} {unit} "
        f"({compact_usd(body['total_usd'])})",
        *(f"{name}: {v['coins']:,.0f} {unit} ({compact_usd(v['usd'])})"
          for name, v in body["exchanges"].items()),
    ]
    return _with_errors(lines, body)


def analysis_reply(body: dict[str, Any]) -> str:
    """The summary of recent candles, stated plainly, and funding where known."""
    symbol, s = body["symbol"], body.get("summary")
    if not s:
        return _with_errors([f"No exchange had recent candles for {symbol}."], body)
    lines = [
        f"{symbol}, last {s['hours']} h ({body['source']}, hourly candles):",
        f"last {money(s['last'])} | change {s['change_pct']:+.2f}% | "
        f"range {money(s['low'])} - {money(s['high'])}",
    ]
    if s.get("sma_7h") is not None and s.get("sma_25h") is not None:
        lines.append(f"SMA 7h {money(s['sma_7h'])} | SMA 25h {money(s['sma_25h'])}")
    lines.append(f"Trend: {s['trend']}")
    funding = body.get("funding") or {}
    if funding:
        lines.append("Funding: " + " | ".join(f"{n} {r * 100:.4f}%" for n, r in funding.items()))
    lines.append("Not advice: a summary of recent prices only.")
    return _with_errors(lines, body)
