"""The HTTP face of the market-data service (Starlette): routes translate, the core computes."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from services.market_data import __version__
from services.market_data.admission import Admission, Overloaded
from services.market_data.body import BodyError, read_json
from services.market_data.cache import Cache, make_cache
from services.market_data.exchanges import build_adapters
from services.market_data.metrics import Metrics
from services.market_data.service import REQUEST_BUDGET, MarketData, SymbolNotFound
from services.market_data.settings import Settings
from services.market_data.symbols import Pair, SymbolError, parse_symbol

__all__ = ["create_app"]

log = logging.getLogger("market_data.app")
Query = Callable[[MarketData, Pair, float], Awaitable[dict[str, Any]]]


def create_app(settings: Settings, *, cache: Cache | None = None) -> Starlette:
    """The ASGI app; its lifespan opens the one shared HTTP client and the cache."""
    metrics = Metrics()
    started = time.monotonic()
    holder: dict[str, MarketData] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # Admission control bounds the calls in flight (at most six per fan-out: open
        # interest and analysis make two per exchange), and the pool is sized to hold them
        # all: nothing waits inside the pool, whose waiter scan costs CPU per waiter.
        limits = httpx.Limits(max_connections=settings.max_fanouts * 6,
                              max_keepalive_connections=min(settings.max_fanouts * 6, 32))
        timeout = httpx.Timeout(settings.exchange_timeout)
        async with httpx.AsyncClient(
            timeout=timeout,
            limits=limits,
            headers={"User-Agent": f"envsync-market-data/{__version__}"},
        ) as client:
            the_cache = cache or make_cache(settings.redis_url)
            holder["md"] = MarketData(
                build_adapters(settings, client), the_cache, timeout=settings.exchange_timeout,
                ttl=settings.cache_ttl, error_ttl=settings.error_ttl,
                admission=Admission(settings.max_fanouts, settings.max_queued),
                breaker_failures=settings.breaker_failures,
                breaker_cooloff=settings.breaker_cooloff,
            )
            log.info("started", extra={"exchanges": list(settings.exchanges),
                                       "cache": the_cache.state()["backend"]})
            try:
                yield
            finally:
                await the_cache.close()

    def answer(route: str, status: int, body: dict[str, Any]) -> Response:
        metrics.count(route, status)
        return JSONResponse(body, status_code=status)

    async def query(route: str, run: Query, symbol: str, arrived: float) -> Response:
        try:
            pair = parse_symbol(symbol)
        except SymbolError as exc:
            return answer(route, 400, {"error": str(exc)})
        try:
            return answer(route, 200, await run(holder["md"], pair, arrived + REQUEST_BUDGET))
        except SymbolNotFound as exc:
            return answer(route, 404, {"error": str(exc), "symbol": str(pair)})
        except Overloaded as exc:
            metrics.count(route, 503)
            return JSONResponse({"error": str(exc)}, status_code=503,
                                headers={"Retry-After": str(exc.retry_after)})

    async def health(request: Request) -> Response:
        md = holder["md"]
        return answer("/health", 200, {
            "version": __version__,
            "uptime_s": round(time.monotonic() - started, 1),
            **md.health(),
        })

    async def combined_price(request: Request) -> Response:
        arrived = time.monotonic()
        try:
            body = await read_json(request)
        except BodyError as exc:
            return answer("/combined_price", exc.status, {"error": str(exc)})
        except ValueError:
            body = None  # not JSON: answered like JSON of the wrong shape
        try:
            symbol = body["symbol"]
            if not isinstance(symbol, str):
                raise TypeError
        except (KeyError, TypeError):
            return answer("/combined_price", 422,
                          {"error": 'send a JSON body like {"symbol": "BTC/USDT"}'})
        return await query("/combined_price", MarketData.combined_price, symbol, arrived)

    async def price(request: Request) -> Response:
        return await query("/price", MarketData.combined_price, request.path_params["symbol"],
                           time.monotonic())

    async def oi(request: Request) -> Response:
        return await query("/oi", MarketData.open_interest, request.path_params["symbol"],
                           time.monotonic())

    async def analysis(request: Request) -> Response:
        return await query("/analysis", MarketData.analysis, request.path_params["symbol"],
                           time.monotonic())

    async def metrics_route(request: Request) -> Response:
        text = metrics.render(holder["md"].health(), time.monotonic() - started)
        return PlainTextResponse(text, media_type="text/plain; version=0.0.4")

    return Starlette(
        routes=[
            Route("/health", health),
            Route("/combined_price", combined_price, methods=["POST"]),
            Route("/price/{symbol:path}", price),
            Route("/oi/{symbol:path}", oi),
            Route("/analysis/{symbol:path}", analysis),
            Route("/metrics", metrics_route),
        ],
        lifespan=lifespan,
    )
