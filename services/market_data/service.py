"""The market-data core: fan out to the exchanges, combine, cache. No HTTP server code here."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from services.market_data.admission import Admission
from services.market_data.breaker import Breaker
from services.market_data.cache import Cache
from services.market_data.exchanges.base import Adapter, ExchangeError, UnknownSymbol
from services.market_data.stats import combine, summarize_candles
from services.market_data.symbols import Pair

__all__ = ["ExchangeState", "MarketData", "SymbolNotFound"]

log = logging.getLogger("market_data.service")
T = TypeVar("T")
Answer = dict[str, Any]

CANDLES = 48  # two days of hourly candles: 24 h of change/range plus a 25 h average
# Every endpoint promises an answer within 2 s; this leaves a margin for the HTTP layers.
REQUEST_BUDGET = 1.9


class SymbolNotFound(Exception):
    """Every exchange that answered said it does not list the symbol."""


@dataclass
class ExchangeState:
    """What /health reports about one exchange."""

    ok: bool | None = None
    last_error: str | None = None
    last_ok_at: float | None = None
    consecutive_failures: int = 0
    latency_ms: float | None = None
    calls: int = 0
    failures: int = 0
    breaker: str = "closed"
    skipped: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items()}


@dataclass
class _Fanned:
    results: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    unknown: int = 0
    latency_ms: dict[str, float] = field(default_factory=dict)


class MarketData:
    """Prices, open interest and analysis for a pair, from every configured exchange at once.

    Each exchange gets `timeout` seconds; whatever is late or broken becomes an entry in the
    answer's `errors`, so an answer is always partial-or-complete, never missing."""

    def __init__(
        self, adapters: list[Adapter], cache: Cache, *, timeout: float, ttl: float,
        error_ttl: float, admission: Admission | None = None,
        breaker_failures: int = 5, breaker_cooloff: float = 2.0,
    ) -> None:
        self._adapters = adapters
        self._admission = admission or Admission(slots=16, queue=1000)
        self._cache = cache
        self._timeout = timeout
        self._ttl = ttl
        self._error_ttl = error_ttl
        self.states = {a.name: ExchangeState() for a in adapters}
        self._breakers = {a.name: Breaker(breaker_failures, breaker_cooloff) for a in adapters}
        # Concurrent misses on one key share one fan-out instead of each starting their own.
        self._inflight: dict[str, asyncio.Future[Answer]] = {}

    @property
    def cache(self) -> Cache:
        return self._cache

    @property
    def admission(self) -> Admission:
        return self._admission

    # Each query takes `deadline` (time.monotonic() by which the client must have its
    # answer; default REQUEST_BUDGET from now) and raises Overloaded when it cannot start
    # its fan-out in time.
    async def combined_price(self, pair: Pair, deadline: float | None = None) -> Answer:
        """Per-exchange price and volume, their median, volume-weighted average and spread."""
        return await self._cached(f"md:v1:price:{pair}", lambda: self._price(pair), deadline)

    async def open_interest(self, pair: Pair, deadline: float | None = None) -> Answer:
        """Open interest per exchange in base coins and USD, and the totals."""
        return await self._cached(f"md:v1:oi:{pair}", lambda: self._oi(pair), deadline)

    async def analysis(self, pair: Pair, deadline: float | None = None) -> Answer:
        """A summary of recent hourly candles from the first exchange that has them, plus
        funding rates where the exchanges give them."""
        return await self._cached(f"md:v1:analysis:{pair}", lambda: self._analysis(pair),
                                  deadline)

    async def _cached(
        self, key: str, compute: Callable[[], Awaitable[Answer]], deadline: float | None
    ) -> Answer:
        if deadline is None:
            deadline = time.monotonic() + REQUEST_BUDGET
        hit = await self._cache.get(key)
        if hit is not None:
            return _raise_or_return(hit, cached=True)
        pending = self._inflight.get(key)
        if pending is not None:
            # Its leader started earlier, so it answers (or sheds) before our deadline.
            return _raise_or_return(await asyncio.shield(pending), cached=False)
        future: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        # Registered before waiting for a slot, so identical requests join this one rather
        # than queue for slots of their own; when it is shed, they are too (Overloaded).
        self._inflight[key] = future
        try:
            try:
                # The fan-out takes up to `timeout`; what the budget leaves is the wait.
                async with self._admission.slot(deadline - time.monotonic() - self._timeout):
                    answer = await compute()
            except SymbolNotFound as exc:
                # Remembered like any answer: a typo repeated must not hit every exchange.
                answer = {"not_found": str(exc)}
            ttl = self._error_ttl if answer.get("errors") else self._ttl
            await self._cache.set(key, answer, ttl)
            future.set_result(answer)
        except BaseException as exc:
            future.set_exception(exc)
            # Waiters re-raise it; mark retrieved so asyncio does not warn when there are none.
            future.exception()
            raise
        finally:
            del self._inflight[key]
        return _raise_or_return(answer, cached=False)

    async def _fan_out(self, call: Callable[[Adapter], Awaitable[T]]) -> _Fanned:
        out = _Fanned()

        async def one(adapter: Adapter) -> None:
            state = self.states[adapter.name]
            breaker = self._breakers[adapter.name]
            go, probe = breaker.allow()
            if not go:
                state.skipped += 1
                out.errors[adapter.name] = (f"not asked: {state.consecutive_failures} failures "
                                            f"in a row, last {state.last_error}")
                return
            state.calls += 1
            started = time.perf_counter()
            error: str | None
            try:
                out.results[adapter.name] = await asyncio.wait_for(call(adapter), self._timeout)
            except asyncio.CancelledError:
                breaker.abandon(probe=probe)
                raise
            except TimeoutError:
                error = f"timeout after {self._timeout:g} s"
            except UnknownSymbol as exc:
                out.unknown += 1
                error = str(exc)
            except ExchangeError as exc:
                error = str(exc)
            except Exception as exc:  # a bug in one adapter must not sink the answer
                log.exception("adapter failed", extra={"exchange": adapter.name})
                error = f"internal error: {type(exc).__name__}"
            else:
                error = None
            elapsed = (time.perf_counter() - started) * 1000
            out.latency_ms[adapter.name] = round(elapsed, 1)
            state.latency_ms = round(elapsed, 1)
            # An unknown symbol is the user's mistake, not the exchange's ill health.
            healthy = error is None or error.startswith("unknown symbol")
            breaker.record(healthy, probe=probe)
            if error is None:
                state.ok, state.last_ok_at, state.consecutive_failures = True, time.time(), 0
                return
            out.errors[adapter.name] = error
            if not healthy:
                state.ok, state.last_error = False, error
                state.consecutive_failures += 1
                state.failures += 1
                log.warning("exchange failed", extra={"exchange": adapter.name, "error": error})

        await asyncio.gather(*(one(a) for a in self._adapters))
        return out

    def _check_known(self, pair: Pair, fanned: _Fanned) -> None:
        if not fanned.results and fanned.unknown and fanned.unknown == len(fanned.errors):
            raise SymbolNotFound(f"no exchange lists {pair}")

    async def _price(self, pair: Pair) -> Answer:
        fanned = await self._fan_out(lambda a: a.ticker(pair))
        self._check_known(pair, fanned)
        prices = {name: t.price for name, t in fanned.results.items()}
        volumes = {name: t.volume for name, t in fanned.results.items() if t.volume}
        combined = combine(prices, volumes) if prices else {}
        return {
            "symbol": str(pair),
            "price": combined.get("median"),
            **combined,
            "exchanges": {
                name: {"price": t.price, "volume": t.volume, "high": t.high, "low": t.low,
                       "change_pct": t.change_pct, "latency_ms": fanned.latency_ms[name]}
                for name, t in sorted(fanned.results.items())
            },
            "errors": dict(sorted(fanned.errors.items())),
            "as_of": time.time(),
        }

    async def _oi(self, pair: Pair) -> Answer:
        fanned = await self._fan_out(lambda a: a.open_interest(pair))
        self._check_known(pair, fanned)
        per = {name: {"coins": oi.coins, "usd": oi.usd} for name, oi in fanned.results.items()}
        return {
            "symbol": str(pair),
            "unit": pair.base,
            "total_coins": sum(v["coins"] for v in per.values()) if per else None,
            "total_usd": sum(v["usd"] for v in per.values()) if per else None,
            "exchanges": dict(sorted(per.items())),
            "errors": dict(sorted(fanned.errors.items())),
            "as_of": time.time(),
        }

    async def _analysis(self, pair: Pair) -> Answer:
        candles, funding = await asyncio.gather(
            self._fan_out(lambda a: a.candles(pair, CANDLES)),
            self._fan_out(lambda a: a.funding_rate(pair)),
        )
        self._check_known(pair, candles)
        source = next((a.name for a in self._adapters if candles.results.get(a.name)), None)
        summary = summarize_candles(candles.results[source]) if source else None
        return {
            "symbol": str(pair),
            "source": source,
            "summary": summary,
            "funding": {n: r for n, r in sorted(funding.results.items()) if r is not None},
            "errors": dict(sorted(candles.errors.items())),
            "as_of": time.time(),
        }

    def health(self) -> dict[str, Any]:
        """Per-exchange state; `degraded` when any exchange failed its last call."""
        for name, state in self.states.items():
            state.breaker = self._breakers[name].state
        states = {name: s.as_dict() for name, s in self.states.items()}
        degraded = any(s.ok is False for s in self.states.values())
        return {"status": "degraded" if degraded else "ok", "exchanges": states,
                "cache": self._cache.state(), "admission": self._admission.state()}


def _raise_or_return(answer: Answer, *, cached: bool) -> Answer:
    if "not_found" in answer:
        raise SymbolNotFound(answer["not_found"])
    return {**answer, "cached": cached}
