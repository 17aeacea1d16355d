"""Long polling: PTB's Updater asks the Bot API for updates; pending ones are dropped at start."""

from __future__ import annotations

from starlette.routing import BaseRoute

from services.bot.runtime import BotRuntime

__all__ = ["PollingTransport"]


class PollingTransport:
    mode = "polling"
    with_updater = True

    def routes(self, runtime: BotRuntime) -> list[BaseRoute]:
        return []

    async def start(self, runtime: BotRuntime) -> None:
        updater = runtime.application.updater
        assert updater is not None  # built with_updater=True
        # Messages sent while the bot was down are stale questions: start fresh.
        await updater.start_polling(drop_pending_updates=True, allowed_updates=["message"])

    async def stop(self, runtime: BotRuntime) -> None:
        updater = runtime.application.updater
        if updater is not None and updater.running:
            await updater.stop()
