"""What both modes share: the core, the Application, its start-up with retries, /health,
and the HTTP servers. A transport adds only how updates arrive."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Iterator
from typing import Any, Protocol

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route
from telegram.ext import Application

from services.bot import __version__
from services.bot.core import MarketDataClient, build_registry
from services.bot.metrics import CommandMetrics
from services.bot.settings import BotSettings
from services.bot.telegram_app import Counters, build_application

__all__ = ["BotRuntime", "Transport", "serve"]

log = logging.getLogger("bot.runtime")

START_BACKOFF = 0.5
START_BACKOFF_MAX = 30.0


class Transport(Protocol):
    """How updates reach the Application: the part that differs between the modes."""

    mode: str
    with_updater: bool

    def routes(self, runtime: BotRuntime) -> list[BaseRoute]:
        """Extra HTTP routes on the main server (the webhook endpoint)."""
        ...

    async def start(self, runtime: BotRuntime) -> None:
        """Begin receiving updates; called once the Application is initialised and started."""
        ...

    async def stop(self, runtime: BotRuntime) -> None: ...


class BotRuntime:
    """The running bot: builds everything from settings, brings it up in the background
    (retrying while Telegram is unreachable) and reports its state on /health."""

    def __init__(self, settings: BotSettings, transport: Transport) -> None:
        self.settings = settings
        self.transport = transport
        self.counters = Counters()
        self.metrics = CommandMetrics()
        self.market = MarketDataClient(settings.market_data_url, settings.market_data_timeout)
        self.registry = build_registry(self.market, settings.allowed_chat_ids)
        self.application: Application = build_application(  # type: ignore[type-arg]
            settings, self.registry, self.counters, with_updater=transport.with_updater,
            metrics=self.metrics,
        )
        self.ready = False
        self.bot_username: str | None = None
        self.last_error: str | None = None
        self._started = time.monotonic()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Bring the bot up in a background task; return at once so /health answers."""
        self._task = asyncio.create_task(self._bring_up(), name="bot-start")

    async def _bring_up(self) -> None:
        delay = START_BACKOFF
        while True:
            try:
                await self.application.initialize()  # calls getMe
                break
            except Exception as exc:  # Telegram unreachable or refusing: keep trying, stay up
                self.last_error = f"{type(exc).__name__}: {exc}"
                log.warning("Bot API not reachable, retrying",
                            extra={"error": self.last_error, "retry_in_s": delay})
                await asyncio.sleep(delay)
                delay = min(delay * 2, START_BACKOFF_MAX)
        await self.application.start()
        await self.transport.start(self)
        self.bot_username = self.application.bot.username
        self.ready, self.last_error = True, None
        log.info("bot ready", extra={"mode": self.transport.mode, "bot": self.bot_username})

    async def stop(self) -> None:
        """Stop receiving, let handlers finish, close the clients."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self.ready:
            await self.transport.stop(self)
            await self.application.stop()
            await self.application.shutdown()
        await self.market.aclose()

    def health(self) -> tuple[int, dict[str, Any]]:
        """HTTP status (503 until the bot is connected) and the health document."""
        body = {
            "status": "ok" if self.ready else "starting",
            "mode": self.transport.mode,
            "version": __version__,
            "uptime_s": round(time.monotonic() - self._started, 1),
            "bot": self.bot_username,
            "last_error": self.last_error,
            "updates": self.counters.updates,
            "replies": self.counters.replies,
            "send_failures": self.counters.send_failures,
            "allow_list": self.settings.allowed_chat_ids is not None,
        }
        return (200 if self.ready else 503), body

    def health_route(self) -> Route:
        async def health(request: Request) -> Response:
            status, body = self.health()
            return JSONResponse(body, status_code=status)

        return Route("/health", health)

    def metrics_route(self) -> Route:
        """/metrics: each command's answer time (Prometheus text; services/bot/metrics.py)."""
        async def metrics(request: Request) -> Response:
            return PlainTextResponse(self.metrics.render(time.monotonic() - self._started),
                                     media_type="text/plain; version=0.0.4")

        return Route("/metrics", metrics)


class _Server(uvicorn.Server):
    # Several servers share one loop; serve() installs the signal handlers once for all.
    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def _server(app: Starlette, host: str, port: int) -> _Server:
    return _Server(uvicorn.Config(app, host=host, port=port, log_config=None, access_log=False,
                                  lifespan="off", http="h11", loop="asyncio",
                                  timeout_graceful_shutdown=5))


async def serve(settings: BotSettings, transport: Transport) -> None:
    """Run the bot until SIGTERM/SIGINT: the main server on the transport's port (health plus
    its routes) and, when BOT_HEALTH_PORT is another port, a server with /health and /metrics
    there."""
    runtime = BotRuntime(settings, transport)
    extra = transport.routes(runtime)
    main_port = settings.webhook_port if extra else settings.health_port
    # /metrics on the health port only: a webhook's port faces Telegram (the internet)
    inner = [runtime.health_route(), runtime.metrics_route()]
    main_app = Starlette(routes=[*(inner if main_port == settings.health_port
                                   else [runtime.health_route()]), *extra])
    servers = [_server(main_app, settings.host, main_port)]
    if main_port != settings.health_port:
        servers.append(_server(Starlette(routes=inner), settings.host, settings.health_port))

    def stop_all() -> None:
        for s in servers:
            s.should_exit = True

    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop_all)
    await runtime.start()
    try:
        await asyncio.gather(*(s.serve() for s in servers))
    finally:
        await runtime.stop()
